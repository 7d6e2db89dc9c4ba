package document

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"rasad/internal/source"
)

// Removal is one span cut from Document.Raw while cleaning.
type Removal struct {
	Start, End int    // byte offsets of the removed span in Document.Raw
	Reason     string // machine-readable reason: "navigation", "share-widget", "repeated-heading", "tatweel", ...
	Text       string // what was removed (Raw[Start:End])
}

// Document is one report ready for analysis: Text is the clean article
// text every later stage reads; Raw and Removed keep the audit trail.
//
// Invariant: Text equals Raw with every Removed span cut out; Removed is
// sorted by Start, spans do not overlap or touch with the same reason, and
// lie on UTF-8 boundaries of Raw.
type Document struct {
	ID, Origin, URL       string
	Title, Outlet, Author string
	Published             string // ISO 8601 date (YYYY-MM-DD) or RFC 3339 date-time; "" when unknown
	Dateline              string // "دمشق - " place/agency dateline if found (kept as metadata)
	Raw                   string // decoded (and for HTML, extracted) text before cleaning
	Text                  string // the clean text
	Removed               []Removal
	Encoding              string // "utf-8", "windows-1256", "utf-16le", ...
}

// Build decodes, extracts (HTML) and cleans one record. Errors name
// rec.Origin and what is wrong: empty input, binary data, undecodable
// text, a page too large, HTML with no article text.
func Build(rec source.Record) (*Document, error) {
	origin := rec.Origin
	if origin == "" {
		origin = rec.ID
	}
	fail := func(err error) (*Document, error) {
		return nil, fmt.Errorf("document %s: %w", origin, err)
	}
	if len(rec.Body) == 0 {
		return fail(ErrEmpty)
	}
	d := &Document{ID: rec.ID, Origin: rec.Origin, URL: rec.URL,
		Title: strings.TrimSpace(rec.Title), Outlet: strings.TrimSpace(rec.Outlet), Author: strings.TrimSpace(rec.Author)}
	var h hints
	var htmlPublished string
	if rec.Format == source.HTML {
		text, enc, err := decodeHint(rec.Body, sniffCharset(rec.Body))
		if err != nil {
			return fail(err)
		}
		d.Encoding = enc
		art, err := extractHTML(text, rec.URL)
		if err != nil {
			return fail(err)
		}
		d.Raw = art.text
		if d.Title == "" {
			d.Title = art.title
		}
		if d.Outlet == "" {
			d.Outlet = art.site
		}
		if d.Author == "" {
			d.Author = art.byline
		}
		htmlPublished = art.published
		h = hints{title: d.Title, outlet: d.Outlet, author: d.Author}
	} else {
		text, enc, err := Decode(rec.Body)
		if err != nil {
			return fail(err)
		}
		d.Raw, d.Encoding = text, enc
		h = hints{title: d.Title, outlet: d.Outlet, author: d.Author}
	}
	var meta Meta
	d.Text, d.Removed, meta = clean(d.Raw, h)
	if strings.TrimSpace(d.Text) == "" || rec.Format == source.HTML && len(strings.Fields(d.Text)) < 3 {
		if rec.Format == source.HTML {
			return fail(fmt.Errorf("%w: the page holds only navigation and other page clutter", ErrNoArticle))
		}
		return fail(fmt.Errorf("%w: the text holds only page clutter (%d bytes removed)", ErrNoArticle, len(d.Raw)))
	}
	if d.Title == "" {
		d.Title = meta.Title
	}
	if d.Outlet == "" {
		d.Outlet = meta.Outlet
	}
	if d.Author == "" {
		d.Author = meta.Author
	}
	d.Dateline = meta.Dateline
	d.Published = normalizeDate(rec.Published)
	if d.Published == "" {
		d.Published = htmlPublished
	}
	if d.Published == "" {
		d.Published = meta.Published
	}
	return d, nil
}

// RawOffset maps a byte offset in d.Text to the offset of the same byte in
// d.Raw. An offset at the place of a removal maps to the byte after the
// removed span; len(Text) maps to len(Raw) minus any removal at the very
// end. Offsets out of range are clamped.
func (d *Document) RawOffset(cleanOffset int) int {
	if cleanOffset < 0 {
		cleanOffset = 0
	}
	if cleanOffset > len(d.Text) {
		cleanOffset = len(d.Text)
	}
	raw := cleanOffset
	for _, r := range d.Removed {
		if r.Start > raw {
			break
		}
		raw += r.End - r.Start
	}
	if raw > len(d.Raw) {
		raw = len(d.Raw)
	}
	return raw
}

// RawSpan maps a clean-text span [start,end) to Raw. Unlike RawOffset for
// the end, the end maps to just after the last kept byte of the span, so a
// removal that follows the span is not included.
func (d *Document) RawSpan(start, end int) (int, int) {
	s := d.RawOffset(start)
	if end <= start {
		return s, s
	}
	return s, d.RawOffset(end-1) + 1
}

// Explain writes a human-readable account of the removals: each removed
// span with its reason and a short excerpt, then totals by reason.
func Explain(w io.Writer, d *Document) error {
	if d == nil {
		return errors.New("explain: nil document")
	}
	ew := &errWriter{w: w}
	name := d.ID
	if d.Origin != "" {
		name = d.Origin
	}
	ew.printf("document %s (%s): %d bytes raw, %d bytes clean, %d removals\n",
		name, orDash(d.Encoding), len(d.Raw), len(d.Text), len(d.Removed))
	for _, f := range []struct{ k, v string }{
		{"title", d.Title}, {"outlet", d.Outlet}, {"author", d.Author},
		{"published", d.Published}, {"dateline", d.Dateline}} {
		if f.v != "" {
			ew.printf("  %-9s %s\n", f.k+":", excerpt(f.v, 80))
		}
	}
	type tot struct {
		reason       string
		count, bytes int
	}
	totals := map[string]*tot{}
	for _, r := range d.Removed {
		ew.printf("  [%d,%d) %-20s %q\n", r.Start, r.End, r.Reason, excerpt(r.Text, 60))
		t := totals[r.Reason]
		if t == nil {
			t = &tot{reason: r.Reason}
			totals[r.Reason] = t
		}
		t.count++
		t.bytes += r.End - r.Start
	}
	list := make([]*tot, 0, len(totals))
	for _, t := range totals {
		list = append(list, t)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].bytes != list[j].bytes {
			return list[i].bytes > list[j].bytes
		}
		return list[i].reason < list[j].reason
	})
	ew.printf("totals:\n")
	for _, t := range list {
		ew.printf("  %-20s %5d spans %8d bytes\n", t.reason, t.count, t.bytes)
	}
	return ew.err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// excerpt shortens s to about max runes, keeping both ends.
func excerpt(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	h := max/2 - 1
	return string(r[:h]) + " … " + string(r[len(r)-h:])
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, a...)
}
