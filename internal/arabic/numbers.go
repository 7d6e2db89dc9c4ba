package arabic

import (
	"strings"
)

// Qualifier qualifies a quantity. "exact", "at_least", "more_than", "about"
// and "range" are the export contract; "less_than" and "up_to" are extra.
type Qualifier string

const (
	Exact    Qualifier = "exact"
	AtLeast  Qualifier = "at_least"
	MoreThan Qualifier = "more_than"
	About    Qualifier = "about"
	Range    Qualifier = "range"
	LessThan Qualifier = "less_than"
	UpTo     Qualifier = "up_to"
)

// Number is a quantity expression found in a text.
//
// Conventions: vague quantity words give a conventional Value with
// Vague=true and, unless the text gives another qualifier, at_least:
// بضع/بضعة/عدة → 3, عشرات/العشرات → 10, مئات → 100, آلاف/ألوف → 1000,
// ملايين → 1000000, and products such as عشرات الآلاف → 10000. A dual
// noun of a counted noun (طفلين، امرأتين، عنصران، مدنيان) is 2. Decimals are
// not counts and are not reported unless a scale word makes them whole
// ("1.5 مليون"). Dates and times are not reported at all (15/11/2017,
// 2017.11.15, الساعة 21:24, عام 2017, 15 تشرين الثاني, 2017 م), nor are
// numerals that name things (F-16, سو-24, رقم 5, الفرقة 17). A bare
// four-digit numeral between 1900 and 2100 with no scale or qualifier is
// reported with Year=true: it is most likely a year ("في 2017"), so callers
// counting casualties should ignore it unless a counted noun follows.
type Number struct {
	Start, End int   // byte span in the text covering the whole expression incl. qualifier words
	Value, Max int64 // Max only for ranges
	Qualifier  Qualifier
	Vague      bool   // from a vague quantity word (عشرات, مئات, آلاف, بضعة ...)
	Text       string // the expression as written
	Year       bool   // a bare numeral 1900..2100: probably a year, see above
	Percent    bool   // a percentage ("30%", "30 في المئة"), not a count
}

// number word kinds
const (
	nkUnit     = iota + 1 // 1-9 (and بضع/عدة, vague 3)
	nkTeenPre             // اثنا اثني اثنتا اثنتي: need عشر
	nkTen                 // عشر عشرة
	nkTens                // 20..90
	nkHundred             // مئة/مائة: 100, multiplies a preceding unit
	nkHundreds            // 200..900 as one word
	nkScale               // ألف مليون مليار (singular)
	nkScale2              // ألفان مليونان ... (dual)
	nkScalePl             // آلاف ألوف ملايين مليارات (plural)
	nkVague               // عشرات مئات
	nkFrac                // نصف ربع, only after a scale: "مليون ونصف"
)

type numWord struct {
	v     int64
	k     uint8
	vague bool
}

var numLex = map[string]numWord{}

// dualLex maps the folded dual forms of counted nouns to true.
var dualLex = map[string]bool{}

