package events

// Trigger detection and event frames: the trigger words of a sentence are
// found with the lexicon, grouped into frames (the words that tell of one
// event: "قصف جوي استهدف", "عبوة ناسفة انفجرت", "استعادة السيطرة"), and
// each frame is classified (ACLED type and subtype) and filtered (negation,
// modality, history).

// trig is one trigger word or phrase.
type trig struct {
	a, b   int // tokens [a, b)
	fam    family
	verb   bool
	future bool
	instr  bool // an instrument ("بالمدفعية", "بغارتين"): modifies the frame before it
}

// cueSet is a bit set of subtype cues found around a frame.
type cueSet uint16

const (
	cueAir cueSet = 1 << iota
	cueHeli
	cueShell
	cueMissile
	cueSuicide
	cueIED
	cueChemical
	cueGrenade
	cueAircraft
)

// cueSets maps the cue sets of the lexicon (the first sets of setNames)
// to their bits.
var cueSets = [...]struct {
	id  setID
	bit cueSet
}{
	{cAir, cueAir}, {cHeli, cueHeli}, {cShell, cueShell}, {cMissile, cueMissile},
	{cSuicide, cueSuicide}, {cIed, cueIED}, {cChemical, cueChemical},
	{cGrenade, cueGrenade}, {cAircraft, cueAircraft},
}

// cuesAt returns the cue bits of token j.
func (c *dctx) cuesAt(j int) cueSet {
	if j < 0 || j >= len(c.toks) {
		return 0
	}
	m := c.maskOf(j)
	var out cueSet
	for _, cs := range cueSets {
		if m&(1<<cs.id) != 0 {
			out |= cs.bit
		}
	}
	return out
}

// class is an ACLED type and subtype.
type class struct{ typ, sub string }

var (
	clsAir       = class{"explosions_remote_violence", "air_drone_strike"}
	clsShell     = class{"explosions_remote_violence", "shelling_artillery_missile_attack"}
	clsIED       = class{"explosions_remote_violence", "remote_explosive_landmine_ied"}
	clsSuicide   = class{"explosions_remote_violence", "suicide_bomb"}
	clsGrenade   = class{"explosions_remote_violence", "grenade"}
	clsChemical  = class{"explosions_remote_violence", "chemical_weapon"}
	clsClash     = class{"battles", "armed_clash"}
	clsGovTake   = class{"battles", "government_regains_territory"}
	clsNSATake   = class{"battles", "non_state_actor_overtakes_territory"}
	clsTransfer  = class{"strategic_developments", "non_violent_transfer_of_territory"}
	clsArrest    = class{"strategic_developments", "arrests"}
	clsLoot      = class{"strategic_developments", "looting_property_destruction"}
	clsAgree     = class{"strategic_developments", "agreement"}
	clsOther     = class{"strategic_developments", "other"}
	clsDisrupt   = class{"strategic_developments", "disrupted_weapons_use"}
	clsVACAttack = class{"violence_against_civilians", "attack"}
	clsAbduct    = class{"violence_against_civilians", "abduction_forced_disappearance"}
	clsProtest   = class{"protests", "peaceful_protest"}
)

// frame is the group of trigger words that tell of one event, with what
// the rules found around them.
type frame struct {
	trigs   []trig
	a, b    int // tokens [a, b) from the first trigger to the last
	lo      int // end of the frame before it in the sentence (or the sentence start)
	sent    int
	fam     family // the head family
	verb    bool
	cues    cueSet
	nofight bool // a take after the other side withdrew
	forced  bool // a withdrawal forced by the other side
	attempt bool // an attempted take
	drop    bool
	why     string // why the frame was dropped (for debugging)

	classes   []class
	agent     int  // actor mention of actor1, -1
	inherited bool // actor1 taken from the frame before
	told      bool // the place follows closely or is the subject of تعرض/شهد
	agent2    int  // actor mention of actor2, -1
	agentID   string
	agent2ID  string
	places    []placeRef
	scopeEnd  int // first token after the frame's place scope
}

// triggerAt finds the longest trigger starting at token i (computed once
// per token).
func (c *dctx) triggerAt(i int) (trig, bool) {
	if !c.isWord(i) {
		return trig{}, false
	}
	if !c.trigDone[i] {
		c.trigDone[i] = true
		t, ok := c.findTrigger(i)
		if ok {
			c.trig[i] = t
		}
	}
	t := c.trig[i]
	return t, t.fam != famNone
}

