package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"rasad/internal/ingest"
	"rasad/internal/store"
)

func emptyServer(t *testing.T, opt Options) http.Handler {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "post.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return New(st, opt).Handler()
}

func post(path, ctype, token string, body []byte) *http.Request {
	r := httptest.NewRequest("POST", path, bytes.NewReader(body))
	if ctype != "" {
		r.Header.Set("Content-Type", ctype)
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	return r
}

// An invented report written for this test.
const scriptReport = `قال مراسل محلي إن قصفاً مدفعياً استهدف بلدة سراقب بريف إدلب الشرقي صباح اليوم، ما أدى إلى مقتل ثلاثة مدنيين. <script>alert(1)</script> وأضاف أن فرق الإسعاف نقلت الجرحى إلى مشفى قريب.`

func TestPostAuth(t *testing.T) {
	body := []byte(`{"id":"x","text":"نص"}`)
	h := emptyServer(t, Options{})
	w := do(t, h, post("/api/documents", "application/json", "anything", body), 403, nil)
	if !strings.Contains(w.Body.String(), "--token") {
		t.Errorf("403 does not say how to enable writes: %s", w.Body.String())
	}
	h = emptyServer(t, Options{Token: "s3cret"})
	do(t, h, post("/api/documents", "application/json", "", body), 401, nil)
	do(t, h, post("/api/documents", "application/json", "wrong", body), 401, nil)
	do(t, h, post("/api/documents", "application/json", "s3cret-and-more", body), 401, nil)
	r := post("/api/documents", "application/json", "", body)
	r.Header.Set("Authorization", "Basic czNjcmV0")
	do(t, h, r, 401, nil)
}

func TestPostLimitsAndBadBodies(t *testing.T) {
	h := emptyServer(t, Options{Token: "t", MaxBody: 1000})
	big := []byte(`{"id":"big","text":"` + strings.Repeat("ن", 1000) + `"}`)
	w := do(t, h, post("/api/documents", "application/json", "t", big), 413, nil)
	if !strings.Contains(w.Body.String(), "1000") {
		t.Errorf("413 does not state the limit: %s", w.Body.String())
	}
	for _, c := range []struct {
		ctype, path, body string
		want              int
	}{
		{"application/json", "/api/documents", `{"id":`, 400},
		{"application/json", "/api/documents", `"just a string"`, 400},
		{"application/json", "/api/documents", ``, 400},
		{"application/json", "/api/documents", `{"id":"no-text"}`, 400},
		{"text/plain", "/api/documents", `نص بلا معرف`, 400},
		{"text/plain", "/api/documents?id=a", ``, 400},
		{"text/plain", "/api/documents?id=a", "\xff\xfe", 400},
		{"text/plain", "/api/documents?id=a%00b", `نص`, 400},
		{"image/png", "/api/documents?id=a", `x`, 415},
		{"bad/;;;", "/api/documents?id=a", `x`, 400},
	} {
		do(t, h, post(c.path, c.ctype, "t", []byte(c.body)), c.want, nil)
	}
}

func TestPostThenGet(t *testing.T) {
	h := emptyServer(t, Options{Token: "t"})
	body, _ := json.Marshal([]map[string]string{{
		"id": "posted-1", "title": "عنوان <b>تجريبي</b>", "outlet": "منفذ تجريبي", "published": "2019-03-02", "text": scriptReport,
	}})
	var f store.Facets
	get(t, h, "/api/facets", 200, &f)
	if f.Documents != 0 {
		t.Fatalf("empty store: facets %+v", f)
	}
	var sum ingest.Summary
	do(t, h, post("/api/documents", "application/json", "t", body), 201, &sum)
	get(t, h, "/api/facets", 200, &f)
	if f.Documents != 1 || f.Outlets["منفذ تجريبي"] != 1 {
		t.Errorf("facets not refreshed after an ingest: %+v", f)
	}
	if sum.New != 1 {
		t.Fatalf("summary %+v", sum)
	}
	// The same content again: nothing new.
	do(t, h, post("/api/documents", "application/json", "t", body), 200, &sum)
	if sum.Unchanged != 1 {
		t.Errorf("second post: %+v", sum)
	}

	w := get(t, h, "/api/documents/posted-1", 200, nil)
	if bytes.Contains(w.Body.Bytes(), []byte("<script>")) || !bytes.Contains(w.Body.Bytes(), []byte(`\u003cscript\u003e`)) {
		t.Errorf("< and > are not escaped in the JSON: %s", w.Body.String())
	}
	var doc docDetail
	get(t, h, "/api/documents/posted-1", 200, &doc)
	if !strings.Contains(doc.CleanText, "<script>alert(1)</script>") || doc.Title != "عنوان <b>تجريبي</b>" {
		t.Errorf("text not returned unchanged: %q / %q", doc.Title, doc.CleanText)
	}
	var list docsPage
	get(t, h, "/api/documents", 200, &list)
	if list.Total != 1 || list.Documents[0].ID != "posted-1" || list.Documents[0].Outlet != "منفذ تجريبي" {
		t.Errorf("list: %+v", list)
	}
	var res struct{ Total int }
	get(t, h, "/api/search?q="+"%D8%B3%D8%B1%D8%A7%D9%82%D8%A8", 200, &res) // سراقب
	if res.Total != 1 {
		t.Errorf("search finds %d documents", res.Total)
	}

	// A plain text body with its id and metadata in the query string.
	r := post("/api/documents?id=plain-1&outlet=%D9%85%D9%86%D9%81%D8%B0&published=2019-03-03", "text/plain; charset=utf-8", "t",
		[]byte(strings.Replace(scriptReport, "ثلاثة", "أربعة", 1)))
	do(t, h, r, 201, &sum)
	get(t, h, "/api/documents/plain-1", 200, &doc)
	if doc.Outlet != "منفذ" || !strings.HasPrefix(doc.Published, "2019-03-03") {
		t.Errorf("plain text metadata: outlet %q published %q", doc.Outlet, doc.Published)
	}
}
