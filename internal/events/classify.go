package events

import "strings"

// filter applies the negation, denial, modality and history rules to f.
func (c *dctx) filter(f *frame) {
	s := c.sens[f.sent]
	head := f.trigs[0]
	cs := c.clauseStart(f.a)
	// negation right before the trigger ("لم تسيطر", "دون اشتباكات"),
	// skipping auxiliaries ("لم يتم استهداف")
	j := f.a - 1
	for j >= s.a && (c.wcAt(j) == "قد" || c.wcAt(j) == "يتم" || c.wcAt(j) == "تم" || c.wcAt(j) == "يكن" || c.wcAt(j) == "تكن") {
		j--
	}
	if j >= s.a && c.in(lNeg, j) > 0 {
		f.drop, f.why = true, "negated"
		return
	}
	// "لن يتمكن من السيطرة", "لم تنجح في اقتحام"
	for j := max(s.a, f.a-4); j < f.a-1; j++ {
		if c.in(lNeg, j) > 0 && c.in(lAble, j+1) > 0 {
			f.drop, f.why = true, "negated"
			return
		}
	}
	for j := max(cs, f.a-12); j < f.a; j++ {
		if c.in(lDeny, j) > 0 {
			f.drop, f.why = true, "denied"
			return
		}
	}
	if head.future {
		f.drop, f.why = true, "future"
		return
	}
	for j := max(cs, f.a-6); j < f.a; j++ {
		if c.in(lModal, j) > 0 {
			f.drop, f.why = true, "modal"
			return
		}
	}
	for j := f.b; j < f.b+3 && j < s.b; j++ {
		if c.wAt(j) == "التي" || c.wAt(j) == "الذي" || c.wAt(j) == "التى" {
			if c.in(lModal, j+1) > 0 {
				f.drop, f.why = true, "modal"
				return
			}
		}
	}
	if !f.verb && c.in(lModal, f.trigs[0].b) > 0 {
		f.drop, f.why = true, "modal" // "مظاهرات دعا إليها"
		return
	}
	// "هذا التقدم", "تلك الاشتباكات": an event already told
	if c.in(lDemonst, f.a-1) > 0 || f.b < s.b && c.in(lDemonst, f.b) > 0 && hasArticle(c.proclitic(f.a)) {
		f.drop, f.why = true, "demonstrative"
		return
	}
	// "المواجهات الأخيرة", "التقدم مستقبلا"
	for j := f.b; j < f.b+3 && j < s.b; j++ {
		if c.wAt(j) == "الاخيره" || c.wAt(j) == "الاخير" {
			f.drop, f.why = true, "past"
			return
		}
		switch c.wcAt(j) {
		case "مستقبلا", "لاحقا", "قريبا":
			f.drop, f.why = true, "modal"
			return
		}
	}
	// an aggregate over a period: "منذ أكثر من أسبوع", "خلال أربعة أشهر"
	if c.periodClause(f.a) || c.periodBefore(f) {
		f.drop, f.why = true, "aggregate"
		return
	}
	// history: "وكان ... قد سيطر", a sentence opened by كان, "غارة سابقة";
	// a report the sentence quotes ("وكانت مصادر قالت إن ...") is not
	// affected
	if (c.in(lKana, s.a) > 0 || (s.a+1 < s.b && c.isPunct(s.a) && c.in(lKana, s.a+1) > 0)) && !c.quoted(s.a, f.a) {
		f.drop, f.why = true, "pluperfect"
		return
	}
	for j := max(cs, f.a-8); j < f.a; j++ {
		if c.in(lKana, j) > 0 {
			for k := j + 1; k < f.a; k++ {
				if c.wcAt(k) == "قد" {
					f.drop, f.why = true, "pluperfect"
					return
				}
			}
		}
	}
	for j := max(s.a, f.a-3); j < min(s.b, f.b+3); j++ {
		if c.in(lPast, j) > 0 {
			f.drop, f.why = true, "past"
			return
		}
	}
	// a reference to a fight, not a report of one: "نقاط الاشتباكات"
	if !f.verb && c.in(lLocnoun, f.a-1) > 0 && c.prepOf(f.a) == "" {
		f.drop, f.why = true, "position noun"
		return
	}
	// claims of responsibility refer to events told elsewhere
	for j := max(s.a, f.a-8); j < f.a; j++ {
		if c.in(lClaim, j) > 0 {
			f.drop, f.why = true, "claim"
			return
		}
	}
	if f.fam == famWithdraw && c.prepOf(f.a) == "ل" {
		f.drop, f.why = true, "purpose"
		return
	}
	// attempt: "في محاولة لاستعادة", "بهدف السيطرة", "للسيطرة على"
	if f.fam == famTake || f.fam == famAdvance {
		if c.prepOf(f.a) == "ل" || !f.verb && c.prepOf(f.a-1) == "ل" && c.isWord(f.a-1) && !c.relative(f.a-1) {
			f.attempt = true // "للسيطرة على", "لبسط السيطرة على"
		}
		for j := max(cs, f.a-10); j < f.a; j++ {
			if c.in(lAttempt, j) > 0 {
				f.attempt = true
			}
		}
	}
	if f.fam == famWithdraw {
		for j := max(cs, f.a-4); j < f.a; j++ {
			if c.in(lForce, j) > 0 {
				f.forced = true
			}
		}
	}
}

