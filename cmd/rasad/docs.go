package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"rasad/internal/store"
)

type docsCmd struct {
	List  docsListCmd  `cmd:"" help:"List stored documents."`
	Show  docsShowCmd  `cmd:"" help:"Show one document: metadata, clean text and removed spans."`
	Dupes docsDupesCmd `cmd:"" help:"List groups of near-duplicate documents (republished reports)."`
}

type docsListCmd struct {
	Outlet string `help:"Only this outlet."`
	From   string `help:"Published on or after (YYYY, YYYY-MM, YYYY-MM-DD)."`
	To     string `help:"Published on or before."`
	Limit  int    `help:"At most this many (0 = all)." default:"50"`
	Offset int    `help:"Skip this many." default:"0"`
	JSON   bool   `help:"JSON lines, one per document."`
}

func (c *docsListCmd) Run(g *globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.Docs(context.Background(), store.DocFilter{Outlet: c.Outlet, From: c.From, To: c.To, Limit: c.Limit, Offset: c.Offset})
	if err != nil {
		return err
	}
	for _, d := range docs {
		if c.JSON {
			d.Removed = nil
			printJSONLine(os.Stdout, d)
			continue
		}
		fmt.Printf("%s\t%s\t%s\t%s\n", d.ID, orDash(d.Published), orDash(d.Outlet), orDash(d.Title))
	}
	return nil
}

type docsShowCmd struct {
	ID   string `arg:"" help:"Document id."`
	JSON bool   `help:"Print the stored record as JSON."`
}

func (c *docsShowCmd) Run(g *globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Doc(context.Background(), c.ID)
	if err != nil {
		return err
	}
	if c.JSON {
		printJSON(os.Stdout, d)
		return nil
	}
	fmt.Printf("id:        %s\nsource:    %s\noutlet:    %s\ntitle:     %s\nauthor:    %s\npublished: %s\ndateline:  %s\nencoding:  %s\nhash:      %s\n",
		d.ID, d.Source, orDash(d.Outlet), orDash(d.Title), orDash(d.Author), orDash(d.Published), orDash(d.Dateline), d.Encoding, d.RawHash)
	if d.DupeGroup != "" {
		fmt.Printf("near-duplicates: group %s\n", d.DupeGroup)
	}
	fmt.Printf("\n%s\n", d.CleanText)
	return nil
}

type docsDupesCmd struct {
	JSON bool `help:"Print the groups as JSON."`
}

func (c *docsDupesCmd) Run(g *globals) error {
	st, err := openStore(g)
	if err != nil {
		return err
	}
	defer st.Close()
	return printDupes(context.Background(), st, os.Stdout, c.JSON)
}

func printDupes(ctx context.Context, st *store.Store, w io.Writer, asJSON bool) error {
	groups, err := st.DupeGroups(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		printJSON(w, groups)
		return nil
	}
	if len(groups) == 0 {
		fmt.Fprintln(w, "no near-duplicate documents")
		return nil
	}
	for _, gr := range groups {
		fmt.Fprintf(w, "group %s (%d documents, similarity ≥ %.2f)\n", gr.ID, len(gr.Members), gr.MinSimilarity)
		for _, m := range gr.Members {
			fmt.Fprintf(w, "  %s\t%.2f\t%s\t%s\t%s\n", m.ID, m.Similarity, orDash(m.Published), orDash(m.Outlet), orDash(m.Title))
		}
	}
	return nil
}