func init() {
	add := func(v int64, k uint8, words string) {
		for _, w := range strings.Fields(words) {
			numLex[Fold(w)] = numWord{v: v, k: k}
		}
	}
	add(1, nkUnit, "واحد واحدة أحد إحدى")
	add(2, nkUnit, "اثنان اثنين اثنتان اثنتين ثنتان ثنتين")
	add(2, nkTeenPre, "اثنا اثني اثنتا اثنتي")
	add(3, nkUnit, "ثلاث ثلاثة")
	add(4, nkUnit, "أربع أربعة")
	add(5, nkUnit, "خمس خمسة")
	add(6, nkUnit, "ست ستة")
	add(7, nkUnit, "سبع سبعة")
	add(8, nkUnit, "ثمان ثماني ثمانية")
	add(9, nkUnit, "تسع تسعة")
	add(10, nkTen, "عشر عشرة")
	tens := []string{"عشرون عشرين", "ثلاثون ثلاثين", "أربعون أربعين", "خمسون خمسين", "ستون ستين", "سبعون سبعين", "ثمانون ثمانين", "تسعون تسعين"}
	for i, t := range tens {
		add(int64(20+10*i), nkTens, t)
	}
	add(100, nkHundred, "مئة مائة مئه مائه ميه")
	add(200, nkHundreds, "مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي")
	for u, p := range map[int64]string{3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان ثماني", 9: "تسع"} {
		for _, pre := range strings.Fields(p) {
			add(u*100, nkHundreds, pre+"مئة "+pre+"مائة")
		}
	}
	add(1000, nkScale, "ألف ألفا")
	add(2000, nkScale2, "ألفان ألفين ألفي") // the construct dual ألفا reads as the accusative singular
	add(1000, nkScalePl, "آلاف ألوف")
	add(1000000, nkScale, "مليون مليونا")
	add(2000000, nkScale2, "مليونان مليونين")
	add(1000000, nkScalePl, "ملايين")
	add(1000000000, nkScale, "مليار مليارا بليون")
	add(2000000000, nkScale2, "ملياران مليارين")
	add(1000000000, nkScalePl, "مليارات")
	add(10, nkVague, "عشرات")
	add(100, nkVague, "مئات مائات")
	add(2, nkFrac, "نصف")
	add(4, nkFrac, "ربع")
	for _, w := range strings.Fields("بضع بضعة عدة") {
		numLex[Fold(w)] = numWord{v: 3, k: nkUnit, vague: true}
	}

	// Counted nouns. Nouns with a broken plural: both dual endings are
	// unambiguous (طفلان/طفلين). Nouns whose masculine plural is the sound
	// -ون/-ين plural (مدني → مدنيين): only the nominative dual -ان is a
	// dual, -ين is read as the (far more frequent) plural. Feminine nouns in
	// ة: -تان/-تين (their plural is -ات).
	broken := "طفل شخص جندي عنصر رجل شاب شقيق ضابط قتيل جريح شهيد اسير طبيب حارس قائد تلميذ ولد ابن زعيم أمير عميد عقيد نقيب رقيب خبير صاروخ برميل لغم مدفع منزل بيت مبنى مستشفى مسجد"
	sound := "مدني عسكري مقاتل مسلح مسعف مواطن ناشط معتقل مختطف متطوع إرهابي انتحاري مهاجم إعلامي صحفي صحافي موظف مدرس عامل مزارع لاجئ نازح مسؤول مراسل مصور شرطي قيادي ملازم مدرب سائق صياد مسن مراهق مستشار"
	fem := "امرأة طفلة فتاة سيدة شقيقة ابنة طالبة مدنية ممرضة مسعفة ناشطة صحفية دبابة سيارة طائرة غارة قذيفة عبوة آلية مدرعة عربة حافلة مدرسة مروحية شاحنة مقاتلة"
	for _, w := range strings.Fields(broken) {
		f := Fold(w)
		dualLex[f+"ان"], dualLex[f+"ين"] = true, true
	}
	for _, w := range strings.Fields(sound) {
		dualLex[Fold(w)+"ان"] = true
	}
	for _, w := range strings.Fields(fem) {
		f := strings.TrimSuffix(Fold(w), "ه") + "ت"
		dualLex[f+"ان"], dualLex[f+"ين"] = true, true
	}
	dualLex["طالبين"] = true // طالبان is the Taliban
	for _, w := range []string{"اختان", "اختين"} {
		dualLex[w] = true
	}

	prefixQuals = qualifierPhrases([]qualifierList{
		{MoreThan, "أكثر من|ما يزيد عن|ما يزيد على|يزيد عن|يزيد على|ما يربو على|يربو على|أزيد من|ما يفوق|يفوق|فوق|ما يتجاوز|يتجاوز"},
		{AtLeast, "ما لا يقل عن|لا يقل عن|ما لا يقل على|لا يقل على|على الأقل|الأقل"},
		{About, "نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|يقارب|ما يقرب من|يقرب من|ما يناهز|يناهز|تقريبا|نحوا من|في حدود|حدود"},
		{LessThan, "أقل من|ما يقل عن|يقل عن"},
		{UpTo, "ما يصل إلى|يصل إلى|ما يصل الى|يصل الى"},
	})
	suffixQuals = qualifierPhrases([]qualifierList{
		{AtLeast, "على الأقل|أو أكثر|فأكثر|فما فوق|وما فوق|أو يزيد"},
		{About, "تقريبا|أو نحو ذلك"},
		{MoreThan, "ونيف|و نيف|نيف"},
		{Exact, "فقط"},
	})
	for _, set := range []struct {
		m     map[string]bool
		words string
	}{
		{yearWords, "عام العام سنة السنة عامي اعوام الأعوام تاريخ التاريخ مطلع منتصف أواخر أوائل نهاية بداية خريف صيف شتاء ربيع موسم مواليد"},
		{timeWords, "الساعة"},
		{monthWords, "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر نوفمبر ديسمبر محرم صفر ربيع جمادى رجب شعبان رمضان شوال ذو ذي"},
		{eraWords, "م ه هـ ميلادي ميلادية هجري هجرية للميلاد للهجرة ق"},
		{dayTimeWords, "صباحا مساء مساءا ظهرا فجرا ليلا عصرا بتوقيت"},
		{labelWords, "رقم الرقم الفرقة اللواء الفوج الكتيبة القرار المادة البند الفقرة الطريق طراز الطراز الصفحة العدد"},
		{percentWords, "المئة المائة بالمئة بالمائة المية"},
	} {
		for _, w := range strings.Fields(set.words) {
			set.m[Fold(w)] = true
		}
	}
}

