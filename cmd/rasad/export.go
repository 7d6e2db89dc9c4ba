package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"rasad/internal/arabic"
	"rasad/internal/events"
	"rasad/internal/export"
	"rasad/internal/store"
)

type exportCmd struct {
	Format  string `help:"jsonl (the spec's records), csv (ACLED columns) or geojson." enum:"jsonl,csv,geojson" default:"jsonl"`
	Type    string `help:"Only events of this type (e.g. battles)."`
	Subtype string `help:"Only events of this subtype (e.g. air_drone_strike)."`
	Actor   string `help:"Only events with this actor id as actor1 or actor2."`
	From    string `help:"Only events on or after this date (YYYY-MM-DD)."`
	To      string `help:"Only events on or before this date."`
}

func (c *exportCmd) Run(g *globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	defer out.Flush()
	f := store.EventFilter{Type: c.Type, Subtype: c.Subtype, Actor: c.Actor, From: c.From, To: c.To}
	decode := func(e *store.Event) (*events.Event, error) {
		var ev events.Event
		if err := json.Unmarshal(e.Record, &ev); err != nil {
			return nil, fmt.Errorf("event %d of %s: stored record unreadable: %w", e.ID, e.Doc, err)
		}
		return &ev, nil
	}
	switch c.Format {
	case "csv":
		w, err := export.NewCSV(out)
		if err != nil {
			return err
		}
		texts := docTexts{st: st}
		err = st.EachEvent(ctx, f, func(e *store.Event) error {
			ev, err := decode(e)
			if err != nil {
				return err
			}
			d, err := texts.get(ctx, e.Doc)
			if err != nil {
				return err
			}
			return w.Event(ev, d.Outlet, evidenceText(d.CleanText, ev.Evidence))
		})
		if err != nil {
			return err
		}
		return w.Flush()
	case "geojson":
		w, err := export.NewGeoJSON(out)
		if err != nil {
			return err
		}
		if err := st.EachEvent(ctx, f, func(e *store.Event) error {
			ev, err := decode(e)
			if err != nil {
				return err
			}
			return w.Event(ev)
		}); err != nil {
			return err
		}
		return w.Close()
	}
	// JSONL: each document record, then its events.
	w := export.NewJSONL(out)
	filtered := c.Type != "" || c.Subtype != "" || c.Actor != "" || c.From != "" || c.To != ""
	return st.EachDoc(ctx, store.DocFilter{}, func(d *store.Doc) error {
		var evs []events.Event
		err := st.EachEvent(ctx, store.EventFilter{Doc: d.ID, Type: c.Type, Subtype: c.Subtype, Actor: c.Actor, From: c.From, To: c.To},
			func(e *store.Event) error {
				ev, err := decode(e)
				if err == nil {
					evs = append(evs, *ev)
				}
				return err
			})
		if err != nil {
			return err
		}
		if filtered && len(evs) == 0 {
			return nil
		}
		ms, err := st.Mentions(ctx, d.ID)
		if err != nil {
			return err
		}
		return w.Report(docRecord(d, ms), evs)
	})
}

// docRecord rebuilds the spec's document record from a stored document.
func docRecord(d *store.Doc, ms []store.Mention) events.DocRecord {
	rec := events.DocRecord{Record: "document", Doc: d.ID, Title: d.Title, Outlet: d.Outlet, Toponyms: []string{}, Cited: []string{}}
	if len(d.Published) >= 10 {
		rec.Published = d.Published[:10]
	}
	seen := map[string]bool{}
	for _, m := range ms {
		var list *[]string
		name := m.Key
		switch m.Kind {
		case "place":
			list = &rec.Toponyms
		case "source":
			list, name = &rec.Cited, m.Text
		default:
			continue
		}
		k := m.Kind + "\x00" + arabic.Fold(name)
		if name == "" || seen[k] {
			continue
		}
		seen[k] = true
		*list = append(*list, name)
	}
	return rec
}

func evidenceText(text string, sp events.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return ""
	}
	return text[sp.Start:sp.End]
}

// docTexts caches the last document read, as events come in document order.
type docTexts struct {
	st   *store.Store
	last store.Doc
	ok   bool
}

func (c *docTexts) get(ctx context.Context, id string) (*store.Doc, error) {
	if c.ok && c.last.ID == id {
		return &c.last, nil
	}
	d, err := c.st.Doc(ctx, id)
	if err != nil {
		return nil, err
	}
	c.last, c.ok = d, true
	return &c.last, nil
}
