// Package dates finds Arabic date and time expressions in report text and
// resolves them to calendar dates (issue 4: event dates).
//
// Find reports every expression with its byte span and what it says:
// absolute dates ("15 تشرين الثاني 2017", "2017 / 11 / 15", "15.11.2017"),
// partial dates ("في 10 أيلول", "تشرين الأول / أكتوبر 2017", "تموز الماضي"),
// deictic days ("اليوم", "أمس", "فجر اليوم", "الليلة الماضية", "منذ يومين",
// "الأسبوع الماضي"), weekdays ("الأحد", "يوم الاثنين الماضي"), Hijri dates
// (recognized so they are never read as Gregorian), day ranges
// ("10-15 أيلول"), years alone ("عام 2016") and future days ("غدا").
// Resolve turns an expression into a date against an anchor (the report's
// own date, or a date stated earlier in the passage) with a precision on
// the spec's scale (1 day, 2 week, 3 month). ParsePublished reads
// publication dates as inputs declare them, Dateline finds a report's own
// date in its first lines, WritingDate the day of writing a passage states
// ("اليوم، الاثنين 9 تشرين الأول"). FindTokens is Find for callers that
// already tokenized the text.
//
// Event dating with this package: anchor = ParsePublished(record date),
// else Dateline(text); a WritingDate found in the text may correct an
// anchor that is a crawl date; then each event takes the nearest preceding
// expression of its passage that is not Future, YearOnly or Since, resolved
// against the anchor. Since expressions ("منذ 10 أيلول") resolve to the start
// of a continuing state and are usually not an event's day.
//
// Matching uses arabic.Tokenize, so diacritics, alef and hamza forms, ة/ه,
// ى/ي, tatweel and Eastern digits are handled by the project's fold; a
// leading conjunction (و ف) and a preposition fused with the article (لل،
// بال، كال) are stripped when looking words up ("وأمس", "بالأمس", "لليوم").
//
// Decisions (see also Resolve, Dateline):
//   - A number before a month name is a day only when it is 1–31 and valid
//     for the month; numeric dates need three parts and a four-digit year
//     ("15/11/2017" day-first, "2017/11/15" year-first; "11/25/2017" is read
//     month-first only because 25 cannot be a month). Two-digit years are
//     not read.
//   - Hijri: a date followed by ه/هـ/هجري, one whose year is 1300–1500, or
//     one with a Hijri month name (محرم، صفر، ربيع الأول ... ذو الحجة) is Kind
//     Hijri. Hijri month names that are also common words or names (صفر
//     "zero", رجب, رمضان, شعبان) need a day or a year beside them.
//   - Month names that are also common words (مارس "he practised", ماي,
//     آب "father", أوت, نيسان) need date context: a day before, a year or
//     الماضي/المقبل/الجاري after, "شهر" before, or the combined form
//     ("آب / أغسطس").
//   - Weekday names need the article ("أحد" is "one", "اثنين" "two") and are
//     not dates after سوق، شارع، جامع، مسجد، كل ("سوق الثلاثاء" is a place)
//     nor before عشر ("الأحد عشر" is "the eleven").
//   - "اليوم" is not today when an ordinal, a number or التالي/نفسه/ذاته/
//     العالمي... follows it ("لليوم الثاني على التوالي", "في اليوم التالي",
//     "اليوم ال 59") or ذلك/تلك precedes it.
//   - "منذ"/"قبل" with a duration ("منذ يومين", "قبل أسبوع", "منذ نحو شهر") is
//     a deictic offset; followed by من/على ("قبل يومين من الهجوم") it is
//     relative to another event and not reported. "منذ" with a point in
//     time ("منذ عام 2011", "منذ 10 أيلول", "منذ أمس") sets Since: the start
//     of a continuing state, not the day of an event.
//   - "الليلة الماضية/الفائتة", "ليلة أمس", "ليل أمس" are the day before
//     (-1) whatever the hour of writing; "الليلة" alone is 0. "ليلة السبت -
//     الأحد" is the first day named (the evening). Parts of day (فجر، صباح،
//     ظهر، عصر، مساء، ليل) are recorded in PartOfDay and do not change the day.
package dates

import (
	"time"
)

// Precision is the time_precision of the export: 1 day, 2 week, 3 month;
// 0 unknown (for example a year alone, which the spec cannot express).
type Precision int

const (
	Unknown Precision = 0
	Day     Precision = 1
	Week    Precision = 2
	Month   Precision = 3
)

// Kind says what an expression is.
type Kind int

const (
	// Absolute is a full Gregorian date: day, month and year.
	Absolute Kind = iota + 1
	// Partial is a day and month without a year ("في 10 أيلول"), or a month
	// with or without a year ("تشرين الأول 2017", "تموز الماضي").
	Partial
	// Relative is a day, week or month named from the time of writing:
	// اليوم، أمس، أول أمس، الليلة الماضية، منذ يومين، قبل أسبوع، الأسبوع
	// الماضي، الشهر الماضي، خلال الساعات الماضية.
	Relative
	// Weekday is a weekday name without a deictic word: "الأحد", "يوم
	// الاثنين الماضي", "مساء الخميس".
	Weekday
	// Hijri is a date in the Hijri calendar ("1439/2/26 هـ", "19 صفر 1439").
	Hijri
	// Range is a span of days in one month ("10-15 أيلول", "بين 3 و5 آذار
	// 2017"); Day is the first day and DayEnd the last.
	Range
	// YearOnly is a year alone ("عام 2016", "في 2016", "العام الماضي");
	// Resolve cannot give it a date (the spec has no year precision).
	YearOnly
	// Future is a day after the time of writing: غدا، بعد غد، الأحد المقبل،
	// الأسبوع المقبل. Event dating ignores it.
	Future
)

var kindNames = [...]string{"unknown", "absolute", "partial", "relative", "weekday", "hijri", "range", "year", "future"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Expr is one date or time expression found in a text.
type Expr struct {
	Start, End int    // byte span in the text
	Text       string // text[Start:End]
	Kind       Kind

	// The date as written (0 = absent). For a Hijri expression these are
	// Hijri year, month and day.
	Year, Month, Day int
	DayEnd           int // Range: the last day of the span

	// Offsets from the time of writing (Deictic): -1 for أمس, -2 for منذ
	// يومين / أول أمس, -7 for قبل أسبوع and الأسبوع الماضي, +1 for غدا.
	// OffsetMonths is used by الشهر الماضي / منذ شهرين, OffsetYears by
	// العام الماضي / منذ عامين and by RelYear dates.
	OffsetDays, OffsetMonths, OffsetYears int
	// Deictic is set when the offsets count from the time of writing. It
	// stays set when a deictic day is followed by an explicit date ("اليوم،
	// الاثنين 9 تشرين الأول": Kind Partial, OffsetDays 0, Deictic): the text
	// then tells which day it was written on.
	Deictic bool
	// RelYear: the year is the anchor's year plus OffsetYears ("10 أيلول
	// من العام الماضي", "العام الجاري").
	RelYear bool

	Weekday    time.Weekday
	HasWeekday bool

	PartOfDay string // فجر صباح ظهر عصر مساء ليل (informational)
	Period    string // مطلع منتصف أواخر: part of a month ("مطلع أيلول", "أواخر الشهر الماضي")

	Precision Precision // precision of this expression alone

	Past   bool // "الماضي/الفائت" after a weekday or month: strictly before the anchor
	Since  bool // introduced by منذ with a point in time: start of a continuing state
	Approx bool // approximate offset: "منذ نحو أسبوع", "منذ أكثر من شهر", "منذ أيام"
}
