package events

import (
	"strings"
	"sync"

	"rasad/internal/actors"
	"rasad/internal/arabic"
)

// Fatalities. A number is a killed count when a kill word governs it
// ("مقتل خمسة أشخاص", "قتل ثلاثة مدنيين"), when it counts a kill noun ("42
// قتيلا", "9 شهداء"), or when its noun is the subject of a kill verb after
// it ("سبعة مدنيين ... قتلوا", "لقي 42 شخصا مصرعهم"). Wounded, captured and
// displaced counts, counts inside a larger one ("بينهم 7 أطفال"), vague
// counts ("عشرات") and aggregates over a long period are not. The counted
// noun decides the group: civilians, the side named after it ("15 من
// عناصر النظام"), the side "منهم" refers to, or the side attacked.

// kill is one killed count found in a sentence.
type kill struct {
	a, b     int // tokens
	value    int64
	max      int64
	qual     string
	group    string
	fighters bool // counted fighters whose side is not named
	bare     bool // counted by a kill noun alone ("22 قتيلا")
	civ      bool
	text     string
}

// singular person nouns that count one ("مقتل شخص", "قتل رجل وامرأة")
var singles = map[string]bool{}

func init() {
	for _, w := range []string{"رجل", "امرأة", "إمرأة", "طفل", "طفلة", "شخص", "مدني", "مدنيا", "شهيد", "شاب", "مسن", "مسنة", "سيدة", "فتاة", "فتى", "صبي", "مواطن", "مواطنا", "شابا", "رجلا", "طفلا"} {
		singles[key(w)] = true
	}
}

// kills returns the killed counts of sentence si.
func (c *dctx) kills(si int) []kill {
	s := c.sens[si]
	var out []kill
	lastEnd := -10
	for _, nr := range c.sentNums(si) {
		n := nr.n
		if n.Vague || n.Value <= 0 || n.Qualifier == arabic.LessThan || n.Qualifier == arabic.UpTo {
			continue
		}
		k, ok := c.killAt(nr, s, lastEnd)
		if !ok {
			continue
		}
		out = append(out, k)
		lastEnd = k.b
	}
	// singular persons: "مقتل شخص", "مدنيا قتل", "وشهيد في"
	for j := s.a; j < s.b; j++ {
		if !c.isWord(j) || !singles[c.stAt(j)] || c.inNumber(j) || c.inNumber(j-1) && !c.conj(j) {
			continue
		}
		killed := false
		if c.in(lKill, j-1) > 0 && c.in(lHurt, j-1) == 0 {
			killed = true
		}
		if c.stAt(j) == key("شهيد") {
			killed = true
		}
		if j+1 < s.b && c.in(lKill, j+1) > 0 && c.in(lKillnoun, j+1) == 0 {
			killed = true
		}
		if c.conj(j) && j-2 >= s.a && c.isWord(j-1) && c.in(lKill, j-2) > 0 && c.in(lHurt, j-2) == 0 {
			killed = true // "مقتل المهاجمين ومدني"
		}
		// "رجل وامرأة" after a kill word: a chain of persons
		if !killed && len(out) > 0 && out[len(out)-1].civ && (out[len(out)-1].b == j || out[len(out)-1].b == j-1 && c.wAt(j-1) == "و") && c.conj(j) {
			killed = true
		}
		if !killed && j > s.a && singles[c.stAt(j-1)] == false && c.conj(j) && j-1 >= s.a {
			// "قتل رجل وإمرأة": the first was counted just before
			if len(out) > 0 && out[len(out)-1].b == j {
				killed = true
			}
		}
		if !killed {
			continue
		}
		out = append(out, kill{a: j, b: j + 1, value: 1, qual: "exact", group: "civilians", civ: true, text: c.text[c.toks[j].Start:c.toks[j].End]})
	}
	out = sortKills(out)
	// a chain of civilians joined by و is one count: "طفلين وامرأة قتلوا"
	var merged []kill
	for _, k := range out {
		if len(merged) > 0 {
			p := &merged[len(merged)-1]
			if p.civ && k.civ && k.a-p.b <= 1 && (c.conj(k.a) || k.a-p.b == 1 && c.wAt(p.b) == "و") && p.qual == "exact" && k.qual == "exact" {
				p.value += k.value
				p.b = k.b
				p.text = c.text[c.toks[p.a].Start:c.toks[k.b-1].End]
				continue
			}
		}
		merged = append(merged, k)
	}
	return merged
}

