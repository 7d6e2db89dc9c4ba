package events

import (
	"strings"

	"rasad/internal/arabic"
)

// Cited sources. Besides the sources of the actor lexicon (r.Sources), the
// subject of an attribution verb is a cited source: "قالت جبهة النصرة",
// "أفادت وكالة مسار برس", "قال حسن درويشو، إعلامي ...", "نقلا عن X",
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
		a, _ := c.span(sm.Start, sm.End)
		out = append(out, attribution{at: a, name: sm.Text})
	}
	for j := 0; j < len(c.toks); j++ {
		n := c.in("say", j)
		if n == 0 {
			continue
		}
		k := j + n
		// "أفادت به", "قال في بيان له"
		for k < len(c.toks) && (c.w[k] == "به" || c.w[k] == "بها" || c.wc[k] == "عن" || c.w[k] == "ل" || c.w[k] == "ما" || c.isPunct(k) && c.w[k] == "\"") {
			k++
		}
		if name, ok := c.sourceNP(k); ok {
			out = append(out, attribution{at: k, name: name})
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
	if c.srcAt[k] >= 0 {
		return "", false // a lexicon source, already listed
	}
	if m := c.mentionAt(k); m >= 0 {
		am := &c.actors[m]
		switch am.Kind {
		case "civilian", "target", "adj":
			return "", false
		}
		if _, has := c.prepBefore(m); has && c.prepOf(k) != "" {
			return "", false
		}
		return am.Text, true
	}
	if !c.isWord(k) {
		return "", false
	}
	if c.in("sourcehead", k) > 0 {
		end := k + 1
		quoted := false
		for end < len(c.toks) && end < k+7 {
			if c.isPunct(end) {
				if c.w[end] == "\"" || c.w[end] == "«" || c.w[end] == "»" {
					quoted = !quoted
					end++
					continue
				}
				if c.w[end] == "-" && end+1 < len(c.toks) && c.isWord(end+1) && !quoted {
					break
				}
				break
			}
			if c.stopWord(end) {
				break
			}
			end++
		}
		for end > k+1 && c.isPunct(end-1) {
			end--
		}
		if c.placeAt[k] >= 0 {
			return "", false
		}
		name := strings.TrimSpace(c.text[c.toks[k].Start:c.toks[end-1].End])
		return trimProclitic(c, k, name), true
	}
	// a title and a name: "الناشط أحمد العسكر", or a name alone
	j := k
	for j < len(c.toks) && j < k+2 && c.in("title", j) > 0 {
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
	if c.in("comp", j) > 0 || c.in("kill", j) > 0 || c.in("hurt", j) > 0 {
		return true
	}
	switch c.wc[j] {
	case "عن", "علي", "الي", "اليوم", "امس", "ان", "ايضا", "كما", "حيث", "بينما", "التي", "الذي", "انه", "انها", "قبل", "بعد", "خلال", "منذ", "حول", "صباح", "مساء", "فجر", "ظهر", "ليل":
		return true
	}
	if p := c.prepOf(j); p != "" {
		return true
	}
	if _, ok := c.triggerAt(j); ok {
		return true
	}
	for _, d := range c.dates {
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
			if !c.isWord(q) || c.in("notname", q) > 0 || c.actAt[q] >= 0 || c.placeAt[q] >= 0 || c.srcAt[q] >= 0 || c.in("say", q) > 0 || c.in("title", q) > 0 {
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
		if c.isPunct(e) && (c.w[e] == "," || c.w[e] == "،" || c.w[e] == "-" || c.w[e] == "(") || c.in("comp", e) > 0 || c.prepOf(e) == "ل" {
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
