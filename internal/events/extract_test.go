package events

import (
	"strings"
	"testing"

	"rasad/internal/arabic"
	"rasad/internal/document"
	"rasad/internal/source"
)

// want is one expected event: subtype and place are required; actor1,
// date and a killed count (group:count) are checked when set.
type want struct {
	sub, place, actor1, date string
	killed                   string // "civilians:5"
}

// The sentences are written for these tests (not taken from any corpus).
var extractCases = []struct {
	name  string
	text  string
	want  []want
	exact bool // no other events
}{
	// an unattributed retelling of the same event at the same place and day
	// is that event, not a second one of unknown actor
	{"unattributed retelling merges", "شنت طائرات حربية روسية غارات على مدينة سراقب بريف إدلب. وأسفر القصف على مدينة سراقب عن دمار واسع في السوق.",
		[]want{{sub: "air_drone_strike", place: "سراقب", actor1: "russia"}}, true},
	{"nominal retaking merges", "سيطرت قوات النظام على قرية الهبيط بعد معارك مع الفصائل. وتعد استعادة الهبيط خطوة نحو خان شيخون.",
		[]want{{sub: "government_regains_territory", place: "الهبيط", actor1: "syrian_government"}}, false},
	// air strikes: support verb, aircraft subject with nisba, casualties
	{"air strike by support verb", "شنت طائرات حربية روسية صباح اليوم غارات على مدينة سراقب بريف إدلب، ما أدى إلى مقتل خمسة مدنيين بينهم طفلان.",
		[]want{{sub: "air_drone_strike", place: "سراقب", actor1: "russia", date: "2017-03-15", killed: "civilians:5"}}, true},
	{"air strike list of places", "شن الطيران الحربي الروسي غارات مكثفة على مدن وبلدات سراقب ومعرة النعمان وخان شيخون.",
		[]want{{sub: "air_drone_strike", place: "سراقب", actor1: "russia"}, {sub: "air_drone_strike", place: "معرة النعمان", actor1: "russia"}, {sub: "air_drone_strike", place: "خان شيخون", actor1: "russia"}}, true},
	{"barrel bombs are the government's", "ألقى الطيران المروحي براميل متفجرة على بلدتي داريا والمعضمية.",
		[]want{{sub: "air_drone_strike", place: "داريا", actor1: "syrian_government"}, {sub: "air_drone_strike", place: "المعضمية", actor1: "syrian_government"}}, true},
	{"instrument decides the subtype", "قال ناشطون إن الطيران الروسي استهدف بلدة الهبيط بأربع غارات جوية.",
		[]want{{sub: "air_drone_strike", place: "الهبيط", actor1: "russia"}}, true},
	// shelling: active, passive with من قبل, mortar subject
	{"shelling active", "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل جنوب إدلب أمس.",
		[]want{{sub: "shelling_artillery_missile_attack", place: "كفرنبل", actor1: "syrian_government", date: "2017-03-14"}}, true},
	{"shelling passive", "تعرضت مدينة معرة النعمان لقصف صاروخي من قبل قوات النظام دون وقوع إصابات.",
		[]want{{sub: "shelling_artillery_missile_attack", place: "معرة النعمان", actor1: "syrian_government"}}, true},
	{"mortars fell", "وأفادت مصادر محلية بأن ثلاثة أطفال قتلوا جراء سقوط قذائف هاون على حي المزة في دمشق.",
		[]want{{sub: "shelling_artillery_missile_attack", place: "المزة", killed: "civilians:3"}}, true},
	{"air and artillery together", "وتعرضت مدينة دوما لقصف جوي ومدفعي أدى لسقوط جرحى.",
		[]want{{sub: "air_drone_strike", place: "دوما"}, {sub: "shelling_artillery_missile_attack", place: "دوما"}}, true},
	// territory
	{"government takes a town after fighting", "سيطرت قوات النظام على بلدة خان شيخون بعد معارك عنيفة مع فصائل المعارضة.",
		[]want{{sub: "government_regains_territory", place: "خان شيخون", actor1: "syrian_government"}}, true},
	{"non-state actor takes a city", "استعاد تنظيم الدولة الإسلامية السيطرة على مدينة تدمر.",
		[]want{{sub: "non_state_actor_overtakes_territory", place: "تدمر", actor1: "islamic_state"}}, true},
	{"state media word for a take", "وقالت وكالة سانا إن وحدات من الجيش العربي السوري حررت بلدة عقيربات من إرهابيي داعش.",
		[]want{{sub: "government_regains_territory", place: "عقيربات", actor1: "syrian_government"}}, true},
	{"take after withdrawal is non-violent", "سيطرت قوات سوريا الديمقراطية على مدينة الطبقة بعد انسحاب تنظيم داعش منها.",
		[]want{{sub: "non_violent_transfer_of_territory", place: "الطبقة", actor1: "sdf"}}, true},
	{"withdrawal", "انسحبت قوات سوريا الديمقراطية من قرية تل أبيض.",
		[]want{{sub: "non_violent_transfer_of_territory", place: "تل أبيض", actor1: "sdf"}}, true},
	// clashes
	{"clash between two sides", "اندلعت اشتباكات عنيفة بين قوات النظام وهيئة تحرير الشام في محيط بلدة مورك.",
		[]want{{sub: "armed_clash", place: "مورك", actor1: "syrian_government"}}, true},
	{"ambush with killed soldiers", "قتل 12 عنصرا من قوات النظام بينهم ضابط في كمين لتنظيم داعش قرب مدينة السخنة.",
		[]want{{sub: "armed_clash", place: "السخنة", actor1: "islamic_state", killed: "syrian_government:12"}}, true},
	// explosions
	{"roadside bomb", "انفجرت عبوة ناسفة بسيارة عسكرية في مدينة الباب ما أسفر عن مقتل ثلاثة عناصر من الجيش الوطني.",
		[]want{{sub: "remote_explosive_landmine_ied", place: "الباب", actor1: "unknown", killed: "opposition:3"}}, true},
	{"suicide bomber", "فجر انتحاري نفسه بحزام ناسف عند حاجز لقوات النظام في مدينة جبلة.",
		[]want{{sub: "suicide_bomb", place: "جبلة"}}, true},
	{"car bomb with at least", "لقي ما لا يقل عن 20 شخصا حتفهم في انفجار سيارة مفخخة في مدينة أعزاز.",
		[]want{{sub: "remote_explosive_landmine_ied", place: "أعزاز", killed: "civilians:20"}}, true},
	// violence against civilians, arrests, looting, protests, agreements
	{"execution", "أعدم تنظيم داعش أربعة مدنيين رميا بالرصاص في مدينة الميادين.",
		[]want{{sub: "attack", place: "الميادين", actor1: "islamic_state", killed: "civilians:4"}}, true},
	{"sniper kills a civilian", "قتل مدني برصاص قناص تابع لقوات النظام في حي جوبر.",
		[]want{{sub: "attack", place: "جوبر", actor1: "syrian_government", killed: "civilians:1"}}, true},
	{"raid and arrests", "داهمت دورية للأمن العسكري منازل في مدينة داعل واعتقلت خمسة شبان.",
		[]want{{sub: "arrests", place: "داعل", actor1: "syrian_government"}}, true},
	{"abduction", "اختطف مسلحون مجهولون طبيبا في مدينة الرقة.",
		[]want{{sub: "abduction_forced_disappearance", place: "الرقة"}}, true},
	{"looting", "قامت عناصر الميليشيات بتعفيش منازل المدنيين في بلدة كفرزيتا.",
		[]want{{sub: "looting_property_destruction", place: "كفرزيتا"}}, true},
	{"protest", "خرج مئات المتظاهرين في مدينة إدلب في مظاهرة ضد هيئة تحرير الشام.",
		[]want{{sub: "peaceful_protest", place: "إدلب", actor1: "civilians"}}, true},
	{"agreement reached", "توصلت فصائل المعارضة وقوات النظام إلى اتفاق تسوية في مدينة الرستن.",
		[]want{{sub: "agreement", place: "الرستن"}}, true},
	{"evacuation under a deal", "خرجت الدفعة الأولى من مقاتلي المعارضة وعائلاتهم من حي الوعر بموجب اتفاق مع النظام.",
		[]want{{sub: "agreement", place: "الوعر"}}, true},
	// not new events
	{"denial", "نفى المرصد السوري لحقوق الإنسان أن تكون قوات النظام قد سيطرت على مدينة اللطامنة.", nil, true},
	{"preparation", "تستعد قوات النظام لشن هجوم على مدينة درعا.", nil, true},
	{"threat", "هددت تركيا بشن عملية عسكرية على مدينة منبج.", nil, true},
	{"expectation", "من المتوقع أن تشن قوات النظام هجوما على مدينة حرستا.", nil, true},
	{"pluperfect history", "وكانت قوات النظام قد سيطرت على مدينة حلب في كانون الأول الماضي.", nil, true},
	{"earlier strike in a caption", "غارة سابقة للطيران الروسي على مدينة عندان.", nil, true},
	{"wounded are not killed", "أصيب خمسة مدنيين بجروح جراء قصف مدفعي على مدينة جسر الشغور.",
		[]want{{sub: "shelling_artillery_missile_attack", place: "جسر الشغور"}}, true},
	{"killed and wounded together is no killed count", "وثق المرصد السوري مقتل وإصابة 11 شخصا في قصف على بلدة حاس.",
		[]want{{sub: "shelling_artillery_missile_attack", place: "حاس"}}, true},
}

