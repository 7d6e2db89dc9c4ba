package main

import (
	"bufio"
	"fmt"
	"os"

	"rasad/internal/events"
	"rasad/internal/export"
	"rasad/internal/ingest"
	"rasad/internal/source"
)

type extractCmd struct {
	Paths     []string `arg:"" name:"path" help:"Reports to read (files, directories, .zip, - for stdin)." type:"path"`
	Published string   `help:"Publication date (YYYY-MM-DD) to resolve relative dates against, for inputs that carry none."`
	MaxSizeMB int      `name:"max-size" help:"Largest single report to accept, in MB." default:"64"`
}

func (c *extractCmd) Run(g *globals) error {
	ctx, stop := signalContext()
	defer stop()
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	defer out.Flush()
	w := export.NewJSONL(out)
	failed := 0
	err := ingest.Stream(ctx, c.Paths, ingest.StreamOptions{
		Source:  source.Options{MaxRecordBytes: int64(c.MaxSizeMB) << 20},
		Extract: events.Options{Published: c.Published},
	}, ingest.Handlers{
		Report: func(it *ingest.Item) error {
			return w.Report(it.Report.Doc, it.Report.Events)
		},
		Problem: func(p ingest.Problem, failure, _ bool) {
			if failure {
				failed++
				fmt.Fprintf(os.Stderr, "failed: %s: %s\n", p.Origin, p.Reason)
			} else {
				fmt.Fprintf(os.Stderr, "skipped: %s: %s\n", p.Origin, p.Reason)
			}
		},
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}
