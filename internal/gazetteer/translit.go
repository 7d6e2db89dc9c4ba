package gazetteer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The generator sometimes has several Arabic names for one place (Who's On
// First keeps GeoNames' alternates: an Arabic name, a Kurdish or Turkmen
// one, an older one). It picks as canonical the Arabic name closest to the
// source's preferred romanized name. Both sides are reduced to a consonant
// skeleton over a coarse common alphabet (emphatics merged with plain
// consonants, vowels and weak letters dropped, the article removed) and
// compared by longest common subsequence.

// arabicClass maps an Arabic letter to its skeleton class; letters absent
// from the map (alef, waw, yeh, ain, hamza) are dropped.
var arabicClass = map[rune]byte{
	'ب': 'b', 'پ': 'b', 'ت': 't', 'ث': 't', 'ط': 't', 'ج': 'g', 'چ': 'g', 'غ': 'g', 'گ': 'g',
	'ح': 'h', 'ه': 'h', 'ة': 'h', 'ە': 'h', 'خ': 'k', 'ك': 'k', 'ک': 'k', 'ق': 'k',
	'د': 'd', 'ذ': 'd', 'ض': 'd', 'ظ': 'z', 'ز': 'z', 'ر': 'r', 'س': 's', 'ش': 's', 'ص': 's',
	'ف': 'f', 'ڤ': 'f', 'ل': 'l', 'م': 'm', 'ن': 'n',
}

// latinArticles are romanized forms of the Arabic article written as a
// separate word ("Al Bab", "As Safirah", "Tall al Hawa").
var latinArticles = map[string]bool{
	"al": true, "el": true, "as": true, "ash": true, "ad": true, "adh": true, "ar": true,
	"at": true, "ath": true, "az": true, "an": true, "ed": true, "es": true, "er": true,
	"et": true, "ez": true, "en": true,
}

// arabicSkeleton returns the consonant skeleton of an Arabic name.
func arabicSkeleton(s string) string {
	var b []byte
	for _, w := range strings.Fields(cleanName(s)) {
		if r := []rune(w); len(r) > 3 && r[0] == 'ا' && r[1] == 'ل' {
			w = string(r[2:])
		}
		for _, r := range w {
			if c, ok := arabicClass[r]; ok && (len(b) == 0 || b[len(b)-1] != c) {
				b = append(b, c)
			}
		}
	}
	return string(b)
}

// latinSkeleton returns the consonant skeleton of a romanized name.
func latinSkeleton(s string) string {
	var plain strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r >= 'a' && r <= 'z':
			plain.WriteRune(r)
		default:
			plain.WriteByte(' ')
		}
	}
	var b []byte
	for _, w := range strings.Fields(plain.String()) {
		if latinArticles[w] {
			continue
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if i+1 < len(w) && w[i+1] == 'h' {
				switch c {
				case 'k':
					c, i = 'k', i+1
				case 's', 'c':
					c, i = 's', i+1
				case 't':
					c, i = 't', i+1
				case 'd':
					c, i = 'd', i+1
				case 'g':
					c, i = 'g', i+1
				case 'p':
					c, i = 'f', i+1
				case 'z':
					c, i = 'z', i+1
				}
			}
			switch c {
			case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
				continue
			case 'q', 'c':
				c = 'k'
			case 'j':
				c = 'g'
			case 'p':
				c = 'b'
			case 'v':
				c = 'f'
			case 'x':
				c = 'k'
			}
			if len(b) == 0 || b[len(b)-1] != c {
				b = append(b, c)
			}
		}
	}
	return string(b)
}

// skeletonSimilarity returns 2·LCS/(|a|+|b|) in [0,1].
func skeletonSimilarity(a, b string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(b)]) / float64(len(a)+len(b))
}