type phrase struct {
	q     Qualifier
	words []string
}

var (
	prefixQuals, suffixQuals []phrase
	yearWords                = map[string]bool{}
	timeWords                = map[string]bool{}
	monthWords               = map[string]bool{}
	eraWords                 = map[string]bool{}
	dayTimeWords             = map[string]bool{}
	labelWords               = map[string]bool{}
	percentWords             = map[string]bool{}
	monthOrdinals            = map[string]bool{"الاول": true, "الثاني": true, "الاخر": true, "الاخره": true}
	// negations before أحد/إحدى make it "anyone": لم يصب أحد
	negations = map[string]bool{"لم": true, "ولم": true, "فلم": true, "لا": true, "ولا": true, "لن": true, "ولن": true, "دون": true, "بدون": true}
)

// form is a word with some leading clitics removed.
type form struct {
	w               string
	conj, prep, art bool
}

// forms lists w and its readings without a leading conjunction (و ف), a
// preposition (ب ل ك) and, if art, the article (ال, or لل = ل + ال). The
// unstripped word comes first. Only folded Arabic words are stripped.
func forms(w string, art bool, dst *[8]form) []form {
	out := dst[:0]
	out = append(out, form{w: w})
	if !arabicOnly(w) || len(w) < 4 {
		return out
	}
	base := out[:1]
	if strings.HasPrefix(w, lWa) || strings.HasPrefix(w, lFa) {
		out = append(out, form{w: w[2:], conj: true})
		base = out
	}
	for _, b := range base {
		if len(b.w) >= 6 && (strings.HasPrefix(b.w, lBi) || strings.HasPrefix(b.w, lLi) || strings.HasPrefix(b.w, lKa)) {
			out = append(out, form{w: b.w[2:], conj: b.conj, prep: true})
		}
	}
	if art {
		n := len(out)
		for _, b := range out[:n] {
			if len(b.w) >= 8 && strings.HasPrefix(b.w, lAl) {
				out = append(out, form{w: b.w[4:], conj: b.conj, prep: b.prep, art: true})
			} else if !b.prep && len(b.w) >= 8 && strings.HasPrefix(b.w, lLiAl) {
				out = append(out, form{w: b.w[4:], conj: b.conj, prep: true, art: true})
			}
			if len(out) == len(dst) {
				break
			}
		}
	}
	return out
}

type numParser struct {
	text string
	toks []Token
	trim int // clitic letters on the first word of the last matchAny
}

func (p *numParser) word(k int) string {
	if k < 0 || k >= len(p.toks) || p.toks[k].Kind != Word {
		return ""
	}
	return p.toks[k].Norm
}

func (p *numParser) isPunct(k int, set string) bool {
	if k < 0 || k >= len(p.toks) {
		return false
	}
	t := p.toks[k]
	return (t.Kind == Punct || t.Kind == Symbol) && strings.Contains(set, t.Norm)
}

// bare returns the word at k without a leading conjunction/preposition.
func (p *numParser) bare(k int, m map[string]bool) bool {
	w := p.word(k)
	if w == "" {
		return false
	}
	var buf [8]form
	for _, f := range forms(w, false, &buf) {
		if m[f.w] {
			return true
		}
	}
	return false
}

