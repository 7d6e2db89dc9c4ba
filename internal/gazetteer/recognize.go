package gazetteer

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// Toponym is one place mention found in a text.
//
// A mention is one of:
//   - a gazetteer name, possibly after a place-type cue ("بلدة مارع"),
//     a direction or proximity word ("شرق حلب", "قرب الباب": GeoPrecision
//     2) or the countryside cue ("بريف منبج": GeoPrecision 2, 3 for a
//     governorate's countryside);
//   - a feature named after a known place ("تلة الصنم", "مطار ديرالزور"):
//     the gazetteer's entry when it has one, otherwise a new place whose
//     Parent is the named settlement;
//   - a new name the gazetteer lacks, admitted by a cue ("قرية تل حميدي",
//     the items of "قرى X وY وZ", جبل "الثردة"): Place is nil and the
//     coordinates are the Parent's.
type Toponym struct {
	Start, End int    // byte span of the name in the text, proclitics (و ب ل ف ك) excluded; a feature named with its cue ("تلة X") starts at the cue
	Text       string // text[Start:End], as written
	CueStart   int    // byte offset of the cue word (proclitics excluded) when Cue != ""; -1 when the cue introduces the list the name is an item of ("قرى X وY": Y's cue)
	Cue        string // the place-type word before the name, in its singular form ("قرية", "ريف", "تلة"); "" if none
	Direction  string // the direction or proximity word of a compound ("شرق", "قرب"), as folded; "" if none
	Place      *Place // the gazetteer entry the name resolved to; nil for a new name
	Name       string // the place's name in this document: the entry's canonical name, or the document's own spelling or name when it differs beyond folding (كوباني for عين العرب, عريضية for العريضية); for a new name, the name as written without proclitics (with its cue for a feature: "تلة الصنم")
	Kind       Kind   // the place's kind (for a new name, the kind its cue implies)
	Parent     *Place // whose coordinates stand in: the known place of a new name or feature, the place of a "شرق X"/"ريف X" compound, the inner place of a "ريف X الشرقي" region
	// GeoPrecision is the spec's geo_precision: 1 the place itself, 2 a
	// part of or near it, 3 only the governorate or region is known.
	GeoPrecision int
	Lat, Lon     float64 // the Place's coordinates, or the Parent's; 0, 0 with GeoPrecision 0 when a new name has no known parent
	Governorate  string  // canonical names of the administrative parents ("" when unknown)
	District     string
	Subdistrict  string
	New          bool // admitted by a cue; not in the gazetteer
	Candidates   int  // how many gazetteer entries the name matched (a city and its district count twice; 0 for a new name)
}

// Names returns the names the mention adds to the document's toponym list:
// the places where things happen (settlements, neighbourhoods, sites such
// as hills, airports, bases and camps), under Name. A region adds the
// place it is named after ("ريف دير الزور الشرقي", "جنوب دمشق" add "دير
// الزور", "دمشق"), or nothing. Countries, rivers, lakes, roads and
// facilities add nothing: the annotation guideline (the dev gold) lists
// regions, rivers, roads and facilities at most as optional, and
// countries not at all (reports name them as actors and as the war's
// setting).
func (t Toponym) Names() []string {
	if t.Name == "" {
		return nil
	}
	if t.Place != nil {
		switch t.Place.Kind {
		case Country, River, Lake, Road, Facility:
			return nil
		case Region:
			if t.Parent != nil && t.Parent.Kind != Country && t.Parent.Kind != Region {
				return []string{t.Parent.Name}
			}
			return nil
		}
		if strings.HasPrefix(t.Place.Name, "ريف ") {
			if t.Parent != nil {
				return []string{t.Parent.Name}
			}
			return nil
		}
	}
	return []string{t.Name}
}

// mention is a toponym under construction.
type mention struct {
	a, b     int     // name tokens [a, b)
	off      int     // proclitic letters to skip at the start of token a
	node     int32   // trie node of a gazetteer name (0 for a new name)
	ids      []int32 // candidate places (node's, or a feature's entries)
	cue      int     // cue token (-1 none)
	cueOff   int     // proclitic letters of the cue token
	cueDef   *cueDef //
	dir      int     // direction or proximity token (-1 none)
	inList   bool    // an item of a list introduced by a plural cue
	feature  bool    // a feature named with its cue: the name starts at the cue
	newKind  Kind    // for a new name: the cue's kind
	pids     []int32 // a new feature named after a known place: that place's candidates
	pplace   int32   // the resolved parent (-1 none)
	loc      int     // a following mention that locates this one ("... بريف حلب") (-1)
	locAdmin bool    // loc is an administrative phrase (بريف Y, في محافظة Y, شرق Y)
	drop     bool
	place    int32 // resolved place (-1 none)
	lil      bool  // the name's first word is written with لل (ل + the article)
}

