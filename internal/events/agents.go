package events

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
	m := c.actAt[j]
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
	if c.srcAt[c.tokenAt(am.Start)] >= 0 {
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
		switch c.wc[j-1] {
		case "علي", "ضد", "في", "من", "عن", "مع", "الي", "بين", "لدي", "عند", "تجاه", "باتجاه", "نحو", "حول", "ضمن", "داخل", "صفوف", "بحق", "امام":
			return c.wc[j-1], true
		}
	}
	return "", false
}

// skippable reports whether token j may stand between an event noun and
// its actor: adjectives of the event and its cues ("غارات جوية عنيفة").
func (c *dctx) skippable(j int) bool {
	if c.isPunct(j) {
		return c.w[j] == "\""
	}
	for _, cn := range cueNames {
		if c.cue(cn.name, j) > 0 && c.actAt[j] < 0 {
			return true
		}
	}
	switch c.st[j] {
	case "عنيفه", "عنيف", "مكثفه", "مكثف", "كثيفه", "كثيف", "متقطعه", "جديده", "مماثله", "متفرقه",
		"متواصله", "مستمره", "مباشره", "عنيفا", "مكثفا", "متبادل", "متبادله", "شبه", "يوميه", "يومي", "واسعه",
		"ثقيله", "الثقيله", "عده", "متكرره", "هستيري", "هستيريه", "مركز", "مركزه":
		return true
	}
	return false
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
			if c.wc[j] != "بين" {
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
				if c.wc[k] != "بين" && c.w[k] != "و" && !c.isPunct(k) {
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
			if c.in("force", j) > 0 {
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
			for j := fp - 1; j >= max(s.a, fp-10); j-- {
				if c.in("comp", j) > 0 && j < fp-1 {
					break
				}
				mi := c.actAt[j]
				if mi < 0 {
					continue
				}
				m := int(mi)
				if _, has := c.prepBefore(m); !has && c.canAct(m, f) {
					set(m)
					break
				}
				j = c.tokenAt(c.actors[m].Start)
			}
		}
	}
	// the head word is the start of an actor phrase ("غارات روسية")
	if m := c.mentionAt(f.a); m >= 0 && c.canAct(m, f) {
		set(m)
	}
	// right after the trigger
	if f.agent < 0 {
		j := f.b
		for n := 0; n < 4 && j < f.scopeEnd && c.skippable(j); n++ {
			j++
		}
		if c.wc[j] == "من" && !f.verb && strikeFamily(f.fam) {
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
			if n := c.in("agentprep", j); n > 0 {
				k := j + n
				if k < len(c.toks) && (c.st[k] == "احد" || c.st[k] == "احدي" || c.st[k] == "بعض") {
					k++ // "نفذها أحد مقاتلي التنظيم"
				}
				if m := c.mentionAt(k); m >= 0 && c.canAct(m, f) {
					set(m)
				}
				break
			}
		}
	}
	// a verb's subject after it
	if f.agent < 0 && f.verb {
		end := min(c.clauseEnd(f.b), f.b+8, f.scopeEnd)
		for j := f.b; j < end; j++ {
			if c.placeAt[j] >= 0 {
				break
			}
			m := c.mentionAt(j)
			if m < 0 {
				continue
			}
			if _, has := c.prepBefore(m); !has && c.canAct(m, f) {
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
			if c.in("comp", j) > 0 || c.in("say", j) > 0 {
				break
			}
			if c.placeAt[j] >= 0 && !f.verb {
				// "في X شن الطيران": keep looking past a place
			}
			mi := c.actAt[j]
			if mi < 0 {
				continue
			}
			m := int(mi)
			j = c.tokenAt(c.actors[m].Start)
			if !c.canAct(m, f) {
				continue
			}
			p, has := c.prepBefore(m)
			ok := !has || (p == "ل" && j > 0 && (c.cue("aircraft", j-1) > 0 || c.st[j-1] == "طيران" || c.st[j-1] == "حربي" || c.st[j-1] == "حربيه"))
			if ok && !f.verb && !c.supportAround(m, f) {
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
	// the same subject as the frame before it in the sentence
	if f.agent < 0 && prev != nil && !prev.drop && prev.agentID != "" {
		f.agent, f.agentID, f.inherited = prev.agent, prev.agentID, true
	}
	// a sentence opened by a verb with no subject continues the last one
	if f.agent < 0 && paraPrev != nil && paraPrev.agentID != "" && f.verb && f.a <= s.a+1 {
		f.agent, f.agentID, f.inherited = paraPrev.agent, paraPrev.agentID, true
	}
	if f.agent < 0 && f.agentID == "" {
		// barrel bombs and helicopters are the Syrian air force's
		for j := max(s.a, f.a-2); j < min(s.b, f.b+10); j++ {
			if c.cue("heli", j) > 0 {
				f.agentID = "syrian_government"
				break
			}
		}
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
		if c.srcAt[c.tokenAt(am.Start)] >= 0 {
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
		case has && p == "ل" && j > 0 && (c.st[j-1] == "محاوله" || c.st[j-1] == "هجوم" || c.st[j-1] == "تقدم"):
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
		if c.st[j] == "محاوله" || c.st[j] == "محاولات" || c.st[j] == "تقدم" {
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
		if c.in("support", j) > 0 {
			return true
		}
	}
	for j := max(0, a-2); j < a; j++ {
		if c.in("support", j) > 0 {
			return true
		}
	}
	return false
}
