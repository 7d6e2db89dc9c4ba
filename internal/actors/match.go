package actors

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// ctok is a content token (word, Latin word or number) of the text.
type ctok struct {
	norm       string
	start, end int
	join       bool // only spaces, quotes or tatweel separate it from the next content token
	para       int  // paragraph number (a line break starts a new one)
}

func contentTokens(ct []ctok, text string, toks []arabic.Token) []ctok {
	ct = ct[:0]
	last := 0
	for _, t := range toks {
		switch t.Kind {
		case arabic.Word, arabic.Latin, arabic.Numeral:
		default:
			continue
		}
		if t.Start < last || t.End <= t.Start || t.End > len(text) || t.Norm == "" {
			continue // tokens not of this text, or out of order: ignore
		}
		ct = append(ct, ctok{start: t.Start, end: t.End, norm: t.Norm})
		last = t.End
	}
	for i := 0; i+1 < len(ct); i++ {
		gap := text[ct[i].end:ct[i+1].start]
		ct[i].join = gapJoins(gap)
		ct[i+1].para = ct[i].para
		if !ct[i].join && strings.IndexByte(gap, '\n') >= 0 {
			ct[i+1].para++
		}
	}
	return ct
}

// gapJoins reports whether the text between two tokens may lie inside one
// mention: blanks on one line, quotation marks, tatweel, invisible marks.
func gapJoins(gap string) bool {
	if gap == " " {
		return true
	}
	for _, r := range gap {
		switch r {
		case ' ', '\t', 0xA0, 0x0640, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
			'"', '\'', '`', '«', '»', '“', '”', '„', '‘', '’', '‹', '›':
		default:
			return false
		}
	}
	return true
}

const (
	prioComposed = iota
	prioRole
	prioExplicit
)

// cand is a candidate mention over content tokens [start, end).
type cand struct {
	start, end int
	skip       int // proclitic letters stripped from the first token
	id, group  string
	framing    Framing
	kind, role string
	backref    bool // the id came from a back-reference word
	bare       bool // a back-reference word on its own
	block      bool
	prio       int
	adjHead    *gword // force noun of a noun+adjective phrase (for coordination)
	adjDef     bool
}

func (c cand) better(o cand, ok bool) bool {
	if !ok {
		return true
	}
	if c.end != o.end {
		return c.end > o.end
	}
	return c.prio > o.prio
}

type hist struct {
	id, group string
	bit       uint32
	i0, i1    int
	para      int
}

// firstSet is a bitmap filter over the words that start a trie path: most
// words of a text start nothing, and the filter answers them without a map
// lookup.
type firstSet [1 << 10]uint64

func fhash(n int, last, prev, second byte) uint32 {
	h := uint32(n)*0x9E3779B1 ^ uint32(last)*0x85EBCA77 ^ uint32(prev)*0xC2B2AE3D ^ uint32(second)*0x27D4EB2F
	return (h ^ h>>15) & (1<<16 - 1)
}

func keyHash(s string) uint32 {
	if len(s) < 2 {
		return fhash(len(s), 0, 0, 0)
	}
	return fhash(len(s), s[len(s)-1], s[len(s)-2], s[1])
}

func (f *firstSet) add(s string) { h := keyHash(s); f[h>>6] |= 1 << (h & 63) }

func (f *firstSet) has(s string) bool { h := keyHash(s); return f[h>>6]&(1<<(h&63)) != 0 }

func (f *firstSet) hasBytes(b []byte) bool {
	var h uint32
	if len(b) < 2 {
		h = fhash(len(b), 0, 0, 0)
	} else {
		h = fhash(len(b), b[len(b)-1], b[len(b)-2], b[1])
	}
	return f[h>>6]&(1<<(h&63)) != 0
}

var matcherPool = sync.Pool{New: func() any { return new(matcher) }}

