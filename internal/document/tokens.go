package document

import (
	"rasad/internal/arabic"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token classes used by the clutter rules.
type kind uint8

const (
	kContent kind = iota // ordinary word
	kFiller              // punctuation only: | - : , . ( ) ...
	kWeak                // dates, times, numbers, weak UI words: clutter only next to strong clutter
	kStrong              // a UI phrase that is clutter wherever it stands
)

// Token flags.
const (
	fNum      = 1 << iota // key is digits (possibly with / . : - inside)
	fWord                 // key has a letter
	fStop                 // function word (prose signal)
	fTerm                 // ends a sentence: . ! ? ؟ …
	fEllipsis             // ends with ... or …
	fSection              // related/most-read section marker (starts a tail)
	fEnd                  // copyright/footer marker (starts a tail)
	fOpenBr               // ( [ « or a token starting with one
	fLatin                // key is Latin letters
	fDate                 // part of a date/time expression
	fInline               // a "read more" link label that may sit inside an article
	fOdd                  // holds a tatweel, an invisible or a control character
)

// tok is one whitespace-separated token of the raw text.
type tok struct {
	s, e   int32 // byte span in raw
	ks, ke int32 // key span in the key buffer
	line   int32
	kind   kind
	reason reason // clutter reason of a strong/weak phrase
	flags  uint16
	rm     reason // removal decided for this token (0 = kept)
	lex    uint8  // word classes (lStop, lNav, ...)
}

// line is one raw line: tokens [t0,t1), bytes [s,e) without the newline.
type line struct {
	s, e   int32
	t0, t1 int32
}

// tokenize splits raw into lines and tokens and computes each token's
// normalized key into keys.
func tokenize(raw string, toks []tok, lines []line, keys []byte) ([]tok, []line, []byte) {
	ls := int32(0)
	lt := int32(len(toks))
	i := 0
	n := len(raw)
	for i < n {
		switch byteClass[raw[i]] {
		case bcNewline:
			lines = append(lines, line{s: ls, e: int32(i), t0: lt, t1: int32(len(toks))})
			i++
			ls = int32(i)
			lt = int32(len(toks))
			continue
		case bcSpace:
			i++
			continue
		case bcMaybeSpace:
			if sz := spaceAt(raw, i); sz > 0 {
				i += sz
				continue
			}
		}
		t := tok{s: int32(i), line: int32(len(lines))}
		i, keys = scanToken(raw, i, keys, &t)
		toks = append(toks, t)
	}
	lines = append(lines, line{s: ls, e: int32(n), t0: lt, t1: int32(len(toks))})
	return toks, lines, keys
}

// scanToken reads the token that starts at raw[i] (not a space), appends
// its key to keys and sets t's end, key span, kind and flags. The key is
// the token folded for matching (Arabic letter variants unified, marks
// dropped, Eastern digits to ASCII, Latin lowered) without the punctuation
// at either end. It returns the index after the token.
func scanToken(raw string, i int, keys []byte, t *tok) (int, []byte) {
	n := len(raw)
	ks := len(keys)
	good := ks // key length after the last non-punctuation character
	started := false
	digits, letters, latin := 0, 0, 0
	// sentence marks since the last non-punctuation character
	term, dots, ellipsis, braces := false, 0, false, false
	j := i
scan:
	for j < n {
		c := raw[j]
		if c < utf8.RuneSelf {
			switch byteClass[c] {
			case bcSpace, bcNewline:
				break scan
			}
			j++
			if asciiPunct[c] {
				if c < ' ' || c == 0x7f {
					t.flags |= fOdd
				}
				switch c {
				case '.':
					term = true
					if dots++; dots >= 3 {
						ellipsis = true
					}
					if started {
						keys = append(keys, c)
					}
					continue
				case '!', '?':
					term = true
				case '(', '[', '{':
					if !started {
						t.flags |= fOpenBr
					}
				}
				if c == '{' || c == '}' {
					braces = true
				}
				dots = 0
				if started {
					keys = append(keys, c)
				}
				continue
			}
			switch {
			case c >= '0' && c <= '9':
				digits++
			case c >= 'A' && c <= 'Z':
				c += 32
				letters++
				latin++
			default: // a-z
				letters++
				latin++
			}
			keys = append(keys, c)
			started, good = true, len(keys)
			term, dots, ellipsis = false, 0, false
			continue
		}
		if c >= 0xD8 && c <= 0xDB && j+1 < n && raw[j+1]&0xC0 == 0x80 {
			e := &arabicKey[c-0xD8][raw[j+1]&0x3F]
			j += 2
			switch {
			case e.n == 0: // diacritic, tatweel, direction mark
				if c == 0xD9 && raw[j-1] == 0x80 || c == 0xD8 && raw[j-1] == 0x9C {
					t.flags |= fOdd
				}
			case e.punct != 0:
				if e.term != 0 {
					term = true
				}
				dots = 0
				if started {
					keys = append(keys, e.b0, e.b1)
				}
			case e.n == 1:
				digits++
				keys = append(keys, e.b0)
				started, good = true, len(keys)
				term, dots, ellipsis = false, 0, false
			default:
				letters += int(e.letter)
				keys = append(keys, e.b0, e.b1)
				// the rest of a run of Arabic letters, in a tight loop
				for j+1 < n {
					c := raw[j]
					if c < 0xD8 || c > 0xDB || raw[j+1]&0xC0 != 0x80 {
						break
					}
					e := &arabicKey[c-0xD8][raw[j+1]&0x3F]
					if e.letter == 0 {
						break
					}
					keys = append(keys, e.b0, e.b1)
					letters++
					j += 2
				}
				started, good = true, len(keys)
				term, dots, ellipsis = false, 0, false
			}
			continue
		}
		r, sz := utf8.DecodeRuneInString(raw[j:])
		if isSpaceRune(r) {
			break
		}
		j += sz
		switch {
		case isInvisible(r) || isDiacritic(r) || isControl(r):
			if !isDiacritic(r) {
				t.flags |= fOdd
			}
		case isPunctRune(r):
			switch r {
			case '…':
				term, ellipsis = true, true
			case '«':
				if !started {
					t.flags |= fOpenBr
				}
			}
			dots = 0
			if started {
				keys = utf8.AppendRune(keys, r)
			}
		default:
			f := foldRune(r)
			if f < 0 {
				continue
			}
			if f >= '0' && f <= '9' {
				digits++
			} else if unicode.IsLetter(f) {
				letters++
			}
			keys = utf8.AppendRune(keys, f)
			started, good = true, len(keys)
			term, dots, ellipsis = false, 0, false
		}
	}
	keys = keys[:good]
	t.e = int32(j)
	t.ks, t.ke = int32(ks), int32(good)
	if term {
		t.flags |= fTerm
	}
	if ellipsis {
		t.flags |= fEllipsis
	}
	if good == ks {
		t.kind = kFiller
		return j, keys
	}
	if letters > 0 {
		t.flags |= fWord
		if latin == letters {
			t.flags |= fLatin
		}
	} else if digits > 0 {
		t.flags |= fNum
		t.kind = kWeak
	}
	if latin == letters && letters >= 10 && gluedSocial(string(keys[ks:good])) {
		// share buttons scraped without spaces: "TelegramWhatsApp"
		t.kind, t.reason = kStrong, rShare
	}
	if braces {
		if w := raw[t.s:j]; strings.Contains(w, "{{") || strings.Contains(w, "}}") {
			// an unrendered template placeholder: {{title}}, {{# comments}}
			t.kind, t.reason = kStrong, rHeader
		}
	}
	return j, keys
}

// Byte classes for the tokenizer's scan.
const (
	bcPlain      = iota // ASCII that is not a space
	bcSpace             // ASCII space other than a line break
	bcNewline           // '\n'
	bcArabic            // lead byte of a 2-byte Arabic-block character
	bcMaybeSpace        // lead byte that may start a Unicode space (NBSP, U+2000...)
	bcOther             // other lead or stray continuation byte
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c == '\n':
			t[c] = bcNewline
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			t[c] = bcSpace
		case c < 0x80:
			t[c] = bcPlain
		case c >= 0xD8 && c <= 0xDB:
			t[c] = bcArabic
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
			t[c] = bcMaybeSpace
		default:
			t[c] = bcOther
		}
	}
	return
}()

