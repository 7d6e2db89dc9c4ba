package document

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateExpr is a date and/or time expression found in the token stream.
type dateExpr struct {
	t0, t1  int // token span [t0,t1)
	y, m, d int // 0 when unknown; m > 100 for Hijri months
	hijri   bool
	hasTime bool
	labeled bool // introduced by a publication label (تاريخ النشر، نشر في ...)
}

func (x dateExpr) gregorian() bool {
	return !x.hijri && x.y >= 1900 && x.y <= 2100 && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= 31
}

func (x dateExpr) iso() string {
	if !x.gregorian() {
		return ""
	}
	t := time.Date(x.y, time.Month(x.m), x.d, 0, 0, 0, 0, time.UTC)
	if t.Day() != x.d { // 31 February and the like
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", x.y, x.m, x.d)
}

var (
	monthFirst  = keySet("كانون تشرين ربيع جمادى ذو")
	weekdayKeys = keySet("السبت الأحد الاحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة saturday sunday monday tuesday wednesday thursday friday")
	timeUnits   = keySet("دقيقة دقائق دقيقتين ساعة ساعات ساعتين يوم أيام ايام يومين أسبوع أسابيع اسبوع اسابيع أسبوعين شهر أشهر شهور شهرين سنة سنوات ثانية ثوان ثواني minute minutes hour hours day days week weeks month months")
	ampmKeys    = keySet("ص م مساء مساءا صباحا صباح ظهرا عصرا فجرا am pm a.m p.m")
	eraKeys     = keySet("ه هـ م ميلادي ميلادية هجري هجرية الموافق موافق")
	tzKeys      = keySet("gmt utc غرينتش جرينتش")
	pubLabels   = phraseSet("تاريخ النشر|نشر في|نشر بتاريخ|نشر يوم|تم النشر|آخر تحديث|اخر تحديث|تاريخ التحديث|تم التحديث|محدثة|محدث|بتاريخ|published|updated|posted on|published on")
)

func keySet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[normKey(w)] = true
	}
	return m
}

// phraseSet holds "|"-separated phrases as space-joined keys.
func phraseSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(s, "|") {
		var ks []string
		for _, w := range strings.Fields(p) {
			ks = append(ks, normKey(w))
		}
		m[strings.Join(ks, " ")] = true
	}
	return m
}

// numVal returns the value of a token whose key is 1–4 ASCII digits.
func (c *cleaner) numVal(i int) (int, int, bool) {
	if i < 0 || i >= len(c.toks) || c.toks[i].flags&fNum == 0 {
		return 0, 0, false
	}
	k := c.key(i)
	if len(k) == 0 || len(k) > 4 {
		return 0, 0, false
	}
	v := 0
	for j := 0; j < len(k); j++ {
		if k[j] < '0' || k[j] > '9' {
			return 0, 0, false
		}
		v = v*10 + int(k[j]-'0')
	}
	return v, len(k), true
}

// sepTok reports whether token i is a lone separator from seps (as raw
// text, e.g. "/", "-", ".", ":").
func (c *cleaner) sepTok(i int, seps string) bool {
	if i < 0 || i >= len(c.toks) || c.toks[i].kind != kFiller {
		return false
	}
	r := c.rawTok(i)
	return len(r) == 1 && strings.IndexByte(seps, r[0]) >= 0 ||
		(seps == "-" || strings.Contains(seps, "-")) && (r == "–" || r == "—" || r == "ـ")
}

// monthAt matches a month name (one or two words) at token i; it returns
// the month and the number of tokens used.
func (c *cleaner) monthAt(i int) (int, int) {
	if i < 0 || i >= len(c.toks) || c.toks[i].flags&fWord == 0 {
		return 0, 0
	}
	if i+1 < len(c.toks) && c.toks[i+1].line == c.toks[i].line && monthFirst[c.key(i)] {
		if m, ok := monthNames[c.key(i)+" "+c.key(i+1)]; ok {
			return m, 2
		}
	}
	if m, ok := monthNames[c.key(i)]; ok {
		return m, 1
	}
	return 0, 0
}