// recognizer holds the state of one Recognize call; its buffers are reused
// through recognizers.
type recognizer struct {
	g       *Gazetteer
	m       *matcher
	text    string
	toks    []arabic.Token
	ms      []mention
	cues    []cueTok
	buf     []byte
	rawAt   map[int]int
	pending []bool
	weights map[string]float64
	govs    []string
}

var recognizers = sync.Pool{New: func() any {
	return &recognizer{rawAt: map[int]int{}, weights: map[string]float64{}}
}}

// release clears r's references and returns it to the pool.
func (r *recognizer) release() {
	if cap(r.ms) > 1<<12 {
		r.ms = nil // do not keep a huge document's buffers
	}
	r.g, r.m, r.text, r.toks = nil, nil, "", nil
	clear(r.ms[:cap(r.ms)])
	r.ms, r.cues, r.pending, r.govs = r.ms[:0], r.cues[:0], r.pending[:0], r.govs[:0]
	clear(r.rawAt)
	clear(r.weights)
	recognizers.Put(r)
}

type cueTok struct {
	tok, off int
	cue      int16
}

// Recognize finds the place mentions of text, whose tokens toks are
// arabic.Analyze's or arabic.Tokenize's (nil: Recognize tokenizes). The
// result is sorted by Start and the spans do not overlap.
//
// Matching runs over the tokens' folded forms against a trie of every
// gazetteer name; a first word is tried as written, then without its
// proclitics (بريف → ريف, وللرقة → الرقة, بالخفسة → خفسة). Names that are
// also common words (common_names.txt) count only with a cue, a direction
// word, a locating phrase or among other places. A name several places
// share is resolved by the locating phrase after it ("المنصورة بريف
// الرقة"), the cue's kind, the governorates of the document's other places
// (the dateline counts double), then the gazetteer's rank.
func (g *Gazetteer) Recognize(text string, toks []arabic.Token) []Toponym {
	if g == nil || g.m == nil || text == "" {
		return nil
	}
	if toks == nil {
		toks = arabic.Tokenize(text)
	}
	r := recognizers.Get().(*recognizer)
	defer r.release()
	r.g, r.m, r.text, r.toks = g, g.m, text, toks
	r.scan()
	if len(r.ms) == 0 && len(r.cues) == 0 {
		return nil
	}
	r.attachCues()
	r.admitNew()
	slices.SortStableFunc(r.ms, func(x, y mention) int { return x.a - y.a })
	r.extend()
	r.locate()
	r.gate()
	r.resolve()
	return r.output()
}

// ok reports whether token i lies inside the text.
func (r *recognizer) ok(i int) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	return t.Start >= 0 && t.Start <= t.End && t.End <= len(r.text)
}

func (r *recognizer) tokText(i int) string {
	if !r.ok(i) {
		return ""
	}
	t := r.toks[i]
	return r.text[t.Start:t.End]
}

// isWord reports whether token i is an Arabic word.
func (r *recognizer) isWord(i int) bool { return r.ok(i) && r.toks[i].Kind == arabic.Word }

// punct returns the text of token i when it is punctuation, else "".
func (r *recognizer) punct(i int) string {
	if !r.ok(i) || r.toks[i].Kind != arabic.Punct {
		return ""
	}
	return r.tokText(i)
}

func isOpenQuote(s string) bool {
	switch s {
	case "\"", "(", "«", "“", "'", "[", "‘":
		return true
	}
	return false
}

func isCloseQuote(s string) bool {
	switch s {
	case "\"", ")", "»", "”", "'", "]", "’":
		return true
	}
	return false
}

func isComma(s string) bool { return s == "," || s == "،" }

// isJoiner reports whether punctuation s may stand inside a name: hyphens
// ("يلدا - بيت سحم") and quotes (قاعدة "حميميم").
func isJoiner(s string) bool {
	switch s {
	case "-", "–", "—", "\"", "«", "»", "“", "”":
		return true
	}
	return false
}

