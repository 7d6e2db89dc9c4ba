// Package ingest runs rasad's pipeline over a batch of inputs: it reads
// records (package source), builds clean documents (document), runs the
// analysis, mention and event stages (arabic, gazetteer, actors, events),
// computes near-duplicate signatures (dedup) and writes everything to the
// store in transactions, so an interrupted run leaves a consistent database
// and a re-run completes it without storing anything twice.
package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"rasad/internal/arabic"
	"rasad/internal/dedup"
	"rasad/internal/document"
	"rasad/internal/events"
	"rasad/internal/source"
	"rasad/internal/store"
)

// Options tunes a run.
type Options struct {
	Source    source.Options
	Workers   int           // analysis goroutines; 0 = GOMAXPROCS
	BatchSize int           // documents per transaction; 0 = 1000
	MaxWait   time.Duration // longest a partial batch waits before it is written; 0 = 1s
	Progress  func(n int)   // called with the number of records handled since the last call
	Logger    *slog.Logger  // nil = slog.Default()
}

// Problem is an input that failed or was skipped, with the reason.
type Problem struct {
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}

// Summary counts what a run did.
type Summary struct {
	Read       int           `json:"read"`       // inputs seen: records, plus inputs that failed before a record was read
	New        int           `json:"new"`        // stored for the first time
	Updated    int           `json:"updated"`    // an id stored before with other content
	Unchanged  int           `json:"unchanged"`  // already stored with the same content
	Duplicates int           `json:"duplicates"` // same content already stored under another id
	NearDupes  int           `json:"near_duplicates"`
	Skipped    []Problem     `json:"skipped"`
	Failed     []Problem     `json:"failed"`
	Elapsed    time.Duration `json:"elapsed_ns"`
}

// OK reports whether every input was read.
func (s *Summary) OK() bool { return len(s.Failed) == 0 }

func (s *Summary) String() string {
	return fmt.Sprintf("read %d: %d new, %d updated, %d unchanged, %d duplicates, %d near-duplicates, %d skipped, %d failed (%.1fs)",
		s.Read, s.New, s.Updated, s.Unchanged, s.Duplicates, s.NearDupes, len(s.Skipped), len(s.Failed), s.Elapsed.Seconds())
}

// ReasonCount is a reason and how many inputs it applies to.
type ReasonCount struct {
	Reason string
	Count  int
}