// window is the token range where f's subtype cues are read.
func (c *dctx) window(f *frame) (int, int) {
	s := c.sens[f.sent]
	a := max(s.a, c.commaStart(f.a), f.a-8, f.lo)
	b := min(f.scopeEnd, f.b+14)
	if b < f.b {
		b = f.b
	}
	if b > s.b {
		b = s.b
	}
	return a, b
}

// readCues collects the subtype cues of f: words in its window and in
// its agent's phrase.
func (c *dctx) readCues(f *frame) {
	a, b := c.window(f)
	add := func(j int) { f.cues |= c.cuesAt(j) }
	for j := a; j < b; j++ {
		if c.placeAtOf(j) >= 0 {
			continue
		}
		if m := c.actAtOf(j); m >= 0 && m != int32(f.agent) && !c.forceOf(int(m)) {
			continue
		}
		add(j)
	}
	if f.agent >= 0 && !f.inherited {
		ma, mb := c.span(c.actors[f.agent].Start, c.actors[f.agent].End)
		for j := ma; j < mb; j++ {
			add(j)
		}
		// "الطيران الحربي للنظام": the owner after the aircraft
		for j := ma - 1; j >= ma-3 && j >= 0; j-- {
			if c.in(cAircraft, j) > 0 || c.stAt(j) == "طيران" {
				f.cues |= cueAir
			}
		}
	}
	for _, t := range f.trigs {
		switch t.fam {
		case famAir:
			f.cues |= cueAir
		case famBarrel:
			f.cues |= cueAir | cueHeli
		case famShell:
			if t.instr && (c.stAt(t.a) == key("صواريخ") || c.stAt(t.a) == key("صاروخ")) {
				f.cues |= cueMissile
			} else {
				f.cues |= cueShell
			}
		case famSuicide:
			f.cues |= cueSuicide
		case famIED:
			f.cues |= cueIED
		}
	}
}

// forceOf reports whether actor mention m is a weapon or force phrase whose
// words can be cues ("المدفعية التركية", "الطيران الحربي الروسي").
func (c *dctx) forceOf(m int) bool {
	return c.actors[m].Kind == "force"
}

