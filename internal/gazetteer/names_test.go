package gazetteer

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"حماة", "حماه"},
		{"حماه", "حماه"},
		{"إدلب", "ادلب"},
		{"آل", "ال"},
		{"ٱلرقة", "الرقه"},
		{"مصطفى", "مصطفي"},
		{"دِرعا", "درعا"},
		{"البصّالي", "البصالي"},
		{"حـــلب", "حلب"},
		{"  دير   الزور ", "دير الزور"},
		{"دير\u200fالزور", "ديرالزور"},
		{"طريق دمشق - حلب", "طريق دمشق حلب"},
		{"كۆبانی", "كۆباني"},
		{"مطار T4", "مطار t4"},
		{"اللواء ١٣٧", "اللواء 137"},
		{"\xff\xfeحلب", "حلب"},
		{"القائم", "القايم"},
		{"مؤتة", "موته"},
		{"ﺣﻠﺐ", "حلب"},
		{"ﻻذقية", "لاذقيه"},
		{"HALAB", "halab"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"مُحافظة  اللاذقية", "محافظة اللاذقية"},
		{"\u200eعين\tبور ", "عين بور"},
		{"حـلب", "حلب"},
		{"قریة", "قرية"},
		{"أبو كمال", "أبو كمال"},
	}
	for _, tt := range tests {
		if got := cleanName(tt.in); got != tt.want {
			t.Errorf("cleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsArabicName(t *testing.T) {
	for s, want := range map[string]bool{"حلب": true, "Halab": false, "Ḩalab": false, "ح": false, "حلب Halab": false, "دير الزور": true, "": false} {
		if got := isArabicName(s); got != want {
			t.Errorf("isArabicName(%q) = %v", s, got)
		}
	}
}

func TestStripTypeWord(t *testing.T) {
	for in, want := range map[string]string{
		Fold("حي العرفي"):         Fold("العرفي"),
		Fold("مدينة دير الزور"):   Fold("دير الزور"),
		Fold("محافظة حلب"):        Fold("حلب"),
		Fold("حي"):                Fold("حي"),
		Fold("حيان"):              Fold("حيان"),
		Fold("مخيم الهول"):        Fold("مخيم الهول"),
		Fold("قرية الطيبة"):       Fold("الطيبة"),
		Fold("ناحية مركز حلب"):    Fold("مركز حلب"),
		Fold("بلدة كفر نبل"):      Fold("كفر نبل"),
		Fold("منطقة الجزيرة"):     Fold("الجزيرة"),
		Fold("منطقه"):             Fold("منطقه"),
		Fold("مدينةحمص"):          Fold("مدينةحمص"),
		Fold("حي الوعر بحمص"):     Fold("الوعر بحمص"),
		Fold("قرية  عين  عيسى"):   Fold("عين عيسى"),
		Fold("مدينة مدينة البعث"): Fold("مدينة البعث"),
	} {
		if got := stripTypeWord(in); got != want {
			t.Errorf("stripTypeWord(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGenerateVariants(t *testing.T) {
	tests := []struct {
		name string
		want []string // generated forms that must appear
		not  []string // forms that must not
	}{
		{"الرقة", nil, []string{"رقة"}},
		{"الميادين", []string{"ميادين"}, nil},
		{"الباب", nil, []string{"باب"}},
		{"التل", nil, []string{"تل"}},
		{"الحجر الأسود", []string{"حجر أسود"}, nil},
		{"دير الزور", []string{"ديرالزور"}, nil},
		{"ديرالزور", []string{"دير الزور"}, nil},
		{"كفر نبل", []string{"كفرنبل"}, nil},
		{"كفرنبل", []string{"كفر نبل"}, nil},
		{"تلكلخ", []string{"تل كلخ"}, nil},
		{"البو كمال", []string{"البوكمال"}, nil},
		{"معرة مصرين", []string{"معرتمصرين"}, nil},
		{"معرتمصرين", []string{"معرة مصرين"}, nil},
		{"معرة النعمان", nil, []string{"معرتالنعمان"}},
		{"السويداء", []string{"السويدا", "سويداء"}, nil},
		{"تلة", nil, []string{"تل ة"}},
		{"ديرون", nil, []string{"دير ون"}},
		{"عين العرب", nil, []string{"عين عرب"}},
	}
	for _, tt := range tests {
		got := generateVariants(tt.name)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("generateVariants(%q) = %q, lacks %q", tt.name, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("generateVariants(%q) = %q, has %q", tt.name, got, w)
			}
		}
	}
}

func TestLooseKeyAndAdminAlias(t *testing.T) {
	if looseKey("السلمية") != looseKey("سلمية") || looseKey("البو كمال") != looseKey("البوكمال") {
		t.Error("looseKey should ignore the article and spaces")
	}
	p := &bplace{Place: Place{Kind: District}}
	p.setNames("منبج")
	for _, a := range []string{"منطقة منبج", "محافظة منبج", "مركز منبج", "حيالين", "ناحية منبج", "Manbij"} {
		p.addAdminAlias(a)
	}
	if want := []string{"منبج", "منطقة منبج"}; !slices.Equal(p.names, want) {
		t.Errorf("district aliases = %q, want %q", p.names, want)
	}
	s := &bplace{Place: Place{Kind: Subdistrict}}
	s.setNames("مركز الحسكة")
	for _, a := range []string{"ناحية مركز الحسكة", "الغوطة الشرقية", "مركز الحسكه"} {
		s.addAdminAlias(a)
	}
	if want := []string{"مركز الحسكة", "ناحية مركز الحسكة"}; !slices.Equal(s.names, want) {
		t.Errorf("subdistrict aliases = %q, want %q", s.names, want)
	}
}

func TestPickCanonical(t *testing.T) {
	tests := []struct {
		names     []string
		en        string
		romanized []string
		want      string
	}{
		{[]string{"قورت قولاق", "الديب الكبير"}, "Ad Dib al Kabir", nil, "الديب الكبير"},
		{[]string{"جولاقلي", "خضر", "الخضر"}, "Khidr", nil, "الخضر"},
		{[]string{"لاذقية", "اللاذقية", "اللاذقيه"}, "Latakia", nil, "اللاذقية"},
		{[]string{"الهادر", "الحاضر"}, "Al Hadir", []string{"Al Ḩāḑir"}, "الحاضر"},
		{[]string{"خان تحتاني", "ماوى تحتاني"}, "Mawi Tahtani", nil, "ماوى تحتاني"},
		{[]string{"كوبانێ", "كوباني"}, "Kobani", nil, "كوباني"},
		{[]string{"حلب"}, "Aleppo", nil, "حلب"},
		{[]string{"أ", "ب"}, "", nil, "أ"},
	}
	for _, tt := range tests {
		if got := tt.names[pickCanonical(tt.names, tt.en, tt.romanized...)]; got != tt.want {
			t.Errorf("pickCanonical(%q, %q) = %q, want %q", tt.names, tt.en, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Al-Omar Oil Field": "al-omar-oil-field", "Tha'la Air Base": "tha-la-air-base", "Ḩimş": "hims", "  ": "", "3000 Apartments": "3000-apartments"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"حماة", "دِرعا", "  دير   الزور ", "كۆبانی", "\xff", "حي العرفي"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Fold(%q) = invalid UTF-8", s)
		}
		if Fold(k) != k {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, k, Fold(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Fold(%q) = %q has stray spaces", s, k)
		}
		stripTypeWord(k)
		generateVariants(cleanName(s))
		looseKey(s)
		arabicSkeleton(s)
		latinSkeleton(s)
		fineLatinSkeleton(s)
	})
}

func BenchmarkFold(b *testing.B) {
	s := "قصفت الطائرات الحربية مدينة دير الزور وحي العرفي وريف دير الزور الشرقي"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(s)
	}
}
