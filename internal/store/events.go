package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Mention is a place, actor or cited source found in a document's clean text.
type Mention struct {
	Kind      string  `json:"kind"` // "place", "actor", "source"
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Key       string  `json:"key,omitempty"`     // place: canonical name; actor: canonical id; source: name
	Entry     string  `json:"entry,omitempty"`   // place: gazetteer id; actor: group
	Framing   string  `json:"framing,omitempty"` // actor: whose vocabulary
	Lat       float64 `json:"lat,omitempty"`
	Lon       float64 `json:"lon,omitempty"`
	Precision int     `json:"precision,omitempty"`
}

// Event is one extracted event: the columns filters use, and the full record.
type Event struct {
	ID            int64           `json:"-"`
	Doc           string          `json:"-"`
	Type          string          `json:"type"`
	Subtype       string          `json:"subtype"`
	Actor1        string          `json:"actor1,omitempty"`
	Actor2        string          `json:"actor2,omitempty"`
	Place         string          `json:"place,omitempty"`
	PlaceID       string          `json:"place_id,omitempty"`
	Admin1        string          `json:"admin1,omitempty"`
	Lat, Lon      *float64        `json:"-"`
	GeoPrecision  int             `json:"geo_precision,omitempty"`
	Date          string          `json:"date,omitempty"`
	TimePrecision int             `json:"time_precision,omitempty"`
	Killed        int64           `json:"killed,omitempty"`
	Record        json.RawMessage `json:"record"` // the spec's event record
}

// replaceFindings stores the mentions and events of document n in place of
// any it had.
func (w *writer) replaceFindings(n int64, d *Doc, replacing bool) error {
	ctx := w.ctx
	if replacing {
		if _, err := w.delMentions.ExecContext(ctx, n); err != nil {
			return err
		}
		if _, err := w.delEvents.ExecContext(ctx, n); err != nil {
			return err
		}
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		var lat, lon, prec any
		if m.Precision > 0 {
			lat, lon, prec = m.Lat, m.Lon, m.Precision
		}
		if _, err := w.insMention.ExecContext(ctx, n, m.Kind, m.Start, m.End, m.Text, m.Key, m.Entry, m.Framing, lat, lon, prec); err != nil {
			return fmt.Errorf("mention %d: %w", i, err)
		}
	}
	for i := range d.Events {
		e := &d.Events[i]
		var lat, lon any
		if e.Lat != nil && e.Lon != nil {
			lat, lon = *e.Lat, *e.Lon
		}
		if _, err := w.insEvent.ExecContext(ctx, n, e.Type, e.Subtype, e.Actor1, e.Actor2, e.Place, e.PlaceID, e.Admin1,
			lat, lon, e.GeoPrecision, e.Date, e.TimePrecision, e.Killed, string(e.Record)); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	return nil
}

// Mentions returns the mentions of document id in text order.
func (s *Store) Mentions(ctx context.Context, id string) ([]Mention, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, start, end, text, key, entry, framing, lat, lon, precision
		FROM mentions WHERE doc_n = (SELECT n FROM documents WHERE id = ?) ORDER BY start, kind`, id)
	if err != nil {
		return nil, fmt.Errorf("store: reading mentions: %w", err)
	}
	defer rows.Close()
	var out []Mention
	for rows.Next() {
		var m Mention
		var lat, lon sql.NullFloat64
		var prec sql.NullInt64
		if err := rows.Scan(&m.Kind, &m.Start, &m.End, &m.Text, &m.Key, &m.Entry, &m.Framing, &lat, &lon, &prec); err != nil {
			return nil, err
		}
		m.Lat, m.Lon, m.Precision = lat.Float64, lon.Float64, int(prec.Int64)
		out = append(out, m)
	}
	return out, rows.Err()
}

// EventFilter selects events.
type EventFilter struct {
	Doc           string // events of this document
	Type, Subtype string
	Actor         string      // actor1 or actor2
	Place         string      // canonical place name
	From, To      string      // inclusive bounds on the event date (ISO)
	BBox          *[4]float64 // min lon, min lat, max lon, max lat
	Limit, Offset int
}

// EachEvent calls fn for every event f selects, in document and text order.
func (s *Store) EachEvent(ctx context.Context, f EventFilter, fn func(e *Event) error) error {
	q := `SELECT e.id, d.id, e.type, e.subtype, e.actor1, e.actor2, e.place, e.place_id, e.admin1, e.lat, e.lon,
		e.geo_precision, e.date, e.time_precision, e.killed, e.record FROM events e JOIN documents d ON d.n = e.doc_n WHERE 1=1`
	var args []any
	add := func(cond string, v ...any) { q += " AND " + cond; args = append(args, v...) }
	if f.Doc != "" {
		add("d.id = ?", f.Doc)
	}
	if f.Type != "" {
		add("e.type = ?", f.Type)
	}
	if f.Subtype != "" {
		add("e.subtype = ?", f.Subtype)
	}
	if f.Actor != "" {
		add("(e.actor1 = ? OR e.actor2 = ?)", f.Actor, f.Actor)
	}
	if f.Place != "" {
		add("e.place = ?", f.Place)
	}
	if f.From != "" {
		add("e.date >= ?", f.From)
	}
	if f.To != "" {
		add("e.date != '' AND e.date <= ?", f.To)
	}
	if b := f.BBox; b != nil {
		add("e.id IN (SELECT id FROM events_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)", b[0], b[2], b[1], b[3])
	}
	q += " ORDER BY e.doc_n, e.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("store: reading events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e Event
		var lat, lon sql.NullFloat64
		var gp, tp sql.NullInt64
		var rec string
		if err := rows.Scan(&e.ID, &e.Doc, &e.Type, &e.Subtype, &e.Actor1, &e.Actor2, &e.Place, &e.PlaceID, &e.Admin1,
			&lat, &lon, &gp, &e.Date, &tp, &e.Killed, &rec); err != nil {
			return err
		}
		if lat.Valid && lon.Valid {
			e.Lat, e.Lon = &lat.Float64, &lon.Float64
		}
		e.GeoPrecision, e.TimePrecision = int(gp.Int64), int(tp.Int64)
		e.Record = json.RawMessage(rec)
		if err := fn(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CountEvents returns the number of stored events.
func (s *Store) CountEvents(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&n)
	return n, err
}
