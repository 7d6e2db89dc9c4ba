package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// TokenKind classifies a token. (The kind for digits is called Numeral
// because Number is the type of a parsed quantity, see numbers.go.)
type TokenKind uint8

const (
	Word    TokenKind = iota + 1 // Arabic letters (diacritics, tatweel and invisible controls inside are part of it)
	Latin                        // letters of any other script, optionally followed by digits ("F16", "t2")
	Numeral                      // digits: ASCII, Eastern Arabic, Persian; with inner separators "3.5", "1,000", "١٬٠٠٠", "2017.11.15"
	Punct                        // one punctuation rune
	Symbol                       // one other visible rune (%, $, emoji, ...)
)

var kindNames = [...]string{"?", "word", "latin", "numeral", "punct", "symbol"}

func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Token is one token of an analyzed text.
type Token struct {
	Start, End int    // byte offsets into the analyzed text
	Norm       string // Fold()ed form; for a Numeral see NumeralNorm
	Kind       TokenKind
}

// Span is a half-open byte range [Start, End) into a text.
type Span struct{ Start, End int }

// Analysis is the result of Analyze: the text, its tokens and its
// sentences. Token.Norm strings may share one backing buffer owned by the
// Analysis, or point into Text.
type Analysis struct {
	Text      string
	Tokens    []Token
	Sentences []Span // sentence spans over Text, trimmed of surrounding space
}

// Analyze tokenizes and sentence-splits text in one pass. Every token gets
// its Norm. See Tokenize for the token rules and Sentences for the
// sentence rules.
func Analyze(text string) *Analysis {
	s := scanner{text: text, wantNorm: true, wantSent: true}
	s.run()
	return &Analysis{Text: text, Tokens: s.toks, Sentences: s.sents}
}

// Tokenize returns the tokens of text (the same tokens as Analyze).
//
// Rules: whitespace separates tokens and is never part of one. A Word is a
// run of Arabic letters, with any diacritics, tatweel, zero-width and bidi
// controls inside it. A Latin token is a run of letters of other scripts
// and digits that starts with a letter. A Numeral is a run of digits in
// which a single '.', ',', '٫' or '٬' between two digits is kept. Every
// punctuation or symbol rune is a token of its own. Marks and invisible
// controls outside a word are skipped.
func Tokenize(text string) []Token {
	s := scanner{text: text, wantNorm: true}
	s.run()
	return s.toks
}

// Sentences splits text into sentence spans (trimmed of surrounding space).
//
// A sentence ends after . ! ? ؟ ; ؛ … (any run of them, plus closing quotes
// or brackets that follow) and at every line break. The Arabic comma ، is
// NOT a sentence break: Arabic news prose chains whole reports with ، and
// the casualty figures, places and actors of one event are usually in the
// same comma-chained sentence; use Clauses for comma-level spans. A period
// never breaks inside a numeral (3.5, 1.000, 2017.11.15 are single tokens),
// after a single-letter abbreviation ("د." "U.S." but not "2017 م."), after a
// common Latin title abbreviation (Dr. Mr. St. ...), between two Latin
// tokens written without a space (example.com), or between two numerals
// (the spaced dates "15 . 04 . 2017" of pre-tokenized text). No break happens inside
// quotes or brackets ( ) [ ] { } « » “ ” "…" that close on the same line.
func Sentences(text string) []Span {
	s := scanner{text: text, wantSent: true}
	s.run()
	return s.sents
}

// Clauses is Sentences that also breaks after the commas ، and ",".
func Clauses(text string) []Span {
	s := scanner{text: text, wantSent: true, clauses: true}
	s.run()
	return s.sents
}

// character classes
const (
	cSpace uint8 = iota
	cNL
	cIgn // removed by Fold (diacritics, tatweel, invisible controls)
	cAr
	cLat
	cDig
	cPunct
	cSym
	cMark // a non-Arabic combining mark
)

var lowClass [0x800]uint8