// classes decides f's ACLED classes from its family, cues and agent.
func (c *dctx) classes(f *frame) {
	agentID := f.agentID
	air := f.cues&cueAir != 0
	shell := f.cues&cueShell != 0
	missile := f.cues&cueMissile != 0
	var out []class
	switch f.fam {
	case famAir, famBarrel:
		out = append(out, clsAir)
	case famShell:
		out = append(out, clsShell)
	case famBomb, famTarget, famMassacre:
		if f.fam == famMassacre && !air {
			break // a massacre is an event through the attack that made it
		}
		switch {
		case f.cues&cueChemical != 0:
			out = append(out, clsChemical)
		case f.cues&cueSuicide != 0:
			out = append(out, clsSuicide)
		case f.cues&cueIED != 0:
			out = append(out, clsIED)
		default:
			if air {
				out = append(out, clsAir)
			}
			if shell || (missile && !air) {
				out = append(out, clsShell)
			}
		}
		if len(out) == 0 {
			switch {
			case agentID == "russia" || agentID == "coalition" || agentID == "israel":
				if f.fam != famMassacre {
					out = append(out, clsAir)
				}
			case f.fam == famBomb:
				out = append(out, clsShell)
			case f.fam == famMassacre:
				out = append(out, clsVACAttack)
			}
		}
	case famClash:
		out = append(out, clsClash)
	case famAttack:
		switch {
		case f.cues&cueChemical != 0:
			out = append(out, clsChemical)
		case f.cues&cueSuicide != 0:
			out = append(out, clsSuicide)
		case f.cues&cueIED != 0 && c.cueNear(f, cIed, 3):
			out = append(out, clsIED)
		default:
			out = append(out, clsClash)
		}
	case famDown:
		if f.cues&cueAircraft != 0 || air {
			out = append(out, clsClash)
		}
	case famTake:
		switch {
		case f.attempt:
			out = append(out, clsClash)
		case f.nofight:
			out = append(out, clsTransfer)
		case govSide(agentID):
			out = append(out, clsGovTake)
		default:
			out = append(out, clsNSATake)
		}
	case famAdvance:
		out = append(out, clsClash)
	case famWithdraw:
		switch {
		case f.forced:
			if govSide(agentID) {
				out = append(out, clsGovTake)
			} else {
				out = append(out, clsNSATake)
			}
		default:
			out = append(out, clsTransfer)
		}
	case famIED, famExplode, famSuicide:
		switch {
		case c.disrupted(f):
			out = append(out, clsDisrupt)
		case f.cues&cueSuicide != 0:
			out = append(out, clsSuicide)
		case f.cues&cueChemical != 0:
			out = append(out, clsChemical)
		case f.cues&cueGrenade != 0:
			out = append(out, clsGrenade)
		default:
			out = append(out, clsIED)
		}
	case famArrest:
		out = append(out, clsArrest)
	case famAbduct:
		out = append(out, clsAbduct)
	case famExecute:
		out = append(out, clsVACAttack)
	case famShoot:
		if c.civilianVictims(f) {
			out = append(out, clsVACAttack)
		} else {
			out = append(out, clsClash)
		}
	case famLoot:
		out = append(out, clsLoot)
	case famAgree:
		if c.reached(f) {
			out = append(out, clsAgree)
		}
	case famEvac:
		if c.underDeal(f) {
			out = append(out, clsAgree)
		}
	case famProtest:
		out = append(out, clsProtest)
	case famSiege:
		if f.verb || c.supported(f) {
			out = append(out, clsOther)
		}
	case famDisrupt:
		if f.cues&(cueIED|cueSuicide) != 0 {
			out = append(out, clsDisrupt)
		}
	}
	// "قصف جوي ومدفعي", "غارات وقصف مدفعي": a second weapon joined to the first
	if len(out) == 1 && (out[0] == clsAir || out[0] == clsShell) {
		for j := f.trigs[0].b; j < f.trigs[0].b+3 && j < len(c.toks); j++ {
			if !c.conj(j) {
				if c.skippable(j) {
					continue
				}
				break
			}
			if out[0] == clsAir && c.in(cShell, j) > 0 {
				out = append(out, clsShell)
			}
			if out[0] == clsShell && c.in(cAir, j) > 0 && c.in(cAircraft, j) == 0 {
				out = append(out, clsAir)
			}
			break
		}
	}
	f.classes = out
	if len(out) == 0 && !f.drop {
		f.drop, f.why = true, "no class"
	}
}

func govSide(id string) bool {
	switch id {
	case "syrian_government", "russia", "iran", "hezbollah":
		return true
	}
	return false
}

// cueNear reports whether cue set id occurs within n tokens after f.
func (c *dctx) cueNear(f *frame, id setID, n int) bool {
	return c.anyIn(id, f.a, f.b+n) // in() is 0 past the end
}

