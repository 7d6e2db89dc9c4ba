package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
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

	// Read with the event; ignored by PutBatch.
	Outlet string `json:"-"` // its document's outlet
	Title  string `json:"-"` // its document's title
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

// EventFilter selects events. Zero fields select everything.
type EventFilter struct {
	Doc           string // events of this document
	Type, Subtype string
	Actor         string      // actor1 or actor2
	Place         string      // canonical place name
	Outlet        string      // exact outlet of the event's document
	From, To      string      // inclusive bounds on the event date: YYYY, YYYY-MM or YYYY-MM-DD
	BBox          *[4]float64 // min lon, min lat, max lon, max lat
	// Match keeps the events of the documents matching this FTS5 MATCH
	// expression over search keys (built by package search), as Search
	// reads it.
	Match         string
	Limit, Offset int

	bboxScan bool // test BBox on the coordinates of the rows read instead of the spatial index
	docScan  bool // test Outlet and Match on the rows read instead of looking their documents' events up
}

// planDocs chooses how f's document conditions (Outlet, Match) are tested:
// when they keep more than an eighth of the documents, a date-ordered scan
// that tests each event finds a page sooner than gathering and sorting
// every event of the documents.
func (s *Store) planDocs(ctx context.Context, f *EventFilter) error {
	if f.Outlet == "" && strings.TrimSpace(f.Match) == "" || f.Doc != "" {
		return nil
	}
	var conds []string
	var args []any
	if f.Outlet != "" {
		conds, args = append(conds, "outlet = ?"), append(args, f.Outlet)
	}
	if m := strings.TrimSpace(f.Match); m != "" {
		if !balanced(m) {
			return fmt.Errorf("store: %w: unbalanced parentheses or quotes in %q", ErrBadQuery, m)
		}
		conds, args = append(conds, "n IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"), append(args, "{lead body} : ("+m+")")
	}
	var n, total int
	err := s.db.QueryRowContext(ctx, `SELECT count(*), (SELECT count(*) FROM documents) FROM documents WHERE `+strings.Join(conds, " AND "), args...).Scan(&n, &total)
	if err != nil {
		return eventsErr(err)
	}
	f.docScan = n*8 > total
	return nil
}

// plan chooses how f's conditions are tested (planBBox, planDocs).
func (s *Store) plan(ctx context.Context, f *EventFilter) error {
	if err := s.planBBox(ctx, f); err != nil {
		return err
	}
	return s.planDocs(ctx, f)
}

// spatialListMax is the number of events in a bounding box above which
// the box is tested on the rows an index scan reads rather than turned into
// a list of ids from the spatial index: a large box matches most rows
// anyway, and the date-ordered scan stops at the page size.
const spatialListMax = 2000