func getMatcher(l *Lexicon, text string, toks []arabic.Token) *matcher {
	m := matcherPool.Get().(*matcher)
	m.l, m.text = l, text
	m.ct = contentTokens(m.ct, text, toks)
	m.hist = m.hist[:0]
	m.rcache = [8]rcEntry{}
	m.syria, m.syriaActor = 0, false
	return m
}

func putMatcher(m *matcher) {
	m.l, m.text = nil, ""
	if cap(m.ct) > 1<<16 {
		m.ct = nil
	}
	clear(m.ct)
	m.ct = m.ct[:0]
	matcherPool.Put(m)
}

// matcher holds the state of one pass over a text.
type matcher struct {
	l      *Lexicon
	text   string
	ct     []ctok
	hist   []hist
	buf    []byte
	rcache [8]rcEntry
	syria  int8 // 0 unknown, 1 the text names a Syrian place, -1 not
	// syriaActor: a Syria-only actor was found
	syriaActor bool
}

// Find returns the actor mentions of text, in order.
func (l *Lexicon) Find(text string) []Mention {
	return l.FindTokens(text, arabic.Tokenize(text))
}

// FindTokens returns the actor mentions of text given its tokens (as from
// arabic.Tokenize(text)); nil toks tokenizes text. Mentions are sorted by
// Start and do not overlap.
func (l *Lexicon) FindTokens(text string, toks []arabic.Token) []Mention {
	if l == nil || l.root == nil {
		return nil
	}
	if toks == nil {
		toks = arabic.Tokenize(text)
	}
	m := getMatcher(l, text, toks)
	defer putMatcher(m)
	out := make([]Mention, 0, len(m.ct)/6+4)
	for i := 0; i < len(m.ct); {
		c, ok := m.matchAt(i, true, 0, false)
		if !ok {
			i++
			continue
		}
		i = c.end
		if c.block {
			continue
		}
		out = m.emit(out, c)
		// Coordinated adjectives: "الطائرات الروسية والسورية".
		for c.adjHead != nil && c.end < len(m.ct) && m.ct[c.end-1].join {
			n, ok := m.coordinated(c)
			if !ok {
				break
			}
			out = m.emit(out, n)
			c, i = n, n.end
		}
	}
	return out
}

func (m *matcher) emit(out []Mention, c cand) []Mention {
	start := rawSkip(m.text, m.ct[c.start], c.skip)
	end := m.ct[c.end-1].end
	m.hist = append(m.hist, hist{id: c.id, group: c.group, bit: idBit(c.id), i0: c.start, i1: c.end, para: m.ct[c.start].para})
	if idBit(c.id)&syriaBits != 0 && !c.backref {
		m.syriaActor = true
	}
	kind := c.kind
	if c.bare {
		kind = KindBackRef
	}
	return append(out, Mention{Start: start, End: end, Text: m.text[start:end], ID: c.id,
		Group: c.group, Framing: c.framing, BackRef: c.backref, Kind: kind, Role: c.role})
}

// rawSkip returns the byte offset in text after the first letters letters
// of token t (and the marks that follow them).
func rawSkip(text string, t ctok, letters int) int {
	pos := t.start
	for letters > 0 && pos < t.end {
		r, n := utf8.DecodeRuneInString(text[pos:t.end])
		pos += n
		if unicode.IsLetter(r) && r != 0x0640 {
			letters--
		}
	}
	for pos < t.end {
		r, n := utf8.DecodeRuneInString(text[pos:t.end])
		if !(unicode.Is(unicode.Mn, r) || r == 0x0640 || unicode.Is(unicode.Cf, r)) {
			break
		}
		pos += n
	}
	if pos >= t.end { // never strip a whole token
		return t.start
	}
	return pos
}

const (
	waw = "و"
	fa  = "ف"
	ba  = "ب"
	lam = "ل"
	kaf = "ك"
)

