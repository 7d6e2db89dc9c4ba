package events

import "strings"

// Actor slots: actor1 is the side that acts, actor2 the side acted upon.
// Verbs take their subject (after the verb in VSO order, before it in SVO
// order); event nouns take the actor joined to them ("غارات للطيران
// الروسي", "قصف الطيران التركي", "غارات روسية"), the actor of a passive
// phrase ("من قبل قوات النظام") or the subject of their support verb ("شن
// الطيران الحربي غارات"). Clashes read "بين X و Y"; targets follow على,
// ضد, مع or the verb's object.

// mentionAt returns the actor mention starting at token j, or -1.
func (c *dctx) mentionAt(j int) int {
	if j < 0 || j >= len(c.toks) {
		return -1
	}
	m := c.actAtOf(j)
	if m < 0 || c.tokenAt(c.actors[m].Start) != j {
		return -1
	}
	return int(m)
}

// mentionEnd returns the token after mention m.
func (c *dctx) mentionEnd(m int) int {
	_, b := c.span(c.actors[m].Start, c.actors[m].End)
	return b
}

// canAct reports whether mention m can be the acting side of frame f.
func (c *dctx) canAct(m int, f *frame) bool {
	am := &c.actors[m]
	if am.ID == "" || am.ID == "civilians" && f.fam != famProtest {
		return false
	}
	switch am.Kind {
	case "role", "target":
		return false
	case "body":
		return f.fam == famArrest || f.fam == famAbduct || f.fam == famAgree
	}
	if c.srcAtOf(c.tokenAt(am.Start)) >= 0 {
		return false
	}
	return true
}

// prepBefore reports whether mention m is governed by a preposition
// (a proclitic ب/ل or a preposition word before it).
func (c *dctx) prepBefore(m int) (string, bool) {
	j := c.tokenAt(c.actors[m].Start)
	if p := c.prepOf(j); p != "" {
		return p, true
	}
	if j > 0 && c.isWord(j-1) {
		switch c.wcAt(j - 1) {
		case "علي", "ضد", "في", "من", "عن", "مع", "الي", "بين", "لدي", "عند", "تجاه", "باتجاه", "نحو", "حول", "ضمن", "داخل", "صفوف", "بحق", "امام":
			return c.wcAt(j - 1), true
		}
	}
	return "", false
}

// skippable reports whether token j may stand between an event noun and
// its actor: adjectives of the event and its cues ("غارات جوية عنيفة").
func (c *dctx) skippable(j int) bool {
	if c.isPunct(j) {
		return c.wAt(j) == "\""
	}
	if c.cuesAt(j) != 0 && c.actAtOf(j) < 0 {
		return true
	}
	return eventAdj[c.wcAt(j)] || eventAdj[c.stAt(j)]
}

// eventAdj are adjectives of an event noun ("غارات عنيفة", "قصف مكثف").
var eventAdj = map[string]bool{}

func init() {
	for _, w := range []string{"عنيفه", "عنيف", "مكثفه", "مكثف", "كثيفه", "كثيف", "متقطعه", "جديده", "مماثله", "متفرقه",
		"متواصله", "مستمره", "مباشره", "عنيفا", "مكثفا", "متبادل", "متبادله", "شبه", "يوميه", "يومي", "واسعه",
		"ثقيله", "الثقيله", "عده", "متكرره", "هستيري", "هستيريه", "مركز", "مركزه"} {
		eventAdj[w] = true
	}
}

