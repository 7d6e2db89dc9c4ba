package document

import "strings"

// reason is a removal reason; its String form is the machine-readable
// Removal.Reason.
type reason uint8

const (
	rNone reason = iota
	rNavigation
	rShare
	rCommentForm
	rRelated
	rByline
	rDateline
	rSiteName
	rCopyright
	rTimestamp
	rMedia
	rHeader
	rRepeatedArticle
	rRepeatedHeading
	rTeaser
	rDuplicate
	rSpaceBeforePunct
	rSpaceInBrackets
	rExtraSpace
	rTrailingSpace
	rBlankLines
	rTatweel
	rControl
	nReasons
)

var reasonNames = [nReasons]string{
	rNone:             "",
	rNavigation:       "navigation",
	rShare:            "share-widget",
	rCommentForm:      "comment-form",
	rRelated:          "related-links",
	rByline:           "byline",
	rDateline:         "dateline",
	rSiteName:         "site-name",
	rCopyright:        "copyright",
	rTimestamp:        "timestamp",
	rMedia:            "media",
	rHeader:           "header",
	rRepeatedArticle:  "repeated-article",
	rRepeatedHeading:  "repeated-heading",
	rTeaser:           "teaser",
	rDuplicate:        "duplicate-paragraph",
	rSpaceBeforePunct: "space-before-punct",
	rSpaceInBrackets:  "space-in-brackets",
	rExtraSpace:       "extra-space",
	rTrailingSpace:    "trailing-space",
	rBlankLines:       "blank-lines",
	rTatweel:          "tatweel",
	rControl:          "control-char",
}

func (r reason) String() string {
	if r < nReasons {
		return reasonNames[r]
	}
	return "unknown"
}

// isSpacing reports the reasons of the character-level spacing pass.
func (r reason) isSpacing() bool {
	return r == rExtraSpace || r == rTrailingSpace || r == rBlankLines
}

// phrase is one entry of the clutter lexicon: a sequence of word keys.
type phrase struct {
	words  []string
	kind   kind
	reason reason
	flags  uint16 // fSection / fEnd markers
}

