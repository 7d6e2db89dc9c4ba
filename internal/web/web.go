// Package web serves rasad's analyst web app: the front end built from
// /web (npm run build) into dist/ and embedded here, so that `go build`
// needs no npm and the page works with no network at all.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// hashed matches the content-hashed names esbuild gives the bundles and
// assets (app-2AMRWMYB.js, assets/layers-55W3Q4RM.png): these never change
// content under the same name and may be cached for good.
var hashed = regexp.MustCompile(`-[A-Z0-9]{8}\.[a-z0-9]+$`)

// contentTypes are set explicitly so that the answer does not depend on the
// host's MIME tables.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".png":   "image/png",
	".svg":   "image/svg+xml",
	".txt":   "text/plain; charset=utf-8",
	".ico":   "image/x-icon",
}

// csp allows only same-origin scripts, styles, fonts and data; images may
// also be data: URLs. Inline scripts and event-handler attributes never run,
// a second line of defence behind the app's text-only rendering of reports.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

type asset struct {
	data  []byte
	gz    []byte // gzip form when it is worth it, built on first use
	gzErr bool
	once  sync.Once
	etag  string
	ctype string
	cache string
}

var (
	assetsOnce sync.Once
	assets     map[string]*asset
)

func load() map[string]*asset {
	assetsOnce.Do(func() {
		assets = map[string]*asset{}
		_ = fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := dist.ReadFile(p)
			if err != nil {
				return err
			}
			name := strings.TrimPrefix(p, "dist/")
			sum := sha256.Sum256(data)
			a := &asset{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
			ext := path.Ext(name)
			a.ctype = contentTypes[ext]
			if a.ctype == "" {
				a.ctype = mime.TypeByExtension(ext)
			}
			if a.ctype == "" {
				a.ctype = "application/octet-stream"
			}
			if hashed.MatchString(name) {
				a.cache = "public, max-age=31536000, immutable"
			} else {
				a.cache = "no-cache"
			}
			assets[name] = a
			return nil
		})
	})
	return assets
}

// compressible reports whether a content type gains from gzip.
func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "application/json") ||
		strings.HasPrefix(ctype, "image/svg")
}

func (a *asset) gzipped() []byte {
	a.once.Do(func() {
		if !compressible(a.ctype) || len(a.data) < 1024 {
			return
		}
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if _, err := zw.Write(a.data); err != nil {
			return
		}
		if err := zw.Close(); err != nil {
			return
		}
		if buf.Len() < len(a.data)*9/10 {
			a.gz = buf.Bytes()
		}
	})
	return a.gz
}

// Handler serves the web app: "/" and "/index.html" give the page, every
// other embedded file is served under its own path with its content type,
// an ETag and cache headers (content-hashed bundles are immutable, the page
// itself is revalidated each time). Unknown paths are 404; only GET and HEAD
// are allowed.
func Handler() http.Handler {
	files := load()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "index.html"
		}
		a, ok := files[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.ctype)
		h.Set("Cache-Control", a.cache)
		h.Set("ETag", a.etag)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Add("Vary", "Accept-Encoding")
		if name == "index.html" {
			h.Set("Content-Security-Policy", csp)
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("X-Frame-Options", "DENY")
		}
		body := a.data
		if gz := a.gzipped(); gz != nil && acceptsGzip(r) && r.Header.Get("Range") == "" {
			h.Set("Content-Encoding", "gzip")
			h.Set("ETag", strings.TrimSuffix(a.etag, `"`)+`-gz"`)
			body = gz
		}
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	})
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		if v, ok := strings.CutPrefix(q, "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil && f == 0 {
				return false
			}
		}
		return true
	}
	return false
}

// Files lists the embedded file names (for tests and diagnostics).
func Files() []string {
	files := load()
	out := make([]string, 0, len(files))
	for n := range files {
		out = append(out, n)
	}
	return out
}