func (c *dctx) findTrigger(i int) (trig, bool) {
	var best trig
	bestLen := 0
	try := func(ix wordIndex, k string) {
		for _, p := range ix[k] {
			n := c.matchRest(p.rest, i+1)
			if n < 0 || 1+n < bestLen || (1+n == bestLen && !p.verb) {
				continue
			}
			if 1+n == bestLen && p.verb && !best.verb {
				continue // a noun reading of the same length wins
			}
			bestLen = 1 + n
			best = trig{a: i, b: i + 1 + n, fam: p.fam, verb: p.verb, future: p.future}
		}
	}
	try(c.lx.nouns, c.stAt(i))
	if c.wAt(i) != c.stAt(i) {
		try(c.lx.nouns, c.wAt(i))
	}
	try(c.lx.verbs, c.wAt(i))
	if c.wcAt(i) != c.wAt(i) {
		try(c.lx.verbs, c.wcAt(i))
	}
	if bestLen == 0 {
		return trig{}, false
	}
	if c.srcAtOf(i) >= 0 {
		return trig{}, false // part of a source's name ("الرقة تذبح بصمت")
	}
	// a trigger word that is part of an actor's name ("هيئة تحرير الشام")
	// is no trigger, unless it heads a force phrase ("غارات روسية").
	if m := c.actAtOf(i); m >= 0 {
		am := &c.actors[m]
		starts := c.tokenAt(am.Start) == i
		switch best.fam {
		case famAir, famBomb, famShell, famBarrel:
			if !starts {
				return trig{}, false
			}
		default:
			return trig{}, false
		}
	}
	if !best.verb {
		switch best.fam {
		case famAir, famShell, famBarrel, famIED, famSuicide:
			best.instr = c.instrumental(i)
		}
	}
	return best, true
}

// triggers returns the triggers of sentence s.
func (c *dctx) triggers(s sentence) []trig {
	var out []trig
	for i := s.a; i < s.b; i++ {
		t, ok := c.triggerAt(i)
		if !ok {
			continue
		}
		if c.stative(t) {
			continue
		}
		// "النقاط التي تقدمت عليها قوات النظام": a relative clause tells
		// the background of something else
		if t.verb && i > s.a && c.relative(i-1) && t.fam != famTarget && t.fam != famBomb {
			i = t.b - 1
			continue
		}
		out = append(out, t)
		i = t.b - 1
	}
	return out
}

