package events

import (
	"rasad/internal/gazetteer"
)

// Place slots. The place mentions of a sentence are grouped: places joined
// by و or commas ("مدن دوما وحرستا وعربين وبلدة مديرا") form one group, one
// event per place; a place that locates the one before it ("بلدة مديرا
// بالغوطة الشرقية", "في محافظة دير الزور") is its container and gives no
// event of its own. A frame takes the first suitable group after its
// trigger (before the next frame), else the nearest group before it.

// pgroup is a group of coordinated place mentions.
type pgroup struct {
	items []placeRef
	a, b  int    // tokens [a, b): from the first item's cue to the last item
	intro string // folded word before the group ("علي", "في", "باتجاه"), or a preposition proclitic ("ب")
	introAt int  // token of intro, -1
	origin  bool // the position fire came from ("المتمركزة في ...")
	contained bool // the group locates the group before it
}

// placeCue reports whether token i is a place-type word that may stand
// between the items of a list ("وبلدة", "قرى", "كلا من").
func (c *dctx) placeCue(i int) bool {
	switch c.st[i] {
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
	case gazetteer.Country, gazetteer.Governorate, gazetteer.Region, gazetteer.River, gazetteer.Lake:
		return false
	}
	if t.Place != nil && t.Place.Kind == gazetteer.Country {
		return false
	}
	if t.Cue == "ريف" {
		return false
	}
	// "أهالي كفريا": the people of a place, not the place
	if p.a > 0 && c.in("people", p.a-1) > 0 && c.placeAt[p.a-1] < 0 {
		return false
	}
	for j := p.a; j < p.b; j++ {
		if c.actAt[j] >= 0 {
			return false // part of an actor's name ("قوات سوريا الديمقراطية")
		}
	}
	return true
}

// seat reports whether place p is only where a source or the report sits
// ("مراسل الجزيرة في إدلب", "مكتب أخبار سوريا - حلب").
func (c *dctx) seat(p placeRef) bool {
	s := c.sens[c.sent[p.a]]
	for j := p.a - 1; j >= p.a-4 && j >= s.a; j-- {
		if c.placeAt[j] >= 0 {
			break
		}
		if _, ok := c.triggerAt(j); ok {
			break
		}
		if c.in("seat", j) > 0 || c.srcAt[j] >= 0 {
			return true
		}
	}
	// a dateline: "بيروت :"
	if p.b < s.b && c.isPunct(p.b) && c.w[p.b] == ":" {
		return true
	}
	// a dateline: "- حلب" at the head of a paragraph
	if p.a-1 >= s.a && c.isPunct(p.a-1) && c.w[p.a-1] == "-" {
		first := s.a
		for first > 0 && c.sens[c.sent[first-1]].para == s.para {
			first = c.sens[c.sent[first-1]].a
		}
		if p.a-first <= 8 && (p.b >= len(c.toks) || !c.isWord(p.b) || c.srcAt[p.a-2] >= 0 || c.in("seat", p.a-2) > 0) {
			return true
		}
	}
	return false
}

// groups builds the place groups of sentence si.
func (c *dctx) groups(si int) []pgroup {
	s := c.sens[si]
	var items []placeRef
	for j := s.a; j < s.b; j++ {
		pi := c.placeAt[j]
		if pi < 0 {
			if ref, ok := c.anaphor(j); ok {
				items = append(items, ref...)
			}
			continue
		}
		p := c.places[pi]
		j = p.b - 1
		if !c.usable(p) || c.seat(p) {
			continue
		}
		items = append(items, p)
	}
	var gs []pgroup
	for k, p := range items {
		if k > 0 && len(gs) > 0 {
			prev := items[k-1]
			switch c.link(prev, p) {
			case linkCoord:
				g := &gs[len(gs)-1]
				g.items = append(g.items, p)
				g.b = p.b
				continue
			case linkContain:
				ng := c.newGroup(p)
				ng.contained = true
				gs = append(gs, ng)
				continue
			}
		}
		gs = append(gs, c.newGroup(p))
	}
	return gs
}

