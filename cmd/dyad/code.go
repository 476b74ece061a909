package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/export"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/pipeline"
)

const codeHead = `Usage: dyad code [flags] PATH... | -

Codes news documents into CAMEO events and writes one record per document,
in input order. Documents are coded in parallel.

Inputs:
  FILE.txt .text .md    one plain-text article per file
  FILE.jsonl .ndjson    one JSON article per line: {"id", "text", "date",
                        "source", "url", "title"}; only "text" is required
  FILE.json             one article object, or an array of them
  FILE.html .htm        a web page: the article text (by readability), title,
                        date, canonical URL and site name
  FILE.rss .atom .xml   an RSS/Atom feed: one article per entry, read from the
                        page its link points to (else the entry's own text)
  FILE.warc             a WARC archive (also .warc.gz, e.g. Common Crawl News):
                        one article per HTML response with status 200
  URL                   an http(s) page or feed, fetched (20 s timeout)
  DIR                   every such file (but .xml) below DIR, recursively, in
                        name order; hidden files and directories are skipped
  -                     standard input, sniffed like a file of unknown name
                        (also used when no PATH is given and standard input
                        is not a terminal)
  Any file may be gzipped (name.gz). A file named explicitly is read whatever
  its extension, by its content: JSONL if it starts with '{', HTML, a feed or
  a WARC archive by their first bytes, else plain text. --max-bytes bounds
  every file, response and WARC payload.
  Document ids are the JSON "id", else the page's URL, else the path,
  "path:LINE" for JSONL lines.
  Dates may be YYYY-MM-DD, YYYYMMDD or RFC 3339.
`

const codeTail = dictHelp + `
Formats:
  jsonl   one JSON object per document: the output contract (the default,
          whether or not the output is a terminal)
  pretty  for reading: a header per document, then each sentence that has
          events with one line per event:
            IRNMIL → SYRMIL  043  Host a visit  "met"  [rule]
  tsv     a header line, then one event per line with the columns
          date source target code root quad_class goldstein sentence verb doc_id
  quotes  for reading: a header per document, then each quotation with its
          speaker (actor code, entity id), cue and text (see dyad quotes)

Errors:
  A document that cannot be read or coded is reported on standard error as
  "dyad: INPUT: reason" and skipped; the others are still coded. At the end a
  summary ("coded 31 documents, 412 sentences, 97 events; 2 failed") goes to
  standard error when it is a terminal or when some document failed.

Exit status: 0 all documents coded, 1 some failed, 2 usage error.

Examples:
  dyad code --format pretty article.txt
  dyad code --date 2023-07-24 -o events.jsonl wires/
  dyad code --workers 4 --format tsv articles.jsonl.gz > events.tsv
  dyad code --dict petrarch:dicts/petrarch2 --format pretty article.txt
  dyad code --dict own --dict tabari:dicts/tabari/Validate.project wires/
  curl -s https://example.org/story.txt | dyad code --format pretty -
`

// byteSize is a flag value of a size in bytes ("5MB").
type byteSize int64

func (b *byteSize) String() string { return ingest.FormatSize(int64(*b)) }

func (b *byteSize) Set(s string) error {
	n, err := ingest.ParseSize(s)
	if err != nil {
		return err
	}
	if n <= 0 {
		return fmt.Errorf("must be more than 0")
	}
	*b = byteSize(n)
	return nil
}

// codeResult is the outcome of one input item.
type codeResult struct {
	item ingest.Item
	rec  dyad.Record
	err  error
}

// runCode implements "dyad code".
func runCode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCoding(codeCommand{name: "code", head: codeHead, tail: codeTail, format: "jsonl"}, args, stdin, stdout, stderr)
}

// codeCommand is a command that codes documents and writes them: "code"
// and "quotes" differ only in their help and default format.
type codeCommand struct {
	name, head, tail, format string
}

