package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/events"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func sampleEvents() (events.DocRecord, []events.Event) {
	date := "2017-10-29"
	doc := events.DocRecord{Record: "document", Doc: "d1", Title: "عنوان", Outlet: "منفذ", Published: date,
		Toponyms: []string{"دير الزور", "حي العرفي"}, Cited: []string{"المرصد السوري لحقوق الإنسان"}}
	evs := []events.Event{{
		Record: "event", Doc: "d1", Type: "battles", Subtype: "government_regains_territory",
		Actor1: &events.Actor{ID: "syrian_government", Text: "قوات النظام", Framing: "opposition"},
		Actor2: &events.Actor{ID: "islamic_state", Text: "تنظيم الدولة"},
		Place:  events.Place{Name: "حي العرفي", Text: "حي العرفي", Admin1: "دير الزور", Lat: 35.33, Lon: 40.14, GeoPrecision: 1},
		Date:   &date, TimePrecision: 1,
		Fatalities: []events.Fatality{{Group: "islamic_state", Killed: 50, Qualifier: "more_than"}},
		Cited:      []string{"المرصد السوري لحقوق الإنسان"},
		Evidence:   events.Span{Start: 0, End: 20},
	}, {
		Record: "event", Doc: "d1", Type: "explosions_remote_violence", Subtype: "air_drone_strike",
		Place: events.Place{Name: "مكان بلا إحداثيات"}, Fatalities: []events.Fatality{}, Cited: []string{},
	}}
	return doc, evs
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func TestJSONL(t *testing.T) {
	doc, evs := sampleEvents()
	var buf bytes.Buffer
	if err := NewJSONL(&buf).Report(doc, evs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a document record and two events, got %d lines", len(lines))
	}
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := "event"
		if i == 0 {
			want = "document"
		}
		if m["record"] != want {
			t.Errorf("line %d: record %v, want %s", i+1, m["record"], want)
		}
	}
	golden(t, "export.jsonl", buf.Bytes())
}

func TestCSV(t *testing.T) {
	_, evs := sampleEvents()
	var buf bytes.Buffer
	w, err := NewCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if err := w.Event(&evs[i], "منفذ", "جملة الدليل"); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(ACLEDColumns, ",") {
		t.Errorf("header %v", rows[0])
	}
	if rows[1][1] != "Battles" || rows[1][2] != "Government regains territory" || rows[1][15] != "50" || rows[1][9] != "35.3300" {
		t.Errorf("row %v", rows[1])
	}
	if rows[2][9] != "" || rows[2][11] != "" {
		t.Errorf("an event without coordinates must leave them empty: %v", rows[2])
	}
	golden(t, "export.csv", buf.Bytes())
}

func TestGeoJSON(t *testing.T) {
	_, evs := sampleEvents()
	var buf bytes.Buffer
	w, err := NewGeoJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if err := w.Event(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.Bytes())
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 {
		t.Fatalf("want one feature (the event without coordinates left out): %+v", fc)
	}
	if c := fc.Features[0].Geometry.Coordinates; c[0] != 40.14 || c[1] != 35.33 {
		t.Errorf("coordinates must be [lon, lat]: %v", c)
	}
	golden(t, "export.geojson", buf.Bytes())
}
