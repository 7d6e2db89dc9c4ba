package arabic

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold decisions (the matching-key normalization of the whole project):
//
//   - removed: Arabic diacritics (harakat, tanwin, shadda, sukun, U+0653-U+065F,
//     superscript alef U+0670), Quranic annotation marks (U+0610-U+061A,
//     U+06D6-U+06ED), tatweel U+0640, soft hyphen U+00AD and invisible
//     format/bidi controls (U+061C, U+200B-U+200F, U+202A-U+202E,
//     U+2060-U+2064, U+2066-U+2069, U+FEFF);
//   - alef forms أ إ آ ٱ ٲ ٳ ٵ → ا; ى → ي; ة → ه;
//   - hamza seats: ؤ → و and ئ → ي (so "مسؤول"/"مسوول" and "رئيس"/"ريس"
//     meet; the bare hamza ء is kept because it is a letter of its own);
//   - Persian/Urdu/Kurdish letters: ک ڪ → ك; ی ې ۍ ێ ے ۓ → ي;
//     ہ ۂ ۃ ۀ ە ھ → ه;
//   - digits ٠-٩ and ۰-۹ → 0-9; ٫ (Arabic decimal separator) → ".",
//     ٬ (Arabic thousands separator) → ",", ٪ → "%", ۔ → ".";
//     the Arabic comma ، semicolon ؛ and question mark ؟ are kept;
//   - presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFC) → base letters
//     (their compatibility decomposition, then folded); isolated harakat
//     forms, which decompose to a space and a mark, are removed;
//   - cased letters (Latin, Greek, Cyrillic, ...) are lowercased;
//   - invalid UTF-8 bytes become U+FFFD, so the output is always valid UTF-8.
//
// Whitespace is never changed. Fold is idempotent: Fold(Fold(s)) == Fold(s).

const (
	fkKeep = iota // copy the input rune unchanged
	fkDel         // drop it
	fkRune        // replace with one rune
	fkStr         // replace with a string (presentation forms)
)

// lowRep[r] for r < 0x800: -1 delete, otherwise the replacement rune
// (r itself when kept).
var lowRep [0x800]rune

// presRep holds the folded expansions of U+FB50..U+FEFF (presFirst..presLast);
// presKind the fk* action for each.
const (
	presFirst = 0xFB50
	presLast  = 0xFEFF
)

var (
	presRep  [presLast - presFirst + 1]string
	presKind [presLast - presFirst + 1]uint8
)

