package document

import (
	"hash/maphash"
	"strings"
)

// fnv-1a over keys
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	return (h ^ maphash.String(hashSeed, s)) * fnvPrime
}

var hashSeed = maphash.MakeSeed()

// markHeadings finds a headline (or a header block) repeated in the page
// header and keeps only its last copy: earlier copies go as
// "repeated-heading", and the short stretch between two copies (site name,
// date widget, breaking-news ticker) goes as "header". A short menu or site
// name before the first copy and a "| Site" after the last go too.
func (c *cleaner) markHeadings(h hints) {
	head := c.head
	if head > len(c.toks) {
		head = len(c.toks)
	}
	idx := c.idx[:0]
	for i := 0; i < head; i++ {
		if c.toks[i].kind != kFiller {
			idx = append(idx, i)
		}
	}
	c.idx = idx
	type pair struct{ q, p, L int } // copies at idx[q:q+L] and idx[p:p+L]
	var pairs []pair
	const G = 4
	kh := c.kh[:0]
	for _, k := range idx {
		kh = append(kh, maphash.String(hashSeed, c.key(k)))
	}
	c.kh = kh
	gram := func(p int) uint64 {
		return ((kh[p]*fnvPrime^kh[p+1])*fnvPrime^kh[p+2])*fnvPrime ^ kh[p+3]
	}
	wordsIn := func(p, L int) int {
		w := 0
		for k := p; k < p+L; k++ {
			t := &c.toks[idx[k]]
			if t.flags&fWord != 0 && t.flags&fDate == 0 {
				w++
			}
		}
		return w
	}
	// a known title: every occurrence but the last is a repeat
	if tk := titleKeys(h.title); len(tk) >= 3 {
		var occ []int
		for p := 0; p+len(tk) <= len(idx); p++ {
			ok := true
			for k, w := range tk {
				if c.key(idx[p+k]) != w {
					ok = false
					break
				}
			}
			if ok {
				occ = append(occ, p)
				p += len(tk) - 1
			}
		}
		for k := 1; k < len(occ); k++ {
			pairs = append(pairs, pair{occ[k-1], occ[k], len(tk)})
		}
	}
	if c.seen == nil {
		c.seen = make(map[uint64]int, 512)
	}
	clear(c.seen)
	seen := c.seen
	for p := 0; p+G <= len(idx); {
		g := gram(p)
		if q, ok := seen[g]; ok && q+G <= p {
			L := 0
			for p+L < len(idx) && q+L < p && c.key(idx[q+L]) == c.key(idx[p+L]) &&
				c.toks[idx[q+L]].flags&fTerm == 0 {
				L++
			}
			if L >= G && wordsIn(p, L) >= 3 || L >= 6 && (wordsIn(p, L) >= 2 || c.allDate(idx[p], idx[p+L-1]+1)) {
				pairs = append(pairs, pair{q, p, L})
				for k := p; k < p+L && k+G <= len(idx); k++ {
					seen[gram(k)] = k
				}
				p += L
				continue
			}
		}
		seen[g] = p
		p++
	}
	if len(pairs) == 0 {
		c.pipeSiteNames()
		return
	}
	isSecond := map[int]bool{}
	for _, pr := range pairs {
		isSecond[pr.p] = true
	}
	bestTitle := -1
	for _, pr := range pairs {
		L1 := pr.L
		// a last word glued to the next one ("حماةأعلنت") still ends the copy
		if pr.q+L1 < pr.p && pr.p+L1 < len(idx) && c.key(idx[pr.q+L1]) != "" &&
			strings.HasPrefix(c.key(idx[pr.p+L1]), c.key(idx[pr.q+L1])) {
			L1++
		}
		a1, b1 := idx[pr.q], idx[pr.q+L1-1]+1 // copy 1 tokens [a1,b1)
		a2 := idx[pr.p]
		dates := c.allDate(a1, b1)
		// a heading is a whole unit: each copy starts where a header segment
		// starts, unless the two copies stand back to back
		adjacent := pr.q+L1 == pr.p
		if !adjacent && !dates && (!c.segmentStart(a1) || !c.segmentStart(a2)) {
			continue
		}
		if c.toks[b1-1].flags&fEllipsis != 0 || b1 < len(c.toks) && c.toks[b1].flags&fEllipsis != 0 || c.isDot(b1) && c.isDot(b1+1) {
			continue // a teaser: markRepeats handles it
		}
		// take the quotes or brackets around the copy along
		ln := c.lines[c.toks[a1].line]
		a1, b1 = c.wrapQuotes(a1, b1, int(ln.t0), a2)
		if a2s, _ := c.wrapQuotes(a2, idx[pr.p+pr.L-1]+1, b1, len(c.toks)); a2s >= b1 {
			a2 = a2s
		}
		for k := a1; k < b1; k++ {
			c.setRm(k, c.ownReason(k, rRepeatedHeading))
		}
		// the stretch between the copies
		if a2-b1 <= 40 && !c.hasProseEnd(b1, a2) {
			words := 0
			for k := b1; k < a2; k++ {
				if c.toks[k].kind == kContent {
					words++
				}
			}
			r := rHeader
			if words <= 5 {
				r = rSiteName
				c.outletFrom(b1, a2)
			}
			for k := b1; k < a2; k++ {
				c.setRm(k, c.ownReason(k, r))
			}
		}
		// before the first copy of a headline: a short menu or site name
		if !isSecond[pr.q] && wordsIn(pr.q, pr.L) >= 3 {
			ls := int(c.lines[c.toks[a1].line].t0)
			if a1 > ls && a1-ls <= 8 && !c.hasProseEnd(ls, a1) && c.stopsIn(ls, a1) <= 1 {
				r := rNavigation
				for k := ls; k < a1; k++ {
					if c.rawTok(k) == "|" {
						r = rSiteName
					}
				}
				for k := ls; k < a1; k++ {
					c.setRm(k, c.ownReason(k, r))
				}
			}
		}
		if wordsIn(pr.p, pr.L) >= 3 && (bestTitle < 0 || pr.p > bestTitle) {
			bestTitle = pr.p
			c.meta.Title = strings.TrimSpace(c.raw[c.toks[a2].s:c.toks[idx[pr.p+pr.L-1]].e])
		}
	}
	// after the last copy: "| Site" or "- Site" up to the end of the line or
	// to removed clutter
	if bestTitle >= 0 {
		var L int
		for _, pr := range pairs {
			if pr.p == bestTitle {
				L = pr.L
			}
		}
		end := idx[bestTitle+L-1] + 1
		c.siteSuffix(end)
	}
	c.pipeSiteNames()
}

