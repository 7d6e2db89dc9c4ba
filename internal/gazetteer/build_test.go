package gazetteer

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

const sharedDir = "../../../shared/data/gazetteer"
const supplementPath = "../../data/gazetteer/supplement.tsv"

func needShared(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "wof-sy", "wof_sy_places.csv")); err != nil {
		t.Skip("../shared not present: " + err.Error())
	}
}

var (
	buildOnce  sync.Once
	buildOut   []byte
	buildStats Stats
	buildErr   error
)

// freshBuild runs Build on the shared sources and the committed supplement
// once per test binary.
func freshBuild(t testing.TB) ([]byte, Stats) {
	t.Helper()
	needShared(t)
	buildOnce.Do(func() {
		sup, err := os.ReadFile(supplementPath)
		if err != nil {
			buildErr = err
			return
		}
		var buf bytes.Buffer
		buildStats, buildErr = Build(sharedDir, sup, &buf)
		buildOut = buf.Bytes()
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildOut, buildStats
}

func gunzip(t testing.TB, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestCommittedFileIsFresh fails when gazetteer.tsv.gz is stale: run
// `go generate ./internal/gazetteer`.
func TestCommittedFileIsFresh(t *testing.T) {
	out, stats := freshBuild(t)
	if got, want := gunzip(t, out), embeddedText(t); got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := 0; i < min(len(gl), len(wl)); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("gazetteer.tsv.gz is stale (run go generate ./internal/gazetteer); first difference at line %d:\nfresh:     %s\ncommitted: %s", i+1, truncate(gl[i], 300), truncate(wl[i], 300))
			}
		}
		t.Fatalf("gazetteer.tsv.gz is stale (run go generate ./internal/gazetteer): %d vs %d lines", len(gl), len(wl))
	}
	t.Logf("%s", stats)
}

func TestBuildDeterministic(t *testing.T) {
	first, _ := freshBuild(t)
	sup, err := os.ReadFile(supplementPath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := Build(sharedDir, sup, &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), first) {
		t.Fatal("two builds from the same inputs differ")
	}
}

func TestBuildStats(t *testing.T) {
	_, s := freshBuild(t)
	if s.AdminAreas != 14+62+272 {
		t.Errorf("admin areas = %d, want 348", s.AdminAreas)
	}
	if s.ByKind[Governorate] < 14 || s.ByKind[District] != 62 || s.ByKind[Subdistrict] != 272 {
		t.Errorf("admin kinds: %v", s.ByKind)
	}
	if s.ByKind[City] < 60 || s.ByKind[Town] < 250 || s.ByKind[Village] < 8000 || s.ByKind[Neighbourhood] < 250 {
		t.Errorf("settlement kinds: %v", s.ByKind)
	}
	if s.CountyAgreement < 0.8 {
		t.Errorf("county agreement %.2f", s.CountyAgreement)
	}
}

// Every district and nearly every subdistrict has its seat among the
// settlements.
func TestSeats(t *testing.T) {
	g := Default()
	seated := map[string]bool{}
	cityIn := map[string]bool{}
	for i := range g.Places {
		p := &g.Places[i]
		if p.Kind == Town || p.Kind == City {
			seated[p.ParentID] = true
		}
		if p.Kind == City && p.Country == "SY" {
			cityIn[p.District] = true
		}
	}
	missingSub := 0
	for i := range g.Places {
		p := &g.Places[i]
		switch p.Kind {
		case District:
			if !cityIn[p.Name] && p.Name != "مركز ريف دمشق" {
				t.Errorf("district %s %s has no city", p.ID, p.Name)
			}
		case Subdistrict:
			if !seated[p.ID] {
				missingSub++
			}
		}
	}
	if missingSub > 15 {
		t.Errorf("%d subdistricts without a seat", missingSub)
	}
}

func TestBuildMissingSources(t *testing.T) {
	_, err := Build(t.TempDir(), nil, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "opensyria") {
		t.Fatalf("err = %v, want an opensyria error", err)
	}
}