// The lexicon: boilerplate of Arabic and English news-site interfaces.
// Strong phrases are clutter wherever they stand; weak ones only inside a
// run of clutter. Written in ordinary spelling; keys are folded at init.
var lexicon = []struct {
	kind   kind
	reason reason
	flags  uint16
	list   string // phrases separated by "|"
}{
	// --- share / print / font widgets
	{kStrong, rShare, 0, "حجم الخط|تكبير الخط|تصغير الخط|تغيير حجم الخط|حجم النص|ع ع ع|أرسل لصديق|ارسل لصديق|إرسال لصديق|أرسل إلى صديق|" +
		"شارك على|شارك عبر|شارك الخبر|شارك المقال|شارك الموضوع|شارك هذا|شارك هذا المقال|شارك هذا الخبر|شارك تعليقك|شاركها|شارك :|" +
		"انشر على|مشاركة على|مشاركة عبر|مشاركة الخبر|مشاركة المقال|على مواقع التواصل الاجتماعي|عبر مواقع التواصل الاجتماعي|" +
		"نسخ الرابط|الرابط المختصر|رابط مختصر|انسخ الرابط|طباعة الخبر|طباعة المقال|طباعة الصفحة|نسخة للطباعة|أرسل بالبريد|" +
		"share this|share on|share article|tweet|print this|print article|email this|send to a friend|font size|whatsapp|telegram|pinterest|linkedin|google+|messenger|reddit|tumblr"},
	{kWeak, rShare, 0, "شارك|مشاركة|طباعة|اطبع|تويتر|فيسبوك|فيس بوك|الفيسبوك|واتساب|واتس اب|واتس آب|تلغرام|تيليجرام|تليجرام|يوتيوب|انستغرام|إنستغرام|انستقرام|جوجل بلس|" +
		"لينكد إن|بريد إلكتروني|facebook|twitter|youtube|instagram|email|e-mail|print|share|rss|google"},

	// --- comment, login and newsletter forms
	{kStrong, rCommentForm, 0, "أضف تعليق|أضف تعليقك|أضف تعليقا|اضف تعليق|اترك تعليقا|اترك تعليق|اترك رد|اترك ردا|أترك تعليقا|قم بكتابة اول تعليق|كن أول من يعلق|كن أول من يعلق على|" +
		"لا توجد تعليقات|لا يوجد تعليقات|لا تعليقات|عدد التعليقات|تعليقات الفيسبوك|تعليقات فيسبوك|التعليقات المنشورة|" +
		"لن يتم نشر بريدك الإلكتروني|لن يتم نشر عنوان بريدك الإلكتروني|لن يتم نشر بريدك الالكتروني|لن يتم نشر عنوان البريد الإلكتروني|" +
		"الحقول المطلوبة|الحقول المطلوبة مشار إليها|الحقول الإلزامية|الحقول الإلزامية مشار إليها|جميع الحقول المعلمة|الحقول المعلمة|الحقول التي عليها علامة|" +
		"اسم المستخدم|كلمة السر|كلمة المرور|نسيت كلمة المرور|نسيت كلمة السر|تسجيل الدخول|تسجيل خروج|تسجيل الخروج|إنشاء حساب|انشاء حساب|" +
		"خطأ في اسم المستخدم|الرجاء إدخال المعلومات بشكل صحيح|يرجى إدخال|أدخل بريدك الإلكتروني|أدخل بريدك الالكتروني|أدخل البريد الإلكتروني|" +
		"عنوان البريد الإلكتروني|اشترك في النشرة|اشترك في النشرة البريدية|اشترك في نشرتنا|اشترك الآن|النشرة البريدية|النشرة الإخبارية|القائمة البريدية|" +
		"أدخل الرمز الذي في الصورة|حفظ التعليق|إرسال التعليق|أرسل تعليقك|تعليقك|الاسم المستعار|الملف الشخصي|" +
		"leave a reply|leave a comment|your email address will not be published|required fields are marked|post comment|submit comment|" +
		"sign in|sign up|log in|log out|login|logout|register|subscribe|newsletter|email address|username|password|forgot password|" +
		"user login|no comments|add comment"},
	{kWeak, rCommentForm, 0, "البريد الإلكتروني|البريد الالكتروني|الاسم|الموقع الإلكتروني|التعليقات|تعليقات|welcome|comments|name|website|comment|submit|send"},

	// --- related / most read / tags: section markers that open a page tail
	{kStrong, rRelated, fSection | fInline, "اقرأ أيضا|اقرأ ايضا|إقرأ أيضا|اقرأ كذلك|اقرا ايضا|اقرأ المزيد|إقرأ المزيد|أقرأ أيضا|" +
		"شاهد أيضا|شاهد ايضا|انظر أيضا|read more|read also|see also"},
	{kStrong, rRelated, fSection, "متعلقات|أخبار متعلقة|أخبار ذات صلة|اخبار ذات صلة|مواضيع ذات صلة|مواضيع متعلقة|مقالات ذات صلة|مقالات متعلقة|روابط ذات صلة|روابط ذات علاقة|تغطية ذات صلة|" +
		"موضوعات ذات صلة|موضوعات متعلقة|قصص ذات صلة|عناوين ذات صلة|فيديوهات ذات صلة|أخبار مشابهة|مواضيع مشابهة|مقالات مشابهة|" +
		"الأكثر قراءة|الاكثر قراءة|الأكثر مشاهدة|الأكثر تداولا|الأكثر تعليقا|الأكثر شعبية|الأكثر مشاركة|الأكثر زيارة|الأكثر قراءة اليوم|" +
		"أحدث الأخبار|آخر الأخبار|آخر الاخبار|اخر الاخبار|أحدث المقالات|أحدث المواضيع|آخر المقالات|أخبار أخرى|المزيد من الأخبار|مزيد من الأخبار|" +
		"اختيارات المحرر|اختيار المحرر|قد يعجبك أيضا|قد يعجبك ايضا|وقد يعجبك أيضا|ربما يعجبك أيضا|قد يهمك أيضا|قد يهمك|ربما يعجبك|مواضيع ممكن أن تعجبك|" +
		"كلمات دلالية|الكلمات الدلالية|كلمات مفتاحية|الكلمات المفتاحية|الوسوم|وسوم|أهم العناوين|أهم الأخبار|تابعونا على|تابعنا على|تابعونا|" +
		"related articles|related news|related stories|related posts|most read|most popular|most viewed|you may also like|tags|trending"},

	// --- copyright and footer: end markers
	{kStrong, rCopyright, fEnd, "جميع الحقوق محفوظة|كل الحقوق محفوظة|جميع حقوق النشر محفوظة|حقوق النشر محفوظة|حقوق الطبع محفوظة|جميع حقوق الطبع محفوظة|" +
		"الحقوق محفوظة|حقوق النشر|تصميم وتطوير|برمجة وتطوير|تصميم وبرمجة|تطوير وتصميم|برمجة وتصميم|" +
		"all rights reserved|copyright|powered by|designed by|developed by|privacy policy|terms of use|terms of service|©|" +
		"ليست مسؤولة عن محتوى المواقع الخارجية|غير مسؤول عن محتوى المواقع الخارجية|المقالات تعبر عن رأي كتابها|نستخدم ملفات تعريف الارتباط|ملفات تعريف الارتباط|" +
		"uses cookies|is using cookies|we use cookies|cookie policy"},
	{kStrong, rCopyright, 0, "سياسة الخصوصية|شروط الاستخدام|اتفاقية الاستخدام|اتصل بنا|من نحن|خريطة الموقع|أعلن معنا|للإعلان معنا|" +
		"contact us|about us|sitemap|advertise"},

	// --- navigation
	{kStrong, rNavigation, 0, "الصفحة الرئيسية|main navigation|secondary navigation|navigation|skip to content|تخطي إلى المحتوى|القائمة الرئيسية|" +
		"ابحث|بحث متقدم|search|menu|التذييل|أرشيف يوم|عودة إلى الأعلى|العودة للأعلى|إلى الأعلى|back to top|next article|previous article|المقال التالي|المقال السابق|الخبر التالي|الخبر السابق|مواضيع مميزة"},
	{kWeak, rNavigation, 0, "الرئيسية|بحث|القائمة|الأرشيف|أرشيف|home|english|français|english version|more|المزيد|عاجل|مباشر|breaking|live"},

	// --- media and ad placeholders
	{kStrong, rMedia, 0, "your browser does not support the video tag|your browser does not support|متصفحك لا يدعم|لا يدعم متصفحك|advertisement|مساحة إعلانية|" +
		"تشغيل الفيديو|شاهد الفيديو|شاهد بالفيديو|اضغط هنا|انقر هنا|click here"},

	// --- time labels; dates and times themselves are recognized in dates.go
	{kStrong, rTimestamp, 0, "آخر تحديث|اخر تحديث|تاريخ النشر|تاريخ التحديث|تحديث الموقع|رقم العدد|العدد رقم|last updated"},
	{kWeak, rTimestamp, 0, "محدثة|محدث|نشر في|نشر بتاريخ|نشر يوم|تم النشر|تم التحديث|updated|published|" +
		"بتوقيت دمشق|بتوقيت مكة|بتوقيت مكة المكرمة|بتوقيت غرينتش|بتوقيت القدس|بتوقيت بيروت|بتوقيت القاهرة|بتوقيت بغداد|بتوقيت الرياض|بتوقيت أنقرة|بتوقيت إسطنبول"},
}

