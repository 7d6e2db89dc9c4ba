package dates

import (
	"strings"
	"time"

	"rasad/internal/arabic"
)

// tokInfo is the parser's view of one token.
type tokInfo struct {
	lexInfo
	num  int // value of a Numeral made of digits only (<= 4 digits); -1 otherwise
	ndig int // its number of digits
}

// parser matches date expressions over a token slice.
type parser struct {
	text string
	toks []arabic.Token
	info []tokInfo
	out  []Expr
}

// maxWordLen bounds the folded words worth looking up: the longest lexicon
// entry with a conjunction and a fused preposition stays well below it.
const maxWordLen = 26

func (p *parser) reset(text string, toks []arabic.Token) {
	p.text, p.toks = text, toks
	if cap(p.info) < len(toks) {
		p.info = make([]tokInfo, len(toks))
	}
	p.info = p.info[:len(toks)]
	for k := range toks {
		t := &toks[k]
		ti := tokInfo{num: -1}
		switch t.Kind {
		case arabic.Word:
			if len(t.Norm) <= maxWordLen && mayBeLexical(t.Norm) {
				ti.lexInfo = classify(t.Norm)
			}
		case arabic.Numeral:
			ti.num, ti.ndig = digitsValue(t.Norm)
		}
		p.info[k] = ti
	}
}

// digitsValue parses s when it is 1-4 ASCII digits.
func digitsValue(s string) (int, int) {
	if len(s) == 0 || len(s) > 4 {
		return -1, 0
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1, 0
		}
		v = v*10 + int(c-'0')
	}
	return v, len(s)
}

func (p *parser) run() {
	for i := 0; i < len(p.toks); {
		k := p.toks[i].Kind
		if k != arabic.Word && k != arabic.Numeral {
			i++
			continue
		}
		if k == arabic.Word && !canStart[p.info[i].cls] && p.toks[i].Norm != wAwwal0 {
			i++
			continue
		}
		if e, end, ok := p.parseAt(i); ok && end > i {
			e.Start = p.toks[i].Start
			e.End = p.toks[end-1].End
			e.Text = p.text[e.Start:e.End]
			p.out = append(p.out, e)
			i = end
			continue
		}
		i++
	}
}

// canStart lists the word classes an expression can begin with.
var canStart [256]bool

func init() {
	for _, c := range []uint8{lxMonth, lxMonthHead, lxHMonth, lxHMonthHead, lxWeekday, lxToday,
		lxYesterday, lxTonight, lxTomorrow, lxPoD, lxUnit, lxOrd, lxWeekW, lxMonthW, lxYearW,
		lxYearIntro, lxShahr, lxYawm, lxSince, lxAgo, lxAfter, lxMin, lxBayn, lxFi, lxHoursPl,
		lxDaysPl, lxThis, lxPeriod, lxAl} {
		canStart[c] = true
	}
}

// ---- token helpers ----

func (p *parser) cls(j int) uint8 {
	if j < 0 || j >= len(p.toks) {
		return lxNone
	}
	return p.info[j].cls
}

func (p *parser) val(j int) int { return int(p.info[j].val) }

func (p *parser) norm(j int) string {
	if j < 0 || j >= len(p.toks) {
		return ""
	}
	return p.toks[j].Norm
}

// numAt returns the value of a plain Numeral at j (-1 if none).
func (p *parser) numAt(j int) (int, int) {
	if j < 0 || j >= len(p.toks) || p.toks[j].Kind != arabic.Numeral {
		return -1, 0
	}
	return p.info[j].num, p.info[j].ndig
}

// punct reports whether token j is one punctuation or symbol rune from set.
func (p *parser) punct(j int, set string) bool {
	if j < 0 || j >= len(p.toks) {
		return false
	}
	t := p.toks[j]
	if t.Kind != arabic.Punct && t.Kind != arabic.Symbol {
		return false
	}
	return strings.Contains(set, p.text[t.Start:t.End])
}

func (p *parser) punctText(j int) string {
	t := p.toks[j]
	return p.text[t.Start:t.End]
}

const (
	numSeps   = "/-.\\"
	joinSeps  = ",،-–—|:("
	comboSeps = "/-–(|"
)

// ---- top level ----

func (p *parser) parseAt(i int) (Expr, int, bool) {
	switch p.cls(i) {
	case lxSince:
		if e, end, ok := p.duration(i + 1); ok {
			return e, end, true
		}
		if e, end, ok := p.core(i + 1); ok && e.Kind != Future {
			e.Since = true
			return e, end, true
		}
		return Expr{}, 0, false
	case lxAgo:
		if e, end, ok := p.duration(i + 1); ok {
			return e, end, true
		}
	}
	return p.core(i)
}

