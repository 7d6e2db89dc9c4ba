package events

import (
	"strings"

	"rasad/internal/gazetteer"
)

// Place slots. The place mentions of a sentence are grouped: places joined
// by و or commas ("مدن معرة النعمان وسراقب وبلدة كفرنبل") form one group, one
// event per place; a place that locates the one before it ("بلدة كفرنبل
// بريف إدلب", "في محافظة دير الزور") is its container and gives no
// event of its own. A frame takes the first suitable group after its
// trigger (before the next frame), else the nearest group before it.

// pgroup is a group of coordinated place mentions.
type pgroup struct {
	items     []placeRef
	a, b      int    // tokens [a, b): from the first item's cue to the last item
	intro     string // folded word before the group ("علي", "في", "باتجاه"), or a preposition proclitic ("ب")
	introAt   int    // token of intro, -1
	ok        []bool // per item: whether it can be an event place
	origin    bool   // the position fire came from ("المتمركزة في ...")
	people    bool   // where people come from ("أهالي نبل والزهراء")
	contained bool   // the group locates the group before it
}

// placeCue reports whether token i is a place-type word that may stand
// between the items of a list ("وبلدة", "قرى", "كلا من").
func (c *dctx) placeCue(i int) bool {
	switch c.stAt(i) {
	case "بلده", "بلدات", "قريه", "قري", "مدينه", "مدن", "حي", "احياء", "منطقه", "مناطق",
		"تله", "تلال", "مزرعه", "مزارع", "بلدتي", "قريتي", "مدينتي", "كلا", "ايضا", "بلدتين", "قريتين",
		"مدينتين", "ناحيه", "مخيم", "مخيمات", "جبهه", "محور", "محاور", "جبهات", "نقطه", "نقاط", "قرية":
		return true
	}
	return false
}

// usable reports whether place p can be an event's place.
func (c *dctx) usable(p placeRef) bool {
	t := p.t
	if t == nil {
		return false
	}
	// countries, governorates, regions and rivers are the setting of a
	// report, not where an event happened ("ريف حلب الشرقي", "الغوطة
	// الشرقية", "نهر الفرات")
	switch t.Kind {
	case gazetteer.Country, gazetteer.Governorate, gazetteer.River, gazetteer.Lake:
		return false
	case gazetteer.Region:
		if t.Place != nil {
			return false // a known region; an area a cue admitted ("منطقة X") is local
		}
	}
	if t.Place != nil && t.Place.Kind == gazetteer.Country {
		return false
	}
	// places far from the war's theatre: a news agency's seat ("دبي")
	country := ""
	if t.Place != nil {
		country = t.Place.Country
	} else if t.Parent != nil {
		country = t.Parent.Country
	}
	switch country {
	case "", "SY", "IQ", "LB", "TR", "JO", "IL", "PS":
	default:
		return false
	}
	if t.Cue == "ريف" {
		return false
	}
	return !c.inActor(p)
}

// inActor reports whether place p is part of an actor's name ("قوات سوريا
// الديمقراطية", "هيئة تحرير الشام").
func (c *dctx) inActor(p placeRef) bool {
	if p.ana {
		return false
	}
	for j := p.a; j < p.b; j++ {
		if c.actAtOf(j) >= 0 {
			return true
		}
	}
	return false
}

// seat reports whether place p is only where a source or the report sits
// ("مراسل القناة في حماة", "مكتب الشبكة - حمص").
func (c *dctx) seat(p placeRef) bool {
	s := c.sentAt(p.a)
	for j := p.a - 1; j >= p.a-4 && j >= s.a; j-- {
		if c.srcAtOf(j) >= 0 && j >= p.a-2 {
			return true // "مكتب الشبكة - حمص"
		}
		if c.placeAtOf(j) >= 0 {
			break
		}
		if _, ok := c.triggerAt(j); ok {
			break
		}
		if c.in(lSeat, j) > 0 || c.srcAtOf(j) >= 0 {
			return true
		}
	}
	// a dateline: "بيروت :"
	if p.b < s.b && c.isPunct(p.b) && c.wAt(p.b) == ":" {
		return true
	}
	// a dateline: "- حلب" at the head of a paragraph
	if p.a-1 >= s.a && c.isPunct(p.a-1) && c.wAt(p.a-1) == "-" {
		first := s.a
		for first > 0 && c.sentAt(first-1).para == s.para {
			first = c.sentAt(first - 1).a
		}
		if p.a-first <= 8 && (p.b >= len(c.toks) || !c.isWord(p.b) || c.srcAtOf(p.a-2) >= 0 || c.in(lSeat, p.a-2) > 0) {
			return true
		}
	}
	return false
}

