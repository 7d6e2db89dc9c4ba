package dates

import (
	"strings"

	"rasad/internal/arabic"
)

// Word classes of the date lexicon. A token is classified by its folded
// form (arabic.Fold), after stripping at most a conjunction (و ف) and a
// preposition fused with the article (لل → ال, بال → ال, كال → ال); see
// classify.
const (
	lxNone       uint8 = iota
	lxMonth            // Gregorian month name; val = month
	lxMonthHead        // كانون, تشرين: need الأول/الثاني
	lxHMonth           // Hijri month name; val = month
	lxHMonthHead       // ربيع, جمادى, ذو/ذي: need a second word
	lxWeekday          // الأحد ... السبت (with the article); val = time.Weekday
	lxToday            // اليوم
	lxYesterday        // أمس, الأمس, البارحة
	lxTonight          // الليلة
	lxTomorrow         // غدا, الغد, غد
	lxPoD              // part of day before a day: فجر صباح ظهر عصر مساء ليل ليلة ضحى
	lxPoDAdv           // part of day after a day: صباحا مساء ليلا فجرا ظهرا عصرا
	lxUnit             // duration unit; val = unit, n = count (1, 2; 0 = needs a number; -1 = plural)
	lxNum              // number word; val = value (n = 1 when vague)
	lxOrd              // ordinal day word; val = 1..10, 20, 30
	lxTeen             // عشر, عشرة (teen marker after an ordinal or a unit number)
	lxPast             // الماضي, الفائت, المنصرم, السابق ...
	lxNext             // المقبل, القادم
	lxCurrent          // الجاري, الحالي
	lxLatest           // الأخير, الأخيرة
	lxWeekW            // الأسبوع
	lxMonthW           // الشهر
	lxYearW            // العام, السنة
	lxYearIntro        // عام, سنة (no article)
	lxShahr            // شهر
	lxYawm             // يوم
	lxSince            // منذ
	lxAgo              // قبل
	lxAfter            // بعد
	lxMin              // من
	lxWa               // و standing alone (before a digit)
	lxIla              // إلى, حتى
	lxBayn             // بين
	lxApprox           // نحو, حوالي, قرابة, زهاء
	lxMore             // أكثر, أقل
	lxGreg             // م, ميلادي, الميلاد
	lxHijriMk          // ه, هجري, الهجرة
	lxFi               // في, خلال, طيلة, طوال
	lxHoursPl          // الساعات
	lxDaysPl           // الأيام
	lxBlock            // words before a weekday that make it a name: سوق, شارع, جامع, مسجد, كل
	lxThat             // ذلك, تلك
	lxThis             // هذا, هذه
	lxPeriod           // part of a month: مطلع, أوائل, بداية, منتصف, أواسط, نهاية, أواخر, آخر
	lxAl               // the article written alone (الـ15)
	lxNotToday         // after اليوم: makes it "the day" of something (التالي, نفسه, العالمي ...)
	lxAla              // على
	lxKila             // كلا
	lxMuwafiq          // الموافق
	lxFew              // القليلة
	lxMedia            // قناة, موقع, صحيفة ...: "قناة روسيا اليوم" is a name
	lxNameHead         // nouns that make a day and month a name: "ساحة 7 نيسان", "قوى 14 آذار"
)

// Duration units.
const (
	uMinute = iota + 1
	uHour
	uDay
	uWeek
	uMonth
	uYear
)

// Period values (Expr.Period) and the day Resolve gives them.
const (
	periodStart  = "مطلع"
	periodMiddle = "منتصف"
	periodEnd    = "أواخر"
)

type lexInfo struct {
	cls  uint8
	val  int8
	n    int8
	trig bool // a word that can anchor an expression (prefilter of Find)
	conj bool // classify stripped a conjunction (و ف) from the word
	amb  bool // month name that needs date context (مارس, ماي, آب, نيسان ...)
}

var lexicon = map[string]lexInfo{}

// partsOfDay maps the folded part-of-day words to the form reported in
// Expr.PartOfDay.
var partsOfDay = map[string]string{}

