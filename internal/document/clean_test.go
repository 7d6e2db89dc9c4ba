package document

import (
	"strings"
	"testing"
)

// hasReason reports whether a removal with reason r covers text containing sub.
func hasReason(rem []Removal, r, sub string) bool {
	for _, x := range rem {
		if x.Reason == r && strings.Contains(x.Text, sub) {
			return true
		}
	}
	return false
}

func TestCleanRules(t *testing.T) {
	body := "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة اللطامنة في ريف حماة الشمالي صباح اليوم ."
	body2 := "وقالت مصادر محلية إن القصف طال منازل المدنيين وسط البلدة وأدى إلى دمار كبير في الممتلكات ."
	tests := []struct {
		name   string
		in     string
		want   string   // exact clean text, when set
		keep   []string // substrings that must stay
		gone   []string // substrings that must go
		reason []string // reason:substring pairs that must be among the removals
	}{
		{
			name: "space before punctuation, not inside numbers",
			in:   "قصفت الطائرات البلدة , بينما استمرت المعارك ؛ وقتل 3 . 5 آلاف ؟ وفي 15 . 04 . 2017 الساعة 21 : 24 انتهى .",
			want: "قصفت الطائرات البلدة, بينما استمرت المعارك؛ وقتل 3 . 5 آلاف؟ وفي 15 . 04 . 2017 الساعة 21 : 24 انتهى.",
		},
		{
			name: "ellipsis spaced out becomes ...",
			in:   "عاد الطيران بعد ذلك . . . ثم انسحب .",
			want: "عاد الطيران بعد ذلك... ثم انسحب.",
		},
		{
			name: "dash kept, brackets tightened",
			in:   "طريق حلب - دمشق الدولي ( M5 ) مقطوع .",
			want: "طريق حلب - دمشق الدولي (M5) مقطوع.",
		},
		{
			name: "tatweel between letters, standalone dash-tatweel kept",
			in:   "دخلت القوات مـــدينة الرقـة .\nبيروت ـ دمشق .",
			want: "دخلت القوات مدينة الرقة.\nبيروت ـ دمشق.",
		},
		{
			name: "blank lines, trailing and leading spaces, CR",
			in:   "\n\n  السطر الأول .  \r\n\r\n\r\n\r\nالسطر الثاني .\n\n\n",
			want: "السطر الأول.\n\nالسطر الثاني.",
		},
		{
			name: "runs of spaces and no-break spaces",
			in:   "قتل\u00a0\u00a0\u00a0أربعة    أشخاص\u00a0في الغارة .",
			want: "قتل\u00a0أربعة أشخاص\u00a0في الغارة.", // deletion only: one of the run stays
		},
		{
			name: "invisible marks removed, diacritics kept",
			in:   "\u200fقَتَلَ\u200e مسلحون شخصين\u200b .",
			want: "قَتَلَ مسلحون شخصين.",
		},
		{
			name:   "share widget line",
			in:     body + "\nشارك : فيسبوك تويتر واتساب طباعة حجم الخط\n" + body2,
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"share-widget:فيسبوك"},
		},
		{
			name:   "comment form and login",
			in:     body + "\n" + body2 + "\nأضف تعليقك\nلن يتم نشر عنوان بريدك الإلكتروني . الحقول المطلوبة مشار إليها ب *\nاسم المستخدم أو كلمة السر",
			keep:   []string{"اللطامنة", "الممتلكات"},
			gone:   []string{"تعليقك", "بريدك", "كلمة السر"},
			reason: []string{"comment-form:لن يتم نشر"},
		},
		{
			name:   "related links and copyright tail",
			in:     body + "\n" + body2 + "\n" + body + "\nأخبار ذات صلة\nقصف على ريف إدلب\nنزوح من ريف حماة\nجميع الحقوق محفوظة 2019 © موقع الأخبار",
			keep:   []string{"الممتلكات"},
			gone:   []string{"أخبار ذات صلة", "نزوح من ريف حماة", "جميع الحقوق"},
			reason: []string{"related-links:أخبار ذات صلة", "copyright:جميع الحقوق محفوظة"},
		},
		{
			name:   "read more link inside the article is not a tail",
			in:     body + "\n" + body2 + "\nاقرأ المزيد وأضافت المصادر أن فرق الإسعاف نقلت الجرحى إلى مشفى ميداني في بلدة كفرزيتا القريبة من موقع القصف .\n" + body2,
			keep:   []string{"فرق الإسعاف نقلت الجرحى"},
			reason: []string{"related-links:اقرأ المزيد"},
		},
		{
			name:   "header timestamp and login error mixed with the headline",
			in:     "2018 / 5 / 3 الساعة 10 : 15 ( مكة المكرمة ) خطأ في اسم المستخدم أو كلمة السر حجم الخط قصف على اللطامنة " + body + "\n" + body2,
			keep:   []string{"قصف على اللطامنة", "قتل ثلاثة مدنيين"},
			gone:   []string{"مكة المكرمة", "كلمة السر", "حجم الخط", "الساعة 10"},
			reason: []string{"timestamp:2018 / 5 / 3", "comment-form:خطأ في اسم المستخدم", "share-widget:حجم الخط"},
		},
		{
			name:   "headline repeated in the page header",
			in:     "قصف مدفعي على ريف حماة | موقع الأخبار | قصف مدفعي على ريف حماة " + body + "\n" + body2,
			want:   "قصف مدفعي على ريف حماة " + strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"repeated-heading:قصف مدفعي", "site-name:موقع الأخبار"},
		},
		{
			name:   "title line repeated as the first body line",
			in:     "قصف مدفعي على ريف حماة الشمالي\nقصف مدفعي على ريف حماة الشمالي\n" + body + "\n" + body2,
			want:   "قصف مدفعي على ريف حماة الشمالي\n" + strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"repeated-heading:قصف مدفعي"},
		},
		{
			name:   "duplicate paragraph keeps the first",
			in:     body + "\n" + body2 + "\n" + body,
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"duplicate-paragraph:اللطامنة"},
		},
		{
			name:   "near-identical duplicate (spacing, diacritics) is a duplicate",
			in:     body + "\n" + body2 + "\n" + strings.ReplaceAll(strings.ReplaceAll(body, " ", "  "), "قتل", "قُتِل"),
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"duplicate-paragraph:اللطامنة"},
		},
		{
			name:   "teaser before the full paragraph",
			in:     "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة ...\n" + body + "\n" + body2,
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"teaser:..."},
		},
		{
			name:   "navigation menu line",
			in:     "الرئيسية سياسة اقتصاد رياضة ثقافة منوعات فيديو\n" + body + "\n" + body2,
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"navigation:رياضة"},
		},
		{
			name:   "byline line becomes metadata",
			in:     "بقلم : أحمد العلي\n" + body + "\n" + body2,
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"byline:أحمد العلي"},
		},
		{
			name:   "dateline line becomes metadata",
			in:     "حلب - ( وكالات ) -\n" + body + "\n" + body2,
			want:   strings.ReplaceAll(body, " .", ".") + "\n" + strings.ReplaceAll(body2, " .", "."),
			reason: []string{"dateline:حلب"},
		},
		{
			name: "dateline opening the first sentence stays in the text",
			in:   "إدلب - " + body + "\n" + body2,
			keep: []string{"إدلب - قتل ثلاثة"},
		},
		{
			name: "a date inside a sentence stays",
			in:   "وفي 12 / 3 / 2019 قتل ثلاثة مدنيين في قصف استهدف بلدة اللطامنة في ريف حماة الشمالي .\n" + body2,
			keep: []string{"وفي 12 / 3 / 2019 قتل"},
		},
		{
			name: "video placeholder",
			in:   body + "\nYour browser does not support the video tag .\n" + body2,
			gone: []string{"browser"},
		},
		{
			name: "words are never changed",
			in:   "قال المرصد إن القوات «التركية» قصفت قرية الياسطي , وإن أطفالاً قُتلوا .",
			want: "قال المرصد إن القوات «التركية» قصفت قرية الياسطي, وإن أطفالاً قُتلوا.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, rem, _ := Clean(tc.in)
			checkInvariants(t, tc.in, text, rem)
			if tc.want != "" && text != tc.want {
				t.Errorf("text:\n got  %q\n want %q", text, tc.want)
			}
			for _, k := range tc.keep {
				if !strings.Contains(text, k) {
					t.Errorf("lost %q; text %q", k, text)
				}
			}
			for _, g := range tc.gone {
				if strings.Contains(text, g) {
					t.Errorf("kept %q; text %q", g, text)
				}
			}
			for _, rs := range tc.reason {
				r, sub, _ := strings.Cut(rs, ":")
				if !hasReason(rem, r, sub) {
					t.Errorf("no %q removal containing %q; removals %v", r, sub, rem)
				}
			}
		})
	}
}

