package events

import (
	"sort"
	"strings"
	"time"
	"unicode/utf8"

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
	ns   []string // st without a pronoun suffix (هم ها هما هن), for list lookups
	sent []int32  // sentence index of every token
	sens []sentence

	actors  []actors.Mention
	actAt   []int32 // actor mention covering the token, -1
	places  []placeRef
	placeAt []int32 // place covering the token, -1
	sources []actors.SourceMention
	srcAt   []int32

	mask     []uint64 // per token: the cue sets and lists it starts a form of
	maskDone []bool
	long     map[int64]int // (token<<6 | set) → length of a phrase match longer than one word

	trig     []trig // per token: the trigger starting there (fam 0: none)
	trigDone []bool

	snums     [][]numRef // per sentence: its numbers (computed on demand)
	snumsDone []bool

	dates      []dateRef
	datesDone  bool
	published  string
	raw        string
	anchorDone bool

	seenViolent bool // a violent event was told earlier in the document

	anchor    time.Time // the report's own date (zero: unknown)
	hasAnchor bool
}

// sentence is a sentence as a token range, with its paragraph.
type sentence struct {
	a, b       int // tokens [a, b)
	para       int
	start, end int // byte span
}

// placeRef is a place mention as a token range.
type placeRef struct {
	a, b int // tokens [a, b) of the name (its cue included when the cue precedes)
	t    *gazetteer.Toponym
	pre  string // proclitic letters written on the name's first token ("و", "ب", "وب"), folded
	ana  bool   // an anaphor ("المدينة") standing for t
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

func newContext(r *Report, raw string, lx *lexicon) *dctx {
	a := r.Analysis
	c := &dctx{lx: lx, text: a.Text, toks: a.Tokens}
	n := len(c.toks)
	c.w = make([]string, n)
	c.wc = make([]string, n)
	c.st = make([]string, n)
	c.ns = make([]string, n)
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
		pre := ""
		if t.Start > c.toks[pa].Start {
			pre = arabic.Fold(c.text[c.toks[pa].Start:t.Start])
		}
		c.places = append(c.places, placeRef{a: pa, b: pb, t: t, pre: pre})
	}
	c.placeAt = fill(n, len(c.places), func(i int) (int, int) { return c.places[i].a, c.places[i].b })

	c.mask = make([]uint64, n)
	c.maskDone = make([]bool, n)
	c.trig = make([]trig, n)
	c.trigDone = make([]bool, n)
	c.snums = make([][]numRef, len(c.sens))
	c.snumsDone = make([]bool, len(c.sens))
	c.published, c.raw = r.Doc.Published, raw
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
// anyIn reports whether a token in [a, b) is in set id.
func (c *dctx) anyIn(id setID, a, b int) bool {
	for j := a; j < b; j++ {
		if c.in(id, j) > 0 {
			return true
		}
	}
	return false
}

func (c *dctx) in(id setID, i int) int {
	if i < 0 || i >= len(c.toks) {
		return 0
	}
	if c.maskOf(i)&(1<<id) == 0 {
		return 0
	}
	if n, ok := c.long[int64(i)<<6|int64(id)]; ok {
		return n
	}
	return 1
}

// mayBe is a quick test before in for scans over the whole text: whether
// token i could start a form of set id.
func (c *dctx) mayBe(id setID, i int) bool {
	m := c.lx.first[id]
	return m[c.wc[i]] || m[c.st[i]] || m[c.w[i]]
}

// maskOf returns the sets token i starts a form of, computed once.
func (c *dctx) maskOf(i int) uint64 {
	if c.maskDone[i] {
		return c.mask[i]
	}
	c.maskDone[i] = true
	if c.toks[i].Kind != arabic.Word {
		if ps, ok := c.lx.sets[c.w[i]]; ok {
			for _, p := range ps {
				if len(p.rest) == 0 {
					c.mask[i] |= 1 << p.id
				}
			}
		}
		return c.mask[i]
	}
	var m uint64
	c.ns[i] = stripPronoun(c.st[i])
	keys := [4]string{c.w[i], c.wc[i], c.st[i], c.ns[i]}
	for ki, k := range keys {
		if ki > 0 && (k == keys[ki-1] || ki == 3 && k == keys[1]) {
			continue
		}
		for _, p := range c.lx.sets[k] {
			n := c.matchRest(p.rest, i+1)
			if n < 0 {
				continue
			}
			m |= 1 << p.id
			if n > 0 {
				if c.long == nil {
					c.long = map[int64]int{}
				}
				lk := int64(i)<<6 | int64(p.id)
				if 1+n > c.long[lk] {
					c.long[lk] = 1 + n
				}
			}
		}
	}
	c.mask[i] = m
	return m
}

// matchRest matches the words of a phrase after its first word from token
// j; it returns how many tokens matched or -1.
func (c *dctx) matchRest(rest []string, j int) int {
	for k, w := range rest {
		if j+k >= len(c.toks) {
			return -1
		}
		if c.stAt(j+k) != w && c.wAt(j+k) != w {
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
	switch c.wAt(i) {
	case ",", "،", ":", ";", "؛", "(", ")", "-", "–", "—", ".", "!", "?", "؟":
		return true
	}
	return false
}

// clauseStart returns the first token of the clause holding token i within
// its sentence.
func (c *dctx) clauseStart(i int) int {
	s := c.sentAt(i)
	j := i
	for j > s.a && !c.clauseBreak(j-1) {
		j--
	}
	return j
}

// clauseEnd returns the token after the clause holding token i.
func (c *dctx) clauseEnd(i int) int {
	s := c.sentAt(i)
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
	w, s := c.wAt(i), c.stAt(i)
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

// stripPronoun removes a pronoun suffix of two letters or more (هم ها هما
// هن) when at least three letters remain.
func stripPronoun(w string) string {
	for _, suf := range [...]string{"هما", "هم", "ها", "هن"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w)-utf8.RuneCountInString(suf) >= 3 {
			s := w[:len(w)-len(suf)]
			// a ta marbuta before a suffix is written ت: "نيتها" → "نيه"
			if strings.HasSuffix(s, "ت") && !strings.HasSuffix(s, "ات") {
				s = strings.TrimSuffix(s, "ت") + "ه"
			}
			return s
		}
	}
	return w
}

// Bounds-safe accessors: out of range tokens read as "" or -1.

func (c *dctx) wAt(j int) string {
	if j < 0 || j >= len(c.w) {
		return ""
	}
	return c.w[j]
}

func (c *dctx) wcAt(j int) string {
	if j < 0 || j >= len(c.wc) {
		return ""
	}
	return c.wc[j]
}

func (c *dctx) stAt(j int) string {
	if j < 0 || j >= len(c.st) {
		return ""
	}
	return c.st[j]
}

func (c *dctx) actAtOf(j int) int32 {
	if j < 0 || j >= len(c.actAt) {
		return -1
	}
	return c.actAt[j]
}

func (c *dctx) placeAtOf(j int) int32 {
	if j < 0 || j >= len(c.placeAt) {
		return -1
	}
	return c.placeAt[j]
}

func (c *dctx) srcAtOf(j int) int32 {
	if j < 0 || j >= len(c.srcAt) {
		return -1
	}
	return c.srcAt[j]
}

// sentIdx returns the sentence index of token j (clamped to the text).
func (c *dctx) sentIdx(j int) int32 {
	if len(c.sent) == 0 {
		return 0
	}
	j = min(max(j, 0), len(c.sent)-1)
	return c.sent[j]
}

// sentAt returns the sentence of token j (clamped to the text).
func (c *dctx) sentAt(j int) sentence {
	return c.sens[c.sentIdx(j)]
}

// sentNums returns the numbers of sentence si (years, percentages and
// non-positive values left out), found once.
func (c *dctx) sentNums(si int) []numRef {
	if si < 0 || si >= len(c.sens) {
		return nil
	}
	if c.snumsDone[si] {
		return c.snums[si]
	}
	c.snumsDone[si] = true
	s := c.sens[si]
	if s.start < 0 || s.end > len(c.text) || s.start >= s.end {
		return nil
	}
	var out []numRef
	for _, nm := range arabic.Numbers(c.text[s.start:s.end]) {
		if nm.Year || nm.Percent || nm.Value <= 0 {
			continue
		}
		nm.Start += s.start
		nm.End += s.start
		na, nb := c.span(nm.Start, nm.End)
		if na >= nb {
			continue
		}
		out = append(out, numRef{a: na, b: nb, n: nm})
	}
	c.snums[si] = out
	return out
}

// allDates returns the date expressions of the text, found once.
func (c *dctx) allDates() []dateRef {
	if c.datesDone {
		return c.dates
	}
	c.datesDone = true
	for _, e := range dates.FindTokens(c.text, c.toks) {
		da, db := c.span(e.Start, e.End)
		if da >= db {
			continue
		}
		c.dates = append(c.dates, dateRef{a: da, b: db, e: e})
	}
	return c.dates
}

// commaStart is clauseStart that only breaks at commas and stops, not at
// dashes or brackets (an aside "- يرجح أنها روسية -" stays in the clause).
func (c *dctx) commaStart(i int) int {
	s := c.sentAt(i)
	j := i
	for j > s.a {
		if c.isPunct(j - 1) {
			switch c.wAt(j - 1) {
			case ",", "،", ";", "؛", ".", "!", "?", "؟":
				return j
			}
		}
		j--
	}
	return j
}
