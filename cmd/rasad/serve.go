package main

import (
	"fmt"
	"os"
	"path/filepath"

	"rasad/internal/api"
	"rasad/internal/web"
)

type serveCmd struct {
	Addr    string `help:"Address to listen on (host:port). The default answers only this machine." default:"127.0.0.1:8080" env:"RASAD_ADDR"`
	Token   string `help:"Bearer token that POST /api/documents requires; without one the server refuses all writes." env:"RASAD_TOKEN"`
	Demo    bool   `help:"First ingest the embedded invented example reports (into a temporary store unless --db is given)."`
	MaxBody int64  `name:"max-body" help:"Largest request body accepted, in bytes." default:"8388608"`
}

func (c *serveCmd) Run(g *globals) error {
	ctx, stop := signalContext()
	defer stop()
	g2 := *g
	if c.Demo && g2.DB == "" {
		dir, err := os.MkdirTemp("", "rasad-serve-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		g2.DB = filepath.Join(dir, "demo.db")
	}
	st, err := openStore(&g2)
	if err != nil {
		return err
	}
	defer st.Close()
	log := g.logger()
	if c.Demo {
		fmt.Fprintf(os.Stderr, "Ingesting the invented demo reports (see internal/demo/reports/README.md) into %s\n", st.Path())
		if err := api.Demo(ctx, st); err != nil {
			return err
		}
	}
	srv := api.New(st, api.Options{Token: c.Token, MaxBody: c.MaxBody, Logger: log, Static: web.Handler()})
	writes := "writes disabled (no --token)"
	if c.Token != "" {
		writes = "writes need the token"
	}
	fmt.Fprintf(os.Stderr, "rasad serving %s on http://%s/ (API: http://%s/api/openapi.json; %s). Ctrl-C stops.\n", st.Path(), c.Addr, c.Addr, writes)
	return api.ListenAndServe(ctx, c.Addr, srv.Handler())
}