func TestCleanMeta(t *testing.T) {
	in := "2017 / 8 / 4 الساعة 13 : 56 ( مكة المكرمة ) حجم الخط\n" +
		"خرق للهدنة في ريف حمص الشمالي\n" +
		"كتب : عمر الأحمد\n" +
		"حمص - خاص -\n" +
		"قتل عنصر من فصائل المعارضة وأصيب ستة آخرون في قصف مدفعي استهدف قرية الفرحانية فجر اليوم الجمعة .\n" +
		"وقالت المصادر إن القصف جاء بعد ساعات من دخول اتفاق وقف إطلاق النار حيز التنفيذ ."
	_, _, m := Clean(in)
	if m.Published != "2017-08-04" {
		t.Errorf("Published = %q", m.Published)
	}
	if m.Author != "عمر الأحمد" {
		t.Errorf("Author = %q", m.Author)
	}
	if m.Dateline != "حمص - خاص -" {
		t.Errorf("Dateline = %q", m.Dateline)
	}
	if m.Title != "خرق للهدنة في ريف حمص الشمالي" {
		t.Errorf("Title = %q", m.Title)
	}
}

func TestCleanEmptyAndTiny(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", ".", "ـ", "\u00a0", "a", "جميع الحقوق محفوظة"} {
		text, rem, _ := Clean(in)
		checkInvariants(t, in, text, rem)
	}
}