func (c *dctx) newGroup(p placeRef) pgroup {
	g := pgroup{items: []placeRef{p}, a: p.a, b: p.b, introAt: -1}
	s := c.sens[c.sent[p.a]]
	j := p.a
	if pr := c.prepOf(j); pr != "" {
		g.intro, g.introAt = pr, j
	} else {
		for j = p.a - 1; j >= s.a && j >= p.a-3; j-- {
			if c.placeCue(j) || (c.isPunct(j) && (c.w[j] == "\"" || c.w[j] == "(" || c.w[j] == "«")) {
				if pr := c.prepOf(j); pr != "" {
					g.intro, g.introAt = pr, j
					break
				}
				continue
			}
			if c.isWord(j) {
				g.intro, g.introAt = c.wc[j], j
			}
			break
		}
	}
	// the position fire came from: "المتمركزة في قرية X", "من مواقعها في X"
	for k := p.a - 1; k >= s.a && k >= p.a-4; k-- {
		if c.in("origin", k) > 0 {
			g.origin = true
			break
		}
		if c.placeAt[k] >= 0 {
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
	if c.sent[p.a] != c.sent[q.a] {
		return linkSep
	}
	conj := false
	pr := c.proclitic(q.a)
	if len(pr) >= 2 && pr[:2] == "و" {
		conj = true
		pr = pr[2:]
	}
	if c.prepOf(q.a) != "" {
		return linkContain
	}
	onlyList := true
	contain := false
	for j := p.b; j < q.a; j++ {
		switch {
		case c.isPunct(j):
			switch c.w[j] {
			case ",", "،", "\"", "«", "»", "(", ")", "'":
				if c.w[j] == "," || c.w[j] == "،" {
					conj = true
				}
			default:
				onlyList = false
			}
		case c.w[j] == "و":
			conj = true
		case c.placeCue(j):
			if len(c.w[j]) >= 2 && c.w[j][:2] == "و" {
				conj = true
			}
			if c.prepOf(j) != "" {
				contain = true
			}
		case c.wc[j] == "في" && c.w[j] != "في":
			return linkSep // "في X وفي Y": parallel places
		case c.in("container", j) > 0 || c.wc[j] == "في" || c.prepOf(j) != "":
			contain = true
			onlyList = false
		default:
			onlyList = false
		}
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

// anaphor resolves a definite place-type noun standing alone ("المدينة",
// "القرى المذكورة") to the place group named last before it.
func (c *dctx) anaphor(j int) ([]placeRef, bool) {
	n := c.in("anaphor", j)
	if n == 0 || c.placeAt[j] >= 0 || !hasArticle(c.proclitic(j)) {
		return nil, false
	}
	if j+1 < len(c.toks) && (c.in("anaphorblock", j+1) > 0 || c.placeAt[j+1] >= 0) {
		return nil, false
	}
	plural := c.in("anaphorplural", j) > 0
	// the last usable place before j within the paragraph (at most 3 sentences back)
	si := int(c.sent[j])
	para := c.sens[si].para
	for k := j - 1; k >= 0; k-- {
		ks := int(c.sent[k])
		if si-ks > 3 || c.sens[ks].para != para {
			break
		}
		pi := c.placeAt[k]
		if pi < 0 {
			continue
		}
		p := c.places[pi]
		if !c.usable(p) || c.seat(p) {
			continue
		}
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
			out = append(out, placeRef{a: j, b: j + n, t: ante[i].t})
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
		f.scopeEnd = end
		var fwd []int
		for gi, g := range gs {
			if g.a >= f.b && g.a < end && !g.contained {
				fwd = append(fwd, gi)
			}
		}
		chosen := -1
		for n, gi := range fwd {
			g := gs[gi]
			if g.origin && n+1 < len(fwd) {
				continue
			}
			if g.intro == "من" && n+1 < len(fwd) && (f.fam == famBomb || f.fam == famShell || f.fam == famTarget || f.fam == famAir) {
				continue
			}
			if (f.fam == famTake || f.fam == famWithdraw) && !f.attempt && c.in("toward", g.introAt) > 0 {
				continue
			}
			chosen = gi
			break
		}
		if chosen < 0 && f.fam != famTake && f.fam != famAdvance {
			// backward: the nearest group before the frame
			for gi := len(gs) - 1; gi >= 0; gi-- {
				g := gs[gi]
				if g.b > f.a || g.contained || g.origin {
					continue
				}
				chosen = gi
				break
			}
		}
		if chosen < 0 && (f.fam == famTake || f.fam == famAdvance) {
			for gi := len(gs) - 1; gi >= 0; gi-- {
				g := gs[gi]
				if g.b > f.a || g.contained {
					continue
				}
				// "بلدة X التي سيطر عليها", "X بعد سيطرة"
				if f.a-g.b <= 4 {
					chosen = gi
				}
				break
			}
		}
		if chosen < 0 {
			continue
		}
		g := gs[chosen]
		if f.fam == famAdvance && !c.advanceTo(g) && !f.attempt {
			continue
		}
		f.places = append(f.places, g.items...)
		// parallel groups: "على X وعلى Y"
		for gi := chosen + 1; gi < len(gs); gi++ {
			h := gs[gi]
			if h.a >= end || h.contained {
				continue
			}
			if h.introAt >= 0 && g.introAt >= 0 && c.wc[h.introAt] == c.w[g.introAt] && c.w[h.introAt] != c.wc[h.introAt] {
				f.places = append(f.places, h.items...)
			}
		}
	}
}

// advanceTo reports whether a group is where an advance went ("تقدم نحو X").
func (c *dctx) advanceTo(g pgroup) bool {
	if g.introAt < 0 {
		return false
	}
	if c.in("toward", g.introAt) > 0 {
		return true
	}
	switch g.intro {
	case "علي", "في", "ب":
		return true
	}
	return false
}
