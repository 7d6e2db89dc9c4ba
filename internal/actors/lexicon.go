package actors

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	actordata "rasad/data/actors"
	"rasad/internal/arabic"
)

// Framing says whose vocabulary a surface form belongs to.
type Framing string

// Framing values (see data/actors/README.md).
const (
	Neutral    Framing = "neutral"    // wire services, descriptive names
	Government Framing = "government" // Syrian state media and its allies
	Opposition Framing = "opposition" // Syrian opposition and pro-opposition media
	IS         Framing = "is"         // the Islamic State's own vocabulary
	SDF        Framing = "sdf"        // the SDF / autonomous administration's own vocabulary
	Turkish    Framing = "turkish"    // Turkish state and pro-Turkish media
	Pejorative Framing = "pejorative" // derogatory naming shared by an actor's opponents
)

var framings = map[Framing]bool{Neutral: true, Government: true, Opposition: true,
	IS: true, SDF: true, Turkish: true, Pejorative: true}

// IDs are the canonical actor ids of the spec (../shared/spec/events.md).
var IDs = []string{"syrian_government", "russia", "islamic_state", "sdf", "coalition",
	"opposition", "hts", "turkey", "iran", "hezbollah", "israel", "iraq", "civilians", "unknown"}

var canonical = func() map[string]bool {
	m := map[string]bool{}
	for _, id := range IDs {
		m[id] = true
	}
	return m
}()

// idBit is the bit of a canonical id in an id set.
func idBit(id string) uint32 {
	for k, x := range IDs {
		if x == id {
			return 1 << k
		}
	}
	return 0
}

// armed reports whether id is a fighting side (antecedent of "*").
func armed(id string) bool { return canonical[id] && id != "civilians" && id != "unknown" }

// Entry kinds of lexicon.tsv.
const (
	KindOrg        = "org"
	KindForce      = "force"
	KindState      = "state"
	KindBody       = "body"
	KindPerson     = "person"
	KindCivilian   = "civilian"
	KindComplement = "complement"
	KindAdj        = "adj"
	KindAdjMilitia = "adj_militia"
	KindBlock      = "block"
	// Kinds that only occur on Mentions.
	KindRole    = "role"    // a title linked to a side: "المتحدث باسم قسد"
	KindTarget  = "target"  // positions of a side: "مواقع النظام"
	KindBackRef = "backref" // resolved back-reference word
)

var entryKinds = map[string]bool{KindOrg: true, KindForce: true, KindState: true, KindBody: true,
	KindPerson: true, KindCivilian: true, KindComplement: true, KindAdj: true,
	KindAdjMilitia: true, KindBlock: true}

// Entry is one line of the actor lexicon.
type Entry struct {
	ID, Group, Form string
	Framing         Framing
	Kind            string // org, force, state, body, person, civilian, complement, adj, adj_militia, block
	Notes           string
}

// Source is an attribution source that reports cite (not an event actor).
type Source struct{ Name, Kind, Affiliation string }

// SourceMention is one occurrence of a cited source.
type SourceMention struct {
	Start, End int    // byte offsets in the text
	Text       string // surface form as written
	Source     Source
}

// Mention is one actor mention found in a text.
type Mention struct {
	Start, End int    // byte offsets in the text
	Text       string // surface form as written (leading proclitics excluded)
	ID, Group  string
	Framing    Framing
	BackRef    bool   // resolved from a back-reference word
	Kind       string // org, force, state, body, person, civilian, role, target, backref
	Role       string // for Kind role: spokesperson, commander, official, source
}

// backref is one line of backrefs.tsv.
type backref struct {
	word     string
	fallback string
	syria    bool   // the fallback needs a text about Syria
	idx      int    // load order, for the resolution cache
	ante     uint32 // set of idBit
	anyArmed bool
	token    string // folded; compared without "ال" unless exact
	exact    bool
	framing  Framing
}

