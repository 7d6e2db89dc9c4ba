package events

import (
	"strings"

	"rasad/internal/arabic"
	"rasad/internal/document"
)

// events detects the events of d: frames of trigger words per sentence,
// their slots (actors, places, date, fatalities, cited sources), one event
// per place, then mentions of the same event (same subtype, place and
// date) merged into one record.
func (x *Extractor) events(d *document.Document, r *Report) []Event {
	if r == nil || r.Analysis == nil || len(r.Analysis.Tokens) == 0 || len(r.Analysis.Sentences) == 0 {
		return []Event{}
	}
	raw := ""
	if d != nil {
		raw = d.Raw
	}
	c := newContext(r, raw, theLexicon())
	frames := c.allFrames()
	atts := c.attributions()
	r.Doc.Cited = mergeCited(nil, atts)

	evs := make([]Event, 0, len(frames))
	owner := make([][]int, len(frames)) // events made from each frame
	for fi, f := range frames {
		if f.drop || len(f.classes) == 0 || len(f.places) == 0 {
			continue
		}
		date, prec, dated, explicit := c.dateOf(f)
		if explicit && c.hasAnchor && date.Before(c.anchor.AddDate(0, 0, -10)) || c.earlierYear(f) {
			continue // an earlier event recalled
		}
		s := c.sens[f.sent]
		ev := Event{
			Record:     "event",
			Doc:        r.Doc.Doc,
			Actor1:     c.actor(f.agent, f.agentID),
			Actor2:     c.actor(f.agent2, f.agent2ID),
			Fatalities: []Fatality{},
			Cited:      c.eventCited(f, atts),
			Evidence:   Span{Start: s.start, End: s.end},
			Trigger:    c.text[c.toks[f.a].Start:c.toks[f.b-1].End],
		}
		if ev.Actor1 == nil {
			ev.Actor1 = &Actor{ID: "unknown"}
		}
		if dated {
			ds := date.Format("2006-01-02")
			ev.Date = &ds
			ev.TimePrecision = prec
		}
		seen := map[string]bool{}
		for _, cl := range f.classes {
			for _, p := range f.places {
				pl := c.place(p)
				k := cl.sub + "|" + pl.Name
				if seen[k] {
					continue
				}
				seen[k] = true
				e := ev
				e.Type, e.Subtype = cl.typ, cl.sub
				e.Place = pl
				e.Cited = append([]string(nil), ev.Cited...)
				e.Mentions = []Span{ev.Evidence}
				owner[fi] = append(owner[fi], len(evs))
				evs = append(evs, e)
			}
		}
	}
	c.attachKills(frames, owner, evs)
	c.claims(evs)
	evs = mergeEvents(evs)
	dedupeFatalities(evs)
	return evs
}

// allFrames finds, filters and fills the frames of every sentence.
func (c *dctx) allFrames() []*frame {
	var all []*frame
	var paraLast *frame
	lastPara := -1
	for si := range c.sens {
		s := c.sens[si]
		if s.para != lastPara {
			paraLast, lastPara = nil, s.para
		}
		fs := c.frames(si)
		if len(fs) == 0 {
			continue
		}
		for k, f := range fs {
			if k+1 < len(fs) {
				f.scopeEnd = fs[k+1].a
			} else {
				f.scopeEnd = s.b
			}
		}
		for _, f := range fs {
			c.filter(f)
		}
		c.sentenceRules(fs, paraLast)
		var prev *frame
		for _, f := range fs {
			c.agents(f, prev, paraLast)
			c.readCues(f)
			c.classes(f)
			prev = f
		}
		c.assignPlaces(fs, c.groups(si))
		for _, f := range fs {
			c.lateRules(f)
		}
		for _, f := range fs {
			if !f.drop && f.agentID != "" {
				paraLast = f
			}
			if !f.drop && violent(f.fam) {
				c.seenViolent = true
			}
		}
		all = append(all, fs...)
	}
	return all
}

// actor builds an actor record from a mention (or an id alone).
func (c *dctx) actor(m int, id string) *Actor {
	if m >= 0 && m < len(c.actors) {
		am := &c.actors[m]
		return &Actor{ID: am.ID, Text: am.Text, Framing: string(am.Framing)}
	}
	if id != "" {
		return &Actor{ID: id}
	}
	return nil
}

// place builds a place record from a mention.
func (c *dctx) place(p placeRef) Place {
	t := p.t
	pl := Place{
		Name:         t.Name,
		Text:         t.Text,
		Admin1:       t.Governorate,
		Admin2:       t.District,
		Admin3:       t.Subdistrict,
		Lat:          t.Lat,
		Lon:          t.Lon,
		GeoPrecision: t.GeoPrecision,
	}
	if t.Place != nil {
		pl.ID = t.Place.ID
		pl.Country = t.Place.Country
	} else if t.Parent != nil {
		pl.Country = t.Parent.Country
	}
	if pl.Name == "" {
		pl.Name = t.Text
	}
	if p.b-p.a == 1 && c.in(lAnaphor, p.a) > 0 {
		pl.Text = t.Text // an anaphor takes its antecedent's name
	}
	return pl
}

