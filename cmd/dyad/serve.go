package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	nethttp "net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dyad-events/dyad"
	dhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/sqlite"
)

const serveHead = `Usage: dyad serve [flags]

Serves the event database: a JSON API and a web UI (everything from the
binary, nothing from another site). It prints the address once it listens
and stops on Ctrl-C.

  GET  /api/events     events with filters: source, target (country or actor
                       code), code, root, quad, from, to, q (full text), doc,
                       limit, offset
  GET  /api/dyads      counts and Goldstein sums per country pair; the same
                       filters and interval=day|week|month
  GET  /api/actors     events per actor code
  GET  /api/quotes     quotations
  GET  /api/docs/ID    one document and its record
  POST /api/docs       code and store a document {id,text,date,source,url,
                       title} or an array of them; needs the token
  GET  /healthz        liveness

POST /api/docs requires "Authorization: Bearer TOKEN" with the token of
--token or of the environment variable DYAD_TOKEN; without either the server
is read-only.
`

const serveTail = `
Examples:
  dyad serve
  dyad serve --db events.db --addr 127.0.0.1:9000
  DYAD_TOKEN=s3cret dyad serve &
  curl -H "Authorization: Bearer s3cret" --data @article.json http://127.0.0.1:8080/api/docs
`

// openStore opens the event database; tests replace it.
var openStore = func(path string) (dyad.Store, error) {
	st, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// warmer is a store that can load its indexes ahead of the first query.
type warmer interface {
	Warm(ctx context.Context) (int, error)
}

// serveConfig is what "dyad serve" was asked to do.
type serveConfig struct {
	db, addr, token string
}

// runServe implements "dyad serve".
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve")
	var cfg serveConfig
	fs.StringVar(&cfg.db, "db", "dyad.db", "the database `FILE` (SQLite)")
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free one)")
	fs.StringVar(&cfg.token, "token", "", "the bearer `TOKEN` POST /api/docs requires (default $DYAD_TOKEN)")
	pos, code, done := parseFlags(fs, args, serveHead, serveTail, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return usageError(stderr, "serve", "unexpected argument %q", pos[0])
	}
	if cfg.token == "" {
		cfg.token = os.Getenv("DYAD_TOKEN")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveWith(ctx, cfg, stdout, stderr)
}

// serveWith runs the server; tests replace it to see the configuration.
var serveWith = serve

// serve runs the server until ctx ends, then shuts it down gracefully.
func serve(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer) int {
	store, err := openStore(cfg.db)
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: opening %s: %v\n", cfg.db, err)
		return 1
	}
	defer store.Close()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	logger := log.New(stderr, "", log.LstdFlags)
	srv := &nethttp.Server{
		Handler:           dhttp.NewServer(store, p, dhttp.Options{Token: cfg.token, Log: logger}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      10 * time.Minute, // a large POST batch is coded before the answer
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          logger,
	}
	posting := "read-only: no token, POST /api/docs is refused"
	if cfg.token != "" {
		posting = "POST /api/docs takes the token"
	}
	fmt.Fprintf(stdout, "dyad serve: http://%s/ (database %s; %s)\n", ln.Addr(), cfg.db, posting)
	if w, ok := store.(warmer); ok {
		// index the stored events now rather than on the first request
		go func() {
			start := time.Now()
			logger.Printf("indexing the stored events…")
			n, err := w.Warm(ctx)
			if err != nil {
				logger.Printf("indexing: %v (queries will retry)", err)
				return
			}
			logger.Printf("indexed %d events in %s", n, time.Since(start).Round(10*time.Millisecond))
		}()
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	return 0
}
