package arabic

import (
	"bytes"
	"io"
	"math/rand"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"قصف", "قصف"},
		{"أَحْمَدُ", "احمد"},
		{"مُدَرِّسَةٌ", "مدرسه"},
		{"سيّارةً", "سياره"},
		{"إدلب", "ادلب"},
		{"آلاف", "الاف"},
		{"ٱلله", "الله"},
		{"ٲ ٳ ٵ", "ا ا ا"},
		{"مستشفى", "مستشفي"},
		{"مسؤول", "مسوول"},
		{"رئيس", "رييس"},
		{"شيء", "شيء"},
		{"الرحمٰن", "الرحمن"},
		{"جـــيش", "جيش"},
		{"كتاب\u200cخانه", "كتابخانه"},
		{"\u200fمرحبا\u200e", "مرحبا"},
		{"\u202bنص\u202c", "نص"},
		{"\u2067نص\u2069", "نص"},
		{"\ufeffنص", "نص"},
		{"\u061cنص", "نص"},
		{"ﻻ", "لا"},
		{"ﷲ", "الله"},
		{"ﺑﺴﻢ", "بسم"},
		{"ﹰ", ""},
		{"کرکوک", "كركوك"},
		{"ایران", "ايران"},
		{"ہے", "هي"},
		{"ە", "ه"},
		{"٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		{"١٬٥٠٠ و٣٫٥", "1,500 و3.5"},
		{"٪٥٠", "%50"},
		{"قال، ثم؛ لماذا؟", "قال، ثم؛ لماذا؟"},
		{"Reuters AFP", "reuters afp"},
		{"ÉCOLE Straße", "école straße"},
		{"ΑΘΗΝΑ", "αθηνα"},
		{"a  b\t\nc", "a  b\t\nc"},
		{"\xff", "\ufffd"},
		{"ا\xd8", "ا\ufffd"},
		{"\u00a0", "\u00a0"},
		{"soft\u00adhyphen", "softhyphen"},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Fold(Fold(c.in)); got != Fold(c.in) {
			t.Errorf("Fold not idempotent on %q", c.in)
		}
		f, m := FoldMap(c.in)
		if f != c.want {
			t.Errorf("FoldMap(%q) = %q, want %q", c.in, f, c.want)
		}
		checkFoldMap(t, c.in, f, m)
		if got, _, err := transform.String(NewFolder(), c.in); err != nil || got != c.want {
			t.Errorf("Folder(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestFoldNoAllocWhenUnchanged(t *testing.T) {
	s := "قصف الطيران الحربي مواقع في ريف المدن 123"
	if Fold(s) != s {
		t.Fatal("expected unchanged")
	}
	if n := testing.AllocsPerRun(100, func() { Fold(s) }); n != 0 {
		t.Errorf("Fold allocated %v times for unchanged text", n)
	}
}

func TestFoldMap(t *testing.T) {
	in := "أَ ﻻ"
	f, m := FoldMap(in)
	if f != "ا لا" {
		t.Fatalf("got %q", f)
	}
	// ا (bytes 0-1) ← أ at 0; the fatha (2-3) is dropped; space (2) ← 4;
	// ل ا (3-6) ← ﻻ at 5; end 8
	want := []int{0, 0, 4, 5, 5, 5, 5, 8}
	if len(m) != len(want) {
		t.Fatalf("map %v, want %v", m, want)
	}
	for i := range want {
		if m[i] != want[i] {
			t.Fatalf("map %v, want %v", m, want)
		}
	}
}

func checkFoldMap(t *testing.T, in, f string, m []int) {
	t.Helper()
	if len(m) != len(f)+1 {
		t.Fatalf("FoldMap(%q): %d entries for %d bytes", in, len(m), len(f))
	}
	if m[len(f)] != len(in) {
		t.Fatalf("FoldMap(%q): last entry %d, want %d", in, m[len(f)], len(in))
	}
	for i := range m {
		if m[i] < 0 || m[i] > len(in) || (i > 0 && m[i] < m[i-1]) {
			t.Fatalf("FoldMap(%q): bad map %v", in, m)
		}
	}
}

// foldSamples mixes every class Fold handles.
var foldSamples = []string{
	"أَحْمَدُ", " ", "ﻻ", "ﷺ", "ﷲ", "١٢٣", "۴۵", "ABC", "\u200f", "ـ", "ة", "ى", "ؤ", "ئ", "\xff", "\xd8",
	"قصف", "،", "؟", "ک", "ی", "“", "€", "😀", "\n", "ÉÀ", "ﹰ", "ٱ", "\u0670",
}

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(foldSamples[r.Intn(len(foldSamples))])
	}
	return b.String()
}