// core: [part of day] day.
func (p *parser) core(i int) (Expr, int, bool) {
	if pod, k, ok := p.podPrefix(i); ok {
		e, end, ok := p.day(k)
		if !ok || e.Kind == YearOnly || (e.Day == 0 && e.Kind != Relative && e.Kind != Weekday && e.Kind != Future) {
			return Expr{}, 0, false
		}
		if e.Kind == Relative && e.Precision != Day {
			return Expr{}, 0, false
		}
		e.PartOfDay = pod
		return e, end, true
	}
	return p.day(i)
}

// podPrefix matches a part of day before a day: فجر، صباح، ظهر، عصر، مساء،
// ليل، ليلة، قبل ظهر، بعد ظهر، منتصف ليل.
func (p *parser) podPrefix(i int) (string, int, bool) {
	switch p.cls(i) {
	case lxPoD:
		return partsOfDay[p.norm(i)], i + 1, true
	case lxAgo, lxAfter:
		if p.cls(i+1) == lxPoD && partsOfDay[p.norm(i+1)] == "ظهر" {
			if p.cls(i) == lxAgo {
				return "صباح", i + 2, true
			}
			return "عصر", i + 2, true
		}
	case lxPeriod:
		if periods[p.norm(i)] == periodMiddle && p.cls(i+1) == lxPoD && partsOfDay[p.norm(i+1)] == "ليل" {
			return "ليل", i + 2, true
		}
	}
	return "", 0, false
}

// day dispatches on the class of token i.
func (p *parser) day(i int) (Expr, int, bool) {
	if i >= len(p.toks) {
		return Expr{}, 0, false
	}
	if p.toks[i].Kind == arabic.Numeral {
		return p.date(i)
	}
	switch p.cls(i) {
	case lxToday:
		return p.today(i)
	case lxYesterday:
		return p.yesterday(i, i, -1)
	case lxTonight:
		return p.tonight(i)
	case lxTomorrow:
		return p.tomorrow(i, 1)
	case lxAfter:
		if p.cls(i+1) == lxTomorrow {
			return p.tomorrow(i+1, 2)
		}
	case lxWeekday:
		return p.weekday(i)
	case lxYawm:
		switch p.cls(i + 1) {
		case lxYesterday, lxWeekday, lxTomorrow:
			return p.day(i + 1)
		}
		if e, end, ok := p.date(i + 1); ok && e.Day > 0 {
			return e, end, true
		}
	case lxWeekW, lxMonthW, lxYearW, lxThis:
		if _, nd := p.numAt(i + 1); nd == 4 && p.cls(i) == lxYearW {
			return p.yearOnly(i) // العام 2016
		}
		return p.relPeriod(i, "")
	case lxPeriod:
		if e, end, ok := p.monthFirst(i); ok {
			return e, end, true
		}
		return p.relPeriod(i+1, periods[p.norm(i)])
	case lxFi, lxHoursPl, lxDaysPl:
		return p.recent(i)
	case lxBayn, lxMin, lxAl, lxOrd:
		return p.date(i)
	case lxMonth, lxMonthHead, lxHMonth, lxHMonthHead, lxShahr:
		return p.monthFirst(i)
	case lxYearIntro:
		return p.yearOnly(i)
	case lxUnit:
		if p.info[i].val == uYear && p.info[i].n == 1 { // سنة 2016
			return p.yearOnly(i)
		}
	}
	if p.norm(i) == wAwwal0 { // أول أمس, أول من أمس
		j := i + 1
		if p.cls(j) == lxMin {
			j++
		}
		if p.cls(j) == lxYesterday {
			return p.yesterday(i, j, -2)
		}
	}
	return Expr{}, 0, false
}

// ---- deictic days ----

func (p *parser) today(i int) (Expr, int, bool) {
	if p.cls(i-1) == lxThat || p.cls(i-1) == lxMedia || (p.cls(i-2) == lxMedia && p.toks[i-1].Kind == arabic.Word) {
		return Expr{}, 0, false // "في ذلك اليوم", "صحيفة اليوم", "قناة روسيا اليوم"
	}
	switch p.cls(i + 1) {
	case lxOrd, lxNotToday, lxLatest, lxAl, lxTeen:
		return Expr{}, 0, false
	}
	e := Expr{Kind: Relative, Deictic: true, Precision: Day}
	end := p.attachWeekday(&e, i+1)
	if n, _ := p.numAt(i + 1); n >= 0 && end == i+1 {
		// "اليوم 3 كانون الأول" is a date, "قتل اليوم 5 مدنيين" today;
		// "في اليوم 59", "اليوم 59 من الحصار", "اليوم 59." a day's number.
		if k := p.attachDate(&e, end); k > end {
			return e, p.attachPoDAdv(&e, k), true
		}
		nx := i + 2
		if p.cls(i-1) == lxFi || nx >= len(p.toks) || p.toks[nx].Kind != arabic.Word ||
			p.cls(nx) == lxMin || p.cls(nx) == lxAla {
			return Expr{}, 0, false
		}
		return e, end, true
	}
	end = p.attachDate(&e, end)
	return e, p.attachPoDAdv(&e, end), true
}