// arTab describes U+0600-U+06FF for the Arabic word fast path: flags, and
// in the low 16 bits the two UTF-8 bytes of the folded letter.
var arTab [256]uint32

const (
	arStop    = 1 << 16 // not part of an Arabic word
	arLetter  = 1 << 17
	arChanged = 1 << 18 // Fold changes it
	arDel     = 1 << 19 // Fold removes it
)

// initClasses runs at the end of fold.go's init (it needs the fold tables).
func initClasses() {
	for r := rune(0); r < 0x800; r++ {
		lowClass[r] = computeClass(r, 1)
	}
	for k := range genClass {
		genClass[k] = computeClass(rune(0x2000+k), 3)
	}
	for k := range arTab {
		r := rune(0x600 + k)
		var e uint32
		switch lowClass[r] {
		case cAr:
			e = arLetter
		case cIgn, cMark:
		default:
			e = arStop
		}
		if x := lowRep[r]; x < 0 {
			e |= arChanged | arDel
		} else if x != r {
			if x < 0x80 || x >= 0x800 {
				e |= arStop // never for a letter or mark, checked below
			} else {
				b := utf8.AppendRune(nil, x)
				e |= arChanged | uint32(b[0])<<8 | uint32(b[1])
			}
		}
		if e&arStop != 0 && (lowClass[r] == cAr || lowClass[r] == cIgn || lowClass[r] == cMark) {
			panic("arabic: fold table maps an Arabic letter outside two-byte runes")
		}
		arTab[k] = e
	}
}

func computeClass(r rune, size int) uint8 {
	switch {
	case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029 || r == '\v' || r == '\f':
		return cNL
	case unicode.IsSpace(r) || (r < 0x800 && unicode.IsControl(r)):
		return cSpace
	case r >= '0' && r <= '9', r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return cDig
	case r == utf8.RuneError && size == 1:
		return cSym
	}
	kind, rep, exp := foldRune(r, size)
	switch kind {
	case fkDel:
		return cIgn
	case fkStr:
		r2, _ := utf8.DecodeRuneInString(exp)
		return computeClass(r2, 1)
	case fkRune:
		if rep != r && rep < utf8.RuneSelf {
			return computeClass(rep, 1) // ٪ → %
		}
	}
	switch {
	case unicode.IsLetter(r) && unicode.Is(unicode.Arabic, r):
		return cAr
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return cLat
	case unicode.IsMark(r):
		if unicode.Is(unicode.Arabic, r) {
			return cIgn
		}
		return cMark
	case unicode.IsPunct(r):
		return cPunct
	case unicode.IsControl(r):
		return cSpace
	}
	return cSym
}