// walk calls fn for every trie node reached by a token path from ct[i]
// (end is the exclusive token index of the path). With clitics, the first
// token may also be read without the proclitics و ف ب ل ك (and لل as ال).
func (m *matcher) walk(root *node, i int, clitics bool, fn func(n *node, end, skip int)) {
	w := m.ct[i].norm
	f := &m.l.first
	if root == m.l.sroot {
		f = &m.l.sfirst
	}
	if f.has(w) {
		m.descend(root.next[w], i, 0, fn)
	}
	if !clitics || len(w) < 6 {
		return
	}
	r, c1 := w, 0
	if strings.HasPrefix(r, waw) || strings.HasPrefix(r, fa) {
		r, c1 = r[len(waw):], 1
		if len(r) >= 4 && f.has(r) {
			m.descend(root.next[r], i, 1, fn)
		}
	}
	for _, p := range [...]string{ba, lam, kaf} {
		if !strings.HasPrefix(r, p) {
			continue
		}
		s := r[len(p):]
		if len(s) >= 4 {
			if f.has(s) {
				m.descend(root.next[s], i, c1+1, fn)
			}
			if p == lam && strings.HasPrefix(s, lam) {
				m.buf = append(append(m.buf[:0], "ا"...), s...)
				if f.hasBytes(m.buf) {
					m.descend(root.next[string(m.buf)], i, c1, fn)
				}
			}
		}
		break
	}
}

func (m *matcher) descend(n *node, i, skip int, fn func(n *node, end, skip int)) {
	if n == nil {
		return
	}
	fn(n, i+1, skip)
	for j := i + 1; n.next != nil && j < len(m.ct) && m.ct[j-1].join; j++ {
		n = n.next[m.ct[j].norm]
		if n == nil {
			return
		}
		fn(n, j+1, skip)
	}
}

// joins reports whether a phrase ending before token e can continue there.
func (m *matcher) joins(e int) bool { return e > 0 && e < len(m.ct) && m.ct[e-1].join }

const maxDepth = 3

// matchAt returns the best mention starting at content token i. nested is
// set inside a larger phrase (complements are allowed there).
func (m *matcher) matchAt(i int, clitics bool, depth int, nested bool) (cand, bool) {
	var best cand
	ok := false
	consider := func(c cand) {
		if c.better(best, ok) {
			best, ok = c, true
		}
	}
	m.walk(m.l.root, i, clitics, func(n *node, end, skip int) {
		base := cand{start: i, end: end, skip: skip}
		if e := n.entry; e != nil && (e.Kind != KindComplement || nested) {
			c := base
			c.prio = prioExplicit
			if e.Kind == KindBlock {
				c.block = true
			} else {
				c.id, c.group, c.framing, c.kind = e.ID, e.Group, e.Framing, e.Kind
				if e.Kind == KindComplement {
					c.kind = KindForce
				}
			}
			consider(c)
		}
		if b := n.br; b != nil {
			if id, group, found := m.resolve(b, m.ct[i].para); found {
				c := base
				c.prio = prioExplicit
				c.id, c.group, c.framing, c.kind = id, group, b.framing, KindBackRef
				c.backref, c.bare = true, true
				consider(c)
			}
		}
		if depth >= maxDepth || !m.joins(end) {
			return
		}
		if g := n.forceInd; g != nil {
			if sub, found := m.matchAt(end, false, depth+1, true); found && sub.kind != KindCivilian && sub.kind != KindRole {
				if sub.block { // "قوات التحالف العربي"
					c := base
					c.end, c.block, c.prio = sub.end, true, prioExplicit
					consider(c)
				} else {
					consider(m.compose(base, g, sub, Neutral, nil))
				}
			}
			m.afterNoun(base, g, false, depth, consider)
		}
		if g := n.forceDef; g != nil {
			m.afterNoun(base, g, true, depth, consider)
		}
		if g := n.roleDef; g != nil {
			m.afterRole(base, g, true, depth, consider)
		}
		if g := n.roleInd; g != nil {
			m.afterRole(base, g, false, depth, consider)
		}
	})
	if !ok {
		return best, false
	}
	if best.bare && m.foreignNisba(best.end) {
		return cand{}, false
	}
	if !best.block && m.joins(best.end) {
		m.walk(m.l.root, best.end, false, func(n *node, end, _ int) {
			if g := n.suffix; g != nil && end > best.end {
				best.end = end
				if best.framing == Neutral || best.framing == Pejorative {
					best.framing = g.framing
					if best.id == "sdf" {
						best.framing = Turkish
					}
				}
			}
		})
	}
	return best, true
}

