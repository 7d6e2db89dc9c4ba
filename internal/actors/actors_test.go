package actors

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	actordata "rasad/data/actors"
	"rasad/internal/arabic"
	"rasad/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// want is one expected mention: its surface text and id, and optionally
// its framing, group, kind or role ("" = not checked).
type want struct {
	text, id string
	framing  Framing
	group    string
	kind     string
	role     string
	backref  bool
}

func findMention(ms []Mention, text string) (Mention, bool) {
	for _, m := range ms {
		if m.Text == text {
			return m, true
		}
	}
	return Mention{}, false
}

func dump(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "  %q %s/%s %s %s %s br=%v\n", m.Text, m.ID, m.Group, m.Framing, m.Kind, m.Role, m.BackRef)
	}
	return b.String()
}

func TestFind(t *testing.T) {
	l := Default()
	tests := []struct {
		name string
		text string
		want []want
		none []string // surface texts that must not be mentions
		n    int      // exact number of mentions when > 0; -1 = none at all
	}{
		{name: "government forces, opposition framing",
			text: "تقدمت قوات النظام نحو البلدة بعد قصف عنيف.",
			want: []want{{text: "قوات النظام", id: "syrian_government", framing: Opposition, kind: KindForce}}, n: 1},
		{name: "government forces, state media framing",
			text: "أعادت وحدات من الجيش العربي السوري الأمن إلى القرية.",
			want: []want{{text: "وحدات من الجيش العربي السوري", id: "syrian_government", framing: Government}}, n: 1},
		{name: "construct with complement",
			text: "اقتحمت ميليشيات الأسد الحي الشرقي.",
			want: []want{{text: "ميليشيات الأسد", id: "syrian_government", framing: Opposition}}, n: 1},
		{name: "complement alone is not a mention",
			text: "زار الأسد المدينة.", n: -1},
		{name: "pro-government militia by adjective",
			text: "انتشرت القوات الرديفة على الطريق الدولي.",
			want: []want{{text: "القوات الرديفة", id: "syrian_government", framing: Government}}},
		{name: "russia adjective and coordination",
			text: "شنت الطائرات الحربية الروسية والسورية غارات مكثفة.",
			want: []want{{text: "الطائرات الحربية الروسية", id: "russia"}, {text: "السورية", id: "syrian_government"}}, n: 2},
		{name: "russia indefinite",
			text: "استهدفت مقاتلات روسية سوقا شعبيا.",
			want: []want{{text: "مقاتلات روسية", id: "russia", framing: Neutral}}},
		{name: "russia opposition framing",
			text: "ارتكب الاحتلال الروسي مجزرة جديدة.",
			want: []want{{text: "الاحتلال الروسي", id: "russia", framing: Opposition}}},
		{name: "russian ministry and its spokesman",
			text: "وقال المتحدث باسم وزارة الدفاع الروسية إيغور كوناشينكوف إن الطائرات لم تقصف المنطقة.",
			want: []want{
				{text: "المتحدث باسم وزارة الدفاع الروسية", id: "russia", kind: KindRole, role: "spokesperson"},
				{text: "إيغور كوناشينكوف", id: "russia", kind: KindPerson}}},
		{name: "conjunction and preposition clitics",
			text: "تصدى الأهالي ولقوات النظام بالمرصاد، وقتل مدنيان بتنظيم داعش للنظام.",
			want: []want{{text: "قوات النظام", id: "syrian_government"}, {text: "تنظيم داعش", id: "islamic_state"},
				{text: "للنظام", id: "syrian_government", backref: true}}},
		{name: "title adjective is not a title",
			text: "سيطرت الفصائل على معقل رئيس لقوات النظام في ريف حلب.",
			want: []want{{text: "قوات النظام", id: "syrian_government"}}, n: 2},
		{name: "IS pejorative and clitic",
			text: "فجر انتحاري ينتمي لداعش سيارة مفخخة.",
			want: []want{{text: "داعش", id: "islamic_state", framing: Pejorative}}, n: 1},
		{name: "IS in quotes with clitic",
			text: "نفذ مسلحون تابعون لتنظيم \"داعش\" كمينا.",
			want: []want{{text: "مسلحون تابعون لتنظيم \"داعش", id: "islamic_state"}}},
		{name: "IS own vocabulary",
			text: "أعلنت الدولة الإسلامية مسؤوليتها عن الهجوم.",
			want: []want{{text: "الدولة الإسلامية", id: "islamic_state", framing: IS}}},
		{name: "IS neutral",
			text: "سيطر تنظيم الدولة على حقل النفط.",
			want: []want{{text: "تنظيم الدولة", id: "islamic_state", framing: Neutral}}},
		{name: "state media suffix framing",
			text: "دمرت وحدات الجيش أوكارا لتنظيم داعش الإرهابي.",
			want: []want{{text: "تنظيم داعش الإرهابي", id: "islamic_state", framing: Government}}},
		{name: "detached tatweel preposition",
			text: "عاد العنصر إلى الانتماء لـ داعش بعد فراره.",
			want: []want{{text: "داعش", id: "islamic_state"}}},
		{name: "Jaysh Khalid is IS",
			text: "هاجم جيش خالد بن الوليد نقاط الفصائل.",
			want: []want{{text: "جيش خالد بن الوليد", id: "islamic_state", group: "jaish_khalid"}}},
		{name: "back-reference to IS",
			text: "شن تنظيم الدولة الإسلامية هجوما، ثم انسحب عناصر التنظيم. وأكد التنظيم سيطرته.",
			want: []want{{text: "عناصر التنظيم", id: "islamic_state", backref: true},
				{text: "التنظيم", id: "islamic_state", backref: true, kind: KindBackRef}}},
		{name: "back-reference without antecedent is skipped",
			text: "قال التنظيم في بيان إن عناصره سيطروا على التلة.", n: -1},
		{name: "back-reference to HTS",
			text: "اعتقلت هيئة تحرير الشام ناشطا، وقالت الهيئة إنه متهم.",
			want: []want{{text: "الهيئة", id: "hts", backref: true}}},
		{name: "back-reference by head word",
			text: "أعلنت حركة أحرار الشام الإسلامية انسحابها، وقالت الحركة إن قرارها نهائي.",
			want: []want{{text: "الحركة", id: "opposition", group: "ahrar_al_sham", backref: true}}},
		{name: "generic word without antecedent",
			text: "قالت الحركة التجارية في السوق إنها تراجعت.", n: -1},
		{name: "regime is always the government",
			text: "ردت الفصائل على قصف النظام في ريف درعا.",
			want: []want{{text: "الفصائل", id: "opposition"}, {text: "النظام", id: "syrian_government", framing: Opposition}}},
		{name: "regime blocked phrases",
			text: "ناقش المجلس النظام الداخلي للحزب والنظام العام.", n: -1},
		{name: "regime with an unknown nationality",
			text: "انتقد المتظاهرون النظام المصري بشدة.", n: -1},
		{name: "foreign regime in lexicon",
			text: "اتهم البيان النظام الإيراني بتمويل الميليشيات.",
			want: []want{{text: "النظام الإيراني", id: "iran"}}},
		{name: "state alone is not IS",
			text: "قالت الدولة إنها ستدعم القطاع الزراعي.", n: -1},
		{name: "coalition",
			text: "قصف طيران التحالف الدولي مواقع في الباغوز، وقال التحالف إن الغارات دقيقة.",
			want: []want{{text: "طيران التحالف الدولي", id: "coalition"}, {text: "التحالف", id: "coalition", backref: true}}},
		{name: "coalition alone without antecedent",
			text: "وقال التحالف إن المفاوضات مستمرة.", n: -1},
		{name: "Saudi-led coalition is blocked",
			text: "أعلنت قوات التحالف العربي اعتراض صاروخ.", n: -1},
		{name: "US forces are coalition",
			text: "سيرت القوات الأمريكية دورية قرب حقل العمر.",
			want: []want{{text: "القوات الأمريكية", id: "coalition", group: "us"}}},
		{name: "army alone after a foreign army",
			text: "قصف الجيش التركي قرية تل رفعت، وقال الجيش إنه رد على مصادر النيران.",
			want: []want{{text: "الجيش التركي", id: "turkey"}, {text: "الجيش", id: "turkey", backref: true}}},
		{name: "army alone defaults to the Syrian army",
			text: "استعاد الجيش السيطرة على التلال في ريف حماة.",
			want: []want{{text: "الجيش", id: "syrian_government", backref: true}}},
		{name: "army alone outside Syria is not the Syrian army",
			text: "استعاد الجيش السيطرة على التلال.", n: -1},
		{name: "army named forms",
			text: "اشتبك الجيش الحر مع الجيش الوطني السوري، فيما تقدم الجيش العراقي وجيش الإسلام.",
			want: []want{{text: "الجيش الحر", id: "opposition"}, {text: "الجيش الوطني السوري", id: "opposition", group: "snf"},
				{text: "الجيش العراقي", id: "iraq"}, {text: "جيش الإسلام", id: "opposition", group: "jaish_al_islam"}}},
		{name: "unknown foreign army is skipped",
			text: "أعلن الجيش الليبي سيطرته على المطار.", n: -1},
		{name: "Libyan national army is blocked",
			text: "تقدم الجيش الوطني الليبي نحو المدينة.", n: -1},
		{name: "SDF spellings and acronym",
			text: "قالت قوات سوريا الديموقراطية (قسد) إن وحدات حماية الشعب صدت الهجوم.",
			want: []want{{text: "قوات سوريا الديموقراطية", id: "sdf"}, {text: "قسد", id: "sdf"},
				{text: "وحدات حماية الشعب", id: "sdf", group: "ypg"}}},
		{name: "SDF with conjunction and preposition",
			text: "سلم الأهالي المطلوبين ولقوات سوريا الديمقراطية حواجز هناك.",
			want: []want{{text: "قوات سوريا الديمقراطية", id: "sdf"}, {text: "الأهالي", id: "civilians"}}},
		{name: "SDF councils and Asayish",
			text: "اعتقلت الأسايش شابين، وأعلن مجلس دير الزور العسكري بدء الحملة.",
			want: []want{{text: "الأسايش", id: "sdf", group: "asayish"}, {text: "مجلس دير الزور العسكري", id: "sdf", group: "deir_ez_zor_military_council"}}},
		{name: "Turkish framing of the YPG",
			text: "حيدت القوات التركية عناصر من تنظيم ي ب ك الإرهابي.",
			want: []want{{text: "القوات التركية", id: "turkey"}, {text: "عناصر من تنظيم ي ب ك الإرهابي", id: "sdf", framing: Turkish}}},
		{name: "Turkish-backed factions are opposition",
			text: "هاجمت الفصائل الموالية لتركيا قرى في ريف منبج.",
			want: []want{{text: "الفصائل الموالية لتركيا", id: "opposition", group: "turkish_backed"}}},
		{name: "militias loyal to a named side",
			text: "انتشرت القوات التركية والفصائل الموالية لها في المدينة.",
			want: []want{{text: "الفصائل الموالية لها", id: "opposition"}}},
		{name: "Iranian militias",
			text: "استقدمت الميليشيات الإيرانية تعزيزات، وشارك لواء فاطميون والحرس الثوري في المعارك.",
			want: []want{{text: "الميليشيات الإيرانية", id: "iran", framing: Opposition},
				{text: "لواء فاطميون", id: "iran", group: "fatemiyoun"}, {text: "الحرس الثوري", id: "iran", group: "irgc"}}},
		{name: "Iraqi militias in Syria are iran, Iraqi army is iraq",
			text: "دخلت الميليشيات العراقية مدينة البوكمال بينما انتشر الحشد الشعبي على الجانب الآخر.",
			want: []want{{text: "الميليشيات العراقية", id: "iran", group: "iraqi_militias"}, {text: "الحشد الشعبي", id: "iraq", group: "pmf"}}},
		{name: "Iraqi Kataib Hezbollah is not Lebanese Hezbollah",
			text: "قصفت طائرات مسيرة مقرا لكتائب حزب الله قرب الحدود، فيما نفى حزب الله اللبناني أي وجود له.",
			want: []want{{text: "كتائب حزب الله", id: "iran"}, {text: "حزب الله اللبناني", id: "hezbollah"}}},
		{name: "Israel",
			text: "استهدفت غارات إسرائيلية مستودعا، وقال المتحدث باسم الجيش الإسرائيلي إن العملية انتهت.",
			want: []want{{text: "غارات إسرائيلية", id: "israel"}, {text: "المتحدث باسم الجيش الإسرائيلي", id: "israel", kind: KindRole}}},
		{name: "Israel state media framing",
			text: "تصدت الدفاعات الجوية السورية لعدوان العدو الإسرائيلي.",
			want: []want{{text: "الدفاعات الجوية السورية", id: "syrian_government"}, {text: "العدو الإسرائيلي", id: "israel", framing: Government}}},
		{name: "HTS predecessors",
			text: "اندمجت جبهة فتح الشام مع فصائل أخرى، وكانت تعرف سابقا بجبهة النصرة.",
			want: []want{{text: "جبهة فتح الشام", id: "hts"}, {text: "جبهة النصرة", id: "hts"}}},
		{name: "civilians and rescue workers",
			text: "قتل ثلاثة مدنيين بينهم طفلة، وأصيب مسعفون من الدفاع المدني والخوذ البيضاء.",
			want: []want{{text: "مدنيين", id: "civilians"}, {text: "طفلة", id: "civilians", group: "children"},
				{text: "مسعفون", id: "civilians", group: "rescue"}, {text: "الدفاع المدني", id: "civilians", group: "rescue"},
				{text: "الخوذ البيضاء", id: "civilians", group: "rescue"}}},
		{name: "unknown gunmen",
			text: "اغتال مسلحون مجهولون رئيس البلدية، وقصف طيران مجهول الهوية الأطراف.",
			want: []want{{text: "مسلحون مجهولون", id: "unknown"}, {text: "طيران مجهول الهوية", id: "unknown"}}},
		{name: "roles with adjectives",
			text: "قال مسؤول أمريكي ومصدر عسكري روسي إن الاتفاق صامد.",
			want: []want{{text: "مسؤول أمريكي", id: "coalition", kind: KindRole, role: "official"},
				{text: "مصدر عسكري روسي", id: "russia", kind: KindRole, role: "source"}}},
		{name: "role with clitic complement",
			text: "أكد القائد العام لقسد أن العملية مستمرة.",
			want: []want{{text: "القائد العام لقسد", id: "sdf", kind: KindRole, role: "commander"}}},
		{name: "government airforce by linker",
			text: "ألقى الطيران المروحي التابع للنظام براميل متفجرة.",
			want: []want{{text: "الطيران المروحي التابع للنظام", id: "syrian_government", framing: Opposition}}},
		{name: "positions of a side",
			text: "استهدفت الفصائل مواقع قوات النظام بصواريخ غراد.",
			want: []want{{text: "مواقع قوات النظام", id: "syrian_government", kind: KindTarget}}},
		{name: "state media generic words",
			text: "قضت وحدات من الجيش على مجموعات من الإرهابيين في ريف إدلب.",
			want: []want{{text: "مجموعات من الإرهابيين", id: "opposition", framing: Government, backref: true}}},
		{name: "diacritics and hamza variants",
			text: "قَصَفَتْ قُوّاتُ النِّظامِ مَواقِعَ لِلمُعارَضَةِ، وَتَقَدَّمَ مقاتلو الدولة الاسلامية.",
			want: []want{{text: "قُوّاتُ النِّظامِ", id: "syrian_government"}, {text: "مقاتلو الدولة الاسلامية", id: "islamic_state"}}},
		{name: "line break ends a mention",
			text: "وصلت قوات\nالنظام", none: []string{"قوات\nالنظام"}},
		{name: "Russia Today is not Russia",
			text: "نقلت روسيا اليوم عن مصدر قوله.", n: -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := l.Find(tc.text)
			checkSpans(t, tc.text, ms)
			for _, w := range tc.want {
				m, ok := findMention(ms, w.text)
				if !ok {
					t.Errorf("missing %q (%s); got:\n%s", w.text, w.id, dump(ms))
					continue
				}
				if m.ID != w.id {
					t.Errorf("%q: id %s, want %s", w.text, m.ID, w.id)
				}
				if w.framing != "" && m.Framing != w.framing {
					t.Errorf("%q: framing %s, want %s", w.text, m.Framing, w.framing)
				}
				if w.group != "" && m.Group != w.group {
					t.Errorf("%q: group %q, want %q", w.text, m.Group, w.group)
				}
				if w.kind != "" && m.Kind != w.kind {
					t.Errorf("%q: kind %s, want %s", w.text, m.Kind, w.kind)
				}
				if w.role != "" && m.Role != w.role {
					t.Errorf("%q: role %s, want %s", w.text, m.Role, w.role)
				}
				if w.backref && !m.BackRef {
					t.Errorf("%q: BackRef false, want true", w.text)
				}
			}
			for _, s := range tc.none {
				if _, ok := findMention(ms, s); ok {
					t.Errorf("unexpected mention %q; got:\n%s", s, dump(ms))
				}
			}
			switch {
			case tc.n > 0 && len(ms) != tc.n, tc.n < 0 && len(ms) != 0:
				t.Errorf("%d mentions, want %d:\n%s", len(ms), max(tc.n, 0), dump(ms))
			}
		})
	}
}

