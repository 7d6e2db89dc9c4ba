package document

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZLeft(t *testing.T) {
	dir := os.Getenv("LEFT_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*.txt")
	cnt := map[string]int{}
	ex := map[string]string{}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		text, _, _ := Clean(string(b))
		for _, c := range uiClutter {
			if i := strings.Index(text, c); i >= 0 {
				cnt[c]++
				if ex[c] == "" {
					a := i - 200
					if a < 0 {
						a = 0
					}
					e := i + 150
					if e > len(text) {
						e = len(text)
					}
					ex[c] = filepath.Base(f) + ": " + strings.ToValidUTF8(text[a:e], "")
				}
			}
		}
	}
	for c, n := range cnt {
		fmt.Printf("%-30s %d   %s\n\n", c, n, strings.ReplaceAll(ex[c], "\n", " ⏎ "))
	}
}