// brokenBetween reports whether a line break separates tokens i and j.
func (r *recognizer) brokenBetween(i, j int) bool {
	a, b := r.toks[i].End, r.toks[j].Start
	if a > b {
		return true
	}
	return strings.IndexByte(r.text[a:b], '\n') >= 0
}

// scan finds the longest gazetteer names, left to right, and the cue words
// that do not start one.
func (r *recognizer) scan() {
	m := r.m
	toks := r.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		if (t.Kind != arabic.Word && t.Kind != arabic.Latin) || !r.ok(i) {
			i++
			continue
		}
		bestEnd, bestOff := 0, 0
		var bestNode int32
		lil, bestLil := false, false
		try := func(e wordEntry, off int) {
			if e.node == 0 {
				return
			}
			if end, node := r.walk(e.node, i); end > bestEnd {
				bestEnd, bestNode, bestOff, bestLil = end, node, off, lil
			}
		}
		var cue int16
		cueOff := 0
		e, found := m.lookup(t.Norm)
		if found {
			try(e, 0)
			cue = e.cue
		}
		// The forms without proclitics, unless the word as written is a name
		// or a function word.
		if w := t.Norm; bestEnd == 0 && t.Kind == arabic.Word && !(found && e.flags&lexStop != 0) {
			if strings.HasPrefix(w, "ال") {
				// The article only (what Segment strips from such a word): the
				// bare name when it keeps four letters (الخفسة → خفسة).
				if len(w) >= 12 && arabicOnlyWord(w) {
					if e, ok := m.lookup(w[len("ال"):]); ok {
						try(e, 0)
					}
				}
			} else if rest, ok := shortConj(w); ok {
				// وتل: Segment leaves words of three letters whole.
				if e, ok := m.lookup(rest); ok {
					try(e, 1)
					if cue == 0 && e.cue != 0 {
						cue, cueOff = e.cue, 1
					}
				}
			} else if stem, cl := arabic.Segment(w); cl != 0 && len(stem) < len(w) {
				prefix := w[:len(w)-len(stem)]
				pre := len(prefix) / 2 // Segment strips from Arabic-only words: two bytes a letter
				if cl.Conj() && (cl.Prep() || cl.Article()) {
					// و/ف only: وكندة is و + كندة before it is و + ك + ندة.
					if e, ok := m.lookup(w[len("و"):]); ok {
						try(e, 1)
						if cue == 0 && e.cue != 0 {
							cue, cueOff = e.cue, 1
						}
					}
				}
				if cl.Article() {
					clit := pre - 2
					if !strings.HasSuffix(prefix, "ال") {
						clit = pre - 1 // لل: the article's alef is not written
						lil = true
					}
					if clit > 0 {
						r.buf = append(append(r.buf[:0], "ال"...), stem...)
						if e, ok := m.lookup(string(r.buf)); ok {
							try(e, clit)
							if cue == 0 && e.cue != 0 {
								cue, cueOff = e.cue, clit
							}
						}
					}
					lil = false
					if len(stem) >= 8 {
						if e, ok := m.lookup(stem); ok {
							try(e, max(clit, 0))
						}
					}
				} else if e, ok := m.lookup(stem); ok {
					try(e, pre)
					if cue == 0 && e.cue != 0 {
						cue, cueOff = e.cue, pre
					}
				}
			}
		}
		if cue != 0 && bestEnd == i+1 {
			bestEnd = 0 // a cue word alone (قرى, مدينة, تل) is the cue, not a village of that name
		}
		if bestEnd > 0 {
			r.ms = append(r.ms, mention{a: i, b: bestEnd, off: bestOff, node: bestNode, ids: m.nodes[bestNode].ids, lil: bestLil,
				cue: -1, dir: -1, pplace: -1, loc: -1, place: -1})
			i = bestEnd
			continue
		}
		if cue != 0 {
			r.cues = append(r.cues, cueTok{tok: i, off: cueOff, cue: cue})
		}
		i++
	}
}

