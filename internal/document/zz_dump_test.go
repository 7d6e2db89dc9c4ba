package document

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("DUMP_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		text, rem, meta := Clean(string(b))
		d := &Document{ID: filepath.Base(f), Raw: string(b), Text: text, Removed: rem, Title: meta.Title, Outlet: meta.Outlet, Author: meta.Author, Published: meta.Published, Dateline: meta.Dateline}
		out, _ := os.Create("/tmp/rd/" + filepath.Base(f) + ".out")
		fmt.Fprintln(out, text)
		fmt.Fprintln(out, "=================")
		Explain(out, d)
		out.Close()
	}
}
