package events

import (
	"strings"

	"rasad/internal/arabic"
)

// Cited sources. Besides the sources of the actor lexicon (r.Sources), the
// subject of an attribution verb is a cited source: "قالت حركة أحرار الشام",
// "أفادت وكالة سمارت", "قال محمد الأحمد، ناشط ...", "نقلا عن X",
// "بحسب X".

// attribution is one cited source at a token.
type attribution struct {
	at   int
	name string
}

// attributions returns the cited sources of the document in text order.
func (c *dctx) attributions() []attribution {
	var out []attribution
	for _, sm := range c.sources {
		a, b := c.span(sm.Start, sm.End)
		if c.namesPlace(a, b) {
			continue // "مدينة الميادين" is the town, not the channel
		}
		out = append(out, attribution{at: a, name: sm.Text})
	}
	for j := 0; j < len(c.toks); j++ {
		if !c.mayBe(lSay, j) {
			continue
		}
		n := c.in(lSay, j)
		if n == 0 {
			continue
		}
		if c.prepOf(j) == "ل" {
			continue // "لنقل الجرحى" is not "نقل عن"
		}
		k := j + n
		// "قالت "سوريا مباشر" إن": a quoted name
		if name, ok := c.quotedName(k); ok {
			out = append(out, attribution{at: k, name: name})
			continue
		}
		// "أفادت به", "قال في بيان له"
		for k < len(c.toks) && (c.wAt(k) == "به" || c.wAt(k) == "بها" || c.wcAt(k) == "عن" || c.wAt(k) == "ل" || c.wAt(k) == "ما" || c.isPunct(k) && c.wAt(k) == "\"") {
			k++
		}
		if name, ok := c.sourceNP(k); ok {
			out = append(out, attribution{at: k, name: name})
			// "قال الناشط في شبكة محلية، سامر الحسن، إن"
			e := c.npEnd(k)
			if c.isPunct(e) && (c.wAt(e) == "," || c.wAt(e) == "،") {
				if pn, ok := c.personName(e + 1); ok {
					out = append(out, attribution{at: e + 1, name: pn})
				}
			}
		}
	}
	// "في حديث لعنب بلدي مع الدفاع المدني": who the outlet spoke with
	for j := 0; j+1 < len(c.toks); j++ {
		switch c.stAt(j) {
		case "حديث", "اتصال", "تصريح", "مقابله", "لقاء":
		default:
			continue
		}
		for k := j + 1; k < j+5 && k < len(c.toks); k++ {
			if c.wcAt(k) != "مع" {
				continue
			}
			q := k + 1
			for q < len(c.toks) && q < k+4 && c.in(lTitle, q) > 0 {
				q++
			}
			if name, ok := c.sourceNP(k + 1); ok {
				out = append(out, attribution{at: k + 1, name: name})
			} else if pn, ok := c.personName(q); ok {
				out = append(out, attribution{at: q, name: pn})
			}
			e := c.npEnd(k + 1)
			if c.isPunct(e) && (c.wAt(e) == "," || c.wAt(e) == "،") {
				if pn, ok := c.personName(e + 1); ok {
					out = append(out, attribution{at: e + 1, name: pn})
				}
			}
			break
		}
	}
	// a source at the head of a paragraph: "مكتب الشبكة - حمص"
	for si, s := range c.sens {
		if si > 0 && c.sens[si-1].para == s.para {
			continue
		}
		if c.in(lSourcehead, s.a) == 0 {
			continue
		}
		for e := s.a + 1; e < s.b && e < s.a+5; e++ {
			if c.isPunct(e) && c.wAt(e) == "-" {
				out = append(out, attribution{at: s.a, name: c.text[c.toks[s.a].Start:c.toks[e-1].End]})
				break
			}
			if !c.isWord(e) {
				break
			}
		}
	}
	// stable order by position
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].at < out[j-1].at; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// sourceNP reads the noun phrase of a source at token k.
func (c *dctx) sourceNP(k int) (string, bool) {
	if k >= len(c.toks) {
		return "", false
	}
	if c.srcAtOf(k) >= 0 {
		return "", false // a lexicon source, already listed
	}
	if m := c.mentionAt(k); m >= 0 {
		am := &c.actors[m]
		switch am.Kind {
		case "target", "adj":
			return "", false
		case "civilian":
			if am.Group == "" || !strings.Contains(am.Text, " ") {
				return "", false // "المدنيين"; "الدفاع المدني" is a source
			}
		}
		if _, has := c.prepBefore(m); has && c.prepOf(k) != "" {
			return "", false
		}
		return am.Text, true
	}
	if !c.isWord(k) {
		return "", false
	}
	if c.in(lSourcehead, k) > 0 {
		end := k + 1
		quoted := false
		for end < len(c.toks) && end < k+7 {
			if c.isPunct(end) {
				if c.wAt(end) == "\"" || c.wAt(end) == "«" || c.wAt(end) == "»" {
					quoted = !quoted
					end++
					continue
				}
				if c.wAt(end) == "-" && end+1 < len(c.toks) && c.isWord(end+1) && !quoted {
					break
				}
				break
			}
			if c.stopWord(end) {
				break
			}
			end++
		}
		// trim what cannot end a name: punctuation, a preposition, a
		// lone letter ("المركز الإعلامي ل - قسد")
		for end > k+1 && (c.isPunct(end-1) || c.wcAt(end-1) == "في" || c.wcAt(end-1) == "من" || len([]rune(c.wAt(end-1))) == 1) {
			end--
		}
		if c.placeAtOf(k) >= 0 {
			return "", false
		}
		name := strings.TrimSpace(c.text[c.toks[k].Start:c.toks[end-1].End])
		return trimProclitic(c, k, name), true
	}
	// a title and a name: "الناشط سامر الحسن", or a name alone
	j := k
	for j < len(c.toks) && j < k+2 && c.in(lTitle, j) > 0 {
		j++
	}
	if name, ok := c.personName(j); ok {
		return name, true
	}
	return "", false
}

