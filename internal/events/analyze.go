package events

import (
	"strings"
	"unicode/utf8"

	"rasad/internal/actors"
	"rasad/internal/arabic"
	"rasad/internal/document"
	"rasad/internal/gazetteer"
)

// Report is everything the mention and event stages found in one document.
type Report struct {
	Doc      DocRecord
	Events   []Event
	Analysis *arabic.Analysis
	Places   []gazetteer.Toponym
	Actors   []actors.Mention
	Sources  []actors.SourceMention
	// Truncated is set when the document was longer than MaxAnalyzedBytes
	// and only its beginning was analysed.
	Truncated bool
}

// Extractor holds the lexicons the stages read; it is safe for concurrent use.
type Extractor struct {
	Gazetteer *gazetteer.Gazetteer
	Actors    *actors.Lexicon
}

// NewExtractor returns an Extractor over the embedded gazetteer and lexicon.
func NewExtractor() *Extractor {
	return &Extractor{Gazetteer: gazetteer.Default(), Actors: actors.Default()}
}

// Options adjusts one extraction.
type Options struct {
	// Published overrides the document's own publication date (ISO date),
	// the anchor of relative dates such as أمس.
	Published string
}

// MaxAnalyzedBytes bounds the clean text the mention and event stages read
// in one document: a report is a few kilobytes, and a 50 MB "article" (a
// whole dump pasted in one file) would otherwise need gigabytes of token
// records. The full text is still stored and searchable; Report.Truncated
// says when the rest was not analysed.
const MaxAnalyzedBytes = 4 << 20

// Analyze runs the mention and event stages over d's clean text.
func (x *Extractor) Analyze(d *document.Document, opt Options) *Report {
	text := d.Text
	truncated := false
	if len(text) > MaxAnalyzedBytes {
		cut := strings.LastIndexByte(text[:MaxAnalyzedBytes], '\n')
		if cut <= 0 {
			cut = MaxAnalyzedBytes
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		text, truncated = text[:cut], true
		dd := *d
		dd.Text = text
		d = &dd
	}
	a := arabic.Analyze(d.Text)
	r := &Report{Analysis: a, Truncated: truncated}
	r.Places = x.Gazetteer.Recognize(d.Text, a.Tokens)
	r.Actors = x.Actors.FindTokens(d.Text, a.Tokens)
	r.Sources = x.Actors.FindSources(d.Text, a.Tokens)
	published := opt.Published
	if published == "" {
		published = d.Published
	}
	if len(published) > 10 {
		published = published[:10]
	}
	r.Doc = DocRecord{
		Record:    "document",
		Doc:       d.ID,
		Title:     d.Title,
		Outlet:    d.Outlet,
		Published: published,
		Toponyms:  toponymNames(r.Places),
		Cited:     citedNames(r.Sources),
	}
	r.Events = x.events(d, r)
	return r
}

func toponymNames(ts []gazetteer.Toponym) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, t := range ts {
		for _, n := range t.Names() {
			k := arabic.Fold(n)
			if n == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

func citedNames(ss []actors.SourceMention) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, s := range ss {
		k := arabic.Fold(s.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s.Text)
	}
	return out
}
