package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func mark(snippet string, spans []Span) string { return Highlight(snippet, spans, "[", "]") }

func TestSnippet(t *testing.T) {
	long := strings.Repeat("كلام عام لا صلة له بالموضوع. ", 20)
	tests := []struct {
		name, text, query string
		width             int
		want              string
	}{
		{"whole short text", "قتل مدني في قصف على البلدة.", "قصف المدنيين", 100,
			"قتل [مدني] في [قصف] على البلدة."},
		{"clitics and forms", "والقصف طال المدنيين وبقصف آخر", "قصف مدني", 100,
			"[والقصف] طال [المدنيين] [وبقصف] آخر"},
		{"whitespace collapsed", "قصف\n\n  عنيف\tعلى\r\nالمدينة", "قصف", 100,
			"[قصف] عنيف على المدينة"},
		{"window on the densest passage", long + "وقع قصف أودى بحياة مدني قرب السوق. " + long, "قصف مدني", 40,
			"… وقع [قصف] أودى بحياة [مدني] قرب السوق. …"},
		{"distinct terms beat repetition",
			"قصف قصف قصف قصف. " + long + " قصف ثم مدني. " + long, "قصف مدني", 30,
			"… [قصف] ثم [مدني]. كلام عام …"},
		{"no match: the start", long, "قصف", 30,
			"كلام عام لا صلة له بالموضوع. …"},
		{"joined and split names", "قصف على ديرالزور ثم على دير الزور", "ديرالزور", 100,
			"قصف على [ديرالزور] ثم على [دير] [الزور]"},
		{"digits of both kinds", "سقط ١٢ صاروخا ثم 12 قذيفة", "12", 100,
			"سقط [١٢] صاروخا ثم [12] قذيفة"},
		{"latin", "A US-led Coalition strike", "coalition", 100,
			"A US-led [Coalition] strike"},
		{"empty text", "", "قصف", 50, ""},
		{"match only past MaxScan", strings.Repeat("كلام ", MaxScan/8) + "قصف", "قصف", 20,
			"كلام كلام كلام كلام …"},
	}
	for _, tc := range tests {
		_, terms, err := Parse(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		s, spans := Snippet(tc.text, terms, tc.width)
		if got := mark(s, spans); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
		if n := utf8.RuneCountInString(s); n > tc.width+4 {
			t.Errorf("%s: %d characters, width %d", tc.name, n, tc.width)
		}
	}
}

func TestHighlight(t *testing.T) {
	s := "قصف <b>&</b> مدني"
	spans := []Span{{0, 6}, {len("قصف <b>&</b> "), len(s)}}
	if got := Highlight(s, spans, "\x1b[1m", "\x1b[0m"); got != "\x1b[1mقصف\x1b[0m <b>&</b> \x1b[1mمدني\x1b[0m" {
		t.Errorf("Highlight = %q", got)
	}
	if got := HighlightHTML(s, spans); got != "<mark>قصف</mark> &lt;b&gt;&amp;&lt;/b&gt; <mark>مدني</mark>" {
		t.Errorf("HighlightHTML = %q", got)
	}
	// Bad spans are ignored, never a panic.
	bad := []Span{{-1, 2}, {1, 3}, {5, 4}, {0, 999}, {3, 2}}
	if got := Highlight(s, bad, "[", "]"); got != s {
		t.Errorf("bad spans: %q", got)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("قتل مدني في قصف على البلدة.", "قصف مدني", 20)
	f.Add("والقصف\n\nطال ديرالزور", "دير الزور", 5)
	f.Add("\xff\xfe قصف \x00", "قصف", 0)
	f.Fuzz(func(t *testing.T, text, query string, width int) {
		if width > 5000 || width < -5 {
			return
		}
		_, terms, err := Parse(query)
		if err != nil {
			terms = Terms{}
		}
		s, spans := Snippet(text, terms, width)
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 snippet %q", s)
		}
		at := 0
		for _, sp := range spans {
			if sp.Start < at || sp.End <= sp.Start || sp.End > len(s) || !utf8.RuneStart(s[sp.Start]) ||
				(sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
				t.Fatalf("bad span %v in %q (spans %v)", sp, s, spans)
			}
			at = sp.End
		}
		if got := Highlight(s, spans, "", ""); got != s {
			t.Fatalf("Highlight with empty markers changed the snippet")
		}
	})
}

func BenchmarkSnippet(b *testing.B) {
	text := strings.Repeat("كلام عام لا صلة له بالموضوع وبعض الأخبار المحلية. ", 60) +
		"وقع قصف أودى بحياة مدني قرب السوق. " + strings.Repeat("كلام عام آخر. ", 60)
	_, terms, _ := Parse("قصف مدني")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Snippet(text, terms, DefaultWidth)
	}
}
