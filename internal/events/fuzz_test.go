package events

import (
	"strings"
	"testing"

	"rasad/internal/document"
)

// FuzzExtract runs the whole analysis over arbitrary clean text: it must
// not panic, and every record must point inside the text.
func FuzzExtract(f *testing.F) {
	for _, tc := range extractCases {
		f.Add(tc.text, "2017-03-15")
	}
	for _, s := range []string{
		"", " ", "،،،", "قصف", "غارات على", "مقتل 5", "بين و", "سيطرت على", "\"\"\"", "( ) - : ;",
		"قتل رجل وامرأة و", "التي سيطرت", "وكان قد", "بلدة", "في ريف", "١٢٣ قتيلا",
		"انفجار\nانفجار\nانفجار", "قال فلان الفلاني, إن قوات النظام قصفت",
		"\xff\xfe قصفت قوات النظام مدينة حلب", "غارة" + string(rune(0x200f)) + "جوية على مدينة إدلب",
	} {
		f.Add(s, "")
	}
	x := NewExtractor()
	f.Fuzz(func(t *testing.T, text, published string) {
		if len(text) > 1<<14 {
			return
		}
		d := &document.Document{ID: "fuzz", Text: text, Raw: text, Published: published}
		r := x.Analyze(d, Options{})
		checkRecords(t, r)
		for _, e := range r.Events {
			if e.Doc != "fuzz" {
				t.Errorf("doc %q", e.Doc)
			}
		}
	})
}

// fuzzWords is the vocabulary of FuzzExtractWords: triggers, places,
// actors, numbers, dates and punctuation, so that random sequences reach
// the slot rules.
var fuzzWords = strings.Fields(`قصفت قصف غارات غارة جوية مدفعي على في بريف مدينة بلدة قرية حلب إدلب سراقب دوما حرستا
 قوات النظام الطيران الروسي تنظيم داعش هيئة تحرير الشام قسد المعارضة مقتل قتل قتلوا قتيلا شهداء
 5 خمسة ثلاثة أكثر من بينهم منهم أطفال مدنيين عناصر من إصابة وجرح , . - " ( ) و اليوم أمس الأحد
 سيطرت السيطرة استعادت بعد انسحاب معارك اشتباكات بين مع ضد تعرضت لقصف من قبل انفجار عبوة ناسفة
 انتحاري سيارة مفخخة اعتقلت مداهمة اتفاق بموجب خروج مظاهرة نفى لم سيقصف يستعد وكانت قد سابقة
 المدينة القرى المذكورة التي الذي قال إن أفادت وكالة مصادر ناشطون المرصد السوري أجبر على الانسحاب
 رجل وامرأة طفلين قذائف هاون براميل متفجرة شرق قرب محيط أهالي هذا الهجوم أدى إلى`)

// FuzzExtractWords builds text from a word list chosen by the fuzzer's
// bytes and checks the records as FuzzExtract does.
func FuzzExtractWords(f *testing.F) {
	f.Add([]byte{0, 5, 9, 10, 20, 30, 40})
	f.Add([]byte{60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70})
	f.Add([]byte("the quick brown fox jumps over the lazy dog"))
	x := NewExtractor()
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 400 {
			return
		}
		ws := make([]string, len(b))
		for i, c := range b {
			ws[i] = fuzzWords[int(c)%len(fuzzWords)]
		}
		text := strings.Join(ws, " ")
		d := &document.Document{ID: "fuzz", Text: text, Raw: text, Published: "2017-03-15"}
		checkRecords(t, x.Analyze(d, Options{}))
	})
}
