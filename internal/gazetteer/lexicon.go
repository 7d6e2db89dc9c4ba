package gazetteer

import (
	"strings"

	"rasad/internal/arabic"
)

// The recognizer's word lexicon: the place-type cues that introduce a
// place name, the direction and proximity words of compounds ("شرق X",
// "قرب X"), the words that begin a multi-word village name, and the
// function words and common nouns that can never start a new name. All
// entries are written in ordinary spelling and folded with arabic.Fold
// when the matcher is built.

// cueClass says how a cue relates to the name that follows it.
type cueClass uint8

const (
	// cueType: a type word that is not part of the name (قرية X → X).
	cueType cueClass = iota + 1
	// cueFeature: the word is part of the feature's name (تلة X, مطار X);
	// before a settlement's name it names a distinct site (تلة الصنم).
	cueFeature
	// cueSite: a site at a place, named after it (حاجز X, معبر X, سد X):
	// before a settlement's name the mention is the settlement; before a
	// new name the word is part of it.
	cueSite
	// cueUnit: a military unit's position, named by a numeral (اللواء 93).
	cueUnit
	// cueCountryside: ريف X, the countryside of X.
	cueCountryside
	// cueRiver: نهر X; rivers count only with it.
	cueRiver
)

// cueDef describes one cue form.
type cueDef struct {
	lemma string   // the singular form as written (قرية, تلة, ريف)
	class cueClass //
	kind  Kind     // kind of a place the cue introduces
	count uint8    // 1 one name follows, 2 a dual (قريتي X وY), 3 a plural list (قرى X وY وZ)
	admit admitRule
}

// admitRule says which names the gazetteer lacks a cue admits.
type admitRule uint8

const (
	admitNone     admitRule = iota
	admitAny                // any word that can be a name (قرية X)
	admitDefinite           // only a name with the article or in quotes (منطقة الX)
)

// cueForms lists the cues: lemma, class, kind, admit, then the forms
// (singular, dual, plural) in that order; an empty form is skipped.
var cueForms = []struct {
	lemma string
	class cueClass
	kind  Kind
	admit admitRule
	sg    []string
	du    []string
	pl    []string
}{
	{"حي", cueType, Neighbourhood, admitAny, []string{"حي"}, []string{"حيي"}, []string{"أحياء"}},
	{"بلدة", cueType, Town, admitAny, []string{"بلدة"}, []string{"بلدتي", "بلدتا", "بلدتين"}, []string{"بلدات"}},
	{"قرية", cueType, Village, admitAny, []string{"قرية"}, []string{"قريتي", "قريتا", "قريتين"}, []string{"قرى"}},
	{"مدينة", cueType, City, admitAny, []string{"مدينة"}, []string{"مدينتي", "مدينتا", "مدينتين"}, []string{"مدن"}},
	{"ناحية", cueType, Subdistrict, admitNone, []string{"ناحية"}, []string{"ناحيتي"}, []string{"نواحي"}},
	{"منطقة", cueType, Region, admitDefinite, []string{"منطقة"}, []string{"منطقتي", "منطقتا"}, []string{"مناطق"}},
	{"محافظة", cueType, Governorate, admitNone, []string{"محافظة"}, []string{"محافظتي", "محافظتا"}, []string{"محافظات"}},
	{"مزرعة", cueFeature, Village, admitAny, []string{"مزرعة"}, nil, nil},
	{"مخيم", cueSite, Camp, admitDefinite, []string{"مخيم"}, nil, nil},
	{"مخيم", cueType, Camp, admitDefinite, nil, nil, []string{"مخيمات"}},
	{"تلة", cueFeature, Mountain, admitAny, []string{"تلة"}, []string{"تلتي"}, nil},
	{"تل", cueFeature, Mountain, admitAny, []string{"تل"}, nil, nil},
	{"جبل", cueFeature, Mountain, admitAny, []string{"جبل"}, nil, nil},
	{"مطار", cueFeature, Airport, admitAny, []string{"مطار"}, nil, nil},
	{"قاعدة", cueFeature, Base, admitDefinite, []string{"قاعدة"}, nil, nil},
	{"معبر", cueSite, Crossing, admitDefinite, []string{"معبر"}, nil, nil},
	{"سد", cueSite, Dam, admitDefinite, []string{"سد"}, nil, nil},
	{"حقل", cueSite, Field, admitDefinite, []string{"حقل"}, nil, []string{"حقول"}},
	{"حاجز", cueSite, Base, admitDefinite, []string{"حاجز"}, nil, nil},
	{"دوار", cueSite, Road, admitDefinite, []string{"دوار"}, nil, nil},
	{"شارع", cueSite, Road, admitDefinite, []string{"شارع"}, nil, nil},
	{"اللواء", cueUnit, Base, admitAny, []string{"اللواء"}, nil, nil},
	{"الفرقة", cueUnit, Base, admitAny, []string{"الفرقة"}, nil, nil},
	{"الفوج", cueUnit, Base, admitAny, []string{"الفوج"}, nil, nil},
	{"ريف", cueCountryside, Region, admitNone, []string{"ريف"}, []string{"ريفي"}, []string{"أرياف"}},
	{"نهر", cueRiver, River, admitNone, []string{"نهر"}, nil, nil},
}