func analyzeText(t testing.TB, text, published string) *Report {
	t.Helper()
	d, err := document.Build(source.Record{ID: "t", Body: []byte(text), Published: published})
	if err != nil {
		t.Fatalf("document.Build: %v", err)
	}
	return NewExtractor().Analyze(d, Options{})
}

func TestExtract(t *testing.T) {
	for _, tc := range extractCases {
		t.Run(tc.name, func(t *testing.T) {
			r := analyzeText(t, tc.text, "2017-03-15")
			used := make([]bool, len(r.Events))
			for _, w := range tc.want {
				found := -1
				for i, e := range r.Events {
					if !used[i] && e.Subtype == w.sub && arabic.Fold(e.Place.Name) == arabic.Fold(w.place) {
						found = i
						break
					}
				}
				if found < 0 {
					t.Errorf("missing %s at %s; got %s", w.sub, w.place, describe(r.Events))
					continue
				}
				used[found] = true
				e := r.Events[found]
				if w.actor1 != "" && (e.Actor1 == nil || e.Actor1.ID != w.actor1) {
					t.Errorf("%s at %s: actor1 %v, want %s", w.sub, w.place, e.Actor1, w.actor1)
				}
				if w.date != "" && (e.Date == nil || *e.Date != w.date) {
					t.Errorf("%s at %s: date %v, want %s", w.sub, w.place, e.Date, w.date)
				}
				if w.killed != "" {
					ok := false
					for _, fa := range e.Fatalities {
						if fa.Group+":"+itoa(fa.Killed) == w.killed {
							ok = true
						}
					}
					if !ok {
						t.Errorf("%s at %s: fatalities %+v, want %s", w.sub, w.place, e.Fatalities, w.killed)
					}
				}
			}
			if tc.exact {
				for i, e := range r.Events {
					if !used[i] {
						t.Errorf("unexpected %s at %s", e.Subtype, e.Place.Name)
					}
				}
			}
			// wounded never become fatalities, the same count is not
			// given twice under different groups
			seen := map[int64]string{}
			for _, e := range r.Events {
				for _, fa := range e.Fatalities {
					if g, ok := seen[fa.Killed]; ok && g != fa.Group {
						t.Errorf("count %d under %s and %s", fa.Killed, g, fa.Group)
					}
					seen[fa.Killed] = fa.Group
				}
			}
		})
	}
}