// matchPhrase matches ph at token k; the first word may carry a conjunction
// and/or preposition. It returns the index after the phrase (or -1) and the
// number of clitic letters on the first word.
func (p *numParser) matchPhrase(k int, ph []string) (int, int) {
	trim := 0
	for n, want := range ph {
		w := p.word(k + n)
		if w == "" {
			return -1, 0
		}
		if w == want {
			continue
		}
		if n > 0 {
			return -1, 0
		}
		ok := false
		var buf [8]form
		for _, f := range forms(w, false, &buf)[1:] {
			if f.w == want {
				ok, trim = true, cliticLetters(w, f)
				break
			}
		}
		if !ok {
			return -1, 0
		}
	}
	return k + len(ph), trim
}

// cliticLetters is the number of proclitic letters of w outside the
// expression: the conjunction and preposition, but not the article.
func cliticLetters(w string, f form) int {
	n := (len(w) - len(f.w)) / 2
	if f.art {
		n -= 2
	}
	return max(n, 0)
}

// skipLetters advances from byte offset i over n letters of text and any
// marks or invisible controls that follow each of them.
func skipLetters(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := decodeAt(text, i)
		i += size
		for i < len(text) {
			r, size := decodeAt(text, i)
			if cls := classOf(r, size); cls != cIgn && cls != cMark {
				break
			}
			i += size
		}
	}
	return i
}

func (p *numParser) matchAny(k int, list []phrase) (Qualifier, int) {
	best, bq := -1, Qualifier("")
	trim := 0
	w := p.word(k)
	if w == "" {
		return bq, best
	}
	var buf [8]form
	fs := forms(w, false, &buf)
	for _, ph := range list {
		for fi, f := range fs {
			if f.w != ph.words[0] {
				continue
			}
			e := k + 1
			for _, want := range ph.words[1:] {
				if p.word(e) != want {
					e = -1
					break
				}
				e++
			}
			if e > best {
				best, bq, trim = e, ph.q, 0
				if fi > 0 {
					trim = cliticLetters(w, f)
				}
			}
			break
		}
	}
	p.trim = trim
	return bq, best
}

// core is one parsed number (without qualifier or range).
type core struct {
	end     int // token index after it
	v       int64
	scale   int64 // last multiplier applied (0 if none)
	vague   bool
	numeral bool
	year    bool
	dual    bool
	skip    int  // when not ok: a date or label to skip up to this index
	ok      bool // a number
	trim    int  // clitic letters on its first word
}

const maxValue = int64(1) << 52

func mul(a, b int64) (int64, bool) {
	if a < 0 || b < 0 || (a != 0 && b > maxValue/a) {
		return 0, false
	}
	return a * b, true
}

// scaleAt returns the multiplier of a scale word at k (ألف آلاف مليون ...).
func (p *numParser) scaleAt(k int) (int64, bool) {
	w := p.word(k)
	if w == "" {
		return 0, false
	}
	var buf [8]form
	for _, f := range forms(w, true, &buf) {
		if f.conj || f.prep {
			continue
		}
		if e, ok := numLex[f.w]; ok && (e.k == nkScale || e.k == nkScalePl) {
			return e.v, true
		}
	}
	return 0, false
}

