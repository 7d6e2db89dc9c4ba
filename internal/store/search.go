package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrBadQuery is returned (wrapped) when SQLite rejects a MATCH expression.
// Package search builds expressions that never trigger it.
var ErrBadQuery = errors.New("invalid full-text query")

// MaxLimit is the largest page Search returns.
const MaxLimit = 1000

// Query is a full-text search.
type Query struct {
	Match    string // FTS5 MATCH expression over search keys (built by package search)
	Outlet   string // exact outlet, "" any
	From, To string // inclusive bounds on published: YYYY, YYYY-MM or YYYY-MM-DD
	Limit    int    // page size; 0 means 10, at most MaxLimit
	Offset   int
}

// Hit is one document found by Search.
type Hit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title,omitempty"`
	Outlet    string  `json:"outlet,omitempty"`
	Published string  `json:"published,omitempty"`
	Score     float64 `json:"score"`                // BM25 relevance: higher is better
	CleanText string  `json:"clean_text,omitempty"` // the document's clean text (for snippets)
}

// Search returns one page of the documents matching q, best first (BM25,
// see fts.go), and the number of all matching documents. The whole search,
// filters included, runs on the full-text index; only the page's documents
// are read from the documents table.
func (s *Store) Search(ctx context.Context, q Query) ([]Hit, int, error) {
	if strings.TrimSpace(q.Match) == "" {
		return nil, 0, fmt.Errorf("store: %w: empty expression", ErrBadQuery)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return nil, 0, fmt.Errorf("store: negative limit (%d) or offset (%d)", q.Limit, q.Offset)
	}
	limit := q.Limit
	if limit == 0 {
		limit = 10
	}
	limit = min(limit, MaxLimit)

	match, err := s.filterMatch(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	if match == "" {
		return nil, 0, nil // a date range outside the stored documents
	}

	// Page of (n, score) first, then the page's documents: BM25 is computed
	// for every match, clean_text is read for the page only.
	rows, err := s.db.QueryContext(ctx,
		"SELECT rowid, "+rankExpr+" AS r FROM documents_fts WHERE documents_fts MATCH ? ORDER BY r LIMIT ? OFFSET ?",
		match, limit, q.Offset)
	if err != nil {
		return nil, 0, searchErr(err)
	}
	var ns []int64
	var scores []float64
	for rows.Next() {
		var n int64
		var r float64
		if err := rows.Scan(&n, &r); err != nil {
			rows.Close()
			return nil, 0, searchErr(err)
		}
		ns = append(ns, n)
		scores = append(scores, -r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, searchErr(err)
	}
	// A page that is not full tells the total; otherwise count (without
	// ranking, a cheaper pass).
	total := q.Offset + len(ns)
	if len(ns) == limit || (len(ns) == 0 && q.Offset > 0) {
		err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", match).Scan(&total)
		if err != nil {
			return nil, 0, searchErr(err)
		}
	}
	if len(ns) == 0 {
		return nil, total, nil
	}

	ph := strings.Repeat(",?", len(ns))[1:]
	dargs := make([]any, len(ns))
	for i, n := range ns {
		dargs[i] = n
	}
	drows, err := s.db.QueryContext(ctx, "SELECT n, id, title, outlet, published, clean_text FROM documents WHERE n IN ("+ph+")", dargs...)
	if err != nil {
		return nil, 0, searchErr(err)
	}
	defer drows.Close()
	byN := make(map[int64]Hit, len(ns))
	for drows.Next() {
		var n int64
		var h Hit
		if err := drows.Scan(&n, &h.ID, &h.Title, &h.Outlet, &h.Published, &h.CleanText); err != nil {
			return nil, 0, searchErr(err)
		}
		byN[n] = h
	}
	if err := drows.Err(); err != nil {
		return nil, 0, searchErr(err)
	}
	hits := make([]Hit, 0, len(ns))
	for i, n := range ns {
		h, ok := byN[n]
		if !ok {
			continue // index row without document: cannot happen inside one transaction
		}
		h.Score = scores[i]
		hits = append(hits, h)
	}
	return hits, total, nil
}

func searchErr(err error) error {
	if msg := err.Error(); strings.Contains(msg, "fts5") || strings.Contains(msg, "syntax error") ||
		strings.Contains(msg, "unterminated string") || strings.Contains(msg, "no such column") {
		return fmt.Errorf("store: %w: %v", ErrBadQuery, err)
	}
	return fmt.Errorf("store: searching: %w", err)
}

// filterMatch restricts q.Match to the text columns and adds the outlet
// and date filters as meta terms. It returns "" when the date range holds
// no stored document.
func (s *Store) filterMatch(ctx context.Context, q Query) (string, error) {
	if err := checkDate("from", q.From); err != nil {
		return "", err
	}
	if err := checkDate("to", q.To); err != nil {
		return "", err
	}
	if !balanced(q.Match) {
		return "", fmt.Errorf("store: %w: unbalanced parentheses or quotes in %q", ErrBadQuery, q.Match)
	}
	match := "{lead body} : (" + q.Match + ")"
	if q.Outlet != "" {
		match += ` AND meta : "` + outletToken(q.Outlet) + `"`
	}
	if q.From == "" && q.To == "" {
		return match, nil
	}
	a, b := time.Time{}, time.Time{}
	var err error
	if q.From != "" {
		if a, err = parseBound("from", q.From, false); err != nil {
			return "", err
		}
	}
	if q.To != "" {
		if b, err = parseBound("to", q.To, true); err != nil {
			return "", err
		}
	}
	if q.From != "" && q.To != "" && b.Before(a) {
		return "", fmt.Errorf("store: date range is empty: from %s is after to %s", q.From, q.To)
	}
	// The range is clamped to the stored documents' first and last days,
	// which also closes open ends: the date terms stay few.
	var lo, hi sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT min(published), max(published) FROM documents WHERE published >= '0'`).Scan(&lo, &hi)
	if err != nil {
		return "", fmt.Errorf("store: date range of the documents: %w", err)
	}
	first, ok1 := storedDay(lo.String, false)
	last, ok2 := storedDay(hi.String, true)
	if !ok1 || !ok2 {
		return "", nil
	}
	if q.From == "" || a.Before(first) {
		a = first
	}
	if q.To == "" || b.After(last) {
		b = last
	}
	if b.Before(a) {
		return "", nil
	}
	toks := dateTokens(a, b)
	for i, t := range toks {
		toks[i] = `"` + t + `"`
	}
	return match + " AND meta : (" + strings.Join(toks, " OR ") + ")", nil
}

// balanced reports whether the parentheses of an FTS5 expression outside
// its strings are balanced and its strings closed, so that wrapping it in
// a column filter keeps it whole.
func balanced(m string) bool {
	depth, inStr := 0, false
	for i := 0; i < len(m); i++ {
		switch c := m[i]; {
		case c == '"':
			inStr = !inStr // a doubled "" inside a string toggles twice
		case inStr:
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0 && !inStr
}

// storedDay reads the day a stored publication date starts (or, with end,
// ends) on: its YYYY-MM-DD, YYYY-MM or YYYY prefix.
func storedDay(p string, end bool) (time.Time, bool) {
	for _, n := range []int{10, 7, 4} {
		if len(p) >= n && checkDate("", p[:n]) == nil {
			t, err := parseBound("", p[:n], end)
			return t, err == nil
		}
	}
	return time.Time{}, false
}
