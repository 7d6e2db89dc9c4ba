package document

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var casualtyRe = regexp.MustCompile(`قتل|مقتل|قتلى|جرحى|غارة|غارات|قصف|انفجار|اشتباكات|استهدف|سيطر`)

func normAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		f := foldRune(r)
		if f < 0 || isPunctRune(f) || f == ' ' || isSpaceRune(f) || f == '\n' || f == '\t' {
			continue
		}
		b.WriteRune(f)
	}
	return b.String()
}

func TestZZClaims(t *testing.T) {
	dir := os.Getenv("CLAIMS_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*.txt")
	sort.Strings(files)
	out, _ := os.Create("/tmp/rd/claims_lost.txt")
	ends, _ := os.Create("/tmp/rd/claims_ends.txt")
	defer ends.Close()
	defer out.Close()
	var rawB, cleanB int
	var dur time.Duration
	lost := 0
	reasons := map[string]int{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		raw := string(b)
		st := time.Now()
		text, rem, _ := Clean(raw)
		dur += time.Since(st)
		rawB += len(raw)
		cleanB += len(text)
		for _, r := range rem {
			reasons[r.Reason] += r.End - r.Start
		}
		nt := normAll(text)
		if len(text) > 600 {
			fmt.Fprintf(ends, "##### %s\nHEAD: %s\nTAIL: %s\n", filepath.Base(f), text[:strings.LastIndexByte(text[:300], ' ')+1], text[len(text)-300+strings.IndexByte(text[len(text)-300:], ' '):])
		}
		// sentences of raw
		for _, line := range strings.Split(raw, "\n") {
			for _, sent := range strings.Split(line, " . ") {
				w := strings.Fields(sent)
				if len(w) < 12 || !casualtyRe.MatchString(sent) {
					continue
				}
				if !strings.Contains(nt, normAll(strings.Join(w[len(w)-12:], " "))) {
					// allow removal as duplicate: the sentence must appear once at least
					lost++
					// find which removal covers it
					fmt.Fprintf(out, "%s: %s\n", filepath.Base(f), sent)
					for _, r := range rem {
						if r.End-r.Start > 30 && strings.Contains(normAll(sent), normAll(r.Text)) || strings.Contains(normAll(r.Text), normAll(sent)) {
							fmt.Fprintf(out, "    [%s] %s\n", r.Reason, excerpt(r.Text, 120))
						}
					}
				}
			}
		}
	}
	fmt.Printf("files %d raw %d clean %d (%.1f%%) lost %d  %.1f MB/s\n", len(files), rawB, cleanB, 100*float64(cleanB)/float64(rawB), lost, float64(rawB)/dur.Seconds()/1e6)
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range reasons {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
	for _, x := range l {
		fmt.Printf("  %-20s %d\n", x.k, x.v)
	}
}