// planBBox chooses how f's bounding box is tested (see spatialListMax).
func (s *Store) planBBox(ctx context.Context, f *EventFilter) error {
	b := f.BBox
	if b == nil {
		return nil
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM events_rtree
		WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ? LIMIT ?)`, b[0], b[2], b[1], b[3], spatialListMax+1).Scan(&n)
	if err != nil {
		return fmt.Errorf("store: reading the spatial index: %w", err)
	}
	f.bboxScan = n > spatialListMax
	return nil
}

// MaxEventPage is the largest page Events returns.
const MaxEventPage = 20000

// eventCols are the columns scanEvent reads, e the events table and d its
// document.
const eventCols = `e.id, d.id, e.type, e.subtype, e.actor1, e.actor2, e.place, e.place_id, e.admin1, e.lat, e.lon,
	e.geo_precision, e.date, e.time_precision, e.killed, e.record, d.outlet, d.title`

func scanEvent(sc interface{ Scan(...any) error }, e *Event) error {
	var lat, lon sql.NullFloat64
	var gp, tp sql.NullInt64
	var rec string
	if err := sc.Scan(&e.ID, &e.Doc, &e.Type, &e.Subtype, &e.Actor1, &e.Actor2, &e.Place, &e.PlaceID, &e.Admin1,
		&lat, &lon, &gp, &e.Date, &tp, &e.Killed, &rec, &e.Outlet, &e.Title); err != nil {
		return err
	}
	if lat.Valid && lon.Valid {
		e.Lat, e.Lon = &lat.Float64, &lon.Float64
	}
	e.GeoPrecision, e.TimePrecision = int(gp.Int64), int(tp.Int64)
	e.Record = json.RawMessage(rec)
	return nil
}

// where returns the conditions of f on events e (and, for Doc, documents
// d) joined with AND ("1=1" when none) and their arguments.
func (f *EventFilter) where() (string, []any, error) {
	var conds []string
	var args []any
	add := func(cond string, v ...any) { conds = append(conds, cond); args = append(args, v...) }
	if f.Limit < 0 || f.Offset < 0 {
		return "", nil, fmt.Errorf("store: negative limit (%d) or offset (%d)", f.Limit, f.Offset)
	}
	if f.Doc != "" {
		add("e.doc_n = (SELECT n FROM documents WHERE id = ?)", f.Doc)
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
	// A unary + keeps SQLite from looking the documents up through the
	// events_doc index (see planDocs).
	in := "e.doc_n IN"
	if f.docScan {
		in = "+e.doc_n IN"
	}
	if f.Outlet != "" {
		add(in+" (SELECT n FROM documents WHERE outlet = ?)", f.Outlet)
	}
	if err := dateBounds(f.From, f.To, "e.date", &conds, &args); err != nil {
		return "", nil, err
	}
	if b := f.BBox; b != nil {
		for _, v := range b {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return "", nil, errors.New("store: bounding box has a value that is not a finite number")
			}
		}
		if f.bboxScan {
			add("e.lat >= ? AND e.lat <= ? AND e.lon >= ? AND e.lon <= ?", b[1], b[3], b[0], b[2])
		} else {
			add("e.id IN (SELECT id FROM events_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?)", b[0], b[2], b[1], b[3])
		}
	}
	if m := strings.TrimSpace(f.Match); m != "" {
		if !balanced(m) {
			return "", nil, fmt.Errorf("store: %w: unbalanced parentheses or quotes in %q", ErrBadQuery, m)
		}
		add(in+" (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", "{lead body} : ("+m+")")
	}
	if len(conds) == 0 {
		return "1=1", nil, nil
	}
	return strings.Join(conds, " AND "), args, nil
}

func eventsErr(err error) error {
	if errors.Is(err, ErrBadQuery) || strings.HasPrefix(err.Error(), "store:") {
		return err
	}
	if e := searchErr(err); errors.Is(e, ErrBadQuery) {
		return e
	}
	return fmt.Errorf("store: reading events: %w", err)
}

// EachEvent calls fn for every event f selects, in document and text order.
func (s *Store) EachEvent(ctx context.Context, f EventFilter, fn func(e *Event) error) error {
	where, args, err := f.where()
	if err != nil {
		return err
	}
	q := `SELECT ` + eventCols + ` FROM events e JOIN documents d ON d.n = e.doc_n WHERE ` + where + ` ORDER BY e.doc_n, e.id`
	if f.Limit > 0 || f.Offset > 0 {
		lim := f.Limit
		if lim == 0 {
			lim = -1
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, lim, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return eventsErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var e Event
		if err := scanEvent(rows, &e); err != nil {
			return eventsErr(err)
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return eventsErr(err)
	}
	return nil
}

// Events returns one page of the events f selects, latest first (event date
// descending, undated events last, then id descending), and the number of
// all the events f selects. Limit 0 means 100; it is at most MaxEventPage.
//
// The page is read through the date index (or the filter's own index) and
// stops at Limit; the total is a count over the filter's index alone, and is
// skipped when the first page is not full.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]Event, int, error) {
	if err := s.plan(ctx, &f); err != nil {
		return nil, 0, err
	}
	where, args, err := f.where()
	if err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = 100
	}
	limit = min(limit, MaxEventPage)
	// The page's ids first, sorted on (date, id) alone, then their rows:
	// a sort that needs one doesn't carry the records along.
	q := `SELECT ` + eventCols + ` FROM (SELECT e.id AS pid, e.date AS pdate FROM events e WHERE ` + where +
		` ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?) p JOIN events e ON e.id = p.pid JOIN documents d ON d.n = e.doc_n
		ORDER BY p.pdate DESC, p.pid DESC`
	rows, err := s.db.QueryContext(ctx, q, append(args[:len(args):len(args)], limit, f.Offset)...)
	if err != nil {
		return nil, 0, eventsErr(err)
	}
	out := []Event{}
	for rows.Next() {
		var e Event
		if err := scanEvent(rows, &e); err != nil {
			rows.Close()
			return nil, 0, eventsErr(err)
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, eventsErr(err)
	}
	total := f.Offset + len(out)
	if len(out) == limit || (len(out) == 0 && f.Offset > 0) {
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events e WHERE `+where, args...).Scan(&total); err != nil {
			return nil, 0, eventsErr(err)
		}
	}
	return out, total, nil
}

// EventByID returns the event with the given id. The error wraps
// ErrNotFound when there is none.
func (s *Store) EventByID(ctx context.Context, id int64) (Event, error) {
	var e Event
	row := s.db.QueryRowContext(ctx, `SELECT `+eventCols+` FROM events e JOIN documents d ON d.n = e.doc_n WHERE e.id = ?`, id)
	if err := scanEvent(row, &e); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Event{}, fmt.Errorf("store: event %d: %w", id, ErrNotFound)
		}
		return Event{}, eventsErr(err)
	}
	return e, nil
}

// Histogram is the number of events per day.
type Histogram struct {
	Days    []string `json:"days"`    // ISO dates with events, ascending
	Counts  []int    `json:"counts"`  // events on Days[i]
	Undated int      `json:"undated"` // events without a date
}

