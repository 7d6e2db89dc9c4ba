package dates

import (
	"unicode/utf8"

	"rasad/internal/arabic"
)

// Find returns all date and time expressions in text, in order, without
// overlaps. It gives the same result as FindTokens(text,
// arabic.Tokenize(text)) (FuzzFind and a corpus check hold it to that) but
// only tokenizes the neighbourhood of words that can anchor an expression
// (month and weekday names, اليوم، أمس، duration units, four-digit years,
// digit groups joined by / - .): on news prose about a fifth of the text.
func Find(text string) []Expr {
	var p parser
	var regs []region
	regs = appendRegions(regs, text)
	for _, r := range regs {
		toks := arabic.Tokenize(text[r.a:r.b])
		if len(toks) == 0 {
			continue
		}
		for k := range toks {
			toks[k].Start += r.a
			toks[k].End += r.a
		}
		p.reset(text, toks)
		p.run()
	}
	return p.out
}

// FindTokens is Find for a caller that already has the tokens of text
// (from arabic.Tokenize or arabic.Analyze); toks must be text's tokens.
func FindTokens(text string, toks []arabic.Token) []Expr {
	var p parser
	for _, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start > t.End {
			return nil // not this text's tokens
		}
	}
	p.reset(text, toks)
	p.run()
	return p.out
}

type region struct{ a, b int }

// Context kept around a trigger word: enough for the words that can come
// before it in an expression ("منذ ما يزيد عن ثلاثة أيام", "في وقت متأخر
// من ليل أمس") and after it.
const (
	lookBack  = 64
	lookAhead = 64
)

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// addRegion adds the window around text[ws:we], snapped to whitespace and
// merged with the previous window when they touch.
func addRegion(regs []region, text string, ws, we int) []region {
	lo := 0
	if n := len(regs); n > 0 {
		lo = regs[n-1].b
	}
	a := max(ws-lookBack, lo)
	for a > lo && !isSpaceByte(text[a-1]) {
		a--
	}
	b := min(we+lookAhead, len(text))
	for b < len(text) && !isSpaceByte(text[b]) {
		b++
	}
	if n := len(regs); n > 0 && a <= regs[n-1].b {
		regs[n-1].b = max(regs[n-1].b, b)
		return regs
	}
	return append(regs, region{a, b})
}

// isWordRune reports whether r can be part of an Arabic word for the
// trigger scan (letters, marks, tatweel, joiners, presentation forms).
func isWordRune(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x065F, r >= 0x0670 && r <= 0x06D3, r == 0x06D5,
		r >= 0x06E5 && r <= 0x06E6, r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FF:
		return true
	case r >= 0x0610 && r <= 0x061A, r >= 0x06D6 && r <= 0x06ED:
		return true
	case r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF:
		return true
	case r >= 0x200B && r <= 0x200F, r == 0x00AD:
		return true
	case r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC:
		return true
	}
	return false
}

// arWord[r-0x600] caches isWordRune for U+0600..U+06FF.
var arWord [0x100]bool

func init() {
	for r := rune(0x600); r < 0x700; r++ {
		arWord[r-0x600] = isWordRune(r)
	}
}

// digitVal returns the value of an ASCII, Arabic-Indic or Persian digit at
// text[i] and its size, or -1.
func digitVal(text string, i int) (int, int) {
	c := text[i]
	if c >= '0' && c <= '9' {
		return int(c - '0'), 1
	}
	if i+1 < len(text) {
		c2 := text[i+1]
		if (c == 0xD9 && c2 >= 0xA0 && c2 <= 0xA9) || (c == 0xDB && c2 >= 0xB0 && c2 <= 0xB9) {
			return int(c2 & 0x0F), 2
		}
	}
	return -1, 0
}

// appendRegions scans text for trigger words and numbers and appends the
// merged windows to tokenize.
func appendRegions(regs []region, text string) []region {
	for i := 0; i < len(text); {
		c := text[i]
		if v, sz := digitVal(text, i); v >= 0 {
			ws := i
			n, val := 0, 0
			for i < len(text) {
				v, sz = digitVal(text, i)
				if v < 0 {
					break
				}
				if n < 5 {
					val = val*10 + v
				}
				n++
				i += sz
			}
			if (n == 4 && val >= 1300 && val <= 2200) || dateSepFollows(text, i) {
				regs = addRegion(regs, text, ws, i)
			}
			continue
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, sz := decodeAt(text, i)
		if !isWordRune(r) {
			i += sz
			continue
		}
		ws := i
		h := uint64(fnvOffset)
		simple := true // only U+0600..U+06FF runes: the skeleton hash is valid
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				break
			}
			if c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				c2 := text[i+1]
				x := rune(c&0x03)<<6 | rune(c2&0x3F) // rune - 0x600
				if !arWord[x] {
					break
				}
				if f := foldTab[x]; f >= 0 {
					h = hashRune(h, f)
				}
				i += 2
				continue
			}
			r, sz = decodeAt(text, i)
			if !isWordRune(r) {
				break
			}
			simple = false
			i += sz
		}
		if simple && !trigBloom.has(h) {
			continue
		}
		if i-ws > 3*maxWordLen {
			continue
		}
		w := arabic.Fold(text[ws:i])
		if len(w) <= maxWordLen && classify(w).trig {
			regs = addRegion(regs, text, ws, i)
		}
	}
	return regs
}

// decodeAt decodes the rune at text[i] (fast path for two-byte runes).
func decodeAt(text string, i int) (rune, int) {
	c := text[i]
	if c >= 0xC2 && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// dateSepFollows reports whether text[i:] starts with (spaces) / - . or \
// (spaces) and a digit: a possible numeric date.
func dateSepFollows(text string, i int) bool {
	for n := 0; n < 2 && i < len(text) && text[i] == ' '; n++ {
		i++
	}
	if i >= len(text) {
		return false
	}
	switch text[i] {
	case '/', '-', '.', '\\':
	default:
		return false
	}
	i++
	for n := 0; n < 2 && i < len(text) && text[i] == ' '; n++ {
		i++
	}
	if i >= len(text) {
		return false
	}
	v, _ := digitVal(text, i)
	return v >= 0
}