// groups builds the place groups of sentence si.
func (c *dctx) groups(si int) []pgroup {
	s := c.sens[si]
	type item struct {
		p      placeRef
		usable bool
	}
	var items []item
	for j := s.a; j < s.b; j++ {
		pi := c.placeAtOf(j)
		if pi < 0 {
			if ref, ok := c.anaphor(j); ok {
				for _, r := range ref {
					items = append(items, item{r, true})
				}
				j += ref[0].b - ref[0].a - 1
			}
			continue
		}
		p := c.places[pi]
		j = p.b - 1
		if c.seat(p) || c.inActor(p) {
			continue
		}
		items = append(items, item{p, c.usable(p)})
	}
	var gs []pgroup
	main := -1 // the last group that is not a container
	for k, it := range items {
		if k > 0 && len(gs) > 0 {
			prev := items[k-1].p
			switch c.link(prev, it.p) {
			case linkCoord:
				g := &gs[len(gs)-1]
				if g.contained && main >= 0 && c.conjoined(it.p) {
					// "X بالريف الجنوبي وY": Y joins X's list
					g = &gs[main]
				}
				g.items = append(g.items, it.p)
				g.b = it.p.b
				g.ok = append(g.ok, it.usable)
				continue
			case linkContain:
				ng := c.newGroup(it.p)
				ng.ok = []bool{it.usable}
				ng.contained = true
				gs = append(gs, ng)
				continue
			}
		}
		ng := c.newGroup(it.p)
		ng.ok = []bool{it.usable}
		gs = append(gs, ng)
		main = len(gs) - 1
	}
	// drop the places that cannot be event places; a list that names
	// where people come from goes whole ("أهالي نبل والزهراء")
	out := gs[:0]
	for _, g := range gs {
		if len(g.items) > 0 && c.peopleOf(g.items[0]) {
			g.people = true
		}
		var keep []placeRef
		for n, p := range g.items {
			if g.ok[n] {
				keep = append(keep, p)
			}
		}
		if len(keep) == 0 {
			continue
		}
		g.items = keep
		out = append(out, g)
	}
	return out
}

// conjoined reports whether place p (or its cue) carries the conjunction و.
func (c *dctx) conjoined(p placeRef) bool {
	if p.conj(c) {
		return true
	}
	return p.a > 0 && (c.placeCue(p.a-1) && c.conj(p.a-1) || c.wAt(p.a-1) == "و")
}

func (c *dctx) newGroup(p placeRef) pgroup {
	g := pgroup{items: []placeRef{p}, a: p.a, b: p.b, introAt: -1}
	s := c.sentAt(p.a)
	j := p.a
	if pr := p.prep(c); pr != "" {
		g.intro, g.introAt = pr, j
	} else {
		for j = p.a - 1; j >= s.a && j >= p.a-3; j-- {
			if c.placeCue(j) || (c.isPunct(j) && (c.wAt(j) == "\"" || c.wAt(j) == "(" || c.wAt(j) == "«")) {
				if pr := c.prepOf(j); pr != "" {
					g.intro, g.introAt = pr, j
					break
				}
				continue
			}
			if c.isWord(j) {
				g.intro, g.introAt = c.wcAt(j), j
			}
			break
		}
	}
	// the position fire came from: "المتمركزة في قرية X", "من مواقعها في X"
	for k := p.a - 1; k >= s.a && k >= p.a-4; k-- {
		if c.in(lOrigin, k) > 0 {
			g.origin = true
			break
		}
		if c.placeAtOf(k) >= 0 {
			break
		}
	}
	if g.introAt >= 0 && g.intro == "من" {
		// "انطلقت من X", "قصف من X على Y": kept, decided by the caller
	}
	return g
}

type linkKind int

const (
	linkSep linkKind = iota
	linkCoord
	linkContain
)

