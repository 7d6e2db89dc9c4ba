package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"rasad/internal/store"
)

var (
	demoOnce  sync.Once
	demoStore *store.Store
	demoErr   error
	demoDir   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoStore != nil {
		demoStore.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// demoServer returns a read-only server over a store holding the demo
// reports, shared by the tests (none of them writes to it).
func demoServer(t testing.TB) http.Handler {
	t.Helper()
	demoOnce.Do(func() {
		if demoDir, demoErr = os.MkdirTemp("", "rasad-api-test-"); demoErr != nil {
			return
		}
		if demoStore, demoErr = store.Open(filepath.Join(demoDir, "demo.db")); demoErr != nil {
			return
		}
		demoErr = Demo(context.Background(), demoStore)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return New(demoStore, Options{}).Handler()
}

// get requests path and decodes the JSON answer into v (when not nil),
// checking the status.
func get(t *testing.T, h http.Handler, path string, want int, v any) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, httptest.NewRequest("GET", path, nil), want, v)
}

func do(t *testing.T, h http.Handler, req *http.Request, want int, v any) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != want {
		t.Fatalf("%s %s: status %d, want %d; body %s", req.Method, req.URL, w.Code, want, w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); strings.HasPrefix(req.URL.Path, "/api/") && !strings.Contains(ct, "json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", req.Method, req.URL, ct)
	}
	if w.Code >= 400 {
		var e errorBody
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
			t.Errorf("%s %s: error body %q is not {\"error\": message}", req.Method, req.URL, w.Body.String())
		}
	}
	if v != nil {
		if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
			t.Fatalf("%s %s: decoding %s: %v", req.Method, req.URL, w.Body.String(), err)
		}
	}
	return w
}

func TestEvents(t *testing.T) {
	h := demoServer(t)
	var all eventsPage
	get(t, h, "/api/events", 200, &all)
	if all.Total == 0 || len(all.Events) != all.Total || all.Limit != DefaultLimit {
		t.Fatalf("events: total %d, %d on the page, limit %d", all.Total, len(all.Events), all.Limit)
	}
	for i := 1; i < len(all.Events); i++ {
		a, b := all.Events[i-1], all.Events[i]
		da, db := "", ""
		if a.Date != nil {
			da = *a.Date
		}
		if b.Date != nil {
			db = *b.Date
		}
		if da < db || (da == db && a.ID < b.ID) {
			t.Errorf("events not latest first: %d (%s) before %d (%s)", a.ID, da, b.ID, db)
		}
	}
	e := all.Events[0]
	if e.Doc == "" || e.Type == "" || e.Outlet == "" && e.Title == "" || e.Fatalities == nil {
		t.Errorf("summary incomplete: %+v", e)
	}

	// Every filter narrows to events that satisfy it.
	var first *EventSummary
	for i := range all.Events {
		if x := &all.Events[i]; x.Actor1 != nil && x.Place.Lat != nil && x.Date != nil {
			first = x
			break
		}
	}
	if first == nil {
		t.Fatal("no dated, located event with an actor in the demo")
	}
	lat, lon := *first.Place.Lat, *first.Place.Lon
	filters := []struct {
		query string
		ok    func(e *EventSummary) bool
	}{
		{"type=" + url.QueryEscape(first.Type), func(e *EventSummary) bool { return e.Type == first.Type }},
		{"subtype=" + url.QueryEscape(first.Subtype), func(e *EventSummary) bool { return e.Subtype == first.Subtype }},
		{"actor=" + url.QueryEscape(first.Actor1.ID), func(e *EventSummary) bool {
			return e.Actor1 != nil && e.Actor1.ID == first.Actor1.ID || e.Actor2 != nil && e.Actor2.ID == first.Actor1.ID
		}},
		{"place=" + url.QueryEscape(first.Place.Name), func(e *EventSummary) bool { return e.Place.Name == first.Place.Name }},
		{"outlet=" + url.QueryEscape(first.Outlet), func(e *EventSummary) bool { return e.Outlet == first.Outlet }},
		{"from=" + *first.Date + "&to=" + *first.Date, func(e *EventSummary) bool { return e.Date != nil && *e.Date == *first.Date }},
		{fmt.Sprintf("bbox=%g,%g,%g,%g", lon-0.01, lat-0.01, lon+0.01, lat+0.01), func(e *EventSummary) bool {
			return e.Place.Lat != nil && *e.Place.Lat >= lat-0.01 && *e.Place.Lat <= lat+0.01
		}},
		{"q=" + url.QueryEscape("قصف"), func(e *EventSummary) bool { return true }},
	}
	for _, f := range filters {
		var p eventsPage
		get(t, h, "/api/events?"+f.query, 200, &p)
		if p.Total == 0 || len(p.Events) == 0 {
			t.Errorf("%s: no events", f.query)
		}
		for i := range p.Events {
			if !f.ok(&p.Events[i]) {
				t.Errorf("%s: event %d does not match: %+v", f.query, p.Events[i].ID, p.Events[i])
			}
		}
	}
	var none eventsPage
	get(t, h, "/api/events?type=no_such_type", 200, &none)
	if none.Total != 0 || none.Events == nil || len(none.Events) != 0 {
		t.Errorf("unknown type: %+v, want an empty list", none)
	}

	// Pagination: limit 1 pages through the same events; large limits are capped.
	var p1, p2 eventsPage
	get(t, h, "/api/events?limit=1", 200, &p1)
	get(t, h, "/api/events?limit=1&offset=1", 200, &p2)
	if p1.Total != all.Total || len(p1.Events) != 1 || p1.Events[0].ID != all.Events[0].ID {
		t.Errorf("limit=1: %+v", p1)
	}
	if len(all.Events) > 1 && (len(p2.Events) != 1 || p2.Events[0].ID != all.Events[1].ID || p2.Offset != 1) {
		t.Errorf("offset=1: %+v", p2)
	}
	var big eventsPage
	get(t, h, "/api/events?limit=1000000", 200, &big)
	if big.Limit != MaxLimit {
		t.Errorf("limit=1000000 answered with limit %d, want it capped at %d", big.Limit, MaxLimit)
	}
}

