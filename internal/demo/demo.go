// Package demo carries the invented example reports that ship in the binary
// so a newcomer can see rasad work with one command (see reports/README.md:
// every text there is made up).
package demo

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed reports
var reports embed.FS

// Reports returns the embedded example reports.
func Reports() fs.FS {
	sub, err := fs.Sub(reports, "reports")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// WriteTo copies the example reports into dir (created if needed) and
// returns the paths written, so they can be ingested like any user input.
func WriteTo(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	err := fs.WalkDir(Reports(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) == ".md" {
			return err
		}
		data, err := fs.ReadFile(Reports(), p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
		paths = append(paths, out)
		return nil
	})
	return paths, err
}