// typeCueNames are the cue lemmas the scoring drops from the front of a
// name (spec/events.md): a new name introduced by them is the bare name.
// The others (تلة, مطار, ...) stay part of the new name.

// directionWords introduce "شرق X" compounds: a place near X (precision 2).
var directionWords = []string{
	"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي",
	"جنوبي شرق", "شمال شرق", "شمال غرب", "جنوب غرب",
}

// nearWords introduce a place near or at the edge of X (precision 2).
var nearWords = []string{"قرب", "محيط", "أطراف", "ضواحي", "مشارف", "أكناف", "تخوم", "مداخل", "مدخل", "بالقرب",
	"جبهة", "جبهات", "محور", "محاور"}

// nameHeads begin village names of two words (أبو X, تل X, خربة X): an
// unknown name starting with one takes the next word too.
var nameHeads = []string{
	"أبو", "أبي", "أم", "بيت", "بني", "ابن", "بن", "عين", "رأس", "راس", "خربة", "جب", "رسم", "كفر", "دير",
	"تل", "تلة", "بير", "بئر", "حوش", "سيدي", "الشيخ", "شيخ", "مزرعة", "قصر", "وادي", "عرب", "جسر",
	"حزم", "مرج", "سهل", "ظهر", "تلول", "قلعة", "نبع", "حاوي", "بستان", "معرة", "كوم", "ضهر",
}

// nameTails are modifiers that follow a village name and belong to it
// (حمرة كبير, الكسرة الشرقية).
var nameTails = []string{
	"كبير", "صغير", "كبيرة", "صغيرة", "الكبير", "الصغير", "الكبيرة", "الصغيرة", "الكبرى", "الصغرى",
	"فوقاني", "تحتاني", "الفوقاني", "التحتاني", "الفوقا", "التحتا", "الفوقانية", "التحتانية",
	"شرقي", "غربي", "شمالي", "جنوبي", "الشرقي", "الغربي", "الشمالي", "الجنوبي",
	"الشرقية", "الغربية", "الشمالية", "الجنوبية", "الجديد", "الجديدة", "القديم", "القديمة", "البلد",
}

// featureTails are adjectives a report adds after a feature's name that
// are not part of it (تل الحارة العسكري, قاعدة حميميم الجوية).
var featureTails = []string{
	"العسكري", "العسكرية", "الجوي", "الجوية", "الحربي", "الحربية", "الاستراتيجي", "الاستراتيجية",
	"الإستراتيجي", "الإستراتيجية", "الدولي", "الحدودي", "الحدودية", "النفطي", "النفطية", "المحاذي", "المحاذية",
}

