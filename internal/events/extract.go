package events

import "rasad/internal/document"

// events detects the events of d. (Filled in by the event stage.)
func (x *Extractor) events(d *document.Document, r *Report) []Event {
	return nil
}