// decodeAt decodes the rune at text[i] (with the two-byte fast path).
func decodeAt(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// classOf returns the character class of a decoded rune.
func classOf(r rune, size int) uint8 {
	if r < 0x800 && !(r == utf8.RuneError && size == 1) {
		return lowClass[r]
	}
	return highClass(r, size)
}

// genClass caches the classes of U+2000-U+20FF (dashes, quotes, bidi
// controls, currency signs: the common high runes of news text).
var genClass [0x100]uint8

func highClass(r rune, size int) uint8 {
	if r >= 0x2000 && r <= 0x20FF {
		return genClass[r-0x2000]
	}
	return computeClass(r, size)
}

// roles of punctuation for sentence splitting
const (
	pNone = iota
	pTerm
	pComma
	pOpen
	pClose
)

// quote/bracket pairs; index is the quote type
var openers = [...]rune{'(', '[', '{', '«', '“', '‹', '"', '„'}
var closers = [...]rune{')', ']', '}', '»', '”', '›', '"', '“'}

const nQuote = len(openers)

func punctRole(r rune) (role int, q int) {
	switch r {
	case '.', '!', '?', '؟', ';', '؛', '…', '۔', '‼', '⁇', '⁈', '⁉', '。', '！', '？':
		return pTerm, 0
	case '،', ',', '、', '，':
		return pComma, 0
	case '"':
		return pOpen, 6
	}
	for i, o := range openers {
		if r == o {
			return pOpen, i
		}
	}
	for i, c := range closers {
		if r == c {
			return pClose, i
		}
	}
	return pNone, 0
}

type tokInfo struct {
	start, end int
	kind       TokenKind
	letters    int // letters in a Word/Latin token
}

type scanner struct {
	text     string
	wantNorm bool
	wantSent bool
	clauses  bool
	keys     bool // AppendSearchKeys mode: write keys into buf, keep no tokens

	toks []Token
	buf  []byte

	sents     []Span
	sentStart int // byte offset of the first token of the open sentence, -1 if none
	lastEnd   int // end of the last token
	pendBreak bool
	numDot    bool // the pending break is a '.' right after a numeral
	quoteEnd  int  // a terminator before this offset is inside quotes
	dqClose   int  // offset of the closing '"' of the open "…" quote, -1
	nextNL    int
	cache     [nQuote]struct{ from, at int } // first closer at/after from (at = -1: none)
	prev      tokInfo
	prev2     tokInfo
}

func (s *scanner) run() {
	text := s.text
	if s.wantNorm && !s.keys {
		// About one token per space plus punctuation; counting spaces is
		// far cheaper than growing the slice.
		sp := strings.Count(text, " ") + strings.Count(text, "\n")
		s.toks = make([]Token, 0, sp+sp/8+8)
		s.buf = make([]byte, 0, len(text)/4+16)
	}
	if s.wantSent {
		s.sentStart = -1
		s.dqClose = -1
		s.nextNL = -1
		for i := range s.cache {
			s.cache[i].from = -1
		}
		s.sents = make([]Span, 0, len(text)/200+4)
	}
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		var r rune
		var size int
		var cls uint8
		if c < utf8.RuneSelf {
			r, size, cls = rune(c), 1, lowClass[c]
		} else if c >= 0xC2 && c <= 0xDF && i+1 < n && text[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			size, cls = 2, lowClass[r]
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			cls = highClass(r, size)
		}
		switch cls {
		case cSpace, cIgn:
			i += size
			continue
		case cNL:
			if s.wantSent {
				s.lineBreak()
			}
			i += size
			continue
		}
		start := i
		var kind TokenKind
		letters := 0
		na, nb := -1, -1
		switch cls {
		case cAr, cLat:
			kind = Word
			if cls == cLat {
				kind = Latin
			}
			i, na, nb, letters = s.scanWord(i, cls == cLat)
		case cDig:
			kind = Numeral
			i, na, nb = s.scanNumber(i)
		default:
			kind = Symbol
			if cls == cPunct {
				kind = Punct
			}
			i += size
			if s.wantNorm && !s.keys {
				if k, rep, exp := foldRune(r, size); k != fkKeep {
					na = len(s.buf)
					if k == fkStr {
						s.buf = append(s.buf, exp...)
					} else if k == fkRune {
						s.buf = utf8.AppendRune(s.buf, rep)
					}
					nb = len(s.buf)
				}
			}
		}
		if s.keys {
			if kind == Word || kind == Latin || kind == Numeral {
				s.appendKey(kind, start, i, na, nb)
			}
		} else if s.wantNorm {
			if len(s.toks) == cap(s.toks) {
				s.growToks(i)
			}
			t := Token{Start: start, End: i, Kind: kind}
			if na >= 0 {
				// buf is append-only: the bytes of a finished token are
				// never written again (a reallocation leaves the old array
				// to the strings that point into it), so the Norm can
				// share them.
				if nb > na {
					t.Norm = unsafe.String(&s.buf[na], nb-na)
				}
			} else {
				t.Norm = text[start:i]
			}
			s.toks = append(s.toks, t)
		}
		if s.wantSent {
			s.sentToken(tokInfo{start, i, kind, letters}, r)
		}
	}
	if s.wantSent {
		s.lineBreak()
	}
}