func TestBadParameters(t *testing.T) {
	h := demoServer(t)
	for _, path := range []string{
		"/api/events?bbox=1,2,3",
		"/api/events?bbox=a,b,c,d",
		"/api/events?bbox=40,30,35,36",
		"/api/events?bbox=0,-100,1,1",
		"/api/events?bbox=NaN,1,2,3",
		"/api/events?from=yesterday",
		"/api/events?from=2017-13-01",
		"/api/events?from=2018-01-01&to=2017-01-01",
		"/api/events?limit=-1",
		"/api/events?limit=ten",
		"/api/events?offset=-5",
		"/api/events?q=" + url.QueryEscape("-قصف"),
		"/api/events?q=...",
		"/api/events?q=" + strings.Repeat("x", 2000),
		"/api/events.geojson?bbox=1",
		"/api/histogram?to=2017/10/01",
		"/api/events/abc",
		"/api/events/0",
		"/api/documents?from=x",
		"/api/search",
		"/api/search?q=" + url.QueryEscape("\"\""),
		"/api/places",
		"/api/places?q=x&limit=z",
	} {
		get(t, h, path, 400, nil)
	}
	get(t, h, "/api/events/999999", 404, nil)
	get(t, h, "/api/documents/no-such-document", 404, nil)
	get(t, h, "/api/nothing-here", 404, nil)
	w := do(t, h, httptest.NewRequest("DELETE", "/api/events", nil), 405, nil)
	if !strings.Contains(w.Body.String(), "GET") {
		t.Errorf("405 body %q does not name the allowed methods", w.Body.String())
	}
}

func TestGeoJSON(t *testing.T) {
	h := demoServer(t)
	w := get(t, h, "/api/events.geojson", 200, nil)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/geo+json") {
		t.Errorf("Content-Type %q", ct)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			ID       int64  `json:"id"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties EventSummary `json:"properties"`
		} `json:"features"`
		Total     int  `json:"total"`
		Truncated bool `json:"truncated"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &fc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, w.Body.String())
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) == 0 || fc.Truncated {
		t.Fatalf("collection: type %q, %d features, truncated %v", fc.Type, len(fc.Features), fc.Truncated)
	}
	for _, f := range fc.Features {
		c := f.Geometry.Coordinates
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(c) != 2 || c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
			t.Errorf("feature %d invalid: %+v", f.ID, f)
		}
		if p := f.Properties; p.ID != f.ID || p.Place.Lon == nil || *p.Place.Lon != c[0] || *p.Place.Lat != c[1] {
			t.Errorf("feature %d: properties do not match the geometry: %+v", f.ID, p)
		}
	}
	// A box around nothing: an empty, valid collection.
	w = get(t, h, "/api/events.geojson?bbox=-10,-10,-9,-9", 200, &fc)
	if len(fc.Features) != 0 || !strings.Contains(w.Body.String(), `"features":[]`) {
		t.Errorf("empty box: %s", w.Body.String())
	}
}