// markDates finds date and time expressions, marks their tokens as weak
// timestamp clutter with fDate, and records them in c.dates.
func (c *cleaner) markDates() {
	n := len(c.toks)
	for i := 0; i < n; {
		if t := &c.toks[i]; t.flags&fNum == 0 && t.lex&lDate == 0 {
			i++ // cannot start a date
			continue
		}
		x, ok := c.dateAt(i)
		if !ok {
			i++
			continue
		}
		c.extendDate(&x)
		for k := x.t0; k < x.t1; k++ {
			t := &c.toks[k]
			if t.kind != kStrong {
				t.kind = kWeak
				t.reason = rTimestamp
			}
			t.flags |= fDate
		}
		c.dates = append(c.dates, x)
		i = x.t1
	}
}

// dateAt recognizes the core of a date or time expression starting at i.
func (c *cleaner) dateAt(i int) (dateExpr, bool) {
	t := &c.toks[i]
	ln := t.line
	same := func(k int) bool { return k < len(c.toks) && c.toks[k].line == ln }
	// glued numeric token: 2017/11/15, 15.04.2017, 21:24
	if t.flags&fNum != 0 {
		k := c.key(i)
		if strings.ContainsAny(k, "/-.:") {
			if x, ok := parseGlued(k); ok {
				x.t0, x.t1 = i, i+1
				return x, true
			}
		}
	}
	a, la, ok := c.numVal(i)
	if !ok && t.lex&lDate == 0 {
		return dateExpr{}, false
	}
	if !ok {
		// month-first: يناير 21 , 2018 / شباط 2017
		if m, mn := c.monthAt(i); mn > 0 {
			j := i + mn
			if d, ld, ok := c.numVal(j); ok && same(j) && ld <= 2 && d >= 1 && d <= 31 {
				k := j + 1
				if c.sepTok(k, ",") {
					k++
				}
				if y, ly, ok := c.numVal(k); ok && same(k) && ly == 4 {
					return dateExpr{t0: i, t1: k + 1, y: y, m: m, d: d, hijri: m > 100}, true
				}
			}
			if y, ly, ok := c.numVal(j); ok && same(j) && ly == 4 {
				return dateExpr{t0: i, t1: j + 1, y: y, m: m, hijri: m > 100}, true
			}
		}
		// relative time: قبل 50 دقيقة، منذ ساعتين
		k := c.key(i)
		if k == "قبل" || k == "منذ" || k == "ago" {
			j := i + 1
			if _, _, ok := c.numVal(j); ok && same(j) {
				j++
			}
			if same(j) && timeUnits[c.key(j)] {
				return dateExpr{t0: i, t1: j + 1}, true
			}
		}
		return dateExpr{}, false
	}
	// time: 21 : 24 [: 05]
	if la <= 2 && a <= 24 && c.sepTok(i+1, ":") && same(i+2) {
		if mm, lm, ok := c.numVal(i + 2); ok && lm == 2 && mm < 60 {
			e := i + 3
			if c.sepTok(e, ":") {
				if _, ls, ok := c.numVal(e + 1); ok && ls == 2 {
					e += 2
				}
			}
			return dateExpr{t0: i, t1: e, hasTime: true}, true
		}
	}
	// numeric date: a sep b sep c
	for _, sep := range []string{"/", "-", "."} {
		if c.sepTok(i+1, sep) && same(i+2) && c.sepTok(i+3, sep) && same(i+4) {
			b, _, ok1 := c.numVal(i + 2)
			cc, lc, ok2 := c.numVal(i + 4)
			if !ok1 || !ok2 {
				continue
			}
			var x dateExpr
			switch {
			case la == 4:
				x = dateExpr{y: a, m: b, d: cc}
			case lc == 4:
				x = dateExpr{y: cc, m: b, d: a}
			default:
				continue
			}
			if x.m < 1 || x.m > 12 || x.d < 1 || x.d > 31 {
				continue
			}
			x.hijri = x.y >= 1300 && x.y < 1600
			x.t0, x.t1 = i, i+5
			return x, true
		}
	}
	// day month [/ month] [,] year
	if la <= 2 && a >= 1 && a <= 31 {
		if m, mn := c.monthAt(i + 1); mn > 0 && same(i+1) {
			j := i + 1 + mn
			if c.sepTok(j, "/-") {
				if _, mn2 := c.monthAt(j + 1); mn2 > 0 {
					j += 1 + mn2
				}
			} else if _, mn2 := c.monthAt(j); mn2 > 0 {
				j += mn2
			}
			k := j
			if c.sepTok(k, ",") {
				k++
			}
			if y, ly, ok := c.numVal(k); ok && ly == 4 && same(k) {
				return dateExpr{t0: i, t1: k + 1, y: y, m: m, d: a, hijri: m > 100}, true
			}
			return dateExpr{t0: i, t1: j, m: m, d: a, hijri: m > 100}, true
		}
	}
	return dateExpr{}, false
}