// walk follows the trie from node n (reached by token i) over the next
// tokens and returns the end of the longest name and its node.
func (r *recognizer) walk(n int32, i int) (int, int32) {
	end, last := 0, int32(0)
	if r.m.nodes[n].ids != nil {
		end, last = i+1, n
	}
	prev := i
	for j := i + 1; j < len(r.toks) && j <= i+16; j++ {
		nd := &r.m.nodes[n]
		if nd.child == 0 && nd.next == nil {
			break
		}
		t := r.toks[j]
		if !r.ok(j) || r.brokenBetween(prev, j) {
			break
		}
		if t.Kind == arabic.Punct && isJoiner(r.text[t.Start:t.End]) {
			prev = j
			continue
		}
		if t.Kind != arabic.Word && t.Kind != arabic.Latin && t.Kind != arabic.Numeral {
			break
		}
		c := r.m.childOf(n, t.Norm)
		if c == 0 {
			break
		}
		n, prev = c, j
		if r.m.nodes[n].ids != nil {
			end, last = j+1, n
		}
	}
	return end, last
}

// lex returns the lexicon entry of token i: of the word as written, else
// of the word without its proclitics (the article kept), and the number
// of proclitic letters and the clitics stripped.
func (r *recognizer) lex(i int) (wordEntry, int, arabic.Clitics) {
	if !r.ok(i) || (r.toks[i].Kind != arabic.Word) {
		return wordEntry{}, 0, 0
	}
	w := r.toks[i].Norm
	if e, ok := r.m.words[w]; ok && (e.cue != 0 || e.flags != 0) {
		return e, 0, 0
	}
	if rest, ok := shortConj(w); ok {
		return r.m.words[rest], 1, arabic.CliticWa
	}
	stem, cl := arabic.Segment(w)
	if cl == 0 || len(stem) == len(w) {
		return wordEntry{}, 0, 0
	}
	prefix := w[:len(w)-len(stem)]
	pre := utf8.RuneCountInString(prefix)
	if cl.Article() {
		clit := pre - 2
		if !strings.HasSuffix(prefix, "ال") {
			clit = pre - 1
		}
		if clit <= 0 {
			return wordEntry{}, 0, 0
		}
		r.buf = append(append(r.buf[:0], "ال"...), stem...)
		e := r.m.words[string(r.buf)]
		return e, clit, cl
	}
	return r.m.words[stem], pre, cl
}

// arabicOnlyWord reports whether w is made of two-byte Arabic-block
// letters only (a folded Arabic word).
func arabicOnlyWord(w string) bool {
	if len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if c := w[i]; c < 0xD8 || c > 0xDB {
			return false
		}
	}
	return true
}

// shortConj splits و or ف off a word of three letters (وتل, فحي), which
// Segment leaves whole.
func shortConj(w string) (string, bool) {
	if len(w) != 6 || !(strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) || !arabicOnlyWord(w) {
		return "", false
	}
	return w[2:], true
}

// hasConj reports whether token i begins with the conjunction و (and is
// more than it).
func (r *recognizer) hasConj(i int) bool {
	if !r.isWord(i) {
		return false
	}
	w := r.toks[i].Norm
	if !strings.HasPrefix(w, "و") || utf8.RuneCountInString(w) < 3 {
		return false
	}
	if _, cl := arabic.Segment(w); cl&arabic.CliticWa != 0 {
		return true
	}
	_, ok := shortConj(w) // وتل: three letters, which Segment keeps whole
	return ok
}

// cueAt returns the cue of token i, if it is one, and its proclitic letters.
func (r *recognizer) cueAt(i int) (*cueDef, int) {
	e, off, _ := r.lex(i)
	if e.cue == 0 {
		return nil, 0
	}
	return &r.m.cues[e.cue-1], off
}

// attachCues records the cue and direction word before each gazetteer
// name and turns "تلة X" before a known settlement into the feature.
func (r *recognizer) attachCues() {
	prevEnd := 0
	for k := range r.ms {
		ms := &r.ms[k]
		j := ms.a - 1
		for j >= prevEnd && isOpenQuote(r.punct(j)) {
			j--
		}
		if j >= prevEnd && !r.brokenBetween(j, ms.a) && !r.counted(j) && !r.cliticsBeyondConjAt(ms.a, ms.off) {
			if d, off := r.cueAt(j); d != nil {
				ms.cue, ms.cueOff, ms.cueDef = j, off, d
				j--
			}
		}
		if j >= prevEnd && r.ok(j) && !r.brokenBetween(j, ms.a) {
			if e, _, _ := r.lex(j); e.flags&(lexDirection|lexNear) != 0 {
				ms.dir = j
				if e2, _, _ := r.lex(j - 1); j-1 >= prevEnd && e2.flags&lexDirection != 0 && e.flags&lexDirection != 0 {
					ms.dir = j - 1 // شمال غرب X
				}
			}
		}
		prevEnd = ms.b
		if ms.cueDef != nil && ms.cueDef.class == cueFeature {
			r.featureOf(k)
		}
	}
}

