package store

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"rasad/internal/dedup"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "rasad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func hashOf(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// mkDoc builds a document whose index text is its text (the words used in
// these tests are already plain keys).
func mkDoc(id, title, outlet, published, text string) Doc {
	return Doc{
		ID: id, RawHash: hashOf(title + "\x00" + text), Title: title, Outlet: outlet,
		Published: published, CleanText: text, NormText: text,
		IndexText: title + " " + text, Signature: dedup.SignatureText(text),
	}
}

// words returns n pseudo-random words of a fixed vocabulary, reproducibly.
func words(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 99))
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%04d", r.IntN(3000))
	}
	return out
}

func put(t testing.TB, s *Store, docs ...Doc) []PutResult {
	t.Helper()
	res, err := s.PutBatch(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

type article struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

const benchDir = "../../../shared/data/bench/saudinewsnet"

// loadArticles reads up to max articles (all when max <= 0) of the
// SaudiNewsNet benchmark corpus, in file order.
func loadArticles(tb testing.TB, max int) []article {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(benchDir, "*.zip"))
	if len(paths) == 0 {
		tb.Skip("../shared not present: no SaudiNewsNet zips in " + benchDir)
	}
	sort.Strings(paths)
	var out []article
	for _, p := range paths {
		zr, err := zip.OpenReader(p)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				tb.Fatal(err)
			}
			var arts []article
			if err := json.Unmarshal(b, &arts); err != nil {
				tb.Fatalf("%s!%s: %v", p, f.Name, err)
			}
			out = append(out, arts...)
			if max > 0 && len(out) >= max {
				zr.Close()
				return out[:max]
			}
		}
		zr.Close()
	}
	return out
}

func envInt(name string, def int) int {
	var n int
	if v := os.Getenv(name); v != "" {
		if v == "all" {
			return 0
		}
		if _, err := fmt.Sscan(v, &n); err == nil {
			return n
		}
	}
	return def
}

func joinKeys(ws []string) string { return strings.Join(ws, " ") }
