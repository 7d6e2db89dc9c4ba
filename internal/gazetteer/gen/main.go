// Command gen regenerates the gazetteer's embedded data file from the shared
// sources and the reviewed supplement. It is run by
//
//	go generate ./internal/gazetteer
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"rasad/internal/gazetteer"
)

func main() {
	from := flag.String("from", "../../../shared/data/gazetteer", "directory of the shared gazetteer sources (opensyria/, wof-sy/)")
	sup := flag.String("supplement", "../../data/gazetteer/supplement.tsv", "reviewed supplement TSV")
	out := flag.String("out", "gazetteer.tsv.gz", "data file to write")
	flag.Parse()
	if err := run(*from, *sup, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer gen:", err)
		os.Exit(1)
	}
}

func run(from, sup, out string) error {
	supData, err := os.ReadFile(sup)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	stats, err := gazetteer.Build(from, supData, &buf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes): %s", out, buf.Len(), stats)
	return nil
}
