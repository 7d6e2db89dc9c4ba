package main

import (
	"context"
	"fmt"
	"os"

	"rasad/internal/document"
	"rasad/internal/source"
)

type cleanCmd struct {
	File    string `arg:"" help:"A report: .txt, .html, .json, .jsonl, .zip, or - for stdin." type:"path"`
	Explain bool   `help:"Also show what was removed and why."`
	JSON    bool   `help:"Print each document (metadata, clean text, removed spans) as JSON."`
}

func (c *cleanCmd) Run(g *globals) error {
	failed := false
	first := true
	err := source.Walk(context.Background(), []string{c.File}, source.Options{}, source.Handler{
		Record: func(rec source.Record) error {
			d, err := document.Build(rec)
			if err != nil {
				fmt.Fprintf(os.Stderr, "error: %s: %v\n", rec.Origin, err)
				failed = true
				return nil
			}
			switch {
			case c.JSON:
				printJSON(os.Stdout, d)
			default:
				if !first {
					fmt.Println()
				}
				if rec.Origin != c.File {
					fmt.Printf("== %s (%s)\n", d.ID, rec.Origin)
				}
				fmt.Println(d.Text)
				if c.Explain {
					fmt.Println("\n-- removed --")
					if err := document.Explain(os.Stdout, d); err != nil {
						return err
					}
				}
			}
			first = false
			return nil
		},
		Fail: func(e *source.Error) {
			fmt.Fprintf(os.Stderr, "error: %v\n", e)
			failed = true
		},
		Skipped: func(s source.Skip) {
			fmt.Fprintf(os.Stderr, "skipped: %s: %s\n", s.Origin, s.Reason)
		},
	})
	if err != nil {
		return err
	}
	if failed {
		return exitError{1}
	}
	return nil
}
