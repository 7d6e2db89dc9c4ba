package document

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// renderDoc is the golden form of a document: metadata, clean text and the
// list of removals.
func renderDoc(d *Document) string {
	var b strings.Builder
	for _, f := range []struct{ k, v string }{
		{"encoding", d.Encoding}, {"title", d.Title}, {"outlet", d.Outlet}, {"author", d.Author},
		{"published", d.Published}, {"dateline", d.Dateline}} {
		fmt.Fprintf(&b, "%s: %s\n", f.k, f.v)
	}
	b.WriteString("== text\n")
	b.WriteString(d.Text)
	b.WriteString("\n== removed\n")
	for _, r := range d.Removed {
		fmt.Fprintf(&b, "[%d,%d) %s %q\n", r.Start, r.End, r.Reason, r.Text)
	}
	return b.String()
}

// TestGolden builds every testdata page and compares it with its .golden
// file (go test -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	var inputs []string
	for _, pat := range []string{"testdata/*.txt", "testdata/*.html"} {
		m, _ := filepath.Glob(pat)
		inputs = append(inputs, m...)
	}
	if len(inputs) == 0 {
		t.Fatal("no golden inputs in testdata/")
	}
	for _, in := range inputs {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			rec := source.Record{ID: strings.TrimSuffix(name, filepath.Ext(name)), Origin: in, Body: body}
			if strings.HasSuffix(in, ".html") {
				rec.Format = source.HTML
			}
			d, err := Build(rec)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			checkInvariants(t, d.Raw, d.Text, d.Removed)
			got := renderDoc(d)
			gold := strings.TrimSuffix(in, filepath.Ext(in)) + ".golden"
			if *update {
				if err := os.WriteFile(gold, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gold)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", in, gold, diffLines(string(want), got))
			}
		})
	}
}

// diffLines shows the first differing lines of two texts.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, a, c)
			if n++; n >= 5 {
				break
			}
		}
	}
	return b.String()
}
