package dates

import (
	"testing"

	"rasad/internal/arabic"
	"rasad/internal/testcorpus"
)

// benchText is written for the benchmarks (not taken from any corpus):
// report prose with a dateline, deictic days, a partial date and numbers.
const benchText = `الأربعاء 15 تشرين الثاني / نوفمبر 2017 - 10:24 بتوقيت دمشق
قُتل ستة مدنيين بينهم طفلان، وأصيب أكثر من 20 آخرين، فجر اليوم الأربعاء، جراء غارات جوية استهدفت الأحياء السكنية في بلدة على أطراف المحافظة الشرقية، بحسب ما أفاد ناشطون محليون. وقال مصدر في الدفاع المدني إن فرق الإنقاذ عملت حتى ساعات الصباح على انتشال الجثث من تحت الأنقاض، مشيرا إلى أن القصف تركز على السوق الرئيسي والمدرسة.
وكانت البلدة قد تعرضت مساء أمس لقصف مدفعي مكثف، بعد هجوم شنته فصائل مسلحة على نقاط عسكرية قريبة منذ يومين، في حين تتواصل الاشتباكات في محيطها منذ العاشر من أيلول الماضي. وتشهد المنطقة تصعيدا منذ مطلع العام، وسقط فيها خلال الأسبوع الماضي أكثر من 60 قتيلا، فيما نزحت مئات العائلات نحو القرى المجاورة خلال الساعات الأخيرة.
`

// loadBenchCorpus returns up to ~8 MB of SaudiNewsNet article text.
func loadBenchCorpus(b *testing.B) []string {
	return testcorpus.Contents(b, 8<<20)
}

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(benchText)
	}
}

func BenchmarkFindTokens(b *testing.B) {
	toks := arabic.Tokenize(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		FindTokens(benchText, toks)
	}
}

func BenchmarkFindCorpus(b *testing.B) {
	docs := loadBenchCorpus(b)
	b.SetBytes(totalBytes(docs))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Find(d)
		}
	}
}

func BenchmarkTokenizeThenFindTokensCorpus(b *testing.B) {
	docs := loadBenchCorpus(b)
	b.SetBytes(totalBytes(docs))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			FindTokens(d, arabic.Tokenize(d))
		}
	}
}

func BenchmarkParsePublished(b *testing.B) {
	const s = "الأربعاء 15 تشرين الثاني 2017 الساعة 21:24 (مكة المكرمة)"
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		ParsePublished(s)
	}
}

func totalBytes(docs []string) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}
