package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/errors.golden")

func loadFixture(t testing.TB) ([]Gold, map[string]*Pred, map[string]string) {
	t.Helper()
	gf, err := os.ReadFile("testdata/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := ReadGold(bytes.NewReader(gf))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := os.ReadFile("testdata/pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	pred, err := ReadPred(bytes.NewReader(pf))
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	files, _ := filepath.Glob("testdata/texts/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	return gold, pred, texts
}

// checkErrorsAgree asserts that the error list accounts for every count
// Score reports.
func checkErrorsAgree(t testing.TB, gold []Gold, pred map[string]*Pred, items []ErrorItem) {
	t.Helper()
	c := Score(gold, pred).Counts
	n := map[string]int{}
	for _, it := range items {
		n[it.Kind]++
	}
	want := map[string]int{
		KindMissed: c.EvFN, KindSpurious: c.EvFP, KindWrongSubtype: c.EvTP - c.SubOK,
		KindWrongActor1: c.A1N - c.A1OK, KindWrongDate: c.DateN - c.DateOK,
		KindToponymFP: c.TopFP, KindToponymFN: c.TopFN, KindCasualtyFP: c.CasFP, KindCasualtyFN: c.CasFN,
		KindCitedFN: c.CitedN - c.CitedHit,
	}
	for k, v := range want {
		if n[k] != v {
			t.Errorf("%d %s items, counts say %d", n[k], k, v)
		}
	}
}

func TestErrorsGolden(t *testing.T) {
	gold, pred, texts := loadFixture(t)
	items := Errors(gold, pred, texts)
	checkErrorsAgree(t, gold, pred, items)
	var buf bytes.Buffer
	if err := WriteErrors(&buf, items); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/errors.golden"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if buf.String() != string(want) {
		t.Errorf("WriteErrors output differs from %s:\n%s", golden, buf.String())
	}
	// Items are plain data: they marshal.
	if _, err := json.Marshal(items); err != nil {
		t.Error(err)
	}
}

func TestErrorsDetails(t *testing.T) {
	gold, pred, texts := loadFixture(t)
	items := Errors(gold, pred, texts)
	var missed *ErrorItem
	for i := range items {
		if items[i].Doc == "a-1" && items[i].Kind == KindMissed {
			missed = &items[i]
		}
	}
	if missed == nil {
		t.Fatal("no missed event in a-1")
	}
	ge := missed.Gold.(*GoldEvent)
	pe, _ := missed.Pred.(*PredEvent)
	if ge.Type != "violence_against_civilians" || pe == nil || pe.Type != "explosions_remote_violence" {
		t.Errorf("missed %+v near %+v", ge, pe)
	}
	if !strings.Contains(missed.Sentence, "سوقا شعبية") {
		t.Errorf("missed sentence %q", missed.Sentence)
	}
	// Without texts the items are the same, without sentences.
	bare := Errors(gold, pred, nil)
	if len(bare) != len(items) {
		t.Fatalf("%d items without texts, %d with", len(bare), len(items))
	}
	for _, it := range bare {
		if it.Sentence != "" {
			t.Errorf("sentence without text: %+v", it)
		}
	}
}

func TestSpan(t *testing.T) {
	text := "أ. ب"
	cases := []struct {
		ev   [2]int
		want string
	}{
		{[2]int{0, len(text)}, text},
		{[2]int{1, len(text)}, ". ب"}, // start inside a rune moves forward
		{[2]int{0, 1}, ""},            // end inside the first rune
		{[2]int{-1, 2}, ""},
		{[2]int{2, 100}, ""},
		{[2]int{3, 3}, ""},
	}
	for _, c := range cases {
		if got := span(text, c.ev); got != c.want {
			t.Errorf("span(%v) = %q, want %q", c.ev, got, c.want)
		}
	}
}
