package eval

// This file mirrors score.py's days_apart: date.fromisoformat(s[:10]) of
// CPython 3.11+, whose C parser accepts YYYY-MM-DD, YYYYMMDD and the ISO
// week forms YYYY-Www[-D] / YYYYWww[D], looks only at the UTF-8 byte
// lengths 7, 8 and 10, and ignores what follows the parsed fields.

// isoOrdinal returns the proleptic Gregorian day number (0001-01-01 = 1) of
// the date score.py reads from s, and false when it reads none.
func isoOrdinal(s string) (int, bool) {
	// s[:10] counts code points; the parser then sees UTF-8 bytes.
	end, n := len(s), 0
	for i := range s {
		if n == 10 {
			end = i
			break
		}
		n++
	}
	b := s[:end]
	if l := len(b); l != 7 && l != 8 && l != 10 {
		return 0, false
	}
	at := func(i int) byte {
		if i < len(b) {
			return b[i]
		}
		return 0
	}
	digits := func(i, n int) (int, bool) {
		v := 0
		for k := i; k < i+n; k++ {
			c := at(k)
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	year, ok := digits(0, 4)
	if !ok {
		return 0, false
	}
	p := 4
	sep := at(p) == '-'
	if sep {
		p++
	}
	if at(p) == 'W' {
		p++
		week, ok := digits(p, 2)
		if !ok {
			return 0, false
		}
		p += 2
		day := 1
		if p < len(b) {
			if sep {
				if at(p) != '-' {
					return 0, false
				}
				p++
			}
			if day, ok = digits(p, 1); !ok {
				return 0, false
			}
		}
		return isoWeekOrdinal(year, week, day)
	}
	month, ok := digits(p, 2)
	if !ok {
		return 0, false
	}
	p += 2
	if sep {
		if at(p) != '-' {
			return 0, false
		}
		p++
	}
	day, ok := digits(p, 2)
	if !ok || year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return 0, false
	}
	return ordinal(year, month, day), true
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func daysIn(y, m int) int {
	if m == 2 && leap(y) {
		return 29
	}
	return monthDays[m]
}

// ordinal is the day number of a valid date, 0001-01-01 being 1.
func ordinal(y, m, d int) int {
	py := y - 1
	n := py*365 + py/4 - py/100 + py/400
	for k := 1; k < m; k++ {
		n += daysIn(y, k)
	}
	return n + d
}

// isoWeekOrdinal converts an ISO year, week and weekday (1 = Monday) with
// CPython's checks: week 53 only in years that have it, the result within
// years 1..9999.
func isoWeekOrdinal(year, week, day int) (int, bool) {
	if year < 1 {
		return 0, false
	}
	jan1 := ordinal(year, 1, 1)
	wd := (jan1 + 6) % 7 // 0 = Monday
	if week < 1 || week > 53 || (week == 53 && !(wd == 3 || (wd == 2 && leap(year)))) {
		return 0, false
	}
	if day < 1 || day > 7 {
		return 0, false
	}
	monday := jan1 - wd
	if wd > 3 {
		monday += 7
	}
	o := monday + (week-1)*7 + day - 1
	if o < 1 || o > ordinal(9999, 12, 31) {
		return 0, false
	}
	return o, true
}

// daysApart is score.py's days_apart: the distance in days between the
// dates a and b carry, or false when either carries none.
func daysApart(a, b string) (int, bool) {
	x, ok := isoOrdinal(a)
	if !ok {
		return 0, false
	}
	y, ok := isoOrdinal(b)
	if !ok {
		return 0, false
	}
	if x > y {
		return x - y, true
	}
	return y - x, true
}
