package arabic

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func tokStrings(text string, toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, fmt.Sprintf("%s:%s", t.Kind, t.Norm))
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want string // space-separated kind:norm
	}{
		{"", ""},
		{"   \n\t ", ""},
		{"قصف", "word:قصف"},
		{"قَصَفَتْ الطائرةُ", "word:قصفت word:الطايره"},
		{"جـــيش", "word:جيش"},
		{"وبالقصف،", "word:وبالقصف punct:،"},
		{"قتل 1,000 شخص", "word:قتل numeral:1000 word:شخص"},
		{"١٬٢٥٠", "numeral:1250"},
		{"٣٫٥", "numeral:3.5"},
		{"3.5 و1,5", "numeral:3.5 word:و numeral:1.5"},
		{"2017.11.15", "numeral:2017.11.15"},
		{"1,000.5", "numeral:1000.5"},
		{"15/11/2017", "numeral:15 punct:/ numeral:11 punct:/ numeral:2017"},
		{"21:24", "numeral:21 punct:: numeral:24"},
		{"نهاية.", "word:نهايه punct:."},
		{"3.", "numeral:3 punct:."},
		{"F-16", "latin:f punct:- numeral:16"},
		{"F16 T2", "latin:f16 latin:t2"},
		{"عام2017م", "word:عام numeral:2017 word:م"},
		{"Reuters/AFP", "latin:reuters punct:/ latin:afp"},
		{"«الهدنة»", "punct:« word:الهدنه punct:»"},
		{"50% $", "numeral:50 punct:% symbol:$"},
		{"٪", "punct:%"},
		{"ﻻ", "word:لا"},
		{"كتاب\u200cخانه", "word:كتابخانه"},
		{"\u200fقصف\u200f", "word:قصف"},
		{"😀قصف", "symbol:😀 word:قصف"},
		{"école", "latin:école"},
		{"\xffقصف", "symbol:\ufffd word:قصف"},
	}
	for _, c := range cases {
		got := strings.Join(tokStrings(c.in, Tokenize(c.in)), " ")
		if got != c.want {
			t.Errorf("Tokenize(%q)\n got  %s\n want %s", c.in, got, c.want)
		}
	}
}

func spanStrings(text string, spans []Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ", nil},
		{"جملة أولى. جملة ثانية", []string{"جملة أولى.", "جملة ثانية"}},
		{"هل قتل أحد؟ نعم! بالتأكيد؛ انتهى", []string{"هل قتل أحد؟", "نعم!", "بالتأكيد؛", "انتهى"}},
		{"قتل 3.5 ألف. ثم", []string{"قتل 3.5 ألف.", "ثم"}},
		{"في 2017.11.15 حدث ذلك. ثم", []string{"في 2017.11.15 حدث ذلك.", "ثم"}},
		{"قتل 1.000 شخص. ثم", []string{"قتل 1.000 شخص.", "ثم"}},
		{"قال د. محمد إن", []string{"قال د. محمد إن"}},
		{"in the U.S. army. Then", []string{"in the U.S. army.", "Then"}},
		{"Dr. Smith said so. Then", []string{"Dr. Smith said so.", "Then"}},
		{"see example.com now. Then", []string{"see example.com now.", "Then"}},
		{"في عام 2017 م. ثم", []string{"في عام 2017 م.", "ثم"}},
		{"في 15 . 04 . 2017 قتل 3 . ثم", []string{"في 15 . 04 . 2017 قتل 3 .", "ثم"}},
		{"انتهى... ثم بدأ", []string{"انتهى...", "ثم بدأ"}},
		{"انتهى . . . ثم", []string{"انتهى . . .", "ثم"}},
		{"ماذا؟! لا", []string{"ماذا؟!", "لا"}},
		{`قال: "انتهى الأمر. سنعود" ثم غادر.`, []string{`قال: "انتهى الأمر. سنعود" ثم غادر.`}},
		{"قال: «انتهى. سنعود» ثم غادر. بعد", []string{"قال: «انتهى. سنعود» ثم غادر.", "بعد"}},
		{"(انظر. هنا) ثم. بعد", []string{"(انظر. هنا) ثم.", "بعد"}},
		{"(غير مغلق. بعد", []string{"(غير مغلق.", "بعد"}},
		{"\"غير مغلق. بعد", []string{"\"غير مغلق.", "بعد"}},
		{"قال: \"انتهى.\" ثم", []string{"قال: \"انتهى.\" ثم"}},
		{"سطر أول\nسطر ثان", []string{"سطر أول", "سطر ثان"}},
		{"سطر (مفتوح\nمغلق) هنا. ثم", []string{"سطر (مفتوح", "مغلق) هنا.", "ثم"}},
		{"قصف، وقتل، وجرح", []string{"قصف، وقتل، وجرح"}},
		{"  مسافات  .  ", []string{"مسافات  ."}},
		{"\u200fنص.\u200f", []string{"نص."}},
	}
	for _, c := range cases {
		got := spanStrings(c.in, Sentences(c.in))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Sentences(%q)\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

func TestClauses(t *testing.T) {
	in := "قتل 1,000 شخص، وأصيب آخرون, ثم انسحبوا. انتهى"
	want := []string{"قتل 1,000 شخص،", "وأصيب آخرون,", "ثم انسحبوا.", "انتهى"}
	got := spanStrings(in, Clauses(in))
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Clauses\n got  %q\n want %q", got, want)
	}
}