// TestFolderChunks checks that the Transformer gives Fold's output for
// byte-at-a-time sources, tiny destination buffers and random chunkings.
func TestFolderChunks(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		in := randomText(r, r.Intn(40))
		want := Fold(in)

		got, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(in)), NewFolder()))
		if err != nil || string(got) != want {
			t.Fatalf("OneByteReader: %q -> %q (%v), want %q", in, got, err, want)
		}
		got, err = io.ReadAll(iotest.OneByteReader(transform.NewReader(strings.NewReader(in), NewFolder())))
		if err != nil || string(got) != want {
			t.Fatalf("reader: %q -> %q (%v), want %q", in, got, err, want)
		}
		// manual loop with random src chunks and small dst buffers (the
		// largest single expansion, ﷺ, needs 33 bytes; ﷲ needs 8)
		dstSize := 40 + r.Intn(8)
		if !strings.Contains(in, "ﷺ") {
			dstSize = 8 + r.Intn(8)
		}
		if !strings.Contains(in, "ﷺ") && !strings.Contains(in, "ﷲ") {
			dstSize = 4 + r.Intn(8)
		}
		got = manualTransform(t, NewFolder(), []byte(in), dstSize, r)
		if string(got) != want {
			t.Fatalf("manual dst=%d: %q -> %q, want %q", dstSize, in, got, want)
		}
		// chained
		s, _, err := transform.String(transform.Chain(NewFolder(), NewFolder()), in)
		if err != nil || s != want {
			t.Fatalf("chain: %q -> %q (%v), want %q", in, s, err, want)
		}
	}
}

func manualTransform(t *testing.T, tr transform.Transformer, src []byte, dstSize int, r *rand.Rand) []byte {
	t.Helper()
	var out bytes.Buffer
	dst := make([]byte, dstSize)
	pending := []byte{}
	for pos := 0; pos < len(src) || len(pending) > 0; {
		// feed a random chunk
		k := min(len(src)-pos, 1+r.Intn(5))
		pending = append(pending, src[pos:pos+k]...)
		pos += k
		atEOF := pos == len(src)
		for iter := 0; ; iter++ {
			if iter > 1000 {
				t.Fatal("no progress")
			}
			nDst, nSrc, err := tr.Transform(dst, pending, atEOF)
			out.Write(dst[:nDst])
			pending = pending[nSrc:]
			if err == transform.ErrShortDst {
				if nDst == 0 && nSrc == 0 {
					t.Fatalf("ErrShortDst with no progress, dst=%d", dstSize)
				}
				continue
			}
			if err == transform.ErrShortSrc {
				if atEOF {
					t.Fatal("ErrShortSrc at EOF")
				}
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			break
		}
		if atEOF && len(pending) == 0 {
			break
		}
	}
	return out.Bytes()
}

func FuzzFold(f *testing.F) {
	for _, s := range foldSamples {
		f.Add(s)
	}
	f.Add("أَحْمَدُ ﻻ ﷲ ١٢٣ ABC \u200f")
	f.Fuzz(func(t *testing.T, s string) {
		a := Fold(s)
		if b := Fold(a); b != a {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, a, b)
		}
		if !utf8.ValidString(a) {
			t.Fatalf("invalid UTF-8 out of %q: %q", s, a)
		}
		f, m := FoldMap(s)
		if f != a {
			t.Fatalf("FoldMap %q != Fold %q", f, a)
		}
		checkFoldMap(t, s, f, m)
		g, _, err := transform.String(NewFolder(), s)
		if err != nil || g != a {
			t.Fatalf("Folder %q (%v) != Fold %q", g, err, a)
		}
		got, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(strings.NewReader(s)), NewFolder()))
		if err != nil || string(got) != a {
			t.Fatalf("Folder one-byte %q (%v) != Fold %q", got, err, a)
		}
	})
}