func (p *numParser) numeralCore(k int) core {
	t := p.toks[k]
	c := core{end: k + 1, skip: k + 1, numeral: true}
	// labels and designations: F-16, سو - 24, رقم 5
	if k > 0 {
		pr := p.toks[k-1]
		if pr.Kind == Latin && pr.End == t.Start {
			return c
		}
		if p.isPunct(k-1, "-–—") && k > 1 && (p.toks[k-2].Kind == Word || p.toks[k-2].Kind == Latin) && !p.bare(k-2, yearWords) {
			if _, ok := p.wordNum(k - 2); !ok {
				return c
			}
		}
		if p.bare(k-1, labelWords) {
			return c
		}
	}
	// date and time chains: 15/11/2017, 21:24, 15-11-2017, 15 . 04 . 2017
	if e := p.chainEnd(k); e > k {
		links := (e - k) / 2
		sep := p.toks[k+1].Norm
		if links >= 2 || sep == "/" || sep == ":" {
			c.skip = e + 1
			return c
		}
	}
	// 23 after "ABDULLAH15 :" or "21 :" (the second half of a time)
	if p.isPunct(k-1, ":") && k > 1 && p.toks[k-2].End == p.toks[k-1].Start-1 {
		if pt := p.toks[k-2]; pt.Kind == Numeral || (pt.Kind == Latin && pt.Norm[len(pt.Norm)-1] <= '9') {
			return c
		}
	}
	// zero-padded numerals are codes, times or time zones (0400, 09)
	if len(t.Norm) > 1 && t.Norm[0] == '0' && t.Norm[1] != '.' {
		return c
	}
	norm := t.Norm
	dots := strings.Count(norm, ".")
	if strings.Contains(norm, ",") || dots > 1 {
		return c // 2017.11.15, versions
	}
	var v int64
	if dots == 1 {
		sc, ok := p.scaleAt(k + 1)
		if !ok {
			return c // a decimal is a measurement, not a count
		}
		dot := strings.IndexByte(norm, '.')
		ip, fp := norm[:dot], norm[dot+1:]
		iv, ok1 := atoi(ip)
		fv, ok2 := atoi(fp)
		if !ok1 || !ok2 || len(fp) > 9 {
			return c
		}
		den := int64(1)
		for range fp {
			den *= 10
		}
		a, ok3 := mul(iv, sc)
		b, ok4 := mul(fv, sc)
		if !ok3 || !ok4 || b%den != 0 {
			return c
		}
		c.v, c.scale, c.end, c.ok = a+b/den, sc, k+2, true
		return c
	}
	v, ok := atoi(norm)
	if !ok || v == 0 {
		return c // zero counts nothing
	}
	// date context: "24 من شهر آب", "28 من أكتوبر"
	if p.word(k+1) == "من" && (p.bare(k+2, monthWords) || p.word(k+2) == "شهر") {
		c.skip = k + 3
		return c
	}
	afterMonth := p.bare(k-1, monthWords) || (monthOrdinals[p.word(k-1)] && p.bare(k-2, monthWords))
	if p.bare(k-1, timeWords) || p.bare(k+1, monthWords) || afterMonth || p.bare(k+1, eraWords) {
		c.skip = k + 1
		if p.bare(k+1, monthWords) || p.bare(k+1, eraWords) {
			c.skip = k + 2
		}
		return c
	}
	if v >= 1000 && v <= 2100 && (p.bare(k-1, yearWords) || p.word(k-1) == "منذ") {
		return c
	}
	if v <= 24 && p.bare(k+1, dayTimeWords) {
		return c
	}
	c.v, c.ok = v, true
	if sc, ok := p.scaleAt(k + 1); ok {
		if m, ok := mul(v, sc); ok {
			c.v, c.scale, c.end = m, sc, k+2
		}
	} else if len(norm) == 4 && v >= 1900 && v <= 2100 {
		c.year = true
	}
	return c
}

// chainEnd returns the index of the last numeral of a chain N sep N (sep ...)
// starting at numeral k, all joined by the same separator among / : - .
// (k itself when there is no chain).
func (p *numParser) chainEnd(k int) int {
	e := k
	if !p.isPunct(k+1, "/:-.") {
		return k
	}
	sep := p.toks[k+1].Norm
	for e+2 < len(p.toks) && p.isPunct(e+1, sep) && p.toks[e+1].Norm == sep && p.toks[e+2].Kind == Numeral {
		e += 2
	}
	return e
}

func atoi(s string) (int64, bool) {
	if s == "" || len(s) > 15 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := s[i]
		if d < '0' || d > '9' {
			return 0, false
		}
		v = v*10 + int64(d-'0')
	}
	return v, true
}

// lookupNum finds the number word at token k (with clitics).
func (p *numParser) lookupNum(k int) (numWord, form, bool) {
	w := p.word(k)
	if w == "" {
		return numWord{}, form{}, false
	}
	var buf [8]form
	for _, f := range forms(w, true, &buf) {
		if e, ok := numLex[f.w]; ok {
			if f.art && e.k != nkVague && e.k != nkScalePl {
				continue // الاثنين, الأحد: days of the week; الثلاثة: anaphoric
			}
			return e, f, true
		}
	}
	return numWord{}, form{}, false
}

const (
	stNone = iota
	stUnit
	stTeenPre
	stClosed
	stHundred
	stScale
	stVague
)