// eventCited returns the sources a frame is attributed to: those named in
// its sentence, else the last one before it in its paragraph.
func (c *dctx) eventCited(f *frame, atts []attribution) []string {
	s := c.sens[f.sent]
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		k := arabic.Fold(n)
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	for _, a := range atts {
		if a.at >= s.a && a.at < s.b {
			add(a.name)
		}
	}
	if len(out) == 0 {
		for i := len(atts) - 1; i >= 0; i-- {
			a := atts[i]
			if a.at >= s.a {
				continue
			}
			as := int(c.sentIdx(a.at))
			if c.sens[as].para == s.para && f.sent-as <= 3 {
				add(a.name)
			}
			break
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// mergeCited adds the attributions to the document's cited list.
func mergeCited(cited []string, atts []attribution) []string {
	seen := map[string]bool{}
	for _, n := range cited {
		seen[arabic.Fold(n)] = true
	}
	for _, a := range atts {
		k := arabic.Fold(a.name)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		cited = append(cited, a.name)
	}
	if cited == nil {
		cited = []string{}
	}
	return cited
}

// attachKills gives every killed count to the nearest event of its
// sentence (or of the sentence before it in the paragraph).
func (c *dctx) attachKills(frames []*frame, owner [][]int, evs []Event) {
	bySent := map[int][]int{}
	for fi, f := range frames {
		if len(owner[fi]) > 0 {
			bySent[f.sent] = append(bySent[f.sent], fi)
		}
	}
	for si := range c.sens {
		cands := bySent[si]
		if len(cands) == 0 && !c.documents(si) {
			// the last event frame of the three sentences before
			for back := 1; back <= 3 && si-back >= 0; back++ {
				if fs := bySent[si-back]; len(fs) > 0 {
					cands = fs[len(fs)-1:]
					break
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		ks := c.kills(si)
		for _, k := range ks {
			best, bd := -1, 1<<30
			for _, fi := range cands {
				f := frames[fi]
				d := 0
				if k.b <= f.a {
					d = f.a - k.b
				} else if k.a >= f.b {
					d = k.a - f.b
				}
				if f.sent != si {
					d = 1000
				}
				if d < bd {
					best, bd = fi, d
				}
			}
			f := frames[best]
			group := k.group
			if group == "" && k.fighters {
				group = f.agent2ID
			}
			if group == "" && k.bare && f.agent2ID == "civilians" {
				group = "civilians"
			}
			if group == "" {
				group = "unknown"
			}
			fa := Fatality{Group: group, Killed: k.value, Qualifier: k.qual, KilledMax: k.max, Text: strings.TrimSpace(k.text)}
			// the event of the place nearest the count
			ei := owner[best][0]
			bestD := 1 << 30
			for _, e := range owner[best] {
				for _, p := range f.places {
					if p.t.Name != evs[e].Place.Name {
						continue
					}
					d := abs(p.a - k.a)
					if d < bestD {
						bestD, ei = d, e
					}
				}
			}
			if !hasFatality(evs[ei].Fatalities, fa) {
				evs[ei].Fatalities = append(evs[ei].Fatalities, fa)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func hasFatality(fs []Fatality, f Fatality) bool {
	for _, g := range fs {
		if g.Group == f.Group && g.Killed == f.Killed {
			return true
		}
	}
	return false
}

// mergeEvents merges events of the same subtype, place and date. Before
// that, a clash at a place taken the same day is the take's fighting, and
// an explosion at a place of a suicide bombing the same day is that bombing.
func mergeEvents(evs []Event) []Event {
	dom := map[string]int{}
	pk := func(e *Event) string {
		date := ""
		if e.Date != nil {
			date = *e.Date
		}
		return e.Type + "|" + arabic.Fold(e.Place.Name) + "|" + date
	}
	for i := range evs {
		e := &evs[i]
		switch e.Subtype {
		case clsGovTake.sub, clsNSATake.sub, clsSuicide.sub:
			if _, ok := dom[pk(e)]; !ok {
				dom[pk(e)] = i
			}
		}
	}
	for i := range evs {
		e := &evs[i]
		d, ok := dom[pk(e)]
		if !ok || d == i {
			continue
		}
		t := &evs[d]
		switch {
		case e.Subtype == clsClash.sub && t.Type == clsGovTake.typ:
			e.Subtype = t.Subtype
			e.Actor1, e.Actor2 = t.Actor1, t.Actor2
		case e.Subtype == clsIED.sub && t.Subtype == clsSuicide.sub:
			e.Subtype = t.Subtype
			if e.Actor1 != nil && e.Actor1.ID != "unknown" && (t.Actor1 == nil || t.Actor1.ID == "unknown") {
				t.Actor1 = e.Actor1
			}
		}
	}
	// An unattributed mention of an event of the same type at the same
	// place and day as an attributed one is that event told again (a bare
	// "قصف على البلدة" after "غارات روسية على البلدة", a nominal "استعادة
	// القرية" after "سيطرت قوات النظام على القرية"): it takes the attributed
	// event's subtype and actors, and merges with it below.
	attributed := map[string]int{}
	for i := range evs {
		if a := evs[i].Actor1; a != nil && a.ID != "unknown" {
			if _, ok := attributed[pk(&evs[i])]; !ok {
				attributed[pk(&evs[i])] = i
			}
		}
	}
	for i := range evs {
		e := &evs[i]
		if e.Actor1 != nil && e.Actor1.ID != "unknown" {
			continue
		}
		if k, ok := attributed[pk(e)]; ok {
			t := &evs[k]
			e.Subtype, e.Actor1 = t.Subtype, t.Actor1
			if t.Actor2 != nil || sameSide(e.Actor2, t.Actor1) {
				e.Actor2 = t.Actor2
			}
		}
	}
	idx := map[string]int{}
	out := evs[:0]
	for _, e := range evs {
		date := ""
		if e.Date != nil {
			date = *e.Date
		}
		k := e.Subtype + "|" + arabic.Fold(e.Place.Name) + "|" + date
		i, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			out = append(out, e)
			continue
		}
		m := &out[i]
		for _, s := range e.Mentions {
			dup := false
			for _, t := range m.Mentions {
				if s == t {
					dup = true
				}
			}
			if !dup {
				m.Mentions = append(m.Mentions, s)
			}
		}
		for _, f := range e.Fatalities {
			if !hasFatality(m.Fatalities, f) {
				m.Fatalities = append(m.Fatalities, f)
			}
		}
		for _, n := range e.Cited {
			dup := false
			for _, o := range m.Cited {
				if o == n {
					dup = true
				}
			}
			if !dup {
				m.Cited = append(m.Cited, n)
			}
		}
		if (m.Actor1 == nil || m.Actor1.ID == "unknown") && e.Actor1 != nil && e.Actor1.ID != "unknown" {
			m.Actor1 = e.Actor1
		}
		if m.Actor2 == nil && e.Actor2 != nil && !sameSide(e.Actor2, m.Actor1) {
			m.Actor2 = e.Actor2
		}
	}
	for i := range out {
		if len(out[i].Mentions) <= 1 {
			out[i].Mentions = nil
		}
	}
	return out
}

// sameSide reports whether two actors have the same canonical id.
func sameSide(a, b *Actor) bool {
	return a != nil && b != nil && a.ID == b.ID
}

// dedupeFatalities drops a count of an unknown group when the same count
// is given for a known group in the document.
func dedupeFatalities(evs []Event) {
	known := map[int64]bool{}
	for _, e := range evs {
		for _, f := range e.Fatalities {
			if f.Group != "unknown" {
				known[f.Killed] = true
			}
		}
	}
	for i := range evs {
		fs := evs[i].Fatalities[:0]
		for _, f := range evs[i].Fatalities {
			if f.Group == "unknown" && known[f.Killed] {
				continue
			}
			fs = append(fs, f)
		}
		evs[i].Fatalities = fs
	}
}

// claims gives bombings and attacks with no known perpetrator the side that
// claimed them in the report ("تنظيم الدولة يتبنى هجومين", "تبنت هيئة
// تحرير الشام التفجير").
func (c *dctx) claims(evs []Event) {
	claimant, at := -1, -1
	for j := 0; j < len(c.toks) && claimant < 0; j++ {
		if !c.mayBe(lClaim, j) || c.in(lClaim, j) == 0 {
			continue
		}
		// the subject before (SVO) or after (VSO) the verb
		for _, k := range [...]int{j - 1, j + 1, j + 2} {
			mi := c.actAtOf(k)
			if mi < 0 {
				continue
			}
			am := &c.actors[mi]
			if am.ID != "" && am.ID != "civilians" && am.ID != "unknown" && am.Kind != "role" {
				claimant, at = int(mi), j
				break
			}
		}
	}
	if claimant < 0 {
		return
	}
	am := &c.actors[claimant]
	cs := int(c.sentIdx(at))
	for i := range evs {
		e := &evs[i]
		if e.Actor1 != nil && e.Actor1.ID != "unknown" {
			continue
		}
		// the claim speaks of the events told around it (a headline
		// claim of the report's lead events)
		es := int(c.sentIdx(c.tokenAt(e.Evidence.Start)))
		if abs(es-cs) > 2 && !(cs == 0 && es <= 3) {
			continue
		}
		switch e.Subtype {
		case clsSuicide.sub, clsIED.sub, clsClash.sub:
			e.Actor1 = &Actor{ID: am.ID, Text: am.Text, Framing: string(am.Framing)}
		}
	}
}