// featureKind reports whether kind k is what a feature cue names.
func featureKind(cue *cueDef, k Kind) bool {
	switch cue.kind {
	case Village: // مزرعة X: a farm named after the village X
		return false
	case Mountain:
		return k == Mountain
	case Airport, Base:
		return k == Airport || k == Base
	}
	return k == cue.kind
}

// featureOf handles a feature cue before gazetteer name k: the feature's
// own entry when the gazetteer has one (مطار ديرالزور → مطار دير الزور
// العسكري), else a new feature named after the place.
func (r *recognizer) featureOf(k int) {
	ms := &r.ms[k]
	d := ms.cueDef
	for _, id := range ms.ids {
		if featureKind(d, r.g.Places[id].Kind) {
			return // the name itself is such a feature (تلة + a hill's name)
		}
	}
	var found []int32
	heads := []string{Fold(d.lemma)}
	switch d.lemma {
	case "تلة":
		heads = append(heads, "تل")
	case "مطار":
		heads = append(heads, "قاعده")
	case "قاعدة":
		heads = append(heads, "مطار")
	}
	for _, id := range ms.ids {
		p := &r.g.Places[id]
		for _, name := range p.Names() {
			for _, h := range heads {
				for _, fid := range r.g.index[h+" "+Fold(name)] {
					if featureKind(d, r.g.Places[fid].Kind) && !slices.Contains(found, fid) {
						found = append(found, fid)
					}
				}
			}
		}
		if len(found) > 0 {
			break
		}
	}
	ms.feature = true
	ms.a, ms.off = ms.cue, ms.cueOff
	if len(found) > 0 {
		ms.ids, ms.node = found, 0
		return
	}
	// A new feature named after the place, which becomes its parent.
	ms.pids, ms.ids, ms.node = ms.ids, nil, 0
	ms.newKind = d.kind
}

// admitNew reads the names after cues that do not start a gazetteer name,
// and the lists of plural cues.
func (r *recognizer) admitNew() {
	if len(r.cues) == 0 {
		return
	}
	rawAt := r.rawAt
	for k := range r.ms {
		if !r.ms[k].drop {
			rawAt[r.ms[k].a] = k
		}
	}
	for _, c := range r.cues {
		d := &r.m.cues[c.cue-1]
		j := c.tok + 1
		if !r.ok(j) || r.brokenBetween(c.tok, j) || r.counted(c.tok) {
			continue
		}
		// A cue followed by another (مدن وبلدات X): the list starts after the last.
		if d2, _ := r.cueAt(j); d2 != nil && r.hasConj(j) {
			continue
		}
		if d.count == 3 {
			if j = r.skipListIntro(j); j < 0 {
				continue
			}
		}
		quoted := false
		if isOpenQuote(r.punct(j)) {
			quoted = true
			j++
		}
		if !r.ok(j) {
			continue
		}
		if d.class == cueUnit {
			if r.toks[j].Kind == arabic.Numeral && !r.brokenBetween(c.tok, j) {
				if _, raw := rawAt[j]; !raw {
					r.ms = append(r.ms, mention{a: c.tok, b: j + 1, off: c.off, cue: c.tok, cueOff: c.off, cueDef: d,
						feature: true, newKind: d.kind, dir: -1, pplace: -1, loc: -1, place: -1})
				}
			}
			continue
		}
		maxItems := 1
		switch d.count {
		case 2:
			maxItems = 2
		case 3:
			maxItems = 40
		}
		pos := j
		for n := 0; n < maxItems; n++ {
			var end int
			if k, raw := rawAt[pos]; raw && quoted && r.ok(r.ms[k].b) && r.isWord(r.ms[k].b) && !r.hasConj(r.ms[k].b) {
				// In quotes the item runs to the comma: " عين البيضا , ..."
				mn, ok := r.parseNew(pos, true, d, n > 0, rawAt)
				if !ok || mn.b <= r.ms[k].b {
					break
				}
				r.ms[k].drop = true
				mn.pids = r.ms[k].ids
				mn.inList, mn.cueDef = true, d
				if n == 0 {
					mn.cue, mn.cueOff = c.tok, c.off
				}
				r.ms = append(r.ms, mn)
				end = mn.b
			} else if raw {
				ms := &r.ms[k]
				if n == 0 && r.cliticsBeyondConjAt(ms.a, ms.off) {
					break // محافظة بابل is not محافظة + ب + ابل
				}
				if ms.cue < 0 && ms.cueDef == nil {
					ms.cueDef = d
					if n == 0 {
						ms.cue, ms.cueOff = c.tok, c.off
					}
				}
				ms.inList = ms.inList || n > 0 || d.count > 1
				end = ms.b
			} else {
				if d.admit == admitNone || (n == 0 && r.hasConj(pos)) {
					break // "مدن وبلدات": nouns, not a name
				}
				mn, ok := r.parseNew(pos, quoted, d, n > 0, rawAt)
				if !ok {
					break
				}
				mn.cueDef = d
				if n == 0 {
					mn.cue, mn.cueOff = c.tok, c.off
					if d.class != cueType && d.count == 1 {
						mn.feature = true
						mn.a, mn.off = c.tok, c.off
					}
				}
				mn.inList = n > 0 || d.count > 1
				r.ms = append(r.ms, mn)
				end = mn.b
			}
			if d.count == 1 {
				break
			}
			next, ok := r.nextItem(end, quoted, rawAt)
			if !ok {
				break
			}
			pos = next
		}
	}
}

