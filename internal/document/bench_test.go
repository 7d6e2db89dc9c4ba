package document

import (
	"os"
	"strings"
	"testing"

	"rasad/internal/source"
)

// benchText is a realistic scraped report: header clutter, a dozen
// paragraphs with scraper spacing, a repeated paragraph and a footer.
func benchText(tb testing.TB) string {
	var b strings.Builder
	for _, f := range []string{"testdata/text_clutter.txt", "testdata/header_line.txt", "testdata/teaser.txt", "testdata/spacing.txt", "testdata/pasted_twice.txt"} {
		x, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(x)
		b.WriteByte('\n')
	}
	return b.String()
}

func BenchmarkClean(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Clean(text)
	}
}

// BenchmarkCleanDev cleans the 18 dev documents (skipped without ../shared).
func BenchmarkCleanDev(b *testing.B) {
	var docs []string
	n := 0
	for _, f := range devFiles(b) {
		x, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(x))
		n += len(x)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Clean(d)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	body := []byte(benchText(b))
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := Decode(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildHTML(b *testing.B) {
	body, err := os.ReadFile("testdata/page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	rec := source.Record{ID: "page", Origin: "page.html", Format: source.HTML, Body: body}
	for i := 0; i < b.N; i++ {
		if _, err := Build(rec); err != nil {
			b.Fatal(err)
		}
	}
}
