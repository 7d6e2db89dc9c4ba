package gazetteer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"rasad/internal/arabic"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// want is the part of a Toponym a table test checks ("" and 0 fields are
// not checked, except New).
type want struct {
	text, name, cue, dir string
	gov                  string // Governorate
	prec                 int
	isNew                bool
	names                string // Names() joined by "|"; "-" for none
}

func check(t *testing.T, text string, got []Toponym, ws []want) {
	t.Helper()
	if len(got) != len(ws) {
		var b strings.Builder
		for _, tp := range got {
			fmt.Fprintf(&b, "\n  %q name=%q cue=%q dir=%q new=%v", tp.Text, tp.Name, tp.Cue, tp.Direction, tp.New)
		}
		t.Fatalf("%s: got %d toponyms, want %d:%s", text, len(got), len(ws), b.String())
	}
	for i, w := range ws {
		g := got[i]
		if g.Text != w.text {
			t.Errorf("%s: #%d text %q, want %q", text, i, g.Text, w.text)
		}
		if w.name != "" && g.Name != w.name {
			t.Errorf("%s: %q name %q, want %q", text, g.Text, g.Name, w.name)
		}
		if w.cue != "" && g.Cue != w.cue {
			t.Errorf("%s: %q cue %q, want %q", text, g.Text, g.Cue, w.cue)
		}
		if w.dir != "" && g.Direction != w.dir {
			t.Errorf("%s: %q direction %q, want %q", text, g.Text, g.Direction, w.dir)
		}
		if w.gov != "" && g.Governorate != w.gov {
			t.Errorf("%s: %q governorate %q, want %q", text, g.Text, g.Governorate, w.gov)
		}
		if w.prec != 0 && g.GeoPrecision != w.prec {
			t.Errorf("%s: %q precision %d, want %d", text, g.Text, g.GeoPrecision, w.prec)
		}
		if g.New != w.isNew {
			t.Errorf("%s: %q new=%v, want %v", text, g.Text, g.New, w.isNew)
		}
		if w.names != "" {
			names := strings.Join(g.Names(), "|")
			if w.names == "-" {
				if names != "" {
					t.Errorf("%s: %q names %q, want none", text, g.Text, names)
				}
			} else if names != w.names {
				t.Errorf("%s: %q names %q, want %q", text, g.Text, names, w.names)
			}
		}
	}
}

