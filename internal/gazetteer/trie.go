package gazetteer

import (
	"hash/maphash"
	"slices"

	"rasad/internal/arabic"
)

// matcher is the recognizer's index: a trie over the folded words of every
// gazetteer name (each name tokenized exactly as text is, so a name's path
// meets the tokens of the text that writes it) and the word lexicon.
type matcher struct {
	words map[string]wordEntry // first words of names, cues, lexicon words
	nodes []trieNode           // nodes[0] is the root (its children are words[*].node)
	cues  []cueDef
	// filter is a Bloom filter of the keys of words: two thirds of a news
	// text's words are in none of them, and the filter (64 KB, cached)
	// answers for those without the map's cache misses.
	filter []uint64
	seed   maphash.Seed
}

const filterBits = 1 << 19

// buildFilter fills m.filter from m.words.
func (m *matcher) buildFilter() {
	m.seed = maphash.MakeSeed()
	m.filter = make([]uint64, filterBits/64)
	for w := range m.words {
		h := maphash.String(m.seed, w)
		for _, b := range [2]uint64{h & (filterBits - 1), (h >> 32) & (filterBits - 1)} {
			m.filter[b/64] |= 1 << (b % 64)
		}
	}
}

// mayHave reports whether w may be a key of m.words (false: it is not).
func (m *matcher) mayHave(w string) bool {
	h := maphash.String(m.seed, w)
	b1, b2 := h&(filterBits-1), (h>>32)&(filterBits-1)
	return m.filter[b1/64]&(1<<(b1%64)) != 0 && m.filter[b2/64]&(1<<(b2%64)) != 0
}

// lookup is m.words[w] behind the filter.
func (m *matcher) lookup(w string) (wordEntry, bool) {
	if !m.mayHave(w) {
		return wordEntry{}, false
	}
	e, ok := m.words[w]
	return e, ok
}

// trieNode is one node of the name trie.
type trieNode struct {
	ids        []int32          // places whose name ends here, most prominent first
	key        string           // the folded name ending here ("" when ids is nil)
	common     bool             // the name is also a common word (see common.go)
	veryCommon bool             // ... and a very frequent one
	river      bool             // the name is a river's or lake's and does not say so (الفرات)
	lexical    bool             // the name is a word of the recognizer's lexicon (ظهر, الشرقي, المدينة)
	word       string           // the only child's word, when next is nil
	child      int32            // the only child (0 = none)
	next       map[string]int32 // children, when more than one
}

// childOf returns the child of node n along word w, or 0.
func (m *matcher) childOf(n int32, w string) int32 {
	nd := &m.nodes[n]
	if nd.next != nil {
		return nd.next[w]
	}
	if nd.child != 0 && nd.word == w {
		return nd.child
	}
	return 0
}

func (m *matcher) addChild(n int32, w string) int32 {
	if c := m.childOf(n, w); c != 0 {
		return c
	}
	m.nodes = append(m.nodes, trieNode{})
	c := int32(len(m.nodes) - 1)
	nd := &m.nodes[n]
	switch {
	case nd.next != nil:
		nd.next[w] = c
	case nd.child == 0:
		nd.word, nd.child = w, c
	default:
		nd.next = map[string]int32{nd.word: nd.child, w: c}
		nd.word, nd.child = "", 0
	}
	return c
}

// nameWords returns the matching words of a folded key: the Norm of its
// word, Latin and numeral tokens.
func nameWords(key string) []string {
	var out []string
	for _, t := range arabic.Tokenize(key) {
		switch t.Kind {
		case arabic.Word, arabic.Latin, arabic.Numeral:
			out = append(out, t.Norm)
		}
	}
	return out
}

// buildMatcher builds the trie and lexicon of g.
func buildMatcher(g *Gazetteer) *matcher {
	m := &matcher{words: make(map[string]wordEntry, len(g.index)), nodes: make([]trieNode, 1, 1+len(g.index)*5/4)}
	for key, ids := range g.index {
		if rest := stripTypeWord(key); rest != key && coversAll(g.index[rest], ids) {
			// "مدينة حمص": the type word is matched as a cue before "حمص".
			continue
		}
		ws := nameWords(key)
		if len(ws) == 0 {
			continue
		}
		e := m.words[ws[0]]
		if e.node == 0 {
			m.nodes = append(m.nodes, trieNode{})
			e.node = int32(len(m.nodes) - 1)
			m.words[ws[0]] = e
		}
		n := e.node
		for _, w := range ws[1:] {
			n = m.addChild(n, w)
		}
		nd := &m.nodes[n]
		if nd.ids == nil {
			nd.ids, nd.key = ids, key
			continue
		}
		// Two keys with the same words (they differ in punctuation only).
		merged := slices.Clone(nd.ids)
		for _, id := range ids {
			if !slices.Contains(merged, id) {
				merged = append(merged, id)
			}
		}
		slices.SortStableFunc(merged, func(a, b int32) int { return g.Places[b].Rank - g.Places[a].Rank })
		nd.ids = merged
		if key < nd.key {
			nd.key = key
		}
	}
	m.addLexicon()
	m.buildFilter()
	// A one-word name that is a lexicon word (a function word, cue, direction
	// or common adjective: "ظهر", "الشرقي", "مدينة") is also a common word.
	const lexical = lexStop | lexDirection | lexNear | lexTail | lexFeatTail | lexIn
	for _, e := range m.words {
		if e.node != 0 && m.nodes[e.node].ids != nil && (e.cue != 0 || e.flags&lexical != 0) {
			m.nodes[e.node].lexical = true
		}
	}
	for i := range m.nodes {
		m.nodes[i].river = isRiverName(g, &m.nodes[i])
	}
	for key, docs := range commonNames {
		if n := m.lookupWords(nameWords(key)); n != 0 {
			m.nodes[n].common = true
			m.nodes[n].veryCommon = docs >= veryCommon
		}
	}
	return m
}

// lookupWords returns the node that ends the path ws, or 0.
func (m *matcher) lookupWords(ws []string) int32 {
	if len(ws) == 0 {
		return 0
	}
	n := m.words[ws[0]].node
	for _, w := range ws[1:] {
		if n == 0 {
			return 0
		}
		n = m.childOf(n, w)
	}
	if n == 0 || m.nodes[n].ids == nil {
		return 0
	}
	return n
}

// coversAll reports whether every id of ids is in of.
func coversAll(of, ids []int32) bool {
	for _, id := range ids {
		if !slices.Contains(of, id) {
			return false
		}
	}
	return len(ids) > 0
}
