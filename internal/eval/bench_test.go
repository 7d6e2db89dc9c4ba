package eval

import (
	"bytes"
	"fmt"
	"os"
	"testing"
)

func BenchmarkNorm(b *testing.B) {
	names := []string{"مدينة مَعَرَّة النعمان", "حي العرفي", "«جسر الشغور»", "الرقـــة", "Al-Bab"}
	n := 0
	for _, s := range names {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range names {
			Norm(s)
		}
	}
}

// scaledFixture repeats the fixture under k distinct doc ids.
func scaledFixture(b *testing.B, k int) (gold, pred []byte) {
	gb, err := os.ReadFile("testdata/gold.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	pb, err := os.ReadFile("testdata/pred.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var g, p bytes.Buffer
	for i := 0; i < k; i++ {
		gi, pi := gb, pb
		for _, doc := range []string{"a-1", "b-2", "c-3", "d-4", "e-5", "f-6"} {
			from := []byte(`"doc": "` + doc + `"`)
			to := []byte(fmt.Sprintf(`"doc": "%s-%d"`, doc, i))
			gi, pi = bytes.ReplaceAll(gi, from, to), bytes.ReplaceAll(pi, from, to)
		}
		g.Write(gi)
		p.Write(pi)
	}
	return g.Bytes(), p.Bytes()
}

// BenchmarkReadScore reads and scores an export (bytes = export size).
func BenchmarkReadScore(b *testing.B) {
	gb, pb := scaledFixture(b, 200)
	b.SetBytes(int64(len(pb)))
	b.ReportAllocs()
	for b.Loop() {
		gold, err := ReadGold(bytes.NewReader(gb))
		if err != nil {
			b.Fatal(err)
		}
		pred, err := ReadPred(bytes.NewReader(pb))
		if err != nil {
			b.Fatal(err)
		}
		Score(gold, pred)
	}
}

// BenchmarkScore scores parsed input (bytes = export size).
func BenchmarkScore(b *testing.B) {
	gb, pb := scaledFixture(b, 200)
	gold, err := ReadGold(bytes.NewReader(gb))
	if err != nil {
		b.Fatal(err)
	}
	pred, err := ReadPred(bytes.NewReader(pb))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(pb)))
	b.ReportAllocs()
	for b.Loop() {
		Score(gold, pred)
	}
}