// checkSpans verifies the invariants every result must hold.
func checkSpans(t *testing.T, text string, ms []Mention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span %d-%d (prev end %d, len %d)", m.Start, m.End, prev, len(text))
		}
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("Text %q != text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		if !canonical[m.ID] {
			t.Fatalf("non-canonical id %q", m.ID)
		}
		if !framings[m.Framing] {
			t.Fatalf("bad framing %q", m.Framing)
		}
		prev = m.End
	}
}

func TestFindTokensMatchesFind(t *testing.T) {
	l := Default()
	text := readReport(t)
	a := l.Find(text)
	b := l.FindTokens(text, arabic.Tokenize(text))
	c := l.FindTokens(text, nil)
	if fmt.Sprint(a) != fmt.Sprint(b) || fmt.Sprint(a) != fmt.Sprint(c) {
		t.Fatal("Find and FindTokens differ")
	}
	// Tokens of another text must not cause a panic or bad spans.
	other := arabic.Tokenize(text + text)
	checkSpans(t, "قوات النظام", l.FindTokens("قوات النظام", other))
	if ms := (*Lexicon)(nil).Find("قوات النظام"); ms != nil {
		t.Fatal("nil lexicon found mentions")
	}
}

func readReport(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("testdata", "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func formatMentions(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%s\t%s\t%s\t%s\t%v\n", m.Start, m.End, m.Text, m.ID, m.Group, m.Framing, m.Kind, m.Role, m.BackRef)
	}
	return b.String()
}

