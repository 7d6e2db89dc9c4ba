package store

import (
	"fmt"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"rasad/internal/arabic"
	"rasad/internal/dedup"
)

// benchDocs turns SaudiNewsNet articles into documents the way the ingest
// pipeline does (title and content as clean text, arabic search keys,
// MinHash signature). RASAD_BENCH_DOCS sets how many (default 3000, "all").
func benchDocs(b *testing.B) ([]Doc, int64) {
	arts := loadArticles(b, envInt("RASAD_BENCH_DOCS", 3000))
	docs := make([]Doc, len(arts))
	var size int64
	var keys []byte
	for i, a := range arts {
		text := a.Title + "\n\n" + a.Content
		keys = arabic.AppendSearchKeys(keys[:0], text)
		docs[i] = Doc{
			ID: fmt.Sprintf("snn-%06d", i), RawHash: hashOf(a.URL + "\x00" + text), Source: "saudinewsnet",
			URL: a.URL, Outlet: a.Source, Title: a.Title, Author: a.Author,
			Published: a.DateExtracted[:min(10, len(a.DateExtracted))],
			CleanText: text, NormText: arabic.Fold(text),
			IndexText: string(keys), Signature: dedup.SignatureText(string(keys)),
		}
		size += int64(len(text))
	}
	return docs, size
}

// BenchmarkPutBatch measures the store's part of an ingest: a fresh store,
// the documents written in batches of 500. Bytes are clean-text bytes.
func BenchmarkPutBatch(b *testing.B) {
	docs, size := benchDocs(b)
	b.SetBytes(size)
	b.ReportAllocs()
	i := 0
	var elapsed, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		i++
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		for j := 0; j < len(docs); j += 500 {
			if _, err := s.PutBatch(ctx, docs[j:min(j+500, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(start)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(docs))*float64(i)/elapsed.Seconds(), "docs/s")
	b.ReportMetric(cpu.Seconds()/float64(i), "cpu-s/op")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
}

// cpuTime is the user+system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