// yesterday: start is the first token (أول for أول أمس), j the أمس token.
func (p *parser) yesterday(start, j, off int) (Expr, int, bool) {
	end := j + 1
	if off == -1 && p.norm(end) == wAwwal { // أمس الأول
		off = -2
		end++
	}
	e := Expr{Kind: Relative, OffsetDays: off, Deictic: true, Precision: Day}
	end = p.attachWeekday(&e, end)
	end = p.attachDate(&e, end)
	return e, p.attachPoDAdv(&e, end), true
}

func (p *parser) tonight(i int) (Expr, int, bool) {
	if p.cls(i-1) == lxThat { // "تلك الليلة"; "هذه الليلة" is tonight
		return Expr{}, 0, false
	}
	e := Expr{Kind: Relative, Deictic: true, Precision: Day, PartOfDay: "ليل"}
	end := i + 1
	switch p.cls(end) {
	case lxOrd, lxNotToday, lxTeen:
		return Expr{}, 0, false
	case lxPast, lxYesterday: // الليلة الماضية، الليلة البارحة
		e.OffsetDays = -1
		end++
	case lxNext:
		e.Kind, e.OffsetDays = Future, 1
		end++
	}
	return e, end, true
}

func (p *parser) tomorrow(i, off int) (Expr, int, bool) {
	e := Expr{Kind: Future, OffsetDays: off, Deictic: true, Precision: Day}
	end := p.attachWeekday(&e, i+1) // "غدا الاثنين"
	return e, p.attachPoDAdv(&e, end), true
}

func (p *parser) weekday(i int) (Expr, int, bool) {
	if p.cls(i-1) == lxBlock || p.cls(i+1) == lxTeen {
		return Expr{}, 0, false
	}
	wd := time.Weekday(p.val(i))
	if wd == time.Monday && p.cls(i-1) == lxKila {
		return Expr{}, 0, false
	}
	e := Expr{Kind: Weekday, Weekday: wd, HasWeekday: true, Precision: Day}
	end := i + 1
	switch p.cls(end) {
	case lxPast:
		e.Past = true
		end++
	case lxNext:
		e.Kind = Future
		end++
	}
	// a night between two days: "ليلة السبت - الأحد", "ليل السبت على الأحد"
	if e.Kind == Weekday && !e.Past {
		k := end
		if p.punct(k, "-–/") || p.cls(k) == lxAla {
			k++
		}
		if k > end && p.cls(k) == lxWeekday && time.Weekday(p.val(k)) == (wd+1)%7 {
			end = k + 1
		}
	}
	if e.Kind == Future {
		return e, end, true
	}
	end = p.attachDate(&e, end)
	return e, p.attachPoDAdv(&e, end), true
}

// attachWeekday extends a deictic day with the weekday named after it:
// "اليوم الأحد", "أمس (الثلاثاء)", "اليوم، الخميس".
func (p *parser) attachWeekday(e *Expr, j int) int {
	k, open := j, false
	for n := 0; n < 2 && p.punct(k, ",،-–("); n++ {
		if p.punctText(k) == "(" {
			open = true
		}
		k++
	}
	if p.cls(k) != lxWeekday || p.info[k].conj || p.cls(k+1) == lxTeen {
		return j // "أمس والأحد": another day
	}
	e.Weekday, e.HasWeekday = time.Weekday(p.val(k)), true
	k++
	if open && p.punct(k, ")") {
		k++
	}
	return k
}

// attachDate extends a day or weekday with the date written after it:
// "الأحد 21 كانون الثاني 2018", "اليوم 3 كانون الأول", "الخميس الموافق
// 15/9/2016". Only dates with a day are attached.
func (p *parser) attachDate(e *Expr, j int) int {
	k := j
	open := false
	for n := 0; n < 2 && p.punct(k, joinSeps); n++ {
		open = open || p.punctText(k) == "("
		k++
	}
	if p.cls(k) == lxMuwafiq {
		k++
		if p.norm(k) == "ل" {
			k++
		}
		for n := 0; n < 2 && p.punct(k, "-–"); n++ {
			k++
		}
	}
	if k >= len(p.toks) {
		return j
	}
	d, end, ok := p.date(k)
	if !ok || d.Day == 0 || d.Kind == YearOnly || d.Kind == Future {
		return j
	}
	e.Kind = d.Kind
	e.Year, e.Month, e.Day, e.DayEnd = d.Year, d.Month, d.Day, d.DayEnd
	e.OffsetYears, e.RelYear = d.OffsetYears, d.RelYear
	e.Precision = d.Precision
	e.Past = e.Past || d.Past
	if open && p.punct(end, ")") {
		end++
	}
	return end
}

