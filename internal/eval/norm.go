package eval

import "strings"

// placeTypePrefixes are the leading place-type words Norm drops, written as
// they look after normalization (ة already folded to ه), each with its space.
var placeTypePrefixes = []string{"حي ", "مدينه ", "بلده ", "قريه ", "منطقه ", "ناحيه "}

// dropped reports whether the scorer deletes r: Arabic diacritics, Quranic
// marks, tatweel, and quotation marks.
func dropped(r rune) bool {
	switch {
	case r >= 0x0610 && r <= 0x061A,
		r >= 0x064B && r <= 0x065F,
		r == 0x0670,
		r >= 0x06D6 && r <= 0x06ED,
		r == 0x0640:
		return true
	}
	switch r {
	case '"', '\'', '“', '”', '«', '»', '‘', '’':
		return true
	}
	return false
}

// fold maps the letter variants the scorer treats as one letter.
func fold(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى':
		return 'ي'
	case 'ة':
		return 'ه'
	}
	return r
}

// pySpace reports whether Python's str.split() splits on r (str.isspace).
func pySpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680,
		0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Norm is the scorer's name normalization: diacritics, tatweel and quotes
// removed; أ إ آ ٱ → ا, ى → ي, ة → ه; whitespace runs collapsed to one space
// and trimmed; then one leading place-type word (حي، مدينة، بلدة، قرية،
// منطقة، ناحية) dropped.
func Norm(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending before the next kept rune
	for _, r := range s {
		if dropped(r) {
			continue
		}
		if pySpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(fold(r))
	}
	out := b.String()
	for _, p := range placeTypePrefixes {
		if strings.HasPrefix(out, p) {
			return out[len(p):]
		}
	}
	return out
}