func TestRecognize(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []want
	}{
		// Cues, proclitics on the cue and on the name.
		{"قصفت الطائرات بلدة كفرنبل بريف إدلب الجنوبي.", []want{
			{text: "كفرنبل", cue: "بلدة", gov: "إدلب", prec: 1, names: "كفرنبل"},
			{text: "ريف إدلب الجنوبي", prec: 3, names: "إدلب"},
		}},
		{"وفي مدينة الرقة قتل ثلاثة، ووصلت التعزيزات لمدينة حمص.", []want{
			{text: "الرقة", cue: "مدينة", gov: "الرقة", prec: 1},
			{text: "حمص", cue: "مدينة", gov: "حمص"},
		}},
		{"وصلت القوات إلى دير الزور وللرقة وبالحسكة.", []want{
			{text: "دير الزور", names: "دير الزور"},
			{text: "لرقة", name: "الرقة", names: "الرقة"},
			{text: "الحسكة", names: "الحسكة"},
		}},
		// Quotes: a known feature and a new one.
		{`اشتباكات في محيط جبل "الثردة" وعلى تلة "الصنوبر" جنوب المدينة.`, []want{
			{text: `جبل "الثردة`, name: "جبل الثردة", dir: "محيط", prec: 2},
			{text: `تلة "الصنوبر`, name: "تلة الصنوبر", cue: "تلة", isNew: true, names: "تلة الصنوبر"},
		}},
		// Compounds and their precision.
		{"تقدمت القوات شرق مدينة دير الزور وجنوب حماة وفي ريف دير الزور الغربي وبريف منبج الجنوبي.", []want{
			{text: "دير الزور", cue: "مدينة", dir: "شرق", prec: 2},
			{text: "حماة", dir: "جنوب", prec: 2},
			{text: "ريف دير الزور الغربي", gov: "دير الزور", prec: 3, names: "دير الزور"},
			{text: "منبج", cue: "ريف", prec: 2, names: "منبج"},
		}},
		{"قصفت المدفعية أطراف ريف حمص الشمالي.", []want{
			{text: "ريف حمص الشمالي", prec: 3, names: "حمص"},
		}},
		// A new name admitted by its cue, located by what follows.
		{"سيطرت الفصائل على قرية برقوشة بريف حماة الشمالي.", []want{
			{text: "برقوشة", name: "برقوشة", cue: "قرية", isNew: true, gov: "حماة", prec: 3},
			{text: "ريف حماة الشمالي", names: "حماة"},
		}},
		// A plural cue's list, with names the gazetteer lacks.
		{"سيطرت القوات على قرى البوعمرو والمقطوعة وأم الكيف بعد معارك.", []want{
			{text: "البوعمرو", isNew: true}, {text: "المقطوعة", isNew: true}, {text: "أم الكيف", isNew: true},
		}},
		{`سيطرت القوات على قرى " أم الكيف , رسم الحمام , تل الذهب الصغير " شرق حلب.`, []want{
			{text: "أم الكيف", isNew: true}, {text: "رسم الحمام", isNew: true}, {text: "تل الذهب الصغير", isNew: true},
			{text: "حلب", dir: "شرق", prec: 2},
		}},
		// A feature named after a known village: the village is its parent.
		{"استعادت الفصائل تلة بليل وتل جموع العسكري.", []want{
			{text: "تلة بليل", name: "تلة بليل", isNew: true, names: "تلة بليل"},
			{text: "تل جموع", name: "تل جموع", isNew: true},
		}},
		// Common words: with a cue, a locating phrase or among places only.
		{"فتح الباب أمام المفاوضات.", nil},
		{"سيطرت القوات على مدينة الباب.", []want{{text: "الباب", cue: "مدينة", gov: "حلب"}}},
		{"تقدمت القوات نحو الباب بريف حلب الشرقي.", []want{
			{text: "الباب", gov: "حلب"}, {text: "ريف حلب الشرقي", names: "حلب"},
		}},
		{"دخلت القوات جرابلس والباب ومنبج.", []want{{text: "جرابلس"}, {text: "الباب"}, {text: "منبج"}}},
		{"وقعت اشتباكات عنيفة ظهر اليوم.", nil},
		{"قال أبو عمر إن المعارك مستمرة.", nil},
		// Ambiguity: المنصورة is a town of الرقة and a village of حماة.
		{"سقطت قذائف على بلدة المنصورة بريف حماة الشمالي.", []want{
			{text: "المنصورة", gov: "حماة"}, {text: "ريف حماة الشمالي"},
		}},
		{"سقطت قذائف على بلدة المنصورة بريف الرقة الغربي.", []want{
			{text: "المنصورة", gov: "الرقة"}, {text: "ريف الرقة الغربي"},
		}},
		// Countries are recognized but add no toponym; rivers need نهر.
		{"قالت روسيا إن طائراتها عبرت نهر الفرات.", []want{
			{text: "روسيا", names: "-"}, {text: "نهر الفرات", names: "-"},
		}},
		{"أطلقت تركيا عملية درع الفرات.", []want{{text: "تركيا", names: "-"}, {text: "درع الفرات", names: "-"}}},
		// The document's own name for a place: كوباني, not the entry's عين العرب.
		{"حاصر التنظيم مدينة كوباني ( عين العرب ) شمال حلب.", []want{
			{text: "كوباني", name: "كوباني"}, {text: "عين العرب", name: "عين العرب"}, {text: "حلب", dir: "شمال"},
		}},
	}
	for _, tt := range tests {
		got := g.Recognize(tt.text, arabic.Tokenize(tt.text))
		check(t, tt.text, got, tt.want)
		checkInvariants(t, tt.text, got)
	}
}

// checkInvariants verifies what Recognize promises for any input.
func checkInvariants(t *testing.T, text string, ts []Toponym) {
	t.Helper()
	for i, tp := range ts {
		if tp.Start < 0 || tp.Start >= tp.End || tp.End > len(text) {
			t.Fatalf("%q: toponym %d span [%d,%d) outside text of %d bytes", text, i, tp.Start, tp.End, len(text))
		}
		if tp.Text != text[tp.Start:tp.End] {
			t.Fatalf("%q: toponym %d Text %q != text[%d:%d]", text, i, tp.Text, tp.Start, tp.End)
		}
		if i > 0 && tp.Start < ts[i-1].End {
			t.Fatalf("%q: toponyms %d and %d overlap or are unsorted", text, i-1, i)
		}
		if tp.Name == "" || !utf8.ValidString(tp.Name) {
			t.Fatalf("%q: toponym %d has name %q", text, i, tp.Name)
		}
		if tp.Place == nil && !tp.New {
			t.Fatalf("%q: toponym %d has neither a place nor New", text, i)
		}
		if tp.GeoPrecision < 0 || tp.GeoPrecision > 3 {
			t.Fatalf("%q: toponym %d precision %d", text, i, tp.GeoPrecision)
		}
	}
}

