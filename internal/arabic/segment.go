package arabic

import (
	"strings"
	"unsafe"
)

// Clitics is a bit set of the proclitics Segment stripped.
type Clitics uint8

const (
	CliticWa Clitics = 1 << iota // conjunction و
	CliticFa                     // conjunction ف
	CliticBi                     // preposition ب
	CliticLi                     // preposition ل (also the ل of لل)
	CliticKa                     // preposition ك
	CliticAl                     // article ال (also the ال of لل)
)

// Conj reports whether a conjunction was stripped.
func (c Clitics) Conj() bool { return c&(CliticWa|CliticFa) != 0 }

// Prep reports whether a preposition was stripped.
func (c Clitics) Prep() bool { return c&(CliticBi|CliticLi|CliticKa) != 0 }

// Article reports whether the article ال was stripped.
func (c Clitics) Article() bool { return c&CliticAl != 0 }

func (c Clitics) String() string {
	var b strings.Builder
	for i, s := range [...]string{"و", "ف", "ب", "ل", "ك", "ال"} {
		if c&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('+')
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// Folded Arabic letters used by the segmenter are all two bytes long.
const (
	lWa   = "و"
	lFa   = "ف"
	lBi   = "ب"
	lLi   = "ل"
	lKa   = "ك"
	lAl   = "ال"
	lLiAl = "لل"
)

// protectedStems are words (folded) that begin with a letter that looks like
// a proclitic (و ف ب ل ك ال) but is part of the word. Segment does not strip
// that letter from them, nor from them with a common suffix (ه ات ي يه ين ون
// ان تين تان ها هم هما). The list is Arabic vocabulary common in news and
// conflict reporting; it is not tied to any document.
var protectedStems = map[string]struct{}{}

const protectedWords = `
وزير وزراء وزار وزاره ولايه ولاي وطن وطني وحده وحد وحدات وفد وفود وكال وكاله وكيل ولاء
واقع واشنطن وادي والي والد والده والدي وجود وثيق وثايق وحيد وراء ورقه وصف وعد وقف وقود
وجه وجهه وزن وسايل وسيله وصيه وظيفه وفاه وفيات وقوع وكر وابل واحد واحده ولد وليد وسط
وسيط ورشه ودايع واجب واجهه واضح ولادت ولاده وقايع وقت وقائع وزاري وصول وضع
فريق فصيل فصايل فرع فروع فرنسا فرنسي فلسطين فلسطيني فندق فيلق فيالق فرقه فرق فتره فيديو
فراغ فرار فعاليات فقط فقير فكره فلاح فتاه فتيات فتيان فتي فيضان فاعل فيصل فيلم فوج افواج
فصل فضاء فرصه فرص فنان فتوي فترات فوضي فوز فلول
بلد بلده بلدات بلدي بلديه بلاد بيان بيانات بيروت بغداد بريطانيا بريطاني بشار بوتين بيوت
بيت بناء بنايه بحيره بحر بحري بحريه برنامج بريد برلمان بطل بطاريه بعثه بقاء بقيه بييه
بطاقه برج باديه بوابه باب بارز باحث بدايه بديل براميل برميل بضع بضعه بعيد بنك بنت بنات
بنود بند بوره بيع بلدتي بالغ باكستان بنغازي بلجيكا بصري بانياس
لواء الويه لجنه لجان لبنان لبناني ليبيا ليبي ليله ليالي لقاء لاجي لاجيين لحظه لقطه لندن
لاعب لوحه لهجه لايحه ليث
كتيبه كتايب كبير كبيره كبار كثير كثيره كلمه كليه كمين كميه كامل كانون كاتب كتاب كرم كنيسه
كهرباء كيماوي كيميايي كوادر كيلومتر كيلو كندا كوريا كردي كرديه كرد كفاءه كافه كوبري
الف الفا الفان الفين الاف الوف الذي التي الذين اللذين اللتين اللاتي اللواتي الا الي اليه
اليها اليهم الينا اليك الله
بين بينما بعدما فيما لكن لكنه لكنها لكنهم وفق وفقا كيف بلا بحسب
`

// protectedVerbs are past-tense verbs (3rd person masculine, folded) whose
// first letter looks like a proclitic; they are protected with the
// past-tense endings ت وا ا تا ن نا تم too (كانت، واصلوا، بلغت).
const protectedVerbs = `
بلغ بدا بدات بقي بعث بحث برز بات بث باشر بادر لقي لجا لحق لفت كان كشف كتب كرر كلف كثف
وقع وصل وجد وضع ورد وثق وعد وافق واصل وجه ولد وقف وصف وزع ودع فتح فقد فجر فرض فر فشل فاز
فصل فرق فند بارك بايع باع لبي كسر كمن
`

var verbSuffixes = [...]string{"ت", "وا", "ا", "تا", "ن", "نا", "تم"}

var protectSuffixes = [...]string{"ه", "ات", "ي", "يه", "ين", "ون", "ان", "تين", "تان", "ها", "هم", "هما"}

// protectTrigram has a bit for the first three letters of every protected
// word (and one for each whole two-letter word): a cheap test that rejects
// almost every word before any map lookup.
var protectTrigram [1 << 21 / 64]uint64

// letterIndex maps a letter of U+0600-U+067F (UTF-8 D8/D9 xx) to 0..127.
func letterIndex(a, b byte) int { return int(a&1)<<6 | int(b&0x3F) }

// trigramBit requires an Arabic-only folded word of at least 2 letters.
func trigramBit(w string) (int, uint64) {
	k := letterIndex(w[0], w[1])<<14 | letterIndex(w[2], w[3])<<7
	if len(w) >= 6 {
		k |= letterIndex(w[4], w[5])
	} else {
		k |= 127
	}
	return k >> 6, 1 << (k & 63)
}

func init() {
	for _, w := range strings.Fields(protectedVerbs) {
		f := Fold(w)
		for _, suf := range append([]string{""}, verbSuffixes[:]...) {
			v := f + suf
			protectedStems[v] = struct{}{}
			i, bit := trigramBit(v)
			protectTrigram[i] |= bit
		}
	}
	for _, w := range strings.Fields(protectedWords) {
		f := Fold(w)
		for _, suf := range append([]string{""}, protectSuffixes[:]...) {
			if suf != "" && len(f) < 6 {
				continue // suffixes only on stems of 3+ letters
			}
			v := f + suf
			protectedStems[v] = struct{}{}
			if len(v) >= 4 && arabicOnly(v) {
				i, bit := trigramBit(v)
				protectTrigram[i] |= bit
			}
		}
	}
}

func isProtected(w string) bool {
	if len(w) < 4 {
		return false
	}
	if i, bit := trigramBit(w); protectTrigram[i]&bit == 0 {
		return false
	}
	_, ok := protectedStems[w]
	return ok
}

// two-byte codes of folded letters
const (
	lcHa   = 0xD987 // ه
	lcAlef = 0xD8A7 // ا
	lcNun  = 0xD986 // ن
	lcMim  = 0xD985 // م
	lcKaf  = 0xD983 // ك
	lcTa   = 0xD8AA // ت
	lcYa   = 0xD98A // ي
	lcWaw  = 0xD988 // و
	lcFa   = 0xD981 // ف
	lcBa   = 0xD8A8 // ب
	lcLam  = 0xD984 // ل
)

// lastLetter returns the k-th letter from the end (k >= 1) of an
// Arabic-only folded word as its two UTF-8 bytes, or 0.
func lastLetter(w string, k int) uint16 {
	i := len(w) - 2*k
	if i < 0 {
		return 0
	}
	return uint16(w[i])<<8 | uint16(w[i+1])
}

// letters counts runes (a folded Arabic letter is one rune).
func letters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// arabicOnly reports whether s consists of two-byte runes of the Arabic
// block only (the segmenter and stemmer leave anything else alone).
func arabicOnly(s string) bool {
	if len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if c := s[i]; c < 0xD8 || c > 0xDB {
			return false
		}
	}
	return true
}

// segNoConj strips a preposition and/or the article from w (no
// conjunction). checked tells that isProtected(w) is known to be false.
func segNoConj(w string, checked bool) (off int, cl Clitics, stripped bool) {
	if !checked && isProtected(w) {
		return 0, 0, false
	}
	n := len(w) / 2
	switch {
	case strings.HasPrefix(w, lLiAl) && n-2 >= 2:
		return 4, CliticLi | CliticAl, true
	case (strings.HasPrefix(w, lBi) || strings.HasPrefix(w, lKa)) && strings.HasPrefix(w[2:], lAl) && n-3 >= 2 && !isProtected(w[2:]):
		p := CliticBi
		if strings.HasPrefix(w, lKa) {
			p = CliticKa
		}
		return 6, p | CliticAl, true
	case strings.HasPrefix(w, lAl) && n-2 >= 2:
		return 4, CliticAl, true
	case n-1 >= 3 && (strings.HasPrefix(w, lBi) || strings.HasPrefix(w, lLi) || strings.HasPrefix(w, lKa)):
		p := CliticBi
		switch w[:2] {
		case lLi:
			p = CliticLi
		case lKa:
			p = CliticKa
		}
		return 2, p, true
	}
	return 0, 0, false
}

func segment(w string) (int, Clitics) {
	if len(w) < 6 || !arabicOnly(w) {
		return 0, 0
	}
	return segmentArabic(w)
}

// segmentArabic is segment for a word known to be Arabic-only.
func segmentArabic(w string) (int, Clitics) {
	if len(w) < 6 {
		return 0, 0
	}
	switch lastLetter(w[:2], 1) {
	case lcWaw, lcFa, lcBa, lcLam, lcKaf, lcAlef:
	default:
		return 0, 0
	}
	if isProtected(w) {
		return 0, 0
	}
	if strings.HasPrefix(w, lWa) || strings.HasPrefix(w, lFa) {
		c := CliticWa
		if strings.HasPrefix(w, lFa) {
			c = CliticFa
		}
		rest := w[2:]
		if off, cl, ok := segNoConj(rest, false); ok {
			return 2 + off, c | cl
		}
		if len(rest)/2 >= 3 {
			return 2, c
		}
		return 0, 0
	}
	off, cl, _ := segNoConj(w, true)
	return off, cl
}

// Segment splits a Fold()ed word into proclitics and stem. It strips, in
// the order Arabic allows, a conjunction (و ف), a preposition (ب ل ك) and
// the article (ال; لل is ل + ال), e.g. وبال فلل وكال ولل. The article is
// stripped only when at least 2 letters remain, a single-letter proclitic
// not followed by the article only when at least 3 remain ("بلد" stays,
// "بقصف" → ب + قصف, "والقصف" → و+ال + قصف, "للمدنيين" → ل+ال + مدنيين).
// Common words whose first letter only looks like a proclitic (وزير, بلدة,
// فريق, كتيبة, الف ...) are kept whole. Words with non-Arabic letters are
// returned unchanged. Because a light segmenter cannot know every name
// (بيروت is protected, a village called "بصير" is not), matchers should
// try the unsegmented word first.
func Segment(word string) (stem string, clitics Clitics) {
	off, cl := segment(word)
	return word[off:], cl
}

// StripClitics returns Segment(word)'s stem (the form the gazetteer and
// actor tries match on).
func StripClitics(word string) string {
	off, _ := segment(word)
	return word[off:]
}

func stemLen(w string) int {
	n := len(w) / 2
	for {
		n0 := n
		// one pronoun suffix: هما كما هم هن كم كن ها نا
		l1, l2, l3 := lastLetter(w[:2*n], 1), lastLetter(w[:2*n], 2), lastLetter(w[:2*n], 3)
		switch {
		case l1 == lcAlef && l2 == lcMim && (l3 == lcHa || l3 == lcKaf) && n-3 >= 3:
			n -= 3
		case l1 == lcAlef && (l2 == lcHa || l2 == lcNun) && n-2 >= 3,
			(l1 == lcMim || l1 == lcNun) && (l2 == lcHa || l2 == lcKaf) && n-2 >= 3:
			n -= 2
		}
		// one plural/dual suffix: تين تان ات ون ين ان
		l1, l2, l3 = lastLetter(w[:2*n], 1), lastLetter(w[:2*n], 2), lastLetter(w[:2*n], 3)
		switch {
		case l1 == lcNun && (l2 == lcYa || l2 == lcAlef) && l3 == lcTa && n-3 >= 3:
			n -= 3
		case l1 == lcNun && (l2 == lcYa || l2 == lcAlef || l2 == lcWaw) && n-2 >= 3,
			l1 == lcTa && l2 == lcAlef && n-2 >= 3:
			n -= 2
		}
		// one final ending: يه ه ي ا
		l1, l2 = lastLetter(w[:2*n], 1), lastLetter(w[:2*n], 2)
		switch {
		case l1 == lcHa && l2 == lcYa && n-2 >= 3:
			n -= 2
		case (l1 == lcHa || l1 == lcYa || l1 == lcAlef) && n-1 >= 3:
			n--
		}
		// a ta marbuta written ت before a suffix: سيارته → سيارت → سيار
		if n != n0 && lastLetter(w[:2*n], 1) == lcTa && lastLetter(w[:2*n], 2) != lcAlef && n-1 >= 3 {
			n--
		}
		if n == n0 {
			return 2 * n
		}
	}
}

// Stem is a light suffix stemmer for search keys, applied to a Fold()ed
// word after StripClitics. Each round removes at most one pronoun suffix
// (هما كما هم هن كم كن ها نا), then one plural/dual suffix (تين تان ات ون
// ين ان), then one final ending (يه ه ي and the accusative ا), each only
// while at least 3 letters remain; rounds repeat until nothing changes, so
// Stem is deterministic and idempotent (Stem(Stem(w)) == Stem(w)).
// When a round removed something and the word then ends in ت (not ات),
// that ت is a ta marbuta before a suffix and goes too (سيارتهم → سيار, like
// سيارة → سيار). Examples: المدنيين→(ال)مدنيين→مدني→مدن, مدني→مدن,
// قواتها→قوات, هجمات→هجم, طفلتين→طفل, مقاتلا→مقاتل. Words with non-Arabic letters are
// returned unchanged.
func Stem(word string) string {
	if len(word) < 8 || !arabicOnly(word) {
		return word
	}
	return word[:stemLen(word)]
}

// SearchKey returns Stem(StripClitics(Fold(word))).
// SearchKey("مدني") == SearchKey("المدنيين"); SearchKey("قصف") ==
// SearchKey("والقصف") == SearchKey("بقصف").
func SearchKey(word string) string {
	return Stem(StripClitics(Fold(word)))
}

// keyBounds returns the byte range of the search key inside the folded word.
func keyBounds(f string) (int, int) {
	if !arabicOnly(f) {
		return 0, len(f)
	}
	off, _ := segmentArabic(f)
	w := f[off:]
	if len(w) < 8 {
		return off, len(f)
	}
	return off, off + stemLen(w)
}

// AppendSearchKeys appends the search keys of all Word, Latin and Numeral
// tokens of text to dst, separated by single spaces (a space is added
// before the first key when dst is not empty and does not end in one).
// Word keys are SearchKey, Latin keys the Fold()ed token, Numeral keys the
// canonical ASCII numeral. It does not allocate per token.
func AppendSearchKeys(dst []byte, text string) []byte {
	s := scanner{text: text, wantNorm: true, keys: true, buf: dst}
	s.run()
	return s.buf
}

// appendKey is called by the scanner in keys mode after a Word/Latin/Numeral
// token: its folded form is buf[na:nb] or, when na < 0, text[start:end].
func (s *scanner) appendKey(kind TokenKind, start, end, na, nb int) {
	if na < 0 {
		if n := len(s.buf); n > 0 && s.buf[n-1] != ' ' {
			s.buf = append(s.buf, ' ')
		}
		w := s.text[start:end]
		if kind == Word {
			a, b := keyBounds(w)
			w = w[a:b]
		}
		s.buf = append(s.buf, w...)
		return
	}
	// the folded form sits at the end of buf: insert the separator, then
	// cut the key in place.
	if na > 0 && s.buf[na-1] != ' ' {
		s.buf = append(s.buf, 0)
		copy(s.buf[na+1:], s.buf[na:nb])
		s.buf[na] = ' '
		na++
		nb++
	}
	if kind == Word && nb > na {
		f := unsafe.String(&s.buf[na], nb-na)
		a, b := keyBounds(f)
		if a > 0 || b < nb-na {
			copy(s.buf[na:], s.buf[na+a:na+b])
			nb = na + b - a
		}
	}
	s.buf = s.buf[:nb]
}
