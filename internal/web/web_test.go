package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t testing.TB, h http.Handler, method, path string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, path, nil)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// assetRefs are the same-origin files index.html loads.
var assetRefs = regexp.MustCompile(`(?:src|href)="/([^"]+)"`)

func indexRefs(t *testing.T) []string {
	t.Helper()
	page := load()["index.html"]
	if page == nil {
		t.Fatal("dist/index.html is not embedded: run `cd web && npm ci && npm run build`")
	}
	var refs []string
	for _, m := range assetRefs.FindAllStringSubmatch(string(page.data), -1) {
		refs = append(refs, m[1])
	}
	return refs
}

func TestHandler(t *testing.T) {
	h := Handler()
	refs := indexRefs(t)
	if len(refs) < 3 {
		t.Fatalf("index.html references %v: want the script, the style sheet and the preloaded font", refs)
	}
	var js, css, font string
	for _, r := range refs {
		switch {
		case strings.HasSuffix(r, ".js"):
			js = r
		case strings.HasSuffix(r, ".css"):
			css = r
		case strings.HasSuffix(r, ".woff2"):
			font = r
		}
	}
	tests := []struct {
		name, method, path string
		status             int
		ctype, cache       string
	}{
		{"root is the page", "GET", "/", 200, "text/html; charset=utf-8", "no-cache"},
		{"index.html", "GET", "/index.html", 200, "text/html; charset=utf-8", "no-cache"},
		{"query string ignored", "GET", "/?type=battles&q=%D9%82%D8%B5%D9%81", 200, "text/html; charset=utf-8", "no-cache"},
		{"script", "GET", "/" + js, 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"style sheet", "GET", "/" + css, 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
		{"font", "GET", "/" + font, 200, "font/woff2", "public, max-age=31536000, immutable"},
		{"head", "HEAD", "/", 200, "text/html; charset=utf-8", "no-cache"},
		{"unknown file", "GET", "/nope.js", 404, "", ""},
		{"directory", "GET", "/assets/", 404, "", ""},
		{"dot-dot cleaned", "GET", "/assets/../index.html", 200, "text/html; charset=utf-8", "no-cache"},
		{"post refused", "POST", "/", 405, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, h, tc.method, tc.path, nil)
			if w.Code != tc.status {
				t.Fatalf("%s %s: status %d, want %d", tc.method, tc.path, w.Code, tc.status)
			}
			if tc.status != 200 {
				return
			}
			if got := w.Header().Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type %q, want %q", got, tc.ctype)
			}
			if got := w.Header().Get("Cache-Control"); got != tc.cache {
				t.Errorf("Cache-Control %q, want %q", got, tc.cache)
			}
			if w.Header().Get("ETag") == "" || w.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("missing ETag or nosniff: %v", w.Header())
			}
			if tc.method == "HEAD" && w.Body.Len() != 0 {
				t.Errorf("HEAD answered a body of %d bytes", w.Body.Len())
			}
		})
	}
	if w := get(t, h, "POST", "/", nil); w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("405 without Allow header: %v", w.Header())
	}
}

