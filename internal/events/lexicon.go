package events

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"rasad/internal/arabic"
)

//go:embed lexicon.tsv
var lexiconTSV string

// family is a class of trigger words (see lexicon.tsv).
type family uint8

const (
	famNone family = iota
	famAir
	famBarrel
	famShell
	famBomb
	famTarget
	famClash
	famAttack
	famTake
	famAdvance
	famWithdraw
	famIED
	famExplode
	famSuicide
	famArrest
	famAbduct
	famExecute
	famShoot
	famLoot
	famAgree
	famEvac
	famProtest
	famSiege
	famDown
	famDisrupt
	famMassacre
	numFamilies
)

var familyNames = [...]string{
	famNone: "", famAir: "air", famBarrel: "barrel", famShell: "shell", famBomb: "bomb",
	famTarget: "target", famClash: "clash", famAttack: "attack", famTake: "take",
	famAdvance: "advance", famWithdraw: "withdraw", famIED: "ied", famExplode: "explode",
	famSuicide: "suicide", famArrest: "arrest", famAbduct: "abduct", famExecute: "execute",
	famShoot: "shoot", famLoot: "loot", famAgree: "agree", famEvac: "evac",
	famProtest: "protest", famSiege: "siege", famDown: "down", famDisrupt: "disrupt",
	famMassacre: "massacre",
}

func (f family) String() string {
	if int(f) < len(familyNames) {
		return familyNames[f]
	}
	return fmt.Sprintf("family(%d)", f)
}

func familyByName(s string) family {
	for i, n := range familyNames {
		if n == s && n != "" {
			return family(i)
		}
	}
	return famNone
}

// phrase is a lexicon form: its words after the first, folded and stripped
// of proclitics, and what it means.
type phrase struct {
	rest   []string
	fam    family
	verb   bool
	future bool
}

// wordIndex maps the first word of every form to the forms starting with it.
type wordIndex map[string][]phrase

