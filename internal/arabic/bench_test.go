package arabic

import (
	"testing"

	"rasad/internal/testcorpus"
)

// benchParagraph is a fixture written for the benchmarks (not taken from
// any corpus): news prose with diacritics, numbers, Latin and punctuation.
const benchParagraph = `أفادَ مصدرٌ محلّي اليوم الثلاثاء بأن غاراتٍ جوية استهدفت أطراف بلدة الحميدية في ريف المحافظة الشرقي، ما أدى إلى مقتل ١٢ مدنياً بينهم ثلاثة أطفال وامرأتان، وإصابة أكثر من 30 آخرين بجروح متفاوتة. وقال مسؤول في الدفاع المدني لوكالة "الأنباء المحلية" إن فرق الإسعاف انتشلت الجثث من تحت الأنقاض بعد ساعات من العمل المتواصل. وأضاف أن القصف تركّز على السوق الشعبي والمدرسة الابتدائية، وأن ما لا يقل عن 1,500 عائلة نزحت نحو القرى المجاورة خلال 48 ساعة. في المقابل، نفت وزارة الدفاع (MoD) استهداف أي منشآت مدنية، مؤكدةً أن الضربات طالت "مواقع للمسلحين" فقط.
`

// loadCorpus returns up to ~20 MB of SaudiNewsNet article text.
func loadCorpus(b *testing.B) []string {
	return testcorpus.Contents(b, 20<<20)
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
	b.SetBytes(totalBytes(docs))
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
	b.SetBytes(totalBytes(docs))
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
	b.SetBytes(totalBytes(docs))
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

func totalBytes(docs []string) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}
