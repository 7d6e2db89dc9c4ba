package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/store"
)

func writeReports(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("قصفت المدفعية أطراف البلدة رقم %d صباح اليوم وأصيب %d من السكان بجروح.\n", i, i%7+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.jsonl"), []byte("{not json\n"), 0o644)
	return dir
}

func TestStreamOrderAndProblems(t *testing.T) {
	dir := writeReports(t, 40)
	var ids []string
	var failed, skipped []string
	err := Stream(context.Background(), []string{dir}, StreamOptions{Workers: 4}, Handlers{
		Report: func(it *Item) error {
			if it.Doc == nil || it.Report == nil || it.Report.Doc.Doc != it.Record.ID {
				t.Errorf("item %s has no document or report", it.Record.ID)
			}
			ids = append(ids, it.Record.ID)
			return nil
		},
		Problem: func(p Problem, failure, record bool) {
			if failure {
				failed = append(failed, filepath.Base(p.Origin))
			} else {
				skipped = append(skipped, filepath.Base(p.Origin))
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 40 {
		t.Fatalf("got %d reports, want 40", len(ids))
	}
	for i, id := range ids {
		if want := fmt.Sprintf("r%03d", i); id != want {
			t.Fatalf("report %d is %s, want %s: results must come in input order", i, id, want)
		}
	}
	if strings.Join(failed, ",") != "bad.jsonl:1" {
		t.Errorf("failed = %v", failed)
	}
	if strings.Join(skipped, ",") != "empty.txt,notes.md" {
		t.Errorf("skipped = %v", skipped)
	}
}

func TestStreamHandlerErrorStops(t *testing.T) {
	dir := writeReports(t, 30)
	n := 0
	stop := fmt.Errorf("stop")
	err := Stream(context.Background(), []string{dir}, StreamOptions{Workers: 2}, Handlers{
		Report: func(*Item) error {
			n++
			if n == 3 {
				return stop
			}
			return nil
		},
	})
	if err != stop || n != 3 {
		t.Fatalf("err %v after %d reports; want the handler's error after 3", err, n)
	}
}

func TestRunIdempotent(t *testing.T) {
	dir := writeReports(t, 25)
	st, err := store.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	sum, err := Run(ctx, st, []string{dir}, Options{BatchSize: 7})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 25 || len(sum.Failed) != 1 || len(sum.Skipped) != 2 || sum.Read != 27 || sum.OK() {
		t.Fatalf("first run: %s", sum)
	}
	if n, _ := st.Count(ctx); n != 25 {
		t.Fatalf("stored %d documents, want 25", n)
	}
	events, _ := st.CountEvents(ctx)
	sum, err = Run(ctx, st, []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 0 || sum.Unchanged != 25 {
		t.Fatalf("second run must change nothing: %s", sum)
	}
	if e2, _ := st.CountEvents(ctx); e2 != events {
		t.Fatalf("events %d after the re-run, %d before", e2, events)
	}
	// A changed file with the same id replaces the stored version.
	os.WriteFile(filepath.Join(dir, "r000.txt"), []byte("اشتباكات عنيفة في محيط البلدة وسقوط قتيلين من المقاتلين.\n"), 0o644)
	sum, err = Run(ctx, st, []string{dir}, Options{})
	if err != nil || sum.Updated != 1 || sum.Unchanged != 24 {
		t.Fatalf("third run: %s, %v", sum, err)
	}
	d, err := st.Doc(ctx, "r000")
	if err != nil || !strings.Contains(d.CleanText, "اشتباكات") {
		t.Fatalf("r000 not replaced: %q %v", d.CleanText, err)
	}
}
