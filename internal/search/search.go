package search

import (
	"context"
	"fmt"

	"rasad/internal/store"
)

// Request is a search as a user asks it.
type Request struct {
	Query        string // user query (see the package documentation)
	Outlet       string // exact outlet, "" any
	From, To     string // inclusive bounds on the publication date: YYYY, YYYY-MM or YYYY-MM-DD
	Limit        int    // page size; 0 means 10
	Offset       int    // hits to skip
	SnippetWidth int    // snippet width in characters; 0 means DefaultWidth
}

// Hit is one document found, with its best passage.
type Hit struct {
	ID         string  `json:"id"`
	Title      string  `json:"title,omitempty"`
	Outlet     string  `json:"outlet,omitempty"`
	Published  string  `json:"published,omitempty"`
	Score      float64 `json:"score"`                // BM25 relevance, higher is better
	Snippet    string  `json:"snippet"`              // passage of the clean text
	Highlights []Span  `json:"highlights,omitempty"` // byte spans of matching words in Snippet
}

// Result is one page of a search.
type Result struct {
	Query  string `json:"query"`
	Match  string `json:"match"` // the full-text expression searched
	Terms  Terms  `json:"terms"`
	Total  int    `json:"total"` // matching documents, all pages
	Offset int    `json:"offset"`
	Hits   []Hit  `json:"hits"`
}

// Search runs req against st: it parses the query, finds one page of
// matching documents, best first, and cuts a snippet for each.
func Search(ctx context.Context, st *store.Store, req Request) (Result, error) {
	match, terms, err := Parse(req.Query)
	if err != nil {
		return Result{}, err
	}
	hits, total, err := st.Search(ctx, store.Query{
		Match: match, Outlet: req.Outlet, From: req.From, To: req.To,
		Limit: req.Limit, Offset: req.Offset,
	})
	if err != nil {
		return Result{}, fmt.Errorf("search %q: %w", req.Query, err)
	}
	res := Result{Query: req.Query, Match: match, Terms: terms, Total: total, Offset: req.Offset, Hits: make([]Hit, 0, len(hits))}
	for _, h := range hits {
		snip, spans := Snippet(h.CleanText, terms, req.SnippetWidth)
		res.Hits = append(res.Hits, Hit{
			ID: h.ID, Title: h.Title, Outlet: h.Outlet, Published: h.Published, Score: h.Score,
			Snippet: snip, Highlights: spans,
		})
	}
	return res, nil
}
