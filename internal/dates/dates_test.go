package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"rasad/internal/arabic"
)

// All sentences below were written for these tests.

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// describe renders the fields of e that tests check as space-separated
// flags.
func describe(e Expr) string {
	var f []string
	f = append(f, "kind="+e.Kind.String())
	if e.Year != 0 || e.Month != 0 || e.Day != 0 {
		f = append(f, fmt.Sprintf("ymd=%d-%d-%d", e.Year, e.Month, e.Day))
	}
	if e.DayEnd != 0 {
		f = append(f, fmt.Sprintf("dayend=%d", e.DayEnd))
	}
	if e.OffsetDays != 0 {
		f = append(f, fmt.Sprintf("off=%d", e.OffsetDays))
	}
	if e.OffsetMonths != 0 {
		f = append(f, fmt.Sprintf("offm=%d", e.OffsetMonths))
	}
	if e.OffsetYears != 0 {
		f = append(f, fmt.Sprintf("offy=%d", e.OffsetYears))
	}
	if e.HasWeekday {
		f = append(f, "wd="+e.Weekday.String())
	}
	if e.PartOfDay != "" {
		f = append(f, "pod="+e.PartOfDay)
	}
	if e.Period != "" {
		f = append(f, "period="+e.Period)
	}
	for _, b := range []struct {
		on   bool
		name string
	}{{e.Deictic, "deictic"}, {e.RelYear, "relyear"}, {e.Past, "past"}, {e.Since, "since"}, {e.Approx, "approx"}} {
		if b.on {
			f = append(f, b.name)
		}
	}
	f = append(f, fmt.Sprintf("prec=%d", e.Precision))
	return strings.Join(f, " ")
}

type wantExpr struct {
	text  string // Expr.Text
	date  string // Resolve against the case's anchor: ISO date, "-" for ok=false
	prec  Precision
	flags string // space-separated flags that describe(e) must contain
}

// defaultAnchor is a Wednesday.
const defaultAnchor = "2017-11-15"

