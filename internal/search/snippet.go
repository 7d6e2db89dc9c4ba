package search

import (
	"bytes"
	"html"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// DefaultWidth is the snippet width, in characters, when none is given.
const DefaultWidth = 200

// Span is a half-open byte range [Start, End) of a snippet: a word to
// highlight.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Ellipsis marks text cut from a snippet's start or end.
const Ellipsis = "…"

// MaxScan is how much of a text (bytes) Snippet looks for matches in: the
// passage shown for a very long document comes from its first 32 KB.
const MaxScan = 32 << 10

type tokMatch struct {
	start, end int    // bytes in the text
	rs, re     int    // runes in the text
	bit        uint64 // 1 << index of its key in Terms.Keys
}

// Snippet returns the passage of about width characters (runes) of
// cleanText that holds the most matching words (distinct terms first, then
// occurrences) and the spans of the matching words in it. A word matches
// when its search key is one of terms.Keys. Whitespace runs (line breaks
// included) become single spaces; an ellipsis marks a cut at either end.
// With no match the snippet is the start of the text.
func Snippet(cleanText string, terms Terms, width int) (snippet string, highlights []Span) {
	if width <= 0 {
		width = DefaultWidth
	}
	text := cleanText
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	cutOff := len(text) > MaxScan
	if cutOff {
		cut := MaxScan
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	ms, total := matches(text, terms)

	// The best window: most distinct terms, then most matches.
	bi, bj, best := -1, -1, -1
	for i := range ms {
		var mask uint64
		n := 0
		for j := i; j < len(ms) && ms[j].re-ms[i].rs <= width; j++ {
			mask |= ms[j].bit
			n++
			if s := bits.OnesCount64(mask)*1000 + n; s > best {
				bi, bj, best = i, j, s
			}
		}
	}
	startR, endR := 0, min(width, total)
	if bi >= 0 {
		span := ms[bj].re - ms[bi].rs
		startR = max(0, ms[bi].rs-(width-span)/3)
		endR = min(total, startR+width)
		if endR-startR < width {
			startR = max(0, endR-width)
		}
	}
	startB, endB := runeOffsets(text, startR, endR)

	// Cut at word boundaries when a space is near, never inside a match.
	if startB > 0 {
		limit := len(text)
		if bi >= 0 {
			limit = ms[bi].start
		}
		if k := strings.IndexFunc(text[startB:min(limit, startB+60)], unicode.IsSpace); k >= 0 {
			startB += k
		}
	}
	if endB < len(text) {
		floor := 0
		if bj >= 0 {
			floor = ms[bj].end
		}
		if k := strings.LastIndexFunc(text[max(floor, endB-60, startB):endB], unicode.IsSpace); k >= 0 {
			endB = max(floor, endB-60, startB) + k
		}
	}

	// Copy the window, collapsing whitespace, mapping match offsets.
	var out strings.Builder
	out.Grow(endB - startB + 8)
	if startB > 0 {
		out.WriteString(Ellipsis + " ")
	}
	mi := 0
	for mi < len(ms) && ms[mi].start < startB {
		mi++
	}
	pending := false
	spanStart := -1
	for b := startB; b < endB; {
		r, n := utf8.DecodeRuneInString(text[b:])
		if spanStart >= 0 && b == ms[mi].end {
			highlights = append(highlights, Span{spanStart, out.Len()})
			spanStart = -1
			mi++
		}
		if unicode.IsSpace(r) {
			pending = out.Len() > 0 && !strings.HasSuffix(out.String(), " ")
			b += n
			continue
		}
		if pending {
			out.WriteByte(' ')
			pending = false
		}
		if spanStart < 0 && mi < len(ms) && b == ms[mi].start && ms[mi].end <= endB {
			spanStart = out.Len()
		}
		out.WriteString(text[b : b+n])
		b += n
	}
	if spanStart >= 0 {
		highlights = append(highlights, Span{spanStart, out.Len()})
	}
	if endB < len(text) || cutOff {
		out.WriteString(" " + Ellipsis)
	}
	return out.String(), highlights
}

// matches returns the words of text whose search key is a term, and the
// number of runes of text.
func matches(text string, terms Terms) ([]tokMatch, int) {
	var ms []tokMatch
	prevB, prevR := 0, 0
	var buf []byte
	for _, t := range arabic.Tokenize(text) {
		if len(terms.Keys) == 0 {
			break
		}
		if t.Kind != arabic.Word && t.Kind != arabic.Latin && t.Kind != arabic.Numeral {
			continue
		}
		// A word's key is a part of its folded form (clitics and suffixes
		// cut off), a Latin word's key is its folded form: skip words
		// that contain no term before computing their key.
		if t.Kind != arabic.Numeral && !containsAny(t.Norm, terms.Keys) {
			continue
		}
		buf = arabic.AppendSearchKeys(buf[:0], text[t.Start:t.End])
		k := bytes.TrimSpace(buf)
		idx := -1
		for i, tk := range terms.Keys {
			if tk == string(k) {
				idx = i
				break
			}
		}
		if idx < 0 {
			continue
		}
		rs := prevR + utf8.RuneCountInString(text[prevB:t.Start])
		re := rs + utf8.RuneCountInString(text[t.Start:t.End])
		prevB, prevR = t.End, re
		ms = append(ms, tokMatch{start: t.Start, end: t.End, rs: rs, re: re, bit: 1 << (idx % 64)})
	}
	return ms, prevR + utf8.RuneCountInString(text[prevB:])
}

// runeOffsets converts rune positions a <= b into byte offsets of s.
func runeOffsets(s string, a, b int) (int, int) {
	ab, bb := len(s), len(s)
	n := 0
	for i := range s {
		if n == a {
			ab = i
		}
		if n == b {
			bb = i
			break
		}
		n++
	}
	return min(ab, bb), bb
}

// Highlight returns snippet with open and close around each span. Spans
// must be in order and not overlap; spans that are out of range, overlap
// the previous one or do not fall on character boundaries are ignored.
func Highlight(snippet string, spans []Span, open, close string) string {
	return highlight(snippet, spans, open, close, func(s string) string { return s })
}

// HighlightHTML returns snippet HTML-escaped, each span wrapped in
// <mark>...</mark>.
func HighlightHTML(snippet string, spans []Span) string {
	return highlight(snippet, spans, "<mark>", "</mark>", html.EscapeString)
}

func highlight(s string, spans []Span, open, close string, esc func(string) string) string {
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.Start < at || sp.End <= sp.Start || sp.End > len(s) ||
			!utf8.RuneStart(s[sp.Start]) || (sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
			continue
		}
		b.WriteString(esc(s[at:sp.Start]))
		b.WriteString(open)
		b.WriteString(esc(s[sp.Start:sp.End]))
		b.WriteString(close)
		at = sp.End
	}
	b.WriteString(esc(s[at:]))
	return b.String()
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
