package dates

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenReport runs Dateline, Find and Resolve over an invented report
// (testdata/report.txt) and compares with testdata/report.golden. Run
// `go test ./internal/dates -run Golden -update` after an intended change
// and review the diff.
func TestGoldenReport(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(in)
	var b strings.Builder
	anchor, ok := Dateline(text)
	fmt.Fprintf(&b, "dateline %s %v\n", anchor.Format("2006-01-02"), ok)
	for _, e := range Find(text) {
		d, p, ok := Resolve(e, anchor)
		res := "-"
		if ok {
			res = fmt.Sprintf("%s p%d", d.Format("2006-01-02"), p)
		}
		fmt.Fprintf(&b, "%d-%d %q %s => %s\n", e.Start, e.End, e.Text, describe(e), res)
	}
	got := b.String()
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, got)
	}
}