// agents fills f's actor slots. prev is the frame before f in the same
// sentence (nil for the first); paraPrev the last frame of the sentences
// before it in the same paragraph.
func (c *dctx) agents(f *frame, prev, paraPrev *frame) {
	s := c.sens[f.sent]
	set := func(m int) {
		if f.agent < 0 && m >= 0 {
			f.agent = m
			f.agentID = c.actors[m].ID
		}
	}
	// clashes: "بين X و Y"
	if f.fam == famClash || f.fam == famAttack || f.fam == famAdvance {
		for j := f.b; j < f.b+6 && j < f.scopeEnd; j++ {
			if c.wcAt(j) != "بين" {
				continue
			}
			x := c.mentionAt(j + 1)
			if x < 0 {
				break
			}
			xe := c.mentionEnd(x)
			y := -1
			for k := xe; k < xe+3 && k < s.b; k++ {
				if y = c.mentionAt(k); y >= 0 {
					break
				}
				if c.wcAt(k) != "بين" && c.wAt(k) != "و" && !c.isPunct(k) {
					break
				}
			}
			set(x)
			if y >= 0 {
				f.agent2, f.agent2ID = y, c.actors[y].ID
			}
			break
		}
	}
	// "أجبر X النظام على الانسحاب": the forcer takes the place
	if f.fam == famWithdraw && f.forced {
		fp := -1
		for j := max(s.a, f.a-6); j < f.a; j++ {
			if c.in(lForce, j) > 0 {
				fp = j
			}
		}
		if fp >= 0 {
			for j := fp + 1; j < f.a; j++ {
				if m := c.mentionAt(j); m >= 0 && c.actors[m].ID != "" {
					f.agent2, f.agent2ID = m, c.actors[m].ID
					break
				}
			}
			for j := fp - 1; j >= max(s.a, fp-10, c.clauseStart(fp)); j-- {
				if c.in(lComp, j) > 0 && j < fp-1 {
					break
				}
				mi := c.actAtOf(j)
				if mi < 0 {
					continue
				}
				m := int(mi)
				if _, has := c.prepBefore(m); !has && c.canAct(m, f) && c.actors[m].ID != f.agent2ID {
					set(m)
					break
				}
				j = c.tokenAt(c.actors[m].Start)
			}
			if f.agent < 0 && prev != nil && prev.agentID != "" && prev.agentID != f.agent2ID {
				f.agent, f.agentID, f.inherited = prev.agent, prev.agentID, true
			}
		}
	}
	// the head word is the start of an actor phrase ("غارات روسية")
	if m := c.mentionAt(f.a); m >= 0 && c.canAct(m, f) {
		set(m)
	}
	// right after the head word (an instrument may follow the actor:
	// "استهداف الطيران الروسي بغارتين")
	if f.agent < 0 {
		j := f.trigs[0].b
		for n := 0; n < 4 && j < f.scopeEnd && c.skippable(j); n++ {
			j++
		}
		if c.wcAt(j) == "من" && !f.verb && strikeFamily(f.fam) {
			if m := c.mentionAt(j + 1); m >= 0 && c.canAct(m, f) {
				set(m)
			}
		} else if m := c.mentionAt(j); m >= 0 && c.canAct(m, f) {
			p, has := c.prepBefore(m)
			switch {
			case !has:
				set(m)
			case !f.verb && p == "ل":
				set(m)
			case !f.verb && p == "من" && strikeFamily(f.fam):
				set(m)
			}
		}
	}
	// "من قبل X", "على يد X", "التي نفذها X"
	if f.agent < 0 {
		for j := f.b; j < f.scopeEnd && j < f.b+12; j++ {
			if n := c.in(lAgentprep, j); n > 0 {
				k := j + n
				if k < len(c.toks) && (c.stAt(k) == "احد" || c.stAt(k) == "احدي" || c.stAt(k) == "بعض") {
					k++ // "نفذها أحد مقاتلي التنظيم"
				}
				if m := c.mentionAt(k); m >= 0 && c.canAct(m, f) {
					set(m)
				}
				break
			}
		}
	}
	// a verb's subject right before it: "أن قوات النظام تقدمت"
	if f.agent < 0 && f.verb {
		j := f.a - 1
		for j >= s.a && (c.isPunct(j) && c.wAt(j) != "." || c.wcAt(j) == "قد" || c.wcAt(j) == "اليوم" || c.wcAt(j) == "امس") {
			j--
		}
		if j >= s.a {
			if mi := c.actAtOf(j); mi >= 0 {
				m := int(mi)
				if _, has := c.prepBefore(m); !has && c.canAct(m, f) && c.mentionEnd(m) == j+1 {
					set(m)
				}
			}
		}
	}
	// a verb's subject after it; a verb ending in وا has its subject in
	// itself ("واستعادوا"), and a relative clause is no subject
	if f.agent < 0 && f.verb && !strings.HasSuffix(c.wcAt(f.trigs[0].b-1), "وا") {
		hb := f.trigs[0].b
		end := min(c.clauseEnd(hb), hb+8, f.scopeEnd)
		for j := hb; j < end; j++ {
			if c.placeAtOf(j) >= 0 || c.relative(j) {
				break
			}
			m := c.mentionAt(j)
			if m < 0 {
				continue
			}
			if _, has := c.prepBefore(m); (!has || c.owned(m)) && c.canAct(m, f) {
				set(m)
			}
			break
		}
	}
	// the subject before the trigger (SVO order, support verbs)
	if f.agent < 0 {
		lo := max(s.a, f.a-12)
		if prev != nil {
			lo = max(lo, prev.b)
		}
		for j := f.a - 1; j >= lo; j-- {
			if c.in(lComp, j) > 0 || c.in(lSay, j) > 0 {
				break
			}
			if c.placeAtOf(j) >= 0 && !f.verb {
				// "في X شن الطيران": keep looking past a place
			}
			mi := c.actAtOf(j)
			if mi < 0 {
				continue
			}
			m := int(mi)
			j = c.tokenAt(c.actors[m].Start)
			if !c.canAct(m, f) {
				continue
			}
			p, has := c.prepBefore(m)
			ok := !has || (p == "ل" && j > 0 && (c.in(cAircraft, j-1) > 0 || c.stAt(j-1) == "طيران" || c.stAt(j-1) == "حربي" || c.stAt(j-1) == "حربيه")) || c.owned(m)
			if ok && !f.verb && !c.supportAround(m, f) && !(c.wcAt(f.a-1) == "من" && f.fam == famTake) {
				// an event noun takes a subject before it only through a
				// support verb ("شن الطيران غارات", "قامت طائرات الأسد بشن")
				ok = false
			}
			if ok {
				set(m)
				break
			}
		}
	}
	// "قالت شرطة المنطقة إنها أحبطت": the speaker is the subject
	if f.agent < 0 {
		for j := f.a - 1; j >= max(s.a, f.a-6); j-- {
			if c.wcAt(j) != "انها" && c.wcAt(j) != "انه" && c.wcAt(j) != "انهم" && c.wcAt(j) != "بانها" && c.wcAt(j) != "بانه" {
				continue
			}
			for k := j - 1; k >= max(s.a, j-6); k-- {
				if m := c.mentionAt(k); m >= 0 && c.actors[m].ID != "" && c.actors[m].ID != "civilians" {
					set(m)
					break
				}
			}
			break
		}
	}
	// "بسيطرتها على": the side the pronoun refers to
	if f.agent < 0 && !f.verb && (f.fam == famTake || f.fam == famAdvance) {
		w := c.wAt(f.trigs[0].b - 1)
		if strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "هم") {
			for j := f.a - 1; j >= s.a; j-- {
				if mi := c.actAtOf(j); mi >= 0 {
					am := &c.actors[mi]
					if am.ID != "" && am.ID != "civilians" && am.Kind != "target" {
						f.agent, f.agentID = int(mi), am.ID
						break
					}
				}
			}
		}
	}
	// the same subject as the frame before it in the sentence
	if f.agent < 0 && f.agentID == "" && prev != nil && prev.agentID != "" {
		f.agent, f.agentID, f.inherited = prev.agent, prev.agentID, true
	}
	// a sentence opened by a verb with no subject continues the last one
	if f.agent < 0 && f.agentID == "" && paraPrev != nil && paraPrev.agentID != "" && f.verb && f.a <= s.a+1 {
		f.agent, f.agentID, f.inherited = paraPrev.agent, paraPrev.agentID, true
	}
	if f.agent < 0 && f.agentID == "" || f.inherited && f.agentID != "syrian_government" {
		// barrel bombs and helicopters are the Syrian air force's
		for j := max(s.a, f.a-2); j < min(s.b, f.b+10); j++ {
			if c.in(cHeli, j) > 0 {
				f.agent, f.agentID, f.inherited = -1, "syrian_government", false
				break
			}
		}
	}
	if f.fam == famProtest && (f.agent < 0 || c.actors[f.agent].Kind != "org") {
		f.agent, f.agentID, f.inherited = -1, "civilians", false
	}
	c.targets(f)
}

