package document

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkZZClaims(b *testing.B) {
	files, _ := filepath.Glob("/tmp/claims/*.txt")
	var docs []string
	n := 0
	for _, f := range files[:400] {
		x, _ := os.ReadFile(f)
		docs = append(docs, string(x))
		n += len(x)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Clean(d)
		}
	}
}