// link classifies how place q relates to the place p before it.
func (c *dctx) link(p, q placeRef) linkKind {
	if c.sentIdx(p.a) != c.sentIdx(q.a) || q.a < p.b {
		return linkSep
	}
	conj := c.conjoined(q)
	prep := q.prep(c) != ""
	onlyList := true // list punctuation, و and place cues only
	locative := true // also locating words: "بالريف الجنوبي", "في منطقة"
	contain := prep
	for j := p.b; j < q.a; j++ {
		switch {
		case c.isPunct(j):
			switch c.wAt(j) {
			case ",", "،", "\"", "«", "»", "(", ")", "'":
				if c.wAt(j) == "," || c.wAt(j) == "،" {
					conj = true
				}
			default:
				onlyList, locative = false, false
			}
		case c.wAt(j) == "و":
			conj = true
		case c.placeCue(j):
			if c.prepOf(j) != "" {
				contain = true
			}
		case c.wcAt(j) == "في" && c.wAt(j) != "في":
			return linkSep // "في X وفي Y": parallel places
		case c.conj(j) && c.in(lContainer, j) == 0 && !c.dirAdj(j):
			return linkSep // "في بلدة X وشهيد في مدينة Y": a new clause
		case c.in(lContainer, j) > 0 || c.wcAt(j) == "في" || c.prepOf(j) != "" || c.dirAdj(j):
			contain = true
			onlyList = false
		default:
			onlyList, locative = false, false
		}
	}
	switch {
	case q.conj(c) || q.a > 0 && c.placeCue(q.a-1) && c.conj(q.a-1):
		if onlyList || locative {
			return linkCoord // "X بالريف الجنوبي وY"
		}
	case contain && q.a-p.b <= 4 && locative:
		return linkContain
	}
	switch {
	case contain && q.a-p.b <= 4:
		return linkContain
	case onlyList && conj:
		return linkCoord
	case onlyList && q.a == p.b:
		return linkCoord
	}
	return linkSep
}

// dirAdj reports whether token j is a direction adjective ("الشمالي").
func (c *dctx) dirAdj(j int) bool {
	switch c.stAt(j) {
	case "شمالي", "جنوبي", "شرقي", "غربي", "شماليه", "جنوبيه", "شرقيه", "غربيه", "اوسط", "وسطي":
		return true
	}
	return false
}

// anaphor resolves a definite place-type noun standing alone ("المدينة",
// "القرى المذكورة") to the place group named last before it.
func (c *dctx) anaphor(j int) ([]placeRef, bool) {
	n := c.in(lAnaphor, j)
	if n == 0 || c.placeAtOf(j) >= 0 || !hasArticle(c.proclitic(j)) {
		return nil, false
	}
	if j+1 < len(c.toks) && (c.in(lAnaphorblock, j+1) > 0 || c.placeAtOf(j+1) >= 0) {
		return nil, false
	}
	plural := c.in(lAnaphorplural, j) > 0
	want := anaphorKind(c.stAt(j))
	// the last usable place before j within the paragraph (at most 3
	// sentences back), the last of the anaphor's kind when there is one
	si := int(c.sentIdx(j))
	para := c.sens[si].para
	pi := int32(-1)
	for k := j - 1; k >= 0; k-- {
		ks := int(c.sentIdx(k))
		if si-ks > 3 || c.sens[ks].para != para {
			break
		}
		qi := c.placeAtOf(k)
		if qi < 0 {
			continue
		}
		q := c.places[qi]
		k = q.a
		if !c.usable(q) || c.seat(q) {
			continue
		}
		if pi < 0 {
			pi = qi
			if want == "" {
				break
			}
		}
		if want != "" && (string(q.t.Kind) == want || kindOfCue(q.t.Cue) == want) {
			pi = qi
			break
		}
	}
	if pi >= 0 {
		p := c.places[pi]
		// collect the group p ends
		var ante []placeRef
		ante = append(ante, p)
		if plural {
			for m := int(pi) - 1; m >= 0; m-- {
				q := c.places[m]
				if !c.usable(q) {
					continue
				}
				if c.link(q, ante[len(ante)-1]) != linkCoord {
					break
				}
				ante = append(ante, q)
			}
		} else {
			// the group's first item, unless the group was a container chain
			for m := int(pi) - 1; m >= 0; m-- {
				q := c.places[m]
				if !c.usable(q) {
					continue
				}
				if c.link(q, ante[0]) == linkContain {
					ante[0] = q
					continue
				}
				break
			}
		}
		out := make([]placeRef, 0, len(ante))
		for i := len(ante) - 1; i >= 0; i-- {
			out = append(out, placeRef{a: j, b: j + n, t: ante[i].t, ana: true})
		}
		return out, true
	}
	return nil, false
}

