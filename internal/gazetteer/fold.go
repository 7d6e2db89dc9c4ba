package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// Fold returns the matching key of an Arabic name: the form under which
// names are indexed and looked up. It is arabic.Fold, the project's
// matching-key normalization (spec/events.md, "Scoring": diacritics and
// tatweel removed; أ إ آ ٱ → ا; ى → ي; ة → ه; hamza seats, Persian letters,
// presentation forms and digits unified; letters lower-cased), followed by
// what befits a name key: runs of spaces and of the punctuation that
// separates name parts (- – — _ , ، . / ( ) " « ») become one space,
// leading and trailing spaces and replacement characters are dropped.
// A recognizer that folds text tokens with arabic.Fold and joins them with
// one space meets these keys.
func Fold(s string) string {
	f := arabic.Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		switch r {
		case utf8.RuneError:
			continue
		case '-', '_', '–', '—', '،', ',', '.', '/', '(', ')', '"', '«', '»':
			space = true
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isArabicMark reports whether r is a combining mark used in Arabic script:
// harakat, shadda, sukun, superscript alef, Quranic annotation signs.
func isArabicMark(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670:
		return true
	case r >= 0x0610 && r <= 0x061A:
		return true
	case r >= 0x06D6 && r <= 0x06ED && r != 0x06E5 && r != 0x06E6:
		return true
	}
	return false
}

// isArabicLetter reports whether r is a letter of the Arabic script blocks.
func isArabicLetter(r rune) bool {
	if !unicode.Is(unicode.Arabic, r) || isArabicMark(r) || r == 'ـ' {
		return false
	}
	return unicode.IsLetter(r)
}

// arabicShare returns the number of letters in s and how many of them are
// Arabic-script letters.
func arabicShare(s string) (letters, arabic int) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if isArabicLetter(r) {
				arabic++
			}
		}
	}
	return letters, arabic
}

// isArabicName reports whether s is a name written in Arabic script: it has
// at least two letters and all of them are Arabic.
func isArabicName(s string) bool {
	l, a := arabicShare(s)
	return l >= 2 && a == l
}

// cleanName returns the display form of an Arabic name: format characters,
// tatweel and diacritics removed, Persian yeh/keheh mapped to Arabic letters,
// and whitespace collapsed. Hamza forms and ta marbuta are kept as written.
func cleanName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, isArabicMark(r), r == 'ـ', unicode.Is(unicode.Cf, r):
			continue
		case r == 'ی':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// placeTypeWords are the folded leading words a report puts before a place
// name and the scoring drops (spec/events.md), plus محافظة.
var placeTypeWords = []string{"حي", "مدينه", "بلده", "قريه", "منطقه", "ناحيه", "محافظه"}

// stripTypeWord removes one leading place-type word from a folded name. It
// returns the name unchanged when it has none or when nothing would remain.
func stripTypeWord(folded string) string {
	for _, w := range placeTypeWords {
		if rest, ok := strings.CutPrefix(folded, w+" "); ok && rest != "" {
			return rest
		}
	}
	return folded
}