// disrupted reports whether a blast frame tells of a bomb stopped before it
// went off ("أحبط تفجيرا", "تفجير سيارة مفخخة قبل وصولها").
func (c *dctx) disrupted(f *frame) bool {
	s := c.sens[f.sent]
	for j := max(s.a, f.a-4); j < f.a; j++ {
		if t, ok := c.triggerAt(j); ok && t.fam == famDisrupt {
			return true
		}
		switch c.wcAt(j) {
		case "دمرت", "دمر", "دمروا", "ضبط", "ضبطت", "فككت", "فكك":
			return true
		}
	}
	for j := f.b; j < f.b+10 && j < s.b; j++ {
		if c.wcAt(j) == "قبل" && j+1 < s.b {
			n := c.stAt(j + 1)
			if strings.HasPrefix(n, "وصول") || n == "ان" || strings.HasPrefix(n, "انفجار") || strings.HasPrefix(n, "تفجير") {
				return true
			}
		}
	}
	return false
}

// civilianVictims reports whether f's sentence names civilians as victims.
func (c *dctx) civilianVictims(f *frame) bool {
	if f.agent2ID == "civilians" {
		return true
	}
	a := max(f.lo, c.clauseStart(f.a))
	b := c.forwardEnd(f, max(f.scopeEnd, f.b))
	for j := a; j < b; j++ {
		if m := c.actAtOf(j); m >= 0 && c.actors[m].ID == "civilians" {
			return true
		}
		if c.isWord(j) && singles[c.stAt(j)] && c.in(lFighter, j) == 0 {
			return true
		}
	}
	return false
}

// reached reports whether an agreement word tells of an agreement reached
// or put in force ("تم التوصل إلى اتفاق", "دخل الاتفاق حيز التنفيذ").
func (c *dctx) reached(f *frame) bool {
	s := c.sens[f.sent]
	return c.anyIn(lReach, max(s.a, f.a-8), min(s.b, f.b+6))
}

// underDeal reports whether an evacuation happens under an agreement.
func (c *dctx) underDeal(f *frame) bool {
	s := c.sens[f.sent]
	for j := f.b; j < min(s.b, f.b+12); j++ {
		if c.in(lDeal, j) > 0 {
			for k := j + 1; k < j+4 && k < s.b; k++ {
				if t, ok := c.triggerAt(k); ok && t.fam == famAgree {
					return true
				}
			}
		}
	}
	for _, t := range f.trigs {
		if t.fam == famAgree {
			return true
		}
	}
	return false
}

// supported reports whether a noun is the object of a support verb
// ("فرض حصارا").
func (c *dctx) supported(f *frame) bool {
	s := c.sens[f.sent]
	return c.anyIn(lSupport, max(s.a, f.a-4), f.a)
}

// sentenceRules applies the rules that relate the frames of one sentence:
// a fight told as the manner of a take ("سيطرت على X بعد معارك مع Y") and
// a withdrawal that made a take non-violent ("سيطرت على X بعد انسحاب Y")
// belong to the take; a definite event noun with a verb of consequence
// ("أدى القصف إلى مقتل") refers back to an event already told.
func (c *dctx) sentenceRules(fs []*frame, paraPrev *frame) {
	var take *frame
	for k, f := range fs {
		if f.drop {
			continue
		}
		after := c.in(lAfter, f.a-1) > 0 || (f.a >= 2 && c.in(lAfter, f.a-2) > 0 && (c.wAt(f.a-1) == "ان" || c.isPunct(f.a-1)))
		if f.fam == famTake && !f.attempt {
			take = f
		}
		if take != nil && take != f && after {
			switch f.fam {
			case famClash, famAttack, famAdvance:
				f.drop, f.why = true, "manner of take"
				continue
			case famWithdraw:
				if k > 0 && fs[k-1] == take {
					take.nofight = true
					f.drop, f.why = true, "withdrawal before take"
					continue
				}
			}
		}
		// "تقدما تمثل في السيطرة على X": the take tells it
		if f.fam == famAdvance && k+1 < len(fs) && fs[k+1].fam == famTake && fs[k+1].a-f.b <= 6 {
			f.drop, f.why = true, "advance told as take"
			continue
		}
		if (f.fam == famClash || f.fam == famAttack) && after && k+1 < len(fs) && fs[k+1].fam == famTake {
			f.drop, f.why = true, "manner of take"
			continue
		}
		// "الهجومين اللذين استهدفا حمص": the attacks already told
		if !f.verb && hasArticle(c.proclitic(f.a)) && strings.HasSuffix(c.stAt(f.a), "ين") && c.relative(f.trigs[0].b) && c.seenViolent && violent(f.fam) {
			f.drop, f.why = true, "anaphoric"
			continue
		}
		if !f.verb && hasArticle(c.proclitic(f.a)) && c.in(lConsequence, f.b) > 0 {
			if k > 0 || paraPrev != nil {
				f.drop, f.why = true, "anaphoric"
				continue
			}
		}
	}
}