// gword is one line of grammar.tsv.
type gword struct {
	class, form, value string
	framing            Framing
}

type srcEntry struct {
	Source
	prior bool
}

// node is a trie node over folded tokens. One trie holds every class; a
// node carries the payload of each class whose form ends there.
type node struct {
	next map[string]*node

	entry              *Entry // standalone or complement entry
	adjDef, adjIndef   *Entry
	milDef, milIndef   *Entry
	br                 *backref
	forceDef, forceInd *gword
	modDef, modIndef   bool
	link               *gword
	roleDef, roleInd   *gword
	connector          bool
	suffix             *gword
	src                *srcEntry
}

func (n *node) child(tok string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c := n.next[tok]
	if c == nil {
		c = &node{}
		n.next[tok] = c
	}
	return c
}

// Lexicon is a loaded actor lexicon. It is safe for concurrent use.
type Lexicon struct {
	root     *node           // actors and grammar
	sroot    *node           // sources
	nbr      int             // number of back-reference words
	syriaCue map[string]bool // folded words that show a text is about Syria
	first    firstSet
	sfirst   firstSet
	entries  []Entry
	sources  []Source
}

// Entries returns the lexicon's entries in file order.
func (l *Lexicon) Entries() []Entry { return append([]Entry(nil), l.entries...) }

// Sources returns the distinct cited sources, sorted by name.
func (l *Lexicon) Sources() []Source { return append([]Source(nil), l.sources...) }

var (
	defOnce sync.Once
	defLex  *Lexicon
)

// Default returns the embedded lexicon (data/actors), loaded once.
func Default() *Lexicon {
	defOnce.Do(func() {
		l, err := New(actordata.FS)
		if err != nil {
			// The embedded data is checked by the package tests.
			panic("actors: embedded lexicon: " + err.Error())
		}
		defLex = l
	})
	return defLex
}

// New loads a lexicon from lexicon.tsv, backrefs.tsv, grammar.tsv and
// sources.tsv in fsys. Errors name the file and line.
func New(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{root: &node{}, sroot: &node{}}
	files := []struct {
		name string
		cols int
		load func(file string, line int, f []string) error
	}{
		{"lexicon.tsv", 5, l.addEntry},
		{"backrefs.tsv", 6, l.addBackref},
		{"grammar.tsv", 4, l.addGrammar},
		{"sources.tsv", 4, l.addSource},
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		if err := parseTSV(f.name, data, f.cols, f.load); err != nil {
			return nil, err
		}
	}
	for k := range l.root.next {
		l.first.add(k)
	}
	for k := range l.sroot.next {
		l.sfirst.add(k)
	}
	seen := map[string]bool{}
	uniq := l.sources[:0]
	for _, s := range l.sources {
		if !seen[s.Name] {
			seen[s.Name] = true
			uniq = append(uniq, s)
		}
	}
	l.sources = uniq
	sort.SliceStable(l.sources, func(i, j int) bool { return l.sources[i].Name < l.sources[j].Name })
	return l, nil
}

// parseTSV calls load for every non-comment line with at least min columns
// (missing trailing columns are empty).
func parseTSV(name string, data []byte, min int, load func(string, int, []string) error) error {
	line := 0
	for len(data) > 0 {
		line++
		var ln []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			ln, data = data, nil
		}
		s := strings.TrimRight(string(ln), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		f := strings.Split(s, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) < min {
			return fmt.Errorf("actors: %s:%d: %d columns, want at least %d", name, line, len(f), min)
		}
		for len(f) < min+1 {
			f = append(f, "")
		}
		if err := load(name, line, f); err != nil {
			return fmt.Errorf("actors: %s:%d: %w", name, line, err)
		}
	}
	return nil
}