// parseGlued parses a date or time written without spaces.
func parseGlued(k string) (dateExpr, bool) {
	if strings.Count(k, ":") >= 1 && !strings.ContainsAny(k, "/-.") {
		p := strings.Split(k, ":")
		if len(p) >= 2 && len(p) <= 3 && len(p[0]) >= 1 && len(p[0]) <= 2 && len(p[1]) == 2 {
			h, e1 := strconv.Atoi(p[0])
			m, e2 := strconv.Atoi(p[1])
			if e1 == nil && e2 == nil && h <= 24 && m < 60 {
				return dateExpr{hasTime: true}, true
			}
		}
		return dateExpr{}, false
	}
	// date part, optionally followed by T or space-less time (ignored)
	d := k
	if i := strings.IndexAny(d, "t"); i > 0 {
		d = d[:i]
	}
	var sep byte
	for _, s := range []byte{'/', '-', '.'} {
		if strings.Count(d, string(s)) == 2 {
			sep = s
			break
		}
	}
	if sep == 0 {
		return dateExpr{}, false
	}
	p := strings.Split(d, string(sep))
	if len(p) != 3 {
		return dateExpr{}, false
	}
	v := make([]int, 3)
	for j, s := range p {
		if s == "" || len(s) > 4 {
			return dateExpr{}, false
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return dateExpr{}, false
		}
		v[j] = n
	}
	var x dateExpr
	switch {
	case len(p[0]) == 4:
		x = dateExpr{y: v[0], m: v[1], d: v[2]}
	case len(p[2]) == 4:
		x = dateExpr{y: v[2], m: v[1], d: v[0]}
	default:
		return dateExpr{}, false
	}
	if x.m < 1 || x.m > 12 || x.d < 1 || x.d > 31 {
		return dateExpr{}, false
	}
	x.hijri = x.y >= 1300 && x.y < 1600
	x.hasTime = strings.Contains(k, "t") && strings.Contains(k, ":")
	return x, true
}

