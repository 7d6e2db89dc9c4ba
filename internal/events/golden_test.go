package events

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/document"
	"rasad/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// TestGolden extracts the events of the invented reports in testdata/*.txt
// and compares them with testdata/*.golden.jsonl (go test -update rewrites
// them). The reports were written for these tests.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata reports: %v", err)
	}
	x := NewExtractor()
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := document.Build(source.Record{ID: name, Body: b})
			if err != nil {
				t.Fatal(err)
			}
			r := x.Analyze(d, Options{})
			checkRecords(t, r)
			var out bytes.Buffer
			enc := json.NewEncoder(&out)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(map[string]any{"doc": r.Doc.Doc, "cited": r.Doc.Cited}); err != nil {
				t.Fatal(err)
			}
			// the event stage's own fields (coordinates and ids belong to
			// the gazetteer and are tested there)
			for _, e := range r.Events {
				g := map[string]any{
					"type": e.Type, "subtype": e.Subtype, "actor1": e.Actor1, "actor2": e.Actor2,
					"place": e.Place.Name, "date": e.Date, "time_precision": e.TimePrecision,
					"fatalities": e.Fatalities, "cited": e.Cited, "evidence": e.Evidence,
					"mentions": e.Mentions, "trigger": e.Trigger,
				}
				if err := enc.Encode(g); err != nil {
					t.Fatal(err)
				}
			}
			gold := filepath.Join("testdata", name+".golden.jsonl")
			if *update {
				if err := os.WriteFile(gold, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gold)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("events of %s differ from %s (go test -update to accept):\n--- got\n%s\n--- want\n%s", f, gold, out.Bytes(), want)
			}
		})
	}
}
