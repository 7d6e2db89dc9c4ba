package eval

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func addFileLines(f *testing.F, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	f.Add(b)
	for _, line := range bytes.Split(b, []byte("\n")) {
		f.Add(line)
	}
}

// FuzzReadPred: arbitrary input never panics, and whatever parses scores
// and explains itself consistently.
func FuzzReadPred(f *testing.F) {
	addFileLines(f, "testdata/pred.jsonl")
	for _, s := range []string{"", "\r", "{}", "null", `{"doc":"a","place":[1]}`, `{"doc":"a","fatalities":{"group":"x"}}`,
		`{"doc":"a","evidence":{"start":-5,"end":1e30}}`, `{"doc":"a","date":"2017W53"}`, `{"record":"document","doc":"a","toponyms":{}}`} {
		f.Add([]byte(s))
	}
	gb, err := os.ReadFile("testdata/gold.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	gold, err := ReadGold(bytes.NewReader(gb))
	if err != nil {
		f.Fatal(err)
	}
	texts := map[string]string{"a-1": "نص قصير. وفيه جملة ثانية", "e-5": "\xff\xfe"}
	f.Fuzz(func(t *testing.T, data []byte) {
		pred, err := ReadPred(bytes.NewReader(data))
		if err != nil {
			if pred != nil {
				t.Fatal("pred with error")
			}
			return
		}
		// Score every parsed document as if the gold had it too.
		g := append([]Gold{}, gold...)
		for doc := range pred {
			g = append(g, Gold{Doc: doc, Toponyms: GoldNames{Required: []string{doc}}, Cited: []string{doc}})
		}
		s := Score(g, pred)
		var buf bytes.Buffer
		if err := s.WriteText(&buf, true); err != nil {
			t.Fatal(err)
		}
		items := Errors(g, pred, texts)
		checkErrorsAgree(t, g, pred, items)
		if err := WriteErrors(&buf, items); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzReadGold: arbitrary gold input never panics; parsed gold scores.
func FuzzReadGold(f *testing.F) {
	addFileLines(f, "testdata/gold.jsonl")
	for _, s := range []string{"", "{}", `{"doc":"a","events":[{"type":"x","place":null}]}`, `{"doc":"a","casualties":[{"group":"g","killed":"٣"}]}`} {
		f.Add([]byte(s))
	}
	pb, err := os.ReadFile("testdata/pred.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	pred, err := ReadPred(bytes.NewReader(pb))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		gold, err := ReadGold(bytes.NewReader(data))
		if err != nil {
			return
		}
		Score(gold, pred)
		checkErrorsAgree(t, gold, pred, Errors(gold, pred, nil))
	})
}

// FuzzNorm: Norm never panics, keeps valid UTF-8 valid and leaves no
// leading, trailing or doubled space.
func FuzzNorm(f *testing.F) {
	for _, c := range normCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Norm(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Norm(%q) = %q: invalid UTF-8", s, n)
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("Norm(%q) = %q: stray spaces", s, n)
		}
		for _, r := range n {
			if dropped(r) || r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ' || r == 'ى' || r == 'ة' {
				t.Fatalf("Norm(%q) = %q keeps %q", s, n, r)
			}
		}
	})
}

// FuzzDaysApart: the ISO date reader never panics and is symmetric.
func FuzzDaysApart(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.a, c.b)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		x, okx := daysApart(a, b)
		y, oky := daysApart(b, a)
		if x != y || okx != oky || x < 0 {
			t.Fatalf("daysApart(%q, %q) = %d %v, reversed %d %v", a, b, x, okx, y, oky)
		}
	})
}
