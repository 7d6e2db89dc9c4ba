package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spacing applies the character-level rules to the text that the token
// rules kept (tatweel, invisible characters, spaces before punctuation,
// runs of spaces, trailing spaces, blank lines), merges everything into
// sorted Removals and builds Text by cutting them out of raw.
//
// It works on the kept tokens and the whitespace gaps between them (the
// gap between two kept tokens is the raw whitespace between them outside
// the removed spans), so it costs per token, not per byte; only tokens
// flagged fOdd (tatweel, invisible or control characters) are scanned.
func (c *cleaner) spacing(spans []span) (string, []Removal) {
	raw := c.raw
	dels := c.charSpans(spans)
	all := make([]span, 0, len(spans)+len(dels))
	// merge the two sorted lists
	a, b := 0, 0
	for a < len(spans) || b < len(dels) {
		if b >= len(dels) || a < len(spans) && spans[a].s <= dels[b].s {
			all = append(all, spans[a])
			a++
		} else {
			all = append(all, dels[b])
			b++
		}
	}
	// spacing left over around clutter belongs to that clutter
	for i := range all {
		if !all[i].r.isSpacing() {
			continue
		}
		if i > 0 && all[i-1].e == all[i].s && !all[i-1].r.isSpacing() && !all[i-1].r.isChar() {
			all[i].r = all[i-1].r
		} else if i+1 < len(all) && all[i+1].s == all[i].e && !all[i+1].r.isSpacing() && !all[i+1].r.isChar() {
			all[i].r = all[i+1].r
		}
	}
	// merge touching spans of one reason
	out := make([]Removal, 0, len(all))
	var tb strings.Builder
	tb.Grow(len(raw))
	pos := 0
	for _, s := range all {
		if s.s < pos { // defensive: never overlap
			s.s = pos
		}
		if s.e <= s.s {
			continue
		}
		tb.WriteString(raw[pos:s.s])
		if n := len(out); n > 0 && out[n-1].End == s.s && out[n-1].Reason == s.r.String() {
			out[n-1].End = s.e
		} else {
			out = append(out, Removal{Start: s.s, End: s.e, Reason: s.r.String()})
		}
		pos = s.e
	}
	tb.WriteString(raw[pos:])
	for i := range out {
		out[i].Text = raw[out[i].Start:out[i].End]
	}
	return tb.String(), out
}

// isChar reports reasons of single-character fixes that should not absorb
// neighbouring spaces.
func (r reason) isChar() bool {
	return r == rSpaceBeforePunct || r == rSpaceInBrackets || r == rTatweel || r == rControl
}

func isHSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || isSpaceRune(r)
}

func isArabicLetter(r rune) bool {
	return r >= 0x0620 && r <= 0x064A || r >= 0x066E && r <= 0x06D3 || r >= 0x06FA && r <= 0x06FF ||
		r >= 0x0750 && r <= 0x077F || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r < 0xa0
}

// spanAdder appends spans, merging one that touches the previous span
// with the same reason.
type spanAdder []span

func (d *spanAdder) add(s, e int, r reason) {
	if s >= e {
		return
	}
	if n := len(*d); n > 0 && (*d)[n-1].e == s && (*d)[n-1].r == r {
		(*d)[n-1].e = e
		return
	}
	*d = append(*d, span{s, e, r})
}

// oddTokens removes, as whole tokens, the kept tokens made only of
// characters the character rules delete (a lone direction mark).
func (c *cleaner) oddTokens() {
	for i := range c.toks {
		t := &c.toks[i]
		if t.flags&fOdd == 0 || t.rm != rNone {
			continue
		}
		var d spanAdder
		c.oddRules(i, &d)
		n := 0
		for _, x := range d {
			n += x.e - x.s
		}
		if n == int(t.e-t.s) {
			t.rm = d[0].r
		}
	}
}