func describe(evs []Event) string {
	var b strings.Builder
	b.WriteString("[")
	for i, e := range evs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.Subtype + "@" + e.Place.Name)
	}
	b.WriteString("]")
	return b.String()
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// TestMergeMentions checks that two reports of the same event in one
// document make one record with both sentences as evidence.
func TestMergeMentions(t *testing.T) {
	text := "قصفت قوات النظام بلدة كفرنبل بالمدفعية صباح اليوم.\nوقال ناشطون إن قصفا مدفعيا لقوات النظام استهدف بلدة كفرنبل اليوم وأدى إلى مقتل مدنيين اثنين."
	r := analyzeText(t, text, "2017-03-15")
	var got []Event
	for _, e := range r.Events {
		if e.Place.Name == "كفرنبل" {
			got = append(got, e)
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d events at كفرنبل, want 1 merged: %s", len(got), describe(r.Events))
	}
	e := got[0]
	if len(e.Mentions) != 2 {
		t.Errorf("mentions %v, want 2 spans", e.Mentions)
	}
	if e.Evidence != e.Mentions[0] {
		t.Errorf("evidence %v is not the first mention %v", e.Evidence, e.Mentions[0])
	}
	if e.Actor1 == nil || e.Actor1.ID != "syrian_government" || e.Actor1.Text == "" {
		t.Errorf("actor1 %+v, want syrian_government with its surface form", e.Actor1)
	}
	if len(e.Cited) == 0 {
		t.Errorf("cited is empty, want the activists")
	}
}

// TestRecordInvariants checks the records of all test sentences: spans in
// range, known types and subtypes, a place name, no wounded counted.
func TestRecordInvariants(t *testing.T) {
	for _, tc := range extractCases {
		r := analyzeText(t, tc.text, "2017-03-15")
		checkRecords(t, r)
	}
}

var subtypes = map[string][]string{
	"battles":                    {"armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"},
	"explosions_remote_violence": {"air_drone_strike", "shelling_artillery_missile_attack", "remote_explosive_landmine_ied", "suicide_bomb", "grenade", "chemical_weapon"},
	"violence_against_civilians": {"attack", "abduction_forced_disappearance", "sexual_violence"},
	"strategic_developments":     {"agreement", "arrests", "change_to_group_activity", "disrupted_weapons_use", "headquarters_or_base_established", "looting_property_destruction", "non_violent_transfer_of_territory", "other"},
	"protests":                   {"peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"},
	"riots":                      {"violent_demonstration", "mob_violence"},
}

func checkRecords(t testing.TB, r *Report) {
	t.Helper()
	n := len(r.Analysis.Text)
	for _, e := range r.Events {
		ok := false
		for _, s := range subtypes[e.Type] {
			ok = ok || s == e.Subtype
		}
		if !ok || e.Record != "event" {
			t.Errorf("bad record/type/subtype %q %q %q", e.Record, e.Type, e.Subtype)
		}
		if e.Place.Name == "" {
			t.Errorf("event without a place name")
		}
		spans := append([]Span{e.Evidence}, e.Mentions...)
		for _, s := range spans {
			if s.Start < 0 || s.End > n || s.Start > s.End {
				t.Errorf("span %v out of text of %d bytes", s, n)
			}
		}
		for _, f := range e.Fatalities {
			if f.Killed <= 0 || f.Group == "" {
				t.Errorf("bad fatality %+v", f)
			}
			switch f.Qualifier {
			case "exact", "at_least", "more_than", "about", "range":
			default:
				t.Errorf("bad qualifier %q", f.Qualifier)
			}
		}
		if e.Actor1 == nil || e.Actor1.ID == "" {
			t.Errorf("event without actor1")
		}
		if e.Date != nil && e.TimePrecision == 0 {
			t.Errorf("date %s without precision", *e.Date)
		}
	}
}