// attachPoDAdv takes a part of day written after a day: "أمس مساء",
// "اليوم صباحا".
func (p *parser) attachPoDAdv(e *Expr, j int) int {
	c := p.cls(j)
	if c == lxPoDAdv || (c == lxPoD && partsOfDay[p.norm(j)] == "مساء") {
		if e.PartOfDay == "" {
			e.PartOfDay = partsOfDay[p.norm(j)]
		}
		return j + 1
	}
	return j
}

// ---- durations: منذ يومين، قبل أسبوع، منذ نحو شهر ----

func (p *parser) duration(i int) (Expr, int, bool) {
	j := i
	approx := false
	switch p.cls(j) {
	case lxApprox:
		approx = true
		j++
	case lxMore:
		if p.cls(j+1) != lxMin {
			return Expr{}, 0, false
		}
		approx = true
		j += 2
	}
	if p.norm(j) == wMa && (p.norm(j+1) == wYazid || p.norm(j+1) == wYaqill) && (p.norm(j+2) == wAn || p.cls(j+2) == lxAla) {
		approx = true
		j += 3
	}
	n := 0
	if v, nd := p.numAt(j); v > 0 && nd <= 4 {
		n = v
		j++
	} else if p.cls(j) == lxNum {
		n = p.val(j)
		if p.info[j].n == 1 {
			approx = true
		}
		j++
		if p.cls(j) == lxTeen {
			n += 10
			j++
		}
	}
	if j >= len(p.toks) {
		return Expr{}, 0, false
	}
	var u, cnt int
	switch p.cls(j) {
	case lxUnit:
		u, cnt = p.val(j), int(p.info[j].n)
	case lxYawm:
		u, cnt = uDay, 1
	case lxShahr:
		u, cnt = uMonth, 1
	case lxYearIntro:
		u, cnt = uYear, 1
	default:
		return Expr{}, 0, false
	}
	single := p.cls(j) != lxUnit
	j++
	if _, nd := p.numAt(j); n == 0 && nd == 4 {
		return Expr{}, 0, false // "منذ سنة 1990": a year
	}
	if single && n == 0 {
		// "منذ يوم أمس", "منذ عام 2011", "منذ شهر أيلول" are points in time.
		if nv, _ := p.numAt(j); nv >= 0 {
			return Expr{}, 0, false
		}
		switch p.cls(j) {
		case lxYesterday, lxWeekday, lxToday, lxTomorrow, lxMonth, lxMonthHead, lxHMonth, lxHMonthHead, lxAl:
			return Expr{}, 0, false
		}
	}
	count := 0
	switch {
	case n > 0:
		count = n
	case cnt == 1 || cnt == 2:
		count = cnt
	case cnt == -1:
		approx = true
		switch u {
		case uMinute, uHour:
			count = 1
		case uDay:
			count = 3
		case uWeek:
			count = 2
		default:
			return Expr{}, 0, false // منذ أشهر، منذ سنوات: no point in time
		}
	default:
		return Expr{}, 0, false
	}
	// "قبل يومين من الهجوم", "قبل ساعات قليلة من": relative to another event.
	k := j
	if p.cls(k) == lxFew {
		k++
	}
	if c := p.cls(k); c == lxMin || c == lxAla {
		return Expr{}, 0, false
	}
	if p.norm(j) == wTaqrib {
		approx = true
		j++
	}
	if p.norm(j) == wFaqat {
		j++
	}
	e := Expr{Kind: Relative, Deictic: true, Approx: approx, Precision: Day}
	switch u {
	case uMinute:
	case uHour:
		e.OffsetDays = -(count / 24)
		if count > 24 {
			e.Precision = Week
		}
	case uDay:
		e.OffsetDays = -count
		if approx && n == 0 && cnt == -1 {
			e.Precision = Week
		}
	case uWeek:
		e.OffsetDays = -7 * count
		e.Precision = Week
		if cnt == -1 && n == 0 {
			e.Precision = Month
		}
	case uMonth:
		e.OffsetMonths = -count
		e.Precision = Month
	case uYear:
		e.OffsetYears = -count
		e.Precision = Unknown
	}
	return e, j, true
}

// ---- periods: الأسبوع الماضي، الشهر الجاري، هذا العام، أواخر الشهر الماضي ----