// oddRules deletes inside token i the invisible and control characters
// and the tatweel next to a letter.
func (c *cleaner) oddRules(i int, d *spanAdder) {
	t := &c.toks[i]
	w := c.raw[t.s:t.e]
	base := int(t.s)
	for k := 0; k < len(w); {
		r, sz := utf8.DecodeRuneInString(w[k:])
		switch {
		case r == 0x0640:
			e := k
			for e < len(w) && strings.HasPrefix(w[e:], "\u0640") {
				e += len("\u0640")
			}
			before, _ := utf8.DecodeLastRuneInString(w[:k])
			after, _ := utf8.DecodeRuneInString(w[e:])
			if isArabicLetter(before) || isArabicLetter(after) {
				d.add(base+k, base+e, rTatweel)
			}
			k = e
			continue
		case isInvisible(r) || isControl(r):
			d.add(base+k, base+k+sz, rControl)
		}
		k += sz
	}
}

// charSpans returns the deletions of the character rules in raw
// coordinates, sorted: inside odd tokens, and in the whitespace gaps
// before, between and after the kept tokens.
func (c *cleaner) charSpans(spans []span) []span {
	var d spanAdder
	si := 0
	prev := -1 // last kept token
	for i := range c.toks {
		if c.toks[i].rm != rNone {
			continue
		}
		from := 0
		if prev >= 0 {
			from = int(c.toks[prev].e)
		}
		c.gapRules(from, int(c.toks[i].s), prev, i, spans, &si, &d)
		if c.toks[i].flags&fOdd != 0 {
			c.oddRules(i, &d)
		}
		prev = i
	}
	from := 0
	if prev >= 0 {
		from = int(c.toks[prev].e)
	}
	c.gapRules(from, len(c.raw), prev, -1, spans, &si, &d)
	return d
}

// gapRules handles the whitespace of raw[from:to] outside spans, between
// kept token a (-1 at the start) and kept token b (-1 at the end).
func (c *cleaner) gapRules(from, to, a, b int, spans []span, si *int, d *spanAdder) {
	if from >= to {
		return
	}
	for *si < len(spans) && spans[*si].e <= from {
		*si++
	}
	// fast path: one plain space between two words, no punctuation rule
	if to-from == 1 && c.raw[from] == ' ' && a >= 0 && b >= 0 && (*si >= len(spans) || spans[*si].s >= to) &&
		!punctStart(c.raw[to:]) && !openEnd(c.raw[:from]) {
		return
	}
	// the pieces of [from,to) outside the removed spans
	var pieces [8][2]int
	np := 0
	overflow := false
	pos := from
	for k := *si; k < len(spans) && spans[k].s < to; k++ {
		if spans[k].s > pos {
			if np < len(pieces) {
				pieces[np] = [2]int{pos, spans[k].s}
				np++
			} else {
				overflow = true
			}
		}
		if spans[k].e > pos {
			pos = spans[k].e
		}
	}
	if pos < to {
		if np < len(pieces) {
			pieces[np] = [2]int{pos, to}
			np++
		} else {
			overflow = true
		}
	}
	if overflow {
		// many removed spans inside one gap: fall back to a slice
		c.gapRulesSlow(from, to, a, b, spans, *si, d)
		return
	}
	c.gapPieces(pieces[:np], a, b, d)
}

func (c *cleaner) gapRulesSlow(from, to, a, b int, spans []span, si int, d *spanAdder) {
	var pieces [][2]int
	pos := from
	for k := si; k < len(spans) && spans[k].s < to; k++ {
		if spans[k].s > pos {
			pieces = append(pieces, [2]int{pos, spans[k].s})
		}
		if spans[k].e > pos {
			pos = spans[k].e
		}
	}
	if pos < to {
		pieces = append(pieces, [2]int{pos, to})
	}
	c.gapPieces(pieces, a, b, d)
}