func TestEventDetail(t *testing.T) {
	h := demoServer(t)
	var all eventsPage
	get(t, h, "/api/events?limit=1000", 200, &all)
	for _, e := range all.Events {
		var d eventDetail
		get(t, h, fmt.Sprint("/api/events/", e.ID), 200, &d)
		if d.ID != e.ID || d.Document.ID != e.Doc || len(d.Evidence) == 0 || d.Cited == nil || d.Related == nil {
			t.Fatalf("event %d: %+v", e.ID, d)
		}
		var rec struct {
			Record   string `json:"record"`
			Evidence struct{ Start, End int }
		}
		if err := json.Unmarshal(d.Event, &rec); err != nil || rec.Record != "event" {
			t.Fatalf("event %d: record %s: %v", e.ID, d.Event, err)
		}
		var doc docDetail
		get(t, h, "/api/documents/"+url.PathEscape(e.Doc), 200, &doc)
		for _, ev := range d.Evidence {
			if doc.CleanText[ev.Start:ev.End] != ev.Text || ev.Text == "" {
				t.Errorf("event %d: evidence %d-%d is not the clean text there", e.ID, ev.Start, ev.End)
			}
		}
		if d.Evidence[0].Start != rec.Evidence.Start || d.Evidence[0].End != rec.Evidence.End {
			t.Errorf("event %d: first evidence is not the record's", e.ID)
		}
	}
}

func TestDocuments(t *testing.T) {
	h := demoServer(t)
	var list docsPage
	get(t, h, "/api/documents", 200, &list)
	if list.Total == 0 || len(list.Documents) != list.Total {
		t.Fatalf("documents: %+v", list)
	}
	events := 0
	for _, d := range list.Documents {
		events += d.Events
		var doc docDetail
		get(t, h, "/api/documents/"+url.PathEscape(d.ID), 200, &doc)
		if doc.ID != d.ID || doc.CleanText == "" || doc.Mentions == nil || doc.Removed == nil || len(doc.Events) != d.Events {
			t.Errorf("document %s: %d events (list says %d), %d mentions", d.ID, len(doc.Events), d.Events, len(doc.Mentions))
		}
		for _, m := range doc.Mentions {
			if m.Start < 0 || m.End > len(doc.CleanText) || m.Start >= m.End || doc.CleanText[m.Start:m.End] != m.Text {
				t.Errorf("document %s: mention %+v is not the clean text at its offsets", d.ID, m)
			}
		}
	}
	var all eventsPage
	get(t, h, "/api/events", 200, &all)
	if events != all.Total {
		t.Errorf("documents count %d events, /api/events %d", events, all.Total)
	}
	var p docsPage
	get(t, h, "/api/documents?limit=2&offset=1", 200, &p)
	if p.Total != list.Total || len(p.Documents) != 2 || p.Documents[0].ID != list.Documents[1].ID {
		t.Errorf("page: %+v", p)
	}
	outlet := ""
	for _, d := range list.Documents {
		if d.Outlet != "" {
			outlet = d.Outlet
		}
	}
	get(t, h, "/api/documents?outlet="+url.QueryEscape(outlet), 200, &p)
	for _, d := range p.Documents {
		if d.Outlet != outlet {
			t.Errorf("outlet filter %q let %q through", outlet, d.Outlet)
		}
	}
}