func TestRecognizeEdges(t *testing.T) {
	g := Default()
	if got := g.Recognize("", nil); got != nil {
		t.Errorf("empty text: %v", got)
	}
	var nilG *Gazetteer
	if got := nilG.Recognize("حلب", nil); got != nil {
		t.Errorf("nil gazetteer: %v", got)
	}
	// nil tokens: Recognize tokenizes.
	text := "قصفت الطائرات مدينة حلب."
	if got := g.Recognize(text, nil); len(got) != 1 || got[0].Name != "حلب" {
		t.Errorf("nil tokens: %+v", got)
	}
	// Tokens of another text, or out of range, do not panic.
	other := arabic.Tokenize("قصفت الطائرات مدينة حلب وريف دمشق الغربي وقرى الشطيب والرهجان " + strings.Repeat("حلب ", 20))
	for _, s := range []string{"", "حلب", "abc", text, "\xff\xfe"} {
		checkInvariants(t, s, g.Recognize(s, other))
	}
	// Long runs of lists, cues and common words (linear work: a quadratic
	// step would show as a test timeout here).
	for _, unit := range []string{"قرى البوعمرو والمقطوعة ", "قرية برقوشة ", "عمر والباب ودوما ", `تلة "الصنوبر" `, "حلب والباب "} {
		long := strings.Repeat(unit, 3000)
		checkInvariants(t, long, g.Recognize(long, nil))
	}
	bad := []arabic.Token{{Start: -5, End: 2, Norm: "حلب", Kind: arabic.Word}, {Start: 3, End: 1, Norm: "حلب", Kind: arabic.Word},
		{Start: 0, End: 1 << 30, Norm: "حلب", Kind: arabic.Word}}
	checkInvariants(t, text, g.Recognize(text, bad))
}

func TestNamesKinds(t *testing.T) {
	g := Default()
	byKind := func(k Kind) *Place {
		for i := range g.Places {
			if g.Places[i].Kind == k {
				return &g.Places[i]
			}
		}
		t.Fatalf("no place of kind %s", k)
		return nil
	}
	city := g.Lookup("حلب")[0]
	for _, tt := range []struct {
		tp   Toponym
		want []string
	}{
		{Toponym{Name: "سوريا", Place: byKind(Country)}, nil},
		{Toponym{Name: "نهر", Place: byKind(River)}, nil},
		{Toponym{Name: "طريق", Place: byKind(Road)}, nil},
		{Toponym{Name: "ريف حلب", Place: g.Lookup("ريف حلب")[0], Parent: city}, []string{"حلب"}},
		{Toponym{Name: "حلب", Place: city}, []string{"حلب"}},
		{Toponym{Name: "تلة الصنوبر", New: true}, []string{"تلة الصنوبر"}},
		{Toponym{}, nil},
	} {
		if got := tt.tp.Names(); !slices.Equal(got, tt.want) {
			t.Errorf("%q (%v): Names() = %q, want %q", tt.tp.Name, tt.tp.Place != nil, got, tt.want)
		}
	}
}

// TestRecognizeGolden runs the recognizer over an invented report and
// compares every field that matters with testdata/report.golden
// (go test -run TestRecognizeGolden -update rewrites it).
func TestRecognizeGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	ts := Default().Recognize(text, arabic.Analyze(text).Tokens)
	checkInvariants(t, text, ts)
	var b strings.Builder
	for _, tp := range ts {
		id, parent := "", ""
		if tp.Place != nil {
			id = tp.Place.ID
		}
		if tp.Parent != nil {
			parent = tp.Parent.ID
		}
		fmt.Fprintf(&b, "%d-%d\t%s\tname=%s\tcue=%s\tdir=%s\tkind=%s\tplace=%s\tparent=%s\tnew=%v\tprec=%d\tadmin=%s/%s/%s\tnames=%s\n",
			tp.Start, tp.End, tp.Text, tp.Name, tp.Cue, tp.Direction, tp.Kind, id, parent, tp.New, tp.GeoPrecision,
			tp.Governorate, tp.District, tp.Subdistrict, strings.Join(tp.Names(), "|"))
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("toponyms differ from %s (run with -update after checking):\n%s", golden, b.String())
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"قصفت الطائرات بلدة كفرنبل بريف إدلب الجنوبي.",
		`سيطرت القوات على قرى " أم الكيف , رسم الحمام " شرق حلب`,
		"وللرقة وبالحسكة وتل وقرى والباب ومنبج",
		`جبل "الثردة" وتلة "`,
		"مدينة", "قرى و", "اللواء 93 والفرقة", "", "\xff\xfeحلب",
	} {
		f.Add(s)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "report.txt"))
	if err == nil {
		f.Add(string(data))
	}
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		ts := g.Recognize(text, arabic.Tokenize(text))
		checkInvariants(t, text, ts)
		for _, tp := range ts {
			tp.Names()
		}
		// Tokens that do not belong to the text must not panic either.
		half := text[:len(text)/2]
		checkInvariants(t, half, g.Recognize(half, arabic.Tokenize(text)))
	})
}

// TestCentreOfOrganization: "مركز X الإعلامي" names a media office, while
// "مركز X" alone is the administrative centre (sentences written here).
func TestCentreOfOrganization(t *testing.T) {
	g := Default()
	names := func(text string) []string {
		var out []string
		for _, tp := range g.Recognize(text, nil) {
			out = append(out, tp.Name)
		}
		return out
	}
	if got := names("وأوضح مركز الأتارب الإعلامي أن السوق تعرض لغارات."); slices.Contains(got, "مركز الأتارب") {
		t.Errorf("media office taken for the subdistrict: %v", got)
	}
	if got := names("تتبع البلدة إداريا إلى مركز الأتارب في ريف حلب."); !slices.Contains(got, "مركز الأتارب") {
		t.Errorf("administrative centre not found: %v", got)
	}
}