func strikeFamily(fm family) bool {
	switch fm {
	case famAir, famBarrel, famShell, famBomb, famTarget, famMassacre, famShoot:
		return true
	}
	return false
}

// targets fills actor2 when it is still empty.
func (c *dctx) targets(f *frame) {
	if f.agent2 >= 0 || f.agent2ID != "" {
		return
	}
	s := c.sens[f.sent]
	set := func(m int) bool {
		if m < 0 || m == f.agent {
			return false
		}
		am := &c.actors[m]
		if am.ID == "" || am.ID == f.agentID || am.Kind == "role" {
			return false
		}
		if c.srcAtOf(c.tokenAt(am.Start)) >= 0 {
			return false
		}
		f.agent2, f.agent2ID = m, am.ID
		return true
	}
	end := min(f.scopeEnd, f.b+14)
	agentEnd := -1
	if f.agent >= 0 {
		agentEnd = c.mentionEnd(f.agent)
	}
	for j := f.b; j < end && j < s.b; j++ {
		m := c.mentionAt(j)
		if m < 0 || m == f.agent {
			continue
		}
		am := &c.actors[m]
		p, has := c.prepBefore(m)
		switch {
		case am.Kind == "target":
			if set(m) {
				return
			}
		case has && (p == "علي" || p == "ضد" || p == "مع" || p == "من" && (f.fam == famTake || f.fam == famWithdraw)):
			if set(m) {
				return
			}
		case !has && f.verb && (agentEnd < 0 || j >= agentEnd):
			if set(m) {
				return
			}
		case has && p == "ل" && j > 0 && (c.stAt(j-1) == "محاوله" || c.stAt(j-1) == "هجوم" || c.stAt(j-1) == "تقدم" || c.in(lLocnoun, j-1) > 0):
			if set(m) {
				return
			}
		}
		if am.Kind != "target" {
			j = c.mentionEnd(m) - 1
		}
	}
	// "لمحاولة قوات النظام": the side whose attempt was repelled
	for j := f.b; j < end && j < s.b; j++ {
		if c.stAt(j) == "محاوله" || c.stAt(j) == "محاولات" || c.stAt(j) == "تقدم" {
			if set(c.mentionAt(j + 1)) {
				return
			}
		}
	}
	switch f.fam {
	case famTake, famClash, famAttack, famAdvance, famWithdraw, famDown:
		// the other side named in the sentence
		for j := s.a; j < s.b; j++ {
			m := c.mentionAt(j)
			if m < 0 {
				continue
			}
			am := &c.actors[m]
			if am.ID == "civilians" || am.Kind == "role" || am.Kind == "body" {
				continue
			}
			if set(m) {
				return
			}
		}
	}
	if c.civilianVictims(f) && strikeFamily(f.fam) || isBlast(f.fam) && c.civilianVictims(f) {
		f.agent2ID = "civilians"
	}
}