// pickCanonical returns the index of the Arabic name in names that best
// matches the romanized name en; the first name wins ties and when en is
// not romanized. A name without the article loses to the same name with
// it, and a name with Kurdish or Persian letters to one without. Ties are
// broken with the romanized alternates that carry BGN/PCGN diacritics
// (ḩ ḑ ţ ş ẓ ‘), which tell ح from ه, ض from د and so on.
func pickCanonical(names []string, en string, romanized ...string) int {
	if len(names) < 2 {
		return 0
	}
	ls := latinSkeleton(en)
	if ls == "" {
		return 0
	}
	var fine []string
	for _, r := range append([]string{en}, romanized...) {
		if f, ok := fineLatinSkeleton(r); ok {
			fine = append(fine, f)
		}
	}
	folded := make(map[string]bool, len(names))
	for _, n := range names {
		folded[Fold(n)] = true
	}
	best, bestScore := 0, -1.0
	for i, n := range names {
		score := skeletonSimilarity(arabicSkeleton(n), ls)
		if !isStandardArabic(n) {
			score -= 0.5 // Kurdish/Persian letters: a variant, not the canonical
		}
		if folded["ال"+Fold(n)] {
			score -= 0.05 // "X" beside "الX": reports write the article
		}
		fa := fineArabicSkeleton(n)
		fineBest := 0.0
		for _, f := range fine {
			fineBest = max(fineBest, skeletonSimilarity(fa, f))
		}
		score += 0.01 * fineBest
		if score > bestScore+1e-9 {
			best, bestScore = i, score
		}
	}
	return best
}

// fineArabic keeps the distinctions the coarse classes merge.
var fineArabic = map[rune]byte{
	'ح': 'H', 'ه': 'h', 'ة': 'h', 'ض': 'D', 'د': 'd', 'ط': 'T', 'ت': 't', 'ص': 'S', 'س': 's',
	'ظ': 'Z', 'ز': 'z', 'ع': '3', 'ق': 'q', 'ك': 'k', 'غ': 'G', 'خ': 'x', 'ث': 'c', 'ذ': 'v',
	'ش': 'w', 'ب': 'b', 'ج': 'j', 'ر': 'r', 'ف': 'f', 'ل': 'l', 'م': 'm', 'ن': 'n',
}

func fineArabicSkeleton(s string) string {
	var b []byte
	for _, w := range strings.Fields(cleanName(s)) {
		if r := []rune(w); len(r) > 3 && r[0] == 'ا' && r[1] == 'ل' {
			w = string(r[2:])
		}
		for _, r := range w {
			if c, ok := fineArabic[r]; ok && (len(b) == 0 || b[len(b)-1] != c) {
				b = append(b, c)
			}
		}
	}
	return string(b)
}

// fineLatinSkeleton maps a BGN/PCGN romanization to the fineArabic classes.
// ok is false when s has no diacritic to learn from.
func fineLatinSkeleton(s string) (skel string, ok bool) {
	s = norm.NFC.String(strings.ToLower(s))
	if !strings.ContainsAny(s, "ḩḑţşẓ‘`ʿ") {
		return "", false
	}
	var b []byte
	rs := []rune(s)
	for _, w := range strings.FieldsFunc(string(rs), func(r rune) bool { return r == ' ' || r == '-' }) {
		if latinArticles[w] {
			continue
		}
		wr := []rune(w)
		for i := 0; i < len(wr); i++ {
			r := wr[i]
			var c byte
			if i+1 < len(wr) && wr[i+1] == 'h' {
				switch r {
				case 'k':
					c = 'x'
				case 'g':
					c = 'G'
				case 't':
					c = 'c'
				case 'd':
					c = 'v'
				case 's':
					c = 'w'
				}
				if c != 0 {
					i++
				}
			}
			if c == 0 {
				switch r {
				case 'ḩ':
					c = 'H'
				case 'ḑ':
					c = 'D'
				case 'ţ':
					c = 'T'
				case 'ş':
					c = 'S'
				case 'ẓ':
					c = 'Z'
				case '‘', '`', 'ʿ':
					c = '3'
				case 'h', 'd', 't', 's', 'z', 'q', 'k', 'b', 'j', 'r', 'f', 'l', 'm', 'n':
					c = byte(r)
				case 'g':
					c = 'j'
				default:
					continue
				}
			}
			if len(b) == 0 || b[len(b)-1] != c {
				b = append(b, c)
			}
		}
	}
	return string(b), true
}

// isStandardArabic reports whether every letter of s belongs to the Arabic
// alphabet proper (no Persian, Kurdish or Urdu additions).
func isStandardArabic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !(r >= 0x0621 && r <= 0x064A) {
			return false
		}
	}
	return true
}

// latinPlain removes diacritics from a romanized name ("Ḩimş" → "Hims").
func latinPlain(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
