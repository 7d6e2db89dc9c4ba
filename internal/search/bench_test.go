package search

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"rasad/internal/store"
	"rasad/internal/testcorpus"
)

var bench struct {
	once sync.Once
	dir  string
	st   *store.Store
	docs int
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.st != nil {
		bench.st.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchStore builds, once per test process, a store of the first
// RASAD_BENCH_DOCS (default 5000, "all" for 31,030) SaudiNewsNet articles.
func benchStore(b *testing.B) *store.Store {
	arts := testcorpus.Articles(b, 0)
	bench.once.Do(func() {
		max := 5000
		if v := os.Getenv("RASAD_BENCH_DOCS"); v == "all" {
			max = 0
		} else if v != "" {
			fmt.Sscan(v, &max)
		}
		bench.dir, bench.err = os.MkdirTemp("", "rasad-search-bench-")
		if bench.err != nil {
			return
		}
		bench.st, bench.err = store.Open(filepath.Join(bench.dir, "bench.db"))
		if bench.err != nil {
			return
		}
		var batch []store.Doc
		flush := func() {
			if len(batch) > 0 && bench.err == nil {
				_, bench.err = bench.st.PutBatch(ctx, batch)
				batch = batch[:0]
			}
		}
		for _, a := range arts {
			if max > 0 && bench.docs >= max {
				break
			}
			batch = append(batch, indexDoc(fmt.Sprintf("snn-%06d", bench.docs), a.Source,
				a.DateExtracted[:min(10, len(a.DateExtracted))], a.Title, a.Content))
			bench.docs++
			if len(batch) == 1000 {
				flush()
			}
		}
		flush()
		if bench.err == nil {
			bench.err = bench.st.Optimize(ctx)
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.st
}

// benchQueries mixes very common words (most documents), common ones,
// rare ones, phrases, joined names and filters.
var benchQueries = []Request{
	{Query: "السعودية"},
	{Query: "المملكة"},
	{Query: "قال"},
	{Query: "وزير الخارجية"},
	{Query: "الرياض"},
	{Query: "اليمن"},
	{Query: "الحوثيين"},
	{Query: "قصف"},
	{Query: "داعش"},
	{Query: "مدني"},
	{Query: "دير الزور"},
	{Query: "ديرالزور"},
	{Query: "عبدالله"},
	{Query: `"ولي العهد"`},
	{Query: "قصف -اليمن"},
	{Query: "غارات OR قصف"},
	{Query: "الهلال", Outlet: "sabq"},
	{Query: "المملكة", From: "2015-08-01", To: "2015-08-05"},
	{Query: "النفط الأسعار"},
	{Query: "كرة القدم"},
}

// BenchmarkSearch measures search.Search (parse, store query, snippets of
// the first page of 10) over the query mix; one op is one query. It
// reports the latency percentiles over all queries run.
func BenchmarkSearch(b *testing.B) {
	st := benchStore(b)
	var lat []time.Duration
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		req := benchQueries[i%len(benchQueries)]
		i++
		t0 := time.Now()
		if _, err := Search(ctx, st, req); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(bench.docs), "docs")
}

// BenchmarkSearchQueries reports each query of the mix on its own.
func BenchmarkSearchQueries(b *testing.B) {
	st := benchStore(b)
	for _, req := range benchQueries {
		b.Run(fmt.Sprintf("%s|%s|%s", req.Query, req.Outlet, req.From), func(b *testing.B) {
			var total int
			for b.Loop() {
				res, err := Search(ctx, st, req)
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(total), "matches")
		})
	}
}
