package events

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/dates"
	"rasad/internal/document"
	"rasad/internal/source"
)

// TestDumpDev prints the mentions of one dev document (debug aid; set
// RASAD_DUMP=doc-id to run).
func TestDumpDev(t *testing.T) {
	id := os.Getenv("RASAD_DUMP")
	if id == "" {
		t.Skip("set RASAD_DUMP=doc-id to dump a dev document")
	}
	p := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "docs", id+".txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skip("../shared not present: ", err)
	}
	d, err := document.Build(source.Record{ID: id, Body: b})
	if err != nil {
		t.Fatal(err)
	}
	x := NewExtractor()
	r := x.Analyze(d, Options{})
	fmt.Println("PUBLISHED", d.Published, "DATELINE", d.Dateline)
	for _, s := range r.Analysis.Sentences {
		st := d.Text[s.Start:s.End]
		fmt.Printf("\n[S %d-%d] %s\n", s.Start, s.End, st)
		for _, m := range r.Actors {
			if m.Start >= s.Start && m.End <= s.End {
				fmt.Printf("   ACTOR %q id=%s kind=%s group=%s\n", m.Text, m.ID, m.Kind, m.Group)
			}
		}
		for _, m := range r.Sources {
			if m.Start >= s.Start && m.End <= s.End {
				fmt.Printf("   SOURCE %q\n", m.Text)
			}
		}
		for _, m := range r.Places {
			if m.Start >= s.Start && m.End <= s.End {
				fmt.Printf("   PLACE %q name=%s cue=%s prec=%d\n", m.Text, m.Name, m.Cue, m.GeoPrecision)
			}
		}
	}
	for _, e := range dates.Find(d.Text) {
		fmt.Printf("DATE %q kind=%v %d-%d-%d off=%d since=%v\n", e.Text, e.Kind, e.Year, e.Month, e.Day, e.OffsetDays, e.Since)
	}
	for _, ev := range r.Events {
		fmt.Println("EVENT", ev.Type, ev.Subtype, ev.Place.Name, strings.TrimSpace(ev.Trigger))
	}
}