// monthNames maps folded month names (Syriac, Egyptian/Gulf Latin-derived,
// Maghrebi, English and Hijri) to month numbers; Hijri months get 101-112.
var monthNames = map[string]int{}

func init() {
	add := func(m int, names ...string) {
		for _, n := range names {
			monthNames[strings.Join(titleKeys(n), " ")] = m
		}
	}
	add(1, "كانون الثاني", "يناير", "جانفي", "january", "jan")
	add(2, "شباط", "فبراير", "فيفري", "february", "feb")
	add(3, "آذار", "اذار", "مارس", "march", "mar")
	add(4, "نيسان", "أبريل", "ابريل", "إبريل", "أفريل", "april", "apr")
	add(5, "أيار", "ايار", "مايو", "ماي", "may")
	add(6, "حزيران", "يونيو", "يونيه", "جوان", "june", "jun")
	add(7, "تموز", "يوليو", "يوليه", "جويلية", "july", "jul")
	add(8, "آب", "أغسطس", "اغسطس", "أوت", "august", "aug")
	add(9, "أيلول", "ايلول", "سبتمبر", "september", "sep", "sept")
	add(10, "تشرين الأول", "أكتوبر", "اكتوبر", "october", "oct")
	add(11, "تشرين الثاني", "نوفمبر", "نونبر", "november", "nov")
	add(12, "كانون الأول", "ديسمبر", "دجنبر", "december", "dec")
	add(101, "محرم")
	add(102, "صفر")
	add(103, "ربيع الأول")
	add(104, "ربيع الثاني", "ربيع الآخر")
	add(105, "جمادى الأولى", "جمادى الأول")
	add(106, "جمادى الآخرة", "جمادى الثانية")
	add(107, "رجب")
	add(108, "شعبان")
	add(109, "رمضان")
	add(110, "شوال")
	add(111, "ذو القعدة")
	add(112, "ذو الحجة")

	for _, grp := range lexicon {
		for _, p := range strings.Split(grp.list, "|") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			var words []string
			for _, w := range strings.Fields(p) {
				k := normKey(w)
				if k == "" {
					k = w // punctuation words such as "(" or "©" match literally
				}
				words = append(words, k)
			}
			ph := &phrase{words: words, kind: grp.kind, reason: grp.reason, flags: grp.flags}
			phraseIndex[words[0]] = append(phraseIndex[words[0]], ph)
		}
	}
	// longest phrases first so the longest match wins
	for k, l := range phraseIndex {
		for i := 1; i < len(l); i++ {
			for j := i; j > 0 && len(l[j].words) > len(l[j-1].words); j-- {
				l[j], l[j-1] = l[j-1], l[j]
			}
		}
		phraseIndex[k] = l
	}
	for _, w := range strings.Fields(stopList) {
		stopWords[normKey(w)] = true
		lex[normKey(w)] |= lStop
	}
	for _, w := range strings.Fields(navList) {
		navWords[normKey(w)] = true
		lex[normKey(w)] |= lNav
	}
	for k := range phraseIndex {
		lex[k] |= lPhrase
	}
	for k := range monthNames {
		lex[strings.Fields(k)[0]] |= lDate
	}
	for _, w := range []string{"قبل", "منذ", "ago"} {
		lex[normKey(w)] |= lDate
	}
	size := uint32(1)
	for size < uint32(len(lex))*4 {
		size <<= 1
	}
	lexTable.ent = make([]lexEntry, size)
	lexTable.mask = size - 1
	for k, v := range lex {
		if k == "" {
			continue
		}
		lexMaxLen = max(lexMaxLen, len(k))
		h := quickHash(k)
		i := h & lexTable.mask
		for lexTable.ent[i].key != "" {
			i = (i + 1) & lexTable.mask
		}
		lexTable.ent[i] = lexEntry{key: k, phr: phraseIndex[k], hash: h, info: v}
	}
	for k := range phraseIndex {
		if k != "" && k[0] < 0x80 && !asciiPunct[k[0]] {
			continue
		}
		if k != "" {
			fillerPhraseByte[k[0]] = true
		}
	}
}