func (p *parser) relPeriod(i int, period string) (Expr, int, bool) {
	j := i
	this := false
	if p.cls(j) == lxThis {
		this = true
		j++
	}
	unit := p.cls(j)
	if unit != lxWeekW && unit != lxMonthW && unit != lxYearW {
		return Expr{}, 0, false
	}
	j++
	off := 0
	future := false
	if !this {
		switch p.cls(j) {
		case lxPast:
			off = -1
		case lxCurrent:
		case lxNext:
			off, future = 1, true
		default:
			return Expr{}, 0, false
		}
		j++
	}
	e := Expr{Kind: Relative, Deictic: true, Period: period}
	if future {
		e.Kind = Future
	}
	switch unit {
	case lxWeekW:
		e.OffsetDays = 7 * off
		e.Precision = Week
	case lxMonthW:
		e.OffsetMonths = off
		e.Precision = Month
	case lxYearW:
		if !future {
			e.Kind = YearOnly
		}
		e.Deictic, e.RelYear = false, true
		e.OffsetYears = off
	}
	return e, j, true
}

// ---- recent hours and days: خلال الساعات الماضية، في الـ24 ساعة الأخيرة ----

func (p *parser) recent(i int) (Expr, int, bool) {
	j := i
	if p.cls(j) == lxFi {
		j++
	}
	e := Expr{Kind: Relative, Deictic: true, Precision: Day}
	switch p.cls(j) {
	case lxHoursPl:
		j++
		// "الساعات الـ24 الماضية"
		k := j
		if p.cls(k) == lxAl {
			k++
		}
		if n, _ := p.numAt(k); n > 0 {
			if n > 24 {
				e.Precision = Week
			}
			j = k + 1
		}
	case lxDaysPl:
		e.Precision, e.Approx = Week, true
		j++
	default:
		if p.cls(j) == lxAl {
			j++
		}
		n, _ := p.numAt(j)
		if n <= 0 || p.cls(j+1) != lxUnit || p.val(j+1) != uHour {
			return Expr{}, 0, false
		}
		if n > 24 {
			e.Precision = Week
		}
		j += 2
	}
	if p.cls(j) == lxFew {
		j++
	}
	if c := p.cls(j); c != lxPast && c != lxLatest {
		return Expr{}, 0, false
	}
	return e, j + 1, true
}

// ---- dates ----

// date matches a date starting at i: numeric, day + month, month first, or
// a year alone.
func (p *parser) date(i int) (Expr, int, bool) {
	if e, end, ok := p.numericDate(i); ok {
		return e, end, true
	}
	if e, end, ok := p.dayMonth(i); ok {
		return e, end, true
	}
	switch p.cls(i) {
	case lxMonth, lxMonthHead, lxHMonth, lxHMonthHead, lxShahr, lxPeriod:
		return p.monthFirst(i)
	}
	if n, nd := p.numAt(i); nd == 4 && n > 0 {
		return p.yearOnly(i)
	}
	return Expr{}, 0, false
}

func validGregYear(y int) bool  { return y >= 1800 && y <= 2200 }
func validHijriYear(y int) bool { return y >= 1300 && y <= 1500 }

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y == 0 || (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return 29
		}
		return 28
	}
	return 31
}

// numericDate: "15/11/2017", "2017-11-15", "15 . 04 . 2017", "15.04.2017",
// "1439/2/26 هـ".
func (p *parser) numericDate(i int) (Expr, int, bool) {
	if i >= len(p.toks) || p.toks[i].Kind != arabic.Numeral {
		return Expr{}, 0, false
	}
	var a, b, c string
	end := 0
	norm := p.toks[i].Norm
	if strings.Count(norm, ".") == 2 {
		x := strings.IndexByte(norm, '.')
		y := x + 1 + strings.IndexByte(norm[x+1:], '.')
		a, b, c = norm[:x], norm[x+1:y], norm[y+1:]
		end = i + 1
	} else if p.info[i].num >= 0 && p.punct(i+1, numSeps) &&
		i+4 < len(p.toks) && p.toks[i+2].Kind == arabic.Numeral && p.info[i+2].num >= 0 &&
		p.toks[i+3].Kind == p.toks[i+1].Kind && p.punctText(i+3) == p.punctText(i+1) &&
		p.toks[i+4].Kind == arabic.Numeral && p.info[i+4].num >= 0 {
		a, b, c = norm, p.toks[i+2].Norm, p.toks[i+4].Norm
		end = i + 5
	} else {
		return Expr{}, 0, false
	}
	va, na := digitsValue(a)
	vb, nb := digitsValue(b)
	vc, nc := digitsValue(c)
	if va < 0 || vb < 0 || vc < 0 || nb > 2 {
		return Expr{}, 0, false
	}
	var y, m, d int
	switch {
	case na == 4 && nc <= 2:
		y, m, d = va, vb, vc
	case nc == 4 && na <= 2:
		y, m, d = vc, vb, va
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	default:
		return Expr{}, 0, false
	}
	e := Expr{Kind: Absolute, Year: y, Month: m, Day: d, Precision: Day}
	switch {
	case p.cls(end) == lxHijriMk:
		e.Kind = Hijri
		end++
	case validHijriYear(y):
		e.Kind = Hijri
	case validGregYear(y):
		if p.cls(end) == lxGreg {
			end++
		}
	default:
		return Expr{}, 0, false
	}
	if m < 1 || m > 12 || d < 1 {
		return Expr{}, 0, false
	}
	if e.Kind == Hijri {
		if d > 30 || !validHijriYear(y) {
			return Expr{}, 0, false
		}
	} else if d > daysIn(y, m) {
		return Expr{}, 0, false
	}
	return e, end, true
}

