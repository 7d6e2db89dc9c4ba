package events

import (
	"sort"
	"strings"
	"time"

	"rasad/internal/actors"
	"rasad/internal/arabic"
	"rasad/internal/dates"
	"rasad/internal/gazetteer"
)

// dctx is one document prepared for the event rules: its tokens with their
// folded forms, the sentence and paragraph of every token, and the mentions
// of the earlier stages indexed by token.
type dctx struct {
	lx   *lexicon
	text string
	toks []arabic.Token
	w    []string // folded token
	wc   []string // folded token without a leading conjunction و/ف
	st   []string // folded token without proclitics (arabic.StripClitics)
	sent []int32  // sentence index of every token
	sens []sentence

	actors  []actors.Mention
	actAt   []int32 // actor mention covering the token, -1
	places  []placeRef
	placeAt []int32 // place covering the token, -1
	sources []actors.SourceMention
	srcAt   []int32

	nums  []numRef
	dates []dateRef

	anchor    time.Time // the report's own date (zero: unknown)
	hasAnchor bool
}

// sentence is a sentence as a token range, with its paragraph.
type sentence struct {
	a, b int // tokens [a, b)
	para int
	start, end int // byte span
}

// placeRef is a place mention as a token range.
type placeRef struct {
	a, b int // tokens [a, b) of the name (its cue included when the cue precedes)
	t    *gazetteer.Toponym
}

type numRef struct {
	a, b int
	n    arabic.Number
}

type dateRef struct {
	a, b int
	e    dates.Expr
}

// tokenAt returns the index of the first token whose end is after off.
func (c *dctx) tokenAt(off int) int {
	return sort.Search(len(c.toks), func(i int) bool { return c.toks[i].End > off })
}

// span returns the token range [a, b) covering the byte span [s, e).
func (c *dctx) span(s, e int) (int, int) {
	a := c.tokenAt(s)
	b := a
	for b < len(c.toks) && c.toks[b].Start < e {
		b++
	}
	return a, b
}

func newContext(r *Report, lx *lexicon) *dctx {
	a := r.Analysis
	c := &dctx{lx: lx, text: a.Text, toks: a.Tokens}
	n := len(c.toks)
	c.w = make([]string, n)
	c.wc = make([]string, n)
	c.st = make([]string, n)
	c.sent = make([]int32, n)
	for i, t := range c.toks {
		w := t.Norm
		c.w[i] = w
		c.wc[i] = w
		if t.Kind == arabic.Word {
			if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
				c.wc[i] = w[2:]
			}
			c.st[i] = arabic.StripClitics(w)
		} else {
			c.st[i] = w
		}
	}
	// sentences and paragraphs
	para := 0
	last := 0
	ti := 0
	for si, s := range a.Sentences {
		para += strings.Count(c.text[last:s.Start], "\n")
		last = s.Start
		for ti < n && c.toks[ti].End <= s.Start {
			c.sent[ti] = int32(max(si-1, 0))
			ti++
		}
		sa := ti
		for ti < n && c.toks[ti].Start < s.End {
			c.sent[ti] = int32(si)
			ti++
		}
		c.sens = append(c.sens, sentence{a: sa, b: ti, para: para, start: s.Start, end: s.End})
	}
	for ; ti < n; ti++ {
		c.sent[ti] = int32(max(len(c.sens)-1, 0))
	}

	c.actors = r.Actors
	c.actAt = fill(n, len(r.Actors), func(i int) (int, int) { return c.span(r.Actors[i].Start, r.Actors[i].End) })
	c.sources = r.Sources
	c.srcAt = fill(n, len(r.Sources), func(i int) (int, int) { return c.span(r.Sources[i].Start, r.Sources[i].End) })

	for i := range r.Places {
		t := &r.Places[i]
		if t.Start < 0 || t.End > len(c.text) || t.Start >= t.End {
			continue
		}
		pa, pb := c.span(t.Start, t.End)
		if pa >= pb {
			continue
		}
		c.places = append(c.places, placeRef{a: pa, b: pb, t: t})
	}
	c.placeAt = fill(n, len(c.places), func(i int) (int, int) { return c.places[i].a, c.places[i].b })

	for _, nm := range arabic.Numbers(c.text) {
		if nm.Year || nm.Percent || nm.Value <= 0 {
			continue
		}
		na, nb := c.span(nm.Start, nm.End)
		if na >= nb {
			continue
		}
		c.nums = append(c.nums, numRef{a: na, b: nb, n: nm})
	}
	for _, e := range dates.FindTokens(c.text, c.toks) {
		da, db := c.span(e.Start, e.End)
		if da >= db {
			continue
		}
		c.dates = append(c.dates, dateRef{a: da, b: db, e: e})
	}
	c.setAnchor(r.Doc.Published)
	return c
}

