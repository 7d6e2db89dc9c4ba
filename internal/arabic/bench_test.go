package arabic

import (
	"archive/zip"
	"encoding/json"
	"io"
	"path/filepath"
	"sync"
	"testing"
)

// benchParagraph is a fixture written for the benchmarks (not taken from
// any corpus): news prose with diacritics, numbers, Latin and punctuation.
const benchParagraph = `أفادَ مصدرٌ محلّي اليوم الثلاثاء بأن غاراتٍ جوية استهدفت أطراف بلدة الحميدية في ريف المحافظة الشرقي، ما أدى إلى مقتل ١٢ مدنياً بينهم ثلاثة أطفال وامرأتان، وإصابة أكثر من 30 آخرين بجروح متفاوتة. وقال مسؤول في الدفاع المدني لوكالة "الأنباء المحلية" إن فرق الإسعاف انتشلت الجثث من تحت الأنقاض بعد ساعات من العمل المتواصل. وأضاف أن القصف تركّز على السوق الشعبي والمدرسة الابتدائية، وأن ما لا يقل عن 1,500 عائلة نزحت نحو القرى المجاورة خلال 48 ساعة. في المقابل، نفت وزارة الدفاع (MoD) استهداف أي منشآت مدنية، مؤكدةً أن الضربات طالت "مواقع للمسلحين" فقط.
`

var (
	corpusOnce sync.Once
	corpusDocs []string
	corpusSize int64
)

// loadCorpus reads the content fields of the SaudiNewsNet zips (at most
// ~20 MB of text), once.
func loadCorpus(b *testing.B) []string {
	corpusOnce.Do(func() {
		files, _ := filepath.Glob("../../../shared/data/bench/saudinewsnet/*.zip")
		const limit = 20 << 20
		for _, f := range files {
			if corpusSize >= limit {
				break
			}
			zr, err := zip.OpenReader(f)
			if err != nil {
				continue
			}
			for _, zf := range zr.File {
				if corpusSize >= limit {
					break
				}
				rc, err := zf.Open()
				if err != nil {
					continue
				}
				data, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					continue
				}
				var arts []struct {
					Content string `json:"content"`
				}
				if json.Unmarshal(data, &arts) != nil {
					continue
				}
				for _, a := range arts {
					if corpusSize >= limit {
						break
					}
					corpusDocs = append(corpusDocs, a.Content)
					corpusSize += int64(len(a.Content))
				}
			}
			zr.Close()
		}
	})
	if len(corpusDocs) == 0 {
		b.Skip("../shared not present: ../../../shared/data/bench/saudinewsnet/*.zip not found")
	}
	return corpusDocs
}

func BenchmarkAnalyze(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(benchParagraph)
	}
}

func BenchmarkAnalyzeCorpus(b *testing.B) {
	docs := loadCorpus(b)
	b.SetBytes(corpusSize)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Analyze(d)
		}
	}
}

func BenchmarkAppendSearchKeys(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	buf := make([]byte, 0, 4096)
	for b.Loop() {
		buf = AppendSearchKeys(buf[:0], benchParagraph)
	}
}

func BenchmarkAppendSearchKeysCorpus(b *testing.B) {
	docs := loadCorpus(b)
	b.SetBytes(corpusSize)
	b.ReportAllocs()
	buf := make([]byte, 0, 1<<20)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			buf = AppendSearchKeys(buf[:0], d)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Fold(benchParagraph)
	}
}

func BenchmarkFoldCorpus(b *testing.B) {
	docs := loadCorpus(b)
	b.SetBytes(corpusSize)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Fold(d)
		}
	}
}

func BenchmarkNumbers(b *testing.B) {
	b.SetBytes(int64(len(benchParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Numbers(benchParagraph)
	}
}

func BenchmarkSearchKey(b *testing.B) {
	words := []string{"والمدنيين", "بقصف", "الطائرات", "وزارة", "قواتها", "للمسلحين"}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			SearchKey(w)
		}
	}
}