// stopWord reports whether token j ends a source phrase.
func (c *dctx) stopWord(j int) bool {
	if !c.isWord(j) {
		return true
	}
	if c.in(lComp, j) > 0 || c.in(lKill, j) > 0 || c.in(lHurt, j) > 0 {
		return true
	}
	if c.wcAt(j) == "في" {
		switch c.stAt(j + 1) {
		case "بيان", "تصريح", "تصريحات", "حديث", "موتمر", "اتصال", "تغريده", "رساله", "بريد", "مقابله", "تسجيل":
			return true // "قال المتحدث في بيان"
		}
	}
	switch c.wcAt(j) {
	case "عن", "علي", "الي", "اليوم", "امس", "ان", "ايضا", "كما", "حيث", "بينما", "التي", "الذي", "انه", "انها", "قبل", "بعد", "خلال", "منذ", "حول", "صباح", "مساء", "فجر", "ظهر", "ليل":
		return true
	}
	if p := c.prepOf(j); p != "" && c.stAt(j) != "اسم" {
		return true // but "المتحدث باسم الحملة"
	}
	if _, ok := c.triggerAt(j); ok {
		return true
	}
	for _, d := range c.allDates() {
		if j >= d.a && j < d.b {
			return true
		}
	}
	return false
}

// personName reads a person's name of two or three words at token j,
// followed by a comma, a dash, a complementizer or a preposition.
func (c *dctx) personName(j int) (string, bool) {
	for n := 2; n <= 3; n++ {
		e := j + n
		if e > len(c.toks) {
			return "", false
		}
		ok := true
		for q := j; q < e; q++ {
			if !c.isWord(q) || c.in(lNotname, q) > 0 || c.actAtOf(q) >= 0 || c.placeAtOf(q) >= 0 || c.srcAtOf(q) >= 0 || c.in(lSay, q) > 0 || c.in(lTitle, q) > 0 ||
				c.in(lHurt, q) > 0 || c.in(lKill, q) > 0 || c.conj(q) {
				ok = false
				break
			}
			if _, trig := c.triggerAt(q); trig {
				ok = false
				break
			}
		}
		if !ok {
			return "", false
		}
		if hasArticle(c.proclitic(j)) || c.prepOf(j) != "" {
			return "", false
		}
		if e == len(c.toks) {
			continue
		}
		if c.isPunct(e) && (c.wAt(e) == "," || c.wAt(e) == "،" || c.wAt(e) == "-" || c.wAt(e) == "(") || c.in(lComp, e) > 0 || c.prepOf(e) == "ل" ||
			c.wcAt(e) == "من" && (c.stAt(e+1) == "جهته" || c.stAt(e+1) == "جانبه") {
			return c.text[c.toks[j].Start:c.toks[e-1].End], true
		}
	}
	return "", false
}

// trimProclitic drops a conjunction or preposition written on the first
// word of a phrase ("وبحسب" is not part of the name).
func trimProclitic(c *dctx, k int, name string) string {
	p := c.proclitic(k)
	if p == "" || hasArticle(p) && len(p) == 4 {
		return name
	}
	// remove the proclitic letters (not the article) from the written form
	strip := strings.TrimSuffix(p, "ال")
	n := len([]rune(strip))
	r := []rune(name)
	// skip diacritics and tatweel while counting letters
	i, cnt := 0, 0
	for i < len(r) && cnt < n {
		if arabic.Fold(string(r[i])) != "" {
			cnt++
		}
		i++
	}
	return string(r[i:])
}

// namesPlace reports whether tokens [a, b) are a place written with its
// place-type word ("مدينة الميادين").
func (c *dctx) namesPlace(a, b int) bool {
	for j := a; j < b; j++ {
		pi := c.placeAtOf(j)
		if pi < 0 {
			continue
		}
		t := c.places[pi].t
		if t.Cue != "" || c.placeCue(c.places[pi].a-1) {
			return true
		}
	}
	return false
}

// quotedName reads a source's name written in quotes after an attribution
// verb: "قالت " سوريا مباشر " إن".
func (c *dctx) quotedName(k int) (string, bool) {
	if !c.isPunct(k) || (c.wAt(k) != "\"" && c.wAt(k) != "«") {
		return "", false
	}
	for e := k + 1; e < len(c.toks) && e <= k+6; e++ {
		if c.isPunct(e) {
			if (c.wAt(e) == "\"" || c.wAt(e) == "»") && e > k+1 {
				name := c.text[c.toks[k+1].Start:c.toks[e-1].End]
				return name, true
			}
			return "", false
		}
		if c.in(lComp, e) > 0 {
			return "", false
		}
	}
	return "", false
}

// npEnd returns the token after the source phrase starting at k (the
// extent sourceNP reads).
func (c *dctx) npEnd(k int) int {
	if m := c.mentionAt(k); m >= 0 {
		return c.mentionEnd(m)
	}
	if c.srcAtOf(k) >= 0 {
		_, b := c.span(c.sources[c.srcAtOf(k)].Start, c.sources[c.srcAtOf(k)].End)
		return b
	}
	end := k + 1
	quoted := false
	for end < len(c.toks) && end < k+7 {
		if c.isPunct(end) {
			if c.wAt(end) == "\"" || c.wAt(end) == "«" || c.wAt(end) == "»" {
				quoted = !quoted
				end++
				continue
			}
			break
		}
		if c.stopWord(end) {
			break
		}
		end++
	}
	return end
}
