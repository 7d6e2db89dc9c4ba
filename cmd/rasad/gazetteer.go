package main

import (
	"bytes"
	"fmt"
	"os"

	"rasad/internal/gazetteer"
)

type gazetteerCmd struct {
	Build  gazetteerBuildCmd  `cmd:"" help:"Regenerate the gazetteer data file from the shared sources and the reviewed supplement (same as go generate ./internal/gazetteer)."`
	Lookup gazetteerLookupCmd `cmd:"" help:"Look a place name up in the embedded gazetteer."`
}

type gazetteerBuildCmd struct {
	From       string `help:"Directory of the gazetteer sources (opensyria/, wof-sy/)." default:"../shared/data/gazetteer" type:"existingdir"`
	Supplement string `help:"Reviewed supplement TSV." default:"data/gazetteer/supplement.tsv" type:"existingfile"`
	Out        string `help:"Data file to write (embedded at build time)." default:"internal/gazetteer/gazetteer.tsv.gz" type:"path"`
}

func (c *gazetteerBuildCmd) Run(g *globals) error {
	sup, err := os.ReadFile(c.Supplement)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	stats, err := gazetteer.Build(c.From, sup, &buf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.Out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s (%d bytes): %s", c.Out, buf.Len(), stats)
	return nil
}

type gazetteerLookupCmd struct {
	Name string `arg:"" help:"Arabic place name."`
}

func (c *gazetteerLookupCmd) Run(g *globals) error {
	ps := gazetteer.Default().Lookup(c.Name)
	if len(ps) == 0 {
		fmt.Println("not in the gazetteer")
		return exitError{1}
	}
	for _, p := range ps {
		fmt.Printf("%s\t%s\t%s\t%s\t%s / %s / %s\t%.4f,%.4f\tprecision %d\trank %d\n",
			p.ID, p.Name, p.NameEN, p.Kind, orDash(p.Governorate), orDash(p.District), orDash(p.Subdistrict), p.Lat, p.Lon, p.Precision, p.Rank)
	}
	return nil
}