func TestPageHeaders(t *testing.T) {
	w := get(t, Handler(), "GET", "/", nil)
	csp := w.Header().Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	body := w.Body.String()
	for _, want := range []string{`<html lang="ar" dir="rtl">`, `<meta charset="utf-8">`, `type="module"`} {
		if !strings.Contains(body, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

func TestConditionalAndGzip(t *testing.T) {
	h := Handler()
	var js string
	for _, r := range indexRefs(t) {
		if strings.HasSuffix(r, ".js") {
			js = "/" + r
		}
	}
	plain := get(t, h, "GET", js, nil)
	etag := plain.Header().Get("ETag")
	if w := get(t, h, "GET", js, map[string]string{"If-None-Match": etag}); w.Code != http.StatusNotModified {
		t.Errorf("If-None-Match %s: status %d, want 304", etag, w.Code)
	}
	gz := get(t, h, "GET", js, map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	if gz.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Accept-Encoding gzip: no gzip answer (%v)", gz.Header())
	}
	if gz.Header().Get("ETag") == etag {
		t.Errorf("the gzip answer shares the ETag %s of the identity answer", etag)
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, plain.Body.Bytes()) {
		t.Errorf("gunzipped script differs from the plain one (%d vs %d bytes)", len(data), plain.Body.Len())
	}
	if w := get(t, h, "GET", js, map[string]string{"Accept-Encoding": "gzip;q=0"}); w.Header().Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 still got %q", w.Header().Get("Content-Encoding"))
	}
	if w := get(t, h, "GET", js, map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=0-9"}); w.Code != http.StatusPartialContent || w.Body.Len() != 10 {
		t.Errorf("Range request: status %d, %d bytes; want 206 and 10", w.Code, w.Body.Len())
	}
}

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"deflate, gzip;q=0.5", true},
		{"gzip;q=0", false},
		{"gzip; q=0.0", false},
		{"gzip;q=0.001", true},
		{"br", false},
		{"x-gzip", false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Encoding", tc.header)
		if got := acceptsGzip(r); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

// urlRef finds absolute http(s) references.
var urlRef = regexp.MustCompile(`https?://[^\s"'<>()\\]+`)

// allowedURL lists the absolute URLs the bundle may contain because they
// fetch nothing: XML namespaces and Leaflet's attribution link, which the
// app replaces (setPrefix(false)).
func allowedURL(u string) bool {
	return strings.HasPrefix(u, "http://www.w3.org/") || u == "https://leafletjs.com"
}

// TestNoExternalReferences keeps the page working with no network: the
// page, the scripts and the style sheets load nothing from another origin.
func TestNoExternalReferences(t *testing.T) {
	files := load()
	checked := 0
	for name, a := range files {
		if !(strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".css")) {
			continue
		}
		checked++
		for _, u := range urlRef.FindAllString(string(a.data), -1) {
			if !allowedURL(u) {
				t.Errorf("%s refers to %s: the page must work with no network", name, u)
			}
		}
		if strings.Contains(string(a.data), "//fonts.googleapis") || strings.Contains(string(a.data), "tile.openstreetmap") {
			t.Errorf("%s refers to a remote font or tile service", name)
		}
	}
	if checked < 3 {
		t.Errorf("only %d html/js/css files embedded", checked)
	}
}

// TestIndexReferencesExist catches a half-built dist: every file the page
// loads is embedded, and nothing else is missing.
func TestIndexReferencesExist(t *testing.T) {
	files := load()
	for _, r := range indexRefs(t) {
		if _, ok := files[r]; !ok {
			t.Errorf("index.html loads /%s, which is not embedded", r)
		}
	}
	var size int
	for _, a := range files {
		size += len(a.data)
	}
	if size > 4<<20 {
		t.Errorf("dist holds %d bytes: keep the embedded app under 4 MB", size)
	}
	t.Logf("%d embedded files, %d bytes", len(files), size)
}

func FuzzHandler(f *testing.F) {
	for _, s := range []string{"/", "/index.html", "/assets/x.png", "/../../etc/passwd", "/%2e%2e/", "//", "/a/b/../../index.html", "/\x00"} {
		f.Add(s, "gzip")
	}
	h := Handler()
	f.Fuzz(func(t *testing.T, path, enc string) {
		r, err := http.NewRequest("GET", "http://x/", nil)
		if err != nil {
			t.Skip()
		}
		r.URL.Path = path
		r.Header.Set("Accept-Encoding", enc)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		switch w.Code {
		case 200:
			if w.Header().Get("Content-Type") == "" {
				t.Errorf("%q: 200 without Content-Type", path)
			}
		case 404:
		default:
			t.Errorf("%q: status %d", path, w.Code)
		}
	})
}

func BenchmarkHandler(b *testing.B) {
	h := Handler()
	var js string
	for _, m := range assetRefs.FindAllStringSubmatch(string(load()["index.html"].data), -1) {
		if strings.HasSuffix(m[1], ".js") {
			js = "/" + m[1]
		}
	}
	for _, bc := range []struct{ name, path, enc string }{
		{"index", "/", ""},
		{"script", js, ""},
		{"script-gzip", js, "gzip"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := httptest.NewRequest("GET", bc.path, nil)
			if bc.enc != "" {
				r.Header.Set("Accept-Encoding", bc.enc)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			b.SetBytes(int64(w.Body.Len()))
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
			}
		})
	}
}
