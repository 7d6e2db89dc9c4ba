package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"rasad/internal/source"
)

func addTestdataSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// FuzzClean checks the invariant Clean guarantees on any input: Text is
// raw with the removals cut out; removals sorted, in range, disjoint.
func FuzzClean(f *testing.F) {
	addTestdataSeeds(f, "*.txt")
	for _, s := range []string{"", " . . . ", "ـــ", "a\r\nb", "\u200f\u00a0\n\n\n", "2017 / 11 / 15 الساعة 21 : 24 حجم الخط",
		"عنوان | موقع | عنوان عنوان عنوان عنوان", "اقرأ أيضا\nجميع الحقوق محفوظة", "\xff\xfe\x00", "( ( ( \" \" »",
		"قتل ... \nقتل قتل قتل قتل قتل ."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		raw := string(b)
		text, rem, _ := Clean(raw)
		checkInvariants(t, raw, text, rem)
		d := &Document{Raw: raw, Text: text, Removed: rem}
		for i := 0; i < len(text); i += 1 + len(text)/16 {
			if j := d.RawOffset(i); raw[j] != text[i] {
				t.Fatalf("RawOffset(%d)=%d maps %q to %q", i, j, text[i], raw[j])
			}
		}
	})
}

// FuzzDecode checks that Decode never panics and returns valid UTF-8 with
// a named encoding, or an error.
func FuzzDecode(f *testing.F) {
	addTestdataSeeds(f, "*.txt")
	f.Add([]byte{0xFF, 0xFE, 'a', 0, 0x46, 0x06})
	f.Add([]byte{0xFE, 0xFF, 0x06, 0x46, 0, 'a', 0})
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xd9, 0x82})
	f.Add([]byte{0xe3, 0xc7, 0xc8, 0x20, 0xd1}) // windows-1256
	f.Add([]byte("a\x00b"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, enc, err := Decode(b)
		if err != nil {
			return
		}
		if enc == "" || !utf8.ValidString(s) || strings.TrimSpace(s) == "" {
			t.Fatalf("Decode = %q, %q, nil", s, enc)
		}
	})
}

// FuzzBuildHTML checks that any page either fails with an error naming
// the origin or yields a document keeping the invariants.
func FuzzBuildHTML(f *testing.F) {
	// small seeds: the fuzzer minimizes every new input, and a whole page
	// makes that slow
	f.Add([]byte("<html><head><title>عنوان</title><meta property=\"og:site_name\" content=\"موقع\"></head>" +
		"<body><nav><a href=/>الرئيسية</a></nav><article><p>" + para1 + "</p><p>" + para2 + "</p></article>" +
		"<footer>جميع الحقوق محفوظة</footer></body></html>"))
	f.Add([]byte("<p>" + para1 + "</p>"))
	f.Add([]byte("<div><div><div><p>" + para1 + "<script>x</script><style>y</style>&amp;&#x0;&#1602;"))
	f.Add([]byte("<html><head><meta charset=windows-1256><title>t</title></head><body><table><tr><td>" + para2))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Build(source.Record{ID: "f", Origin: "fuzz.html", Format: source.HTML, Body: b})
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.html") {
				t.Fatalf("error %q does not name the origin", err)
			}
			return
		}
		checkInvariants(t, d.Raw, d.Text, d.Removed)
		if strings.TrimSpace(d.Text) == "" {
			t.Fatal("empty text without an error")
		}
	})
}