// periods maps folded period words to periodStart/Middle/End.
var periods = map[string]string{}

func addWords(words string, li lexInfo) {
	for _, w := range strings.Fields(words) {
		lexicon[arabic.Fold(w)] = li
	}
}

func init() {
	// Gregorian months: standard (Egyptian/Gulf), Levantine/Iraqi, Maghrebi.
	months := [...]struct {
		m         int8
		names     string
		ambiguous string // also common words or names: need date context
	}{
		{1, "يناير جانفي", ""},
		{2, "فبراير شباط فيفري", ""},
		{3, "آذار", "مارس"},
		{4, "أبريل ابريل إبريل أفريل افريل", "نيسان"},
		{5, "مايو أيار", "ماي"},
		{6, "يونيو يونيه حزيران جوان", ""},
		{7, "يوليو يوليه تموز جويلية جويليه", ""},
		{8, "أغسطس اغسطس غشت", "آب أوت"},
		{9, "سبتمبر أيلول شتنبر", ""},
		{10, "أكتوبر اكتوبر", ""},
		{11, "نوفمبر", ""},
		{12, "ديسمبر", ""},
	}
	for _, m := range months {
		addWords(m.names, lexInfo{cls: lxMonth, val: m.m, trig: true})
		addWords(m.ambiguous, lexInfo{cls: lxMonth, val: m.m, trig: true, amb: true})
	}
	addWords("كانون تشرين", lexInfo{cls: lxMonthHead, trig: true})
	// Hijri months (recognized so that they are never read as Gregorian).
	hmonths := [...]string{1: "محرم", 2: "صفر", 7: "رجب", 8: "شعبان", 9: "رمضان", 10: "شوال"}
	for m, w := range hmonths {
		if w != "" {
			addWords(w, lexInfo{cls: lxHMonth, val: int8(m), trig: true, amb: true})
		}
	}
	addWords("ربيع جمادى جمادي ذو ذي", lexInfo{cls: lxHMonthHead, trig: true})

	days := [...]string{"الأحد", "الاثنين الإثنين", "الثلاثاء الثلثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
	for d, w := range days {
		addWords(w, lexInfo{cls: lxWeekday, val: int8(d), trig: true})
	}
	addWords("اليوم", lexInfo{cls: lxToday, trig: true})
	addWords("أمس الأمس البارحة", lexInfo{cls: lxYesterday, trig: true})
	addWords("الليلة", lexInfo{cls: lxTonight, trig: true})
	addWords("غدا غد الغد", lexInfo{cls: lxTomorrow, trig: true})

	for _, p := range [...]struct{ words, canon string }{
		{"فجر", "فجر"}, {"صباح ضحى", "صباح"}, {"ظهر ظهيرة", "ظهر"}, {"عصر", "عصر"},
		{"مساء", "مساء"}, {"ليل ليلة", "ليل"},
	} {
		for _, w := range strings.Fields(p.words) {
			partsOfDay[arabic.Fold(w)] = p.canon
			lexicon[arabic.Fold(w)] = lexInfo{cls: lxPoD}
		}
	}
	for _, p := range [...]struct{ words, canon string }{
		{"فجرا", "فجر"}, {"صباحا", "صباح"}, {"ظهرا", "ظهر"}, {"عصرا", "عصر"}, {"ليلا", "ليل"},
	} {
		for _, w := range strings.Fields(p.words) {
			partsOfDay[arabic.Fold(w)] = p.canon
			lexicon[arabic.Fold(w)] = lexInfo{cls: lxPoDAdv}
		}
	}

	unit := func(u int8, n int8, words string) {
		addWords(words, lexInfo{cls: lxUnit, val: u, n: n, trig: true})
	}
	unit(uMinute, 1, "دقيقة")
	unit(uMinute, 2, "دقيقتين دقيقتان")
	unit(uMinute, -1, "دقائق")
	unit(uHour, 1, "ساعة")
	unit(uHour, 2, "ساعتين ساعتان")
	unit(uHour, -1, "ساعات")
	unit(uDay, 0, "يوما")
	unit(uDay, 2, "يومين يومان")
	unit(uDay, -1, "أيام")
	unit(uWeek, 1, "أسبوع")
	unit(uWeek, 0, "أسبوعا")
	unit(uWeek, 2, "أسبوعين أسبوعان")
	unit(uWeek, -1, "أسابيع")
	unit(uMonth, 0, "شهرا")
	unit(uMonth, 2, "شهرين شهران")
	unit(uMonth, -1, "أشهر شهور")
	unit(uYear, 0, "عاما")
	unit(uYear, 1, "سنة")
	unit(uYear, 2, "عامين عامان سنتين سنتان")
	unit(uYear, -1, "أعوام سنوات سنين")
	// يوم, شهر, عام are units too but have classes of their own (lxYawm,
	// lxShahr, lxYearIntro); the duration parser accepts them as singular.
	addWords("يوم", lexInfo{cls: lxYawm, trig: true})
	addWords("شهر", lexInfo{cls: lxShahr, trig: true})
	addWords("عام", lexInfo{cls: lxYearIntro, trig: true})
	// سنة is both a unit and a year intro ("سنة 2016"); it stays a unit and
	// the year parser accepts it.

	num := func(v int8, words string) {
		addWords(words, lexInfo{cls: lxNum, val: v})
	}
	num(1, "واحد واحدة")
	num(3, "ثلاث ثلاثة")
	num(4, "أربع أربعة")
	num(5, "خمس خمسة")
	num(6, "ست ستة")
	num(7, "سبع سبعة")
	num(8, "ثمان ثماني ثمانية")
	num(9, "تسع تسعة")
	addWords("عشر عشرة", lexInfo{cls: lxTeen, val: 10})
	addWords("بضع بضعة عدة", lexInfo{cls: lxNum, val: 3, n: 1})

	ords := [...]string{1: "الأول", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس", 6: "السادس", 7: "السابع", 8: "الثامن", 9: "التاسع", 10: "العاشر"}
	for v, w := range ords {
		if w != "" {
			addWords(w, lexInfo{cls: lxOrd, val: int8(v)})
		}
	}
	addWords("الحادي", lexInfo{cls: lxOrd, val: 1})
	addWords("العشرين", lexInfo{cls: lxOrd, val: 20})
	addWords("الثلاثين", lexInfo{cls: lxOrd, val: 30})

	addWords("الماضي الماضية الماضيين الماضيتين الفائت الفائتة الفائتين المنصرم المنصرمة المنصرمين المنقضي المنقضية السابق السابقة", lexInfo{cls: lxPast})
	addWords("المقبل المقبلة القادم القادمة", lexInfo{cls: lxNext})
	addWords("الجاري الجارية الحالي الحالية", lexInfo{cls: lxCurrent})
	addWords("الأخير الأخيرة الأخيرين الأخيرتين", lexInfo{cls: lxLatest})
	addWords("الأسبوع", lexInfo{cls: lxWeekW, trig: true})
	addWords("الشهر", lexInfo{cls: lxMonthW, trig: true})
	addWords("العام السنة", lexInfo{cls: lxYearW, trig: true})
	addWords("منذ", lexInfo{cls: lxSince})
	addWords("قبل", lexInfo{cls: lxAgo})
	addWords("بعد", lexInfo{cls: lxAfter})
	addWords("من", lexInfo{cls: lxMin})
	addWords("و", lexInfo{cls: lxWa})
	addWords("إلى حتى لغاية", lexInfo{cls: lxIla})
	addWords("بين", lexInfo{cls: lxBayn})
	addWords("نحو حوالي حوالى قرابة زهاء تقريبا", lexInfo{cls: lxApprox})
	addWords("أكثر أقل", lexInfo{cls: lxMore})
	addWords("م ميلادي ميلادية الميلاد", lexInfo{cls: lxGreg})
	addWords("ه هـ هجري هجرية الهجرة", lexInfo{cls: lxHijriMk})
	addWords("في خلال طيلة طوال", lexInfo{cls: lxFi})
	addWords("الساعات", lexInfo{cls: lxHoursPl, trig: true})
	addWords("الأيام اليومين", lexInfo{cls: lxDaysPl, trig: true})
	addWords("الساعتين", lexInfo{cls: lxHoursPl, trig: true})
	addWords("سوق أسواق شارع جامع مسجد كل الواحد", lexInfo{cls: lxBlock})
	addWords("ذلك تلك", lexInfo{cls: lxThat})
	addWords("هذا هذه", lexInfo{cls: lxThis})
	addWords("ال", lexInfo{cls: lxAl})
	addWords("التالي نفسه ذاته الذي العالمي الوطني الدولي الموعود", lexInfo{cls: lxNotToday})
	addWords("على", lexInfo{cls: lxAla})
	addWords("كلا", lexInfo{cls: lxKila})
	addWords("الموافق", lexInfo{cls: lxMuwafiq})
	addWords("القليلة قليلة", lexInfo{cls: lxFew})
	addWords("قناة موقع صحيفة جريدة شبكة وكالة تلفزيون إذاعة نشرة برنامج مجلة", lexInfo{cls: lxMedia})
	addWords("ساحة حي دوار جسر ثورة حركة قوى تيار تجمع جبهة مدرسة ملعب مستشفى مشفى جامعة مدينة ضاحية جادة", lexInfo{cls: lxNameHead})
	for _, p := range [...]struct{ words, canon string }{
		{"مطلع أوائل بداية بدايات", periodStart},
		{"منتصف أواسط", periodMiddle},
		{"نهاية أواخر آخر", periodEnd},
	} {
		for _, w := range strings.Fields(p.words) {
			periods[arabic.Fold(w)] = p.canon
			lexicon[arabic.Fold(w)] = lexInfo{cls: lxPeriod}
		}
	}
}

// Second words of two-word month names (folded).
var (
	wAwwal  = arabic.Fold("الأول")
	wThani  = arabic.Fold("الثاني")
	wAwwal0 = arabic.Fold("أول")
	wThani0 = arabic.Fold("ثاني")
	wThan0  = arabic.Fold("ثان")
	wUla    = arabic.Fold("الأولى")
	wAkhir  = arabic.Fold("الآخر")
	wAkhira = arabic.Fold("الآخرة")
	wThania = arabic.Fold("الثانية")
	wQaada  = arabic.Fold("القعدة")
	wHijja  = arabic.Fold("الحجة")
	wKanun  = arabic.Fold("كانون")
	wTishr  = arabic.Fold("تشرين")
	wRabi   = arabic.Fold("ربيع")
	wDhu    = arabic.Fold("ذو")
	wDhi    = arabic.Fold("ذي")
	wJumada = arabic.Fold("جمادى")
	wMa     = arabic.Fold("ما")
	wYazid  = arabic.Fold("يزيد")
	wYaqill = arabic.Fold("يقل")
	wAn     = arabic.Fold("عن")
	wFaqat  = arabic.Fold("فقط")
	wTaqrib = arabic.Fold("تقريبا")
)

// classify returns the lexicon entry of a folded word: the word itself,
// else without a leading conjunction (و ف), else without a preposition
// fused with the article (لل → ال; بال, كال → ال). Prepositions are only
// stripped before the article, so "لامس" (touched) is never "أمس".
func classify(w string) lexInfo {
	if li, ok := lexicon[w]; ok {
		return li
	}
	const wa, fa, li, bi, ka, al = "و", "ف", "ل", "ب", "ك", "ال"
	conj := false
	if len(w) >= 6 && (strings.HasPrefix(w, wa) || strings.HasPrefix(w, fa)) {
		if x, ok := lexicon[w[2:]]; ok {
			x.conj = true
			return x
		}
		w = w[2:]
		conj = true
	}
	if len(w) >= 8 {
		switch {
		case strings.HasPrefix(w, li+li):
			if x, ok := lexicon[al+w[4:]]; ok {
				x.conj = conj
				return x
			}
		case (strings.HasPrefix(w, bi) || strings.HasPrefix(w, ka)) && strings.HasPrefix(w[2:], al):
			if x, ok := lexicon[w[2:]]; ok {
				x.conj = conj
				return x
			}
		}
	}
	return lexInfo{}
}