// formTokens folds and tokenizes a lexicon form; it must consist of word,
// Latin or number tokens only.
func formTokens(form string) ([]string, error) {
	if form == "" {
		return nil, fmt.Errorf("empty form")
	}
	var out []string
	for _, t := range arabic.Tokenize(form) {
		switch t.Kind {
		case arabic.Word, arabic.Latin, arabic.Numeral:
			out = append(out, t.Norm)
		default:
			return nil, fmt.Errorf("form %q: punctuation or symbol %q is not allowed", form, form[t.Start:t.End])
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("form %q has no words", form)
	}
	return out, nil
}

func (l *Lexicon) insert(root *node, form string) (*node, error) {
	toks, err := formTokens(form)
	if err != nil {
		return nil, err
	}
	n := root
	for _, t := range toks {
		n = n.child(t)
	}
	return n, nil
}

func checkFraming(s string) (Framing, error) {
	if s == "" {
		return Neutral, nil
	}
	if !framings[Framing(s)] {
		return "", fmt.Errorf("unknown framing %q", s)
	}
	return Framing(s), nil
}

func (l *Lexicon) addEntry(_ string, _ int, f []string) error {
	e := Entry{ID: f[0], Group: f[1], Form: f[2], Kind: f[4], Notes: f[5]}
	fr, err := checkFraming(f[3])
	if err != nil {
		return err
	}
	e.Framing = fr
	if !entryKinds[e.Kind] {
		return fmt.Errorf("unknown kind %q", e.Kind)
	}
	if e.Kind == KindBlock {
		if e.ID != "-" {
			return fmt.Errorf("block entry %q must have id \"-\"", e.Form)
		}
	} else if !canonical[e.ID] {
		return fmt.Errorf("unknown actor id %q", e.ID)
	}
	n, err := l.insert(l.root, e.Form)
	if err != nil {
		return err
	}
	slot := &n.entry
	if e.Kind == KindAdj || e.Kind == KindAdjMilitia {
		def := strings.HasPrefix(arabic.Fold(e.Form), "ال")
		switch {
		case e.Kind == KindAdj && def:
			slot = &n.adjDef
		case e.Kind == KindAdj:
			slot = &n.adjIndef
		case def:
			slot = &n.milDef
		default:
			slot = &n.milIndef
		}
	}
	if *slot != nil {
		return fmt.Errorf("duplicate form %q (%s, already %s %s)", e.Form, e.Kind, (*slot).ID, (*slot).Kind)
	}
	p := new(Entry)
	*p = e
	*slot = p
	l.entries = append(l.entries, e)
	return nil
}

func (l *Lexicon) addBackref(_ string, _ int, f []string) error {
	b := &backref{word: f[0], fallback: f[1], idx: l.nbr}
	l.nbr++
	if b.fallback != "" && !canonical[b.fallback] {
		return fmt.Errorf("unknown fallback id %q", b.fallback)
	}
	switch f[2] {
	case "":
	case "syria":
		b.syria = true
	default:
		return fmt.Errorf("when %q, want \"syria\" or empty", f[2])
	}
	for _, a := range strings.Split(f[3], ",") {
		a = strings.TrimSpace(a)
		switch {
		case a == "":
		case a == "*":
			b.anyArmed = true
		case canonical[a]:
			b.ante |= idBit(a)
		default:
			return fmt.Errorf("unknown antecedent id %q", a)
		}
	}
	if f[4] != "" {
		toks, err := formTokens(f[4])
		if err != nil {
			return err
		}
		if len(toks) != 1 {
			return fmt.Errorf("token %q must be one word", f[4])
		}
		b.token = toks[0]
		b.exact = strings.HasPrefix(b.token, "ال")
	}
	if b.fallback == "" && b.ante == 0 && !b.anyArmed && b.token == "" {
		return fmt.Errorf("back-reference %q has neither a fallback nor antecedents", b.word)
	}
	fr, err := checkFraming(f[5])
	if err != nil {
		return err
	}
	b.framing = fr
	n, err := l.insert(l.root, b.word)
	if err != nil {
		return err
	}
	if n.br != nil {
		return fmt.Errorf("duplicate back-reference %q", b.word)
	}
	n.br = b
	return nil
}

var grammarClasses = map[string]bool{"force_indef": true, "force_def": true, "mod_def": true,
	"mod_indef": true, "link": true, "role_def": true, "role_indef": true, "connector": true, "suffix": true,
	"syria_cue": true}

func (l *Lexicon) addGrammar(_ string, _ int, f []string) error {
	g := &gword{class: f[0], form: f[1], value: f[2]}
	if !grammarClasses[g.class] {
		return fmt.Errorf("unknown class %q", g.class)
	}
	fr, err := checkFraming(f[3])
	if err != nil {
		return err
	}
	g.framing = fr
	switch g.class {
	case "force_indef", "force_def":
		if g.value != "force" && g.value != "militia" && g.value != "target" {
			return fmt.Errorf("%s %q: value %q, want force, militia or target", g.class, g.form, g.value)
		}
	case "link":
		if g.value != "same" && g.value != "proxy" {
			return fmt.Errorf("link %q: value %q, want same or proxy", g.form, g.value)
		}
	case "role_def", "role_indef":
		switch g.value {
		case "spokesperson", "commander", "official", "source":
		default:
			return fmt.Errorf("%s %q: value %q, want spokesperson, commander, official or source", g.class, g.form, g.value)
		}
	}
	if g.class == "syria_cue" {
		toks, err := formTokens(g.form)
		if err != nil {
			return err
		}
		if len(toks) != 1 {
			return fmt.Errorf("syria_cue %q must be one word", g.form)
		}
		if l.syriaCue == nil {
			l.syriaCue = map[string]bool{}
		}
		l.syriaCue[toks[0]] = true
		return nil
	}
	n, err := l.insert(l.root, g.form)
	if err != nil {
		return err
	}
	dup := false
	switch g.class {
	case "force_indef":
		dup, n.forceInd = n.forceInd != nil, g
	case "force_def":
		dup, n.forceDef = n.forceDef != nil, g
	case "mod_def":
		dup, n.modDef = n.modDef, true
	case "mod_indef":
		dup, n.modIndef = n.modIndef, true
	case "link":
		dup, n.link = n.link != nil, g
	case "role_def":
		dup, n.roleDef = n.roleDef != nil, g
	case "role_indef":
		dup, n.roleInd = n.roleInd != nil, g
	case "connector":
		dup, n.connector = n.connector, true
	case "suffix":
		dup, n.suffix = n.suffix != nil, g
	}
	if dup {
		return fmt.Errorf("duplicate %s %q", g.class, g.form)
	}
	return nil
}

var sourceKinds = map[string]bool{"monitor": true, "agency": true, "outlet": true, "official": true,
	"ngo": true, "un": true, "local": true}

var affiliations = map[string]bool{"government": true, "opposition": true, "is": true, "sdf": true,
	"turkish": true, "russian": true, "iranian": true, "hezbollah": true, "hts": true, "kurdish": true,
	"pan_arab": true, "gulf": true, "western": true, "international": true, "independent": true, "unknown": true}

func (l *Lexicon) addSource(_ string, _ int, f []string) error {
	s := &srcEntry{Source: Source{Name: f[0], Kind: f[2], Affiliation: f[3]}, prior: f[4] == "prior"}
	if s.Name == "" {
		return fmt.Errorf("empty source name")
	}
	if !sourceKinds[s.Kind] {
		return fmt.Errorf("unknown source kind %q", s.Kind)
	}
	if !affiliations[s.Affiliation] {
		return fmt.Errorf("unknown affiliation %q", s.Affiliation)
	}
	n, err := l.insert(l.sroot, f[1])
	if err != nil {
		return err
	}
	if n.src != nil {
		return fmt.Errorf("duplicate source form %q (already %s)", f[1], n.src.Name)
	}
	n.src = s
	l.sources = append(l.sources, s.Source)
	return nil
}
