package gazetteer

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ---- OpenSyria ----------------------------------------------------------
//
// OpenSyria Data Geography (CC BY 4.0) gives the 14 governorates, 62
// districts and 272 subdistricts with Arabic and English names, OCHA P-codes,
// polygon centroids and 2004 census (governorates: 2016 estimate) populations.

type osName struct {
	EN string `json:"en"`
	AR string `json:"ar"`
}

type osAlias struct {
	Value    string `json:"value"`
	Language string `json:"language"`
	Type     string `json:"type"`
}

type osArea struct {
	ID            string         `json:"id"`
	GovernorateID string         `json:"governorateId"`
	DistrictID    string         `json:"districtId"`
	Name          osName         `json:"name"`
	Aliases       []osAlias      `json:"aliases"`
	Centroid      *osCentroid    `json:"centroid"`
	Population    *osPopulation  `json:"population"`
	ExternalIDs   map[string]any `json:"externalIds"`
}

type osCentroid struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

type osPopulation struct {
	Value float64 `json:"value"`
}

func (a *osArea) external(key string) string {
	switch v := a.ExternalIDs[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func readOpenSyria(dir, file string) ([]osArea, error) {
	path := filepath.Join(dir, file)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("opensyria: %w", err)
	}
	var areas []osArea
	if err := json.Unmarshal(data, &areas); err != nil {
		return nil, fmt.Errorf("opensyria: %s: %w", path, err)
	}
	for i := range areas {
		a := &areas[i]
		switch {
		case a.ID == "":
			return nil, fmt.Errorf("opensyria: %s: entry %d has no id", path, i)
		case cleanName(a.Name.AR) == "":
			return nil, fmt.Errorf("opensyria: %s: %s has no Arabic name", path, a.ID)
		case a.Centroid == nil:
			return nil, fmt.Errorf("opensyria: %s: %s has no centroid", path, a.ID)
		case a.external("ochaPcode") == "":
			return nil, fmt.Errorf("opensyria: %s: %s has no ochaPcode", path, a.ID)
		case !inBox(a.Centroid.Latitude, a.Centroid.Longitude, syriaBox):
			return nil, fmt.Errorf("opensyria: %s: %s centroid %g,%g is outside Syria", path, a.ID, a.Centroid.Latitude, a.Centroid.Longitude)
		}
	}
	return areas, nil
}

// ---- Who's On First -----------------------------------------------------
//
// The WOF Syria extract (CC0, with GeoNames-derived names under CC BY) is a
// CSV: id,placetype,name,name_ar,lat,lon,parent,hierarchy,geonames,wd,
// deprecated,superseded_by. name_ar holds '|'-separated alternates, some of
// them romanized. Many rows are empty stubs; some are deprecated or
// superseded.

type wofRow struct {
	ID        int64
	PlaceType string
	Name      string
	NameAR    []string // raw alternates
	Lat, Lon  float64
	HasCoords bool
	Hierarchy map[string]int64
	GeoNames  string
	WD        string
	Dead      bool // deprecated or superseded
}

var wofColumns = []string{"id", "placetype", "name", "name_ar", "lat", "lon", "parent",
	"hierarchy", "geonames", "wd", "deprecated", "superseded_by"}

func readWOF(path string) ([]wofRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("wof: %w", err)
	}
	defer f.Close()
	return parseWOF(f, path)
}

func parseWOF(r io.Reader, name string) ([]wofRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("wof: %s: reading header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range wofColumns {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("wof: %s: header lacks column %q", name, c)
		}
	}
	var rows []wofRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("wof: %s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := wofRow{PlaceType: get("placetype"), Name: get("name"), GeoNames: get("geonames"), WD: get("wd")}
		if row.ID, err = strconv.ParseInt(get("id"), 10, 64); err != nil {
			return nil, fmt.Errorf("wof: %s:%d: id %q is not an integer", name, line, get("id"))
		}
		if s := get("name_ar"); s != "" {
			row.NameAR = strings.Split(s, "|")
		}
		lat, lon := get("lat"), get("lon")
		if lat != "" || lon != "" {
			if row.Lat, err = strconv.ParseFloat(lat, 64); err != nil || math.Abs(row.Lat) > 90 {
				return nil, fmt.Errorf("wof: %s:%d: lat %q is not a latitude", name, line, lat)
			}
			if row.Lon, err = strconv.ParseFloat(lon, 64); err != nil || math.Abs(row.Lon) > 180 {
				return nil, fmt.Errorf("wof: %s:%d: lon %q is not a longitude", name, line, lon)
			}
			row.HasCoords = true
		}
		if h := get("hierarchy"); h != "" {
			var m map[string]float64
			if err := json.Unmarshal([]byte(h), &m); err != nil {
				return nil, fmt.Errorf("wof: %s:%d: hierarchy: %w", name, line, err)
			}
			row.Hierarchy = make(map[string]int64, len(m))
			for k, v := range m {
				row.Hierarchy[k] = int64(v)
			}
		}
		if get("deprecated") != "" {
			row.Dead = true
		}
		if s := get("superseded_by"); s != "" && s != "[]" {
			row.Dead = true
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// ---- geometry -------------------------------------------------------------

type box struct{ minLat, maxLat, minLon, maxLon float64 }

// syriaBox bounds Syria including the occupied Golan.
var syriaBox = box{32.2, 37.45, 35.55, 42.45}

func inBox(lat, lon float64, b box) bool {
	return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon
}

// distKm is the equirectangular distance in kilometres, accurate enough at
// the scale of a country.
func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	x := (lon2 - lon1) * math.Pi / 180 * math.Cos((lat1+lat2)/2*math.Pi/180)
	y := (lat2 - lat1) * math.Pi / 180
	return r * math.Sqrt(x*x+y*y)
}