// dayNumber reads a day of the month at j: a numeral 1-31 or an ordinal
// phrase ("العاشر", "الحادي عشر", "الخامس والعشرين") which must be followed
// by من (consumed).
func (p *parser) dayNumber(j int) (int, int, bool) {
	if v, nd := p.numAt(j); nd > 0 {
		if nd > 2 || v < 1 || v > 31 {
			return 0, 0, false
		}
		return v, j + 1, true
	}
	if p.cls(j) != lxOrd {
		return 0, 0, false
	}
	v := p.val(j)
	k := j + 1
	switch {
	case v < 10 && p.cls(k) == lxTeen:
		v += 10
		k++
	case v < 10 && p.cls(k) == lxOrd && p.val(k) >= 20 && strings.HasPrefix(p.norm(k), "و"):
		v += p.val(k)
		k++
	case v < 10 && p.cls(k) == lxWa && p.cls(k+1) == lxOrd && p.val(k+1) >= 20:
		v += p.val(k + 1)
		k += 2
	case p.norm(j) == "الحادي":
		return 0, 0, false
	}
	if v < 1 || v > 31 || p.cls(k) != lxMin {
		return 0, 0, false
	}
	return v, k + 1, true
}

// monthName reads one month name at j (one or two words).
func (p *parser) monthName(j int) (m int, hijri, amb bool, end int, ok bool) {
	if j < 0 || j >= len(p.toks) {
		return 0, false, false, 0, false
	}
	li := p.info[j]
	second := p.norm(j + 1)
	switch li.cls {
	case lxMonth:
		return int(li.val), false, li.amb, j + 1, true
	case lxHMonth:
		return int(li.val), true, true, j + 1, true
	case lxMonthHead:
		first, second2 := 12, 1 // كانون الأول, كانون الثاني
		if p.norm(j) == wTishr {
			first, second2 = 10, 11
		}
		switch second {
		case wAwwal, wAwwal0:
			return first, false, false, j + 2, true
		case wThani, wThani0, wThan0:
			return second2, false, false, j + 2, true
		}
	case lxHMonthHead:
		switch p.norm(j) {
		case wRabi:
			switch second {
			case wAwwal, wAwwal0:
				return 3, true, false, j + 2, true
			case wThani, wAkhir, wThani0:
				return 4, true, false, j + 2, true
			}
		case wDhu, wDhi:
			switch second {
			case wQaada:
				return 11, true, false, j + 2, true
			case wHijja:
				return 12, true, false, j + 2, true
			}
		default: // جمادى
			switch second {
			case wUla, wAwwal:
				return 5, true, false, j + 2, true
			case wAkhira, wThania, wThani, wAkhir:
				return 6, true, false, j + 2, true
			}
		}
	}
	return 0, false, false, 0, false
}

// monthPhrase reads a month name with an optional second name of the same
// month: "تشرين الأول / أكتوبر", "أكتوبر (تشرين الأول)", "يناير - كانون
// الثاني". combined reports whether the second name was there.
func (p *parser) monthPhrase(j int) (m int, hijri, amb bool, end int, ok bool) {
	m, hijri, amb, end, ok = p.monthName(j)
	if !ok || hijri {
		return
	}
	k := end
	open := false
	switch {
	case p.punct(k, comboSeps):
		open = p.punctText(k) == "("
		k++
	case p.cls(k) == lxMonth || p.cls(k) == lxMonthHead: // "أكتوبر تشرين الأول"
	default:
		return
	}
	m2, h2, _, k2, ok2 := p.monthName(k)
	if !ok2 || h2 || m2 != m {
		return
	}
	end, amb = k2, false
	if open && p.punct(end, ")") {
		end++
	}
	return
}

