package events

import (
	"archive/zip"
	"encoding/json"
	"io"
	"path/filepath"
	"sync"
	"testing"

	"rasad/internal/document"
	"rasad/internal/source"
)

var (
	benchOnce  sync.Once
	benchDocs  []*document.Document
	benchBytes int64
)

// benchCorpus builds clean documents from the first SaudiNewsNet zips (at
// most 3,000 articles), once.
func benchCorpus(b *testing.B) ([]*document.Document, int64) {
	benchOnce.Do(func() {
		files, _ := filepath.Glob("../../../shared/data/bench/saudinewsnet/*.zip")
		const limit = 3000
		for _, f := range files {
			if len(benchDocs) >= limit {
				break
			}
			zr, err := zip.OpenReader(f)
			if err != nil {
				continue
			}
			for _, zf := range zr.File {
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
					Title   string `json:"title"`
					Date    string `json:"date_extracted"`
					Content string `json:"content"`
					Source  string `json:"source"`
				}
				if json.Unmarshal(data, &arts) != nil {
					continue
				}
				for _, a := range arts {
					if len(benchDocs) >= limit {
						break
					}
					d, err := document.Build(source.Record{ID: "snn", Title: a.Title, Outlet: a.Source, Published: a.Date, Body: []byte(a.Content)})
					if err != nil {
						continue
					}
					benchDocs = append(benchDocs, d)
					benchBytes += int64(len(d.Text))
				}
			}
			zr.Close()
		}
	})
	if len(benchDocs) == 0 {
		b.Skip("../shared not present: ../../../shared/data/bench/saudinewsnet/*.zip not found")
	}
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