// wordNum parses a number written in words starting at token k.
func (p *numParser) wordNum(k int) (core, bool) {
	var total, cur, lastScale, scale int64
	state := stNone
	vague := false
	start := k
	words := 0
	var firstForm form
	// checkpoint after the last completed scale group, to back off from a
	// following "و ..." that turns out to start a new number
	ckK, ckTotal, ckWords := -1, int64(0), 0
	for k < len(p.toks) {
		if state == stScale && cur == 0 {
			ckK, ckTotal, ckWords = k, total, words
		}
		kk := k
		sepConj := false
		if p.word(k) == lWa && words > 0 {
			sepConj, kk = true, k+1
		}
		e, f, ok := p.lookupNum(kk)
		if !ok {
			break
		}
		conj := sepConj || f.conj
		if sepConj && f.conj {
			break
		}
		if words > 0 && f.prep {
			break
		}
		if f.art && words > 0 && !(state == stVague || state == stUnit) {
			break
		}
		v := e.v
		next := state
		if words == 0 {
			firstForm = f
			switch e.k {
			case nkUnit:
				cur, next = v, stUnit
			case nkTeenPre:
				cur, next = v, stTeenPre
			case nkTen, nkTens:
				cur, next = v, stClosed
			case nkHundred, nkHundreds:
				cur, next = v, stHundred
			case nkScale, nkScale2:
				total, lastScale, scale, next = v, v, v, stScale
				if e.k == nkScale2 {
					lastScale, scale = v/2, v/2
				}
			case nkScalePl:
				total, lastScale, scale, next, vague = v, v, v, stScale, true
			case nkVague:
				cur, next, vague = v, stVague, true
			default:
				return core{}, false
			}
			if e.vague {
				vague = true
			}
		} else if !conj {
			switch {
			case e.k == nkTen && (state == stUnit || state == stTeenPre) && cur < 10:
				cur, next = cur+10, stClosed
			case e.k == nkHundred && state == stUnit && cur < 10:
				cur, next = cur*100, stHundred
			case (e.k == nkScale || e.k == nkScalePl) && cur > 0 && state != stScale && state != stVague && (lastScale == 0 || v < lastScale),
				(e.k == nkScale || e.k == nkScalePl) && state == stVague && lastScale == 0:
				m, ok := mul(cur, v)
				if !ok {
					return core{}, false
				}
				total, cur, lastScale, scale, next = total+m, 0, v, v, stScale
			default:
				if ckK >= 0 && (e.k == nkScale || e.k == nkScalePl) {
					k, total, cur, words, state = ckK, ckTotal, 0, ckWords, stScale
				}
				goto done
			}
		} else {
			switch {
			case state == stUnit && e.k == nkTens && !vague:
				cur, next = cur+v, stClosed
			case state == stHundred && (e.k == nkUnit || e.k == nkTeenPre || e.k == nkTen || e.k == nkTens) && !e.vague:
				cur += v
				switch e.k {
				case nkUnit:
					next = stUnit
				case nkTeenPre:
					next = stTeenPre
				default:
					next = stClosed
				}
			case state == stScale && cur == 0 && e.k == nkFrac && lastScale > 0:
				total, next = total+lastScale/v, stClosed
				lastScale = 1
			case state == stScale && cur == 0 && !vague && !e.vague && v < lastScale && e.k != nkVague && e.k != nkScalePl && e.k != nkFrac:
				switch e.k {
				case nkUnit:
					cur, next = v, stUnit
				case nkTeenPre:
					cur, next = v, stTeenPre
				case nkTen, nkTens:
					cur, next = v, stClosed
				case nkHundred, nkHundreds:
					cur, next = v, stHundred
				case nkScale, nkScale2:
					total, next = total+v, stScale
					lastScale = v
					if e.k == nkScale2 {
						lastScale = v / 2
					}
				}
			default:
				if ckK >= 0 && (e.k == nkScale || e.k == nkScalePl || e.k == nkScale2) {
					k, total, cur, words, state = ckK, ckTotal, 0, ckWords, stScale
				}
				goto done
			}
		}
		if e.vague {
			vague = true
		}
		state = next
		words++
		k = kk + 1
	}
done:
	if words == 0 || state == stTeenPre {
		return core{}, false
	}
	c := core{end: k, v: total + cur, scale: scale, vague: vague, ok: true}
	if words == 1 {
		e, _, _ := p.lookupNum(start)
		// أحد/إحدى alone is a count only as "one of ..." (أحد المدنيين);
		// "لم يصب أحد" is "nobody".
		if e.v == 1 && e.k == nkUnit && p.toks[start].Norm != "واحد" && p.toks[start].Norm != "واحده" && !firstForm.conj {
			if k >= len(p.toks) || p.toks[k].Kind != Word {
				return core{}, false
			}
			for b := start - 1; b >= 0 && b >= start-3 && p.toks[b].Kind == Word; b-- {
				if negations[p.toks[b].Norm] {
					return core{}, false
				}
			}
		}
		if e.vague && e.k == nkUnit && (k >= len(p.toks) || p.toks[k].Kind != Word) {
			return core{}, false // بضعة/عدة need a noun
		}
	}
	c.trim = cliticLetters(p.toks[start].Norm, firstForm)
	if c.v <= 0 {
		return core{}, false
	}
	return c, true
}