func TestNumeralNorm(t *testing.T) {
	cases := map[string]string{
		"123": "123", "1,000": "1000", "1.000": "1000", "1,000,000": "1000000",
		"12.500": "12500", "3.5": "3.5", "3,5": "3.5", "1,000.5": "1000.5", "1.000,5": "1000.5",
		"2017.11.15": "2017.11.15", "1.2.3": "1.2.3", "1234,567": "1234.567", "1,00": "1.00",
		"1,000,00": "1,000,00", "10.10.10": "10.10.10",
	}
	for in, want := range cases {
		if got := string(NumeralNorm([]byte(in))); got != want {
			t.Errorf("NumeralNorm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnalyzeConsistent(t *testing.T) {
	text := benchParagraph
	a := Analyze(text)
	if a.Text != text {
		t.Fatal("Text not kept")
	}
	if got, want := strings.Join(tokStrings(text, a.Tokens), " "), strings.Join(tokStrings(text, Tokenize(text)), " "); got != want {
		t.Errorf("Analyze tokens != Tokenize tokens")
	}
	if got, want := fmt.Sprint(a.Sentences), fmt.Sprint(Sentences(text)); got != want {
		t.Errorf("Analyze sentences %s != Sentences %s", got, want)
	}
	checkAnalysis(t, a)
}

// TestAnalyzeGolden dumps the analysis of testdata/sample.txt (text written
// for this test) and compares it with testdata/sample.golden; run with
// -update to rewrite.
func TestAnalyzeGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(in)
	a := Analyze(text)
	var b strings.Builder
	for _, s := range a.Sentences {
		fmt.Fprintf(&b, "S %d-%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	for _, tk := range a.Tokens {
		fmt.Fprintf(&b, "T %d-%d %s %q %s\n", tk.Start, tk.End, tk.Kind, text[tk.Start:tk.End], tk.Norm)
	}
	for _, n := range Numbers(text) {
		fmt.Fprintf(&b, "N %d-%d %s\n", n.Start, n.End, fmtNumber(n))
	}
	fmt.Fprintf(&b, "K %s\n", AppendSearchKeys(nil, text))
	golden := filepath.Join("testdata", "sample.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("analysis of testdata/sample.txt differs from %s (run with -update after checking):\n%s", golden, b.String())
	}
}

func isTrimChar(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// checkAnalysis verifies the structural invariants of an Analysis.
func checkAnalysis(t *testing.T, a *Analysis) {
	t.Helper()
	text := a.Text
	prev := 0
	for _, tk := range a.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token [%d,%d) after %d out of order/range in %q", tk.Start, tk.End, prev, text)
		}
		if tk.Kind < Word || tk.Kind > Symbol {
			t.Fatalf("bad kind %d", tk.Kind)
		}
		if tk.Kind != Numeral {
			if f := Fold(text[tk.Start:tk.End]); f != tk.Norm {
				t.Fatalf("token %q: Norm %q != Fold %q", text[tk.Start:tk.End], tk.Norm, f)
			}
		}
		prev = tk.End
	}
	prev = 0
	for _, s := range a.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence [%d,%d) after %d out of order/range in %q", s.Start, s.End, prev, text)
		}
		if utf8.ValidString(text) {
			first, _ := utf8.DecodeRuneInString(text[s.Start:])
			last, _ := utf8.DecodeLastRuneInString(text[:s.End])
			if isTrimChar(first) || isTrimChar(last) {
				t.Fatalf("sentence %q not trimmed", text[s.Start:s.End])
			}
		}
		prev = s.End
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add(benchParagraph)
	f.Add(`قال: "انتهى. سنعود" (ثم. غادر) «نعم. لا» د. U.S. 3.5 1,000 ١٬٥٠٠ 15/11/2017`)
	f.Add("سطر (مفتوح\nمغلق) هنا... ثم؟! \u200fنص\u200f ﷺ ﻻ")
	for _, s := range foldSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := Analyze(text)
		checkAnalysis(t, a)
		if len(Tokenize(text)) != len(a.Tokens) {
			t.Fatal("Tokenize differs from Analyze")
		}
		if fmt.Sprint(Sentences(text)) != fmt.Sprint(a.Sentences) {
			t.Fatal("Sentences differs from Analyze")
		}
		cl := Clauses(text)
		checkAnalysis(t, &Analysis{Text: text, Sentences: cl})
		keys := AppendSearchKeys([]byte("x"), text)
		if utf8.ValidString(text) && !utf8.Valid(keys) {
			t.Fatalf("invalid UTF-8 keys %q", keys)
		}
	})
}

// TestDevCorpus analyzes the shared dev documents and checks invariants.
func TestDevCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/dev/docs/*.txt")
	if len(files) == 0 {
		t.Skip("../shared not present: ../../../shared/corpus/dev/docs/*.txt not found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := Analyze(string(b))
		checkAnalysis(t, a)
		if len(a.Sentences) == 0 || len(a.Tokens) == 0 {
			t.Errorf("%s: no tokens or sentences", f)
		}
		checkNumbers(t, a.Text, Numbers(a.Text))
	}
}