// supportAround reports whether a support verb links mention m to the
// event noun of f: between them ("الطيران الروسي شن غارات") or right before
// the mention ("شن الطيران الروسي غارات", "قامت طائرات الأسد بشن").
func (c *dctx) supportAround(m int, f *frame) bool {
	a, b := c.span(c.actors[m].Start, c.actors[m].End)
	for j := b; j < f.a; j++ {
		if c.in(lSupport, j) > 0 || f.fam == famAgree && c.in(lReach, j) > 0 {
			return true
		}
	}
	for j := max(0, a-4); j < a; j++ {
		if c.in(lSupport, j) > 0 || f.fam == famAgree && c.in(lReach, j) > 0 {
			return true
		}
	}
	return false
}

// owned reports whether mention m owns the force noun before it ("دورية
// للأمن العسكري", "قناص تابع لقوات النظام").
func (c *dctx) owned(m int) bool {
	j := c.tokenAt(c.actors[m].Start)
	k := j - 1
	switch {
	case c.prepOf(j) == "ل":
	case c.wcAt(j-1) == "من" && c.prepOf(j) == "":
		k = j - 2 // "عناصر من الأمن العسكري"
	default:
		return false
	}
	for k >= 0 && (c.dirAdj(k) || c.stAt(k) == "حربي" || c.stAt(k) == "حربيه" || c.stAt(k) == "مروحي") {
		k--
	}
	return c.in(lForcenoun, k) > 0
}