// quoted reports whether a say verb and a complementizer stand between
// tokens a and b ("قالت مصادر إن ...").
func (c *dctx) quoted(a, b int) bool {
	say := false
	for j := a; j < b; j++ {
		if c.in(lSay, j) > 0 {
			say = true
		}
		if say && c.in(lComp, j) > 0 {
			return true
		}
	}
	return false
}

// periodClause reports whether the clause of token i sums up a period
// ("منذ أكثر من أسبوع", "منذ بدء الغارات", "خلال أربعة أشهر").
func (c *dctx) periodClause(i int) bool {
	a, b := c.clauseStart(i), c.clauseEnd(i)
	for j := a; j < b; j++ {
		if c.wcAt(j) != "منذ" && c.wcAt(j) != "خلال" {
			continue
		}
		for q := j + 1; q < j+4 && q < b; q++ {
			switch c.stAt(q) {
			case "بدء", "بدايه", "اشهر", "شهر", "شهرين", "اسبوع", "اسابيع", "سنوات", "عام", "عامين", "سنه", "سنتين", "اعوام", "انطلاق", "مطلع":
				return true
			}
		}
	}
	return false
}

// lateRules drops, once places are known, frames that only name a kind of
// event: a definite event noun with no actor, no close place and no death
// ("أنواع القصف", "نتيجة الاشتباكات"), a weapon named without being fired
// ("حصل على صواريخ تاو"), and places named amid a foreign country's news.
func (c *dctx) lateRules(f *frame) {
	if f.drop || len(f.places) == 0 {
		return
	}
	head := f.trigs[0]
	if !head.verb && hasArticle(c.proclitic(f.a)) && f.agent < 0 && f.agentID == "" && !f.told && !c.killNear(f) {
		switch f.fam {
		case famBomb, famAir, famShell, famClash, famAttack, famExplode, famTarget:
			f.drop, f.why = true, "generic"
			return
		}
	}
	if f.fam == famShell && !head.verb && !head.instr && !c.eventNoun(f.a) && !f.told && !c.fired(f) {
		f.drop, f.why = true, "weapon named"
		return
	}
	var keep []placeRef
	for _, p := range f.places {
		if p.t.Place == nil && c.foreignNear(p) {
			continue
		}
		keep = append(keep, p)
	}
	f.places = keep
}

// killNear reports whether a kill word is in f's clause.
func (c *dctx) killNear(f *frame) bool {
	a, b := c.commaStart(f.a), c.clauseEnd(f.b)
	return c.anyIn(lKill, a, b)
}

// fired reports whether a weapon noun is told as fired or falling ("أطلق
// صواريخ", "سقوط قذائف", "استهدف بصواريخ").
func (c *dctx) fired(f *frame) bool {
	s := c.sens[f.sent]
	return c.anyIn(lFire, max(s.a, f.a-4), min(s.b, f.b+3))
}

// foreignNear reports whether a foreign country outside the war's theatre
// is named near place p (within its clause).
func (c *dctx) foreignNear(p placeRef) bool {
	a, b := c.commaStart(p.a), c.clauseEnd(p.b)
	return c.anyIn(lForeign, max(a, p.a-10), min(b, p.b+10))
}

// periodBefore reports whether the sentence opens with a period that the
// frame sums up ("ومنذ بداية الشهر، نفذ طيران التحالف 54 ضربة").
func (c *dctx) periodBefore(f *frame) bool {
	s := c.sens[f.sent]
	for j := s.a; j < f.a && j < s.a+3; j++ {
		if c.wcAt(j) == "منذ" || c.wcAt(j) == "خلال" {
			return c.periodClause(j)
		}
	}
	return false
}
