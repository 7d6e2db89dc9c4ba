package ingest

import (
	"context"
	"errors"
	"log/slog"
	"runtime"
	"sync"

	"rasad/internal/document"
	"rasad/internal/events"
	"rasad/internal/source"
	"rasad/internal/store"
)

// StreamOptions tunes Stream.
type StreamOptions struct {
	Source  source.Options
	Workers int // 0 = GOMAXPROCS
	Extract events.Options
	// Known, when set, is asked for every record before any work is done on
	// it; when it returns the id the content is already stored under, the
	// record is passed on with KnownAs set and no document (ingest uses it
	// to skip content already stored).
	Known func(ctx context.Context, rec *source.Record) (storedAs string)
	// StoreRows makes the workers also prepare the store row of each
	// document (Item.Row), so that work runs in parallel too.
	StoreRows bool
	Extractor *events.Extractor // nil = events.NewExtractor()
}

// Item is one record after the document and event stages.
type Item struct {
	Record  source.Record
	KnownAs string // the id the record's content is stored under, when Known found it
	Doc     *document.Document
	Report  *events.Report
	Row     *store.Doc // with StoreRows
}

// Handlers receive Stream's results, in input order, on one goroutine.
type Handlers struct {
	Report func(*Item) error // an error stops the stream and is returned
	// Problem receives inputs that failed or were skipped; record says
	// whether a record had been read (an empty article) or not (a file that
	// could not be read, an unsupported file type).
	Problem func(p Problem, failure, record bool)
}

type result struct {
	seq     int
	item    *Item
	problem *Problem
	failure bool
	record  bool
}

// Stream reads paths and runs the document, mention and event stages over
// every record on all cores, delivering the results in input order. An input
// that cannot be read or cleaned is reported to h.Problem and the rest goes
// on: failures (unreadable, malformed, binary, too large) with failure set,
// skips (empty, unsupported or hidden files) without.
func Stream(ctx context.Context, paths []string, opt StreamOptions, h Handlers) error {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Extractor == nil {
		opt.Extractor = events.NewExtractor()
	}
	if h.Problem == nil {
		h.Problem = func(Problem, bool, bool) {}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		rec source.Record
	}
	jobs := make(chan job, 2*opt.Workers)
	results := make(chan result, 4*opt.Workers)

	var walkErr error
	var seq int
	var walkers sync.WaitGroup
	walkers.Add(1)
	go func() {
		defer walkers.Done()
		defer close(jobs)
		send := func(r result) error {
			select {
			case results <- r:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		walkErr = source.Walk(ctx, paths, opt.Source, source.Handler{
			Record: func(rec source.Record) error {
				seq++
				select {
				case jobs <- job{seq, rec}:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			},
			Fail: func(e *source.Error) {
				seq++
				send(result{seq: seq, problem: &Problem{e.Origin, e.Err.Error()}, failure: true})
			},
			Skipped: func(s source.Skip) {
				seq++
				send(result{seq: seq, problem: &Problem{s.Origin, s.Reason}})
			},
		})
	}()

	var workers sync.WaitGroup
	for i := 0; i < opt.Workers; i++ {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for j := range jobs {
				r := process(ctx, j.seq, j.rec, &opt)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		walkers.Wait()
		workers.Wait()
		close(results)
	}()

	// Deliver in input order.
	pending := map[int]result{}
	next := 1
	var runErr error
	for r := range results {
		if runErr != nil {
			continue // drain
		}
		pending[r.seq] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if p.problem != nil {
				h.Problem(*p.problem, p.failure, p.record)
				continue
			}
			if err := h.Report(p.item); err != nil {
				runErr = err
				cancel()
				break
			}
		}
	}
	if runErr != nil {
		return runErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return walkErr
	}
	return nil
}

func process(ctx context.Context, seq int, rec source.Record, opt *StreamOptions) result {
	if opt.Known != nil {
		if id := opt.Known(ctx, &rec); id != "" {
			return result{seq: seq, item: &Item{Record: rec, KnownAs: id}}
		}
	}
	d, err := document.Build(rec)
	if err != nil {
		// A record with no text is skipped, not failed: scraped corpora
		// hold many empty or clutter-only pages.
		empty := errors.Is(err, document.ErrEmpty) || errors.Is(err, document.ErrNoArticle)
		return result{seq: seq, problem: &Problem{rec.Origin, reason(err)}, failure: !empty, record: true}
	}
	it := &Item{Record: rec, Doc: d, Report: opt.Extractor.Analyze(d, opt.Extract)}
	if it.Report.Truncated {
		slog.Warn("document too long: mentions and events taken from its beginning only (the whole text is stored and searchable)",
			"input", rec.Origin, "bytes", len(d.Text), "analysed", events.MaxAnalyzedBytes)
	}
	if opt.StoreRows {
		row, err := storeRow(rec, d, it.Report)
		if err != nil {
			return result{seq: seq, problem: &Problem{rec.Origin, err.Error()}, failure: true, record: true}
		}
		it.Row = row
	}
	return result{seq: seq, item: it}
}

// reason is err's message without the origin that Problem already carries.
func reason(err error) string {
	if inner := errors.Unwrap(err); inner != nil {
		return inner.Error()
	}
	return err.Error()
}