// runCoding implements the commands that code documents.
func runCoding(cmd codeCommand, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet(cmd.name)
	format := fs.String("format", cmd.format, "output `format`: "+strings.Join(export.Formats, ", "))
	date := fs.String("date", "", "`date` (YYYY-MM-DD) for documents that carry none")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "`N` documents coded at once")
	maxBytes := byteSize(ingest.DefaultMaxBytes)
	fs.Var(&maxBytes, "max-bytes", "largest document accepted, in bytes or with a unit: `SIZE` such as 500K, 20MB")
	var outPath string
	fs.StringVar(&outPath, "o", "", "write to `FILE` instead of standard output")
	fs.StringVar(&outPath, "output", "", "same as -o `FILE`")
	var dicts dictList
	fs.Var(&dicts, "dict", dictUsage)
	quiet := fs.Bool("q", false, "quiet: no dictionary import summary on standard error")
	inputs, code, done := parseFlags(fs, args, cmd.head, cmd.tail, stdout, stderr)
	if done {
		return code
	}

	if len(inputs) == 0 {
		if stdin == nil || isTerminal(stdin) {
			return usageError(stderr, cmd.name, "no input: give files, directories, or - for standard input")
		}
		inputs = []string{"-"}
	}
	if *workers < 1 {
		return usageError(stderr, cmd.name, "--workers must be at least 1, not %d", *workers)
	}
	defDate, err := ingest.ParseDate(*date)
	if err != nil {
		return usageError(stderr, cmd.name, "--date: %v", err)
	}
	if _, err := export.New(*format, io.Discard); err != nil {
		return usageError(stderr, cmd.name, "--format: %v", err)
	}

	lex, _, err := loadDicts(dicts, stderr, *quiet)
	if err != nil {
		if code := dictExit(err); code == 2 {
			return usageError(stderr, cmd.name, "%v", err)
		}
		fmt.Fprintf(stderr, "dyad: loading the dictionaries: %v\n", err)
		return 1
	}
	p, err := pipeline.New(pipeline.Options{DefaultDate: defDate, Lexicon: lex, Coding: coder.Options{RequireDyad: importedDicts(dicts)}, DictionaryActorsOnly: importedDicts(dicts)})
	if err != nil {
		fmt.Fprintf(stderr, "dyad: loading the pipeline: %v\n", err)
		return 1
	}

	out := stdout
	var outFile *os.File
	if outPath != "" && outPath != "-" {
		outFile, err = os.Create(outPath)
		if err != nil {
			fmt.Fprintf(stderr, "dyad: %v\n", err)
			return 1
		}
		out = outFile
	}
	var w export.Writer
	if f := strings.ToLower(*format); f == "pretty" || f == "text" {
		w = export.NewPretty(out, export.PrettyOptions{Width: terminalWidth(out)})
	} else if f == "quotes" {
		w = export.NewQuotes(out, export.PrettyOptions{Width: terminalWidth(out)})
	} else {
		w, _ = export.New(*format, out)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	results := codeAll(ctx, p, inputs, ingest.Options{MaxBytes: int64(maxBytes), DefaultDate: defDate, Stdin: stdin}, *workers)

	var docs, sentences, events, failed int
	var writeErr error
	// Progress on a terminal, when the records go elsewhere.
	progress := isTerminal(stderr) && (outFile != nil || !isTerminal(stdout))
	start, last := time.Now(), time.Now()
	for r := range results {
		if progress && time.Since(last) > 500*time.Millisecond {
			last = time.Now()
			fmt.Fprintf(stderr, "\rcoded %d documents, %d events (%.0f documents/s)…", docs, events, float64(docs)/time.Since(start).Seconds())
		}
		if writeErr != nil {
			continue // drain so the workers finish
		}
		if r.err != nil {
			failed++
			if progress {
				fmt.Fprint(stderr, "\r\033[K") // clear the progress line
			}
			fmt.Fprintf(stderr, "dyad: %s: %s\n", r.item.Input, reason(r.err))
			continue
		}
		if err := w.Write(r.item.Doc, r.rec); err != nil {
			writeErr = err
			cancel()
			continue
		}
		docs++
		sentences += len(r.rec.Sentences)
		events += len(r.rec.Events)
	}
	if writeErr = closeOutput(w, outFile, outPath, writeErr); writeErr != nil {
		fmt.Fprintf(stderr, "dyad: %v\n", writeErr)
		return 1
	}
	if progress && time.Since(start) > 500*time.Millisecond {
		fmt.Fprint(stderr, "\r\033[K")
	}
	interrupted := ctx.Err() != nil
	if failed > 0 || interrupted || isTerminal(stderr) {
		summary := fmt.Sprintf("coded %s, %s, %s", plural(docs, "document"), plural(sentences, "sentence"), plural(events, "event"))
		if failed > 0 {
			summary += fmt.Sprintf("; %d failed", failed)
		}
		if interrupted {
			summary += "; interrupted"
		}
		fmt.Fprintln(stderr, summary)
	}
	if failed > 0 || interrupted {
		return 1
	}
	return 0
}

