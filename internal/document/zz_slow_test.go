package document

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

func TestZZSlow(t *testing.T) {
	if os.Getenv("SLOW") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("/tmp/claims/*.txt")
	type r struct {
		f string
		d time.Duration
		n int
	}
	var rs []r
	for _, f := range files {
		x, _ := os.ReadFile(f)
		st := time.Now()
		Clean(string(x))
		rs = append(rs, r{f, time.Since(st), len(x)})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].d > rs[j].d })
	for _, x := range rs[:10] {
		fmt.Println(x.f, x.d, x.n, float64(x.n)/x.d.Seconds()/1e6)
	}
}