// mods returns the positions reachable from e over zero to three modifiers.
func (m *matcher) mods(e int, def bool) ([4]int, int) {
	var pos [4]int
	pos[0] = e
	np := 1
	for np < len(pos) && e < len(m.ct) {
		next := -1
		m.walk(m.l.root, e, false, func(n *node, end, _ int) {
			if (def && n.modDef || !def && n.modIndef) && end > next {
				next = end
			}
		})
		if next < 0 {
			break
		}
		pos[np] = next
		np++
		e = next
		if !m.joins(e) {
			break
		}
	}
	return pos, np
}

// afterNoun tries, after a force noun ending at base.end, modifiers then an
// adjective ("القوات الروسية") or a linker with its actor ("التابعة للنظام").
func (m *matcher) afterNoun(base cand, g *gword, def bool, depth int, consider func(cand)) {
	pos, np := m.mods(base.end, def)
	for _, p := range pos[:np] {
		if p >= len(m.ct) || (p > base.end && !m.ct[p-1].join) {
			continue
		}
		m.walk(m.l.root, p, false, func(n *node, end, _ int) {
			adj := n.adjIndef
			mil := n.milIndef
			if def {
				adj, mil = n.adjDef, n.milDef
			}
			if g.value == "militia" && mil != nil {
				adj = mil
			}
			if adj != nil && n.link != nil && m.joins(end) && strings.HasPrefix(m.ct[end].norm, lam) {
				adj = nil // "القوات الموالية للرئيس": a linker whose actor is unknown
			}
			if adj != nil {
				c := base
				c.end = end
				c = m.compose(c, g, cand{id: adj.ID, group: adj.Group, framing: adj.Framing, end: end}, Neutral, nil)
				c.adjHead, c.adjDef = g, def
				consider(c)
			}
			if lk := n.link; lk != nil && m.joins(end) {
				m.afterLink(base, g, lk, end, depth, consider)
			}
		})
	}
}

var pronouns = map[string]bool{"لها": true, "له": true, "لهم": true, "لهما": true, "لهن": true}

// afterLink completes "<noun> التابعة/الموالية لـ <actor>" at token q.
func (m *matcher) afterLink(base cand, g, lk *gword, q, depth int, consider func(cand)) {
	if pronouns[m.ct[q].norm] {
		for k := len(m.hist) - 1; k >= 0; k-- {
			if h := m.hist[k]; armed(h.id) {
				c := base
				c.end = q + 1
				consider(m.compose(c, g, cand{id: h.id, group: h.group, framing: Neutral, end: q + 1}, lk.framing, lk))
				break
			}
		}
		return
	}
	if n := m.ct[q].norm; (n == lam || n == ba) && m.joins(q+1) {
		q++ // detached preposition: "لـ داعش"
	}
	sub, ok := m.matchAt(q, true, depth+1, true)
	if !ok || sub.block || sub.kind == KindCivilian || sub.kind == KindRole {
		return
	}
	c := base
	consider(m.compose(c, g, sub, lk.framing, lk))
}