func (ix wordIndex) add(words []string, p phrase) {
	p.rest = words[1:]
	for _, q := range ix[words[0]] {
		if q.fam == p.fam && q.verb == p.verb && q.future == p.future && slicesEqual(q.rest, p.rest) {
			return
		}
	}
	ix[words[0]] = append(ix[words[0]], p)
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// setID names a cue set or word list of lexicon.tsv; the order of the
// constants is the order of setNames.
type setID uint8

const (
	cAir           setID = iota // air
	cHeli                       // heli
	cMissile                    // missile
	cShell                      // shell
	cSuicide                    // suicide
	cIed                        // ied
	cChemical                   // chemical
	cGrenade                    // grenade
	cAircraft                   // aircraft
	lNeg                        // neg
	lDeny                       // deny
	lModal                      // modal
	lAttempt                    // attempt
	lPast                       // past
	lKana                       // kana
	lSince                      // since
	lOrigin                     // origin
	lStative                    // stative
	lNofight                    // nofight
	lAfter                      // after
	lForce                      // force
	lComp                       // comp
	lSay                        // say
	lSourcehead                 // sourcehead
	lTitle                      // title
	lNotname                    // notname
	lSeat                       // seat
	lContainer                  // container
	lToward                     // toward
	lAgentprep                  // agentprep
	lSupport                    // support
	lUndergo                    // undergo
	lKill                       // kill
	lKillnoun                   // killnoun
	lHurt                       // hurt
	lSubset                     // subset
	lCivnoun                    // civnoun
	lFighter                    // fighter
	lAnaphor                    // anaphor
	lAnaphorplural              // anaphorplural
	lAnaphorblock               // anaphorblock
	lDeal                       // deal
	lReach                      // reach
	lPeople                     // people
	lLocnoun                    // locnoun
	lConsequence                // consequence
	lNewclause                  // newclause
	lClaim                      // claim
	lDemonst                    // demonst
	lLoss                       // loss
	lDirection                  // direction
	lForcenoun                  // forcenoun
	lHeld                       // held
	lAble                       // able
	lFire                       // fire
	lForeign                    // foreign
	lSegbreak                   // segbreak
	numSets
)

var setNames = [numSets]string{"air", "heli", "missile", "shell", "suicide", "ied", "chemical", "grenade", "aircraft", "neg", "deny", "modal", "attempt", "past", "kana", "since", "origin", "stative", "nofight", "after", "force", "comp", "say", "sourcehead", "title", "notname", "seat", "container", "toward", "agentprep", "support", "undergo", "kill", "killnoun", "hurt", "subset", "civnoun", "fighter", "anaphor", "anaphorplural", "anaphorblock", "deal", "reach", "people", "locnoun", "consequence", "newclause", "claim", "demonst", "loss", "direction", "forcenoun", "held", "able", "fire", "foreign", "segbreak"}

// lexicon is the parsed lexicon.tsv.
type lexicon struct {
	verbs wordIndex            // inflected verb forms (folded, conjunction stripped)
	nouns wordIndex            // noun forms (folded, proclitics stripped)
	cues  map[string]wordIndex // subtype cue sets by name
	lists map[string]wordIndex // closed word lists by name

	// every cue set and list in one index, for one lookup per token
	setID map[string]setID         // set name → bit
	sets  map[string][]setPhrase   // first word → the sets it starts a form of
	first [numSets]map[string]bool // per set: the first words of its forms
}

// setPhrase is a form of a cue set or list: the set and the form's words
// after the first.
type setPhrase struct {
	id   setID
	rest []string
}

// index builds the combined set index; every set of setNames must be
// defined and no other.
func (lx *lexicon) index() error {
	lx.setID = map[string]setID{}
	lx.sets = map[string][]setPhrase{}
	byName := map[string]setID{}
	for i, n := range setNames {
		byName[n] = setID(i)
	}
	for _, m := range []map[string]wordIndex{lx.cues, lx.lists} {
		for n, ix := range m {
			id, ok := byName[n]
			if !ok {
				return fmt.Errorf("set %q is not one the rules read (setNames)", n)
			}
			if _, dup := lx.setID[n]; dup {
				return fmt.Errorf("set %q is both a cue set and a list", n)
			}
			lx.setID[n] = id
			lx.first[id] = map[string]bool{}
			for k, ps := range ix {
				lx.first[id][k] = true
				for _, p := range ps {
					lx.sets[k] = append(lx.sets[k], setPhrase{id: id, rest: p.rest})
				}
			}
		}
	}
	for _, n := range setNames {
		if _, ok := lx.setID[n]; !ok {
			return fmt.Errorf("missing @list or @cue %s", n)
		}
	}
	// a stable order of the phrases of a key
	for k := range lx.sets {
		ps := lx.sets[k]
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].id < ps[j].id })
	}
	return nil
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
	lexErr  error
)

// theLexicon returns the embedded lexicon, parsed once. The embedded file is
// covered by the package tests, so an error here is a build defect.
func theLexicon() *lexicon {
	lexOnce.Do(func() { lexVal, lexErr = parseLexicon(lexiconTSV) })
	if lexErr != nil {
		panic("events: embedded lexicon.tsv: " + lexErr.Error())
	}
	return lexVal
}

// key folds one lexicon word the way text tokens are looked up.
func key(w string) string { return arabic.StripClitics(arabic.Fold(w)) }

func words(form string) []string {
	f := strings.Fields(form)
	out := make([]string, 0, len(f))
	for _, w := range f {
		out = append(out, key(w))
	}
	return out
}

