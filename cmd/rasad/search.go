package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"rasad/internal/search"
	"rasad/internal/store"
)

type searchCmd struct {
	Query  []string `arg:"" help:"Words to find; \"quoted words\" must stand together. Clitic and inflected forms match (مدني finds المدنيين)."`
	Outlet string   `help:"Only reports from this outlet."`
	From   string   `help:"Only reports published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."`
	To     string   `help:"Only reports published on or before this date."`
	Limit  int      `help:"Hits per page." default:"10"`
	Offset int      `help:"Hits to skip (for the next page)." default:"0"`
	JSON   bool     `help:"Print the result as JSON (snippets with highlight offsets)."`
}

func (c *searchCmd) Run(g *globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	return runSearch(context.Background(), st, os.Stdout, *c)
}

func runSearch(ctx context.Context, st *store.Store, w io.Writer, c searchCmd) error {
	res, err := search.Search(ctx, st, search.Request{
		Query:  strings.Join(c.Query, " "),
		Outlet: c.Outlet,
		From:   c.From,
		To:     c.To,
		Limit:  c.Limit,
		Offset: c.Offset,
	})
	if err != nil {
		return err
	}
	if c.JSON {
		printJSON(w, res)
		return nil
	}
	open, close := "[", "]"
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		open, close = "\x1b[1;33m", "\x1b[0m"
	}
	if res.Total == 0 {
		fmt.Fprintln(w, "no matches")
		return nil
	}
	fmt.Fprintf(w, "%d matching reports, %d-%d:\n", res.Total, res.Offset+1, res.Offset+len(res.Hits))
	for i, h := range res.Hits {
		meta := []string{}
		for _, s := range []string{h.Outlet, h.Published} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		fmt.Fprintf(w, "%d. %s (%s) %s  score %.2f\n", res.Offset+i+1, orDash(h.Title), h.ID, strings.Join(meta, ", "), h.Score)
		fmt.Fprintf(w, "   %s\n", search.Highlight(h.Snippet, h.Highlights, open, close))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
