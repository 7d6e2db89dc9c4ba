package api

import (
	"bufio"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"rasad/internal/events"
	"rasad/internal/store"
)

// EventSummary is an event as lists and maps show it.
type EventSummary struct {
	ID            int64             `json:"id"`
	Doc           string            `json:"doc"`
	Type          string            `json:"type"`
	Subtype       string            `json:"subtype"`
	Actor1        *events.Actor     `json:"actor1"`
	Actor2        *events.Actor     `json:"actor2"`
	Place         PlaceSummary      `json:"place"`
	Date          *string           `json:"date"`
	TimePrecision int               `json:"time_precision"`
	Killed        int64             `json:"killed"`
	Fatalities    []events.Fatality `json:"fatalities"`
	Outlet        string            `json:"outlet"`
	Title         string            `json:"title"`
}

// PlaceSummary is where an event happened; Lat and Lon are null when the
// place has no coordinates.
type PlaceSummary struct {
	Name         string   `json:"name"`
	Text         string   `json:"text"`
	Admin1       string   `json:"admin1"`
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	GeoPrecision int      `json:"geo_precision"`
}

// summarize builds the summary of a stored event from its columns and,
// for what only the record holds (surface forms, fatalities), its record.
func summarize(e *store.Event) EventSummary {
	s := EventSummary{
		ID: e.ID, Doc: e.Doc, Type: e.Type, Subtype: e.Subtype,
		Place:         PlaceSummary{Name: e.Place, Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon, GeoPrecision: e.GeoPrecision},
		TimePrecision: e.TimePrecision, Killed: e.Killed, Outlet: e.Outlet, Title: e.Title,
		Fatalities: []events.Fatality{},
	}
	if e.Date != "" {
		d := e.Date
		s.Date = &d
	}
	var rec events.Event
	if json.Unmarshal(e.Record, &rec) == nil {
		s.Actor1, s.Actor2 = rec.Actor1, rec.Actor2
		s.Place.Text = rec.Place.Text
		if rec.Fatalities != nil {
			s.Fatalities = rec.Fatalities
		}
	}
	if s.Actor1 == nil && e.Actor1 != "" {
		s.Actor1 = &events.Actor{ID: e.Actor1}
	}
	if s.Actor2 == nil && e.Actor2 != "" {
		s.Actor2 = &events.Actor{ID: e.Actor2}
	}
	return s
}

// answer writes a 400 for a bad parameter and fails otherwise.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	if errors.As(err, &pe) {
		code := pe.status
		if code == 0 {
			code = http.StatusBadRequest
		}
		writeError(w, code, pe.msg)
		return
	}
	s.fail(w, r, err)
}

type eventsPage struct {
	Total  int            `json:"total"`
	Offset int            `json:"offset"`
	Limit  int            `json:"limit"`
	Events []EventSummary `json:"events"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := eventFilter(q)
	if err == nil {
		f.Limit, f.Offset, err = page(q, DefaultLimit, MaxLimit)
	}
	if err != nil {
		s.answer(w, r, err)
		return
	}
	evs, total, err := s.st.Events(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := eventsPage{Total: total, Offset: f.Offset, Limit: f.Limit, Events: make([]EventSummary, len(evs))}
	for i := range evs {
		out.Events[i] = summarize(&evs[i])
	}
	writeJSON(w, http.StatusOK, out)
}

type feature struct {
	Type       string        `json:"type"`
	ID         int64         `json:"id"`
	Geometry   point         `json:"geometry"`
	Properties *EventSummary `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// eventsGeoJSON writes the located events f selects as a FeatureCollection
// of Points (lon, lat), latest first, at most MaxGeoFeatures, streamed.
func (s *Server) eventsGeoJSON(w http.ResponseWriter, r *http.Request) {
	f, err := eventFilter(r.URL.Query())
	if err != nil {
		s.answer(w, r, err)
		return
	}
	if f.BBox == nil {
		f.BBox = &[4]float64{-180, -90, 180, 90} // events with coordinates only
	}
	f.Limit = MaxGeoFeatures
	evs, total, err := s.st.Events(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/geo+json; charset=utf-8")
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(true)
	n := 0
	for i := range evs {
		e := &evs[i]
		if e.Lat == nil || e.Lon == nil {
			continue
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		sum := summarize(e)
		_ = enc.Encode(feature{Type: "Feature", ID: e.ID, Geometry: point{"Point", [2]float64{*e.Lon, *e.Lat}}, Properties: &sum})
	}
	bw.WriteString(`],"total":` + strconv.Itoa(total) + `,"truncated":` + strconv.FormatBool(total > n) + "}\n")
	bw.Flush()
}

func (s *Server) histogram(w http.ResponseWriter, r *http.Request) {
	f, err := eventFilter(r.URL.Query())
	if err != nil {
		s.answer(w, r, err)
		return
	}
	h, err := s.st.EventHistogram(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h)
}

// facetsTTL bounds how long facets are served from the cache.
const facetsTTL = time.Minute

// facetCache holds the last facets computed and the store version they
// were computed at: counting every event by type, subtype and actor takes
// a few hundred milliseconds on 100,000 events.
type facetCache struct {
	mu      sync.Mutex
	version string
	at      time.Time
	facets  store.Facets
}

func (s *Server) facets(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, err := s.st.Version(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c := &s.facetCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != v || time.Since(c.at) > facetsTTL {
		f, err := s.st.EventFacets(ctx)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		c.version, c.at, c.facets = v, time.Now(), f
	}
	writeJSON(w, http.StatusOK, c.facets)
}

// DocRef is a document as an event cites it.
type DocRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// Evidence is a sentence of the clean text an event was read from.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type eventDetail struct {
	Event    json.RawMessage `json:"event"`
	ID       int64           `json:"id"`
	Summary  EventSummary    `json:"summary"`
	Document DocRef          `json:"document"`
	Evidence []Evidence      `json:"evidence"`
	Cited    []string        `json:"cited"`
	// Related are the near-duplicates of the document (the same report
	// republished, possibly by other outlets).
	Related []DocRef `json:"related"`
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) {
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		writeError(w, http.StatusBadRequest, "event id must be a positive whole number, got "+strconv.Quote(truncate(raw)))
		return
	}
	ctx := r.Context()
	e, err := s.st.EventByID(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.st.Doc(ctx, e.Doc)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := eventDetail{Event: e.Record, ID: e.ID, Summary: summarize(&e), Document: docRef(&d),
		Evidence: []Evidence{}, Cited: []string{}, Related: []DocRef{}}
	var rec events.Event
	if err := json.Unmarshal(e.Record, &rec); err != nil {
		s.log.Warn("api: stored event record unreadable", "event", e.ID, "err", err)
	}
	seen := map[events.Span]bool{}
	for _, sp := range append([]events.Span{rec.Evidence}, rec.Mentions...) {
		if seen[sp] || sp.Start < 0 || sp.End > len(d.CleanText) || sp.Start >= sp.End {
			continue
		}
		seen[sp] = true
		out.Evidence = append(out.Evidence, Evidence{sp.Start, sp.End, d.CleanText[sp.Start:sp.End]})
	}
	if rec.Cited != nil {
		out.Cited = rec.Cited
	}
	if d.DupeGroup != "" {
		group, err := s.st.Docs(ctx, store.DocFilter{DupeGroup: d.DupeGroup})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for i := range group {
			if group[i].ID != d.ID {
				out.Related = append(out.Related, docRef(&group[i]))
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func docRef(d *store.Doc) DocRef {
	return DocRef{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Published: d.Published, URL: d.URL}
}