// gapPieces applies the whitespace rules to a gap made of pieces of raw.
func (c *cleaner) gapPieces(pieces [][2]int, a, b int, d *spanAdder) {
	raw := c.raw
	nl := 0
	for _, p := range pieces {
		if strings.IndexByte(raw[p[0]:p[1]], '\n') >= 0 {
			nl += strings.Count(raw[p[0]:p[1]], "\n")
		}
	}
	switch {
	case a < 0 || b < 0:
		// before the first or after the last kept token: everything goes
		hs := rExtraSpace
		if b < 0 {
			hs = rTrailingSpace
		}
		for _, p := range pieces {
			c.splitWS(p[0], p[1], hs, rBlankLines, d)
		}
	case nl > 0:
		// across lines: keep the first line break and one blank line
		seen := 0
		for _, p := range pieces {
			for k := p[0]; k < p[1]; {
				if raw[k] == '\n' {
					seen++
					if seen > 2 {
						d.add(k, k+1, rBlankLines)
					}
					k++
					continue
				}
				e := k
				for e < p[1] && raw[e] != '\n' {
					e++
				}
				r := rTrailingSpace
				if seen == nl {
					r = rExtraSpace // indentation of b's line
				}
				d.add(k, e, r)
				k = e
			}
		}
	default:
		pw := c.rawTok(a)
		nw := c.rawTok(b)
		prev, _ := utf8.DecodeLastRuneInString(pw)
		next, nsz := utf8.DecodeRuneInString(nw)
		r := rNone
		switch {
		case c.spaceBeforePunct(b, prev, next, nsz):
			r = rSpaceBeforePunct
		case strings.ContainsRune(")]}»", next) && !strings.ContainsRune("([{«", prev):
			r = rSpaceInBrackets
		case strings.ContainsRune("([{«", prev) && !strings.ContainsRune(")]}»", next):
			r = rSpaceInBrackets
		}
		if r != rNone {
			for _, p := range pieces {
				d.add(p[0], p[1], r)
			}
			return
		}
		// collapse the run to one character, a plain space if there is one
		total := 0
		keep := -1
		for _, p := range pieces {
			total += p[1] - p[0]
			if keep < 0 {
				if k := strings.IndexByte(raw[p[0]:p[1]], ' '); k >= 0 {
					keep = p[0] + k
				}
			}
		}
		if keep < 0 {
			keep = pieces[0][0]
		}
		_, ks := utf8.DecodeRuneInString(raw[keep:])
		if total == ks {
			return
		}
		for _, p := range pieces {
			if keep >= p[0] && keep < p[1] {
				d.add(p[0], keep, rExtraSpace)
				d.add(keep+ks, p[1], rExtraSpace)
			} else {
				d.add(p[0], p[1], rExtraSpace)
			}
		}
	}
}

// punctStart reports whether s starts with a mark that a space before it
// may not precede: , . : ; ! ? ) ] } » ، ؛ ؟
func punctStart(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case ',', '.', ':', ';', '!', '?', ')', ']', '}':
		return true
	case 0xC2:
		return len(s) > 1 && s[1] == 0xBB // »
	case 0xD8:
		return len(s) > 1 && (s[1] == 0x8C || s[1] == 0x9B || s[1] == 0x9F) // ، ؛ ؟
	}
	return false
}

// openEnd reports whether s ends with an opening bracket: ( [ { «
func openEnd(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	switch s[n-1] {
	case '(', '[', '{':
		return true
	case 0xAB:
		return n > 1 && s[n-2] == 0xC2
	}
	return false
}

// splitWS deletes raw[s:e], naming line breaks nlr and other space hr.
func (c *cleaner) splitWS(s, e int, hr, nlr reason, d *spanAdder) {
	for k := s; k < e; {
		if c.raw[k] == '\n' {
			d.add(k, k+1, nlr)
			k++
			continue
		}
		j := k
		for j < e && c.raw[j] != '\n' {
			j++
		}
		d.add(k, j, hr)
		k = j
	}
}

// spaceBeforePunct decides whether the spaces before token b (which
// starts with next) should go: before , . : ; ، ؛ ؟ ! ? unless the mark
// sits between digits (a decimal, a date or a time: "15 . 04 . 2017",
// "21 : 24") or is glued to the word after it (".net").
func (c *cleaner) spaceBeforePunct(b int, prev, next rune, nsz int) bool {
	switch next {
	case ',', '.', ':', ';', '،', '؛', '؟', '!', '?':
	default:
		return false
	}
	w := c.rawTok(b)
	if len(w) > nsz && (next == '.' || next == ',' || next == ':') {
		a, _ := utf8.DecodeRuneInString(w[nsz:])
		if unicode.IsLetter(a) || unicode.IsDigit(a) {
			return false
		}
	}
	if (next == '.' || next == ',' || next == ':') && isDigit(prev) && len(w) == nsz && b+1 < len(c.toks) &&
		c.toks[b+1].line == c.toks[b].line {
		// "15 . 04": a digit follows the mark
		if f, _ := utf8.DecodeRuneInString(c.rawTok(b + 1)); isDigit(f) {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9
}