func TestHistogramAndFacets(t *testing.T) {
	h := demoServer(t)
	var all eventsPage
	get(t, h, "/api/events", 200, &all)
	var hist struct {
		Days    []string `json:"days"`
		Counts  []int    `json:"counts"`
		Undated int      `json:"undated"`
	}
	get(t, h, "/api/histogram", 200, &hist)
	sum := hist.Undated
	for i, c := range hist.Counts {
		sum += c
		if i > 0 && hist.Days[i-1] >= hist.Days[i] {
			t.Errorf("days not ascending: %v", hist.Days)
		}
	}
	if len(hist.Days) != len(hist.Counts) || sum != all.Total {
		t.Errorf("histogram %+v sums to %d, want %d", hist, sum, all.Total)
	}
	var f store.Facets
	get(t, h, "/api/facets", 200, &f)
	n := 0
	for _, c := range f.Types {
		n += c
	}
	if f.Events != all.Total || n != all.Total || f.Documents == 0 || len(f.Outlets) == 0 || len(f.Actors) == 0 {
		t.Errorf("facets %+v do not add up to %d events", f, all.Total)
	}
	if len(hist.Days) > 0 && (f.DateMin != hist.Days[0] || f.DateMax != hist.Days[len(hist.Days)-1]) {
		t.Errorf("facets date range %s..%s, histogram %v", f.DateMin, f.DateMax, hist.Days)
	}
}

func TestSearch(t *testing.T) {
	h := demoServer(t)
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID         string `json:"id"`
			Snippet    string `json:"snippet"`
			Highlights []struct{ Start, End int }
		} `json:"hits"`
	}
	get(t, h, "/api/search?q="+url.QueryEscape("قصف")+"&limit=3", 200, &res)
	if res.Total == 0 || len(res.Hits) == 0 || len(res.Hits) > 3 || len(res.Hits[0].Highlights) == 0 {
		t.Fatalf("search: %+v", res)
	}
	get(t, h, "/api/search?q=zzzzqqq", 200, &res)
	if res.Total != 0 || res.Hits == nil {
		t.Errorf("no match: %+v", res)
	}
}

func TestPlaces(t *testing.T) {
	h := demoServer(t)
	for _, q := range []string{"حلب", "ادلب", "إدلب", "Aleppo", "aleppo", "دير الز"} {
		var ps []PlaceHit
		get(t, h, "/api/places?q="+url.QueryEscape(q), 200, &ps)
		if len(ps) == 0 || len(ps) > 10 {
			t.Errorf("%s: %d places", q, len(ps))
			continue
		}
		if ps[0].Lat == 0 || ps[0].Name == "" || ps[0].ID == "" {
			t.Errorf("%s: first place %+v", q, ps[0])
		}
	}
	var ps []PlaceHit
	get(t, h, "/api/places?q="+url.QueryEscape("ح")+"&limit=3", 200, &ps)
	if len(ps) != 3 {
		t.Errorf("limit=3: %d places", len(ps))
	}
	get(t, h, "/api/places?q=qqqqzzzz", 200, &ps)
	if ps == nil || len(ps) != 0 {
		t.Errorf("no match: %v", ps)
	}
}

func TestSecurityHeadersAndStatic(t *testing.T) {
	h := demoServer(t)
	for _, p := range []string{"/", "/api/events", "/api/nothing"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), "/api/openapi.json") {
		t.Errorf("placeholder page: %d %s", w.Code, w.Body.String())
	}
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "web app") })
	h2 := New(demoStore, Options{Static: static}).Handler()
	w = httptest.NewRecorder()
	h2.ServeHTTP(w, httptest.NewRequest("GET", "/assets/app.js", nil))
	if w.Body.String() != "web app" {
		t.Errorf("static handler not mounted: %q", w.Body.String())
	}
}

// TestOpenAPI checks the document parses and lists exactly the routes the
// mux serves.
func TestOpenAPI(t *testing.T) {
	h := demoServer(t)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	get(t, h, "/api/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, r := range routes {
		m := strings.ToLower(r.Method)
		served[m+" "+r.Path] = true
		if _, ok := doc.Paths[r.Path][m]; !ok {
			t.Errorf("route %s %s is not in openapi.json", r.Method, r.Path)
		}
	}
	for p, ops := range doc.Paths {
		for m, op := range ops {
			if !served[m+" "+p] {
				t.Errorf("openapi.json lists %s %s, which the server does not serve", m, p)
			}
			var o struct {
				Responses map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(op, &o); err != nil || len(o.Responses) == 0 {
				t.Errorf("%s %s: no responses", m, p)
			}
		}
	}
}

func TestServeShutsDown(t *testing.T) {
	h := demoServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/facets")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if err := ListenAndServe(context.Background(), "127.0.0.1:-1", h); err == nil {
		t.Error("bad address accepted")
	}
}