// extendDate grows a date expression over its labels: a weekday (with
// "يوم" and a comma) before it, "الساعة" before a time, a time, AM/PM,
// time zone, era markers and "الموافق" after it, and a second date or time
// that directly follows.
func (c *cleaner) extendDate(x *dateExpr) {
	ln := c.toks[x.t0].line
	same := func(k int) bool { return k >= 0 && k < len(c.toks) && c.toks[k].line == ln }
	// backwards
	for {
		k := x.t0 - 1
		if !same(k) {
			break
		}
		key := c.key(k)
		switch {
		case c.sepTok(k, ",-|"):
			if same(k-1) && weekdayKeys[c.key(k-1)] {
				x.t0 = k - 1
				continue
			}
		case weekdayKeys[key] || key == "الساعة" || key == "الساعه" || key == "يوم" && x.t0 < x.t1 && weekdayKeys[c.key(x.t0)]:
			x.t0 = k
			continue
		case pubLabels[key]:
			x.labeled = true
			x.t0 = k
			continue
		case k-1 >= 0 && same(k-1) && pubLabels[c.key(k-1)+" "+key]:
			x.labeled = true
			x.t0 = k - 1
			continue
		}
		break
	}
	// forwards
	for {
		k := x.t1
		if !same(k) {
			break
		}
		key := c.key(k)
		switch {
		case eraKeys[key] || ampmKeys[key] && (x.hasTime || x.y > 0) || tzKeys[key]:
			x.t1 = k + 1
			if tzKeys[key] && (c.sepTok(k+1, "+-")) {
				if _, _, ok := c.numVal(k + 2); ok {
					x.t1 = k + 3
				}
			}
			continue
		case key == "بتوقيت" && same(k+1):
			x.t1 = k + 2
			if same(k+2) && (c.key(k+1) == "مكه" && c.key(k+2) == "المكرمه") {
				x.t1 = k + 3
			}
			continue
		case c.toks[k].flags&fOpenBr != 0 && key == "مكه" && same(k+1) && c.key(k+1) == "المكرمه":
			x.t1 = k + 2
			if c.sepTok(x.t1, ")") {
				x.t1++
			}
			continue
		case c.sepTok(k, "(") && same(k+1) && (c.key(k+1) == "مكه" || tzKeys[c.key(k+1)] || c.key(k+1) == "محدثه" || c.key(k+1) == "محدث"):
			// ( مكة المكرمة ) / ( GMT + 0400 ) / ( محدثة 22 : 38 ... )
			end := k + 1
			for end < len(c.toks) && same(end) && end-k < 14 && !c.sepTok(end, ")") {
				end++
			}
			if c.sepTok(end, ")") {
				x.t1 = end + 1
				continue
			}
		case c.sepTok(k, ",;|-/") || key == "الساعة" || key == "الساعه" || key == "في":
			// a second date/time right after: "2017 | 4 : 49", "2015 ; 09 : 37"
			j := k + 1
			if key == "في" {
				// "في" only joins a following time ("في 10:30"), not a place
			}
			if same(j) {
				if y, ok := c.dateAt(j); ok && (y.hasTime || y.y > 0) {
					if y.hasTime {
						x.hasTime = true
					}
					if x.y == 0 && y.y > 0 {
						x.y, x.m, x.d, x.hijri = y.y, y.m, y.d, y.hijri
					}
					x.t1 = y.t1
					continue
				}
			}
		default:
			if y, ok := c.dateAt(k); ok && (y.hasTime || y.y > 0) {
				if y.hasTime {
					x.hasTime = true
				}
				if (x.y == 0 || x.hijri) && y.y > 0 && !y.hijri {
					x.y, x.m, x.d, x.hijri = y.y, y.m, y.d, false
				}
				x.t1 = y.t1
				continue
			}
		}
		break
	}
}

// normalizeDate turns a declared publication date into ISO 8601: a date
// (YYYY-MM-DD) or, when the input has a time with a zone, RFC 3339. It
// returns "" when s is not a recognizable date.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, l := range []string{time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00",
		time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC, "Mon, 2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	for _, l := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04",
		"2006-01-02", "2006/01/02", "2006/1/2", "2006.01.02", "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006",
		"January 2, 2006", "2 January 2006", "Jan 2, 2006", "2 Jan 2006", "20060102"} {
		if t, err := time.Parse(l, s); err == nil && t.Year() >= 1900 && t.Year() <= 2100 {
			return t.Format("2006-01-02")
		}
	}
	// Arabic or spaced forms: run the token recognizer over it
	c := newCleaner(s)
	c.classify()
	c.markDates()
	for _, x := range c.dates {
		if iso := x.iso(); iso != "" {
			return iso
		}
	}
	return ""
}