// stative reports whether a take word tells of a state of control rather
// than of taking ground ("الخاضعة لسيطرة المعارضة", "مناطق سيطرة التنظيم",
// "التي يسيطر عليها"), or a trigger word is used in another sense.
func (c *dctx) stative(t trig) bool {
	i := t.a
	switch t.fam {
	case famTake:
		st := c.stAt(i)
		isSaytara := st == key("سيطرة") || st == key("سيطرتها") || st == key("سيطرته") || st == key("سيطرتهم")
		if isSaytara {
			if c.in(lStative, i-1) > 0 {
				return true
			}
			// "الخاضعة لسيطرة المعارضة"
			if c.prepOf(i) == "ل" && !hasArticle(c.proclitic(i)) {
				return true
			}
			// control must be over something: "السيطرة على"
			for j := t.b; j < t.b+3 && j < len(c.toks); j++ {
				if c.wcAt(j) == "علي" {
					return false
				}
			}
			return true
		}
		if t.verb && c.isPresent(i) {
			// "التي يسيطر عليها التنظيم": a relative clause of state
			for j := i - 1; j >= i-2 && j >= 0; j-- {
				switch c.wAt(j) {
				case "التي", "الذي", "اللتين", "الذين", "اللذين", "التى":
					return true
				}
			}
			// the present tells of a state ("يسيطر التنظيم على معظم
			// المدينة"), except in a headline ("قسد تسيطر على الطبقة")
			if c.sentIdx(i) > 1 {
				return true
			}
		}
		// a campaign's name or aim: "معركة تحرير الرقة", "عمليات
		// تحرير تلعفر", "لبسط السيطرة على"
		if !t.verb {
			switch c.stAt(i - 1) {
			case "معركه", "معارك", "عمليه", "عمليات", "حمله", "حملات", "هدف", "نيه", "خطه", "مشروع",
				"خريطه", "خرايط", "سباق", "صراع", "حرب", "مناطق", "منطقه", "تسليم", "عبر",
				"اجل", "مناسبه", "ذكري": // "من أجل استعادة الرقة", "بمناسبة تحرير"
				return true
			}
		}
		if c.wcAt(i) == key("طرد") && !t.verb {
			return false
		}
	case famSiege:
		// "تحاصرهما القوات": a siege told in the present is a state
		if t.verb && c.isPresent(i) {
			return true
		}
	case famClash, famAttack:
		if t.verb {
			break
		}
		// "معركة الرقة", "هجوم خان شيخون الكيماوي": a named battle or
		// attack is referred to, not reported
		if c.placeAtOf(t.b) >= 0 && c.places[c.placeAtOf(t.b)].pre == "" {
			return true
		}
		// "معارك تحرير أعزاز", "معركة استعادة الرقة": a campaign
		if nt, ok := c.findTrigger(t.b); ok && nt.fam == famTake && !nt.verb {
			return true
		}
		// "معركة" alone names a campaign ("معركة غضب الفرات", "المعركة");
		// a fight is told with a preposition or an adjective after it
		if st := c.stAt(i); (st == "معركه" || st == "مواجهه") && t.b == i+1 {
			n := t.b
			if !(c.skippable(n) || c.in(cAir, n) > 0) {
				switch c.wcAt(n) {
				case "مع", "ضد", "بين", "في", "علي", "قرب", "عند":
				default:
					return true
				}
			}
		}
		for j := i - 1; j >= i-3 && j >= 0; j-- {
			if c.stAt(j) == "وقف" || c.stAt(j) == "وقفا" {
				return true
			}
		}
	case famAdvance:
		// "تقدم" is also "to submit": only with a military sense, decided
		// by its place scope later.
	case famProtest:
		// "على خلفية المظاهرات", "معتقلي المظاهرات": a protest named, not
		// reported; a protest is told with an indefinite noun ("مظاهرة
		// في"), a verb ("تظاهر") or a verb of holding ("خرجت مظاهرات")
		if !t.verb {
			if c.prepOf(i) != "" {
				return true
			}
			if hasArticle(c.proclitic(i)) {
				held := false
				for j := i - 1; j >= i-4 && j >= 0; j-- {
					if c.in(lHeld, j) > 0 {
						held = true
					}
				}
				return !held
			}
		}
	case famAgree:
		// "منطقة خفض التصعيد" names a zone
		if c.wAt(i) == "خفض" && c.in(lStative, i-1) > 0 {
			return true
		}
		// "اتفاق المدن الأربع": a named agreement referred to
		if c.placeAtOf(t.b) >= 0 && c.places[c.placeAtOf(t.b)].pre == "" {
			return true
		}
	case famEvac:
		// "خروج" only counts under an agreement (checked in classify)
	}
	return false
}

func hasArticle(p string) bool {
	return len(p) >= 4 && p[len(p)-4:] == "ال"
}

// isPresent reports whether verb token i is in the imperfect (a person
// prefix ي ت ن after any conjunction).
func (c *dctx) isPresent(i int) bool {
	w := c.wcAt(i)
	return len(w) >= 2 && (w[:2] == "ي" || w[:2] == "ت" || w[:2] == "ن")
}

// noPlaceBetween reports whether tokens [a, b) hold no place mention.
func (c *dctx) noPlaceBetween(a, b int) bool {
	for j := max(a, 0); j < b && j < len(c.toks); j++ {
		if c.placeAtOf(j) >= 0 {
			return false
		}
	}
	return true
}

func (c *dctx) hasComp(a, b int) bool {
	for j := max(a, 0); j < b && j < len(c.toks); j++ {
		if c.in(lComp, j) > 0 {
			return true
		}
	}
	return false
}

// frames groups the triggers of sentence si into frames.
func (c *dctx) frames(si int) []*frame {
	s := c.sens[si]
	ts := c.triggers(s)
	var out []*frame
	var f *frame
	for _, t := range ts {
		if f != nil && c.absorb(f, t) {
			f.trigs = append(f.trigs, t)
			f.b = t.b
			continue
		}
		lo := s.a
		if f != nil {
			lo = f.b
		}
		f = &frame{trigs: []trig{t}, a: t.a, b: t.b, lo: lo, sent: si, fam: t.fam, verb: t.verb, agent: -1, agent2: -1}
		out = append(out, f)
	}
	return out
}

