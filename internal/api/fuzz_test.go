package api

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzEventFilter feeds arbitrary query strings to the event filter
// parser: it must never panic, and what it accepts must be well formed.
func FuzzEventFilter(f *testing.F) {
	for _, s := range []string{
		"", "bbox=35.5,32.3,42.4,37.4", "bbox=1,2,3", "bbox=NaN,0,1,1", "from=2017-10-01&to=2017-10-31",
		"from=2017-13&to=x", "type=battles&actor=isis&place=%D8%AD%D9%84%D8%A8", "q=%22%D8%AF%D9%8A%D8%B1", "q=-x",
		"limit=5&offset=10", "limit=-1", "q=" + string(bytes.Repeat([]byte("a "), 40)), "q=\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := eventFilter(q)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if b := flt.BBox; b != nil && (b[0] > b[2] || b[1] > b[3]) {
			t.Fatalf("accepted an inverted box %v", *b)
		}
		limit, offset, err := page(q, DefaultLimit, MaxLimit)
		if err == nil && (limit < 1 || limit > MaxLimit || offset < 0) {
			t.Fatalf("page %d+%d out of range", offset, limit)
		}
	})
}

// FuzzUpload feeds arbitrary bodies and content types to the POST body
// reader.
func FuzzUpload(f *testing.F) {
	f.Add("application/json", "", []byte(`{"id":"a","text":"نص"}`))
	f.Add("application/json", "", []byte(`[{"id":"a","html":"<p>x</p>"}]`))
	f.Add("text/plain", "a", []byte("نص"))
	f.Add("text/html; charset=utf-8", "b", []byte("<html>"))
	f.Add("", "", []byte("  {"))
	f.Add("multipart/form-data; boundary=x", "", []byte("--x"))
	f.Fuzz(func(t *testing.T, ctype, id string, body []byte) {
		r := httptest.NewRequest("POST", "/api/documents?id="+url.QueryEscape(id), bytes.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		up, err := uploadFile(r, body)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if len(up.data) == 0 || len(up.name) < 6 {
			t.Fatalf("accepted an empty upload %q", up.name)
		}
	})
}