// parseLexicon parses the lexicon format described at the top of lexicon.tsv.
func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{verbs: wordIndex{}, nouns: wordIndex{}, cues: map[string]wordIndex{}, lists: map[string]wordIndex{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("line %d: want 3 TAB-separated columns, got %d", n+1, len(cols))
		}
		a, b, forms := cols[0], cols[1], cols[2]
		if strings.TrimSpace(forms) == "" {
			return nil, fmt.Errorf("line %d: no forms", n+1)
		}
		switch a {
		case "@cue", "@list":
			m := lx.lists
			if a == "@cue" {
				m = lx.cues
			}
			ix := m[b]
			if ix == nil {
				ix = wordIndex{}
				m[b] = ix
			}
			for _, f := range strings.Split(forms, "|") {
				ws := words(f)
				if len(ws) == 0 {
					return nil, fmt.Errorf("line %d: empty form in %q", n+1, forms)
				}
				// a form written with a proclitic ("للسيطرة", "الطيران")
				// matches only as written; a bare form also matches
				// with proclitics ("وجوية", "بالمدفعية")
				raw := strings.Fields(arabic.Fold(f))
				if raw[0] != ws[0] {
					ix.add(append([]string{raw[0]}, ws[1:]...), phrase{})
				} else {
					ix.add(ws, phrase{})
				}
			}
			continue
		}
		fam := familyByName(a)
		if fam == famNone {
			return nil, fmt.Errorf("line %d: unknown family %q", n+1, a)
		}
		switch b {
		case "n":
			for _, f := range strings.Split(forms, "|") {
				ws := words(f)
				if len(ws) == 0 {
					return nil, fmt.Errorf("line %d: empty form in %q", n+1, forms)
				}
				lx.nouns.add(ws, phrase{fam: fam})
				if len(ws) == 1 {
					for _, d := range duals(ws[0]) {
						lx.nouns.add([]string{d}, phrase{fam: fam})
					}
				}
			}
		case "w":
			for _, f := range strings.Split(forms, "|") {
				ws := strings.Fields(arabic.Fold(f))
				if len(ws) == 0 {
					return nil, fmt.Errorf("line %d: empty form in %q", n+1, forms)
				}
				for i := 1; i < len(ws); i++ {
					ws[i] = arabic.StripClitics(ws[i])
				}
				lx.verbs.add(ws, phrase{fam: fam, verb: true})
			}
		case "v":
			past, pres, ok := strings.Cut(forms, "/")
			if !ok {
				return nil, fmt.Errorf("line %d: verb forms must be past/present, got %q", n+1, forms)
			}
			for _, p := range strings.Split(past, ",") {
				p = arabic.Fold(strings.TrimSpace(p))
				if p == "" {
					continue
				}
				for _, f := range pastForms(p) {
					lx.verbs.add([]string{f}, phrase{fam: fam, verb: true})
				}
			}
			for _, p := range strings.Split(pres, ",") {
				p = arabic.Fold(strings.TrimSpace(p))
				if p == "" {
					continue
				}
				for _, f := range presentForms(p) {
					lx.verbs.add([]string{f}, phrase{fam: fam, verb: true})
					lx.verbs.add([]string{"س" + f}, phrase{fam: fam, verb: true, future: true})
				}
			}
		default:
			return nil, fmt.Errorf("line %d: unknown part of speech %q (want n, v or w)", n+1, b)
		}
	}
	for _, need := range []string{"neg", "modal", "kill", "killnoun", "hurt", "civnoun", "fighter", "say", "comp"} {
		if lx.lists[need] == nil {
			return nil, fmt.Errorf("missing @list %s", need)
		}
	}
	for _, need := range []string{"air", "shell", "suicide", "ied", "heli"} {
		if lx.cues[need] == nil {
			return nil, fmt.Errorf("missing @cue %s", need)
		}
	}
	if err := lx.index(); err != nil {
		return nil, err
	}
	return lx, nil
}

var objPronouns = []string{"", "ه", "ها", "هم", "هما", "هن"}

// pastForms inflects a folded past stem (3rd person masculine singular):
// persons and numbers, each with the object pronouns.
func pastForms(p string) []string {
	var out []string
	for _, s := range []string{"", "ت", "ا", "تا", "وا", "ن", "نا", "تم"} {
		f := p + s
		for _, o := range objPronouns {
			g := f
			if o != "" && s == "وا" {
				g = p + "و"
			}
			out = append(out, g+o)
		}
	}
	return out
}

// presentForms inflects a folded present stem (without its person prefix).
func presentForms(p string) []string {
	var out []string
	for _, pre := range []string{"ي", "ت", "ن", "ا"} {
		for _, s := range []string{"", "ون", "ان", "ن", "ين", "وا", "ا"} {
			f := pre + p + s
			for _, o := range objPronouns {
				g := f
				if o != "" && s == "وا" {
					g = pre + p + "و"
				}
				out = append(out, g+o)
			}
		}
	}
	return out
}

// duals returns the dual forms of a folded singular noun.
func duals(w string) []string {
	if strings.HasSuffix(w, "ه") {
		b := strings.TrimSuffix(w, "ه") + "ت"
		return []string{b + "ين", b + "ان", b + "ي"}
	}
	if strings.HasSuffix(w, "ات") || strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ون") {
		return nil
	}
	return []string{w + "ين", w + "ان"}
}