var findCases = []struct {
	name   string
	in     string
	anchor string // "" = defaultAnchor; "none" = zero time
	want   []wantExpr
}{
	// deictic days
	{"yesterday", "قتل ثلاثة مدنيين أمس في قصف على البلدة.", "",
		[]wantExpr{{"أمس", "2017-11-14", Day, "kind=relative off=-1 deictic"}}},
	{"morning of today with weekday", "أفاد ناشطون صباح اليوم الأربعاء بسقوط قذائف على الحي.", "",
		[]wantExpr{{"صباح اليوم الأربعاء", "2017-11-15", Day, "kind=relative wd=Wednesday pod=صباح"}}},
	{"dawn today", "وقعت اشتباكات فجر اليوم على أطراف المدينة.", "",
		[]wantExpr{{"فجر اليوم", "2017-11-15", Day, "pod=فجر"}}},
	{"last night", "اندلعت مواجهات عنيفة الليلة الماضية قرب الجسر.", "",
		[]wantExpr{{"الليلة الماضية", "2017-11-14", Day, "off=-1 pod=ليل"}}},
	{"last night, other adjective", "سمع دوي انفجارات الليلة الفائتة.", "",
		[]wantExpr{{"الليلة الفائتة", "2017-11-14", Day, "off=-1"}}},
	{"night of yesterday", "تعرضت القرية لقصف ليلة أمس.", "",
		[]wantExpr{{"ليلة أمس", "2017-11-14", Day, "off=-1 pod=ليل"}}},
	{"tonight alone", "هدأت الجبهات الليلة بعد أيام من المعارك.", "",
		[]wantExpr{{"الليلة", "2017-11-15", Day, "pod=ليل"}}},
	{"two days ago", "قتل عنصران منذ يومين في كمين.", "",
		[]wantExpr{{"منذ يومين", "2017-11-13", Day, "off=-2"}}},
	{"before two days", "انسحبت الفصائل قبل يومين من التلة.", "",
		nil}, // "قبل يومين من": relative to something else
	{"before two days, plain", "سيطرت القوات على القرية قبل يومين.", "",
		[]wantExpr{{"قبل يومين", "2017-11-13", Day, "off=-2"}}},
	{"three days ago in words", "بدأ الهجوم منذ ثلاثة أيام.", "",
		[]wantExpr{{"منذ ثلاثة أيام", "2017-11-12", Day, "off=-3"}}},
	{"a week ago", "أعلن التحالف قبل أسبوع عن عملية جديدة.", "",
		[]wantExpr{{"قبل أسبوع", "2017-11-08", Week, "off=-7"}}},
	{"last week", "تقدمت القوات الأسبوع الماضي نحو النهر.", "",
		[]wantExpr{{"الأسبوع الماضي", "2017-11-08", Week, "off=-7"}}},
	{"last month", "شهدت المدينة الشهر الماضي موجة نزوح.", "",
		[]wantExpr{{"الشهر الماضي", "2017-10-01", Month, "offm=-1"}}},
	{"day before yesterday", "سقطت القذائف أول أمس على السوق.", "",
		[]wantExpr{{"أول أمس", "2017-11-13", Day, "off=-2"}}},
	{"day before yesterday, other order", "وصلت التعزيزات أمس الأول إلى المطار.", "",
		[]wantExpr{{"أمس الأول", "2017-11-13", Day, "off=-2"}}},
	{"day before yesterday with min", "اعتقل الشاب أول من أمس.", "",
		[]wantExpr{{"أول من أمس", "2017-11-13", Day, "off=-2"}}},
	{"clitics", "قصفت الطائرات البلدة بالأمس، وأمس قتل طفل، ولليوم الثالث تتواصل الغارات.", "",
		[]wantExpr{{"بالأمس", "2017-11-14", Day, ""}, {"وأمس", "2017-11-14", Day, ""}}},
	{"yesterday, old word", "وصلت القافلة البارحة إلى المدينة.", "",
		[]wantExpr{{"البارحة", "2017-11-14", Day, "off=-1"}}},
	{"yesterday with day", "قالت الوزارة في بيان يوم أمس إن الطريق فتح.", "",
		[]wantExpr{{"يوم أمس", "2017-11-14", Day, "off=-1"}}},
	{"yesterday evening", "انفجرت سيارة مساء أمس في الساحة.", "",
		[]wantExpr{{"مساء أمس", "2017-11-14", Day, "pod=مساء off=-1"}}},
	{"before noon yesterday", "دخلت القافلة قبل ظهر أمس.", "",
		[]wantExpr{{"قبل ظهر أمس", "2017-11-14", Day, "pod=صباح"}}},
	{"late last night", "قتل مسلحان في وقت متأخر من ليل أمس.", "",
		[]wantExpr{{"ليل أمس", "2017-11-14", Day, "pod=ليل off=-1"}}},
	{"today diacritics and tatweel", "سقط صاروخٌ الـيـومَ على المبنى.", "",
		[]wantExpr{{"الـيـومَ", "2017-11-15", Day, "kind=relative"}}},

	// weekdays
	{"last sunday", "شن الطيران غارات يوم الأحد الماضي على القرية.", "",
		[]wantExpr{{"يوم الأحد الماضي", "2017-11-12", Day, "kind=weekday wd=Sunday past"}}},
	{"sunday", "سيطرت الفصائل الأحد على التلة.", "",
		[]wantExpr{{"الأحد", "2017-11-12", Day, "kind=weekday"}}},
	{"same weekday as the anchor", "قصفت المدفعية الأربعاء مواقع في الريف.", "",
		[]wantExpr{{"الأربعاء", "2017-11-15", Day, ""}}},
	{"same weekday, past", "عقد الاجتماع الأربعاء الماضي.", "",
		[]wantExpr{{"الأربعاء الماضي", "2017-11-08", Day, "past"}}},
	{"monday with hamza", "وقع الانفجار يوم الإثنين قرب المخبز.", "",
		[]wantExpr{{"يوم الإثنين", "2017-11-13", Day, "wd=Monday"}}},
	{"thursday morning", "اندلعت الاشتباكات صباح يوم الخميس.", "",
		[]wantExpr{{"صباح يوم الخميس", "2017-11-09", Day, "kind=weekday pod=صباح wd=Thursday"}}},
	{"night between two days", "تسللت مجموعة ليلة السبت - الأحد إلى الموقع.", "",
		[]wantExpr{{"ليلة السبت - الأحد", "2017-11-11", Day, "wd=Saturday pod=ليل"}}},
	{"midnight sunday", "دوت انفجارات منتصف ليل الأحد.", "",
		[]wantExpr{{"منتصف ليل الأحد", "2017-11-12", Day, "pod=ليل"}}},
	{"next thursday is future", "يعقد الاجتماع الخميس المقبل في العاصمة.", "",
		[]wantExpr{{"الخميس المقبل", "2017-11-16", Day, "kind=future"}}},
	{"tomorrow", "تبدأ المفاوضات غدا في جنيف.", "",
		[]wantExpr{{"غدا", "2017-11-16", Day, "kind=future off=1"}}},
	{"after tomorrow", "يصل الوفد بعد غد إلى المدينة.", "",
		[]wantExpr{{"بعد غد", "2017-11-17", Day, "kind=future off=2"}}},
	{"weekday market is a place", "استهدف القصف سوق الثلاثاء في البلدة.", "", nil},
	{"the eleven", "أفرج عن المعتقلين الأحد عشر.", "", nil},
	{"one of", "قتل أحد المدنيين واثنين من العناصر.", "", nil},
	{"both", "اتفق الطرفان كلا الاثنين على الهدنة.", "", nil},

	// absolute and partial dates
	{"day month partial", "بدأت الحملة في 10 أيلول على المدينة.", "",
		[]wantExpr{{"10 أيلول", "2017-09-10", Day, "kind=partial ymd=0-9-10"}}},
	{"partial against a late anchor", "بدأت الحملة في 10 أيلول على المدينة.", "2018-01-21",
		[]wantExpr{{"10 أيلول", "2017-09-10", Day, ""}}},
	{"partial shortly after the anchor", "تنتهي المهلة في 5 كانون الأول.", "",
		[]wantExpr{{"5 كانون الأول", "2017-12-05", Day, ""}}},
	{"partial long after the anchor is last year", "جرت المعركة في 20 كانون الأول.", "",
		[]wantExpr{{"20 كانون الأول", "2016-12-20", Day, ""}}},
	{"absolute levantine", "وثق المرصد مقتل 12 شخصا في 15 تشرين الثاني 2017.", "none",
		[]wantExpr{{"15 تشرين الثاني 2017", "2017-11-15", Day, "kind=absolute"}}},
	{"month and year combined", "تصاعد القصف في تشرين الأول / أكتوبر 2017.", "none",
		[]wantExpr{{"تشرين الأول / أكتوبر 2017", "2017-10-01", Month, "kind=partial"}}},
	{"month in brackets", "انسحبت القوات في أكتوبر (تشرين الأول) 2016.", "none",
		[]wantExpr{{"أكتوبر (تشرين الأول) 2016", "2016-10-01", Month, ""}}},
	{"ambiguous august with day", "سقطت البلدة في 3 آب / أغسطس 2015.", "none",
		[]wantExpr{{"3 آب / أغسطس 2015", "2015-08-03", Day, "kind=absolute"}}},
	{"ordinal day", "دخلت القوات المدينة في العاشر من أيلول.", "",
		[]wantExpr{{"العاشر من أيلول", "2017-09-10", Day, "ymd=0-9-10"}}},
	{"ordinal teen with month word", "وقع الهجوم في الخامس عشر من شهر آذار 2016.", "none",
		[]wantExpr{{"الخامس عشر من شهر آذار 2016", "2016-03-15", Day, "kind=absolute"}}},
	{"ordinal twenties", "أعلنت الهدنة في الحادي والعشرين من حزيران.", "",
		[]wantExpr{{"الحادي والعشرين من حزيران", "2017-06-21", Day, ""}}},
	{"maghrebi month", "انعقد المؤتمر في 15 جوان 2017 ثم في جويلية 2016.", "none",
		[]wantExpr{{"15 جوان 2017", "2017-06-15", Day, ""}, {"جويلية 2016", "2016-07-01", Month, ""}}},
	{"latin order month day year", "تحديث: يناير 21 , 2018", "none",
		[]wantExpr{{"يناير 21 , 2018", "2018-01-21", Day, "kind=absolute"}}},
	{"gregorian marker", "صدر العدد في 08 نوفمبر 2017 م عن الصحيفة.", "none",
		[]wantExpr{{"08 نوفمبر 2017 م", "2017-11-08", Day, ""}}},
	{"weekday with full date", "الأربعاء 15 نوفمبر 2017 - بيروت", "none",
		[]wantExpr{{"الأربعاء 15 نوفمبر 2017", "2017-11-15", Day, "kind=absolute wd=Wednesday"}}},
	{"weekday with muwafiq", "وقع الهجوم يوم الخميس الموافق 16/11/2017 في الريف.", "none",
		[]wantExpr{{"يوم الخميس الموافق 16/11/2017", "2017-11-16", Day, "wd=Thursday"}}},
	{"day of the month with yawm", "بدأ الإضراب يوم 15 أيلول.", "",
		[]wantExpr{{"يوم 15 أيلول", "2017-09-15", Day, ""}}},
	{"kanun awwal without article", "وصلت القافلة في 2 كانون أول 2017.", "none",
		[]wantExpr{{"2 كانون أول 2017", "2017-12-02", Day, ""}}},
	{"day too large for month", "في 31 حزيران 2017 حدث ذلك.", "none", nil},
	{"number before month must be a day", "قتل 45 أيلول", "",
		[]wantExpr{{"أيلول", "2017-09-01", Month, "kind=partial ymd=0-9-0"}}},

	// numeric dates
	{"numeric day first", "تاريخ النشر 15/11/2017", "none",
		[]wantExpr{{"15/11/2017", "2017-11-15", Day, "kind=absolute"}}},
	{"numeric year first", "نشر في 2017/11/15 الساعة 21:24", "none",
		[]wantExpr{{"2017/11/15", "2017-11-15", Day, ""}}},
	{"numeric dashes", "15-11-2017", "none", []wantExpr{{"15-11-2017", "2017-11-15", Day, ""}}},
	{"numeric dots one token", "آخر تحديث 15.11.2017", "none", []wantExpr{{"15.11.2017", "2017-11-15", Day, ""}}},
	{"numeric spaced", "2017 / 11 / 15 الساعة 21 : 24", "none", []wantExpr{{"2017 / 11 / 15", "2017-11-15", Day, ""}}},
	{"numeric eastern digits", "بتاريخ ١٥/١١/٢٠١٧ صدر القرار", "none", []wantExpr{{"١٥/١١/٢٠١٧", "2017-11-15", Day, ""}}},
	{"numeric month first only when forced", "11/25/2017", "none", []wantExpr{{"11/25/2017", "2017-11-25", Day, ""}}},
	{"numeric invalid", "الرقم 32/11/2017 و 2017-13-01 ليسا تاريخين", "none", nil},
	{"numeric mixed separators", "15/11-2017", "none", nil},
	{"not a date: range of numbers", "قتل 10-15 شخصا", "", nil},

	// hijri
	{"hijri numeric with marker", "1439 / 2 / 26 هـ", "none",
		[]wantExpr{{"1439 / 2 / 26 هـ", "2017-11-15", Day, "kind=hijri ymd=1439-2-26"}}},
	{"hijri numeric by year range", "1438/11/12", "none",
		[]wantExpr{{"1438/11/12", "2017-08-04", Day, "kind=hijri"}}},
	{"hijri month name", "الأربعاء - 19 صفر 1439 هـ - 08 نوفمبر 2017 م", "none",
		[]wantExpr{{"الأربعاء - 19 صفر 1439 هـ", "2017-11-08", Day, "kind=hijri wd=Wednesday"},
			{"08 نوفمبر 2017 م", "2017-11-08", Day, "kind=absolute"}}},
	{"hijri two-word month", "في 12 ربيع الأول 1439", "none",
		[]wantExpr{{"12 ربيع الأول 1439", "2017-11-30", Day, "kind=hijri ymd=1439-3-12"}}},
	{"hijri month alone is not a date", "تراجعت الغارات في رمضان، وسجل 3 صفر في النتيجة.", "", nil},

	// years
	{"year with am", "تأسست الحركة عام 2016 في الشمال.", "",
		[]wantExpr{{"عام 2016", "-", Unknown, "kind=year"}}},
	{"year after fi", "هُجّر السكان في 2016.", "",
		[]wantExpr{{"2016", "-", Unknown, "kind=year"}}},
	{"since a year is historical", "يسيطر التنظيم على المدينة منذ عام 2011.", "",
		[]wantExpr{{"منذ عام 2011", "-", Unknown, "kind=year since"}}},
	{"since a date is historical", "تحاصر القوات الحي منذ 10 أيلول.", "",
		[]wantExpr{{"منذ 10 أيلول", "2017-09-10", Day, "since"}}},
	{"since yesterday", "تتواصل الاشتباكات منذ يوم أمس.", "",
		[]wantExpr{{"منذ يوم أمس", "2017-11-14", Day, "since off=-1"}}},
	{"last year", "قتل العام الماضي آلاف المدنيين.", "",
		[]wantExpr{{"العام الماضي", "-", Unknown, "kind=year relyear offy=-1"}}},
	{"day month of last year", "وقعت المجزرة في 10 أيلول من العام الماضي.", "",
		[]wantExpr{{"10 أيلول من العام الماضي", "2016-09-10", Day, "relyear offy=-1"}}},
	{"count is not a year", "قتل 2016 شخصا", "", nil},

	// not dates
	{"consecutive day is a duration", "تتواصل الغارات لليوم الثاني على التوالي.", "", nil},
	{"the next day", "عادت القوات في اليوم التالي.", "", nil},
	{"day number", "دخل الحصار اليوم ال - 59 دون حل.", "", nil},
	{"today before a count", "قتل اليوم 5 مدنيين وأصيب اليوم عدة أشخاص.", "",
		[]wantExpr{{"اليوم", "2017-11-15", Day, ""}, {"اليوم", "2017-11-15", Day, ""}}},
	{"day number after today", "دخل الحصار اليوم 59 من عمره، وفي اليوم 60 تغير الوضع.", "", nil},
	{"this night", "يتوقع هطول أمطار هذه الليلة.", "",
		[]wantExpr{{"الليلة", "2017-11-15", Day, "pod=ليل"}}},
	{"that day", "قتل في ذلك اليوم عشرة أشخاص، وتلك الليلة كانت هادئة.", "", nil},
	{"world day", "أحيا الناشطون اليوم العالمي للطفل.", "", nil},
	{"before that", "انسحبت القوات قبل أن تصل التعزيزات.", "", nil},
	{"verb maras", "مارس النظام ضغوطا على الأهالي.", "", nil},
	{"father", "قتل أب وابنه في القصف.", "", nil},
	{"ambiguous august alone", "في آب", "", nil},
	{"ambiguous august with context", "في شهر آب قتل العشرات، وفي آب الماضي نزح الآلاف.", "",
		[]wantExpr{{"شهر آب", "2017-08-01", Month, ""}, {"آب الماضي", "2017-08-01", Month, "past"}}},
	{"years ago is no point", "يعيش السكان تحت الحصار منذ سنوات.", "", nil},

	// recent periods and approximations
	{"past hours", "قتل خمسة أشخاص خلال الساعات الماضية.", "",
		[]wantExpr{{"خلال الساعات الماضية", "2017-11-15", Day, "kind=relative"}}},
	{"past 24 hours", "سجل خلال الـ24 ساعة الماضية سقوط عشرات القذائف.", "",
		[]wantExpr{{"خلال الـ24 ساعة الماضية", "2017-11-15", Day, ""}}},
	{"last hours", "تصاعد القصف في الساعات الأخيرة.", "",
		[]wantExpr{{"في الساعات الأخيرة", "2017-11-15", Day, ""}}},
	{"past two days", "قتل خلال اليومين الماضيين أكثر من 40 شخصا.", "",
		[]wantExpr{{"خلال اليومين الماضيين", "2017-11-15", Week, "approx"}}},
	{"more than a week", "تتعرض المدينة لقصف منذ أكثر من أسبوع.", "",
		[]wantExpr{{"منذ أكثر من أسبوع", "2017-11-08", Week, "approx off=-7"}}},
	{"about a month", "سيطر التنظيم على القرية منذ نحو شهر.", "",
		[]wantExpr{{"منذ نحو شهر", "2017-10-01", Month, "approx offm=-1"}}},
	{"two years ago", "دمر المستشفى قبل عامين.", "",
		[]wantExpr{{"قبل عامين", "-", Unknown, "offy=-2"}}},
	{"hours ago", "انفجرت العبوة منذ ساعات.", "",
		[]wantExpr{{"منذ ساعات", "2017-11-15", Day, "approx"}}},
	{"days ago, vague", "وصل النازحون منذ أيام.", "",
		[]wantExpr{{"منذ أيام", "2017-11-12", Week, "approx"}}},
	{"48 hours ago", "اختطف الصحفي قبل 48 ساعة.", "",
		[]wantExpr{{"قبل 48 ساعة", "2017-11-13", Week, "off=-2"}}},
	{"this week", "وصلت المساعدات هذا الأسبوع.", "",
		[]wantExpr{{"هذا الأسبوع", "2017-11-15", Week, ""}}},
	{"start of a month", "تبدأ المرحلة مطلع أيلول.", "",
		[]wantExpr{{"مطلع أيلول", "2017-09-01", Month, "period=مطلع"}}},
	{"end of last month", "اشتد القتال أواخر الشهر الماضي.", "",
		[]wantExpr{{"أواخر الشهر الماضي", "2017-10-25", Month, "period=أواخر"}}},
	{"month last", "تم الاتفاق في تموز الماضي.", "2017-08-04",
		[]wantExpr{{"تموز الماضي", "2017-07-01", Month, "past"}}},
	{"month last is last year in the same month", "تم الاتفاق في تموز الماضي.", "2017-07-20",
		[]wantExpr{{"تموز الماضي", "2016-07-01", Month, "past"}}},

	{"day of the current month", "تعقد الجلسة يوم 25 من الشهر الجاري.", "",
		[]wantExpr{{"يوم 25 من الشهر الجاري", "2017-11-25", Day, "kind=relative ymd=0-0-25"}}},
	{"ordinal day of last month", "اعتقل في العاشر من الشهر الماضي.", "",
		[]wantExpr{{"العاشر من الشهر الماضي", "2017-10-10", Day, "offm=-1"}}},
	{"last month from the end of a month", "شهدت المدينة الشهر الماضي موجة نزوح.", "2017-03-31",
		[]wantExpr{{"الشهر الماضي", "2017-02-01", Month, ""}}},
	{"since a year with sana", "تطالب الحكومة بذلك منذ سنة 1990.", "",
		[]wantExpr{{"منذ سنة 1990", "-", Unknown, "kind=year since"}}},
	{"hours before something", "أطلقت حملة قبل ساعات قليلة من انطلاق التصويت.", "", nil},
	{"tomorrow with weekday", "يصل الوفد غدا الاثنين إلى دمشق.", "2017-11-19",
		[]wantExpr{{"غدا الاثنين", "2017-11-20", Day, "kind=future wd=Monday"}}},
	{"kanun than", "تولى منصبه في 20 يناير / كانون ثان الماضي.", "",
		[]wantExpr{{"20 يناير / كانون ثان الماضي", "2017-01-20", Day, "past"}}},
	{"date in brackets after today", "نظم الصحفيون وقفة مساء اليوم الخميس ( 7 ديسمبر كانون الأول ) أمام النقابة.", "2017-12-07",
		[]wantExpr{{"مساء اليوم الخميس ( 7 ديسمبر كانون الأول )", "2017-12-07", Day, "kind=partial wd=Thursday pod=مساء"}}},

	{"day of this month by name", "تنتهي المهلة في 30 تشرين الثاني الجاري.", "",
		[]wantExpr{{"30 تشرين الثاني الجاري", "2017-11-30", Day, "relyear"}}},
	{"media names", "نقلت قناة روسيا اليوم عن صحيفة اليوم خبرا، وأعلنت روسيا اليوم أنها سترد.", "",
		[]wantExpr{{"اليوم", "2017-11-15", Day, "kind=relative"}}},

	{"day and month as names", "تجمع المحتجون في ساحة 7 نيسان قرب شارع 29 أيار، وانتقدوا قوى 14 آذار.", "", nil},
	{"revolution with a year is a date", "اندلعت ثورة 25 يناير 2011 في القاهرة.", "none",
		[]wantExpr{{"25 يناير 2011", "2011-01-25", Day, "kind=absolute"}}},

	// ranges
	{"range with dash", "جرت المعارك بين 10 - 15 أيلول 2017.", "none",
		[]wantExpr{{"بين 10 - 15 أيلول 2017", "2017-09-10", Week, "kind=range dayend=15"}}},
	{"range with bayn", "دارت الاشتباكات بين 3 و 5 آذار.", "",
		[]wantExpr{{"بين 3 و 5 آذار", "2017-03-03", Week, "kind=range"}}},

	// combinations resolved against passages
	{"today with weekday and date, crawl anchor", "أفاد مراسلنا اليوم، الاثنين 9 تشرين الأول، بانسحاب الفصائل.", "2018-01-21",
		[]wantExpr{{"اليوم، الاثنين 9 تشرين الأول", "2017-10-09", Day, "kind=partial deictic wd=Monday"}}},
	{"yesterday sunday against stated date", "بعد اشتباكات مساء أمس الأحد.", "2017-10-09",
		[]wantExpr{{"مساء أمس الأحد", "2017-10-08", Day, "wd=Sunday off=-1 pod=مساء"}}},
	{"weekday in brackets", "قتل خمسة جنود أمس (الثلاثاء) في الهجوم.", "2017-11-08",
		[]wantExpr{{"أمس (الثلاثاء)", "2017-11-07", Day, "wd=Tuesday"}}},
	{"weekday trusted over the anchor", "أعلنت الفصائل اليوم الجمعة سيطرتها على التلة.", "2017-11-18",
		[]wantExpr{{"اليوم الجمعة", "2017-11-17", Day, "wd=Friday"}}},
	{"weekday a day after a utc anchor", "أعلنت الفصائل اليوم الجمعة سيطرتها على التلة.", "2017-11-16",
		[]wantExpr{{"اليوم الجمعة", "2017-11-17", Day, ""}}},
	{"today with a date", "أعلنت الوكالة اليوم 3 كانون الأول أن العبوة انفجرت.", "2018-01-21",
		[]wantExpr{{"اليوم 3 كانون الأول", "2017-12-03", Day, "deictic"}}},
	{"two expressions", "قتل خمسة أمس، فيما سقط آخرون اليوم الخميس بقصف.", "2017-11-16",
		[]wantExpr{{"أمس", "2017-11-15", Day, ""}, {"اليوم الخميس", "2017-11-16", Day, ""}}},
	{"no anchor", "قتل ثلاثة أمس والأحد.", "none",
		[]wantExpr{{"أمس", "-", Unknown, ""}, {"والأحد", "-", Unknown, ""}}},
}

