// Package api is rasad's HTTP JSON API: events with filters (also as
// GeoJSON), their evidence, documents with their clean text and mentions,
// full-text search, place autocomplete and an authenticated ingest endpoint.
// The routes are described by the OpenAPI 3.1 document openapi.json,
// embedded and served at /api/openapi.json; the web app (Options.Static)
// is served at /.
//
// Writes need a bearer token, compared in constant time; without a
// configured token the server refuses every write. Every response carries
// security headers (a Content-Security-Policy of default-src 'self',
// X-Content-Type-Options nosniff, ...); JSON is encoded with HTML escaping,
// so article text never reaches a page as markup by accident.
package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"rasad/internal/store"
)

// DefaultMaxBody is the largest request body accepted when Options.MaxBody
// is 0.
const DefaultMaxBody = 8 << 20

// Page sizes of the list endpoints.
const (
	DefaultLimit   = 100   // events and documents when limit is not given
	MaxLimit       = 1000  // largest limit accepted (larger ones are capped)
	MaxGeoFeatures = 20000 // features of /api/events.geojson
)

// Options configures a Server.
type Options struct {
	Token   string       // bearer token for writes; "" disables writes
	MaxBody int64        // largest request body in bytes; 0 = DefaultMaxBody
	Logger  *slog.Logger // nil = slog.Default(); requests are logged at debug level
	Static  http.Handler // the web app served at /; nil = a placeholder page
}

// Server answers the API over one store.
type Server struct {
	st         *store.Store
	opt        Options
	log        *slog.Logger
	token      [sha256.Size]byte
	ingest     sync.Mutex // one POST ingest at a time
	facetCache facetCache
	handler    http.Handler
}

//go:embed openapi.json
var openAPI []byte

// route is one endpoint: the mux pattern is Method+" "+Path, and the
// OpenAPI document lists the same path and method.
type route struct {
	Method, Path string
	h            func(*Server, http.ResponseWriter, *http.Request)
}

var routes = []route{
	{"GET", "/api/events", (*Server).events},
	{"GET", "/api/events.geojson", (*Server).eventsGeoJSON},
	{"GET", "/api/events/{id}", (*Server).event},
	{"GET", "/api/histogram", (*Server).histogram},
	{"GET", "/api/facets", (*Server).facets},
	{"GET", "/api/documents", (*Server).documents},
	{"POST", "/api/documents", (*Server).postDocuments},
	{"GET", "/api/documents/{id}", (*Server).document},
	{"GET", "/api/search", (*Server).search},
	{"GET", "/api/places", (*Server).places},
	{"GET", "/api/openapi.json", (*Server).openapi},
}

// New returns a server over st.
func New(st *store.Store, opt Options) *Server {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	s := &Server{st: st, opt: opt, log: opt.Logger}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.token = sha256.Sum256([]byte(opt.Token))
	mux := http.NewServeMux()
	probe := http.NewServeMux() // the API routes only, to tell 404 from 405
	for _, r := range routes {
		h := r.h
		mux.HandleFunc(r.Method+" "+r.Path, func(w http.ResponseWriter, req *http.Request) { h(s, w, req) })
		probe.HandleFunc(r.Method+" "+r.Path, func(http.ResponseWriter, *http.Request) {})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		rec := &probeWriter{h: http.Header{}}
		probe.ServeHTTP(rec, r)
		if rec.code == http.StatusMethodNotAllowed {
			allow := rec.h.Get("Allow")
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+"; allowed: "+allow)
			return
		}
		writeError(w, http.StatusNotFound, "no API endpoint "+r.URL.Path+" (see /api/openapi.json)")
	})
	if opt.Static != nil {
		mux.Handle("/", opt.Static)
	} else {
		mux.HandleFunc("GET /{$}", placeholder)
	}
	s.handler = s.middleware(mux)
	return s
}

// Handler returns the HTTP handler of the API and the web app.
func (s *Server) Handler() http.Handler { return s.handler }

// securityHeaders are set on every response.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
}

func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		for _, kv := range securityHeaders {
			h.Set(kv[0], kv[1])
		}
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		rec.api = strings.HasPrefix(r.URL.Path, "/api/")
		if rec.api {
			h.Set("Cache-Control", "no-store")
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("api: handler panicked", "method", r.Method, "path", r.URL.Path, "panic", v)
				if !rec.wrote {
					writeError(rec, http.StatusInternalServerError, "internal server error")
				}
			}
			s.log.Debug("http request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
				"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start))
		}()
		next.ServeHTTP(rec, r)
	})
}

// recorder notes the status and size of a response, and turns the plain
// text 404 and 405 answers of http.ServeMux on /api/ paths into JSON errors.
type recorder struct {
	http.ResponseWriter
	api     bool
	status  int
	bytes   int
	wrote   bool
	swallow bool
}

func (w *recorder) WriteHeader(code int) {
	if w.wrote {
		return
	}
	w.wrote, w.status = true, code
	h := w.Header()
	if w.api && (code == http.StatusNotFound || code == http.StatusMethodNotAllowed) &&
		strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		w.swallow = true
		msg := "not found"
		if code == http.StatusMethodNotAllowed {
			msg = "method not allowed; allowed: " + h.Get("Allow")
		}
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Del("Content-Length")
		w.ResponseWriter.WriteHeader(code)
		b, _ := json.Marshal(errorBody{msg})
		w.ResponseWriter.Write(append(b, '\n'))
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if w.swallow {
		return len(b), nil
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// probeWriter keeps the status and headers of a response and drops its body.
type probeWriter struct {
	h    http.Header
	code int
}

func (w *probeWriter) Header() http.Header         { return w.h }
func (w *probeWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *probeWriter) WriteHeader(code int)        { w.code = code }

type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v with status; json.Encoder escapes <, > and & in
// strings, so text is never read as markup.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{msg})
}

// fail answers an error from the store: 404 for unknown ids, 400 for
// queries the store rejects, 500 (logged, detail withheld) otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, strings.TrimPrefix(err.Error(), "store: "))
	case errors.Is(err, store.ErrBadQuery):
		writeError(w, http.StatusBadRequest, strings.TrimPrefix(err.Error(), "store: "))
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "request cancelled or timed out")
	default:
		s.log.Error("api: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal server error (the server log has the details)")
	}
}

// authorize checks the bearer token of a write; it answers and returns
// false when the write is refused.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: start rasad serve with --token or RASAD_TOKEN")
		return false
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="rasad"`)
		writeError(w, http.StatusUnauthorized, "missing token: send the header Authorization: Bearer <token>")
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	if subtle.ConstantTimeCompare(got[:], s.token[:]) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="rasad", error="invalid_token"`)
		writeError(w, http.StatusUnauthorized, "wrong token")
		return false
	}
	return true
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rasad</title></head>
<body>
<h1>rasad</h1>
<p>The web app is not part of this build. The JSON API is running:
<a href="/api/openapi.json">/api/openapi.json</a> describes it; try
<a href="/api/events">/api/events</a>, <a href="/api/facets">/api/facets</a> or
<a href="/api/search?q=%D9%82%D8%B5%D9%81">/api/search?q=قصف</a>.</p>
</body></html>
`

func placeholder(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(placeholderPage))
}
