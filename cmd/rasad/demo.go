package main

import (
	"fmt"
	"os"
	"path/filepath"

	"rasad/internal/demo"
)

type demoCmd struct {
	Keep bool `help:"Keep the demo store (its path is printed) instead of deleting it."`
}

func (c *demoCmd) Run(g *globals) error {
	dir, err := os.MkdirTemp("", "rasad-demo-")
	if err != nil {
		return err
	}
	if !c.Keep {
		defer os.RemoveAll(dir)
	}
	paths, err := demo.WriteTo(filepath.Join(dir, "reports"))
	if err != nil {
		return err
	}
	g2 := *g
	if g2.DB == "" {
		g2.DB = filepath.Join(dir, "demo.db")
	}
	st, err := openStore(&g2)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, stop := signalContext()
	defer stop()
	fmt.Printf("Ingesting %d invented example reports (see internal/demo/reports/README.md) into %s\n\n", len(paths), g2.DB)
	sum, err := runIngest(ctx, st, paths, 64, 0)
	if err != nil {
		return err
	}
	printSummary(os.Stdout, os.Stderr, sum)
	for _, q := range []string{"قصف", "دير الزور", "مدني"} {
		fmt.Printf("\n$ rasad search %s\n", q)
		if err := runSearch(ctx, st, os.Stdout, searchCmd{Query: []string{q}, Limit: 3}); err != nil {
			return err
		}
	}
	fmt.Println("\n$ rasad docs dupes")
	if err := printDupes(ctx, st, os.Stdout, false); err != nil {
		return err
	}
	if c.Keep {
		fmt.Printf("\nThe demo store is kept at %s (use --db %s with any command).\n", g2.DB, g2.DB)
	}
	return nil
}