func sortKills(ks []kill) []kill {
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j].a < ks[j-1].a; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

// conj reports whether token j carries the conjunction و.
func (c *dctx) conj(j int) bool {
	return j >= 0 && j < len(c.w) && c.isWord(j) && len(c.wAt(j)) > 2 && c.wAt(j)[:2] == "و" && c.wcAt(j) != c.wAt(j)
}

// inNumber reports whether token j is part of a number expression.
func (c *dctx) inNumber(j int) bool {
	if j < 0 || j >= len(c.toks) {
		return false
	}
	for _, nr := range c.sentNums(int(c.sentIdx(j))) {
		if j >= nr.a && j < nr.b {
			return true
		}
		if nr.a > j {
			break
		}
	}
	return false
}

// killAt decides whether number nr of sentence s is a killed count.
func (c *dctx) killAt(nr numRef, s sentence, lastEnd int) (kill, bool) {
	n := nr.n
	k := kill{a: nr.a, b: nr.b, value: n.Value, qual: string(n.Qualifier), text: n.Text}
	if n.Qualifier == arabic.Range {
		k.max = n.Max
	}
	if k.qual == "" {
		k.qual = "exact"
	}
	// the counted noun: inside the span (a dual, "35 عنصرا على الأقل") or after it
	noun := -1
	for j := nr.a; j < nr.b; j++ {
		if c.isWord(j) && (c.in(lCivnoun, j) > 0 || c.in(lFighter, j) > 0 || c.in(lKillnoun, j) > 0) {
			noun = j
		}
	}
	after := nr.b
	partitive := false
	if noun < 0 && after < s.b && c.isWord(after) {
		if c.wcAt(after) == "من" && after+1 < s.b {
			partitive = true
			noun = after + 1
		} else {
			noun = after
		}
	}
	if noun < 0 {
		noun = nr.b - 1
	}
	ofThem := c.wAt(noun) == "منهم" || c.wAt(noun) == "منهن" // "مقتل 7 منهم"
	person := c.in(lCivnoun, noun) > 0 || c.in(lFighter, noun) > 0 || c.in(lKillnoun, noun) > 0 || c.actAtOf(noun) >= 0 || ofThem
	killNoun := c.in(lKillnoun, noun) > 0 || (noun+1 < s.b && c.in(lKillnoun, noun+1) > 0 && c.in(lHurt, noun+1) == 0)
	// wounded, captured, displaced: "48 جريحا", "30 شخصا جرحى"
	for j := nr.b; j < nr.b+2 && j < s.b; j++ {
		if c.conj(j) || c.isPunct(j) {
			break
		}
		if c.in(lHurt, j) > 0 {
			return k, false
		}
	}
	if c.in(lHurt, nr.a) > 0 {
		return k, false
	}
	// part of a larger count: "بينهم 7 أطفال", "من بينهم"
	if c.in(lSubset, nr.a-1) > 0 || c.wcAt(nr.a-1) == "من" && c.in(lSubset, nr.a-2) > 0 ||
		c.in(lKillnoun, nr.a-1) > 0 && c.wcAt(nr.a-2) == "بين" { // "ومن بين القتلى ستة أطفال"
		return k, false
	}
	if c.aggregate(nr, s) {
		return k, false
	}
	killed := killNoun
	// a kill word before it: "مقتل خمسة", "قتل ثلاثة مدنيين", "قتلت فيها عائلة مكونة من ثمانية أفراد"
	if !killed && person {
		for j := nr.a - 1; j >= s.a && j >= nr.a-6; j-- {
			if c.in(lHurt, j) > 0 || c.clauseBreak(j) && c.wAt(j) != "\"" {
				break
			}
			if c.inNumber(j) {
				// "مقتل 14 مقاتلا و 35 عنصرا"
				if j < lastEnd && (c.conj(nr.a) || c.wAt(nr.a-1) == "و") {
					killed = true
				}
				break
			}
			if c.in(lKill, j) > 0 {
				killed = true
				break
			}
		}
	}
	// a kill verb after its noun: "سبعة مدنيين ... قتلوا", "لقي 42 شخصا مصرعهم"
	if !killed && person {
		for j := noun + 1; j < noun+6 && j < s.b; j++ {
			if c.in(lHurt, j) > 0 || c.inNumber(j) && !c.isOne(j) || c.clauseBreak(j) && c.wAt(j) != "-" {
				break
			}
			if c.in(lKill, j) > 0 && c.in(lKillnoun, j) == 0 {
				killed = true
				break
			}
		}
	}
	// "ارتفاع عدد قتلى قوات النظام ... إلى 24", "عدد القتلى أربعة"
	construct := -1
	if !killed && !person {
		for j := nr.a - 1; j >= s.a && j >= nr.a-12; j-- {
			if c.in(lHurt, j) > 0 || c.inNumber(j) {
				break
			}
			if c.in(lKillnoun, j) > 0 {
				killed = true
				construct = j
				break
			}
		}
	}
	if !killed {
		return k, false
	}
	// the group
	switch {
	case ofThem:
		k.group = c.sideBefore(nr.a, s)
		if k.group == "" {
			k.fighters = true
		}
	case construct >= 0:
		k.group = c.groupAfterKillNoun(construct)
	case c.in(lCivnoun, noun) > 0 && c.in(lFighter, noun) == 0:
		k.group, k.civ = "civilians", true
	case c.stAt(noun) == key("أفراد") || c.stAt(noun) == key("فردا"):
		k.group = ""
		for j := max(s.a, nr.a-4); j < nr.a; j++ {
			if c.stAt(j) == key("عائلة") || c.stAt(j) == key("أسرة") {
				k.group, k.civ = "civilians", true
			}
		}
		if k.group == "" {
			k.fighters = true
		}
	case c.actAtOf(noun) >= 0:
		k.group = c.actors[c.actAtOf(noun)].ID
		k.civ = k.group == "civilians"
	case c.in(lFighter, noun) > 0:
		k.fighters = true
	case killNoun:
		k.group = ""
		k.bare = true
	}
	if k.group == "" && c.in(lFighter, noun) > 0 {
		// "خمسين مقاتلا من عدة فصائل": the factions are the opposition
		for j := noun + 1; j < noun+4 && j < s.b; j++ {
			if w := c.wcAt(j); w == "فصايل" || w == "كتايب" || w == "الفصايل" || w == "الكتايب" {
				k.group = "opposition"
				break
			}
			if c.wcAt(j) != "من" && c.stAt(j) != "عده" && c.stAt(j) != "مختلف" {
				break
			}
		}
	}
	if k.group == "" && noun+1 < s.b {
		// "14 مقاتلا كرديا": a nisba adjective names the side
		if id := nisba(c.wAt(noun + 1)); id != "" {
			k.group = id
		}
	}
	if k.group == "" {
		// "منهم" after the count, "من عناصر X", a side right after
		for j := nr.b; j < nr.b+5 && j < s.b; j++ {
			if j > nr.b && (c.conj(j) || c.wAt(j) == "و" || c.inNumber(j)) {
				break
			}
			if c.wAt(j) == "منهم" || c.wAt(j) == "منها" {
				k.group = c.sideBefore(nr.a, s)
				break
			}
			if m := c.mentionAt(j); m >= 0 {
				if c.actors[m].ID != "" {
					k.group = c.actors[m].ID
					k.civ = k.group == "civilians"
				}
				break
			}
			if c.clauseBreak(j) || c.in(lKill, j) > 0 {
				break
			}
		}
	}
	if k.group == "" && killNoun {
		// "N قتيلا": the construct "قتلى X" earlier in the clause, or
		// "بينهم" civilians after it
		for j := nr.a - 1; j >= c.clauseStart(nr.a) && j >= nr.a-14; j-- {
			if c.in(lKillnoun, j) > 0 {
				if g := c.groupAfterKillNoun(j); g != "" {
					k.group = g
					break
				}
			}
		}
		if k.group == "" && (c.stAt(noun) == key("شهيدا") || c.stAt(noun) == key("شهداء") || c.stAt(noun) == key("شهيد")) {
			k.group, k.civ = "civilians", true
		}
		if k.group == "" {
			// "خسرت فيها قوات النظام أكثر من عشرين قتيلا"
			for j := nr.a - 1; j >= c.clauseStart(nr.a) && j >= nr.a-10; j-- {
				if c.in(lLoss, j) > 0 {
					for q := j + 1; q < nr.a; q++ {
						if m := c.mentionAt(q); m >= 0 && c.actors[m].ID != "" {
							k.group = c.actors[m].ID
							break
						}
					}
					break
				}
			}
		}
		if k.group == "" {
			for j := nr.b; j < nr.b+4 && j < s.b; j++ {
				if c.in(lSubset, j) > 0 {
					for q := j + 1; q < j+4 && q < s.b; q++ {
						if m := c.actAtOf(q); m >= 0 && c.actors[m].ID == "civilians" {
							k.group, k.civ = "civilians", true
						}
					}
				}
			}
		}
	}
	if partitive && k.group == "" && c.in(lFighter, noun) > 0 {
		k.fighters = true
	}
	return k, true
}

