package gazetteer

import (
	"bytes"
	"compress/gzip"
	"io"
	"runtime"
	"strings"
	"testing"
)

// Bounding boxes the coordinates of each country's places must fall in.
var countryBox = map[string]box{
	"SY": syriaBox,
	"IQ": {29.0, 37.4, 38.7, 48.6},
	"LB": {33.0, 34.7, 35.1, 36.7},
	"JO": {29.1, 33.4, 34.9, 39.3},
	"TR": {35.8, 42.2, 25.6, 44.9},
}

func embeddedText(t testing.TB) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestLoadRoundTrip(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Places) < 10000 {
		t.Fatalf("only %d places", len(g.Places))
	}
	var buf bytes.Buffer
	if err := writeData(&buf, g.Places); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), embeddedText(t); got != want {
		t.Fatalf("writing the loaded places does not reproduce the data file (%d vs %d bytes)", len(got), len(want))
	}
	g2, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(g2.Places) != len(g.Places) || len(g2.index) != len(g.index) {
		t.Fatalf("reparse: %d places %d keys, want %d %d", len(g2.Places), len(g2.index), len(g.Places), len(g.index))
	}
}

func TestDefaultIsShared(t *testing.T) {
	if Default() != Default() {
		t.Fatal("Default returned two gazetteers")
	}
}

func TestInvariants(t *testing.T) {
	g := Default()
	ids := map[string]bool{}
	for i := range g.Places {
		p := &g.Places[i]
		if ids[p.ID] {
			t.Errorf("duplicate id %s", p.ID)
		}
		ids[p.ID] = true
		if !p.Kind.Valid() {
			t.Errorf("%s: invalid kind %q", p.ID, p.Kind)
		}
		if p.Name == "" || strings.TrimSpace(p.Name) != p.Name {
			t.Errorf("%s: bad name %q", p.ID, p.Name)
		}
		b, ok := countryBox[p.Country]
		if !ok && countries[p.Country] {
			b, ok = box{-90, 90, -180, 180}, true // a capital's country: anywhere
		}
		if !ok {
			t.Errorf("%s: unknown country %q", p.ID, p.Country)
			continue
		}
		if p.Lat == 0 && p.Lon == 0 {
			t.Errorf("%s %s: no coordinates", p.ID, p.Name)
		} else if !inBox(p.Lat, p.Lon, b) {
			t.Errorf("%s %s: %g,%g outside %s", p.ID, p.Name, p.Lat, p.Lon, p.Country)
		}
		if p.Kind != Country && p.Governorate == "" {
			t.Errorf("%s %s (%s): no governorate", p.ID, p.Name, p.Country)
		}
		if p.Kind != Country && p.ParentID == "" {
			t.Errorf("%s %s: no parent", p.ID, p.Name)
		}
		if p.ParentID != "" {
			if _, ok := g.ByID(p.ParentID); !ok {
				t.Errorf("%s: parent %s not found", p.ID, p.ParentID)
			}
		}
		if p.Precision < 1 || p.Precision > 3 {
			t.Errorf("%s: precision %d", p.ID, p.Precision)
		}
		if p.Country == "SY" && (p.Kind == Village || p.Kind == Town || p.Kind == City) && (p.District == "" || p.Subdistrict == "") {
			t.Errorf("%s %s: settlement without district/subdistrict", p.ID, p.Name)
		}
		seen := map[string]bool{Fold(p.Name): true}
		for _, v := range p.Variants {
			k := Fold(v)
			if v == "" || seen[k] {
				t.Errorf("%s: empty or duplicate variant %q", p.ID, v)
			}
			seen[k] = true
		}
	}
	for _, gov := range []string{"دمشق", "ريف دمشق", "حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "الرقة", "دير الزور", "الحسكة", "درعا", "السويداء", "القنيطرة"} {
		if !hasKind(g.Lookup(gov), Governorate) {
			t.Errorf("governorate %s missing", gov)
		}
	}
}

func hasKind(ps []*Place, k Kind) bool {
	for _, p := range ps {
		if p.Kind == k {
			return true
		}
	}
	return false
}