// stopWords are function words, time words and common nouns and
// adjectives that follow a place-type word without being a name
// ("منطقة عسكرية", "قرية مجاورة", "مدينة في", "منطقة خفض التصعيد").
var stopWords = []string{
	// prepositions, particles, pronouns, demonstratives, relatives
	"في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "حتى", "منذ", "نحو", "ضد", "عبر", "خلال",
	"بعد", "قبل", "عند", "لدى", "حول", "تحت", "فوق", "داخل", "خارج", "أمام", "وراء", "خلف", "دون",
	"بدون", "عدا", "سوى", "غير", "كل", "بعض", "جميع", "كافة", "عدة", "عدد", "أي", "أية", "ذلك", "تلك",
	"هذه", "هذا", "هذان", "هاتان", "هاتين", "هذين", "هؤلاء", "أولئك", "الذي", "التي", "الذين", "اللذين",
	"اللتين", "اللواتي", "ما", "ماذا", "لماذا", "كيف", "أين", "متى", "لا", "لم", "لن", "قد", "لقد",
	"إن", "أن", "إنه", "أنه", "أنها", "إنها", "كان", "كانت", "يكون", "تكون", "ليس", "ليست", "ثم", "أو",
	"بل", "لكن", "لكنه", "حيث", "كما", "إذا", "لو", "هو", "هي", "هم", "هن", "نحن", "أنا", "أنت",
	"هناك", "هنا", "الآن", "ايضا", "أيضا", "فقط", "وسط", "شمالها", "جنوبها", "شرقها", "غربها", "فيها",
	"منها", "عليها", "إليها", "بها", "لها", "فيه", "منه", "عليه", "به", "له", "نفسها", "ذاتها", "نفسه",
	"ذاته", "بأكملها", "كلها", "بكاملها", "يا", "إلا", "بينما", "فيما", "عندما", "رغم", "بسبب", "جراء",
	"إثر", "عقب", "تجاه", "باتجاه", "اتجاه", "حوالي", "نحو",
	// time
	"اليوم", "أمس", "غدا", "صباح", "مساء", "ليل", "ليلة", "فجر", "ظهر", "عصر", "ظهيرة", "الأحد",
	"الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "يوم", "أيام", "ساعة",
	"ساعات", "الأسبوع", "الشهر", "العام", "عام", "شهر", "أسبوع", "مؤخرا", "سابقا", "حاليا",
	// common nouns and adjectives after type words
	"أخرى", "الأخرى", "آخر", "الآخر", "مجاورة", "المجاورة", "مجاور", "المجاور", "قريبة", "القريبة",
	"قريب", "القريب", "بعيدة", "البعيدة", "كبيرة", "صغيرة", "كبير", "صغير", "واحدة", "واحد", "عسكرية",
	"العسكرية", "سكنية", "السكنية", "صناعية", "الصناعية", "زراعية", "الزراعية", "حدودية", "الحدودية",
	"آمنة", "الآمنة", "محاصرة", "المحاصرة", "محررة", "المحررة", "مدمرة", "المدمرة", "جديدة", "الجديدة",
	"قديمة", "القديمة", "عازلة", "العازلة", "منزوعة", "خفض", "سيطرة", "السيطرة", "نفوذ", "حظر",
	"عمليات", "العمليات", "اشتباكات", "الاشتباكات", "المعارك", "معارك", "القتال", "قتال", "الاشتباك",
	"التماس", "تماس", "النزاع", "الصراع", "العمليات", "استراتيجية", "الاستراتيجية", "إستراتيجية",
	"حيوية", "هامة", "مهمة", "واسعة", "نائية", "النائية", "سورية", "سوري", "السورية", "عراقية",
	"لبنانية", "تركية", "أردنية", "روسية", "إيرانية", "الحدود", "حدود", "المحيطة", "المذكورة",
	"المنكوبة", "منكوبة", "مأهولة", "خالية", "ريفية", "الريفية", "مفتوحة", "مغلقة", "المدينة",
	"القرية", "البلدة", "المنطقة", "الحي", "المحافظة", "الريف", "البادية", "النظام", "المعارضة",
	"التنظيم", "الدولة", "الجيش", "القوات", "قوات", "الفصائل", "فصائل", "المسلحين", "الثوار", "عناصر",
	"الأهالي", "السكان", "المدنيين", "مدنيين", "النازحين", "الطيران", "الطائرات", "غارات", "الغارات",
	"قصف", "القصف", "هجوم", "الهجوم", "معركة", "المعركة", "تقدم", "انسحاب", "اتفاق", "الاتفاق",
	"هدنة", "الهدنة", "التصعيد", "تصعيد", "الأمن", "أمنية", "الأمنية", "مركز", "المركز", "مقر", "المقر",
	"نقطة", "نقاط", "موقع", "مواقع", "محور", "محاور", "جبهة", "جبهات", "أطراف", "محيط", "أغلب", "معظم",
	"أكثر", "أقل", "نصف", "ثلث", "ربع", "بأكمله", "كامل", "كاملة", "بشكل", "شبه", "بالكامل",
	// common geographic nouns with the article: anaphora ("شرق النهر"), not names
	"النهر", "الجسر", "الضفة", "الطريق", "السهل", "الوادي", "التلة", "المطار", "القاعدة", "المعبر",
	"السد", "المخيم", "الحاجز", "الساحة", "الشارع", "السوق", "المدرسة", "المشفى", "المستشفى",
	"الجامع", "المسجد", "الكنيسة", "المحطة", "المعمل", "الحقل", "المزرعة", "القرى", "البلدات",
	"الأحياء", "المناطق", "المدن", "البلاد", "العاصمة", "الجبهة", "الناحية", "الضواحي", "الأطراف",
	"الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "الداخل", "الخارج",
	"اللاجئين", "النازحين", "المهجرين", "الفلسطينيين", "العائدين",
	"محتلة", "المحتلة", "تاريخية", "التاريخية", "أثرية", "الأثرية", "عريقة", "كبرى", "صغرى", "ساحلية",
	"الساحلية", "جبلية", "الجبلية", "شعبي", "الشعبي", "شعبية", "الشعبية", "عديدة", "كثيرة", "مختلفة",
	"متعددة", "شتى", "المختلفة", "حربي", "الحربي", "عسكري", "مدني", "المدني", "جوي", "بحري", "دولي",
	"رئيسي", "الرئيسي", "رئيسية", "الرئيسية", "صناعي", "تجاري", "التجاري", "سكني", "السكني",
	// ordinals ("منطقة رابعة", "المدينة الثانية")
	"أولى", "ثانية", "ثالثة", "رابعة", "خامسة", "سادسة", "سابعة", "ثامنة", "تاسعة", "عاشرة",
	"الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
	"العاشرة", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
	"التاسع", "العاشر", "أول", "ثاني", "ثالث", "رابع", "خامس",
}

