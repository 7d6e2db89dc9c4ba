// Package events is rasad's event stage: from a clean document and its
// mentions (places, actors, numbers, dates, cited sources) it builds the
// ACLED-style event records of ../shared/spec/events.md, each with the
// sentences it came from.
package events

// Actor is one side of an event: a canonical id of the spec and the surface
// form the outlet used (its framing).
type Actor struct {
	ID      string `json:"id"`
	Text    string `json:"text,omitempty"`
	Framing string `json:"framing,omitempty"`
}

// Place is where an event happened.
type Place struct {
	Name         string  `json:"name"`           // canonical Arabic name (gazetteer entry)
	Text         string  `json:"text,omitempty"` // as written
	ID           string  `json:"id,omitempty"`   // gazetteer id
	Admin1       string  `json:"admin1,omitempty"`
	Admin2       string  `json:"admin2,omitempty"`
	Admin3       string  `json:"admin3,omitempty"`
	Country      string  `json:"country,omitempty"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	GeoPrecision int     `json:"geo_precision"`
}

// Fatality is a killed count for one group, as stated.
type Fatality struct {
	Group     string `json:"group"`
	Killed    int64  `json:"killed"`
	Qualifier string `json:"qualifier"`
	KilledMax int64  `json:"killed_max,omitempty"`
	Text      string `json:"text,omitempty"`
}

// Span is a byte range of the clean text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Event is one thing that happened at a place (the spec's event record).
type Event struct {
	Record        string     `json:"record"` // "event"
	Doc           string     `json:"doc"`
	Type          string     `json:"type"`
	Subtype       string     `json:"subtype"`
	Actor1        *Actor     `json:"actor1"`
	Actor2        *Actor     `json:"actor2"`
	Place         Place      `json:"place"`
	Date          *string    `json:"date"`
	TimePrecision int        `json:"time_precision,omitempty"`
	Fatalities    []Fatality `json:"fatalities"`
	Cited         []string   `json:"cited"`
	Evidence      Span       `json:"evidence"`
	Mentions      []Span     `json:"mentions,omitempty"` // every sentence that told of it, when merged
	Trigger       string     `json:"trigger,omitempty"`
	Notes         string     `json:"notes,omitempty"`
}

// DocRecord is the spec's document record.
type DocRecord struct {
	Record    string   `json:"record"` // "document"
	Doc       string   `json:"doc"`
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Published string   `json:"published"`
	Toponyms  []string `json:"toponyms"`
	Cited     []string `json:"cited"`
}