func TestFind(t *testing.T) {
	if len(findCases) < 60 {
		t.Fatalf("only %d cases", len(findCases))
	}
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			var anchor time.Time
			switch tc.anchor {
			case "":
				anchor = day(defaultAnchor)
			case "none":
			default:
				anchor = day(tc.anchor)
			}
			got := Find(tc.in)
			dump := func() string {
				var b strings.Builder
				for _, e := range got {
					d, p, ok := Resolve(e, anchor)
					fmt.Fprintf(&b, "\n  %q %s -> %s p%d %v", e.Text, describe(e), d.Format("2006-01-02"), p, ok)
				}
				return b.String()
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%q: got %d expressions, want %d:%s", tc.in, len(got), len(tc.want), dump())
			}
			for i, w := range tc.want {
				e := got[i]
				if e.Text != w.text {
					t.Errorf("expr %d: text %q, want %q:%s", i, e.Text, w.text, dump())
					continue
				}
				if tc.in[e.Start:e.End] != e.Text {
					t.Errorf("expr %d: span [%d,%d) does not match text", i, e.Start, e.End)
				}
				d, p, ok := Resolve(e, anchor)
				gotDate := "-"
				if ok {
					gotDate = d.Format("2006-01-02")
				}
				if gotDate != w.date || (ok && p != w.prec) {
					t.Errorf("%q: resolved %s p%d, want %s p%d (%s)", e.Text, gotDate, p, w.date, w.prec, describe(e))
				}
				desc := " " + describe(e) + " "
				for _, f := range strings.Fields(w.flags) {
					if !strings.Contains(desc, " "+f+" ") {
						t.Errorf("%q: %s lacks %q", e.Text, desc, f)
					}
				}
			}
			// FindTokens agrees with Find
			alt := FindTokens(tc.in, arabic.Tokenize(tc.in))
			if fmt.Sprint(alt) != fmt.Sprint(got) {
				t.Errorf("FindTokens differs from Find:\n%v\n%v", alt, got)
			}
		})
	}
}