// wrapQuotes widens the token span [a,b) over the quote marks or brackets
// around it that its own marks leave open, without going below lo or
// reaching hi.
func (c *cleaner) wrapQuotes(a, b, lo, hi int) (int, int) {
	pre, post := "", ""
	if a-1 >= lo && a-1 < len(c.toks) && c.toks[a-1].kind == kFiller {
		pre = c.rawTok(a - 1)
	}
	if b < hi && b < len(c.toks) && c.toks[b].kind == kFiller {
		post = c.rawTok(b)
	}
	q := c.count(a, b, "\"")
	open, close := c.count(a, b, "(«“"), c.count(a, b, ")»”")
	switch {
	case pre == "\"" && post == "\"" && q%2 == 0:
		return a - 1, b + 1
	case pre == "\"" && q%2 == 1:
		return a - 1, b
	case post == "\"" && q%2 == 1:
		return a, b + 1
	}
	switch {
	case (pre == "(" || pre == "«" || pre == "“") && (post == ")" || post == "»" || post == "”") && open == close:
		return a - 1, b + 1
	case (pre == "(" || pre == "«" || pre == "“") && close > open:
		return a - 1, b
	case (post == ")" || post == "»" || post == "”") && open > close:
		return a, b + 1
	}
	return a, b
}

func (c *cleaner) count(a, b int, set string) int {
	n := 0
	for k := a; k < b; k++ {
		if c.toks[k].kind == kFiller {
			for _, r := range c.rawTok(k) {
				if strings.ContainsRune(set, r) {
					n++
				}
			}
		}
	}
	return n
}

// allDate reports whether tokens [a,b) all belong to date expressions.
func (c *cleaner) allDate(a, b int) bool {
	for k := a; k < b; k++ {
		if c.toks[k].flags&fDate == 0 && c.toks[k].kind != kFiller {
			return false
		}
	}
	return true
}

