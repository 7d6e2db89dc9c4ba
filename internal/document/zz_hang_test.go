package document

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZZHang(t *testing.T) {
	if os.Getenv("HANG") == "" {
		t.Skip()
	}
	var seeds [][]byte
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		seeds = append(seeds, b)
	}
	fc, _ := filepath.Glob(os.Getenv("HOME") + "/.cache/go-build/fuzz/rasad/internal/document/FuzzClean/*")
	_ = fc
	rng := rand.New(rand.NewSource(1))
	for it := 0; it < 200000; it++ {
		b := append([]byte(nil), seeds[rng.Intn(len(seeds))]...)
		for m := rng.Intn(8) + 1; m > 0 && len(b) > 0; m-- {
			switch rng.Intn(5) {
			case 0:
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
			case 1:
				i := rng.Intn(len(b))
				b = append(b[:i], b[i+1:]...)
			case 2:
				i, j := rng.Intn(len(b)), rng.Intn(len(b))
				if i > j {
					i, j = j, i
				}
				b = append(b[:j:j], append(append([]byte(nil), b[i:j]...), b[j:]...)...)
			case 3:
				i := rng.Intn(len(b))
				b = b[:i]
			case 4:
				i, j := rng.Intn(len(b)), rng.Intn(len(b))
				if i > j {
					i, j = j, i
				}
				b = append(b[:i:i], b[j:]...)
			}
		}
		done := make(chan struct{})
		go func() { Clean(string(b)); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			os.WriteFile("/tmp/rd/hang.txt", b, 0o644)
			fmt.Printf("HANG at iteration %d, %d bytes -> /tmp/rd/hang.txt\n", it, len(b))
			os.Exit(1)
		}
	}
}