func (p *numParser) dualAt(k int) (int, bool) {
	w := p.word(k)
	if w == "" {
		return 0, false
	}
	var buf [8]form
	for _, f := range forms(w, true, &buf) {
		if dualLex[f.w] {
			return cliticLetters(w, f), true
		}
	}
	return 0, false
}

func (p *numParser) coreAt(k int) core {
	if k >= len(p.toks) {
		return core{}
	}
	switch p.toks[k].Kind {
	case Numeral:
		return p.numeralCore(k)
	case Word:
		if c, ok := p.wordNum(k); ok {
			return c
		}
		if trim, ok := p.dualAt(k); ok {
			return core{end: k + 1, v: 2, dual: true, ok: true, trim: trim}
		}
	}
	return core{}
}

// applyScale gives the first arm of a range the scale written only on the
// second ("ثلاثة إلى أربعة آلاف", "10-15 ألف").
func applyScale(a, b core) core {
	if a.scale == 0 && b.scale > 1 && !a.vague && a.v < b.v/b.scale+1 && b.v%b.scale == 0 {
		if m, ok := mul(a.v, b.scale); ok {
			a.v = m
		}
	}
	return a
}

func (p *numParser) parseAt(i int) (Number, int, bool) {
	j := i
	qual := Qualifier("")
	trim := 0 // clitic letters to leave out at the start
	if q, e := p.matchAny(j, prefixQuals); e > j {
		qual, j, trim = q, e, p.trim
	}
	rangeKind := 0
	rj := j
	rtrim := 0
	if e, t := p.matchPhrase(j, []string{"ما", "بين"}); e > 0 {
		rangeKind, rj, rtrim = 1, e, t
	} else if e, t := p.matchPhrase(j, []string{"بين"}); e > 0 {
		rangeKind, rj, rtrim = 1, e, t
	} else if e, t := p.matchPhrase(j, []string{"من"}); e > 0 && qual == "" {
		rangeKind, rj, rtrim = 2, e, t
	}
	if qual == "" {
		trim = rtrim
	}
	c1 := p.coreAt(rj)
	if !c1.ok && rangeKind != 0 {
		return Number{}, i + 1, false
	}
	if !c1.ok {
		if qual != "" {
			return Number{}, i + 1, false
		}
		return Number{}, max(c1.skip, i+1), false
	}
	first := i
	if qual == "" && rangeKind == 0 {
		trim = c1.trim
	}
	n := Number{Value: c1.v, Vague: c1.vague}
	end := c1.end
	isRange := false
	// second arm of a range
	conn := -1 // index of the second core
	switch rangeKind {
	case 1:
		if p.word(end) == lWa || p.word(end) == "الي" {
			conn = end + 1
		} else if w := p.word(end); strings.HasPrefix(w, lWa) {
			conn = end // "وعشرين": the core parser takes the conjunction
		}
	case 2:
		if p.bare(end, map[string]bool{"الي": true, "حتي": true}) {
			conn = end + 1
		}
	default:
		if c1.numeral && p.isPunct(end, "-–—") && end+1 < len(p.toks) && p.toks[end+1].Kind == Numeral {
			conn = end + 1
		} else if w := p.word(end); w == "الي" || w == "او" || w == "حتي" {
			conn = end + 1
		}
	}
	if conn >= 0 {
		c2 := p.coreAt(conn)
		if c2.ok && !c2.year && !c2.dual && (c2.numeral == c1.numeral || rangeKind != 0) {
			a := applyScale(c1, c2)
			if c2.v > a.v {
				isRange = true
				n.Value, n.Max = a.v, c2.v
				n.Vague = a.vague || c2.vague
				end = c2.end
			}
		}
	}
	if !isRange && rangeKind != 0 && qual == "" {
		first, trim = rj, c1.trim // "من 30 مدنيا": the preposition is not part of it
	}
	if !isRange && c1.year && qual == "" {
		n.Year = true
	}
	// percentages
	if p.isPunct(end, "%") {
		n.Percent = true
		end++
	} else if p.word(end) == "في" && percentWords[p.word(end+1)] {
		n.Percent = true
		end += 2
	} else if percentWords[p.word(end)] {
		n.Percent = true
		end++
	}
	// qualifiers after the number, possibly after one or two nouns
	if !n.Percent {
		for skip := 0; skip <= 2; skip++ {
			k := end + skip
			if skip > 0 {
				if k-1 >= len(p.toks) || p.toks[k-1].Kind != Word {
					break
				}
				if _, _, ok := p.lookupNum(k - 1); ok {
					break
				}
			}
			q, e := p.matchAny(k, suffixQuals)
			if e < 0 {
				continue
			}
			if skip > 0 && (q == MoreThan || q == Exact) {
				break // ونيف and فقط follow the number itself
			}
			if qual == "" {
				qual = q
				end = e
			}
			break
		}
	}
	switch {
	case isRange:
		n.Qualifier = Range
	case qual != "":
		n.Qualifier = qual
		n.Year = false
	case n.Vague:
		n.Qualifier = AtLeast
	default:
		n.Qualifier = Exact
	}
	n.Start = skipLetters(p.text, p.toks[first].Start, trim)
	n.End = p.toks[end-1].End
	n.Text = p.text[n.Start:n.End]
	return n, end, true
}