// afterRole completes a title: "مسؤول روسي", "المتحدث باسم قسد",
// "القائد العام لقسد", "قائد قوات النمر".
func (m *matcher) afterRole(base cand, g *gword, def bool, depth int, consider func(cand)) {
	role := func(sub cand) {
		if sub.block || sub.kind == KindRole {
			return
		}
		c := base
		c.end = sub.end
		c.id, c.group, c.framing = sub.id, sub.group, sub.framing
		c.backref = sub.backref
		c.kind, c.role, c.prio = KindRole, g.value, prioRole
		consider(c)
	}
	pos, np := m.mods(base.end, def)
	for _, p := range pos[:np] {
		if p >= len(m.ct) || (p > base.end && !m.ct[p-1].join) {
			continue
		}
		m.walk(m.l.root, p, false, func(n *node, end, _ int) {
			adj := n.adjIndef
			if def {
				adj = n.adjDef
			}
			if adj != nil {
				role(cand{id: adj.ID, group: adj.Group, framing: adj.Framing, end: end})
			}
		})
	}
	m.walk(m.l.root, base.end, false, func(n *node, end, _ int) {
		if n.connector && m.joins(end) {
			if sub, ok := m.matchAt(end, true, depth+1, true); ok {
				role(sub)
			}
		}
	})
	// Construct: "قائد قوات النمر"; a definite title also takes لـ:
	// "القائد العام لقسد" (but not "رئيس لقوات": "main" there).
	if sub, ok := m.matchAt(base.end, def && strings.HasPrefix(m.ct[base.start].norm, "ال"), depth+1, true); ok {
		role(sub)
	}
}

var proGov = map[string]bool{"syrian_government": true, "iran": true, "hezbollah": true, "iraq": true, "russia": true}

// compose builds the mention of a force noun g with the actor sub (an
// adjective, a construct complement or a linked actor).
func (m *matcher) compose(base cand, g *gword, sub cand, linkFraming Framing, lk *gword) cand {
	c := base
	c.end = sub.end
	c.id, c.group, c.backref = sub.id, sub.group, sub.backref
	c.prio = prioComposed
	c.kind = KindForce
	if g.value == "target" {
		c.kind = KindTarget
	}
	if lk != nil && lk.value == "proxy" {
		switch c.id {
		case "turkey":
			c.id, c.group = "opposition", "turkish_backed"
		case "russia":
			c.id, c.group = "syrian_government", ""
		case "coalition":
			c.id, c.group = "sdf", ""
			if strings.Contains(m.ct[base.start].norm, "فصيل") || strings.Contains(m.ct[base.start].norm, "فصايل") {
				c.id = "opposition"
			}
		}
	}
	c.framing = sub.framing
	for _, f := range [...]Framing{linkFraming, g.framing} {
		if c.framing == Neutral && f != "" {
			c.framing = f
		}
	}
	if c.framing == Pejorative && g.value == "militia" && proGov[c.id] {
		c.framing = Opposition
	}
	return c
}

// coordinated reads "و<adjective>" after a noun+adjective mention c:
// "الطائرات الروسية والسورية" names a second actor.
func (m *matcher) coordinated(c cand) (cand, bool) {
	e := c.end
	w := m.ct[e].norm
	if !strings.HasPrefix(w, waw) || len(w) <= len(waw)+2 {
		return cand{}, false
	}
	n := m.l.root.next[w[len(waw):]]
	if n == nil {
		return cand{}, false
	}
	adj, mil := n.adjIndef, n.milIndef
	if c.adjDef {
		adj, mil = n.adjDef, n.milDef
	}
	if c.adjHead.value == "militia" && mil != nil {
		adj = mil
	}
	if adj == nil || adj.ID == c.id && adj.Group == c.group {
		return cand{}, false
	}
	base := cand{start: e, end: e + 1, skip: 1}
	out := m.compose(base, c.adjHead, cand{id: adj.ID, group: adj.Group, framing: adj.Framing, end: e + 1}, Neutral, nil)
	out.adjHead, out.adjDef = c.adjHead, c.adjDef
	return out, true
}

// nisbaStop are definite words ending in ي that are not nationality
// adjectives.
var nisbaStop = map[string]bool{"الذي": true, "التي": true, "الحالي": true, "الحاليه": true,
	"الماضي": true, "الماضيه": true, "الثاني": true, "الثانيه": true}

// foreignNisba reports whether token e is a definite nisba adjective: a
// bare back-reference word followed by one ("الجيش الليبي", "النظام
// المصري") names an actor the lexicon does not know, so it is skipped.
func (m *matcher) foreignNisba(e int) bool {
	if !m.joins(e) {
		return false
	}
	w := m.ct[e].norm
	if nisbaStop[w] || !strings.HasPrefix(w, "ال") || utf8.RuneCountInString(w) < 5 {
		return false
	}
	return strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")
}

