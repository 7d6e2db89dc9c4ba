package dates

import (
	"time"
)

// Resolve gives the calendar date an expression denotes, at UTC midnight,
// with its precision. anchor is the report's own date, or a date stated
// earlier in the same passage; only its calendar date (in its own location)
// is used; the zero time means unknown. ok=false when the expression cannot
// be resolved: a deictic or weekday expression without an anchor, a year
// alone (YearOnly, OffsetYears: the spec has no year precision), a Hijri
// date without a year, or invalid fields.
//
// Rules:
//   - Absolute: the date itself (day precision).
//   - Partial without a year takes the anchor's year, or the year before
//     when that would put it more than 31 days after the anchor ("في 10
//     أيلول" in a report of 2018-01-21 is 2017-09-10; in one of 2017-08-25
//     it is 2017-09-10). With Past ("10 أيلول الماضي", "تموز الماضي") it is
//     strictly before the anchor (a month: before the anchor's month). With
//     a weekday ("الاثنين 9 تشرين الأول") the year among the anchor's year
//     and its neighbours whose calendar has that weekday, nearest the
//     anchor, wins. RelYear dates take the anchor's year plus OffsetYears.
//     A month without a day resolves to its 1st (15th for منتصف, 25th for
//     أواخر) with month precision.
//   - Range: its first day, with week precision up to 7 days, else month.
//   - Hijri: converted with the arithmetic (tabular) Islamic calendar, which
//     can differ by a day from the calendar the outlet used.
//   - Relative: the anchor plus OffsetDays/OffsetMonths (month precision
//     gives the 1st of the month, or the Period's day). With a weekday
//     ("اليوم الأحد", "أمس الخميس") the weekday the writer gave is trusted:
//     the date with that weekday which is that day, the day after it (a
//     report dated in UTC), or else the most recent one before it (a report
//     dated by a later crawl).
//   - Weekday: the most recent such weekday on or before the anchor (the
//     anchor's own day counts); with Past strictly before it.
//   - Future: the anchor plus the offset; a weekday or month: the next one
//     strictly after the anchor.
func Resolve(e Expr, anchor time.Time) (date time.Time, p Precision, ok bool) {
	var a time.Time
	has := !anchor.IsZero()
	if has {
		y, m, d := anchor.Date()
		a = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if e.Month < 0 || e.Month > 12 || e.Day < 0 || e.Day > 31 || e.DayEnd < 0 || e.DayEnd > 31 {
		return time.Time{}, Unknown, false
	}
	switch e.Kind {
	case Absolute:
		if e.Month == 0 || e.Day == 0 || !validGregYear(e.Year) || e.Day > daysIn(e.Year, e.Month) {
			return time.Time{}, Unknown, false
		}
		return civil(e.Year, e.Month, e.Day), Day, true

	case Partial, Range:
		if e.Month == 0 {
			return time.Time{}, Unknown, false
		}
		y := e.Year
		if y == 0 {
			if !has {
				return time.Time{}, Unknown, false
			}
			if e.RelYear {
				y = a.Year() + e.OffsetYears
			} else {
				y = inferYear(e, a)
			}
		}
		if !validGregYear(y) {
			return time.Time{}, Unknown, false
		}
		if e.Day == 0 {
			return civil(y, e.Month, periodDay(e.Period)), Month, true
		}
		if e.Day > daysIn(y, e.Month) {
			return time.Time{}, Unknown, false
		}
		p := Day
		if e.Kind == Range && e.DayEnd > e.Day {
			p = rangePrecision(e.Day, e.DayEnd)
		}
		return civil(y, e.Month, e.Day), p, true

	case Hijri:
		if !validHijriYear(e.Year) || e.Month == 0 || e.Day > 30 {
			return time.Time{}, Unknown, false
		}
		if e.Day == 0 {
			return hijriToGregorian(e.Year, e.Month, 1), Month, true
		}
		return hijriToGregorian(e.Year, e.Month, e.Day), Day, true

	case Relative:
		if !has || e.OffsetYears != 0 || e.Precision == Unknown {
			return time.Time{}, Unknown, false
		}
		if e.Day > 0 { // "25 من الشهر الجاري"
			m := civil(a.Year(), int(a.Month()), 1).AddDate(0, e.OffsetMonths, 0)
			if e.Day > daysIn(m.Year(), int(m.Month())) {
				return time.Time{}, Unknown, false
			}
			return civil(m.Year(), int(m.Month()), e.Day), Day, true
		}
		d := addDaysMonths(a, e.OffsetDays, e.OffsetMonths)
		p := e.Precision
		if p == Month {
			d = civil(d.Year(), int(d.Month()), periodDay(e.Period))
		} else if e.HasWeekday {
			d = nearestWeekday(d, e.Weekday)
		}
		return d, p, true

	case Weekday:
		if !has || !e.HasWeekday || e.Weekday < time.Sunday || e.Weekday > time.Saturday {
			return time.Time{}, Unknown, false
		}
		delta := (int(a.Weekday()) - int(e.Weekday) + 7) % 7
		if e.Past && delta == 0 {
			delta = 7
		}
		return a.AddDate(0, 0, -delta), Day, true

	case Future:
		if !has {
			return time.Time{}, Unknown, false
		}
		switch {
		case e.Month > 0:
			y := a.Year()
			day := e.Day
			p := Day
			if day == 0 {
				day, p = periodDay(e.Period), Month
				if e.Month <= int(a.Month()) {
					y++
				}
			} else if !civil(y, e.Month, min(day, daysIn(y, e.Month))).After(a) {
				y++
			}
			if day > daysIn(y, e.Month) {
				return time.Time{}, Unknown, false
			}
			return civil(y, e.Month, day), p, true
		case e.HasWeekday && e.OffsetDays == 0:
			delta := (int(e.Weekday) - int(a.Weekday()) + 7) % 7
			if delta == 0 {
				delta = 7
			}
			return a.AddDate(0, 0, delta), Day, true
		case e.OffsetYears != 0:
			return time.Time{}, Unknown, false
		}
		if e.Day > 0 {
			m := civil(a.Year(), int(a.Month()), 1).AddDate(0, e.OffsetMonths, 0)
			if e.Day > daysIn(m.Year(), int(m.Month())) {
				return time.Time{}, Unknown, false
			}
			return civil(m.Year(), int(m.Month()), e.Day), Day, true
		}
		d := addDaysMonths(a, e.OffsetDays, e.OffsetMonths)
		p := e.Precision
		if p == Unknown {
			p = Day
		}
		if p == Month {
			d = civil(d.Year(), int(d.Month()), periodDay(e.Period))
		}
		return d, p, true
	}
	return time.Time{}, Unknown, false
}

// addDaysMonths moves a by days, then by months without overflowing into
// the next month (31 March minus one month is 28/29 February).
func addDaysMonths(a time.Time, days, months int) time.Time {
	a = a.AddDate(0, 0, days)
	if months == 0 {
		return a
	}
	m := civil(a.Year(), int(a.Month()), 1).AddDate(0, months, 0)
	return civil(m.Year(), int(m.Month()), min(a.Day(), daysIn(m.Year(), int(m.Month()))))
}

func civil(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func periodDay(period string) int {
	switch period {
	case periodMiddle:
		return 15
	case periodEnd:
		return 25
	}
	return 1
}

// inferYear picks the year of a Partial/Range date without one (see Resolve).
func inferYear(e Expr, a time.Time) int {
	y := a.Year()
	day := e.Day
	if day == 0 {
		day = periodDay(e.Period)
	}
	at := func(y int) time.Time { return civil(y, e.Month, min(day, daysIn(y, e.Month))) }
	if e.Past {
		if e.Day == 0 {
			if e.Month >= int(a.Month()) {
				y--
			}
		} else if !at(y).Before(a) {
			y--
		}
		return y
	}
	if e.HasWeekday && e.Day > 0 {
		best, bestDist := 0, time.Duration(1<<62)
		for c := y - 1; c <= y+1; c++ {
			if e.Day > daysIn(c, e.Month) {
				continue
			}
			t := civil(c, e.Month, e.Day)
			if t.Weekday() != e.Weekday {
				continue
			}
			dist := t.Sub(a)
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = c, dist
			}
		}
		if best != 0 {
			return best
		}
	}
	if at(y).After(a.AddDate(0, 0, 31)) {
		y--
	}
	return y
}

// nearestWeekday returns the date with weekday wd that is d itself, the
// day after d, or else the most recent one before d (up to 6 days back). A
// report's date may be a day early (UTC against local time) but when it is
// later than the writing (a crawl date) it can be off by several days.
func nearestWeekday(d time.Time, wd time.Weekday) time.Time {
	fwd := (int(wd) - int(d.Weekday()) + 7) % 7
	if fwd <= 1 {
		return d.AddDate(0, 0, fwd)
	}
	return d.AddDate(0, 0, fwd-7)
}

// hijriToGregorian converts a date of the arithmetic Islamic calendar
// (30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29;
// astronomical epoch 15 July 622 Julian, which agrees with the Umm al-Qura
// dates outlets print for recent years to within a day) to the Gregorian
// calendar.
func hijriToGregorian(y, m, d int) time.Time {
	jdn := d + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + 1948438
	const unixEpochJDN = 2440588 // 1970-01-01
	return time.Unix(int64(jdn-unixEpochJDN)*86400, 0).UTC()
}

// WritingDate returns the day of writing that an expression states, when
// it names a day both deictically and by date or weekday: "اليوم، الاثنين 9
// تشرين الأول" was written on 9 October, "أمس الأحد 8 تشرين الأول" on 9
// October, "أمس الخميس" on the Friday after (found near anchor, see
// Resolve). Callers can use it to correct an anchor taken from a crawl or
// page date. ok=false for any other expression (Since, Future, weekday
// alone, a plain أمس, ...).
func WritingDate(e Expr, anchor time.Time) (time.Time, bool) {
	if !e.Deictic || e.Since || e.OffsetMonths != 0 || e.OffsetYears != 0 || e.RelYear {
		return time.Time{}, false
	}
	switch e.Kind {
	case Absolute, Partial:
		if e.Day == 0 {
			return time.Time{}, false
		}
	case Relative:
		if !e.HasWeekday || e.Day != 0 {
			return time.Time{}, false
		}
	default:
		return time.Time{}, false
	}
	d, p, ok := Resolve(e, anchor)
	if !ok || p != Day {
		return time.Time{}, false
	}
	return d.AddDate(0, 0, -e.OffsetDays), true
}