// runeLen is the length of the UTF-8 sequence a lead byte announces (1 for
// an invalid lead byte).
func runeLen(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	case c < 0xF8:
		return 4
	}
	return 1
}

// spaceAt returns the byte length of a non-ASCII space character at s[i]
// (NBSP and the other Unicode spaces), or 0. Only the lead bytes that can
// start such a character are decoded.
func spaceAt(s string, i int) int {
	c := s[i]
	if c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
		return 0
	}
	r, sz := utf8.DecodeRuneInString(s[i:])
	if isSpaceRune(r) {
		return sz
	}
	return 0
}

func isSpaceRune(r rune) bool {
	switch r {
	case 0xA0, 0x2007, 0x202F, 0x3000, 0x1680, 0x85, 0x2028, 0x2029:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// isDiacritic reports Arabic marks that never change a word's identity for
// matching purposes (harakat, Quranic marks, dagger alef) and tatweel.
func isDiacritic(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || (r >= 0x0610 && r <= 0x061A) ||
		(r >= 0x06D6 && r <= 0x06ED) || r == 0x0640
}

// isInvisible reports format characters dropped from keys (and removed by
// the spacing pass): directional marks, zero-width space, BOM, soft hyphen.
func isInvisible(r rune) bool {
	switch r {
	case 0x200B, 0x200E, 0x200F, 0xFEFF, 0x00AD, 0x2060, 0x061C:
		return true
	}
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

func isPunctRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiPunct[r]
	}
	if r >= 0x0600 && r <= 0x06FF {
		switch r {
		case '،', '؛', '؟', '٪', '۔', '٫', '٬', '٭', 0x060D, 0x061E:
			return true
		}
		return false
	}
	switch r {
	case '«', '»', '…', '–', '—', '‘', '’', '“', '”', '•', '·', '″', '′', '■', '►', '▪', '●', '©', '®', '™', 0xFFFD:
		return true
	}
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

var asciiPunct = func() (t [utf8.RuneSelf]bool) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		t[r] = r < '0' || (r > '9' && r < 'A') || (r > 'Z' && r < 'a') || r > 'z'
	}
	return
}()

