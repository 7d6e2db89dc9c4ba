package events

import (
	"sync"
	"testing"

	"rasad/internal/document"
	"rasad/internal/source"
	"rasad/internal/testcorpus"
)

var (
	benchOnce  sync.Once
	benchDocs  []*document.Document
	benchBytes int64
)

// benchCorpus builds clean documents from the first SaudiNewsNet articles
// (at most 3,000), once.
func benchCorpus(b *testing.B) ([]*document.Document, int64) {
	arts := testcorpus.Articles(b, 0)
	benchOnce.Do(func() {
		for _, a := range arts {
			if len(benchDocs) >= 3000 {
				break
			}
			d, err := document.Build(source.Record{ID: "snn", Title: a.Title, Outlet: a.Source, Published: a.DateExtracted, Body: []byte(a.Content)})
			if err != nil {
				continue
			}
			benchDocs = append(benchDocs, d)
			benchBytes += int64(len(d.Text))
		}
	})
	return benchDocs, benchBytes
}

// BenchmarkExtract runs the whole analysis (tokens, places, actors,
// sources, events) over clean SaudiNewsNet articles; one op is one
// article, and articles/s is reported.
func BenchmarkExtract(b *testing.B) {
	docs, size := benchCorpus(b)
	x := NewExtractor()
	x.Analyze(docs[0], Options{}) // load the lexicons outside the timing
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		x.Analyze(docs[i%len(docs)], Options{})
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkEventStage times the event stage alone, on reports whose
// mentions are already found.
func BenchmarkEventStage(b *testing.B) {
	docs, _ := benchCorpus(b)
	docs = docs[:min(len(docs), 500)] // the reports of 500 articles in memory
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	x := NewExtractor()
	reps := make([]*Report, len(docs))
	for i, d := range docs {
		reps[i] = x.Analyze(d, Options{})
	}
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		k := i % len(docs)
		x.events(docs[k], reps[k])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
