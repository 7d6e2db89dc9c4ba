package gazetteer

import "rasad/internal/arabic"

// Toponym is one place mention found in a text. (Provisional: the toponym
// recognizer replaces this file.)
type Toponym struct {
	Start, End   int
	Text         string
	Cue          string
	Place        *Place
	Name         string
	GeoPrecision int
}

// Names returns the canonical names the mention contributes to a document's
// toponym list.
func (t Toponym) Names() []string { return []string{t.Name} }

// Recognize finds place mentions in text.
func (g *Gazetteer) Recognize(text string, toks []arabic.Token) []Toponym { return nil }