// assignPlaces gives every frame of a sentence its places.
func (c *dctx) assignPlaces(fs []*frame, gs []pgroup) {
	s := c.sens[fs[0].sent]
	for k, f := range fs {
		end := s.b
		if k+1 < len(fs) {
			end = fs[k+1].a
		}
		fend := c.forwardEnd(f, end)
		take := f.fam == famTake || f.fam == famWithdraw
		ok := func(g pgroup) bool {
			if g.people && f.fam != famEvac {
				return false // "أهالي نبل" unless they leave it
			}
			return !g.contained && !(take && !f.attempt && c.in(lToward, g.introAt) > 0)
		}
		chosen := -1
		// "تعرضت مدينة X لقصف", "بلدة X شهدت غارات": the subject of the
		// verb of undergoing is the place
		for u := f.a - 1; u >= max(f.lo, c.clauseStart(f.a), f.a-8); u-- {
			if c.in(lUndergo, u) == 0 {
				continue
			}
			for gi, g := range gs {
				if ok(g) && (g.a > u && g.b <= f.a || g.b <= u && u-g.b <= 1) {
					chosen = gi
					f.told = true
					break
				}
			}
			break
		}
		var fwd []int
		if chosen < 0 {
			for gi, g := range gs {
				if g.a >= f.b && g.a < fend && !g.contained {
					fwd = append(fwd, gi)
				}
			}
			for n, gi := range fwd {
				g := gs[gi]
				if g.origin && n+1 < len(fwd) {
					continue
				}
				if g.intro == "من" && n+1 < len(fwd) && strikeFamily(f.fam) {
					continue
				}
				if !ok(g) {
					continue
				}
				chosen = gi
				f.told = g.a-f.b <= 6
				break
			}
		}
		if chosen >= 0 {
			g := gs[chosen]
			if f.fam == famAdvance && !c.advanceTo(g) && !f.attempt {
				continue
			}
			c.addPlaces(f, g)
			// more targets: "على X وعلى Y", ", وقرية Z"
			for gi := chosen + 1; gi < len(gs); gi++ {
				h := gs[gi]
				if h.a >= fend {
					break
				}
				if h.contained || h.origin || h.people && f.fam != famEvac {
					continue
				}
				prev := gs[gi-1]
				if h.items[0].conj(c) || c.coordGap(prev.b, h.a) || h.a > 0 && c.placeCue(h.a-1) && c.conj(h.a-1) ||
					h.introAt >= 0 && g.introAt >= 0 && c.wcAt(h.introAt) == c.wAt(g.introAt) && c.wAt(h.introAt) != c.wcAt(h.introAt) {
					c.addPlaces(f, h)
				}
			}
			continue
		}
		if f.fam == famAdvance {
			continue
		}
		// backward: the groups of its clause before it ("قتل ثلاثة مدنيين في
		// مدينة X جراء غارات"), else the nearest group before it
		cs := c.clauseStart(f.a)
		for _, g := range gs {
			if g.a >= cs && g.b <= f.a && ok(g) && !g.origin && (!take || f.a-g.b <= 4) {
				c.addPlaces(f, g)
			}
		}
		if len(f.places) == 0 && !take && !c.regionAhead(f, fend) {
			seg := c.segmentStart(f)
			for gi := len(gs) - 1; gi >= 0; gi-- {
				g := gs[gi]
				if g.b > f.a || !ok(g) || g.origin {
					continue
				}
				if f.a-g.b <= 15 && g.a >= seg {
					c.addPlaces(f, g)
				}
				break
			}
		}
	}
	// a frame with no place shares the next one's ("غارات جوية ترافقت مع
	// قصف مدفعي على بلدة X")
	for k := len(fs) - 2; k >= 0; k-- {
		f, g := fs[k], fs[k+1]
		if len(f.places) == 0 && len(g.places) > 0 && g.a-f.b <= 5 && c.noPlaceBetween(f.b, g.a) {
			f.places = append(f.places, g.places...)
		}
	}
}

// addPlaces adds the items of group g to f's places (a take skips the
// places it only went near: "شرق المدينة").
func (c *dctx) addPlaces(f *frame, g pgroup) {
	for _, it := range g.items {
		if (f.fam == famTake || f.fam == famWithdraw) && (it.ana && it.a > 0 && c.in(lDirection, it.a-1) > 0 || cardinal(it.t.Direction)) {
			continue // "القرى شرق المدينة": the city was not taken
		}
		f.places = append(f.places, it)
	}
}

// forwardEnd returns where the forward place scope of f ends: at the next
// frame, or where a new clause starts ("، كما ...", "، وسقط ...").
func (c *dctx) forwardEnd(f *frame, end int) int {
	for j := f.b; j < end; j++ {
		if c.clauseBreak(j) && j+1 < end && (c.in(lNewclause, j+1) > 0 || c.in(lKill, j+1) > 0 && c.in(lKillnoun, j+1) == 0) {
			return j
		}
		if c.in(lUndergo, j) > 0 || c.in(lSay, j) > 0 && c.conj(j) {
			return j // "، وتعرضت مدينة X": the place of what follows
		}
		if j > f.b && c.conj(j) && c.in(lKill, j) > 0 && c.in(lKillnoun, j) == 0 {
			return j
		}
	}
	return end
}

