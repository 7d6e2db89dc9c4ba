package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"rasad/internal/ingest"
	"rasad/internal/search"
	"rasad/internal/source"
	"rasad/internal/store"
)

// DocSummary is a document as lists show it.
type DocSummary struct {
	DocRef
	Events int `json:"events"` // events extracted from it
}

type docsPage struct {
	Total     int          `json:"total"`
	Offset    int          `json:"offset"`
	Limit     int          `json:"limit"`
	Documents []DocSummary `json:"documents"`
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var f store.DocFilter
	var err error
	if f.Outlet, err = text(q, "outlet"); err == nil {
		if f.From, f.To, err = dateRange(q); err == nil {
			f.Limit, f.Offset, err = page(q, DefaultLimit, MaxLimit)
		}
	}
	if err != nil {
		s.answer(w, r, err)
		return
	}
	ctx := r.Context()
	docs, err := s.st.Docs(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	total := f.Offset + len(docs)
	if len(docs) == f.Limit || (len(docs) == 0 && f.Offset > 0) {
		if total, err = s.st.CountDocs(ctx, f); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	ids := make([]string, len(docs))
	for i := range docs {
		ids[i] = docs[i].ID
	}
	counts, err := s.st.EventCounts(ctx, ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := docsPage{Total: total, Offset: f.Offset, Limit: f.Limit, Documents: make([]DocSummary, len(docs))}
	for i := range docs {
		out.Documents[i] = DocSummary{docRef(&docs[i]), counts[docs[i].ID]}
	}
	writeJSON(w, http.StatusOK, out)
}

type docDetail struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Outlet    string          `json:"outlet"`
	Author    string          `json:"author"`
	Published string          `json:"published"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Dateline  string          `json:"dateline"`
	DupeGroup string          `json:"dupe_group"`
	CleanText string          `json:"clean_text"`
	Mentions  []store.Mention `json:"mentions"`
	Events    []EventSummary  `json:"events"`
	Removed   json.RawMessage `json:"removed"`
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx := r.Context()
	d, err := s.st.Doc(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ms, err := s.st.Mentions(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := docDetail{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Author: d.Author, Published: d.Published, URL: d.URL,
		Source: d.Source, Dateline: d.Dateline, DupeGroup: d.DupeGroup, CleanText: d.CleanText,
		Mentions: ms, Events: []EventSummary{}, Removed: d.Removed}
	if out.Mentions == nil {
		out.Mentions = []store.Mention{}
	}
	if len(out.Removed) == 0 || !json.Valid(out.Removed) {
		out.Removed = json.RawMessage("[]")
	}
	err = s.st.EachEvent(ctx, store.EventFilter{Doc: id}, func(e *store.Event) error {
		out.Events = append(out.Events, summarize(e))
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var req search.Request
	var err error
	if req.Query, err = text(q, "q"); err == nil {
		if req.Outlet, err = text(q, "outlet"); err == nil {
			if req.From, req.To, err = dateRange(q); err == nil {
				req.Limit, req.Offset, err = page(q, 10, store.MaxLimit)
			}
		}
	}
	if err == nil && req.Query == "" {
		err = badParam("parameter q is required: the words to search for")
	}
	if err != nil {
		s.answer(w, r, err)
		return
	}
	res, err := search.Search(r.Context(), s.st, req)
	if err != nil {
		if errors.Is(err, search.ErrEmptyQuery) {
			writeError(w, http.StatusBadRequest, "parameter q: "+err.Error())
			return
		}
		s.fail(w, r, err)
		return
	}
	if res.Hits == nil {
		res.Hits = []search.Hit{}
	}
	writeJSON(w, http.StatusOK, res)
}

// maxIDLen is the longest document id POST accepts in ?id=.
const maxIDLen = 200

// postDocuments ingests the body: a JSON article object or array of them,
// or a text/plain or text/html report named by ?id= (with optional title,
// outlet, published and url parameters).
func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body too large: the limit is %d bytes (rasad serve --max-body)", mb.Limit))
			return
		}
		writeError(w, http.StatusBadRequest, "reading the request body: "+err.Error())
		return
	}
	file, err := uploadFile(r, body)
	if err != nil {
		s.answer(w, r, err)
		return
	}
	dir, err := os.MkdirTemp("", "rasad-post-")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, file.name)
	if err := os.WriteFile(path, file.data, 0o600); err != nil {
		s.fail(w, r, err)
		return
	}
	s.ingest.Lock()
	sum, err := ingest.Run(r.Context(), s.st, []string{path}, ingest.Options{
		Source:  source.Options{MaxRecordBytes: s.opt.MaxBody},
		Workers: 2,
		Logger:  s.log,
	})
	s.ingest.Unlock()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, ps := range [][]ingest.Problem{sum.Failed, sum.Skipped} {
		for i := range ps {
			ps[i].Origin = strings.Replace(ps[i].Origin, path, "body", 1)
		}
	}
	stored := sum.New + sum.Updated
	switch {
	case stored > 0:
		writeJSON(w, http.StatusCreated, sum)
	case len(sum.Failed) > 0 && sum.Unchanged+sum.Duplicates == 0:
		writeJSON(w, http.StatusBadRequest, struct {
			Error string `json:"error"`
			*ingest.Summary
		}{"nothing stored: " + sum.Failed[0].Origin + ": " + sum.Failed[0].Reason, sum})
	default:
		writeJSON(w, http.StatusOK, sum)
	}
}

type upload struct {
	name string
	data []byte
}

// uploadFile turns a POST body into the input file ingest reads: JSON as
// it is, plain text and HTML wrapped into an article object with the
// metadata of the query string. The file name is derived from the content,
// so an article object without "id" gets the same id every time.
func uploadFile(r *http.Request, body []byte) (upload, error) {
	ct := r.Header.Get("Content-Type")
	mt := ""
	if ct != "" {
		var err error
		if mt, _, err = mime.ParseMediaType(ct); err != nil {
			return upload{}, badParam("unreadable Content-Type %q", truncate(ct))
		}
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if mt == "" || mt == "application/x-www-form-urlencoded" {
		// curl -d sends this by default: decide by the content.
		switch {
		case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
			mt = "application/json"
		case len(trimmed) > 0 && trimmed[0] == '<':
			mt = "text/html"
		default:
			mt = "text/plain"
		}
	}
	sum := sha256.Sum256(body)
	name := "post-" + hex.EncodeToString(sum[:6])
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		if len(trimmed) == 0 {
			return upload{}, badParam("empty body: send an article object or an array of them")
		}
		if trimmed[0] != '{' && trimmed[0] != '[' {
			return upload{}, badParam("the JSON body must be an article object or an array of them")
		}
		if !json.Valid(body) {
			return upload{}, badParam("the body is not valid JSON")
		}
		return upload{name + ".json", body}, nil
	case mt == "text/plain" || mt == "text/html":
		q := r.URL.Query()
		id, err := text(q, "id")
		if err != nil {
			return upload{}, err
		}
		if id == "" {
			return upload{}, badParam("parameter id is required with a %s body: POST /api/documents?id=<document id>", mt)
		}
		if len(id) > maxIDLen || strings.IndexFunc(id, unicode.IsControl) >= 0 {
			return upload{}, badParam("parameter id must be at most %d bytes without control characters", maxIDLen)
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return upload{}, badParam("empty body: nothing to ingest")
		}
		obj := map[string]string{"id": id}
		for _, k := range []string{"title", "outlet", "published", "url", "author"} {
			v, err := text(q, k)
			if err != nil {
				return upload{}, err
			}
			if v != "" {
				obj[k] = v
			}
		}
		field := "text"
		if mt == "text/html" {
			field = "html"
		}
		if !utf8.Valid(body) {
			return upload{}, badParam("the %s body must be UTF-8 (send other encodings as files with rasad ingest)", mt)
		}
		obj[field] = string(body)
		data, err := json.Marshal(obj)
		if err != nil {
			return upload{}, err
		}
		return upload{name + ".json", data}, nil
	}
	return upload{}, &paramError{fmt.Sprintf("unsupported Content-Type %q: send application/json, text/plain or text/html", mt), http.StatusUnsupportedMediaType}
}
