package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"rasad/internal/ingest"
	"rasad/internal/source"
	"rasad/internal/store"
)

type ingestCmd struct {
	Paths     []string `arg:"" name:"path" help:"Files, directories or .zip archives to read; - reads stdin." type:"path"`
	MaxSizeMB int      `name:"max-size" help:"Largest single report to accept, in MB." default:"64"`
	Workers   int      `help:"Analysis goroutines (0 = one per core)." default:"0"`
	JSON      bool     `help:"Print the summary as JSON."`
}

func (c *ingestCmd) Run(g *globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, stop := signalContext()
	defer stop()
	sum, err := runIngest(ctx, st, c.Paths, c.MaxSizeMB, c.Workers)
	if sum != nil {
		if c.JSON {
			printJSON(os.Stdout, sum)
		} else {
			printSummary(os.Stdout, os.Stderr, sum)
		}
	}
	if err != nil {
		return err
	}
	if !sum.OK() {
		return exitError{1}
	}
	return nil
}

func runIngest(ctx context.Context, st *store.Store, paths []string, maxSizeMB, workers int) (*ingest.Summary, error) {
	opt := ingest.Options{
		Source:  source.Options{MaxRecordBytes: int64(maxSizeMB) << 20},
		Workers: workers,
	}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		bar := progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		defer bar.Finish()
		opt.Progress = func(n int) { bar.Add(n) }
	}
	return ingest.Run(ctx, st, paths, opt)
}

// printSummary writes the totals to out and the problems to errw.
func printSummary(out, errw io.Writer, s *ingest.Summary) {
	listProblems(errw, "failed", s.Failed)
	listProblems(errw, "skipped", s.Skipped)
	fmt.Fprintln(out, s.String())
	if s.New+s.Updated == 0 && s.Unchanged+s.Duplicates > 0 {
		fmt.Fprintln(out, "nothing changed: every report read was already stored")
	}
	for _, rc := range s.SkippedByReason() {
		fmt.Fprintf(out, "  skipped %d: %s\n", rc.Count, rc.Reason)
	}
}

func printJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func printJSONLine(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func openStore(g *globals) (*store.Store, error) {
	path := g.DB
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening the store %s: %w", path, err)
	}
	return st, nil
}

func listProblems(w io.Writer, what string, ps []ingest.Problem) {
	const show = 20
	for i, p := range ps {
		if i == show {
			fmt.Fprintf(w, "... and %d more %s (--json lists them all)\n", len(ps)-show, what)
			break
		}
		fmt.Fprintf(w, "%s: %s: %s\n", what, p.Origin, p.Reason)
	}
}