func TestResolveEdges(t *testing.T) {
	a := day("2017-11-15")
	cases := []struct {
		name string
		e    Expr
		want string
		prec Precision
	}{
		{"absolute ignores anchor", Expr{Kind: Absolute, Year: 2016, Month: 2, Day: 29}, "2016-02-29", Day},
		{"absolute invalid day", Expr{Kind: Absolute, Year: 2017, Month: 2, Day: 29}, "-", Unknown},
		{"month out of range", Expr{Kind: Partial, Month: 13, Day: 1}, "-", Unknown},
		{"negative day", Expr{Kind: Partial, Month: 3, Day: -1}, "-", Unknown},
		{"partial feb 29 in a leap year window", Expr{Kind: Partial, Month: 2, Day: 29}, "-", Unknown},
		{"weekday without HasWeekday", Expr{Kind: Weekday}, "-", Unknown},
		{"weekday out of range", Expr{Kind: Weekday, HasWeekday: true, Weekday: 9}, "-", Unknown},
		{"year only", Expr{Kind: YearOnly, Year: 2016}, "-", Unknown},
		{"unknown kind", Expr{}, "-", Unknown},
		{"future month", Expr{Kind: Future, Month: 3, Precision: Month}, "2018-03-01", Month},
		{"future day month", Expr{Kind: Future, Month: 11, Day: 20}, "2017-11-20", Day},
		{"future weekday", Expr{Kind: Future, HasWeekday: true, Weekday: time.Wednesday}, "2017-11-22", Day},
		{"hijri month only", Expr{Kind: Hijri, Year: 1439, Month: 9}, "2018-05-15", Month},
		{"hijri without year", Expr{Kind: Hijri, Month: 9, Day: 1}, "-", Unknown},
		{"relative without precision", Expr{Kind: Relative, OffsetDays: -1}, "-", Unknown},
	}
	for _, c := range cases {
		d, p, ok := Resolve(c.e, a)
		got := "-"
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want || (ok && p != c.prec) {
			t.Errorf("%s: got %s p%d, want %s p%d", c.name, got, p, c.want, c.prec)
		}
	}
	// a zero anchor never resolves deictic expressions
	for _, k := range []Kind{Relative, Weekday, Future, Partial} {
		if _, _, ok := Resolve(Expr{Kind: k, Month: 9, Day: 1, HasWeekday: true, Precision: Day}, time.Time{}); ok {
			t.Errorf("%v resolved without an anchor", k)
		}
	}
	// the anchor's own calendar date counts, not its UTC instant
	loc := time.FixedZone("AST", 3*3600)
	late := time.Date(2017, 11, 15, 1, 30, 0, 0, loc) // 2017-11-14 22:30 UTC
	if d, _, _ := Resolve(Expr{Kind: Relative, Precision: Day, Deictic: true}, late); d.Format("2006-01-02") != "2017-11-15" {
		t.Errorf("anchor in its own zone: got %s", d.Format("2006-01-02"))
	}
}