// foldRune maps a rune to its matching form (package arabic's folding:
// letter variants unified, diacritics dropped, Eastern digits to ASCII, Latin
// lowered). It returns -1 for runes dropped.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	if r >= 0x0600 && r <= 0x06FF {
		return arabicFold[r-0x0600]
	}
	if isInvisible(r) {
		return -1
	}
	return arabic.FoldRune(r)
}

// arabicKey is the key form of each 2-byte Arabic-block character, by lead
// byte (0xD8–0xDB) and continuation bits: n output bytes (0 dropped, 1 a
// digit, 2 a character) and whether it counts as a letter.
var arabicKey = func() (t [4][64]struct {
	b0, b1                 byte
	n, letter, punct, term uint8
}) {
	for lead := 0; lead < 4; lead++ {
		for lo := 0; lo < 64; lo++ {
			r := rune(0xD8+lead)&0x1F<<6 | rune(lo)
			f := arabicFold[r-0x0600]
			e := &t[lead][lo]
			switch {
			case f < 0:
			case f < utf8.RuneSelf:
				e.n, e.b0 = 1, byte(f)
			default:
				e.n, e.b0, e.b1 = 2, byte(0xC0|f>>6), byte(0x80|f&0x3F)
				switch {
				case isPunctRune(f):
					e.punct = 1
					if f == '؟' || f == '۔' {
						e.term = 1
					}
				case f >= 0x0620:
					e.letter = 1
				}
			}
		}
	}
	return
}()

// arabicFold is package arabic's folding over the Arabic block, with the
// cleaner's invisible characters dropped too.
var arabicFold = func() (t [256]rune) {
	for i := range t {
		r := rune(0x0600 + i)
		if isInvisible(r) {
			t[i] = -1
		} else {
			t[i] = arabic.FoldRune(r)
		}
	}
	return
}()

var socialNames = []string{"facebook", "twitter", "whatsapp", "telegram", "linkedin", "google", "pinterest",
	"reddit", "email", "print", "tumblr", "messenger", "instagram", "youtube", "viber", "share", "tweet", "vk", "ok"}

// gluedSocial reports whether k is two or more social network names run
// together.
func gluedSocial(k string) bool {
	n := 0
	for k != "" {
		found := false
		for _, s := range socialNames {
			if strings.HasPrefix(k, s) {
				k = k[len(s):]
				n++
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return n >= 2
}

// normKey returns the matching key of a phrase word (same folding as
// token keys).
func normKey(w string) string {
	var t tok
	_, k := scanToken(w, 0, nil, &t)
	return string(k)
}