// TestKnownPlaces checks that well-known places resolve with the expected
// kind, governorate and plausible coordinates (within maxKm of where they
// are).
func TestKnownPlaces(t *testing.T) {
	g := Default()
	tests := []struct {
		query    string
		kind     Kind
		gov      string
		lat, lon float64
		maxKm    float64
	}{
		{"دمشق", City, "دمشق", 33.51, 36.29, 5},
		{"دمشق", Governorate, "دمشق", 33.51, 36.29, 10},
		{"حلب", City, "حلب", 36.20, 37.15, 6},
		{"حلب", Governorate, "حلب", 36.2, 37.5, 60},
		{"دير الزور", City, "دير الزور", 35.33, 40.14, 5},
		{"دير الزور", Governorate, "دير الزور", 35.2, 40.3, 40},
		{"ديرالزور", City, "دير الزور", 35.33, 40.14, 5},
		{"مدينة دير الزور", City, "دير الزور", 35.33, 40.14, 5},
		{"محافظة دير الزور", Governorate, "دير الزور", 35.2, 40.3, 40},
		{"البوكمال", City, "دير الزور", 34.45, 40.92, 5},
		{"أبو كمال", City, "دير الزور", 34.45, 40.92, 5},
		{"الميادين", City, "دير الزور", 35.02, 40.45, 5},
		{"حماه", City, "حماة", 35.13, 36.75, 5},
		{"الرقه", City, "الرقة", 35.95, 39.01, 5},
		{"اللاذقيه", City, "اللاذقية", 35.53, 35.79, 5},
		{"قامشلو", City, "الحسكة", 37.05, 41.22, 5},
		{"كوباني", City, "حلب", 36.89, 38.35, 5},
		{"الطبقة", City, "الرقة", 35.84, 38.55, 5},
		{"ادلب", City, "إدلب", 35.93, 36.63, 5},
		{"كفرنبل", Town, "إدلب", 35.61, 36.56, 5},
		{"كفر نبل", Town, "إدلب", 35.61, 36.56, 5},
		{"دوما", City, "ريف دمشق", 33.57, 36.40, 5},
		{"العرفي", Neighbourhood, "دير الزور", 35.33, 40.14, 5},
		{"حي العرفي", Neighbourhood, "دير الزور", 35.33, 40.14, 5},
		{"الشيخ مقصود", Neighbourhood, "حلب", 36.2, 37.15, 8},
		{"بابا عمرو", Neighbourhood, "حمص", 34.72, 36.69, 8},
		{"جوبر", Neighbourhood, "دمشق", 33.52, 36.32, 8},
		{"حقل العمر", Field, "دير الزور", 35.0, 40.5, 30},
		{"حقل كونيكو", Field, "دير الزور", 35.28, 40.3, 20},
		{"مطار دير الزور العسكري", Airport, "دير الزور", 35.28, 40.18, 3},
		{"مطار كويرس", Airport, "حلب", 36.19, 37.58, 3},
		{"مطار التيفور", Airport, "حمص", 34.52, 37.63, 3},
		{"قاعدة حميميم", Airport, "اللاذقية", 35.40, 35.95, 3},
		{"مخيم الهول", Camp, "الحسكة", 36.38, 41.15, 5},
		{"مخيم الركبان", Camp, "حمص", 33.3, 38.7, 20},
		{"باب الهوى", Crossing, "إدلب", 36.23, 36.67, 5},
		{"سد تشرين", Dam, "حلب", 36.38, 38.18, 5},
		{"جبل الزاوية", Mountain, "إدلب", 35.68, 36.5, 20},
		{"الغوطة الشرقية", Region, "ريف دمشق", 33.53, 36.42, 15},
		{"ريف دير الزور الشرقي", Region, "دير الزور", 35.2, 40.3, 80},
		{"البادية السورية", Region, "حمص", 34.6, 38.6, 150},
		{"الموصل", City, "نينوى", 36.34, 43.13, 5},
		{"القائم", City, "الأنبار", 34.37, 41.09, 10},
		{"عرسال", Town, "بعلبك الهرمل", 34.18, 36.42, 5},
		{"الرمثا", City, "إربد", 32.56, 36.01, 5},
		{"غازي عنتاب", City, "غازي عنتاب", 37.07, 37.38, 5},
		{"أقجة قلعة", Town, "شانلي أورفة", 36.71, 38.95, 5},
	}
	for _, tt := range tests {
		var got *Place
		for _, p := range g.Lookup(tt.query) {
			if p.Kind == tt.kind && p.Governorate == tt.gov {
				got = p
				break
			}
		}
		if got == nil {
			var have []string
			for _, p := range g.Lookup(tt.query) {
				have = append(have, string(p.Kind)+"/"+p.Governorate+"/"+p.ID)
			}
			t.Errorf("Lookup(%q): no %s in %s; have %v", tt.query, tt.kind, tt.gov, have)
			continue
		}
		if d := distKm(got.Lat, got.Lon, tt.lat, tt.lon); d > tt.maxKm {
			t.Errorf("Lookup(%q) %s at %g,%g: %.0f km from %g,%g", tt.query, got.ID, got.Lat, got.Lon, d, tt.lat, tt.lon)
		}
	}
}

// TestRanking checks that the ambiguity rank orders what a reader expects.
func TestRanking(t *testing.T) {
	g := Default()
	first := func(q string) *Place {
		ps := g.Lookup(q)
		if len(ps) == 0 {
			t.Fatalf("Lookup(%q): nothing", q)
		}
		return ps[0]
	}
	for _, q := range []string{"حلب", "دير الزور", "الرقة"} {
		if p := first(q); p.Kind != Governorate {
			t.Errorf("Lookup(%q)[0] = %s %s, want the governorate", q, p.Kind, p.ID)
		}
	}
	for _, q := range []string{"منبج", "الباب", "دوما", "المليحة"} {
		if p := first(q); !p.Kind.IsSettlement() || p.Rank < 500 {
			t.Errorf("Lookup(%q)[0] = %s %s rank %d, want a city or town", q, p.Kind, p.ID, p.Rank)
		}
	}
	ps := g.Lookup("دير الزور")
	for i := 1; i < len(ps); i++ {
		if ps[i].Rank > ps[i-1].Rank {
			t.Fatalf("Lookup not sorted by rank: %d after %d", ps[i].Rank, ps[i-1].Rank)
		}
	}
}