func TestBuildBadSupplement(t *testing.T) {
	needShared(t)
	head := strings.Join(supColumns, "\t") + "\n"
	tests := []struct{ name, sup, want string }{
		{"unknown governorate", head + "town\tبلدة\t\tTown\tSY\tلا مكان\t\t35\t38\t\t\n", "governorate"},
		{"unknown parent", head + "neighbourhood\tحي ما\t\tSome Quarter\tSY\tحلب\tمدينة لا توجد\t\t\t\t\n", "parent"},
		{"unknown parent id", head + "neighbourhood\tحي ما\t\tSome Quarter\tSY\tحلب\twof:1\t\t\t\t\n", "parent id"},
		{"foreign province first", head + "city\tمدينة\t\tCity\tIQ\tمحافظة ما\t\t33\t44\t\t\n", "not defined"},
		{"duplicate id", head + "region\tمنطقة أولى\t\tSame\tSY\tحلب\t\t\t\t\t\nregion\tمنطقة ثانية\t\tSame\tSY\tحلب\t\t\t\t\t\n", "already used"},
	}
	for _, tt := range tests {
		_, err := Build(sharedDir, []byte(tt.sup), io.Discard)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestParseSupplement(t *testing.T) {
	head := "# comment\n\n" + strings.Join(supColumns, "\t") + "\n"
	es, err := parseSupplement([]byte(head + "camp\t مخيم  الهول \tمخيم الهول للنازحين|\tAl-Hol Camp\tSY\tالحسكة\tالهول\t\t\t\t\r\n# end\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := supEntry{Line: 4, Kind: Camp, Name: "مخيم الهول", Variants: []string{"مخيم الهول للنازحين"}, NameEN: "Al-Hol Camp", Country: "SY", Governorate: "الحسكة", Parent: "الهول"}
	if len(es) != 1 || !equalEntry(es[0], want) {
		t.Fatalf("got %+v\nwant %+v", es, want)
	}
	row := func(fields ...string) string { return head + strings.Join(fields, "\t") + "\n" }
	ok := []string{"town", "بلدة", "", "Town", "SY", "حلب", "", "36", "37", "", ""}
	with := func(i int, v string) []string { f := slices.Clone(ok); f[i] = v; return f }
	bad := []struct {
		name, in, want string
	}{
		{"no header", "# only comments\n", "no header"},
		{"missing column", "kind\tname\n", "lacks column"},
		{"repeated column", "kind\tkind\n", "repeats"},
		{"kind", row(with(0, "castle")...), "unknown kind"},
		{"latin name", row(with(1, "Town")...), "not an Arabic name"},
		{"country", row(with(4, "XX")...), "country"},
		{"no english", row(with(3, "")...), "name_en"},
		{"no governorate", row(with(5, "")...), "governorate"},
		{"lat only", row(with(8, "")...), "both or neither"},
		{"lat", row(with(7, "north")...), "latitude"},
		{"outside", row(with(7, "10")...), "outside Syria"},
		{"precision", row(with(9, "4")...), "precision"},
		{"id", row(with(10, "a b")...), "id"},
		{"variant", row(with(2, "Town")...), "variants"},
		{"too many", row(append(ok, "x")...), "columns"},
		{"utf8", head + "\xff\n", "UTF-8"},
	}
	for _, tt := range bad {
		_, err := parseSupplement([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func equalEntry(a, b supEntry) bool {
	return a.Line == b.Line && a.Kind == b.Kind && a.Name == b.Name && slices.Equal(a.Variants, b.Variants) &&
		a.NameEN == b.NameEN && a.Country == b.Country && a.Governorate == b.Governorate && a.Parent == b.Parent &&
		a.HasCoords == b.HasCoords && a.Precision == b.Precision && a.ID == b.ID
}

func TestCommittedSupplementParses(t *testing.T) {
	data, err := os.ReadFile(supplementPath)
	if err != nil {
		t.Fatal(err)
	}
	es, err := parseSupplement(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 1000 {
		t.Errorf("only %d supplement entries", len(es))
	}
}

func FuzzParseSupplement(f *testing.F) {
	head := strings.Join(supColumns, "\t") + "\n"
	f.Add(head + "town\tبلدة\tبلده|البلدة\tTown\tSY\tحلب\tحلب\t36\t37\t1\t\n")
	f.Add(head + "country\tبلد\t\tLand\tIQ\t\t\t\t\t\tx\n")
	f.Add("# c\n" + head + "\t\t\t\t\t\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := parseSupplement([]byte(in))
		if err != nil {
			return
		}
		for _, e := range es {
			if !e.Kind.Valid() || !countries[e.Country] || e.Name == "" {
				t.Fatalf("accepted invalid entry %+v", e)
			}
		}
	})
}

func FuzzParseWOF(f *testing.F) {
	head := strings.Join(wofColumns, ",") + "\n"
	f.Add(head + `1,locality,Halab,حلب|Ḩalab,36.2,37.1,5,"{""region_id"": 5}",1,Q1,,[]` + "\n")
	f.Add(head + "2,,,,,,,{},,,,[]\n")
	f.Add("id,name\n1,x\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := parseWOF(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.HasCoords && (r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180) {
				t.Fatalf("accepted bad coordinates %g,%g", r.Lat, r.Lon)
			}
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	needShared(b)
	sup, err := os.ReadFile(supplementPath)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(sharedDir, sup, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