// segmentStart reports whether token k starts a header segment: it opens
// its line or follows clutter, a date, or a separator such as "|" or "-".
func (c *cleaner) segmentStart(k int) bool {
	// an opening quote or bracket belongs to the segment
	for k > 0 && c.toks[k-1].line == c.toks[k].line && c.toks[k-1].kind == kFiller &&
		c.toks[k-1].rm == rNone && strings.ContainsAny(c.rawTok(k-1), "\"'«“(") {
		k--
	}
	if k == 0 || c.toks[k-1].line != c.toks[k].line {
		return true
	}
	p := &c.toks[k-1]
	if p.rm != rNone || p.kind == kStrong || p.kind == kWeak || p.flags&fDate != 0 {
		return true
	}
	if p.kind == kFiller {
		switch c.rawTok(k - 1) {
		case "|", "-", "–", "—", ":", "/", "»", "«", "||", "::", "--":
			return true
		}
	}
	return false
}

// outletFrom takes as the outlet the first run of words after a "|" or
// "-" separator in tokens [a,b), if the meta has none yet.
func (c *cleaner) outletFrom(a, b int) {
	if c.meta.Outlet != "" {
		return
	}
	for k := a; k < b; k++ {
		if !c.sepTok(k, "|-") {
			continue
		}
		s, e := k+1, k+1
		for e < b && c.toks[e].kind == kContent {
			e++
		}
		if e > s {
			c.meta.Outlet = strings.TrimSpace(c.raw[c.toks[s].s:c.toks[e-1].e])
		}
		return
	}
}