func TestLookupMisses(t *testing.T) {
	g := Default()
	for _, q := range []string{"", " ", "قرية", "xyzzy", "\x00", "حي"} {
		if ps := g.Lookup(q); len(ps) != 0 {
			t.Errorf("Lookup(%q) = %d places, want none", q, len(ps))
		}
	}
	if _, ok := g.ByID("no-such-id"); ok {
		t.Error("ByID found a missing id")
	}
	if p, ok := g.ByID("SY09"); !ok || p.Name != "دير الزور" || p.Kind != Governorate {
		t.Errorf("ByID(SY09) = %+v, %v", p, ok)
	}
}

func TestKeys(t *testing.T) {
	g := Default()
	keys := g.Keys()
	if len(keys) < len(g.Places) {
		t.Fatalf("%d keys for %d places", len(keys), len(g.Places))
	}
	for _, k := range keys[:100] {
		if Fold(k) != k {
			t.Fatalf("key %q is not folded", k)
		}
		if len(g.LookupKey(k)) == 0 {
			t.Fatalf("LookupKey(%q) found nothing", k)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := formatMagic + "\n" + header + "\n"
	row := "SY\tcountry\tSY\tسوريا\tSyria\t\t\t\t\t\t35\t38\t1\t1000"
	tests := []struct{ name, in, want string }{
		{"empty", "", "no header"},
		{"no magic", header + "\n", "not a rasad gazetteer"},
		{"bad header", formatMagic + "\nid\tkind\n", "unexpected header"},
		{"short row", good + "SY\tcountry\n", "columns"},
		{"long row", good + row + "\textra\n", "columns"},
		{"bad kind", good + strings.Replace(row, "country", "planet", 1) + "\n", "unknown kind"},
		{"bad lat", good + strings.Replace(row, "\t35\t", "\tnorth\t", 1) + "\n", "lat"},
		{"lat range", good + strings.Replace(row, "\t35\t", "\t95\t", 1) + "\n", "out of range"},
		{"bad precision", good + strings.Replace(row, "\t1\t1000", "\t7\t1000", 1) + "\n", "precision"},
		{"bad rank", good + strings.Replace(row, "\t1000", "\thigh", 1) + "\n", "rank"},
		{"empty id", good + strings.Replace(row, "SY\tcountry", "\tcountry", 1) + "\n", "empty id"},
		{"empty name", good + strings.Replace(row, "سوريا", "", 1) + "\n", "empty name"},
		{"duplicate", good + row + "\n" + row + "\n", "duplicate id"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	g, err := Parse(strings.NewReader(good + row + "\r\n"))
	if err != nil || len(g.Places) != 1 || len(g.Lookup("سورية")) != 0 || len(g.Lookup("سوريا")) != 1 {
		t.Errorf("minimal file: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	good := formatMagic + "\n" + header + "\n"
	f.Add(good + "SY\tcountry\tSY\tسوريا\tSyria\tسورية|الشام\t\t\t\t\t35\t38\t1\t1000\n")
	f.Add(good + "a\tvillage\tSY\tقرية\t\t\tحلب\t\t\tSY\t1e2\t-0\t2\t-5\n")
	f.Add(good + "\t\t\t\t\t\t\t\t\t\t\t\t\t\n")
	f.Add(formatMagic)
	f.Fuzz(func(t *testing.T, in string) {
		g, err := Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		for i := range g.Places {
			p := &g.Places[i]
			if _, ok := g.ByID(p.ID); !ok {
				t.Fatalf("ByID(%q) fails", p.ID)
			}
			for _, n := range p.Names() {
				g.Lookup(n)
			}
		}
	})
}

// BenchmarkLoad measures Load (parsing, indexing and the recognizer's
// trie) and reports the heap one loaded Gazetteer retains (heap-MB).
func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(embedded)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(retainedMB(b), "heap-MB")
}

// retainedMB returns the heap, in MB, that one loaded Gazetteer retains.
func retainedMB(tb testing.TB) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / 1e6
}

// TestLoadMemory: a loaded gazetteer stays well under 100 MB of heap.
func TestLoadMemory(t *testing.T) {
	if mb := retainedMB(t); mb > 100 {
		t.Errorf("a loaded gazetteer retains %.1f MB of heap, want < 100", mb)
	}
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	names := []string{"دير الزور", "حي العرفي", "الميادين", "كفرنبل", "مطار كويرس العسكري", "لا شيء هنا"}
	n := 0
	for _, s := range names {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range names {
			g.Lookup(s)
		}
	}
}