// fillerPhraseByte marks the first bytes of lexicon phrases that start
// with punctuation ("©", "(").
var fillerPhraseByte [256]bool

// Word classes looked up once per token.
const (
	lStop   = 1 << iota // function word
	lNav                // menu word
	lPhrase             // first word of a lexicon phrase
	lDate               // may start a date expression (month name, قبل، منذ)
)

// lex maps a word key to its classes.
var lex = map[string]uint8{}

// lexTable is an open-addressing copy of lex (and of phraseIndex) for the
// per-token lookup: one probe usually touches one entry.
var lexTable struct {
	ent  []lexEntry
	mask uint32
}

type lexEntry struct {
	key  string
	phr  []*phrase // phrases starting with the key, longest first
	hash uint32
	info uint8
}

// quickHash mixes a key's length and its first and last bytes.
func quickHash(k string) uint32 {
	n := len(k)
	if n == 0 {
		return 0
	}
	h := uint32(n) * 0x9E3779B1
	h ^= uint32(k[0]) | uint32(k[n-1])<<8
	if n > 1 {
		h ^= uint32(k[1])<<16 | uint32(k[n-2])<<24
	}
	if n > 3 {
		h ^= uint32(k[n/2]) * 0x27D4EB2D
	}
	h *= 0x85EBCA6B
	return h ^ h>>15
}