// titleKeys are the keys of a title's words.
func titleKeys(title string) []string {
	var out []string
	for _, w := range strings.Fields(title) {
		if k := normKey(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func (c *cleaner) stopsIn(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if c.toks[k].kind == kContent && c.toks[k].flags&fStop != 0 {
			n++
		}
	}
	return n
}

// siteSuffix removes "| Site" or "- Site" starting at token k when it is at
// most five words followed by the end of the line or by removed clutter.
func (c *cleaner) siteSuffix(k int) {
	if k >= len(c.toks) || !c.sepTok(k, "|-") || c.removed(k) {
		return
	}
	ln := c.toks[k].line
	j := k + 1
	words := 0
	for j < len(c.toks) && c.toks[j].line == ln && !c.removed(j) && c.toks[j].flags&fDate == 0 {
		if c.toks[j].kind == kContent {
			words++
			if c.toks[j].flags&(fStop|fTerm) != 0 {
				return
			}
		}
		if words > 5 {
			return
		}
		j++
	}
	if words == 0 {
		return
	}
	for m := k; m < j; m++ {
		c.setRm(m, c.ownReason(m, rSiteName))
	}
	if c.meta.Outlet == "" {
		c.meta.Outlet = strings.TrimSpace(c.raw[c.toks[k+1].s:c.toks[j-1].e])
	}
}

// pipeSiteNames removes, in the header zone, short segments set off by "|"
// from a longer headline on the same line: "Title | Site | Site.net".
func (c *cleaner) pipeSiteNames() {
	for l := range c.lines {
		L := c.lines[l]
		if int(L.t0) >= c.head {
			break
		}
		var pipes []int
		for k := int(L.t0); k < int(L.t1) && k < c.head; k++ {
			if c.rawTok(k) == "|" {
				pipes = append(pipes, k)
			}
		}
		if len(pipes) == 0 || len(pipes) > 4 {
			continue
		}
		// segments between line start, pipes and line end (or the head end)
		bounds := append([]int{int(L.t0) - 1}, pipes...)
		end := int(L.t1)
		type seg struct{ a, b, words int }
		var segs []seg
		long := false
		for i, p := range bounds {
			a := p + 1
			b := end
			if i+1 < len(bounds) {
				b = bounds[i+1]
			}
			// a segment stops at removed clutter or a date
			stop := a
			words := 0
			for stop < b && !c.removed(stop) && c.toks[stop].flags&fDate == 0 {
				if c.toks[stop].kind == kContent {
					words++
				}
				stop++
			}
			if words >= 5 {
				long = true
			}
			segs = append(segs, seg{a, stop, words})
		}
		if !long {
			continue
		}
		for i, s := range segs {
			if s.words == 0 || s.words > 4 || c.stopsIn(s.a, s.b) > 0 {
				continue
			}
			a, b := s.a, s.b
			if i > 0 {
				a = bounds[i] // include the pipe before it
			} else if i+1 < len(bounds) {
				b = bounds[1] + 1 // include the pipe after it
			}
			for k := a; k < b; k++ {
				c.setRm(k, c.ownReason(k, rSiteName))
			}
			if c.meta.Outlet == "" {
				c.meta.Outlet = strings.TrimSpace(c.raw[c.toks[s.a].s:c.toks[s.b-1].e])
			}
		}
	}
}

// markHeadDates removes date and time stamps of the page header: a full
// date (or a date with a time) that stands at the start of a header segment
// or after a headline, not one that a sentence introduces ("في 15/11").
func (c *cleaner) markHeadDates() {
	for _, x := range c.dates {
		if x.t0 >= c.head && c.toks[x.t0].line > 1 {
			continue
		}
		if c.removed(x.t0) {
			continue
		}
		L := c.lines[c.toks[x.t0].line]
		prevOK := x.t0 == int(L.t0) || c.removed(x.t0-1) || c.sepTok(x.t0-1, "|-")
		nextOK := x.t1 >= int(L.t1) || c.removed(x.t1) || c.sepTok(x.t1, "|-")
		full := x.y > 0 && x.m > 0 || x.hasTime
		prevWord := x.t0 > int(L.t0) && c.toks[x.t0-1].kind == kContent && !c.isStop(x.t0-1) && !datePreps[c.key(x.t0-1)]
		relative := x.y == 0 && x.m == 0 && !x.hasTime
		if relative {
			if !(prevOK && nextOK) {
				continue
			}
		} else if !(prevOK && nextOK || prevOK && full || nextOK && full && prevWord || x.y > 0 && x.hasTime && prevWord) {
			continue
		}
		a, b := x.t0, x.t1
		if b < int(L.t1) && c.sepTok(b, "|-") && !c.removed(b) {
			b++
		}
		for k := a; k < b; k++ {
			c.setRm(k, rTimestamp)
		}
	}
}

var datePreps = keySet("في منذ حتى بتاريخ تاريخ يوم اليوم صباح مساء ليلة فجر ظهر عصر بعد قبل خلال الموافق")

var bylineKeys = keySet("كتب كتبت بقلم إعداد اعداد تحرير تقرير المحرر بواسطة حوار by written تصوير")

// markLines applies whole-line rules: a line left with at most two words
// after its clutter went, a line of dates only, a menu line, and header
// byline and dateline lines (kept as metadata).
func (c *cleaner) markLines(h hints) {
	nonEmpty := 0
	total := 0
	outlet := strings.Join(titleKeys(h.outlet), " ")
	for l := range c.lines {
		if c.lines[l].t0 < c.lines[l].t1 {
			total++
		}
	}
	for l := range c.lines {
		L := c.lines[l]
		if L.t0 == L.t1 {
			continue
		}
		nonEmpty++
		var keptWords, keptTok, removedTok, stops, nav, dateTok, pipes int
		var rcount [nReasons]int
		prose := false
		for k := int(L.t0); k < int(L.t1); k++ {
			t := &c.toks[k]
			if t.rm != rNone {
				removedTok++
				rcount[t.rm]++
				continue
			}
			keptTok++
			if t.flags&fDate != 0 {
				dateTok++
			}
			if c.rawTok(k) == "|" {
				pipes++
			}
			if t.kind == kContent {
				keptWords++
				if t.flags&fStop != 0 {
					stops++
				}
				if t.lex&lNav != 0 {
					nav++
				}
			}
			if c.proseEnd(k, 4) {
				prose = true
			}
		}
		if keptTok == 0 {
			continue
		}
		rm := rNone
		switch {
		case removedTok > 0 && keptWords <= 2 && !prose:
			best := 0
			for r, n := range rcount {
				if n > best {
					best, rm = n, reason(r)
				}
			}
		case keptWords == 0 && dateTok >= 3:
			rm = rTimestamp
		case keptWords == 0 && removedTok == 0 && keptTok <= 12 && c.allClutterTokens(L):
			rm = c.ownReason(int(L.t0), rNavigation)
		case keptWords >= 3 && stops == 0 && !prose && nav*10 >= keptWords*6:
			rm = rNavigation
		case pipes >= 3 && stops <= 1 && !prose && keptWords <= pipes*3:
			rm = rNavigation
		}
		if rm == rNone && removedTok == 0 && (nonEmpty <= 6 || nonEmpty > total-3) {
			rm = c.bylineOrDateline(l, h)
			if rm == rNone && outlet != "" && keptTok <= 8 && strings.Join(titleKeys(c.raw[L.s:L.e]), " ") == outlet {
				rm = rSiteName // a line that is only the outlet's name
			}
		}
		if rm == rNone {
			continue
		}
		for k := int(L.t0); k < int(L.t1); k++ {
			c.setRm(k, c.ownReason(k, rm))
			if rm == rByline || rm == rDateline {
				c.toks[k].rm = rm
			}
		}
	}
}

// allClutterTokens reports a line made only of weak/strong/punctuation
// tokens (a row of dates, share icons, pipes).
func (c *cleaner) allClutterTokens(L line) bool {
	ui := false
	for k := int(L.t0); k < int(L.t1); k++ {
		switch t := &c.toks[k]; t.kind {
		case kContent:
			return false
		case kStrong:
			ui = true
		case kWeak:
			if t.reason != rNone {
				ui = true
			}
		}
	}
	return ui || int(L.t1-L.t0) >= 3
}

// bylineOrDateline recognizes a header line that is only a byline
// ("كتب: فلان", "بقلم فلان", "By X") or only a dateline ("دمشق - (وكالة) -").
func (c *cleaner) bylineOrDateline(l int, h hints) reason {
	L := c.lines[l]
	n := int(L.t1 - L.t0)
	first := int(L.t0)
	if n >= 2 && n <= 10 && bylineKeys[c.key(first)] && !c.hasProseEnd(first, int(L.t1)) && c.stopsIn(first+1, int(L.t1)) == 0 {
		a := first + 1
		for a < int(L.t1) && c.toks[a].kind == kFiller {
			a++
		}
		if a < int(L.t1) && c.meta.Author == "" {
			c.meta.Author = strings.Trim(strings.TrimSpace(c.raw[c.toks[a].s:L.e]), ":-–— ")
		}
		return rByline
	}
	if h.author != "" && n <= 8 {
		lt := strings.Join(titleKeys(c.raw[L.s:L.e]), " ")
		if ak := strings.Join(titleKeys(h.author), " "); ak != "" && (lt == ak || strings.HasSuffix(lt, " "+ak) && bylineKeys[c.key(first)]) {
			return rByline
		}
	}
	if n >= 2 && n <= 7 {
		last := int(L.t1) - 1
		r := c.rawTok(last)
		sepEnd := c.sepTok(last, "-:") || strings.HasSuffix(r, ":") || strings.HasSuffix(r, "-") || strings.HasSuffix(r, "ـ")
		if sepEnd && c.stopsIn(first, last+1) == 0 && !c.hasProseEnd(first, last+1) {
			// the next non-empty line must be a paragraph
			nl := l + 1
			for nl < len(c.lines) && (c.lines[nl].t0 == c.lines[nl].t1 || bylineKeys[c.key(int(c.lines[nl].t0))]) {
				nl++
			}
			if nl < len(c.lines) && c.lines[nl].t1-c.lines[nl].t0 >= 8 {
				if c.meta.Dateline == "" {
					c.meta.Dateline = strings.TrimSpace(c.raw[L.s:L.e])
				}
				return rDateline
			}
		}
	}
	return rNone
}

// segment is a sentence (or a line without sentence marks) of kept tokens.
type segment struct {
	a, b   int    // tokens [a,b)
	h      uint64 // hash of the keys of its words
	klen   int    // bytes of keys
	n      int    // words and numbers
	ellips bool   // ends with an ellipsis
}

// segments splits the kept tokens into sentences: at sentence marks and
// line ends. A run of "." tokens (". . .") stays with the sentence before.
func (c *cleaner) segments() []segment {
	var segs []segment
	cur := segment{a: -1}
	flush := func(b int) {
		if cur.a >= 0 && cur.n > 0 {
			cur.b = b
			// the keys of a segment's tokens are contiguous in c.keys
			cur.h = maphash.String(hashSeed, c.keys[c.toks[cur.a].ks:c.toks[b-1].ke])
			segs = append(segs, cur)
		}
		cur = segment{a: -1}
	}
	n := len(c.toks)
	for i := 0; i < n; i++ {
		t := &c.toks[i]
		if t.rm != rNone {
			flush(i)
			continue
		}
		if cur.a >= 0 && t.line != c.toks[cur.a].line {
			flush(i)
		}
		if cur.a < 0 {
			cur.a = i
		}
		if t.kind != kFiller {
			cur.klen += int(t.ke - t.ks)
			cur.n++
		}
		if t.flags&fTerm != 0 && t.flags&fNum == 0 && (c.isTerm(i) || t.flags&fEllipsis != 0 || c.isDot(i) && c.isDot(i+1)) {
			// swallow a spaced ellipsis ". . ." and closing quotes
			j := i + 1
			dots := 0
			if t.kind == kFiller && c.rawTok(i) == "." {
				dots = 1
			}
			for j < n && c.toks[j].rm == rNone && c.toks[j].line == t.line && c.toks[j].kind == kFiller &&
				(c.rawTok(j) == "." || strings.ContainsAny(c.rawTok(j), "\"”»)")) {
				if c.rawTok(j) == "." {
					dots++
				}
				j++
			}
			if t.flags&fEllipsis != 0 || dots >= 2 {
				cur.ellips = true
			}
			i = j - 1
			flush(j)
		}
	}
	flush(n)
	return segs
}

// markRepeats removes sentences and paragraphs seen before (keeping the
// first), a teaser ending in "..." whose full text is elsewhere in the
// page, and names a long block of repeats "repeated-article".
func (c *cleaner) markRepeats() {
	segs := c.segments()
	if len(segs) < 2 {
		return
	}
	// teasers: a segment ending with an ellipsis whose words (all but a
	// possibly cut last word) start another, longer segment
	const P = 4
	prefix := func(s segment) (uint64, bool) {
		x := uint64(fnvOffset)
		got := 0
		for k := s.a; k < s.b && got < P; k++ {
			if c.toks[k].kind != kFiller {
				x = hashStr(x, c.key(k))
				got++
			}
		}
		return x, got == P
	}
	var starts map[uint64][]int
	for _, s := range segs {
		if s.ellips && s.n >= P+1 {
			starts = make(map[uint64][]int, len(segs))
			break
		}
	}
	if starts != nil {
		for i, s := range segs {
			if p, ok := prefix(s); ok {
				starts[p] = append(starts[p], i)
			}
		}
	}
	dup := make([]bool, len(segs))
	for i, s := range segs {
		if !s.ellips || s.n < P+1 {
			continue
		}
		p, ok := prefix(s)
		if !ok {
			continue
		}
		for m, j := range starts[p] {
			if m >= 16 {
				break // bound the work on pathological repetition
			}
			if j == i || segs[j].n <= s.n-1 || dup[j] {
				continue
			}
			if c.sameWords(s, segs[j], s.n-1) {
				for k := s.a; k < s.b; k++ {
					c.setRm(k, rTeaser)
				}
				dup[i] = true
				break
			}
		}
	}
	// exact repeats (after key folding) of sentences of some length
	if c.seen == nil {
		c.seen = make(map[uint64]int, 512)
	}
	clear(c.seen)
	seen := c.seen
	for i, s := range segs {
		if dup[i] || s.klen < 40 {
			continue
		}
		if _, ok := seen[s.h]; ok {
			dup[i] = true
			continue
		}
		seen[s.h] = i
	}
	// name long blocks of consecutive repeats
	kept := 0
	for _, s := range segs {
		kept += s.n
	}
	for i := 0; i < len(segs); {
		if !dup[i] || c.toks[segs[i].a].rm == rTeaser {
			i++
			continue
		}
		j := i
		words := 0
		for j < len(segs) && dup[j] && c.toks[segs[j].a].rm != rTeaser {
			words += segs[j].n
			j++
		}
		r := rDuplicate
		if j-i >= 3 || j-i == 2 && words*3 >= kept {
			r = rRepeatedArticle
		}
		for k := i; k < j; k++ {
			for m := segs[k].a; m < segs[k].b; m++ {
				c.setRm(m, r)
			}
		}
		i = j
	}
}

// sameWords reports whether the first n words of a and b have equal keys.
func (c *cleaner) sameWords(a, b segment, n int) bool {
	i, j := a.a, b.a
	for got := 0; got < n; got++ {
		for i < a.b && c.toks[i].kind == kFiller {
			i++
		}
		for j < b.b && c.toks[j].kind == kFiller {
			j++
		}
		if i >= a.b || j >= b.b || c.key(i) != c.key(j) {
			return false
		}
		i++
		j++
	}
	return true
}

// findDateline records (without removing it) a dateline that opens the
// first paragraph: up to six words without function words, optionally an
// agency in brackets, ended by a dash or colon ("دمشق - (وكالة) -",
// "سبق- أبها:"). Later stages need that sentence intact.
func (c *cleaner) findDateline() {
	if c.meta.Dateline != "" {
		return
	}
	for l := range c.lines {
		L := c.lines[l]
		first := -1
		kept := 0
		for k := int(L.t0); k < int(L.t1); k++ {
			if c.toks[k].rm == rNone {
				if first < 0 {
					first = k
				}
				kept++
			}
		}
		if kept == 0 {
			continue
		}
		if kept < 8 {
			if l > 8 {
				return
			}
			continue
		}
		words := 0
		inBr := false
		lastSep := -1
		for k := first; k < int(L.t1) && k < first+12; k++ {
			t := &c.toks[k]
			if t.rm != rNone {
				break
			}
			r := c.rawTok(k)
			if t.kind == kFiller {
				switch {
				case strings.HasPrefix(r, "("):
					inBr = true
				case strings.HasSuffix(r, ")"):
					inBr = false
				case r == "-" || r == "ـ" || r == "–" || r == "—" || r == ":" || r == "--":
					if !inBr && words > 0 {
						lastSep = k
					}
				}
				continue
			}
			if t.flags&(fStop|fTerm) != 0 || t.flags&fDate != 0 {
				break
			}
			if t.flags&fOpenBr != 0 {
				inBr = true
			}
			if strings.HasSuffix(r, ")") {
				inBr = false
			}
			words++
			if !inBr && (strings.HasSuffix(r, ":") || strings.HasSuffix(r, "-") || strings.HasSuffix(r, "ـ")) {
				lastSep = k
			}
			if words > 6 {
				break
			}
		}
		if lastSep >= 0 && kept-(lastSep-first) >= 6 {
			c.meta.Dateline = strings.TrimSpace(c.raw[c.toks[first].s:c.toks[lastSep].e])
		}
		return
	}
}

// guessMeta fills the publication date from a labelled date, or from the
// first dated timestamp with a time of day in the header zone, and the
// title from a short first line when no repeated heading named it.
func (c *cleaner) guessMeta() {
	for _, x := range c.dates {
		if x.labeled && int(c.toks[x.t0].s) < 4000 {
			if iso := x.iso(); iso != "" {
				c.meta.Published = iso
				break
			}
		}
	}
	if c.meta.Published == "" {
		for _, x := range c.dates {
			if x.t0 >= c.head+20 {
				break
			}
			if x.hasTime {
				if iso := x.iso(); iso != "" {
					c.meta.Published = iso
					break
				}
			}
		}
	}
	if c.meta.Title == "" {
		for l := range c.lines {
			L := c.lines[l]
			first, last, kept := -1, -1, 0
			for k := int(L.t0); k < int(L.t1); k++ {
				if c.toks[k].rm != rNone {
					continue
				}
				if first < 0 {
					first = k
				}
				last = k
				kept++
				if c.isTerm(k) || c.toks[k].flags&fEllipsis != 0 {
					return
				}
			}
			if kept == 0 {
				continue
			}
			if kept > 20 || l+1 >= len(c.lines) {
				return
			}
			c.meta.Title = strings.TrimSpace(c.raw[c.toks[first].s:c.toks[last].e])
			return
		}
	}
}