// groupAfterKillNoun reads the side of "قتلى قوات النظام".
func (c *dctx) groupAfterKillNoun(j int) string {
	for q := j + 1; q < j+3 && q < len(c.toks); q++ {
		if m := c.mentionAt(q); m >= 0 {
			return c.actors[m].ID
		}
		if !c.isWord(q) {
			break
		}
	}
	return ""
}

// sideBefore returns the nearest non-civilian side named before token j in
// its sentence.
func (c *dctx) sideBefore(j int, s sentence) string {
	for q := j - 1; q >= s.a; q-- {
		if m := c.actAtOf(q); m >= 0 {
			am := &c.actors[m]
			if am.ID != "" && am.ID != "civilians" && am.Kind != "role" {
				return am.ID
			}
		}
	}
	return ""
}

// aggregate reports whether a count sums up a long period or many places
// ("منذ بدء الغارات", "خلال أربعة أشهر", "معظمهم بمحافظة حلب").
func (c *dctx) aggregate(nr numRef, s sentence) bool {
	if c.periodClause(nr.a) {
		return true
	}
	for j := nr.b; j < nr.b+3 && j < s.b; j++ {
		switch c.wcAt(j) {
		case "معظمهم", "اغلبهم", "غالبيتهم":
			if j+1 < s.b && (c.prepOf(j+1) == "ب" || c.wcAt(j+1) == "في") {
				return true
			}
		}
	}
	return false
}