// startWords holds every folded word that can begin a number expression:
// number words, duals, the first words of qualifiers and range words.
var startWords = map[string]bool{"ما": true, "بين": true, "من": true}

func init() {
	for w := range numLex {
		startWords[w] = true
	}
	for w := range dualLex {
		startWords[w] = true
	}
	for _, ph := range prefixQuals {
		startWords[ph.words[0]] = true
	}
}

// canStart reports whether the word at k (with clitics) is in startWords.
func (p *numParser) canStart(k int) bool {
	var buf [8]form
	for _, f := range forms(p.toks[k].Norm, true, &buf) {
		if startWords[f.w] {
			return true
		}
	}
	return false
}

// Numbers finds every quantity expression in text, in order (see Number for
// what is and is not reported).
func Numbers(text string) []Number {
	p := numParser{text: text, toks: Tokenize(text)}
	var out []Number
	for i := 0; i < len(p.toks); {
		t := p.toks[i]
		if t.Kind != Numeral && (t.Kind != Word || !p.canStart(i)) {
			i++
			continue
		}
		n, next, ok := p.parseAt(i)
		if ok {
			out = append(out, n)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

// ParseNumber parses one quantity expression ("ثلاثة آلاف", "أكثر من 50",
// "طفلين", "ما بين 200 و300") and reports ok=false if expr, trimmed of
// surrounding space, is not exactly one number expression.
func ParseNumber(expr string) (Number, bool) {
	p := numParser{text: expr, toks: Tokenize(expr)}
	if len(p.toks) == 0 {
		return Number{}, false
	}
	n, next, ok := p.parseAt(0)
	if !ok || next != len(p.toks) || n.Start != p.toks[0].Start {
		return Number{}, false
	}
	return n, true
}

// qualifierList is a qualifier and its phrases, separated by |.
type qualifierList struct {
	q  Qualifier
	ps string
}

// qualifierPhrases folds and splits the phrases of each list.
func qualifierPhrases(lists []qualifierList) []phrase {
	var out []phrase
	for _, l := range lists {
		for _, p := range strings.Split(l.ps, "|") {
			out = append(out, phrase{l.q, strings.Fields(Fold(p))})
		}
	}
	return out
}