func TestHijriConversion(t *testing.T) {
	// Arithmetic dates (astronomical epoch); Umm al-Qura agrees except
	// where noted.
	cases := []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-18"}, // proleptic Gregorian for 15 July 622 Julian
		{1439, 1, 1, "2017-09-21"},
		{1439, 2, 26, "2017-11-15"},
		{1438, 11, 12, "2017-08-04"},
		{1440, 1, 1, "2018-09-11"},
		{1445, 9, 1, "2024-03-10"}, // Umm al-Qura: 11 March
	}
	for _, c := range cases {
		if got := hijriToGregorian(c.y, c.m, c.d).Format("2006-01-02"); got != c.want {
			t.Errorf("%d/%d/%d: got %s, want %s", c.y, c.m, c.d, got, c.want)
		}
	}
}

func TestParsePublished(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2017-11-15", "2017-11-15"},
		{"2017-11-15T21:24:00+03:00", "2017-11-15"},
		{"2017-11-15T01:24:00+03:00", "2017-11-15"}, // own calendar day, not UTC
		{"2017-11-15T21:24:00Z", "2017-11-15"},
		{"2017-11-15T21:24:00.123+0300", "2017-11-15"},
		{"2017-11-15 21:24:00", "2017-11-15"},
		{"Wed, 15 Nov 2017 21:24:00 GMT", "2017-11-15"},
		{"Wed, 15 Nov 2017 21:24:00 +0300", "2017-11-15"},
		{"15 November 2017", "2017-11-15"},
		{"November 15, 2017 9:24 PM", "2017-11-15"},
		{"15 nov. 2017", "2017-11-15"},
		{"15 novembre 2017", "2017-11-15"},
		{"2017/11/15", "2017-11-15"},
		{"15/11/2017", "2017-11-15"},
		{"15-11-2017", "2017-11-15"},
		{"15.11.2017", "2017-11-15"},
		{"15 تشرين الثاني 2017", "2017-11-15"},
		{"الأربعاء 15 نوفمبر 2017", "2017-11-15"},
		{"١٥ تشرين الثاني ٢٠١٧", "2017-11-15"},
		{"2017 / 11 / 15 الساعة 21 : 24 ( مكة المكرمة )", "2017-11-15"},
		{"الأربعاء، 15 تشرين الثاني/نوفمبر 2017 - 09:24 م", "2017-11-15"},
		{"  1510771440  ", "2017-11-15"},
		{"1510771440000", "2017-11-15"},
		{"", "-"},
		{"غير معروف", "-"},
		{"1439/2/26 هـ", "-"},
		{"15 تشرين الثاني", "-"},
		{"2017", "-"},
		{"0000-00-00", "-"},
		{"1017-11-15", "-"},
		{"32/11/2017", "-"},
		{"منذ 15 تشرين الثاني 2017", "-"},
	}
	for _, c := range cases {
		d, ok := ParsePublished(c.in)
		got := "-"
		if ok {
			got = d.Format("2006-01-02")
			if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 {
				t.Errorf("%q: %v is not UTC midnight", c.in, d)
			}
		}
		if got != c.want {
			t.Errorf("ParsePublished(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestDateline(t *testing.T) {
	pad := strings.Repeat("عنوان الخبر ", 20) // 440 bytes on one line
	cases := []struct{ name, in, want string }{
		{"numeric first", "2017 / 11 / 15 الساعة 21 : 24 ( مكة المكرمة ) 1439 / 2 / 26 هـ\nقصفت الطائرات...", "2017-11-15"},
		{"hijri skipped", "1439 / 2 / 26 هـ - 15 / 11 / 2017\nنص", "2017-11-15"},
		{"weekday dateline", "قصف على البلدة - الأربعاء 15 تشرين الثاني 2017 الساعة 21:24\nنص الخبر", "2017-11-15"},
		{"short title line then date", "عنوان قصير\n15 تشرين الثاني 2017\nنص", "2017-11-15"},
		{"no year", "الجمعة 9 كانون الأول\nقال ناشطون اليوم إن...", "-"},
		{"since is not a dateline", "تحاصر القوات الحي منذ 10 أيلول 2017 وفق ناشطين\nنص", "-"},
		{"too far", "عنوان\n" + pad + pad + " 15/11/2017", "-"},
		{"first line long but date early", pad + " 15/11/2017 " + pad, "2017-11-15"},
		{"empty", "", "-"},
	}
	for _, c := range cases {
		d, ok := Dateline(c.in)
		got := "-"
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("%s: Dateline = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestWritingDate(t *testing.T) {
	cases := []struct{ in, anchor, want string }{
		{"أفاد مراسلنا اليوم، الاثنين 9 تشرين الأول، بانسحاب الفصائل.", "2018-01-21", "2017-10-09"},
		{"اندلعت الاشتباكات أمس الأحد 8 تشرين الأول في المدينة.", "2018-01-21", "2017-10-09"},
		{"قتل خمسة أمس الخميس.", "2017-11-18", "2017-11-17"},
		{"قتل خمسة أمس.", "2017-11-18", "-"},
		{"قتل خمسة الخميس.", "2017-11-18", "-"},
		{"وقعت المجزرة في 9 تشرين الأول 2017.", "2018-01-21", "-"},
		{"تحاصر القوات الحي منذ أمس الأحد.", "2017-11-18", "-"},
		{"تعقد الجلسة يوم 25 من الشهر الجاري.", "2017-11-18", "-"},
	}
	for _, c := range cases {
		es := Find(c.in)
		if len(es) != 1 {
			t.Errorf("%q: %d expressions", c.in, len(es))
			continue
		}
		d, ok := WritingDate(es[0], day(c.anchor))
		got := "-"
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("WritingDate(%q) = %s, want %s (%s)", es[0].Text, got, c.want, describe(es[0]))
		}
	}
}

func TestKindString(t *testing.T) {
	if Absolute.String() != "absolute" || Kind(99).String() != "unknown" || Kind(-1).String() != "unknown" {
		t.Error("Kind.String")
	}
}

func TestFindTokensForeignTokens(t *testing.T) {
	toks := arabic.Tokenize("قتل ثلاثة أمس في القصف")
	if got := FindTokens("أمس", toks); got != nil {
		t.Errorf("tokens of another text: got %v", got)
	}
}
