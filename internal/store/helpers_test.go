package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/dedup"
	"rasad/internal/testcorpus"
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

// loadArticles returns up to max articles (all when max <= 0) of the
// SaudiNewsNet benchmark corpus, in file order.
func loadArticles(tb testing.TB, max int) []testcorpus.Article {
	tb.Helper()
	arts := testcorpus.Articles(tb, 0)
	if max > 0 && len(arts) > max {
		arts = arts[:max]
	}
	return arts
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
