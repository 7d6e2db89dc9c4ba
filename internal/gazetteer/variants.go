package gazetteer

import (
	"strings"
	"unicode/utf8"
)

// Spelling variants the generator adds to every Arabic name. Fold already
// equates hamza seats on alef, ى/ي and ة/ه, so only alternates that fold to a
// different key are generated:
//
//   - the article: a one-word name "الX" also as "X" when the bare stem
//     keeps at least four letters (so "الباب" does not yield the common
//     noun "باب"), and a phrase whose words all carry the article
//     ("الحجر الأسود") also without it when each stem keeps three;
//   - compounds written joined or apart: كفر، دير، تل، البو followed by a
//     word ("كفر نبل" ↔ "كفرنبل", "دير الزور" ↔ "ديرالزور"), and معرة which
//     is written معرت when joined ("معرة مصرين" ↔ "معرتمصرين");
//   - a final hamza after alef dropped ("السويداء" → "السويدا").
//
// (Hamza on yeh or waw written as plain yeh or waw, "القائم"/"القايم", is
// equated by Fold.)

// compoundHeads are first words that reports write either joined to the
// next word or apart from it.
var compoundHeads = []string{"كفر", "دير", "تل", "البو"}

// minStem is the least number of letters a generated stem must keep.
const minStem = 4

// generateVariants returns the generated alternates of name (a cleaned
// Arabic name), possibly including forms that fold like name itself.
func generateVariants(name string) []string {
	var out []string
	add := func(s string) {
		if s != "" && s != name {
			out = append(out, s)
		}
	}
	words := strings.Fields(name)
	if len(words) == 0 {
		return nil
	}
	// Article.
	if allHaveArticle(words) {
		bare := make([]string, len(words))
		ok := true
		for i, w := range words {
			bare[i] = strings.TrimPrefix(w, "ال")
			if n := utf8.RuneCountInString(bare[i]); n < minStem && (len(words) == 1 || n < minStem-1) {
				ok = false
			}
		}
		if ok {
			add(strings.Join(bare, " "))
		}
	}
	// Compounds.
	if len(words) >= 2 {
		for _, h := range compoundHeads {
			if words[0] == h {
				add(h + strings.Join(words[1:], " "))
			}
		}
		if words[0] == "معرة" && !strings.HasPrefix(words[1], "ال") {
			add("معرت" + strings.Join(words[1:], " "))
		}
	} else {
		w := words[0]
		for _, h := range compoundHeads {
			if rest, ok := strings.CutPrefix(w, h); ok && utf8.RuneCountInString(rest) >= 3 && !strings.HasPrefix(rest, "ة") {
				add(h + " " + rest)
			}
		}
		if rest, ok := strings.CutPrefix(w, "معرت"); ok && utf8.RuneCountInString(rest) >= 3 {
			add("معرة " + rest)
		}
	}
	// Final hamza after alef, on the last word.
	last := words[len(words)-1]
	if strings.HasSuffix(last, "اء") && utf8.RuneCountInString(last) > 3 {
		w2 := append([]string(nil), words...)
		w2[len(w2)-1] = strings.TrimSuffix(last, "ء")
		add(strings.Join(w2, " "))
	}
	return out
}

func allHaveArticle(words []string) bool {
	for _, w := range words {
		if !strings.HasPrefix(w, "ال") || utf8.RuneCountInString(w) < 4 {
			return false
		}
	}
	return true
}

// adminWords are the words that introduce an administrative unit's name.
var adminWords = []string{"محافظة", "منطقة", "ناحية", "مركز"}

// stripAdminWord removes a leading administrative word (folded comparison)
// from a cleaned name and returns the rest and the word removed ("" if none).
func stripAdminWord(name string) (rest, word string) {
	w, r, ok := strings.Cut(name, " ")
	if !ok {
		return name, ""
	}
	fw := Fold(w)
	for _, a := range adminWords {
		if fw == Fold(a) {
			return r, a
		}
	}
	return name, ""
}

// looseKey is a key that equates names differing only in the article,
// spacing and doubled letters: it is used to accept a source's alias as a
// spelling of the same name and to reject aliases that name something else.
func looseKey(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(Fold(s)) {
		if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 {
			w = w[len("ال"):]
		}
		b.WriteString(w)
	}
	return b.String()
}
