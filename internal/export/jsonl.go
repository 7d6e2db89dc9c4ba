// Package export writes event data in the formats analysts load: the spec's
// JSON Lines (document records, then their events), ACLED-style CSV and
// GeoJSON.
package export

import (
	"encoding/json"
	"io"

	"rasad/internal/events"
)

// JSONLWriter writes the spec's JSON Lines export.
type JSONLWriter struct {
	enc *json.Encoder
}

// NewJSONL returns a writer of JSON Lines to w.
func NewJSONL(w io.Writer) *JSONLWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{enc: enc}
}

// Report writes a document record followed by its event records.
func (j *JSONLWriter) Report(doc events.DocRecord, evs []events.Event) error {
	if err := j.enc.Encode(doc); err != nil {
		return err
	}
	for i := range evs {
		if err := j.enc.Encode(&evs[i]); err != nil {
			return err
		}
	}
	return nil
}