// codeAll reads the inputs and codes their documents with n workers. The
// results come in input order; the channel is closed at the end.
func codeAll(ctx context.Context, p *pipeline.Pipeline, inputs []string, opts ingest.Options, n int) <-chan codeResult {
	items := make(chan ingest.Item, n)
	go ingest.Read(ctx, inputs, opts, items)
	return codeItems(p, items, n)
}

// codeItems codes the items with n workers; the results come in input
// order and the channel is closed at the end. A bounded queue of pending
// results keeps the workers from running far ahead of the writer.
func codeItems(p *pipeline.Pipeline, items <-chan ingest.Item, n int) <-chan codeResult {
	type job struct {
		item ingest.Item
		res  chan<- codeResult
	}
	jobs := make(chan job)
	pending := make(chan chan codeResult, 4*n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rec, err := processDoc(p, j.item.Doc)
				j.res <- codeResult{item: j.item, rec: rec, err: err}
			}
		}()
	}
	go func() {
		defer close(pending)
		defer wg.Wait()
		defer close(jobs)
		for it := range items {
			res := make(chan codeResult, 1)
			pending <- res
			if it.Err != nil {
				res <- codeResult{item: it, err: it.Err}
				continue
			}
			jobs <- job{item: it, res: res}
		}
	}()
	results := make(chan codeResult)
	go func() {
		defer close(results)
		for res := range pending {
			results <- <-res
		}
	}()
	return results
}

// processDoc codes one document, turning a panic into an error so one bad
// document does not end the run.
func processDoc(p *pipeline.Pipeline, doc dyad.Doc) (rec dyad.Record, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &dyad.Error{Doc: doc.ID, Stage: "internal error", Err: fmt.Errorf("panic: %v (please report this document)", v)}
		}
	}()
	return p.Process(doc)
}

// reason writes an error for the "dyad: INPUT: reason" line, without the
// document id a *dyad.Error repeats.
func reason(err error) string {
	var de *dyad.Error
	if errors.As(err, &de) {
		if de.Stage != "" {
			return de.Stage + ": " + de.Err.Error()
		}
		return de.Err.Error()
	}
	return err.Error()
}

// terminalWidth returns the width to wrap pretty output at: $COLUMNS when
// writing to a terminal, else 0 (the writer's default).
func terminalWidth(w io.Writer) int {
	if !isTerminal(w) {
		return 0
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n >= 40 {
		return n
	}
	return 0
}

// closeOutput closes the writer and then the output file (nil for standard
// output) and returns the first error: err, the writer's, the file's.
func closeOutput(w io.Closer, outFile *os.File, outPath string, err error) error {
	if cerr := w.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if outFile != nil {
		if cerr := outFile.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("writing %s: %w", outPath, cerr)
		}
	}
	return err
}