// yearAfter reads the year written after a month: "2017", "، 2017", "عام
// 2017", "من العام 2017", "2017 م", "1439 هـ", or a year named from the
// anchor: "من العام الماضي", "من هذا العام". ok=false consumes nothing.
func (p *parser) yearAfter(k int, hijri bool) (e Expr, end int, ok bool) {
	j := k
	if p.punct(j, ",،") {
		j++
	}
	if p.cls(j) == lxMin {
		j++
	}
	switch p.cls(j) {
	case lxYearIntro, lxYearW:
		j++
	case lxUnit:
		if p.val(j) == uYear && p.info[j].n == 1 { // سنة
			j++
		}
	}
	if y, nd := p.numAt(j); nd == 4 {
		j++
		mk := p.cls(j)
		switch {
		case mk == lxHijriMk:
			if !validHijriYear(y) {
				return Expr{}, 0, false
			}
			e.Kind = Hijri
			j++
		case hijri:
			if !validHijriYear(y) {
				return Expr{}, 0, false
			}
			e.Kind = Hijri
		case validGregYear(y):
			if mk == lxGreg {
				j++
			}
		default:
			return Expr{}, 0, false
		}
		e.Year = y
		return e, j, true
	}
	// relative year
	j = k
	if p.cls(j) == lxMin {
		j++
	}
	if p.cls(j) == lxThis && p.cls(j+1) == lxYearW {
		e.RelYear = true
		return e, j + 2, !hijri
	}
	if p.cls(j) == lxYearW {
		switch p.cls(j + 1) {
		case lxPast:
			e.OffsetYears = -1
		case lxCurrent:
		case lxNext:
			e.OffsetYears = 1
		default:
			return Expr{}, 0, false
		}
		e.RelYear = true
		return e, j + 2, !hijri
	}
	return Expr{}, 0, false
}

// dayMonth: "15 تشرين الثاني 2017", "في العاشر من أيلول", "10-15 أيلول",
// "بين 3 و5 آذار", "19 صفر 1439 هـ".
func (p *parser) dayMonth(i int) (Expr, int, bool) {
	j := i
	rangeIntro := false
	if c := p.cls(j); (c == lxBayn || c == lxMin) && p.toks[min(j+1, len(p.toks)-1)].Kind == arabic.Numeral {
		j++
		rangeIntro = true
	}
	if p.cls(j) == lxAl {
		if n, _ := p.numAt(j + 1); n < 0 {
			return Expr{}, 0, false
		}
		j++
	}
	d, j, ok := p.dayNumber(j)
	if !ok {
		return Expr{}, 0, false
	}
	d2 := 0
	if p.punct(j, "-–") || p.cls(j) == lxWa || p.cls(j) == lxIla {
		if v, nd := p.numAt(j + 1); nd > 0 && nd <= 2 && v > d && v <= 31 {
			d2 = v
			j += 2
		}
	}
	if rangeIntro && d2 == 0 {
		return Expr{}, 0, false
	}
	if p.cls(j) == lxMin {
		j++
	}
	if d2 == 0 && !rangeIntro && p.cls(j-1) == lxMin {
		if e, end, ok := p.dayOfRelMonth(d, j); ok {
			return e, end, true
		}
	}
	if p.cls(j) == lxShahr {
		j++
	}
	m, hijri, amb, j, ok := p.monthPhrase(j)
	if !ok {
		return Expr{}, 0, false
	}
	e := Expr{Kind: Partial, Month: m, Day: d, Precision: Day}
	if hijri {
		e.Kind = Hijri
	}
	if d2 > 0 {
		e.Kind, e.DayEnd = Range, d2
		e.Precision = rangePrecision(d, d2)
	}
	if y, end, ok := p.yearAfter(j, hijri); ok {
		j = end
		switch {
		case y.Kind == Hijri:
			if e.Kind == Range {
				return Expr{}, 0, false
			}
			e.Kind = Hijri
			e.Year = y.Year
		case y.RelYear:
			e.RelYear, e.OffsetYears = true, y.OffsetYears
		default:
			e.Year = y.Year
			if e.Kind == Partial {
				e.Kind = Absolute
			}
		}
	} else if hijri && amb {
		return Expr{}, 0, false // "3 صفر" may be a score; "5 رمضان" a name
	} else if e.Kind != Hijri {
		switch p.cls(j) {
		case lxPast:
			e.Past = true
			j++
		case lxNext:
			e.Kind = Future
			j++
		case lxCurrent: // "15 تشرين الثاني الجاري": the anchor's year
			e.RelYear = true
			j++
		}
	}
	// "ساحة 7 نيسان", "شارع 29 أيار", "قوى 14 آذار": names, unless a year
	// makes them dates.
	if e.Year == 0 && e.Kind != Hijri {
		if c := p.cls(i - 1); (c == lxNameHead || c == lxBlock) && p.toks[i].Kind == arabic.Numeral {
			return Expr{}, 0, false
		}
	}
	maxDay := daysIn(e.Year, m)
	if e.Kind == Hijri {
		maxDay = 30
	}
	if d > maxDay || (e.DayEnd > maxDay) {
		return Expr{}, 0, false
	}
	return e, j, true
}

