package document

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZZStages(t *testing.T) {
	if os.Getenv("STAGES") == "" {
		t.Skip()
	}
	var docs []string
	n := 0
	files, _ := filepath.Glob(os.Getenv("STAGES"))
	if len(files) > 600 {
		files = files[:600]
	}
	for _, f := range files {
		x, _ := os.ReadFile(f)
		docs = append(docs, string(x))
		n += len(x)
	}
	names := []string{"tokenize", "classify", "dates", "head", "tail", "runs", "headings", "headdates", "lines", "repeats", "dateline+meta", "spans", "spacing"}
	tot := make([]time.Duration, len(names))
	for rep := 0; rep < 5; rep++ {
		for _, d := range docs {
			var ts [14]time.Duration
			k := 0
			st := cpuTime()
			lap := func() { now := cpuTime(); ts[k] = now - st; st = now; k++ }
			c := newCleaner(d)
			lap()
			c.classify()
			lap()
			c.markDates()
			lap()
			c.findHead()
			lap()
			c.markTail()
			lap()
			c.markRuns()
			lap()
			c.markHeadings(hints{})
			lap()
			c.markHeadDates()
			lap()
			c.markLines(hints{})
			lap()
			c.markRepeats()
			lap()
			c.findDateline()
			c.guessMeta()
			lap()
			c.oddTokens()
			spans := c.tokenSpans()
			lap()
			c.spacing(spans)
			lap()
			c.release()
			for i := range names {
				tot[i] += ts[i]
			}
		}
	}
	var sum time.Duration
	for _, x := range tot {
		sum += x
	}
	for i, nm := range names {
		fmt.Printf("%-14s %5.1f%%  %7.1f MB/s\n", nm, 100*float64(tot[i])/float64(sum), float64(5*n)/tot[i].Seconds()/1e6)
	}
	fmt.Printf("total %.1f MB/s\n", float64(5*n)/sum.Seconds()/1e6)
}