// isOne reports whether token j is a number of value one ("عائلة واحدة").
func (c *dctx) isOne(j int) bool {
	if j < 0 || j >= len(c.toks) {
		return false
	}
	for _, nr := range c.sentNums(int(c.sentIdx(j))) {
		if j >= nr.a && j < nr.b {
			return nr.n.Value == 1
		}
	}
	return false
}

var (
	nisbaOnce sync.Once
	nisbaMap  map[string]string
)

// nisba returns the actor a nisba adjective names ("كرديا" → sdf), from
// the adjective entries of the actor lexicon.
func nisba(w string) string {
	nisbaOnce.Do(func() {
		nisbaMap = map[string]string{}
		for _, e := range actors.Default().Entries() {
			if e.Kind != actors.KindAdj || e.ID == "" || strings.Contains(e.Form, " ") {
				continue
			}
			k := arabic.Fold(e.Form)
			nisbaMap[k] = e.ID
			nisbaMap[k+"ا"] = e.ID // accusative: كرديا
		}
	})
	return nisbaMap[w]
}

// documents reports whether sentence si sums up documented deaths ("تم
// توثيق مقتل 1278 مقاتلا", "بلغت حصيلة القتلى"), which is no one event's.
func (c *dctx) documents(si int) bool {
	s := c.sens[si]
	for j := s.a; j < s.b; j++ {
		switch c.stAt(j) {
		case "توثيق", "وثق", "وثقت", "يوثق", "توثق", "حصيله", "احصاييه", "احصاءات", "اجمالي":
			return true
		}
	}
	return false
}
