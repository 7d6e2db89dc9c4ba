package dates

import (
	"strings"
	"unicode/utf8"

	"rasad/internal/arabic"
)

// The trigger prefilter of Find and the lexicon prefilter of the parser
// hash each word as arabic.Fold would fold it, without building the folded
// string: foldTab caches, for every rune of U+0600..U+06FF, what
// arabic.Fold makes of it (the table is computed from arabic.Fold at init;
// Fold works rune by rune in this block). A word whose hash is not in the
// Bloom filter of lexicon hashes is not in the lexicon; one that passes is
// folded and looked up for real.

// foldTab[r-0x600] is the rune arabic.Fold maps r to, or -1 when Fold
// removes r.
var foldTab [0x100]rune

// trigBloom and lexBloom hold the fold hashes of the trigger words and of
// all lexicon words, each with the clitic prefixes classify strips.
var trigBloom, lexBloom bloom

// bloom is a two-hash Bloom filter of 2^17 bits over fold hashes (a few
// thousand members: under 1% of other words pass and are then looked up in
// full).
type bloom [1 << 11]uint64

// mix is a 64-bit finalizer (xor-shift-multiply) spreading FNV's bits
// before they index the filter.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

func (b *bloom) add(h uint64) {
	h = mix(h)
	k1, k2 := h>>47, (h>>20)&(1<<17-1)
	b[k1>>6] |= 1 << (k1 & 63)
	b[k2>>6] |= 1 << (k2 & 63)
}

func (b *bloom) has(h uint64) bool {
	h = mix(h)
	k1, k2 := h>>47, (h>>20)&(1<<17-1)
	return b[k1>>6]&(1<<(k1&63)) != 0 && b[k2>>6]&(1<<(k2&63)) != 0
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashRune(h uint64, r rune) uint64 {
	return (h ^ uint64(r)) * fnvPrime
}

// foldHash hashes Fold(s) for s made of ASCII and U+0600..U+06FF runes;
// ok=false for any other rune (the caller folds and looks up in full).
func foldHash(s string) (h uint64, ok bool) {
	h = fnvOffset
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = hashRune(h, rune(c))
			i++
			continue
		}
		if c < 0xD8 || c > 0xDB || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
			return 0, false
		}
		if f := foldTab[rune(c&0x03)<<6|rune(s[i+1]&0x3F)]; f >= 0 {
			h = hashRune(h, f)
		}
		i += 2
	}
	return h, true
}

func init() {
	for r := rune(0x600); r < 0x700; r++ {
		f := arabic.Fold(string(r))
		switch utf8.RuneCountInString(f) {
		case 0:
			foldTab[r-0x600] = -1
		case 1:
			x, _ := utf8.DecodeRuneInString(f)
			foldTab[r-0x600] = x
		default:
			panic("dates: arabic.Fold expands U+" + string(r))
		}
	}
	const al = "ال"
	for w, li := range lexicon {
		variants := []string{w}
		if strings.HasPrefix(w, al) {
			rest := w[len(al):]
			variants = append(variants, "لل"+rest, "ب"+w, "ك"+w)
		}
		n := len(variants)
		for _, v := range variants[:n] {
			variants = append(variants, "و"+v, "ف"+v)
		}
		for _, v := range variants {
			h, ok := foldHash(v)
			if !ok {
				panic("dates: lexicon word outside the Arabic block: " + v)
			}
			lexBloom.add(h)
			if li.trig {
				trigBloom.add(h)
			}
		}
	}
}

// mayBeLexical reports whether the folded word w can be in the lexicon.
func mayBeLexical(w string) bool {
	h, ok := foldHash(w)
	return !ok || lexBloom.has(h)
}
