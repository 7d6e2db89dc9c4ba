package dates

import (
	"strings"
	"time"
)

// maxPublishedLen bounds the input ParsePublished looks at: a publication
// date field is short; anything longer is cut (at a rune boundary).
const maxPublishedLen = 512

var publishedLayouts = [...]string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	time.RFC822,
	time.RFC822Z,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
}

// ParsePublished parses a publication date as inputs give it: ISO 8601 date
// or date-time ("2017-11-15", "2017-11-15T21:24:00+03:00"), RFC 1123/3339/
// 822, Unix seconds or milliseconds, "2017/11/15", "15/11/2017",
// "15-11-2017", "15.11.2017", English month names ("15 November 2017",
// "Nov 15, 2017"), Arabic ones ("15 تشرين الثاني 2017", "الأربعاء 15 نوفمبر
// 2017"), Eastern digits, and with a time or a place/zone suffix ("الساعة
// 21:24 (مكة المكرمة)"). The date is the one written (a date-time keeps its
// own calendar day, it is not moved to UTC); the result is at UTC midnight.
// Hijri-only dates, dates without a year and years outside 1800-2200 give
// ok=false. When s holds several dates the first full Gregorian one wins.
func ParsePublished(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) > maxPublishedLen {
		n := maxPublishedLen
		for n > 0 && s[n]&0xC0 == 0x80 {
			n--
		}
		s = s[:n]
	}
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := unixDate(s); ok {
		return t, true
	}
	if s[0] < 0x80 {
		for _, l := range publishedLayouts {
			if t, err := time.Parse(l, s); err == nil {
				y, m, d := t.Date()
				if validGregYear(y) {
					return civil(y, int(m), d), true
				}
				return time.Time{}, false
			}
		}
	}
	for _, e := range Find(s) {
		if e.Kind == Absolute && !e.Since {
			if t, _, ok := Resolve(e, time.Time{}); ok {
				return t, true
			}
		}
	}
	return latinDate(s)
}

// unixDate reads Unix seconds (9-10 digits) or milliseconds (12-13 digits)
// between 1990 and 2100.
func unixDate(s string) (time.Time, bool) {
	n := len(s)
	if n != 9 && n != 10 && n != 12 && n != 13 {
		return time.Time{}, false
	}
	var v int64
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, false
		}
		v = v*10 + int64(s[i]-'0')
	}
	if n >= 12 {
		v /= 1000
	}
	t := time.Unix(v, 0).UTC()
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	y, m, d := t.Date()
	return civil(y, int(m), d), true
}

var latinMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	// French (Maghrebi outlets)
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
	"juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}

// latinDate reads "15 November 2017", "November 15, 2017", "Wed, 15 Nov
// 2017 ...", "15 nov. 2017".
func latinDate(s string) (time.Time, bool) {
	type tok struct {
		word string
		num  int
		nd   int
	}
	var toks []tok
	for i := 0; i < len(s) && len(toks) < 64; {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 6 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, tok{num: v, nd: j - i})
			i = j
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xC0:
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80) {
				j++
			}
			toks = append(toks, tok{word: strings.ToLower(s[i:j]), num: -1})
			i = j
		default:
			i++
		}
	}
	for k, t := range toks {
		m, ok := latinMonths[t.word]
		if !ok {
			continue
		}
		day := 0
		isDay := func(j int) bool {
			return j >= 0 && j < len(toks) && toks[j].nd > 0 && toks[j].nd <= 2 && toks[j].num >= 1 && toks[j].num <= 31
		}
		isYear := func(j int) bool {
			return j >= 0 && j < len(toks) && toks[j].nd == 4 && validGregYear(toks[j].num)
		}
		year := 0
		switch {
		case isDay(k-1) && isYear(k+1): // 15 November 2017
			day, year = toks[k-1].num, toks[k+1].num
		case isDay(k+1) && isYear(k+2): // November 15, 2017
			day, year = toks[k+1].num, toks[k+2].num
		case isYear(k-2) && isDay(k-1): // 2017 15 Nov (rare)
			day, year = toks[k-1].num, toks[k-2].num
		default:
			continue
		}
		if day > daysIn(year, m) {
			continue
		}
		return civil(year, m, day), true
	}
	return time.Time{}, false
}

// datelineMin and datelineMax bound the head of a text Dateline searches:
// the first line, but at least datelineMin bytes (a short title line is
// often followed by the date line) and at most datelineMax.
const (
	datelineMin = 300
	datelineMax = 600
)

// Dateline finds the report's own date in its head: the first full
// Gregorian date (Kind Absolute, including one merged with a weekday or
// اليوم: "الأربعاء 15 تشرين الثاني 2017 الساعة 21:24", "2017 / 11 / 15",
// "15.11.2017") that starts within the first line of text, searching at
// least the first 300 bytes and at most the first 600. Not counted: Hijri
// dates, dates without a year, dates introduced by منذ (Since) or marked
// الماضي, years alone. Use it when the input declared no publication date;
// it cannot tell a page's own date from a date-of-crawl banner printed
// above the article.
func Dateline(text string) (time.Time, bool) {
	limit := len(text)
	if nl := strings.IndexByte(text, '\n'); nl >= 0 {
		limit = nl
	}
	limit = max(min(limit, datelineMax), datelineMin)
	if limit > len(text) {
		limit = len(text)
	}
	// look a little past the limit so that a date starting before it is
	// read whole
	end := min(len(text), limit+120)
	for end < len(text) && text[end]&0xC0 == 0x80 {
		end++
	}
	for _, e := range Find(text[:end]) {
		if e.Start >= limit {
			break
		}
		if e.Kind != Absolute || e.Since || e.Past {
			continue
		}
		if t, _, ok := Resolve(e, time.Time{}); ok {
			return t, true
		}
	}
	return time.Time{}, false
}