// absorb reports whether trigger t belongs to frame f (the frame before it
// in the same sentence), updating f's head when t is the stronger word.
func (c *dctx) absorb(f *frame, t trig) bool {
	gap := t.a - f.b
	clean := c.noPlaceBetween(f.b, t.a) && !c.hasComp(f.b, t.a)
	near := gap <= 4 && clean
	switch {
	case t.instr && clean && gap <= 8:
		return true
	case t.fam == famTarget && clean && gap <= 6 && f.fam != famTake && f.fam != famWithdraw:
		return true
	case t.fam == famBomb && t.verb && clean && gap <= 2 && violent(f.fam):
		return true // "تفجير ضرب تجمعا"
	case (t.fam == famShell || t.fam == famAir || t.fam == famBarrel) && !t.verb && !c.eventNoun(t.a) && (c.conj(t.a) || c.conj(t.a-1)) && clean && gap <= 3 &&
		(f.fam == famBarrel || f.fam == famAir || f.fam == famShell) && f.fam != t.fam && !c.isPunct(t.a-1):
		return true // "براميل متفجرة وعشرات القذائف"
	case t.fam == famMassacre && clean && gap <= 8 && violent(f.fam):
		return true
	case f.fam == famMassacre && clean && gap <= 8 && violent(t.fam):
		f.fam, f.verb = t.fam, t.verb
		return true
	case isBlast(f.fam) && isBlast(t.fam) && near:
		if t.fam == famSuicide || (f.fam == famExplode && t.fam == famIED) {
			f.fam = t.fam
		}
		return true
	case f.fam == famAttack && (t.fam == famSuicide || t.fam == famIED) && near:
		f.fam = t.fam
		return true
	case f.fam == famDisrupt && isBlast(t.fam) && clean && gap <= 6:
		return true
	case t.fam == f.fam && near && t.fam != famTarget:
		return true
	case f.fam == famTake && t.fam == famTake && near:
		return true
	case f.fam == famTake && t.fam == famWithdraw && clean && gap <= 8 && c.in(lAfter, t.a-1) > 0:
		f.nofight = true
		return true
	case f.fam == famAttack && t.fam == famClash && near:
		return true
	case f.fam == famClash && t.fam == famAttack && near:
		return true
	case f.fam == famExecute && t.fam == famShoot && gap <= 6 && clean:
		return true // "أعدم ... رميا بالرصاص"
	case f.fam == famEvac && t.fam == famAgree && gap <= 4:
		return true
	case f.fam == famSiege && t.fam == famSiege && gap <= 3:
		return true
	}
	return false
}

func isBlast(f family) bool { return f == famIED || f == famExplode || f == famSuicide }

func violent(f family) bool {
	switch f {
	case famAir, famBarrel, famShell, famBomb, famTarget, famClash, famAttack, famIED,
		famExplode, famSuicide, famExecute, famShoot:
		return true
	}
	return false
}

// relative reports whether token j is a relative pronoun.
func (c *dctx) relative(j int) bool {
	switch c.wAt(j) {
	case "التي", "الذي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "التى", "اللواتي", "اللاتي":
		return true
	}
	return false
}

// instrumental reports whether the weapon noun at token i is the
// instrument of a verb before it: "بالمدفعية", "بغارتين", "بأكثر من عشر
// قذائف", "بعدة صواريخ".
func (c *dctx) instrumental(i int) bool {
	if c.prepOf(i) == "ب" {
		return true
	}
	s := c.sentAt(i)
	for j := i - 1; j >= s.a && j >= i-4; j-- {
		if c.inNumber(j) || c.stAt(j) == "اكثر" || c.stAt(j) == "عده" || c.stAt(j) == "عشرات" || c.stAt(j) == "ميات" || c.wcAt(j) == "من" || c.stAt(j) == "نحو" || c.stAt(j) == "حوالي" {
			if c.prepOf(j) == "ب" {
				return true
			}
			continue
		}
		break
	}
	return false
}

// eventNoun reports whether token i is a noun of an attack itself ("قصف",
// "غارات") rather than of a weapon ("قذائف", "براميل").
func (c *dctx) eventNoun(i int) bool {
	switch c.stAt(i) {
	case "قصف", "قصفا", "غاره", "غارات", "ضربه", "ضربات", "غارتين", "هجوم", "هجمات":
		return true
	}
	return false
}