// listIntro are the words that point from a plural cue to its list
// ("بلدات أخرى بينها X وY", "قرى عدة أبرزها X"); listAdjectives may come
// before them but do not start a list on their own ("بلدات عدة مشمولة").
var listIntro, listAdjectives = map[string]bool{}, map[string]bool{}

func init() {
	for _, w := range []string{"بينها", "منها", "ومنها", "أبرزها", "وأبرزها", "أهمها", "وأهمها", "هي", "وهي", "مثل", "التالية"} {
		listIntro[arabic.Fold(w)] = true
	}
	for _, w := range []string{"أخرى", "عدة", "عديدة", "كثيرة", "مجاورة", "محيطة"} {
		listAdjectives[arabic.Fold(w)] = true
	}
}

// skipListIntro returns the first token of a plural cue's list when it
// does not start at token j: past list adjectives and a pointing word or
// colon; -1 when adjectives are not followed by one.
func (r *recognizer) skipListIntro(j int) int {
	adj := false
	for n := 0; n < 2 && r.isWord(j) && listAdjectives[r.toks[j].Norm] && !r.brokenBetween(j-1, j); n++ {
		j, adj = j+1, true
	}
	switch {
	case r.punct(j) == ":":
		return j + 1
	case r.isWord(j) && listIntro[r.toks[j].Norm] && !r.brokenBetween(j-1, j):
		if r.punct(j+1) == ":" {
			return j + 2
		}
		return j + 1
	case adj:
		return -1
	}
	return j
}

// counted reports whether the noun at token i is counted ("60 قرية",
// "عدة بلدات"): a count of places, not one named.
func (r *recognizer) counted(i int) bool {
	if i == 0 || !r.ok(i-1) {
		return false
	}
	if r.toks[i-1].Kind == arabic.Numeral {
		return true
	}
	e, _, _ := r.lex(i - 1)
	return e.flags&lexQuantity != 0
}

// nextItem returns the first token of the list item after token end-1.
func (r *recognizer) nextItem(end int, quoted bool, rawAt map[int]int) (int, bool) {
	if !r.ok(end) || r.brokenBetween(end-1, end) {
		return 0, false
	}
	if r.hasConj(end) {
		return end, true
	}
	if _, raw := rawAt[end]; raw && !quoted {
		return end, true // names side by side: "قرى الكسرة الغربية وجزرة"
	}
	if isComma(r.punct(end)) && r.ok(end+1) && !r.brokenBetween(end, end+1) {
		if quoted {
			return end + 1, r.isWord(end + 1)
		}
		if _, raw := rawAt[end+1]; raw {
			return end + 1, true
		}
	}
	return 0, false
}

