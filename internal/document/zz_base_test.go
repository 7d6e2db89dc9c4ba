package document

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func BenchmarkZZBase(b *testing.B) {
	files, _ := filepath.Glob("/tmp/claims/*.txt")
	var docs []string
	n := 0
	for _, f := range files[:400] {
		x, _ := os.ReadFile(f)
		docs = append(docs, string(x))
		n += len(x)
	}
	b.SetBytes(int64(n))
	s := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, r := range d {
				if r == ' ' {
					s++
				}
			}
			s += utf8.RuneCountInString(d)
		}
	}
}

func BenchmarkZZTokenize(b *testing.B) {
	files, _ := filepath.Glob("/tmp/claims/*.txt")
	var docs []string
	n := 0
	for _, f := range files[:400] {
		x, _ := os.ReadFile(f)
		docs = append(docs, string(x))
		n += len(x)
	}
	b.SetBytes(int64(n))
	var toks []tok
	var lines []line
	var keys []byte
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			toks, lines, keys = tokenize(d, toks[:0], lines[:0], keys[:0])
		}
	}
}
