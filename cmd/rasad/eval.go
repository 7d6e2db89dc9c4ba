package main

import (
	"bytes"
	"fmt"
	"os"

	"rasad/internal/eval"
	"rasad/internal/events"
	"rasad/internal/export"
	"rasad/internal/ingest"
)

type evalCmd struct {
	Gold      string   `help:"Gold file (JSON Lines, ../shared/spec/events.md)." required:"" type:"existingfile"`
	Docs      []string `help:"The reports the gold describes (files or directories)." required:"" type:"path"`
	Published string   `help:"Publication date (YYYY-MM-DD) for inputs that carry none."`
	Errors    bool     `help:"List every missed and spurious event (and toponym, casualty, cited) with its sentence."`
	PerDoc    bool     `help:"Also print the scores of each document."`
	JSON      bool     `help:"Print the scores as JSON (the same keys as score.py --json)."`
}

// Run extracts events from the documents exactly as rasad extract does and
// scores them the way ../shared/eval/score.py does.
func (c *evalCmd) Run(g *globals) error {
	gf, err := os.Open(c.Gold)
	if err != nil {
		return err
	}
	gold, err := eval.ReadGold(gf)
	gf.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", c.Gold, err)
	}
	ctx, stop := signalContext()
	defer stop()
	var buf bytes.Buffer
	w := export.NewJSONL(&buf)
	texts := map[string]string{}
	err = ingest.Stream(ctx, c.Docs, ingest.StreamOptions{Extract: events.Options{Published: c.Published}}, ingest.Handlers{
		Report: func(it *ingest.Item) error {
			texts[it.Doc.ID] = it.Doc.Text
			return w.Report(it.Report.Doc, it.Report.Events)
		},
		Problem: func(p ingest.Problem, failure, _ bool) {
			fmt.Fprintf(os.Stderr, "warning: %s: %s\n", p.Origin, p.Reason)
		},
	})
	if err != nil {
		return err
	}
	pred, err := eval.ReadPred(&buf)
	if err != nil {
		return fmt.Errorf("reading rasad's own export: %w", err)
	}
	scores := eval.Score(gold, pred)
	if c.Errors {
		if err := eval.WriteErrors(os.Stdout, eval.Errors(gold, pred, texts)); err != nil {
			return err
		}
		fmt.Println()
	}
	if c.JSON {
		if c.PerDoc {
			if err := scores.WritePerDoc(os.Stdout); err != nil {
				return err
			}
		}
		return scores.WriteJSON(os.Stdout)
	}
	return scores.WriteText(os.Stdout, c.PerDoc)
}
