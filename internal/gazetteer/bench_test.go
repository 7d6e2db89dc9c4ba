package gazetteer

import (
	"runtime"
	"sync"
	"testing"

	"rasad/internal/arabic"
)

// benchReport is a report written for the benchmarks (not taken from any
// corpus).
const benchReport = `أفاد ناشطون اليوم الثلاثاء بأن الطيران الحربي شن غارات على بلدة كفرنبل وقرية حاس بريف إدلب الجنوبي، ` +
	`فيما دارت اشتباكات عنيفة في محيط مدينة الباب شرق حلب وعلى أطراف حي جوبر في دمشق. ` +
	`وسيطرت القوات على قرى الخريطة والشميطية ومراط بريف دير الزور الغربي، وتقدمت نحو تلة "الصنوبر" قرب مطار كويرس العسكري.
`

var (
	benchOnce  sync.Once
	benchTexts []string
	benchToks  [][]arabic.Token
	benchBytes int64
)

// benchCorpus returns up to 16 MB of SaudiNewsNet article text with its
// tokens, or the fixture when ../shared is absent.
func benchCorpus(b *testing.B) ([]string, [][]arabic.Token, int64) {
	benchOnce.Do(func() {
		forEachArticle(skipless{b}, 16<<20, func(c string) {
			benchTexts = append(benchTexts, c)
			benchBytes += int64(len(c))
		})
		if len(benchTexts) == 0 {
			benchTexts, benchBytes = []string{benchReport}, int64(len(benchReport))
		}
		for _, t := range benchTexts {
			benchToks = append(benchToks, arabic.Tokenize(t))
		}
	})
	return benchTexts, benchToks, benchBytes
}

// skipless turns forEachArticle's Skip into a no-op so that the benchmark
// falls back to the fixture.
type skipless struct{ testing.TB }

func (skipless) Skip(...any) { runtime.Goexit() }

// BenchmarkRecognize measures Recognize over pre-tokenized SaudiNewsNet
// articles with the full gazetteer loaded (bytes = article text).
func BenchmarkRecognize(b *testing.B) {
	g := Default()
	texts, toks, n := benchCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			g.Recognize(t, toks[i])
		}
	}
}

// BenchmarkTokenizeRecognize is BenchmarkRecognize with tokenization
// included (what grep -F -w over the names does in one pass).
func BenchmarkTokenizeRecognize(b *testing.B) {
	g := Default()
	texts, _, n := benchCorpus(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			g.Recognize(t, arabic.Tokenize(t))
		}
	}
}

func BenchmarkRecognizeReport(b *testing.B) {
	g := Default()
	toks := arabic.Tokenize(benchReport)
	b.SetBytes(int64(len(benchReport)))
	b.ReportAllocs()
	for b.Loop() {
		g.Recognize(benchReport, toks)
	}
}
