// Package testcorpus gives benchmarks and tests the SaudiNewsNet articles of
// ../shared/data/bench/saudinewsnet (a CC BY-NC-SA corpus used for
// measurement only: nothing of it is copied into the repository). Callers
// skip when ../shared is absent.
package testcorpus

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Article is one SaudiNewsNet article.
type Article struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"` // a crawl date, not a publication date
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

var (
	once sync.Once
	all  []Article
	dir  string
)

// Dir returns the corpus directory (../shared/data/bench/saudinewsnet beside
// the module root), or "" when it is not there.
func Dir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			c := filepath.Join(d, "..", "shared", "data", "bench", "saudinewsnet")
			if _, err := os.Stat(c); err == nil {
				return c
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func load() {
	dir = Dir()
	if dir == "" {
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
	for _, f := range files {
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
			var arts []Article
			if json.Unmarshal(data, &arts) == nil {
				all = append(all, arts...)
			}
		}
		zr.Close()
	}
}

// Articles returns the corpus's articles in file order, as many as fit in
// maxBytes of content (0: all), loading the corpus once per process. It
// skips tb when the corpus is absent.
func Articles(tb testing.TB, maxBytes int64) []Article {
	tb.Helper()
	once.Do(load)
	if len(all) == 0 {
		tb.Skip("../shared not present: ../shared/data/bench/saudinewsnet/*.zip not found")
	}
	if maxBytes <= 0 {
		return all
	}
	var n int64
	for i, a := range all {
		if n+int64(len(a.Content)) > maxBytes {
			return all[:i]
		}
		n += int64(len(a.Content))
	}
	return all
}

// Contents returns the content fields of Articles(tb, maxBytes).
func Contents(tb testing.TB, maxBytes int64) []string {
	tb.Helper()
	arts := Articles(tb, maxBytes)
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Content
	}
	return out
}