// lexLookup returns the word classes of key k and the lexicon phrases
// that start with it.
func lexLookup(k string) (uint8, []*phrase) {
	if len(k) > lexMaxLen {
		return 0, nil
	}
	h := quickHash(k)
	for i := h & lexTable.mask; ; i = (i + 1) & lexTable.mask {
		e := &lexTable.ent[i]
		if e.hash == h && e.key == k {
			return e.info, e.phr
		}
		if e.key == "" {
			return 0, nil
		}
	}
}

// lexMaxLen is the length of the longest key in lex.
var lexMaxLen int

var phraseIndex = map[string][]*phrase{}

// stopWords are function words: a stretch of text that has them reads as
// prose, a stretch that has none reads as a menu or a headline.
var stopWords = map[string]bool{}

const stopList = `في من على إلى الى عن أن إن ان التي الذي الذين اللذين اللتين اللواتي مع بعد قبل حتى منذ خلال بين كما أو او ثم قد لقد
كان كانت يكون تكون هذا هذه ذلك تلك هؤلاء هو هي هم هما نحن أنا ما لا لم لن إلا الا قال قالت وقال وقالت حيث عند ضد نحو أي كل بعض غير
فيما بينما لكن ولكن أنه إنه أنها إنها أنهم وقد وفي ومن وعلى وإلى وعن وأن ولم ولا وهو وهي وكان وكانت فقد كذلك أيضا إذ إذا وذلك التى لدى
عليه عليها إليه منه منها فيه فيها به بها له لها لهم عليهم أمام وراء دون سوى عبر إثر جراء وسط بسبب بحسب وفق وفقا اليوم أمس
the of and to in is was are were a an for on with by from that this which at as it be has have had not`

// navWords are typical menu items (site sections).
var navWords = map[string]bool{}

const navList = `الرئيسية أخبار الأخبار اخبار سياسة السياسة اقتصاد الاقتصاد رياضة الرياضة ثقافة الثقافة فن الفن فنون منوعات تكنولوجيا التكنولوجيا تقنية
صحة الصحة علوم محليات محلي دولي دولية عربي عربية عالمي العالم العربي تقارير مقالات مقال رأي الرأي حوارات حوار ملفات فيديو الفيديو صور الصور
إنفوغراف انفوجراف بودكاست برامج البرامج النشرة حصاد سوريا العراق لبنان مصر فلسطين اليمن الخليج المغرب أفريقيا أوروبا أمريكا آسيا
مجتمع المجتمع أعمال مال بورصة سيارات سياحة مرأة المرأة شباب تعليم بيئة طقس الطقس كاريكاتير أرشيف الأرشيف
خدمات الخدمات تطبيقات home news world politics business economy sports sport culture opinion video videos photos
tech technology health science`
