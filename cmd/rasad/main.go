// Command rasad turns Arabic conflict reporting into evidence-backed event
// data. This file only wires the command line; every stage lives in a package
// under internal/.
package main

import (
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/alecthomas/kong"
)

var version = "dev"

type cli struct {
	globals

	Serve     serveCmd         `cmd:"" help:"Serve the JSON API and the web app on 127.0.0.1:8080 (--demo for the invented example reports)."`
	Ingest    ingestCmd        `cmd:"" help:"Read reports (files, directories, .zip, - for stdin) into the store."`
	Clean     cleanCmd         `cmd:"" help:"Print the clean text of one report (what every later stage reads)."`
	Extract   extractCmd       `cmd:"" help:"Extract events from reports and write the JSON Lines export (document records, then events) to stdout."`
	Places    placesCmd        `cmd:"" help:"Show every place, actor and cited-source mention of a report with offsets, gazetteer entry, coordinates and precision."`
	Export    exportCmd        `cmd:"" help:"Write stored events as JSON Lines (the spec), ACLED-style CSV or GeoJSON."`
	Eval      evalCmd          `cmd:"" help:"Score extraction against a gold file (the metrics of ../shared/eval/score.py); --errors shows why."`
	Search    searchCmd        `cmd:"" help:"Full-text search over stored reports, Arabic-aware."`
	Docs      docsCmd          `cmd:"" help:"List, show and group stored documents."`
	Analyze   analyzeCmd       `cmd:"" help:"Show tokens, sentences and numbers of a text (analysis stage)."`
	Demo      demoCmd          `cmd:"" help:"Ingest the embedded invented example reports into a throwaway store and search them."`
	Gazetteer gazetteerCmd     `cmd:"" help:"Build or query the embedded gazetteer."`
	Version   kong.VersionFlag `help:"Print the version and exit."`
}

type globals struct {
	DB        string `help:"Database file (default: $XDG_DATA_HOME/rasad/rasad.db)." env:"RASAD_DB" type:"path"`
	LogLevel  string `help:"Log level: debug, info, warn, error." enum:"debug,info,warn,error" default:"warn" env:"RASAD_LOG_LEVEL"`
	LogFormat string `help:"Log format: text or json." enum:"text,json" default:"text"`
}

func (g *globals) logger() *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(g.LogLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	if g.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// exitError carries a status code out of a command without printing twice.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	var c cli
	ctx := kong.Parse(&c,
		kong.Name("rasad"),
		kong.Description("rasad (رصد) reads Arabic conflict reports and turns them into evidence-backed event data."),
		kong.UsageOnError(),
		kong.Vars{"version": version},
	)
	slog.SetDefault(c.logger())
	err := ctx.Run(&c.globals)
	var e exitError
	if errors.As(err, &e) {
		os.Exit(e.code)
	}
	ctx.FatalIfErrorf(err)
}