// parseNew reads a name the gazetteer lacks at token pos. cont: a list
// item after the first, which may carry the conjunction و.
func (r *recognizer) parseNew(pos int, quoted bool, d *cueDef, cont bool, rawAt map[int]int) (mention, bool) {
	mn := mention{a: pos, cue: -1, dir: -1, pplace: -1, loc: -1, place: -1, newKind: d.kind}
	if !r.isWord(pos) {
		return mn, false
	}
	w := r.toks[pos].Norm
	if cont && r.hasConj(pos) {
		w = w[len("و"):]
		mn.off = 1
	}
	if !r.nameWord(w) && !(quoted && r.m.words[w].flags&lexHead != 0) {
		return mn, false
	}
	if d.admit == admitDefinite && !quoted && !strings.HasPrefix(w, "ال") {
		return mn, false
	}
	if !quoted && strings.HasPrefix(w, "ي") && utf8.RuneCountInString(w) <= 4 {
		return mn, false // يقع، يبلغ: a verb, not a name
	}
	if _, cl := arabic.Segment(w); cl.Prep() && cl.Article() && mn.off == 0 {
		return mn, false // للعالم: a preposition and the article, not a name (a name such as لطمين is not)
	}
	if !quoted && d.count == 1 && !strings.HasPrefix(w, "ال") && agrees(d.lemma, w) {
		return mn, false // مطار حربي, مدينة تاريخية: an adjective of the cue
	}
	e := r.m.words[w]
	b := pos + 1
	stop := func(j int) bool { // token j cannot continue the name
		if !r.isWord(j) || r.brokenBetween(j-1, j) {
			return true
		}
		if k, raw := rawAt[j]; raw && !r.absorbable(k) {
			return true
		}
		return r.hasConj(j)
	}
	if quoted {
		// Everything up to the comma or the closing quote, four words at most.
		for b < pos+4 && !stop(b) {
			if w := r.toks[b].Norm; !r.nameWord(w) && r.m.words[w].flags&lexTail == 0 {
				break
			}
			b++
		}
		if !isComma(r.punct(b)) && !isCloseQuote(r.punct(b)) && !r.hasConj(b) {
			return mn, false
		}
	} else {
		if e.flags&lexHead != 0 && !stop(b) && r.nameWord(r.toks[b].Norm) {
			b++
		} else if !stop(b) {
			w2 := r.toks[b].Norm
			e2 := r.m.words[w2]
			_, cl2 := arabic.Segment(w2)
			switch {
			case cl2.Prep():
			case e2.flags&lexTail != 0:
				if strings.HasPrefix(w2, "ال") || r.itemEnds(b+1) {
					b++ // "شرقي" before a word is a preposition: إلازيج شرقي تركيا
				}
			case !r.nameWord(w2) || e2.flags&lexFeatTail != 0:
			case strings.HasPrefix(w2, "ال"):
				if !participle(w2) && !isNisba(w2) && !strings.HasSuffix(w2, "ي") {
					b++
				}
			case !strings.HasPrefix(w, "ال") && r.itemEnds(b+1) && !strings.HasSuffix(w2, "ا"):
				b++
			}
		}
		if b < pos+3 && !stop(b) {
			if e3 := r.m.words[r.toks[b].Norm]; e3.flags&lexTail != 0 && b > pos+1 {
				b++
			}
		}
	}
	mn.b = b
	for j := pos + 1; j < b; j++ {
		if k, raw := rawAt[j]; raw {
			r.ms[k].drop = true // absorbed: كفر الجبل
		}
	}
	return mn, true
}

// absorbable reports whether gazetteer mention k can be the second word of
// a longer name: one word that is also a common word (الجبل in "قتبان
// الجبل") or a region's bare name (شامية in "حويجة شامية").
func (r *recognizer) absorbable(k int) bool {
	ms := &r.ms[k]
	if ms.node == 0 || ms.b != ms.a+1 || ms.off != 0 {
		return false
	}
	nd := &r.m.nodes[ms.node]
	return nd.common || nd.lexical || r.g.Places[nd.ids[0]].Kind == Region
}

// itemEnds reports whether a name ends before token j: punctuation, a line
// break, the end, a word with و, or a locating preposition (بريف, في).
func (r *recognizer) itemEnds(j int) bool {
	if !r.ok(j) || r.toks[j].Kind == arabic.Punct || r.brokenBetween(j-1, j) {
		return true
	}
	if r.hasConj(j) {
		return true
	}
	e, off, _ := r.lex(j)
	return e.flags&lexIn != 0 || (off > 0 && e.cue != 0)
}

