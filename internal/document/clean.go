package document

import (
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Meta holds what Clean learned about the document while cleaning: guesses
// from header lines and repeated headings. Empty fields were not found.
type Meta struct {
	Title     string // the page headline (a heading repeated in the header, or a short first line)
	Author    string // from a byline line ("كتب: ...", "بقلم ...", "By ...")
	Published string // ISO 8601 date from a labelled or time-stamped date in the header
	Dateline  string // "دمشق - (وكالة) -" style opening of the first paragraph or its own line
	Outlet    string // a site name cut from the header ("Title | Site")
}

// hints are what Build knows from the record and the HTML metadata.
type hints struct {
	title, outlet, author string
}

// Clean is the cleaning step alone over already-decoded text. It only ever
// deletes: Text is raw with every Removed span cut out, in order, and the
// spans are sorted, non-overlapping and on UTF-8 boundaries. Words are never
// rewritten (no letter folding, no NFC).
func Clean(raw string) (text string, removed []Removal, meta Meta) {
	return clean(raw, hints{})
}

// cleaner holds the token view of one text while the rules run.
type cleaner struct {
	raw   string
	keys  string
	toks  []tok
	lines []line
	dates []dateExpr
	head  int // tokens [0,head) form the page header zone
	meta  Meta

	pw, ps     []int32 // prose counts per token (see proseCounts)
	keyBuf     []byte  // backing store of keys
	paraSuffix []int32 // paragraph lines from each line to the end (see paragraphsAfter)

	// scratch reused across texts
	seen map[uint64]int
	kh   []uint64
	idx  []int
}

// cleanerPool recycles the per-text scratch slices; nothing of them
// escapes a call of clean (results are built from raw).
var cleanerPool = sync.Pool{New: func() any { return new(cleaner) }}

func newCleaner(raw string) *cleaner {
	c := cleanerPool.Get().(*cleaner)
	toks, lines, keys, pw, ps := c.toks[:0], c.lines[:0], c.keyBuf[:0], c.pw[:0], c.ps[:0]
	seen, kh, idx := c.seen, c.kh[:0], c.idx[:0]
	*c = cleaner{raw: raw, seen: seen, kh: kh, idx: idx}
	if cap(toks) < len(raw)/7+8 {
		toks = make([]tok, 0, len(raw)/7+8)
	}
	if cap(keys) < len(raw)+16 {
		keys = make([]byte, 0, len(raw)+16)
	}
	toks, lines, keys = tokenize(raw, toks, lines, keys)
	c.toks, c.lines, c.keyBuf = toks, lines, keys
	// keyBuf is not written again until the cleaner is recycled, after
	// every use of keys has ended
	c.keys = unsafe.String(unsafe.SliceData(keys), len(keys))
	c.pw, c.ps = pw, ps
	return c
}

// release returns c to the pool.
func (c *cleaner) release() {
	if cap(c.toks) > 1<<20 { // do not keep huge buffers around
		return
	}
	c.raw, c.keys, c.dates, c.meta = "", "", nil, Meta{}
	cleanerPool.Put(c)
}

func (c *cleaner) key(i int) string    { t := &c.toks[i]; return c.keys[t.ks:t.ke] }
func (c *cleaner) rawTok(i int) string { t := &c.toks[i]; return c.raw[t.s:t.e] }

func (c *cleaner) isStop(i int) bool { return c.toks[i].flags&fStop != 0 }

func clean(raw string, h hints) (string, []Removal, Meta) {
	if raw == "" {
		return "", nil, Meta{}
	}
	c := newCleaner(raw)
	c.classify()
	c.markDates()
	c.findHead()
	c.markTail()
	c.markRuns()
	c.markHeadings(h)
	c.markHeadDates()
	c.markLines(h)
	c.markRepeats()
	c.findDateline()
	c.guessMeta()
	c.oddTokens()
	spans := c.tokenSpans()
	text, removed := c.spacing(spans)
	meta := c.meta
	c.release()
	return text, removed, meta
}

// classify sets token kinds from the phrase lexicon and stop words.
func (c *cleaner) classify() {
	n := len(c.toks)
	for i := 0; i < n; i++ {
		t := &c.toks[i]
		if t.kind == kFiller {
			// literal punctuation phrases such as "©"
			if !fillerPhraseByte[c.raw[t.s]] {
				continue
			}
			if l, ok := phraseIndex[c.rawTok(i)]; ok && len(l[0].words) == 1 {
				t.kind, t.reason, t.flags = l[0].kind, l[0].reason, t.flags|l[0].flags
			}
			continue
		}
		k := c.key(i)
		info, l := lexLookup(k)
		t.lex = info
		if info&lStop != 0 {
			t.flags |= fStop
		}
		if len(l) == 0 {
			continue
		}
		for _, p := range l {
			if m := c.matchPhrase(i, p); m > 0 {
				for j := i; j < i+m; j++ {
					u := &c.toks[j]
					if u.kind == kStrong && p.kind == kWeak {
						continue
					}
					u.kind, u.reason = p.kind, p.reason
				}
				c.toks[i].flags |= p.flags
				break
			}
		}
	}
}

// matchPhrase returns the number of tokens of phrase p matched at i (0 if
// none). Filler tokens inside the text are skipped unless the phrase names
// them; the phrase must stay on one line.
func (c *cleaner) matchPhrase(i int, p *phrase) int {
	j := i
	ln := c.toks[i].line
	for w, word := range p.words {
		for j < len(c.toks) && c.toks[j].kind == kFiller && w > 0 && c.rawTok(j) != word {
			if c.rawTok(j) == "." || c.toks[j].flags&fTerm != 0 {
				return 0
			}
			j++
		}
		if j >= len(c.toks) || c.toks[j].line != ln {
			return 0
		}
		if c.toks[j].kind == kFiller {
			if c.rawTok(j) != word {
				return 0
			}
		} else if c.key(j) != word {
			return 0
		}
		// a phrase that ends a sentence mid-way is not a UI label
		if w < len(p.words)-1 && c.toks[j].flags&fTerm != 0 {
			return 0
		}
		j++
	}
	return j - i
}

// proseEnd reports whether token i ends a prose sentence: it carries a
// sentence-final mark and the content stretch before it (since the last
// boundary) has at least minWords words and a function word.
func (c *cleaner) proseEnd(i, minWords int) bool {
	if len(c.pw) != len(c.toks) {
		c.proseCounts()
	}
	return c.pw[i] >= int32(minWords) && c.ps[i] >= 1 && c.isTerm(i)
}

// proseCounts computes, for every token, the content words and function
// words since the last sentence end, strong clutter phrase or line start.
func (c *cleaner) proseCounts() {
	n := len(c.toks)
	if cap(c.pw) < n {
		c.pw = make([]int32, n)
		c.ps = make([]int32, n)
	}
	c.pw, c.ps = c.pw[:n], c.ps[:n]
	var w, st int32
	for i := 0; i < n; i++ {
		t := &c.toks[i]
		if i == 0 || t.line != c.toks[i-1].line || c.isTerm(i-1) {
			w, st = 0, 0
		}
		if t.kind == kStrong {
			w, st = 0, 0
		}
		if t.kind == kContent {
			w++
			if t.flags&fStop != 0 {
				st++
			}
		}
		c.pw[i], c.ps[i] = w, st
	}
}

// isTerm reports whether token i ends a sentence: it carries a final mark
// that is not part of an ellipsis or a headline separator (". ."), nor the
// dot of a spaced-out domain name ("الجزيرة . نت", "sputniknews . com").
func (c *cleaner) isTerm(i int) bool {
	t := &c.toks[i]
	if t.flags&fTerm == 0 || t.flags&fEllipsis != 0 || t.flags&fNum != 0 {
		return false
	}
	if t.kind != kFiller {
		return true
	}
	if c.isDot(i+1) || c.isDot(i-1) {
		return false
	}
	if c.rawTok(i) == "." && i+1 < len(c.toks) && c.toks[i+1].line == t.line {
		if domainWords[c.key(i+1)] {
			return false
		}
		if c.toks[i+1].flags&fLatin != 0 && i > 0 && c.toks[i-1].flags&fLatin != 0 {
			return false
		}
	}
	return true
}

var domainWords = keySet("net com org info tv co news نت كوم اورج انفو")

// isDot reports a lone "." token.
func (c *cleaner) isDot(i int) bool {
	return i >= 0 && i < len(c.toks) && c.toks[i].kind == kFiller && c.rawTok(i) == "."
}

// findHead sets the header zone: everything before the end of the first
// prose sentence, at most 400 tokens and 3 KB.
func (c *cleaner) findHead() {
	c.head = len(c.toks)
	for i := range c.toks {
		if i >= 400 || int(c.toks[i].s) > 3000 {
			c.head = i
			return
		}
		if c.proseEnd(i, 8) {
			c.head = i + 1
			return
		}
	}
}

// removed reports whether token i has a removal.
func (c *cleaner) removed(i int) bool { return c.toks[i].rm != rNone }

func (c *cleaner) setRm(i int, r reason) {
	if c.toks[i].rm == rNone {
		c.toks[i].rm = r
	}
}

// ownReason is the reason a token carries by itself (strong/weak phrase or
// date), or def.
func (c *cleaner) ownReason(i int, def reason) reason {
	t := &c.toks[i]
	if (t.kind == kStrong || t.kind == kWeak) && t.reason != rNone {
		return t.reason
	}
	return def
}

// markTail cuts the page tail: from the first copyright/footer marker in
// the second half of the text, or the first related/most-read section
// marker in the last 40%, to the end. The cut reaches back over the menu or
// list items that stand before the marker on its line (and over whole
// preceding lines that are menus), but never over a prose sentence.
func (c *cleaner) markTail() {
	n := len(c.raw)
	cut := -1
	var why reason
	for i := range c.toks {
		t := &c.toks[i]
		if t.flags&(fEnd|fSection) == 0 || t.kind != kStrong || i < c.head {
			continue
		}
		pos := float64(t.s) / float64(n)
		if !(t.flags&fEnd != 0 && pos >= 0.5 || t.flags&fSection != 0 && pos >= 0.6) {
			continue
		}
		// a marker inside a sentence ("والعرض الأكثر شعبية") is prose; a
		// footer glued to the last sentence is still a footer near the end
		if !c.markerStart(i) && !(t.flags&fEnd != 0 && pos >= 0.8) {
			continue
		}
		if t.flags&fInline != 0 && c.proseFollows(i) {
			continue // "اقرأ المزيد" inside the article, followed by more of it
		}
		if c.paragraphsAfter(i) >= 2 {
			continue // whole paragraphs follow: not the end of the page
		}
		cut, why = i, t.reason
		break
	}
	if cut < 0 {
		return
	}
	start := c.backOverMenu(cut)
	for i := start; i < cut; i++ {
		c.setRm(i, c.ownReason(i, rNavigation))
	}
	for i := cut; i < len(c.toks); i++ {
		c.setRm(i, c.ownReason(i, why))
	}
}

// markerStart reports whether a section marker at token i starts a block:
// it opens its line, or follows a sentence end, punctuation, or other
// clutter within the three tokens before it.
func (c *cleaner) markerStart(i int) bool {
	ln := c.toks[i].line
	if i == 0 || c.toks[i-1].line != ln {
		return true
	}
	p := &c.toks[i-1]
	if p.kind != kContent || c.isTerm(i-1) {
		return true
	}
	for k := i - 2; k >= 0 && k >= i-3 && c.toks[k].line == ln; k-- {
		if c.toks[k].kind == kStrong {
			return true
		}
	}
	return false
}

// paragraphsAfter counts the lines after token i's line that read as
// article paragraphs: at least 20 words and two sentence ends. The counts
// are computed once per text.
func (c *cleaner) paragraphsAfter(i int) int {
	if c.paraSuffix == nil {
		c.paraSuffix = make([]int32, len(c.lines)+1)
		for l := len(c.lines) - 1; l >= 0; l-- {
			L := c.lines[l]
			words, ends := 0, 0
			for k := int(L.t0); k < int(L.t1); k++ {
				if c.toks[k].kind == kContent {
					words++
				}
				if c.proseEnd(k, 6) {
					ends++
				}
			}
			c.paraSuffix[l] = c.paraSuffix[l+1]
			if words >= 20 && ends >= 2 {
				c.paraSuffix[l]++
			}
		}
	}
	return int(c.paraSuffix[c.toks[i].line+1])
}

// proseFollows reports whether a prose sentence follows token i on its line
// or makes up the next non-empty line.
func (c *cleaner) proseFollows(i int) bool {
	ln := int(c.toks[i].line)
	next := ln + 1
	for next < len(c.lines) && c.lines[next].t0 == c.lines[next].t1 {
		next++
	}
	for k := i + 1; k < len(c.toks) && int(c.toks[k].line) <= next; k++ {
		if c.proseEnd(k, 8) {
			return true
		}
	}
	return false
}

// backOverMenu returns the first token of the menu-like stretch that ends
// just before token k: clutter tokens and short content stretches without
// function words on k's line, and whole preceding lines that are menus.
// It never crosses a sentence end.
func (c *cleaner) backOverMenu(k int) int {
	start := k
	for {
		ln := int(c.toks[start].line)
		L := c.lines[ln]
		j := start - 1
		words, stops := 0, 0
		earliest := start // earliest accepted clutter token
		limit := false
		for ; j >= int(L.t0); j-- {
			t := &c.toks[j]
			if c.isTerm(j) && t.kind != kStrong && t.flags&fDate == 0 {
				break
			}
			if t.kind == kContent {
				words++
				if t.flags&fStop != 0 {
					stops++
				}
				if stops > 1 || words > 15 {
					limit = true
					break
				}
				continue
			}
			earliest = j
		}
		switch {
		case limit:
			start = earliest
		case j < int(L.t0):
			start = int(L.t0)
		case words <= 8:
			start = j + 1
		default:
			start = earliest
		}
		if start != int(L.t0) || ln == 0 {
			return start
		}
		pl := ln - 1
		for pl >= 0 && c.lines[pl].t0 == c.lines[pl].t1 {
			pl--
		}
		if pl < 0 || !c.menuLine(pl) {
			return start
		}
		start = int(c.lines[pl].t0)
	}
}

// menuLine reports whether line l reads as a menu or list of links: no
// sentence end, no more than one function word, at most 15 words.
func (c *cleaner) menuLine(l int) bool {
	L := c.lines[l]
	words, stops := 0, 0
	for i := int(L.t0); i < int(L.t1); i++ {
		t := &c.toks[i]
		if t.kind == kContent {
			words++
			if t.flags&fStop != 0 {
				stops++
			}
		}
		if c.isTerm(i) && words >= 4 {
			return false
		}
	}
	return words <= 15 && (stops == 0 || words <= 6 && stops <= 1)
}

// markRuns removes runs of clutter: maximal sequences of strong, weak and
// punctuation tokens on one line that hold at least one strong phrase.
// Two such islands joined by one or two other words are one run (a site
// name between a login error and a font-size widget).
func (c *cleaner) markRuns() {
	type island struct{ a, b int } // tokens [a,b)
	for l := range c.lines {
		L := c.lines[l]
		var isl []island
		i := int(L.t0)
		for i < int(L.t1) {
			if c.toks[i].kind == kContent {
				i++
				continue
			}
			j := i
			strong := false
			for j < int(L.t1) && c.toks[j].kind != kContent {
				if c.toks[j].kind == kStrong {
					strong = true
				}
				j++
			}
			if strong {
				isl = append(isl, island{i, j})
			}
			i = j
		}
		if len(isl) == 0 {
			continue
		}
		// join islands separated by at most two content words
		merged := isl[:1]
		for _, s := range isl[1:] {
			last := &merged[len(merged)-1]
			gap := 0
			for k := last.b; k < s.a; k++ {
				if c.toks[k].kind == kContent {
					gap++
				}
			}
			if gap <= 2 && !c.hasProseEnd(last.b, s.a) {
				last.b = s.b
			} else {
				merged = append(merged, s)
			}
		}
		for _, s := range merged {
			a, b := c.trimRun(s.a, s.b, int(L.t0), int(L.t1))
			cur := rNone
			// reason of the first strong token for leading tokens
			for k := a; k < b; k++ {
				if c.toks[k].kind == kStrong {
					cur = c.toks[k].reason
					break
				}
			}
			for k := a; k < b; k++ {
				t := &c.toks[k]
				if t.kind == kStrong || t.kind == kWeak && t.reason != rNone {
					if t.kind == kStrong {
						cur = t.reason
					}
					c.setRm(k, t.reason)
					continue
				}
				c.setRm(k, cur)
			}
		}
	}
}

func (c *cleaner) hasProseEnd(a, b int) bool {
	for k := a; k < b; k++ {
		if c.proseEnd(k, 4) {
			return true
		}
	}
	return false
}

// trimRun drops from the edges of a clutter run the tokens that belong to
// the neighbouring text: a sentence-final mark or a bare number just after
// content, an opening bracket or bare number just before content.
func (c *cleaner) trimRun(a, b, lineA, lineB int) (int, int) {
	for a < b && a > lineA && c.toks[a-1].kind == kContent {
		t := &c.toks[a]
		if t.kind == kFiller && (t.flags&fTerm != 0 || strings.ContainsAny(c.rawTok(a), ")]»\"'”")) ||
			t.kind == kWeak && t.flags&fDate == 0 && t.flags&fNum != 0 {
			a++
			continue
		}
		break
	}
	for b > a && b < lineB && c.toks[b].kind == kContent {
		t := &c.toks[b-1]
		if t.kind == kFiller && (t.flags&fOpenBr != 0 || strings.ContainsAny(c.rawTok(b-1), "\"'“")) ||
			t.kind == kWeak && t.flags&fDate == 0 && t.flags&fNum != 0 {
			b--
			continue
		}
		break
	}
	return a, b
}

// tokenSpans turns token removals into raw byte spans. Consecutive removed
// tokens with the same reason become one span including the space between
// them; a line whose tokens are all removed loses its line break too.
func (c *cleaner) tokenSpans() []span {
	var out []span
	n := len(c.toks)
	for i := 0; i < n; {
		r := c.toks[i].rm
		if r == rNone {
			i++
			continue
		}
		j := i + 1
		for j < n && c.toks[j].rm == r {
			j++
		}
		out = append(out, span{int(c.toks[i].s), int(c.toks[j-1].e), r})
		i = j
	}
	// whole removed lines take their line break with them
	for l := range c.lines {
		L := c.lines[l]
		if L.t0 == L.t1 {
			continue
		}
		all := true
		for i := L.t0; i < L.t1; i++ {
			if c.toks[i].rm == rNone {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		if int(L.e) < len(c.raw) {
			out = append(out, span{int(L.e), int(L.e) + 1, c.toks[L.t1-1].rm})
		}
	}
	slices.SortFunc(out, func(a, b span) int { return a.s - b.s })
	return out
}

// span is a raw byte range removed for a reason.
type span struct {
	s, e int
	r    reason
}