// fill builds a token → mention index for k mentions with token ranges.
func fill(n, k int, rng func(i int) (int, int)) []int32 {
	at := make([]int32, n)
	for i := range at {
		at[i] = -1
	}
	for i := 0; i < k; i++ {
		a, b := rng(i)
		for j := a; j < b && j < n; j++ {
			if at[j] < 0 {
				at[j] = int32(i)
			}
		}
	}
	return at
}

// in reports whether token i (or the phrase starting there) is in list
// name, and returns the number of tokens matched (0: not in the list).
func (c *dctx) in(name string, i int) int {
	return c.match(c.lx.lists[name], i)
}

// cue is in for the subtype cue sets.
func (c *dctx) cue(name string, i int) int {
	return c.match(c.lx.cues[name], i)
}

func (c *dctx) match(ix wordIndex, i int) int {
	if ix == nil || i < 0 || i >= len(c.toks) {
		return 0
	}
	best := 0
	for _, k := range [3]string{c.w[i], c.wc[i], c.st[i]} {
		for _, p := range ix[k] {
			if n := c.matchRest(p.rest, i+1); n >= 0 && 1+n > best {
				best = 1 + n
			}
		}
	}
	return best
}

// matchRest matches the words of a phrase after its first word from token
// j; it returns how many tokens matched or -1.
func (c *dctx) matchRest(rest []string, j int) int {
	for k, w := range rest {
		if j+k >= len(c.toks) {
			return -1
		}
		if c.st[j+k] != w && c.w[j+k] != w {
			return -1
		}
	}
	return len(rest)
}

// isWord reports whether token i is an Arabic word.
func (c *dctx) isWord(i int) bool {
	return i >= 0 && i < len(c.toks) && c.toks[i].Kind == arabic.Word
}

// isPunct reports whether token i is a punctuation token.
func (c *dctx) isPunct(i int) bool {
	return i >= 0 && i < len(c.toks) && (c.toks[i].Kind == arabic.Punct || c.toks[i].Kind == arabic.Symbol)
}

// clauseBreak reports whether token i ends a clause (comma, colon, dash, parenthesis).
func (c *dctx) clauseBreak(i int) bool {
	if !c.isPunct(i) {
		return false
	}
	switch c.w[i] {
	case ",", "،", ":", ";", "؛", "(", ")", "-", "–", "—", ".", "!", "?", "؟":
		return true
	}
	return false
}

// clauseStart returns the first token of the clause holding token i within
// its sentence.
func (c *dctx) clauseStart(i int) int {
	s := c.sens[c.sent[i]]
	j := i
	for j > s.a && !c.clauseBreak(j-1) {
		j--
	}
	return j
}

// clauseEnd returns the token after the clause holding token i.
func (c *dctx) clauseEnd(i int) int {
	s := c.sens[c.sent[i]]
	j := i
	for j < s.b && !c.clauseBreak(j) {
		j++
	}
	return j
}

// proclitic returns the proclitic letters of token i as written before
// the stem (e.g. "و", "ب", "وب", "ال"), from its folded form.
func (c *dctx) proclitic(i int) string {
	if !c.isWord(i) {
		return ""
	}
	w, s := c.w[i], c.st[i]
	if len(s) < len(w) && strings.HasSuffix(w, s) {
		return w[:len(w)-len(s)]
	}
	return ""
}

// prepOf returns the preposition proclitic (ب, ل or ك) of token i, or "".
func (c *dctx) prepOf(i int) string {
	p := c.proclitic(i)
	p = strings.TrimPrefix(strings.TrimPrefix(p, "و"), "ف")
	for _, q := range []string{"ب", "ل", "ك"} {
		if strings.HasPrefix(p, q) {
			return q
		}
	}
	return ""
}

// hasPrep reports whether token i carries the preposition ب, ل or ك.
func (c *dctx) hasPrep(i int) bool {
	p := c.proclitic(i)
	p = strings.TrimPrefix(strings.TrimPrefix(p, "و"), "ف")
	return strings.HasPrefix(p, "ب") || strings.HasPrefix(p, "ل") || strings.HasPrefix(p, "ك")
}