func init() {
	for r := rune(0); r < 0x800; r++ {
		lowRep[r] = r
		if unicode.IsUpper(r) {
			if l := unicode.ToLower(r); l != r {
				lowRep[r] = l
			}
		}
	}
	del := func(a, b rune) {
		for r := a; r <= b; r++ {
			lowRep[r] = -1
		}
	}
	del(0x00AD, 0x00AD)
	del(0x0610, 0x061A)
	del(0x061C, 0x061C)
	del(0x0640, 0x0640)
	del(0x064B, 0x065F)
	del(0x0670, 0x0670)
	del(0x06D6, 0x06DC)
	del(0x06DF, 0x06E4)
	del(0x06E7, 0x06E8)
	del(0x06EA, 0x06ED)
	set := func(to rune, from ...rune) {
		for _, r := range from {
			lowRep[r] = to
		}
	}
	set('ا', 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ')
	set('ي', 'ى', 'ئ', 'ٸ', 'ی', 'ۍ', 'ێ', 'ې', 'ے', 'ۓ')
	set('ه', 'ة', 'ہ', 'ۂ', 'ۃ', 'ۀ', 'ە', 'ھ')
	set('و', 'ؤ', 'ٶ')
	set('ك', 'ک', 'ڪ')
	set('.', '٫', '۔')
	set(',', '٬')
	set('%', '٪')
	for i := rune(0); i < 10; i++ {
		lowRep[0x0660+i] = '0' + i
		lowRep[0x06F0+i] = '0' + i
	}

	// Presentation forms: compatibility decomposition, then our own fold.
	for r := rune(presFirst); r <= presLast; r++ {
		k := r - presFirst
		if r == 0xFEFF {
			presKind[k] = fkDel
			continue
		}
		if !unicode.Is(unicode.Arabic, r) {
			presKind[k] = fkKeep // ornate parentheses, unassigned code points, ...
			continue
		}
		d := norm.NFKC.String(string(r))
		if d == string(r) {
			presKind[k] = fkKeep
			continue
		}
		f := foldString(d)
		allSpace := true
		for _, c := range f {
			if !unicode.IsSpace(c) {
				allSpace = false
				break
			}
		}
		if allSpace {
			presKind[k] = fkDel
			continue
		}
		presKind[k] = fkStr
		presRep[k] = f
	}
	initClasses()
}

// foldRune reports how rune r folds. size is only used to tell invalid
// input (RuneError with size 1) from a real U+FFFD.
func foldRune(r rune, size int) (kind uint8, rep rune, exp string) {
	if r < 0x800 {
		x := lowRep[r]
		switch {
		case x == r:
			return fkKeep, r, ""
		case x < 0:
			return fkDel, 0, ""
		default:
			return fkRune, x, ""
		}
	}
	switch {
	case r == utf8.RuneError && size == 1:
		return fkRune, utf8.RuneError, ""
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069:
		return fkDel, 0, ""
	case r >= presFirst && r <= presLast:
		k := r - presFirst
		switch presKind[k] {
		case fkDel:
			return fkDel, 0, ""
		case fkStr:
			return fkStr, 0, presRep[k]
		}
		return fkKeep, r, ""
	}
	if unicode.IsUpper(r) {
		if l := unicode.ToLower(r); l != r {
			return fkRune, l, ""
		}
	}
	return fkKeep, r, ""
}

// FoldRune is Fold for one rune: the rune r becomes, or -1 when Fold drops
// it. The few presentation forms Fold expands to several letters are
// returned unchanged. Other packages that scan text rune by rune (the
// document cleaner's tokens) build their tables from it, so the folding
// rules stay here.
func FoldRune(r rune) rune {
	kind, rep, _ := foldRune(r, utf8.RuneLen(r))
	switch kind {
	case fkDel:
		return -1
	case fkRune:
		return rep
	}
	return r
}

// foldString is the simple reference implementation used while building
// tables (it must not depend on presRep for runes inside the table range,
// which never appear in decompositions).
func foldString(s string) string {
	out, _ := foldAppend(nil, nil, s, false)
	return string(out)
}

// foldAppend appends Fold(s) to dst. If withMap, it also appends to m the
// source offset of every appended byte.
func foldAppend(dst []byte, m []int, s string, withMap bool) ([]byte, []int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			if withMap {
				m = append(m, i)
			}
			i++
			continue
		}
		// Two-byte fast path (Arabic block and everything < U+0800).
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			x := lowRep[r]
			n := len(dst)
			switch {
			case x == r:
				dst = append(dst, c, s[i+1])
			case x < 0:
			case x < utf8.RuneSelf:
				dst = append(dst, byte(x))
			default:
				dst = utf8.AppendRune(dst, x)
			}
			if withMap {
				for ; n < len(dst); n++ {
					m = append(m, i)
				}
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		kind, rep, exp := foldRune(r, size)
		n := len(dst)
		switch kind {
		case fkKeep:
			dst = append(dst, s[i:i+size]...)
		case fkRune:
			dst = utf8.AppendRune(dst, rep)
		case fkStr:
			dst = append(dst, exp...)
		}
		if withMap {
			for ; n < len(dst); n++ {
				m = append(m, i)
			}
		}
		i += size
	}
	return dst, m
}

// Fold normalizes s for use as a matching key (see the decisions listed at
// the top of fold.go): diacritics, tatweel and invisible controls removed,
// alef/yeh/heh/kaf variants and hamza seats unified, digits made ASCII,
// presentation forms decomposed, letters lowercased. Whitespace and token
// boundaries are kept. Fold returns s itself when nothing changes.
func Fold(s string) string {
	// Fast scan: find the first byte that may change.
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if lowRep[r] != r {
				break
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if k, _, _ := foldRune(r, size); k != fkKeep {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	buf := make([]byte, i, len(s)+8)
	copy(buf, s[:i])
	buf, _ = foldAppend(buf, nil, s[i:], false)
	return string(buf)
}

// FoldMap is Fold that also returns, for every byte offset i of the result
// (len(result)+1 entries), the byte offset in s it came from. Bytes produced
// from one source rune all map to that rune's start; the final entry is
// len(s). The map is non-decreasing. To map a half-open span [a,b) of the
// result back to s use [m[a], m[b]); the source span then also covers any
// removed marks (diacritics, tatweel) that follow its last letter.
func FoldMap(s string) (string, []int) {
	buf := make([]byte, 0, len(s)+8)
	m := make([]int, 0, len(s)+9)
	buf, m = foldAppend(buf, m, s, true)
	m = append(m, len(s))
	// Bytes of removed runes are skipped, so an end offset maps to the start
	// of the next kept rune; this is already the case since m[k] for the
	// next kept byte is its own start. Nothing more to do.
	return string(buf), m
}

// NewFolder returns Fold as a streaming transform.Transformer. It is
// stateless, handles runes split across buffer boundaries (ErrShortSrc) and
// small destination buffers (ErrShortDst), and composes in transform.Chain.
func NewFolder() transform.Transformer { return folder{} }

type folder struct{}

func (folder) Reset() {}

func (folder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	var tmp [utf8.UTFMax]byte
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		kind, rep, exp := foldRune(r, size)
		var out []byte
		switch kind {
		case fkKeep:
			out = src[nSrc : nSrc+size]
		case fkRune:
			out = utf8.AppendRune(tmp[:0], rep)
		case fkStr:
			if len(dst)-nDst < len(exp) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], exp)
			nSrc += size
			continue
		}
		if len(dst)-nDst < len(out) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc += size
	}
	return nDst, nSrc, nil
}
