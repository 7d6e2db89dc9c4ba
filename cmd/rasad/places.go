package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"rasad/internal/document"
	"rasad/internal/events"
	"rasad/internal/source"
)

type placesCmd struct {
	File string `arg:"" help:"A report (any input format; - for stdin)." type:"path"`
}

// Run prints every place, actor and cited-source mention of the report with
// its offsets into the clean text, for debugging the mention stage.
func (c *placesCmd) Run(g *globals) error {
	x := events.NewExtractor()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	failed := false
	err := source.Walk(context.Background(), []string{c.File}, source.Options{}, source.Handler{
		Record: func(rec source.Record) error {
			d, err := document.Build(rec)
			if err != nil {
				fmt.Fprintf(os.Stderr, "error: %v\n", err)
				failed = true
				return nil
			}
			r := x.Analyze(d, events.Options{})
			fmt.Fprintf(w, "== %s (%d bytes of clean text)\n", d.ID, len(d.Text))
			for _, p := range r.Places {
				entry, kind, admin := "new", "", ""
				if p.Place != nil {
					entry, kind, admin = p.Place.ID, string(p.Place.Kind), p.Place.Governorate
				}
				fmt.Fprintf(w, "place  [%d,%d)\t%s\t→ %s\t%s %s\t%s\t%.4f,%.4f\tprecision %d\n",
					p.Start, p.End, p.Text, p.Name, entry, kind, admin, p.Lat, p.Lon, p.GeoPrecision)
			}
			for _, a := range r.Actors {
				ref := ""
				if a.BackRef {
					ref = " (back-reference)"
				}
				fmt.Fprintf(w, "actor  [%d,%d)\t%s\t→ %s\t%s\tframing %s%s\n", a.Start, a.End, a.Text, a.ID, a.Group, a.Framing, ref)
			}
			for _, s := range r.Sources {
				fmt.Fprintf(w, "source [%d,%d)\t%s\t→ %s (%s, %s)\n", s.Start, s.End, s.Text, s.Source.Name, s.Source.Kind, s.Source.Affiliation)
			}
			return nil
		},
		Fail: func(e *source.Error) { fmt.Fprintf(os.Stderr, "error: %v\n", e); failed = true },
	})
	if err != nil {
		return err
	}
	if failed {
		return exitError{1}
	}
	return nil
}