// nameWord reports whether the folded word w can be (part of) a name the
// gazetteer lacks: two letters or more, not a function word, common noun
// or adjective, cue, direction or proximity word.
func (r *recognizer) nameWord(w string) bool {
	if n := utf8.RuneCountInString(w); n < 2 || n < 3 && r.m.words[w].flags&lexHead == 0 {
		return false
	}
	for _, c := range w {
		if !unicode.Is(unicode.Arabic, c) {
			return false
		}
	}
	e := r.m.words[w]
	if e.cue != 0 || e.flags&(lexStop|lexDirection|lexNear|lexFeatTail|lexIn) != 0 {
		return false
	}
	return true
}

// agrees reports whether an indefinite word after a cue has the ending of
// a relative adjective agreeing with it in gender: -ية after a feminine
// cue (مدينة تاريخية), -ي after a masculine one (مطار حربي).
func agrees(cue, w string) bool {
	if strings.HasSuffix(cue, "ة") {
		return strings.HasSuffix(w, "يه")
	}
	n := utf8.RuneCountInString(w)
	return strings.HasSuffix(w, "ي") && n >= 4 && n <= 6 // not a foreign surname in -سكي
}

// participle reports whether a word with the article has the shape of a
// participle or verbal adjective (الخاضعة, الواقعة, المحاصرة, المجاورة)
// rather than of a name's second word.
func participle(w string) bool {
	rest, ok := strings.CutPrefix(w, "ال")
	if !ok {
		return false
	}
	rs := []rune(rest)
	if len(rs) < 4 {
		return false
	}
	return rs[0] == 'م' || rs[1] == 'ا'
}

// extend turns a gazetteer name inside a cue's scope that a name word
// follows into the longer name of another place (قرية حويجة المريعية,
// منطقة جروف الحمام, بلدة قلعة المضيق): villages are often named after a
// neighbour with a second word. The known place becomes the parent.
func (r *recognizer) extend() {
	for k := range r.ms {
		ms := &r.ms[k]
		if ms.drop || ms.node == 0 || ms.feature || ms.b-ms.a > 2 {
			continue
		}
		inScope := ms.inList || (ms.cueDef != nil && (ms.cueDef.class == cueType || ms.cueDef.class == cueSite))
		if !inScope && r.hasConj(ms.a) {
			if p := r.prevKept(k); p >= 0 && r.adjacent(p, k) {
				inScope = true
			}
		}
		if !inScope {
			continue
		}
		y := ms.b
		if !r.isWord(y) || r.brokenBetween(y-1, y) || r.hasConj(y) {
			continue
		}
		w := r.toks[y].Norm
		if !r.nameWord(w) || r.m.words[w].flags&lexTail != 0 {
			continue
		}
		if e, off, _ := r.lex(y); off > 0 || e.cue != 0 {
			continue
		}
		if _, cl := arabic.Segment(w); cl.Prep() {
			continue
		}
		absorb := -1
		if k2 := r.nextKept(k); k2 >= 0 && r.ms[k2].a == y {
			if !r.absorbable(k2) {
				continue
			}
			absorb = k2
		} else if k2 >= 0 && r.ms[k2].a < y+1 && r.ms[k2].b > y {
			continue
		}
		if k := r.g.Places[ms.ids[0]].Kind; !k.IsSettlement() && k != Camp {
			continue // روسيا وإيران تتواجد: only villages take a second word
		}
		first := r.toks[ms.a].Norm
		if ms.off > 0 {
			first = string([]rune(first)[ms.off:])
		}
		if strings.HasPrefix(w, "ال") {
			if participle(w) || isNisba(w) || strings.HasSuffix(w, "ي") {
				continue
			}
		} else if strings.HasPrefix(first, "ال") || !r.itemEnds(y+1) || strings.HasSuffix(w, "ا") ||
			strings.HasPrefix(w, "ي") || strings.HasPrefix(w, "ت") {
			continue // تتواجد, يقع: a verb
		}
		if absorb >= 0 {
			r.ms[absorb].drop = true
		}
		ms.pids, ms.ids, ms.node = ms.ids, nil, 0
		ms.b = y + 1
		ms.newKind = Village
		if ms.cueDef != nil && ms.cueDef.class == cueType {
			ms.newKind = ms.cueDef.kind
		}
	}
}
