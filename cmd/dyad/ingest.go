package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/sqlite"
)

const ingestHead = `Usage: dyad ingest [--db FILE] [--follow] [--every DUR] [--workers N] SOURCE...

Codes documents and stores them, their events and quotations in the event
database (SQLite, ./dyad.db by default), which "dyad serve" and "dyad export"
read. SOURCEs are read as by "dyad code": files, directories, JSONL, - for
standard input, and what "dyad code --help" lists besides.

Documents are coded in parallel and stored in batches (--batch documents per
transaction), in input order. A document is identified by its URL, else by
the SHA-256 of its text: one already stored is skipped, so ingesting the same
input again adds nothing, and an ingest killed at any moment and run again
ends with the store a clean run makes. Near-duplicate stories are linked to
the first stored one, and an event reported by several documents (same date,
source, target and code) counts its mentions and sources (NumMentions,
NumSources) instead of being counted again in dyad and actor counts.

With --follow, each SOURCE is an RSS or Atom feed (URL or file) polled every
--every; new entries are fetched, coded and stored until interrupted.
`

const ingestTail = dictHelp + `
Errors:
  A document that cannot be read or coded is reported on standard error as
  "dyad: INPUT: reason" and skipped; the rest is still stored. At the end a
  summary goes to standard error:
    ingested 970 new documents (30 already stored), 7412 events; 2 failed

Exit status: 0 all documents stored, 1 some failed (or the store failed),
2 usage error.

Examples:
  dyad ingest corpus/
  dyad ingest --db events.db --workers 4 wires.jsonl.gz
  dyad ingest --follow --every 10m https://example.org/world/rss.xml
`

// ingestBatch is the default number of documents per transaction.
const ingestBatch = 200

// runIngest implements "dyad ingest".
func runIngest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("ingest")
	dbPath := fs.String("db", "dyad.db", "the database `FILE`")
	follow := fs.Bool("follow", false, "poll the SOURCEs as feeds until interrupted")
	every := fs.Duration("every", 0, "with --follow, poll every `DUR` (default: the feed reader's)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "`N` documents coded at once")
	batch := fs.Int("batch", ingestBatch, "`N` documents stored per transaction")
	date := fs.String("date", "", "`date` (YYYY-MM-DD) for documents that carry none")
	maxBytes := byteSize(ingest.DefaultMaxBytes)
	fs.Var(&maxBytes, "max-bytes", "largest document accepted, in bytes or with a unit: `SIZE` such as 500K, 20MB")
	var dicts dictList
	fs.Var(&dicts, "dict", dictUsage)
	quiet := fs.Bool("q", false, "quiet: no progress bar, no dictionary import summary")
	inputs, code, done := parseFlags(fs, args, ingestHead, ingestTail, stdout, stderr)
	if done {
		return code
	}
	if len(inputs) == 0 {
		if *follow || stdin == nil || isTerminal(stdin) {
			return usageError(stderr, "ingest", "no input: give files, directories, feeds, or - for standard input")
		}
		inputs = []string{"-"}
	}
	if *workers < 1 {
		return usageError(stderr, "ingest", "--workers must be at least 1, not %d", *workers)
	}
	if *batch < 1 {
		return usageError(stderr, "ingest", "--batch must be at least 1, not %d", *batch)
	}
	if *every < 0 {
		return usageError(stderr, "ingest", "--every must not be negative")
	}
	defDate, err := ingest.ParseDate(*date)
	if err != nil {
		return usageError(stderr, "ingest", "--date: %v", err)
	}

	lex, _, err := loadDicts(dicts, stderr, *quiet)
	if err != nil {
		if code := dictExit(err); code == 2 {
			return usageError(stderr, "ingest", "%v", err)
		}
		fmt.Fprintf(stderr, "dyad: loading the dictionaries: %v\n", err)
		return 1
	}
	p, err := pipeline.New(pipeline.Options{DefaultDate: defDate, Lexicon: lex, Coding: coder.Options{RequireDyad: importedDicts(dicts)}, DictionaryActorsOnly: importedDicts(dicts)})
	if err != nil {
		fmt.Fprintf(stderr, "dyad: loading the pipeline: %v\n", err)
		return 1
	}
	store, err := sqlite.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad: %v\n", err)
		return 1
	}
	defer store.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	opts := ingest.Options{MaxBytes: int64(maxBytes), DefaultDate: defDate, Stdin: stdin}
	items := make(chan ingest.Item, *workers)
	if *follow {
		go ingest.Follow(ctx, inputs, *every, opts, items)
	} else {
		go ingest.Read(ctx, inputs, opts, items)
	}
	results := codeItems(p, items, *workers)

	var bar *progressbar.ProgressBar
	if !*quiet && isTerminal(stderr) {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	var added, known, events, failed int
	var storeErr error
	pending := make([]dyad.StoredDoc, 0, *batch)
	flush := func() {
		if len(pending) == 0 || storeErr != nil {
			pending = pending[:0]
			return
		}
		// The batch is stored even when the run is interrupted: it is
		// coded already, and a Put is atomic.
		isNew, err := store.PutNew(context.WithoutCancel(ctx), pending)
		if err != nil {
			storeErr = err
			cancel()
		} else {
			for i, d := range pending {
				if isNew[i] {
					added++
					events += len(d.Record.Events)
				} else {
					known++
				}
			}
		}
		pending = pending[:0]
	}
	report := func(r codeResult) {
		failed++
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintf(stderr, "dyad: %s: %s\n", r.item.Input, reason(r.err))
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	lastAdd := time.Now()
loop:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			if bar != nil {
				bar.Add(1)
			}
			if storeErr != nil {
				continue // drain so the workers finish
			}
			if r.err != nil {
				report(r)
				continue
			}
			pending = append(pending, dyad.StoredDoc{Doc: r.item.Doc, Record: r.rec})
			lastAdd = time.Now()
			if len(pending) >= *batch {
				flush()
			}
		case <-tick.C:
			// A slow source (a feed) should not keep coded documents
			// waiting for a full batch.
			if len(pending) > 0 && time.Since(lastAdd) > 2*time.Second {
				flush()
			}
		}
	}
	flush()
	if bar != nil {
		bar.Finish()
	}
	if storeErr != nil {
		fmt.Fprintf(stderr, "dyad: %s: %v\n", *dbPath, storeErr)
		return 1
	}
	interrupted := ctx.Err() != nil
	summary := fmt.Sprintf("ingested %s (%d already stored), %s", plural(added, "new document"), known, plural(events, "event"))
	if failed > 0 {
		summary += fmt.Sprintf("; %d failed", failed)
	}
	if interrupted {
		summary += "; interrupted"
	}
	fmt.Fprintln(stderr, summary)
	if failed > 0 || (interrupted && !*follow) {
		return 1
	}
	return 0
}
