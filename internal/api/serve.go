package api

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"rasad/internal/demo"
	"rasad/internal/ingest"
	"rasad/internal/store"
)

// ShutdownTimeout is how long ListenAndServe waits for requests in flight
// once ctx is cancelled.
const ShutdownTimeout = 10 * time.Second

// ListenAndServe serves h on addr until ctx is cancelled, then shuts down
// gracefully (requests in flight get ShutdownTimeout to finish). It returns
// nil after a shutdown caused by ctx.
func ListenAndServe(ctx context.Context, addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("api: listening on %s: %w", addr, err)
	}
	return Serve(ctx, ln, h)
}

// Serve is ListenAndServe on a listener (closed when it returns).
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute, // ingesting a large POST takes a while
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("api: serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("api: shutting down: %w", err)
	}
	return nil
}

// Demo ingests the embedded invented demo reports (package demo) into st.
func Demo(ctx context.Context, st *store.Store) error {
	dir, err := os.MkdirTemp("", "rasad-demo-reports-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	paths, err := demo.WriteTo(filepath.Join(dir, "reports"))
	if err != nil {
		return fmt.Errorf("api: writing the demo reports: %w", err)
	}
	sum, err := ingest.Run(ctx, st, paths, ingest.Options{})
	if err != nil {
		return fmt.Errorf("api: ingesting the demo reports: %w", err)
	}
	if !sum.OK() {
		return fmt.Errorf("api: ingesting the demo reports: %d of %d could not be read", len(sum.Failed), sum.Read)
	}
	return nil
}
