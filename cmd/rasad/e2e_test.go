package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"rasad/internal/demo"
	"rasad/internal/store"
)

// rasadBin is built once for the end-to-end tests.
var rasadBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rasad-e2e-")
	if err != nil {
		panic(err)
	}
	rasadBin = filepath.Join(dir, "rasad")
	out, err := exec.Command("go", "build", "-o", rasadBin, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building rasad: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, db string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(rasadBin, append([]string{"--db", db}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running rasad %v: %v", args, err)
	}
	return result{o.String(), e.String(), code}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestSearchIdempotent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a.txt"), []byte("قصفت قوات النظام بلدة في ريف دير الزور الشرقي وقتل ثلاثة من المدنيين.\n"))
	writeFile(t, filepath.Join(in, "b.jsonl"), []byte(
		`{"id":"b1","outlet":"منفذ","published":"2017-10-02","text":"اشتباكات عنيفة في ديرالزور وسقوط قتلى بقصف مدفعي."}`+"\n"+
			`{"id":"b2", broken`+"\n"))
	writeFile(t, filepath.Join(in, "empty.txt"), nil)
	writeFile(t, filepath.Join(in, "bin.txt"), []byte{0, 1, 2, 0, 0, 0xff, 0xfe, 0, 3, 4, 0, 0})

	r := run(t, db, "", "ingest", in)
	if r.code != 1 {
		t.Fatalf("want exit 1 (some inputs failed), got %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"b.jsonl:2", "bin.txt", "empty.txt"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "2 new") {
		t.Errorf("summary: %s", r.stdout)
	}

	r = run(t, db, "", "ingest", filepath.Join(in, "a.txt"), filepath.Join(in, "b.jsonl"))
	if !strings.Contains(r.stdout, "0 new") || !strings.Contains(r.stdout, "2 unchanged") || !strings.Contains(r.stdout, "nothing changed") {
		t.Errorf("re-run must change nothing and say so: %s", r.stdout)
	}

	for q, want := range map[string]string{"مدني": "a", "قصف": "b1", "دير الزور": "b1", "ديرالزور": "a"} {
		r = run(t, db, "", "search", "--json", q)
		if r.code != 0 || !strings.Contains(r.stdout, `"`+want+`"`) {
			t.Errorf("search %q: want %s, got code %d\n%s%s", q, want, r.code, r.stdout, r.stderr)
		}
	}
	r = run(t, db, "", "search", "--outlet", "منفذ", "قصف")
	if r.code != 0 || strings.Contains(r.stdout, "(a)") {
		t.Errorf("outlet filter: %s", r.stdout)
	}
}

func TestCleanStdin(t *testing.T) {
	page := "<html><head><title>عنوان</title></head><body><nav>الرئيسية | أخبار</nav><article><p>" +
		strings.Repeat("قصفت المدفعية أطراف البلدة وأصيب عدد من السكان بجروح. ", 8) +
		"</p><script>alert(1)</script></article></body></html>"
	r := run(t, filepath.Join(t.TempDir(), "x.db"), page, "clean", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "قصفت المدفعية") || strings.Contains(r.stdout, "alert") {
		t.Fatalf("clean -: code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestDemo(t *testing.T) {
	r := run(t, filepath.Join(t.TempDir(), "d.db"), "", "demo")
	if r.code != 0 {
		t.Fatalf("demo failed: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "0 failed") {
		t.Errorf("demo summary: %s", r.stdout)
	}
}

// TestKillDuringIngest kills an ingest with SIGKILL while it writes, re-runs
// it, and checks that every document is stored exactly once.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	const n = 6000
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		obj := map[string]string{
			"id":   fmt.Sprintf("k%05d", i),
			"text": fmt.Sprintf("التقرير رقم %d: قصفت المدفعية أطراف البلدة رقم %d وأصيب %d من السكان. %s", i, i*7, i%13, strings.Repeat("كلمة ", i%50)),
		}
		b, _ := json.Marshal(obj)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	in := filepath.Join(dir, "many.jsonl")
	writeFile(t, in, buf.Bytes())

	cmd := exec.Command(rasadBin, "--db", db, "ingest", "--workers", "1", in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some documents are committed, then kill without warning.
	deadline := time.Now().Add(180 * time.Second)
	killedAt := -1
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if c := countDocs(t, db); c > 0 {
			killedAt = c
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if killedAt < 0 {
		t.Fatal("no document was committed within 180 s")
	}
	if killedAt >= n {
		t.Skipf("ingest finished before it could be killed (%d docs)", killedAt)
	}
	r := run(t, db, "", "ingest", in)
	if r.code != 0 {
		t.Fatalf("re-run failed: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := countDocs(t, db); got != n {
		t.Fatalf("after kill at ~%d docs and a re-run: %d documents stored, want %d\n%s", killedAt, got, n, r.stdout)
	}
	if !strings.Contains(r.stdout, "unchanged") {
		t.Errorf("re-run summary: %s", r.stdout)
	}
	r = run(t, db, "", "ingest", in)
	if !strings.Contains(r.stdout, "0 new") || !strings.Contains(r.stdout, fmt.Sprintf("%d unchanged", n)) {
		t.Errorf("third run must change nothing: %s", r.stdout)
	}
}

func countDocs(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	st, err := store.Open(db)
	if err != nil {
		return 0
	}
	defer st.Close()
	c, err := st.Count(context.Background())
	if err != nil {
		return 0
	}
	return c
}

// TestExtractExportEval runs the event pipeline end to end on the embedded
// demo reports: extract writes the spec's JSONL, ingest stores the events,
// export writes them in the three formats, and eval scores a gold file.
func TestExtractExportEval(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	reports := filepath.Join(dir, "reports")
	paths, err := demo.WriteTo(reports)
	if err != nil || len(paths) == 0 {
		t.Fatalf("demo reports: %v", err)
	}
	r := run(t, db, "", "extract", reports)
	if r.code != 0 {
		t.Fatalf("extract: %d\n%s", r.code, r.stderr)
	}
	docs, evs := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("extract wrote a line that is not JSON: %q", line)
		}
		switch rec["record"] {
		case "document":
			docs++
		case "event":
			evs++
			if rec["evidence"] == nil || rec["place"] == nil {
				t.Errorf("event without evidence or place: %s", line)
			}
		}
	}
	if docs != 8 || evs == 0 {
		t.Fatalf("extract: %d documents, %d events", docs, evs)
	}
	if r := run(t, db, "", "ingest", reports); r.code != 0 {
		t.Fatalf("ingest: %s%s", r.stdout, r.stderr)
	}
	r = run(t, db, "", "export", "--format", "csv")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "event_date,event_type,sub_event_type,actor1,actor2,admin1") {
		t.Fatalf("export csv: %d %q", r.code, r.stdout[:min(len(r.stdout), 200)])
	}
	if n := strings.Count(r.stdout, "\n") - 1; n != evs {
		t.Errorf("export csv has %d events, extract found %d", n, evs)
	}
	r = run(t, db, "", "export", "--format", "geojson")
	var fc map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &fc) != nil || fc["type"] != "FeatureCollection" {
		t.Fatalf("export geojson: %d %q", r.code, r.stdout[:min(len(r.stdout), 200)])
	}
	r = run(t, db, "", "export", "--format", "jsonl")
	if r.code != 0 || strings.Count(r.stdout, `"record":"event"`) != evs {
		t.Errorf("export jsonl: %d events, want %d", strings.Count(r.stdout, `"record":"event"`), evs)
	}

	// A gold file written for one demo report: eval must score it.
	gold := filepath.Join(dir, "gold.jsonl")
	writeFile(t, gold, []byte(`{"doc": "06-ghouta", "toponyms": {"required": ["دوما", "حرستا"], "optional": []}, `+
		`"events": [{"type": "explosions_remote_violence", "subtype": ["shelling_artillery_missile_attack"], "actor1": ["syrian_government"], "actor2": [], "place": ["دوما"], "date": "2017-11-20", "optional": false}], `+
		`"casualties": [{"group": "civilians", "killed": 4}], "cited": ["المرصد السوري لحقوق الإنسان"]}`+"\n"))
	r = run(t, db, "", "eval", "--gold", gold, "--docs", filepath.Join(reports, "06-ghouta.html"), "--errors")
	if r.code != 0 || !strings.Contains(r.stdout, "headline events_f1=") || !strings.Contains(r.stdout, "toponyms   P 1.00 R 1.00") {
		t.Errorf("eval: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