func formatSources(ss []SourceMention) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%s\t%s\n", s.Start, s.End, s.Text, s.Source.Name, s.Source.Kind, s.Source.Affiliation)
	}
	return b.String()
}

// TestGolden runs an invented report through Find and FindSources.
func TestGolden(t *testing.T) {
	l := Default()
	text := readReport(t)
	toks := arabic.Tokenize(text)
	ms := l.FindTokens(text, toks)
	checkSpans(t, text, ms)
	got := "# mentions: start-end text id group framing kind role backref\n" + formatMentions(ms) +
		"# sources: start-end text name kind affiliation\n" + formatSources(l.FindSources(text, toks))
	path := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantB, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(wantB) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(wantB), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("golden mismatch at line %d:\n got: %s\nwant: %s\n(run go test -update after checking)", i+1, g, w)
			}
		}
	}
}

func TestFindSources(t *testing.T) {
	l := Default()
	tests := []struct {
		text string
		want []string // canonical names in order
	}{
		{"وقال المرصد السوري لحقوق الإنسان إن ... وأضاف المرصد أن ...", []string{"المرصد السوري لحقوق الإنسان", "المرصد السوري لحقوق الإنسان"}},
		{"وأضاف المرصد أن الوضع هادئ.", nil}, // bare المرصد needs the full name first
		{"ذكرت وكالة سانا وقناة الميادين ووكالة أعماق ووكالة الأناضول", []string{"سانا", "الميادين", "وكالة أعماق", "وكالة الأناضول"}},
		{"بحسب ما نقلته لسانا مصادر محلية وناشطون", []string{"سانا", "مصادر محلية", "ناشطون"}},
		{"نقلت روسيا اليوم عن وزارة الدفاع الروسية", []string{"روسيا اليوم", "وزارة الدفاع الروسية"}},
	}
	for _, tc := range tests {
		ss := l.FindSources(tc.text, nil)
		var got []string
		prev := 0
		for _, s := range ss {
			if s.Start < prev || s.End > len(tc.text) || tc.text[s.Start:s.End] != s.Text {
				t.Fatalf("%q: bad span %+v", tc.text, s)
			}
			prev = s.End
			got = append(got, s.Source.Name)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDefaultLexicon(t *testing.T) {
	l := Default()
	if l != Default() {
		t.Fatal("Default is not loaded once")
	}
	per := map[string]int{}
	for _, e := range l.Entries() {
		per[e.ID]++
	}
	for _, id := range IDs {
		if per[id] == 0 {
			t.Errorf("no lexicon entry for %s", id)
		}
	}
	if len(l.Sources()) < 50 {
		t.Errorf("only %d sources", len(l.Sources()))
	}
	names := map[string]bool{}
	for _, s := range l.Sources() {
		if names[s.Name] {
			t.Errorf("source %q listed twice", s.Name)
		}
		names[s.Name] = true
	}
	if !sort.SliceIsSorted(l.Sources(), func(i, j int) bool { return l.Sources()[i].Name < l.Sources()[j].Name }) {
		t.Error("Sources not sorted")
	}
}

func TestNewErrors(t *testing.T) {
	base := map[string]string{}
	for _, f := range []string{"lexicon.tsv", "backrefs.tsv", "grammar.tsv", "sources.tsv"} {
		b, err := actordata.FS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base[f] = string(b)
	}
	tests := []struct {
		file, line, err string
	}{
		{"lexicon.tsv", "rebels\t\tالثوار الجدد\tneutral\torg", "unknown actor id"},
		{"lexicon.tsv", "opposition\t\tالثوار الجدد\tfriendly\torg", "unknown framing"},
		{"lexicon.tsv", "opposition\t\tالثوار الجدد\tneutral\tgang", "unknown kind"},
		{"lexicon.tsv", "opposition\t\tالثوار الجدد\tneutral\tblock", "must have id"},
		{"lexicon.tsv", "opposition\t\tالثوار، الجدد\tneutral\torg", "punctuation"},
		{"lexicon.tsv", "opposition\t\t\tneutral\torg", "empty form"},
		{"lexicon.tsv", "opposition\t\tالجيش الحر\tneutral\torg", "duplicate form"},
		{"lexicon.tsv", "opposition\tonly two", "columns"},
		{"backrefs.tsv", "الكتيبة\t\t\t\t\tneutral", "neither a fallback"},
		{"backrefs.tsv", "الكتيبة\tfoo\t\t\t\tneutral", "unknown fallback"},
		{"backrefs.tsv", "الكتيبة\topposition\tyemen\t\t\tneutral", "want \"syria\""},
		{"backrefs.tsv", "الكتيبة\t\t\tfoo\t\tneutral", "unknown antecedent"},
		{"backrefs.tsv", "الكتيبة\t\t\t\tكتيبة اخرى\tneutral", "one word"},
		{"grammar.tsv", "syria_cue\tريف حلب\t\tneutral", "one word"},
		{"grammar.tsv", "adverb\tجدا\t\tneutral", "unknown class"},
		{"grammar.tsv", "link\tالتابعة\tsame\tneutral", "duplicate link"},
		{"grammar.tsv", "force_def\tالكتيبة\tgroup\tneutral", "want force, militia or target"},
		{"grammar.tsv", "role_def\tالكاتب\twriter\tneutral", "want spokesperson"},
		{"sources.tsv", "موقع\tموقع جديد\tblog\tunknown", "unknown source kind"},
		{"sources.tsv", "موقع\tموقع جديد\toutlet\tmars", "unknown affiliation"},
		{"sources.tsv", "موقع\tسانا\toutlet\tunknown", "duplicate source form"},
	}
	for _, tc := range tests {
		fsys := fstest.MapFS{}
		for f, s := range base {
			fsys[f] = &fstest.MapFile{Data: []byte(s)}
		}
		fsys[tc.file] = &fstest.MapFile{Data: []byte(base[tc.file] + tc.line + "\n")}
		_, err := New(fsys)
		if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), tc.file+":") {
			t.Errorf("%s %q: error %v, want one naming %s and containing %q", tc.file, tc.line, err, tc.file, tc.err)
		}
	}
	delete(base, "grammar.tsv")
	fsys := fstest.MapFS{}
	for f, s := range base {
		fsys[f] = &fstest.MapFile{Data: []byte(s)}
	}
	if _, err := New(fsys); err == nil || !strings.Contains(err.Error(), "grammar.tsv") {
		t.Errorf("missing file: error %v", err)
	}
}

// TestSharedCorpus runs the matcher over the shared dev reports: no panic,
// valid spans, and at least one actor in every report.
func TestSharedCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/dev/docs/*.txt")
	if len(files) == 0 {
		t.Skip("../shared not present: no dev reports")
	}
	l := Default()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ms := l.Find(string(b))
		checkSpans(t, string(b), ms)
		if len(ms) == 0 {
			t.Errorf("%s: no actor mention", filepath.Base(f))
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("قصفت قوات النظام مواقع لتنظيم \"داعش\" وقال التنظيم إن الجيش التركي والفصائل الموالية له تقدموا.")
	f.Add("ولقوات سوريا الديمقراطية لـ داعش للنظام الطيران الحربي التابع لـ")
	f.Add("المتحدث باسم وزارة الدفاع الروسية مسؤول روسي الجيش الليبي النظام")
	f.Add("\xff\xfeقوات\u0640\u0640 النظام\n\"\"«داعش»")
	f.Add("عناصر من مسلحي ميليشيات قوات عناصر الجيش")
	l := Default()
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, l.Find(s))
		toks := arabic.Tokenize(s)
		prev := 0
		for _, m := range l.FindSources(s, toks) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad source span %+v", m)
			}
			prev = m.End
		}
	})
}

func FuzzNew(f *testing.F) {
	f.Add("opposition\tgroup\tكتيبة الفجر\tneutral\torg\tnote", "المعسكر\t\topposition\t\tneutral")
	f.Add("-\t\tالنظام الملكي\tneutral\tblock", "الكتيبة\tsdf\tsyria\t*\tكتيبة\tsdf")
	f.Add("\t\t\t\t", "\t\t\t\t")
	f.Fuzz(func(t *testing.T, lex, br string) {
		fsys := fstest.MapFS{}
		for _, name := range []string{"grammar.tsv", "sources.tsv"} {
			b, _ := actordata.FS.ReadFile(name)
			fsys[name] = &fstest.MapFile{Data: b}
		}
		fsys["lexicon.tsv"] = &fstest.MapFile{Data: []byte(lex)}
		fsys["backrefs.tsv"] = &fstest.MapFile{Data: []byte(br)}
		l, err := New(fsys)
		if err != nil {
			return
		}
		checkSpans(t, lex+" "+br, l.Find(lex+" "+br))
	})
}

var benchSink int

func BenchmarkFind(b *testing.B) {
	l := Default()
	text := readReport(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		benchSink += len(l.Find(text))
	}
}

func BenchmarkFindTokens(b *testing.B) {
	l := Default()
	text := readReport(b)
	toks := arabic.Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		benchSink += len(l.FindTokens(text, toks))
	}
}

func BenchmarkFindSources(b *testing.B) {
	l := Default()
	text := readReport(b)
	toks := arabic.Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		benchSink += len(l.FindSources(text, toks))
	}
}

// BenchmarkFindNews runs Find over about 2 MB of real news articles from
// the shared benchmark set (skipped when ../shared is absent).
func BenchmarkFindNews(b *testing.B) {
	texts := testcorpus.Contents(b, 2<<20)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	l := Default()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			benchSink += len(l.Find(t))
		}
	}
}