// EventHistogram counts the events f selects per event date (f's Limit and
// Offset are ignored).
func (s *Store) EventHistogram(ctx context.Context, f EventFilter) (Histogram, error) {
	f.Limit, f.Offset = 0, 0
	h := Histogram{Days: []string{}, Counts: []int{}}
	if err := s.plan(ctx, &f); err != nil {
		return h, err
	}
	where, args, err := f.where()
	if err != nil {
		return h, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.date, count(*) FROM events e WHERE `+where+` GROUP BY e.date ORDER BY e.date`, args...)
	if err != nil {
		return h, eventsErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			return h, eventsErr(err)
		}
		if day == "" {
			h.Undated += n
			continue
		}
		h.Days = append(h.Days, day)
		h.Counts = append(h.Counts, n)
	}
	if err := rows.Err(); err != nil {
		return h, eventsErr(err)
	}
	return h, nil
}

// Facets are the values the event filters can take, with their counts.
type Facets struct {
	Types     map[string]int `json:"types"`    // events per type
	Subtypes  map[string]int `json:"subtypes"` // events per subtype
	Actors    map[string]int `json:"actors"`   // events per actor id (as actor1 or actor2)
	Outlets   map[string]int `json:"outlets"`  // documents per outlet
	DateMin   string         `json:"date_min"` // earliest event date ("" when no event is dated)
	DateMax   string         `json:"date_max"`
	Events    int            `json:"events"`
	Documents int            `json:"documents"`
}

// EventFacets counts stored events by type, subtype and actor, documents by
// outlet, and returns the range of event dates.
func (s *Store) EventFacets(ctx context.Context) (Facets, error) {
	f := Facets{Types: map[string]int{}, Subtypes: map[string]int{}, Actors: map[string]int{}, Outlets: map[string]int{}}
	groups := []struct {
		q string
		m map[string]int
	}{
		{`SELECT type, count(*) FROM events GROUP BY type`, f.Types},
		{`SELECT subtype, count(*) FROM events GROUP BY subtype`, f.Subtypes},
		{`SELECT actor1, count(*) FROM events WHERE actor1 != '' GROUP BY actor1`, f.Actors},
		{`SELECT actor2, count(*) FROM events WHERE actor2 != '' AND actor2 != actor1 GROUP BY actor2`, f.Actors},
		{`SELECT outlet, count(*) FROM documents WHERE outlet != '' GROUP BY outlet`, f.Outlets},
	}
	for _, g := range groups {
		rows, err := s.db.QueryContext(ctx, g.q)
		if err != nil {
			return f, fmt.Errorf("store: counting facets: %w", err)
		}
		for rows.Next() {
			var k string
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				rows.Close()
				return f, fmt.Errorf("store: counting facets: %w", err)
			}
			if k != "" {
				g.m[k] += n
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return f, fmt.Errorf("store: counting facets: %w", err)
		}
	}
	var lo, hi sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT min(date), max(date) FROM events WHERE date != ''`).Scan(&lo, &hi)
	if err != nil {
		return f, fmt.Errorf("store: event date range: %w", err)
	}
	f.DateMin, f.DateMax = lo.String, hi.String
	if f.Events, err = s.CountEvents(ctx); err != nil {
		return f, fmt.Errorf("store: counting events: %w", err)
	}
	if f.Documents, err = s.Count(ctx); err != nil {
		return f, err
	}
	return f, nil
}

// CountDocs returns the number of documents f selects (f's Limit, Offset
// and WithText are ignored).
func (s *Store) CountDocs(ctx context.Context, f DocFilter) (int, error) {
	f.Limit, f.Offset, f.WithText = 0, 0, false
	q, args, err := f.sql()
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM ("+q+")", args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: counting documents: %w", err)
	}
	return n, nil
}

// EventCounts returns the number of events of each of the documents ids
// (documents without events, or not stored, are absent from the map).
func (s *Store) EventCounts(ctx context.Context, ids []string) (map[string]int, error) {
	out := make(map[string]int, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, count(*) FROM documents d JOIN events e ON e.doc_n = d.n
			WHERE d.id IN (`+strings.Repeat(",?", len(chunk))[1:]+`) GROUP BY d.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: counting events: %w", err)
		}
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: counting events: %w", err)
			}
			out[id] = n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: counting events: %w", err)
		}
	}
	return out, nil
}

// CountEvents returns the number of stored events.
func (s *Store) CountEvents(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&n)
	return n, err
}

// Version returns a fingerprint of the stored documents and events that
// changes when documents are added, replaced or deleted, for caches of
// aggregates (a replacement keeping the same number of events with the
// same ids as the last ones stored can go unnoticed: callers bound their
// caches in time too).
func (s *Store) Version(ctx context.Context) (string, error) {
	var maxEv, maxDoc sql.NullInt64
	var nEv, nDoc int64
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT max(id) FROM events), (SELECT count(*) FROM events),
		(SELECT max(n) FROM documents), (SELECT count(*) FROM documents)`).Scan(&maxEv, &nEv, &maxDoc, &nDoc)
	if err != nil {
		return "", fmt.Errorf("store: version: %w", err)
	}
	return fmt.Sprintf("%d/%d/%d/%d", maxEv.Int64, nEv, maxDoc.Int64, nDoc), nil
}