// advanceTo reports whether a group is where an advance went ("تقدم نحو X").
func (c *dctx) advanceTo(g pgroup) bool {
	if g.introAt < 0 {
		return false
	}
	if c.in(lToward, g.introAt) > 0 {
		return true
	}
	switch g.intro {
	case "علي", "في", "ب":
		return true
	}
	return false
}

// peopleOf reports whether place p names where people come from ("أهالي
// نبل", "الخارجين من بلدتي نبل والزهراء").
func (c *dctx) peopleOf(p placeRef) bool {
	s := c.sentAt(p.a)
	for j := p.a - 1; j >= s.a && j >= p.a-3; j-- {
		if c.in(lPeople, j) > 0 {
			return true
		}
		if c.placeCue(j) || c.wcAt(j) == "من" || c.isPunct(j) && c.wAt(j) == "\"" {
			continue
		}
		break
	}
	return false
}

// proclitics returns the proclitic letters written before place p's name.
func (p placeRef) proclitics(c *dctx) string {
	if p.ana {
		return c.proclitic(p.a)
	}
	return p.pre
}

// prep returns the preposition (ب, ل, ك) written on place p, or "".
func (p placeRef) prep(c *dctx) string {
	q := strings.TrimPrefix(strings.TrimPrefix(p.proclitics(c), "و"), "ف")
	for _, r := range []string{"ب", "ل", "ك"} {
		if strings.HasPrefix(q, r) {
			return r
		}
	}
	return ""
}

// conj reports whether place p carries the conjunction و.
func (p placeRef) conj(c *dctx) bool {
	return strings.HasPrefix(p.proclitics(c), "و")
}

// cardinal reports whether a folded direction word is a compass point.
func cardinal(d string) bool {
	switch d {
	case "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي":
		return true
	}
	return false
}

// coordGap reports whether tokens [a, b) only join two lists of places
// ("، وقرية", "وأيضا قرى", "و").
func (c *dctx) coordGap(a, b int) bool {
	conj := false
	for j := a; j < b; j++ {
		switch {
		case c.isPunct(j):
			switch c.wAt(j) {
			case ",", "،":
			case "\"", "«", "»", "(", ")":
				continue
			default:
				return false
			}
		case c.wAt(j) == "و":
			conj = true
		case c.placeCue(j), c.stAt(j) == "ايضا", c.wcAt(j) == "كذلك", c.wcAt(j) == "من", c.stAt(j) == "كلا":
			if c.conj(j) {
				conj = true
			}
		default:
			return false
		}
	}
	return conj && b > a
}

// anaphorKind returns the place kind a definite place noun refers to.
func anaphorKind(st string) string {
	switch st {
	case "مدينه", "مدن", "مدينتين", "مدينتان":
		return string(gazetteer.City)
	case "بلده", "بلدات", "بلدتين", "بلدتان":
		return string(gazetteer.Town)
	case "قريه", "قري", "قريتين", "قريتان":
		return string(gazetteer.Village)
	case "حي", "احياء":
		return string(gazetteer.Neighbourhood)
	case "مخيم":
		return string(gazetteer.Camp)
	case "مطار":
		return string(gazetteer.Airport)
	}
	return ""
}

// kindOfCue returns the place kind a place-type cue names.
func kindOfCue(cue string) string {
	switch cue {
	case "مدينة":
		return string(gazetteer.City)
	case "بلدة":
		return string(gazetteer.Town)
	case "قرية":
		return string(gazetteer.Village)
	case "حي":
		return string(gazetteer.Neighbourhood)
	case "مخيم":
		return string(gazetteer.Camp)
	case "مطار":
		return string(gazetteer.Airport)
	}
	return ""
}

// regionAhead reports whether the place right after f is a region or
// governorate ("تتواصل الاشتباكات في الغوطة الشرقية"): the event is told
// at that level and takes no place from elsewhere.
func (c *dctx) regionAhead(f *frame, end int) bool {
	for j := f.b; j < end && j < f.b+6; j++ {
		pi := c.placeAtOf(j)
		if pi < 0 {
			continue
		}
		p := c.places[pi]
		return !c.inActor(p) && !c.usable(p)
	}
	return false
}
