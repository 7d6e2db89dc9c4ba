package source

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type collected struct {
	recs  []Record
	fails []*Error
	skips []Skip
}

func walk(t *testing.T, opt Options, paths ...string) collected {
	t.Helper()
	var c collected
	err := Walk(context.Background(), paths, opt, Handler{
		Record:  func(r Record) error { c.recs = append(c.recs, r); return nil },
		Fail:    func(e *Error) { c.fails = append(c.fails, e) },
		Skipped: func(s Skip) { c.skips = append(c.skips, s) },
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return c
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ids(recs []Record) string {
	var s []string
	for _, r := range recs {
		s = append(s, r.ID)
	}
	return strings.Join(s, ",")
}

func TestWalkFormats(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "قصفت المدفعية أطراف البلدة صباح اليوم.")
	write(t, dir, "sub/b.html", "<html><body><p>نص</p></body></html>")
	write(t, dir, "c.json", `[{"id":"x1","title":"عنوان","source":"sabq","content":"نص أول","date_extracted":"2015-07-21"},
		{"url":"http://example.org/2","text":"نص ثان","published":"2017-10-29"}]`)
	write(t, dir, "d.jsonl", "{\"id\":\"l1\",\"html\":\"<p>س</p>\",\"outlet\":\"و\"}\n\n{\"id\":7,\"text\":\"ص\"}\n")
	write(t, dir, "e.json", `{"id":"single","text":"نص"}`)
	write(t, dir, ".hidden.txt", "x")
	write(t, dir, "notes.md", "x")

	c := walk(t, Options{}, dir)
	if len(c.fails) != 0 {
		t.Fatalf("unexpected failures: %v", c.fails)
	}
	if got, want := ids(c.recs), "a,x1,c-2,l1,7,single,b"; got != want {
		t.Fatalf("ids = %s, want %s", got, want)
	}
	byID := map[string]Record{}
	for _, r := range c.recs {
		byID[r.ID] = r
	}
	if r := byID["x1"]; r.Outlet != "sabq" || r.Title != "عنوان" || string(r.Body) != "نص أول" || r.Published != "" {
		t.Errorf("x1 = %+v (date_extracted must not become published)", r)
	}
	if r := byID["c-2"]; r.URL != "http://example.org/2" || r.Published != "2017-10-29" {
		t.Errorf("c-2 = %+v", r)
	}
	if r := byID["l1"]; r.Format != HTML || r.Outlet != "و" || r.Origin != filepath.Join(dir, "d.jsonl")+":1" {
		t.Errorf("l1 = %+v", r)
	}
	if r := byID["b"]; r.Format != HTML {
		t.Errorf("b.html format = %v", r.Format)
	}
	if len(c.skips) != 2 {
		t.Errorf("skips = %+v, want hidden file and .md", c.skips)
	}
	for _, r := range c.recs {
		if len(r.Hash) != 64 {
			t.Errorf("%s: hash %q", r.ID, r.Hash)
		}
	}
}

func TestWalkBadInputContinues(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "1.jsonl", "{\"id\":\"ok1\",\"text\":\"أ\"}\n{\"id\": broken\n[1,2]\n{\"id\":\"nofield\"}\n{\"id\":\"ok2\",\"text\":\"ب\"}\n")
	write(t, dir, "2.json", `[{"id":"a1","text":"x"}, {"id":"a2", "text": }]`)
	write(t, dir, "3.json", `"just a string"`)
	write(t, dir, "4.txt", strings.Repeat("x", 2000))
	write(t, dir, "5.txt", "ok")
	c := walk(t, Options{MaxRecordBytes: 1000}, dir, filepath.Join(dir, "missing.txt"))
	if got, want := ids(c.recs), "ok1,ok2,a1,5"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	want := []string{"1.jsonl:2", "1.jsonl:3", "1.jsonl:4", "2.json[2]", "3.json", "4.txt", "missing.txt"}
	if len(c.fails) != len(want) {
		t.Fatalf("fails = %v, want %d", c.fails, len(want))
	}
	for i, w := range want {
		if !strings.HasSuffix(c.fails[i].Origin, w) {
			t.Errorf("fail %d origin %q, want suffix %q (%v)", i, c.fails[i].Origin, w, c.fails[i])
		}
	}
}

func TestWalkZip(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(content))
	}
	add("day/2015-07-21.json", `[{"source":"s","content":"نص"},{"source":"s","content":"آخر"}]`)
	add("r.txt", "تقرير")
	add("__MACOSX/._r.txt", "junk")
	add("img.png", "\x89PNG")
	zw.Close()
	p := filepath.Join(dir, "arch.zip")
	os.WriteFile(p, buf.Bytes(), 0o644)

	c := walk(t, Options{}, p)
	if got, want := ids(c.recs), "2015-07-21-1,2015-07-21-2,r"; got != want {
		t.Errorf("ids = %s, want %s", got, want)
	}
	if !strings.HasSuffix(c.recs[0].Origin, "arch.zip!day/2015-07-21.json[1]") {
		t.Errorf("origin = %s", c.recs[0].Origin)
	}
	if len(c.fails) != 0 || len(c.skips) != 2 {
		t.Errorf("fails %v skips %v", c.fails, c.skips)
	}

	// Stdin holding a zip is sniffed too; a truncated archive is an error.
	c = walk(t, Options{Stdin: bytes.NewReader(buf.Bytes()[:20])}, "-")
	if len(c.fails) != 1 || c.fails[0].Origin != "stdin" {
		t.Errorf("truncated zip on stdin: %v", c.fails)
	}
}

func TestStdinSniff(t *testing.T) {
	for _, tc := range []struct {
		in     string
		ids    string
		format Format
	}{
		{"نص عادي", "stdin", Text},
		{"  <html><p>x</p></html>", "stdin", HTML},
		{`[{"id":"q","text":"t"}]`, "q", Text},
		{"{\"id\":\"r\",\"text\":\"t\"}\n{\"id\":\"s\",\"text\":\"u\"}", "r,s", Text},
	} {
		c := walk(t, Options{Stdin: strings.NewReader(tc.in)}, "-")
		if got := ids(c.recs); got != tc.ids || len(c.fails) > 0 {
			t.Errorf("%q: ids %s fails %v, want %s", tc.in, got, c.fails, tc.ids)
			continue
		}
		if c.recs[0].Format != tc.format {
			t.Errorf("%q: format %v", tc.in, c.recs[0].Format)
		}
	}
}

func TestHandlerErrorStops(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "a")
	write(t, dir, "b.txt", "b")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, Handler{Record: func(Record) error {
		n++
		return context.Canceled
	}})
	if err != context.Canceled || n != 1 {
		t.Fatalf("err=%v n=%d", err, n)
	}
}

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"text\":\"ب\"}\n{bad\n"))
	f.Add([]byte(`[{"id":1,"content":"x"}]`))
	f.Add([]byte("\xef\xbb\xbf{\"html\":\"<p>\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range []kind{kindJSON, kindJSONL} {
			w := &walker{ctx: context.Background(), opt: Options{MaxRecordBytes: 1 << 16}, h: Handler{
				Record:  func(r Record) error { return nil },
				Fail:    func(*Error) {},
				Skipped: func(Skip) {},
			}}
			w.stream("fuzz", "fuzz", k, bytes.NewReader(data))
		}
	})
}
