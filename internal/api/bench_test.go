package api

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"rasad/internal/arabic"
	"rasad/internal/events"
	"rasad/internal/gazetteer"
	"rasad/internal/store"
)

const (
	benchDocs      = 400
	benchPerDoc    = 250 // 100,000 events
	benchBatchDocs = 50
)

var (
	benchOnce  sync.Once
	benchStore *store.Store
	benchErr   error
	benchDir   string
)

// Synthetic vocabulary: the generated texts only need realistic word
// frequencies for the q filter, not meaning.
var benchWords = strings.Fields(`قصف غارة اشتباكات مدنيين قوات النظام فصائل المعارضة تنظيم الدولة مقتل إصابة
	جرحى طيران حربي روسي مروحي براميل متفجرة صواريخ مدفعية ريف مدينة بلدة قرية حي سوق مشفى مدرسة
	الأهالي نزوح سيطرة تقدم انسحاب هجوم كمين عبوة ناسفة سيارة مفخخة اغتيال اعتقال حملة مداهمة
	المرصد مصادر محلية ناشطون مراسل وكالة أفادت أكدت أعلنت صباح مساء أمس اليوم ليلة`)

var benchKinds = [][2]string{
	{"battles", "armed_clash"}, {"battles", "government_regains_territory"},
	{"explosions_remote_violence", "air_drone_strike"}, {"explosions_remote_violence", "shelling_artillery_missile_attack"},
	{"explosions_remote_violence", "remote_explosive_landmine_ied"}, {"violence_against_civilians", "attack"},
	{"strategic_developments", "arrests"}, {"protests", "peaceful_protest"},
}

var benchActors = []string{"syrian_government", "opposition", "islamic_state", "hts", "sdf", "russia", "turkey", "us_coalition", "civilians", "unknown"}

func benchPlaces() []*gazetteer.Place {
	var ps []*gazetteer.Place
	g := gazetteer.Default()
	for i := range g.Places {
		p := &g.Places[i]
		if p.Country == "SY" && p.Kind.IsSettlement() && p.Lat != 0 {
			ps = append(ps, p)
		}
		if len(ps) == 300 {
			break
		}
	}
	return ps
}

