package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"rasad/internal/events"
)

// ACLEDColumns are the CSV header, ACLED's own column names.
var ACLEDColumns = []string{"event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "admin2", "admin3",
	"location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities"}

// acledTypes maps the spec's snake_case types and subtypes to the labels of
// ACLED's codebook.
var acledTypes = map[string]string{
	"battles":                             "Battles",
	"explosions_remote_violence":          "Explosions/Remote violence",
	"violence_against_civilians":          "Violence against civilians",
	"strategic_developments":              "Strategic developments",
	"protests":                            "Protests",
	"riots":                               "Riots",
	"armed_clash":                         "Armed clash",
	"government_regains_territory":        "Government regains territory",
	"non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
	"air_drone_strike":                    "Air/drone strike",
	"shelling_artillery_missile_attack":   "Shelling/artillery/missile attack",
	"remote_explosive_landmine_ied":       "Remote explosive/landmine/IED",
	"suicide_bomb":                        "Suicide bomb",
	"grenade":                             "Grenade",
	"chemical_weapon":                     "Chemical weapon",
	"attack":                              "Attack",
	"abduction_forced_disappearance":      "Abduction/forced disappearance",
	"sexual_violence":                     "Sexual violence",
	"agreement":                           "Agreement",
	"arrests":                             "Arrests",
	"change_to_group_activity":            "Change to group/activity",
	"disrupted_weapons_use":               "Disrupted weapons use",
	"headquarters_or_base_established":    "Headquarters or base established",
	"looting_property_destruction":        "Looting/property destruction",
	"non_violent_transfer_of_territory":   "Non-violent transfer of territory",
	"other":                               "Other",
	"peaceful_protest":                    "Peaceful protest",
	"protest_with_intervention":           "Protest with intervention",
	"excessive_force_against_protesters":  "Excessive force against protesters",
	"violent_demonstration":               "Violent demonstration",
	"mob_violence":                        "Mob violence",
}

// actorNames gives the canonical actor ids readable names in the CSV.
var actorNames = map[string]string{
	"syrian_government": "Military Forces of Syria",
	"russia":            "Military Forces of Russia",
	"islamic_state":     "Islamic State",
	"sdf":               "SDF: Syrian Democratic Forces",
	"coalition":         "International Coalition",
	"opposition":        "Syrian armed opposition",
	"hts":               "HTS: Hayat Tahrir al-Sham",
	"turkey":            "Military Forces of Turkey",
	"iran":              "Military Forces of Iran",
	"hezbollah":         "Hezbollah",
	"israel":            "Military Forces of Israel",
	"iraq":              "Military Forces of Iraq",
	"civilians":         "Civilians",
	"unknown":           "Unidentified Armed Group",
}

// ACLEDLabel returns ACLED's label for a spec type or subtype.
func ACLEDLabel(s string) string {
	if l, ok := acledTypes[s]; ok {
		return l
	}
	return s
}

func actorName(a *events.Actor) string {
	if a == nil {
		return ""
	}
	if n, ok := actorNames[a.ID]; ok {
		return n
	}
	return a.ID
}

// CSVWriter writes events as ACLED-style CSV rows.
type CSVWriter struct {
	w *csv.Writer
}

// NewCSV writes the header and returns the writer.
func NewCSV(w io.Writer) (*CSVWriter, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(ACLEDColumns); err != nil {
		return nil, err
	}
	return &CSVWriter{w: cw}, nil
}

// Event writes one event; outlet is the source column, notes a short text
// (the evidence sentence).
func (c *CSVWriter) Event(e *events.Event, outlet, notes string) error {
	date := ""
	if e.Date != nil {
		date = *e.Date
	}
	var killed int64
	for _, f := range e.Fatalities {
		killed += f.Killed
	}
	src := outlet
	for _, s := range e.Cited {
		if src != "" {
			src += "; "
		}
		src += s
	}
	lat, lon := "", ""
	if e.Place.GeoPrecision > 0 {
		lat = strconv.FormatFloat(e.Place.Lat, 'f', 4, 64)
		lon = strconv.FormatFloat(e.Place.Lon, 'f', 4, 64)
	}
	return c.w.Write([]string{date, ACLEDLabel(e.Type), ACLEDLabel(e.Subtype), actorName(e.Actor1), actorName(e.Actor2),
		e.Place.Admin1, e.Place.Admin2, e.Place.Admin3, e.Place.Name, lat, lon,
		itoaOrEmpty(e.Place.GeoPrecision), itoaOrEmpty(e.TimePrecision), src, notes, strconv.FormatInt(killed, 10)})
}

// Flush writes buffered rows and reports any write error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

func itoaOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// GeoJSONWriter streams events as a GeoJSON FeatureCollection of points.
// Events without coordinates are left out.
type GeoJSONWriter struct {
	w     io.Writer
	first bool
}

// NewGeoJSON starts the collection.
func NewGeoJSON(w io.Writer) (*GeoJSONWriter, error) {
	_, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`+"\n")
	return &GeoJSONWriter{w: w, first: true}, err
}

// Event writes one event as a Feature whose properties are the event record.
func (g *GeoJSONWriter) Event(e *events.Event) error {
	if e.Place.GeoPrecision == 0 {
		return nil
	}
	props, err := json.Marshal(e)
	if err != nil {
		return err
	}
	sep := ",\n"
	if g.first {
		sep, g.first = "", false
	}
	_, err = fmt.Fprintf(g.w, `%s{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},"properties":%s}`,
		sep, strconv.FormatFloat(e.Place.Lon, 'f', -1, 64), strconv.FormatFloat(e.Place.Lat, 'f', -1, 64), props)
	return err
}

// Close ends the collection.
func (g *GeoJSONWriter) Close() error {
	_, err := io.WriteString(g.w, "\n]}\n")
	return err
}