// resolve finds what back-reference b in paragraph para refers to. Generic
// words (those with a fallback, and "*") only look back within their
// paragraph; names of one kind of organisation ("التنظيم") look back over
// the whole text.
func (m *matcher) resolve(b *backref, para int) (id, group string, ok bool) {
	rc := &m.rcache[b.idx%len(m.rcache)]
	if rc.b == b && rc.n == len(m.hist) && rc.para == para {
		return rc.id, rc.group, rc.ok
	}
	id, group, ok = m.resolveSlow(b, para)
	*rc = rcEntry{b: b, n: len(m.hist), para: para, id: id, group: group, ok: ok}
	return id, group, ok
}

func (m *matcher) resolveSlow(b *backref, para int) (id, group string, ok bool) {
	local := b.fallback != "" || b.anyArmed
	if b.ante != 0 || b.anyArmed || b.token != "" {
		for k := len(m.hist) - 1; k >= 0; k-- {
			h := &m.hist[k]
			if local && h.para != para {
				break
			}
			if b.ante&h.bit != 0 || b.anyArmed && h.bit&armedBits != 0 || b.token != "" && m.hasToken(h, b.token, b.exact) {
				return h.id, h.group, true
			}
		}
	}
	if b.fallback != "" && (!b.syria || m.aboutSyria()) {
		return b.fallback, "", true
	}
	return "", "", false
}

// aboutSyria reports whether the text names Syria, one of its governorates
// or main cities (computed once per text), or a Syria-only actor was
// found before.
func (m *matcher) aboutSyria() bool {
	if m.syriaActor {
		return true
	}
	if m.syria == 0 {
		m.syria = -1
		for k := range m.ct {
			w := m.ct[k].norm
			for p := 0; p < 3 && len(w) >= 4; p++ {
				if m.l.syriaCue[w] {
					m.syria = 1
					return true
				}
				if !strings.HasPrefix(w, waw) && !strings.HasPrefix(w, fa) && !strings.HasPrefix(w, ba) &&
					!strings.HasPrefix(w, lam) && !strings.HasPrefix(w, kaf) {
					break
				}
				w = w[len(waw):]
			}
		}
	}
	return m.syria > 0
}

var syriaBits = idBit("syrian_government") | idBit("opposition") | idBit("hts") | idBit("sdf")

var armedBits = func() uint32 {
	var x uint32
	for _, id := range IDs {
		if armed(id) {
			x |= idBit(id)
		}
	}
	return x
}()

type rcEntry struct {
	b         *backref
	n, para   int
	id, group string
	ok        bool
}

func (m *matcher) hasToken(h *hist, token string, exact bool) bool {
	for k := h.i0; k < h.i1; k++ {
		if tokenIs(m.ct[k].norm, token, exact) {
			return true
		}
	}
	return false
}

// tokenIs reports whether folded word w is token, allowing proclitics and
// (unless exact) the article.
func tokenIs(w, token string, exact bool) bool {
	if w == token {
		return true
	}
	if exact && strings.HasPrefix(token, "ال") {
		// "للجيش" = ل + الجيش
		if strings.HasSuffix(w, token[len("ا"):]) && onlyClitics(w[:len(w)-len(token)+len("ا")]) &&
			strings.HasSuffix(w[:len(w)-len(token)+len("ا")], lam) {
			return true
		}
	}
	if !strings.HasSuffix(w, token) {
		return false
	}
	p := w[:len(w)-len(token)]
	if exact {
		return onlyClitics(p)
	}
	p = strings.TrimSuffix(p, "ال")
	return onlyClitics(p)
}

func onlyClitics(p string) bool {
	for _, r := range p {
		switch r {
		case 'و', 'ف', 'ب', 'ل', 'ك':
		default:
			return false
		}
	}
	return len(p) <= 3*len(waw)
}