// dayOfRelMonth: the month part of "25 من الشهر الجاري", "العاشر من الشهر
// الماضي", "الثامن من هذا الشهر".
func (p *parser) dayOfRelMonth(d, j int) (Expr, int, bool) {
	off := 0
	switch {
	case p.cls(j) == lxThis && p.cls(j+1) == lxMonthW:
		j += 2
	case p.cls(j) == lxMonthW:
		switch p.cls(j + 1) {
		case lxPast:
			off = -1
		case lxCurrent:
		case lxNext:
			off = 1
		default:
			return Expr{}, 0, false
		}
		j += 2
	default:
		return Expr{}, 0, false
	}
	e := Expr{Kind: Relative, Day: d, OffsetMonths: off, Deictic: true, Precision: Day}
	if off > 0 {
		e.Kind = Future
	}
	return e, j, true
}

func rangePrecision(d1, d2 int) Precision {
	switch {
	case d2-d1 <= 1:
		return Day
	case d2-d1 <= 6:
		return Week
	}
	return Month
}

// monthFirst: "تشرين الأول 2017", "في أيلول", "شهر آب الماضي", "مطلع
// أيلول", "يناير 21, 2018", "رمضان 1438".
func (p *parser) monthFirst(i int) (Expr, int, bool) {
	if v, nd := p.numAt(i - 1); nd > 0 && nd <= 2 && v >= 1 && v <= 31 {
		// the day before was refused ("شارع 29 أيار", "31 حزيران"): the
		// month is part of the same phrase
		return Expr{}, 0, false
	}
	j := i
	period := ""
	if p.cls(j) == lxPeriod {
		period = periods[p.norm(j)]
		j++
	}
	shahr := false
	if p.cls(j) == lxShahr {
		shahr = true
		j++
	}
	m, hijri, amb, j, ok := p.monthPhrase(j)
	if !ok {
		return Expr{}, 0, false
	}
	e := Expr{Kind: Partial, Month: m, Precision: Month, Period: period}
	if hijri {
		e.Kind = Hijri
	}
	// "يناير 21 , 2018"
	if d, nd := p.numAt(j); !hijri && nd > 0 && nd <= 2 && d >= 1 && d <= 31 {
		k := j + 1
		if p.punct(k, ",،") {
			k++
		}
		if y, ndy := p.numAt(k); ndy == 4 && validGregYear(y) && d <= daysIn(y, m) {
			e.Kind, e.Year, e.Day, e.Precision, e.Period = Absolute, y, d, Day, ""
			k++
			if p.cls(k) == lxGreg {
				k++
			}
			return e, k, true
		}
	}
	if y, end, ok := p.yearAfter(j, hijri); ok {
		switch {
		case y.Kind == Hijri:
			e.Kind = Hijri
			e.Year = y.Year
		case y.RelYear:
			e.RelYear, e.OffsetYears = true, y.OffsetYears
		default:
			e.Year = y.Year
		}
		return e, end, true
	}
	if hijri {
		return Expr{}, 0, false
	}
	switch p.cls(j) {
	case lxPast:
		e.Past = true
		return e, j + 1, true
	case lxNext:
		e.Kind = Future
		return e, j + 1, true
	case lxCurrent:
		e.RelYear = true
		return e, j + 1, true
	}
	if amb && !shahr && period == "" {
		return Expr{}, 0, false
	}
	return e, j, true
}

// yearOnly: "عام 2016", "سنة 2016", "في 2016", "منذ 2011", "2016 م".
func (p *parser) yearOnly(i int) (Expr, int, bool) {
	j := i
	intro := false
	switch p.cls(j) {
	case lxYearIntro, lxYearW:
		intro = true
		j++
	case lxUnit:
		if p.val(j) == uYear && p.info[j].n == 1 {
			intro = true
			j++
		}
	}
	y, nd := p.numAt(j)
	if nd != 4 {
		return Expr{}, 0, false
	}
	if !intro {
		switch p.cls(i - 1) {
		case lxFi, lxSince, lxMin, lxIla, lxBayn:
		default:
			if c := p.cls(j + 1); c != lxGreg && c != lxHijriMk {
				return Expr{}, 0, false
			}
		}
	}
	j++
	e := Expr{Kind: YearOnly, Year: y}
	switch {
	case p.cls(j) == lxHijriMk:
		if !validHijriYear(y) {
			return Expr{}, 0, false
		}
		e.Kind = Hijri
		j++
	case validGregYear(y):
		if p.cls(j) == lxGreg {
			j++
		}
	default:
		return Expr{}, 0, false
	}
	return e, j, true
}