// benchmarkStore fills a store with benchDocs synthetic documents of
// benchPerDoc events each, written directly through PutBatch.
func benchmarkStore(b *testing.B) *store.Store {
	benchOnce.Do(func() {
		start := time.Now()
		if benchDir, benchErr = os.MkdirTemp("", "rasad-api-bench-"); benchErr != nil {
			return
		}
		if benchStore, benchErr = store.Open(filepath.Join(benchDir, "bench.db")); benchErr != nil {
			return
		}
		benchErr = fillBenchStore(context.Background(), benchStore)
		b.Logf("generated %d events over %d documents in %v", benchDocs*benchPerDoc, benchDocs, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func fillBenchStore(ctx context.Context, st *store.Store) error {
	rng := rand.New(rand.NewPCG(1, 2))
	places := benchPlaces()
	if len(places) == 0 {
		return fmt.Errorf("no gazetteer places")
	}
	outlets := []string{"منفذ أ", "منفذ ب", "منفذ ج", "منفذ د", "منفذ هـ"}
	day0 := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	var batch []store.Doc
	for d := 0; d < benchDocs; d++ {
		var text strings.Builder
		for w := 0; w < 300; w++ {
			text.WriteString(benchWords[rng.IntN(len(benchWords))])
			text.WriteByte(' ')
		}
		clean := text.String()
		pub := day0.AddDate(0, 0, rng.IntN(9*365))
		doc := store.Doc{
			ID: fmt.Sprintf("bench-%04d", d), RawHash: fmt.Sprintf("%064x", d+1),
			Outlet: outlets[d%len(outlets)], Title: fmt.Sprintf("تقرير تجريبي %d", d), Published: pub.Format("2006-01-02"),
			CleanText: clean, NormText: arabic.Fold(clean), IndexText: string(arabic.AppendSearchKeys(nil, clean)),
		}
		for i := 0; i < benchPerDoc; i++ {
			k := benchKinds[rng.IntN(len(benchKinds))]
			p := places[rng.IntN(len(places))]
			a1, a2 := benchActors[rng.IntN(len(benchActors))], benchActors[rng.IntN(len(benchActors))]
			var date *string
			if rng.IntN(10) > 0 {
				s := pub.AddDate(0, 0, -rng.IntN(3)).Format("2006-01-02")
				date = &s
			}
			killed := int64(rng.IntN(12))
			start := rng.IntN(len(clean) - 200)
			for start > 0 && clean[start-1] != ' ' {
				start--
			}
			ev := events.Event{
				Record: "event", Doc: doc.ID, Type: k[0], Subtype: k[1],
				Actor1: &events.Actor{ID: a1, Text: "نص الفاعل", Framing: "neutral"}, Actor2: &events.Actor{ID: a2},
				Place: events.Place{Name: p.Name, Text: p.Name, ID: p.ID, Admin1: p.Governorate, Country: "SY", Lat: p.Lat, Lon: p.Lon, GeoPrecision: 1},
				Date:  date, TimePrecision: 1, Cited: []string{"المرصد"},
				Fatalities: []events.Fatality{{Group: "civilians", Killed: killed, Qualifier: "exact"}},
				Evidence:   events.Span{Start: start, End: start + 100},
			}
			rec, err := json.Marshal(ev)
			if err != nil {
				return err
			}
			lat, lon := p.Lat, p.Lon
			e := store.Event{Type: k[0], Subtype: k[1], Actor1: a1, Actor2: a2, Place: p.Name, PlaceID: p.ID, Admin1: p.Governorate,
				Lat: &lat, Lon: &lon, GeoPrecision: 1, TimePrecision: 1, Killed: killed, Record: rec}
			if date != nil {
				e.Date = *date
			}
			doc.Events = append(doc.Events, e)
		}
		batch = append(batch, doc)
		if len(batch) == benchBatchDocs {
			if _, err := st.PutBatch(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if _, err := st.PutBatch(ctx, batch); err != nil {
			return err
		}
	}
	return st.Optimize(ctx)
}

// benchQueries is the filter mix of BenchmarkEvents: what the web app asks
// while a user explores the map.
func benchQueries() []string {
	q := url.QueryEscape
	return []string{
		"",
		"type=battles",
		"type=explosions_remote_violence&subtype=air_drone_strike",
		"bbox=36.0,35.5,37.5,36.6",
		"from=2016-01-01&to=2016-03-31",
		"actor=islamic_state",
		"q=" + q("غارة"),
		"q=" + q("براميل متفجرة") + "&type=explosions_remote_violence",
		"outlet=" + q("منفذ ب") + "&from=2018",
		"type=battles&actor=syrian_government&bbox=35.5,32.3,42.4,37.4&from=2014-01-01&to=2019-12-31",
		"offset=5000",
	}
}

// BenchmarkEvents measures GET /api/events over 100,000 events with a mix
// of filters, and reports the 50th and 95th percentile latency.
func BenchmarkEvents(b *testing.B) {
	st := benchmarkStore(b)
	h := New(st, Options{}).Handler()
	qs := benchQueries()
	var lat []time.Duration
	var bytes int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("GET", "/api/events?"+qs[i%len(qs)], nil)
		w := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(w, req)
		lat = append(lat, time.Since(t0))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", req.URL, w.Code, w.Body.String())
		}
		bytes += int64(w.Body.Len())
	}
	reportLatency(b, lat, bytes)
}

// BenchmarkEventsGeoJSON and BenchmarkHistogram measure the map and the
// time line over the same store.
func BenchmarkEventsGeoJSON(b *testing.B) { benchEndpoint(b, "/api/events.geojson?") }
func BenchmarkHistogram(b *testing.B)     { benchEndpoint(b, "/api/histogram?") }
func BenchmarkFacets(b *testing.B)        { benchEndpoint(b, "/api/facets?") }

func benchEndpoint(b *testing.B, prefix string) {
	st := benchmarkStore(b)
	h := New(st, Options{}).Handler()
	qs := benchQueries()
	var lat []time.Duration
	var bytes int64
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(w, httptest.NewRequest("GET", prefix+qs[i%len(qs)], nil))
		lat = append(lat, time.Since(t0))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", prefix, w.Code, w.Body.String())
		}
		bytes += int64(w.Body.Len())
	}
	reportLatency(b, lat, bytes)
}

func reportLatency(b *testing.B, lat []time.Duration, bytes int64) {
	if len(lat) == 0 {
		return
	}
	b.SetBytes(bytes / int64(len(lat)))
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(1), "max-ms")
}

// TestBenchQueries runs each query of the benchmark mix once over a small
// store, so the mix stays valid.
func TestBenchQueries(t *testing.T) {
	h := demoServer(t)
	for _, q := range benchQueries() {
		get(t, h, "/api/events?"+q, 200, nil)
	}
}
