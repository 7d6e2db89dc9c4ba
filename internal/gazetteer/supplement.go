package gazetteer

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The supplement (data/gazetteer/supplement.tsv) is a reviewed, hand-written
// TSV of the places the sources lack. '#' lines and blank lines are
// comments. The first other line is a header naming the columns, in any
// order:
//
//	kind        one of the Kind values
//	name        canonical Arabic name
//	variants    other Arabic spellings, '|'-separated (optional)
//	name_en     English name
//	country     SY, IQ, LB, JO, TR, or a code of the countries map
//	governorate canonical Arabic name of the first-level division; required
//	            except for countries and first-level divisions themselves
//	parent      Arabic name (resolved among the places of the governorate,
//	            settlements first) or id of the enclosing place (optional)
//	lat, lon    coordinates (optional: the parent's are used)
//	precision   1 own coordinates, 2 a nearby parent's, 3 a governorate's
//	            or country's (optional: derived from how the coordinates
//	            were obtained)
//	id          explicit id (optional: derived as sup:<slug of name_en>, or
//	            sup:<parent slug>/<slug> for neighbourhoods)
//
// An entry naming a place already present (same name or variant, same
// governorate, compatible kind, nearby) is merged into it: its name, kind,
// English name and variants win, the existing id and coordinates stay.

type supEntry struct {
	Line        int
	Kind        Kind
	Name        string
	Variants    []string
	NameEN      string
	Country     string
	Governorate string
	Parent      string
	Lat, Lon    float64
	HasCoords   bool
	Precision   int
	ID          string
}

var supColumns = []string{"kind", "name", "variants", "name_en", "country", "governorate", "parent", "lat", "lon", "precision", "id"}

// countries are the ISO 3166-1 codes the supplement may use: Syria, its
// neighbours (whose provinces, towns and crossings reports name), and the
// countries whose capitals and cities reports name as places of talks,
// flights and decisions (those have only their capital's first-level
// division and a few cities).
var countries = map[string]bool{
	"SY": true, "IQ": true, "LB": true, "JO": true, "TR": true,
	"RU": true, "US": true, "IR": true, "SA": true, "AE": true, "QA": true, "KW": true, "BH": true,
	"OM": true, "YE": true, "EG": true, "LY": true, "SD": true, "IL": true, "PS": true, "FR": true,
	"GB": true, "DE": true, "CH": true, "AT": true, "BE": true, "KZ": true, "CN": true, "AF": true,
	"UA": true,
}

// parseSupplement parses the supplement file. Errors name the line and the
// column at fault.
func parseSupplement(data []byte) ([]supEntry, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("supplement: not valid UTF-8")
	}
	var col map[string]int
	var out []supEntry
	for n, line := range strings.Split(string(data), "\n") {
		lineNo := n + 1
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if col == nil {
			col = map[string]int{}
			for i, h := range fields {
				h = strings.TrimSpace(h)
				if _, dup := col[h]; dup {
					return nil, fmt.Errorf("supplement:%d: header repeats column %q", lineNo, h)
				}
				col[h] = i
			}
			for _, c := range supColumns {
				if _, ok := col[c]; !ok {
					return nil, fmt.Errorf("supplement:%d: header lacks column %q (want %s)", lineNo, c, strings.Join(supColumns, ", "))
				}
			}
			continue
		}
		if len(fields) > len(col) {
			return nil, fmt.Errorf("supplement:%d: %d columns, header has %d", lineNo, len(fields), len(col))
		}
		get := func(c string) string {
			if i := col[c]; i < len(fields) {
				return strings.TrimSpace(fields[i])
			}
			return ""
		}
		e := supEntry{Line: lineNo, Kind: Kind(get("kind")), Name: cleanName(get("name")), NameEN: strings.Join(strings.Fields(get("name_en")), " "),
			Country: get("country"), Governorate: cleanName(get("governorate")), Parent: strings.TrimSpace(get("parent")), ID: get("id")}
		bad := func(c, format string, args ...any) error {
			return fmt.Errorf("supplement:%d: column %s: %s", lineNo, c, fmt.Sprintf(format, args...))
		}
		if !e.Kind.Valid() {
			return nil, bad("kind", "unknown kind %q", truncate(get("kind"), 40))
		}
		if !hasArabicName(e.Name) || strings.Contains(e.Name, "|") {
			return nil, bad("name", "%q is not an Arabic name", truncate(get("name"), 60))
		}
		if !countries[e.Country] {
			return nil, bad("country", "%q is not one of the supplement's country codes (SY, IQ, LB, JO, TR, RU, US, ...)", truncate(e.Country, 20))
		}
		if e.NameEN == "" && e.ID == "" {
			return nil, bad("name_en", "empty (needed to derive the id)")
		}
		if e.Kind != Country && !(e.Kind == Governorate && e.Country != "SY") && e.Governorate == "" {
			return nil, bad("governorate", "empty")
		}
		if v := get("variants"); v != "" {
			for _, s := range strings.Split(v, "|") {
				s = cleanName(s)
				if s == "" {
					continue
				}
				if !hasArabicName(s) {
					return nil, bad("variants", "%q is not an Arabic name", truncate(s, 60))
				}
				e.Variants = append(e.Variants, s)
			}
		}
		lat, lon := get("lat"), get("lon")
		if (lat == "") != (lon == "") {
			return nil, bad("lat/lon", "give both or neither")
		}
		if lat != "" {
			var err error
			if e.Lat, err = strconv.ParseFloat(lat, 64); err != nil || math.IsNaN(e.Lat) || math.Abs(e.Lat) > 90 {
				return nil, bad("lat", "%q is not a latitude", truncate(lat, 30))
			}
			if e.Lon, err = strconv.ParseFloat(lon, 64); err != nil || math.IsNaN(e.Lon) || math.Abs(e.Lon) > 180 {
				return nil, bad("lon", "%q is not a longitude", truncate(lon, 30))
			}
			e.HasCoords = true
			if e.Country == "SY" && !inBox(e.Lat, e.Lon, syriaBox) {
				return nil, bad("lat/lon", "%s,%s is outside Syria", lat, lon)
			}
		}
		if p := get("precision"); p != "" {
			v, err := strconv.Atoi(p)
			if err != nil || v < 1 || v > 3 {
				return nil, bad("precision", "%q is not 1, 2 or 3", truncate(p, 20))
			}
			e.Precision = v
		}
		if e.ID != "" && strings.ContainsAny(e.ID, " \t|") {
			return nil, bad("id", "%q contains a space, tab or '|'", truncate(e.ID, 40))
		}
		out = append(out, e)
	}
	if col == nil {
		return nil, fmt.Errorf("supplement: no header line")
	}
	return out, nil
}

// slug returns a lower-case ASCII id fragment of an English name.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(latinPlain(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// hasArabicName reports whether s can be a supplement name: at least two
// Arabic letters; Latin letters and digits may appear ("طريق M4", "مطار T4").
func hasArabicName(s string) bool {
	_, a := arabicShare(s)
	return a >= 2
}
