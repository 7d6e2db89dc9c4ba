package document

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestZZRatio(t *testing.T) {
	dir := os.Getenv("RATIO_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*.txt")
	type r struct {
		f     string
		ratio float64
		rem   []Removal
	}
	var rs []r
	for _, f := range files {
		b, _ := os.ReadFile(f)
		text, rem, _ := Clean(string(b))
		rs = append(rs, r{f, float64(len(text)) / float64(len(b)+1), rem})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].ratio < rs[j].ratio })
	for _, x := range rs[:12] {
		fmt.Printf("%s %.2f\n", filepath.Base(x.f), x.ratio)
		for _, m := range x.rem {
			if m.End-m.Start > 20 {
				fmt.Printf("   [%s] %s\n", m.Reason, excerpt(m.Text, 140))
			}
		}
	}
}