func TestRawOffset(t *testing.T) {
	raw := "حجم الخط\nقتل  خمسة مدنيين , وأصيب آخرون .\nجميع الحقوق محفوظة"
	text, rem, _ := Clean(raw)
	d := &Document{Raw: raw, Text: text, Removed: rem}
	if text != "قتل خمسة مدنيين, وأصيب آخرون." {
		t.Fatalf("text %q", text)
	}
	// every clean byte maps to the same byte of raw
	for i := 0; i < len(text); i++ {
		j := d.RawOffset(i)
		if raw[j] != text[i] {
			t.Fatalf("RawOffset(%d) = %d: %q != %q", i, j, raw[j], text[i])
		}
	}
	w := strings.Index(text, "وأصيب")
	s, e := d.RawSpan(w, w+len("وأصيب"))
	if raw[s:e] != "وأصيب" {
		t.Errorf("RawSpan = %q", raw[s:e])
	}
	if d.RawOffset(-5) != d.RawOffset(0) || d.RawOffset(len(text)+9) > len(raw) {
		t.Errorf("out-of-range offsets not clamped")
	}
}

// TestCleanPathological runs inputs built to trigger quadratic behaviour
// (many tail markers, many teasers sharing a start, one huge line); it
// must simply finish.
func TestCleanPathological(t *testing.T) {
	body := "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة اللطامنة في ريف حماة الشمالي صباح اليوم ."
	inputs := []string{
		strings.Repeat(body+" جميع الحقوق محفوظة اقرأ أيضا\n", 20000),
		strings.Repeat("قتل ثلاثة مدنيين وأصيب خمسة ...\n", 20000),
		strings.Repeat("حجم الخط 2017 / 11 / 15 الساعة 21 : 24 عنوان الخبر هنا ", 20000),
		strings.Repeat("ـ", 100000) + strings.Repeat(" ,", 100000) + strings.Repeat("\n", 100000),
	}
	for _, in := range inputs {
		text, rem, _ := Clean(in)
		checkInvariants(t, in, text, rem)
	}
}