// personWords come before a person's or family's name: a place name right
// after one is part of the person's name (آل بعاج, أبو عمر, ابن تيمية).
var personWords = []string{"آل", "أبو", "أبي", "أبا", "أم", "ابن", "بن", "بنت", "ابنة", "السيد", "الشيخ", "المدعو", "الشهيد", "الناشط", "الإعلامي", "الصحفي", "الطبيب", "سيدي"}

// quantityWords count the noun after them: "عدة قرى", "60 قرية" is a count,
// not a place.
var quantityWords = []string{"عدة", "بضع", "بضعة", "عشرات", "مئات", "آلاف", "بعض", "معظم", "أغلب", "كل", "جميع", "كافة", "عدد", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"}

// lexFlag is a bit set of lexical classes of a word form.
type lexFlag uint16

const (
	lexStop      lexFlag = 1 << iota // a function word or common noun: never a new name
	lexDirection                     // شرق, غربي, ...
	lexNear                          // قرب, محيط, ...
	lexHead                          // أبو, تل, خربة, ...: begins a two-word name
	lexTail                          // كبير, الشرقي, ...: may end a name
	lexFeatTail                      // العسكري, ...: follows a feature name, not part of it
	lexIn                            // the preposition في
	lexToward                        // في، إلى، نحو، باتجاه: a preposition of place
	lexPerson                        // آل، أبو، ابن: a person's name follows
	lexQuantity                      // عدة، عشرات: a count follows
)

// wordEntry is what the matcher knows about one folded word form.
type wordEntry struct {
	node  int32   // trie node reached from the root by this word; 0 = none
	cue   int16   // index+1 into matcher.cues; 0 = not a cue
	flags lexFlag //
}

// addLexicon adds the cue and word lists to m.words.
func (m *matcher) addLexicon() {
	set := func(w string, f func(e *wordEntry)) {
		k := arabic.Fold(w)
		e := m.words[k]
		f(&e)
		m.words[k] = e
	}
	for _, c := range cueForms {
		for n, forms := range [][]string{c.sg, c.du, c.pl} {
			for _, w := range forms {
				d := cueDef{lemma: c.lemma, class: c.class, kind: c.kind, count: uint8(n + 1), admit: c.admit}
				m.cues = append(m.cues, d)
				idx := int16(len(m.cues))
				set(w, func(e *wordEntry) { e.cue = idx })
			}
		}
	}
	for _, list := range []struct {
		words []string
		flag  lexFlag
	}{
		{stopWords, lexStop}, {nameHeads, lexHead}, {nameTails, lexTail}, {featureTails, lexFeatTail},
		{nearWords, lexNear}, {personWords, lexPerson}, {quantityWords, lexQuantity},
	} {
		for _, w := range list.words {
			set(w, func(e *wordEntry) { e.flags |= list.flag })
		}
	}
	for _, w := range directionWords {
		if !strings.Contains(w, " ") {
			set(w, func(e *wordEntry) { e.flags |= lexDirection })
		}
	}
	set("في", func(e *wordEntry) { e.flags |= lexIn })
	for _, w := range []string{"في", "إلى", "الى", "نحو", "باتجاه", "اتجاه", "حتى"} {
		set(w, func(e *wordEntry) { e.flags |= lexToward })
	}
}