// growToks grows the token slice by an estimate of the tokens left after
// byte offset done, from the density seen so far (instead of doubling).
func (s *scanner) growToks(done int) {
	n := len(s.toks)
	rest := len(s.text) - done
	more := 16
	if n > 0 && done > 0 {
		more += rest*n/done + rest*n/done/8
	}
	t := make([]Token, n, n+more)
	copy(t, s.toks)
	s.toks = t
}

// scanWord scans a Word (latin=false) or Latin token starting at i. It
// returns the end, the buffer range of the folded form (-1 when the folded
// form equals the text) and the number of letters.
func (s *scanner) scanWord(i int, latin bool) (end, na, nb, letters int) {
	text := s.text
	start := i
	changed := false
	want := s.wantNorm
	n := len(text)
	if !latin {
		// fast path over the Arabic block (U+0600-U+06FF)
		for i+1 < n {
			c := text[i]
			if c < 0xD8 || c > 0xDB {
				break
			}
			c2 := text[i+1]
			if c2&0xC0 != 0x80 {
				break
			}
			e := arTab[int(c-0xD8)<<6|int(c2&0x3F)]
			if e&arStop != 0 {
				break
			}
			if e&arLetter != 0 {
				letters++
			}
			if want {
				if e&arChanged != 0 {
					if !changed {
						changed, na = true, len(s.buf)
						s.buf = append(s.buf, text[start:i]...)
					}
					if e&arDel == 0 {
						s.buf = append(s.buf, byte(e>>8), byte(e))
					}
				} else if changed {
					s.buf = append(s.buf, c, c2)
				}
			}
			i += 2
		}
	}
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if !latin {
				break
			}
			cl := lowClass[c]
			if cl != cLat && cl != cDig {
				break
			}
			if cl == cLat {
				letters++
			}
			if want {
				if 'A' <= c && c <= 'Z' {
					if !changed {
						changed, na = true, len(s.buf)
						s.buf = append(s.buf, text[start:i]...)
					}
					s.buf = append(s.buf, c+'a'-'A')
				} else if changed {
					s.buf = append(s.buf, c)
				}
			}
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < n && text[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			cl := lowClass[r]
			if latin {
				if cl != cLat && cl != cDig && cl != cIgn && cl != cMark {
					break
				}
			} else if cl != cAr && cl != cIgn && cl != cMark {
				break
			}
			if cl == cAr || cl == cLat {
				letters++
			}
			if want {
				x := lowRep[r]
				if x == r {
					if changed {
						s.buf = append(s.buf, c, text[i+1])
					}
				} else {
					if !changed {
						changed, na = true, len(s.buf)
						s.buf = append(s.buf, text[start:i]...)
					}
					if x >= 0 {
						s.buf = utf8.AppendRune(s.buf, x)
					}
				}
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		cl := highClass(r, size)
		if latin {
			if cl != cLat && cl != cDig && cl != cIgn && cl != cMark {
				break
			}
		} else if cl != cAr && cl != cIgn && cl != cMark {
			break
		}
		if cl == cAr || cl == cLat {
			letters++
		}
		if want {
			k, rep, exp := foldRune(r, size)
			if k == fkKeep {
				if changed {
					s.buf = append(s.buf, text[i:i+size]...)
				}
			} else {
				if !changed {
					changed, na = true, len(s.buf)
					s.buf = append(s.buf, text[start:i]...)
				}
				if k == fkRune {
					s.buf = utf8.AppendRune(s.buf, rep)
				} else if k == fkStr {
					s.buf = append(s.buf, exp...)
				}
			}
		}
		i += size
	}
	if changed {
		return i, na, len(s.buf), letters
	}
	return i, -1, -1, letters
}

// digitAt reports whether a digit starts at text[i] and its size.
func digitAt(text string, i int) (bool, int) {
	if i >= len(text) {
		return false, 0
	}
	c := text[i]
	if c >= '0' && c <= '9' {
		return true, 1
	}
	if (c == 0xD9 || c == 0xDB) && i+1 < len(text) {
		c2 := text[i+1]
		if c == 0xD9 && c2 >= 0xA0 && c2 <= 0xA9 { // U+0660-0669
			return true, 2
		}
		if c == 0xDB && c2 >= 0xB0 && c2 <= 0xB9 { // U+06F0-06F9
			return true, 2
		}
	}
	return false, 0
}

// sepAt reports whether a number separator starts at text[i] and its size.
func sepAt(text string, i int) (bool, int) {
	c := text[i]
	if c == '.' || c == ',' {
		return true, 1
	}
	if c == 0xD9 && i+1 < len(text) && (text[i+1] == 0xAB || text[i+1] == 0xAC) { // ٫ ٬
		return true, 2
	}
	return false, 0
}

// scanNumber scans a Numeral token at i.
func (s *scanner) scanNumber(i int) (end, na, nb int) {
	text := s.text
	start := i
	plain := true // only ASCII digits
	for i < len(text) {
		if ok, sz := digitAt(text, i); ok {
			if sz != 1 {
				plain = false
			}
			i += sz
			continue
		}
		if ok, sz := sepAt(text, i); ok {
			if d, _ := digitAt(text, i+sz); d {
				plain = false
				i += sz
				continue
			}
		}
		break
	}
	if plain || !s.wantNorm {
		return i, -1, -1
	}
	na = len(s.buf)
	for j := start; j < i; {
		if ok, sz := digitAt(text, j); ok {
			if sz == 1 {
				s.buf = append(s.buf, text[j])
			} else {
				s.buf = append(s.buf, '0'+(text[j+1]&0x0F))
			}
			j += sz
			continue
		}
		_, sz := sepAt(text, j)
		if sz == 1 {
			s.buf = append(s.buf, text[j])
		} else if text[j+1] == 0xAB {
			s.buf = append(s.buf, '.')
		} else {
			s.buf = append(s.buf, ',')
		}
		j += sz
	}
	s.buf = append(s.buf[:na], NumeralNorm(s.buf[na:])...)
	return i, na, len(s.buf)
}

// NumeralNorm canonicalizes a numeral already written with ASCII digits and
// '.'/',' separators: thousands separators are dropped and the decimal
// separator becomes '.'. Rules: a separator is a thousands separator when
// every group after the first has exactly 3 digits, the first has 1-3 and
// all separators are the same character ("1,000" "1.000.000" → "1000"
// "1000000"); with two kinds, the last one is the decimal separator when it
// occurs once and the others follow the thousands pattern ("1,000.5" →
// "1000.5"); a single other separator is decimal ("3,5" → "3.5"); anything
// else (dates "2017.11.15", versions) is returned unchanged. It works in
// place and returns a prefix of b.
func NumeralNorm(b []byte) []byte {
	nsep := 0
	var sep0, sepLast byte
	for _, c := range b {
		if c == '.' || c == ',' {
			if nsep == 0 {
				sep0 = c
			}
			sepLast = c
			nsep++
		}
	}
	if nsep == 0 {
		return b
	}
	// group lengths
	thousandsUpTo := func(limit int) bool { // groups separated by sep0 before index limit
		g, first := 0, true
		for _, c := range b[:limit] {
			if c == '.' || c == ',' {
				if c != sep0 {
					return false
				}
				if first {
					if g < 1 || g > 3 {
						return false
					}
					first = false
				} else if g != 3 {
					return false
				}
				g = 0
				continue
			}
			g++
		}
		if first {
			return g >= 1
		}
		return g == 3
	}
	drop := func(limit int, dec bool) []byte {
		w := 0
		for k, c := range b {
			if c == '.' || c == ',' {
				if k >= limit && dec {
					b[w] = '.'
					w++
				}
				continue
			}
			b[w] = c
			w++
		}
		return b[:w]
	}
	if thousandsUpTo(len(b)) {
		return drop(len(b), false)
	}
	last := -1
	for k := len(b) - 1; k >= 0; k-- {
		if b[k] == '.' || b[k] == ',' {
			last = k
			break
		}
	}
	if nsep == 1 {
		b[last] = '.'
		return b
	}
	if sepLast != sep0 && thousandsUpTo(last) {
		// count occurrences of sepLast
		cnt := 0
		for _, c := range b {
			if c == sepLast {
				cnt++
			}
		}
		if cnt == 1 {
			return drop(last, true)
		}
	}
	return b
}

// ---- sentence splitting ----

func (s *scanner) emit(end int) {
	if s.sentStart >= 0 && end > s.sentStart {
		s.sents = append(s.sents, Span{s.sentStart, end})
	}
	s.sentStart = -1
	s.pendBreak = false
	s.numDot = false
}

func (s *scanner) lineBreak() {
	if s.sentStart >= 0 {
		s.emit(s.lastEnd)
	}
	s.pendBreak = false
	s.numDot = false
	s.quoteEnd = 0
	s.dqClose = -1
}

var latinAbbrev = []string{"dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "no", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "mt", "ft", "fig", "approx", "dept", "est"}

func (s *scanner) isAbbrev(p int) bool {
	pr := s.prev
	if pr.end != p || (pr.kind != Word && pr.kind != Latin) {
		return false
	}
	if pr.letters == 1 {
		// "2017 م." / "5 م." : an era or unit marker after a numeral ends
		// the sentence like any word.
		return s.prev2.kind != Numeral
	}
	if pr.kind == Latin && pr.end-pr.start <= 6 {
		w := s.text[pr.start:pr.end]
		for _, a := range latinAbbrev {
			if strings.EqualFold(w, a) {
				return true
			}
		}
	}
	return false
}

func (s *scanner) sentToken(t tokInfo, r rune) {
	text := s.text
	role, q := pNone, 0
	if t.kind == Punct {
		role, q = punctRole(r)
	}
	if s.pendBreak {
		if role == pTerm || role == pClose || (role == pOpen && q == 6 && t.start == s.dqClose) {
			// absorbed into the ending sentence
			s.lastEnd = t.end
			s.shift(t)
			return
		}
		if s.numDot && t.kind == Numeral {
			// "15 . 04 . 2017": a spaced date, not a sentence end
			s.pendBreak, s.numDot = false, false
		} else {
			s.emit(s.lastEnd)
		}
	}
	if s.sentStart < 0 {
		s.sentStart = t.start
	}
	s.lastEnd = t.end
	switch role {
	case pOpen:
		if q == 6 && t.start == s.dqClose {
			s.dqClose = -1 // this '"' closes a quote
			break
		}
		if s.nextNL < t.start {
			k := strings.IndexByte(text[t.start:], '\n')
			if k < 0 {
				s.nextNL = len(text)
			} else {
				s.nextNL = t.start + k
			}
		}
		c := &s.cache[q]
		if c.from < 0 || t.end < c.from || (c.at >= 0 && c.at < t.end) {
			c.from = t.end
			k := strings.IndexRune(text[t.end:], closers[q])
			if k < 0 {
				c.at = -1
			} else {
				c.at = t.end + k
			}
		}
		if c.at >= 0 && c.at < s.nextNL {
			if c.at > s.quoteEnd {
				s.quoteEnd = c.at
			}
			if q == 6 {
				s.dqClose = c.at
			}
		}
	case pTerm:
		if t.start < s.quoteEnd {
			break
		}
		if r == '.' {
			if s.isAbbrev(t.start) {
				break
			}
			// example.com: Latin/digits on both sides without spaces
			if s.prev.end == t.start && (s.prev.kind == Latin) && t.end < len(text) {
				c := text[t.end]
				if c < utf8.RuneSelf && (lowClass[c] == cLat || lowClass[c] == cDig) {
					break
				}
			}
		}
		s.pendBreak = true
		s.numDot = r == '.' && s.prev.kind == Numeral
	case pComma:
		if s.clauses && t.start >= s.quoteEnd {
			s.pendBreak = true
		}
	}
	s.shift(t)
}

func (s *scanner) shift(t tokInfo) {
	s.prev2 = s.prev
	s.prev = t
}