// SkippedByReason groups skipped inputs by reason, most frequent first.
func (s *Summary) SkippedByReason() []ReasonCount {
	m := map[string]int{}
	for _, p := range s.Skipped {
		m[p.Reason]++
	}
	out := make([]ReasonCount, 0, len(m))
	for r, n := range m {
		out = append(out, ReasonCount{r, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Reason < out[j].Reason
	})
	return out
}

// storeRow turns a clean document into the row the store keeps.
func storeRow(rec source.Record, d *document.Document, r *events.Report) (*store.Doc, error) {
	removed, err := json.Marshal(d.Removed)
	if err != nil {
		return nil, err
	}
	keys := arabic.AppendSearchKeys(nil, d.Title)
	keys = append(keys, ' ')
	keys = arabic.AppendSearchKeys(keys, d.Text)
	index := string(keys)
	src := d.URL
	if src == "" {
		src = d.Origin
	}
	return &store.Doc{
		ID:        d.ID,
		RawHash:   rec.Hash,
		Source:    src,
		Origin:    d.Origin,
		URL:       d.URL,
		Outlet:    d.Outlet,
		Title:     d.Title,
		Author:    d.Author,
		Published: d.Published,
		Dateline:  d.Dateline,
		Encoding:  d.Encoding,
		CleanText: d.Text,
		NormText:  arabic.Fold(d.Text),
		Removed:   removed,
		IndexText: index,
		Signature: dedup.SignatureText(index),
		Mentions:  mentionRows(r),
		Events:    eventRows(r.Events),
	}, nil
}

// mentionRows flattens a report's mentions into store rows.
func mentionRows(r *events.Report) []store.Mention {
	out := make([]store.Mention, 0, len(r.Places)+len(r.Actors)+len(r.Sources))
	for _, p := range r.Places {
		m := store.Mention{Kind: "place", Start: p.Start, End: p.End, Text: p.Text, Key: p.Name,
			Lat: p.Lat, Lon: p.Lon, Precision: p.GeoPrecision}
		if p.Place != nil {
			m.Entry = p.Place.ID
		}
		out = append(out, m)
	}
	for _, a := range r.Actors {
		out = append(out, store.Mention{Kind: "actor", Start: a.Start, End: a.End, Text: a.Text, Key: a.ID, Entry: a.Group, Framing: string(a.Framing)})
	}
	for _, s := range r.Sources {
		out = append(out, store.Mention{Kind: "source", Start: s.Start, End: s.End, Text: s.Text, Key: s.Source.Name, Entry: s.Source.Kind})
	}
	return out
}

// eventRows turns events into store rows carrying the full record.
func eventRows(evs []events.Event) []store.Event {
	out := make([]store.Event, 0, len(evs))
	for i := range evs {
		e := &evs[i]
		rec, err := json.Marshal(e)
		if err != nil {
			continue
		}
		row := store.Event{Type: e.Type, Subtype: e.Subtype, Place: e.Place.Name, PlaceID: e.Place.ID,
			Admin1: e.Place.Admin1, GeoPrecision: e.Place.GeoPrecision, TimePrecision: e.TimePrecision, Record: rec}
		if e.Actor1 != nil {
			row.Actor1 = e.Actor1.ID
		}
		if e.Actor2 != nil {
			row.Actor2 = e.Actor2.ID
		}
		if e.Place.GeoPrecision > 0 {
			lat, lon := e.Place.Lat, e.Place.Lon
			row.Lat, row.Lon = &lat, &lon
		}
		if e.Date != nil {
			row.Date = *e.Date
		}
		for _, f := range e.Fatalities {
			row.Killed += f.Killed
		}
		out = append(out, row)
	}
	return out
}

// Run ingests paths into st.
func Run(ctx context.Context, st *store.Store, paths []string, opt Options) (*Summary, error) {
	start := time.Now()
	if opt.BatchSize <= 0 {
		opt.BatchSize = 1000
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = time.Second
	}
	log := opt.Logger
	if log == nil {
		log = slog.Default()
	}
	progress := opt.Progress
	if progress == nil {
		progress = func(int) {}
	}
	sum := &Summary{}

	// The store writes batches on its own goroutine, so extraction goes on
	// while SQLite commits. The writer alone touches New, Updated,
	// Unchanged, Duplicates and NearDupes; the stream's handlers touch the
	// rest.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type pending struct {
		docs    []store.Doc
		origins []string
	}
	batches := make(chan pending, 1)
	var writeErr error
	var writer sync.WaitGroup
	writer.Add(1)
	go func() {
		defer writer.Done()
		for b := range batches {
			if writeErr != nil {
				continue
			}
			res, err := st.PutBatch(ctx, b.docs)
			if err != nil {
				writeErr = fmt.Errorf("writing to the store: %w", err)
				cancel()
				continue
			}
			for i, r := range res {
				switch r.Status {
				case store.Inserted:
					sum.New++
				case store.Updated:
					sum.Updated++
				case store.Unchanged:
					sum.Unchanged++
				case store.Duplicate:
					sum.Duplicates++
					log.Info("duplicate content", "input", b.origins[i], "id", b.docs[i].ID, "stored_as", r.DuplicateOf)
				}
				if r.DupeGroup != "" && (r.Status == store.Inserted || r.Status == store.Updated) {
					sum.NearDupes++
				}
			}
			progress(len(b.docs))
		}
	}()
	var batch []store.Doc
	var origins []string
	var knownUnchanged, knownDuplicates int
	lastFlush := time.Now()
	flush := func() error {
		lastFlush = time.Now()
		if len(batch) == 0 {
			return nil
		}
		select {
		case batches <- pending{batch, origins}:
		case <-ctx.Done():
			return ctx.Err()
		}
		batch, origins = nil, nil
		return nil
	}
	err := Stream(ctx, paths, StreamOptions{
		Source:    opt.Source,
		Workers:   opt.Workers,
		StoreRows: true,
		Known: func(ctx context.Context, rec *source.Record) string {
			id, err := st.StoredAs(ctx, rec.Hash)
			if err != nil {
				return "" // not known for sure: the full path decides in PutBatch
			}
			return id
		},
	}, Handlers{
		Report: func(it *Item) error {
			sum.Read++
			if it.KnownAs != "" {
				// Content already stored: nothing to write. (The writer
				// goroutine owns the other counters.)
				if it.KnownAs == it.Record.ID {
					knownUnchanged++
				} else {
					knownDuplicates++
					log.Info("duplicate content", "input", it.Record.Origin, "id", it.Record.ID, "stored_as", it.KnownAs)
				}
				progress(1)
				return nil
			}
			batch = append(batch, *it.Row)
			origins = append(origins, it.Record.Origin)
			if len(batch) >= opt.BatchSize || time.Since(lastFlush) > opt.MaxWait {
				return flush()
			}
			return nil
		},
		Problem: func(p Problem, failure, record bool) {
			if failure || record {
				sum.Read++
			}
			if failure {
				sum.Failed = append(sum.Failed, p)
				log.Debug("input failed", "input", p.Origin, "error", p.Reason)
			} else {
				sum.Skipped = append(sum.Skipped, p)
				log.Debug("input skipped", "input", p.Origin, "reason", p.Reason)
			}
			progress(1)
		},
	})
	if err == nil {
		err = flush()
	}
	close(batches)
	writer.Wait()
	sum.Unchanged += knownUnchanged
	sum.Duplicates += knownDuplicates
	if writeErr != nil {
		err = writeErr
	}
	sum.Elapsed = time.Since(start)
	return sum, err
}
