package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"time"

	"github.com/dyad-events/dyad/bench"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/pipeline"
)

const benchHead = `Usage: dyad bench [flags] [PATH...]

Measures the pipeline end to end: load time (dictionaries and models),
documents and sentences per second (coding plus JSON encoding), and peak
memory (VmHWM). The corpus is generated from built-in templates of wire-style
news (the same for the same --seed), or read from PATHs (files, directories,
JSONL, as for "dyad code"); --docs then repeats or cuts it to N documents.
Sentences per second counts the sentences the corpus was generated with, so
figures stay comparable across pipeline versions; for a corpus read from
PATHs it counts the sentences the pipeline found.
`

const benchTail = dictHelp + `
Examples:
  dyad bench
  dyad bench --docs 2000 --workers 1
  dyad bench --workers 2 examples/
  dyad bench --dict petrarch:dicts/petrarch2 --docs 200
  GOMAXPROCS=1 go test -bench Pipeline -run '^$' ./bench   (the Go benchmark)
`

// runBench implements "dyad bench".
func runBench(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench")
	docs := fs.Int("docs", 500, "code `N` documents")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "`N` documents coded at once")
	seed := fs.Uint64("seed", 1, "`seed` of the generated corpus")
	var dicts dictList
	fs.Var(&dicts, "dict", dictUsage)
	quiet := fs.Bool("q", false, "quiet: no dictionary import summary on standard error")
	paths, code, done := parseFlags(fs, args, benchHead, benchTail, stdout, stderr)
	if done {
		return code
	}
	docsSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "docs" {
			docsSet = true
		}
	})
	if *docs < 1 {
		return usageError(stderr, "bench", "--docs must be at least 1, not %d", *docs)
	}
	if *workers < 1 {
		return usageError(stderr, "bench", "--workers must be at least 1, not %d", *workers)
	}

	// The embedded dictionaries are loaded by pipeline.New, inside the
	// measured load time; other dictionaries are loaded and timed here.
	var pipeOpts pipeline.Options
	var dictLoad time.Duration
	if !ownOnly(dicts) {
		start := time.Now()
		lex, _, err := loadDicts(dicts, stderr, *quiet)
		if err != nil {
			if code := dictExit(err); code == 2 {
				return usageError(stderr, "bench", "%v", err)
			}
			fmt.Fprintf(stderr, "dyad bench: loading the dictionaries: %v\n", err)
			return 1
		}
		dictLoad = time.Since(start)
		pipeOpts.Lexicon = lex
		pipeOpts.DictionaryActorsOnly = importedDicts(dicts)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var corpus *bench.Corpus
	var what string
	if len(paths) == 0 {
		corpus = bench.Generate(*docs, *seed)
		what = fmt.Sprintf("%d generated documents (seed %d)", *docs, *seed)
	} else {
		var failed int
		corpus, failed = readCorpus(ctx, paths, stderr)
		if len(corpus.Docs) == 0 {
			fmt.Fprintf(stderr, "dyad bench: no documents in %v\n", paths)
			return 1
		}
		read := len(corpus.Docs)
		if docsSet {
			corpus = resize(corpus, *docs)
		}
		what = fmt.Sprintf("%d documents from %d read", len(corpus.Docs), read)
		if failed > 0 {
			what += fmt.Sprintf(" (%d unreadable, skipped)", failed)
		}
	}

	res, err := bench.Run(ctx, corpus, bench.Options{Workers: *workers, Pipeline: pipeOpts})
	if err != nil {
		fmt.Fprintf(stderr, "dyad bench: %v\n", err)
		return 1
	}
	sentencesNote := "generated"
	if len(corpus.Sentences) == 0 {
		sentencesNote = "found by the pipeline"
	}
	fmt.Fprintf(stdout, "command      %s\n", commandLine(append([]string{"bench"}, args...)))
	fmt.Fprintf(stdout, "corpus       %s, %d sentences (%s), %s\n", what, res.Sentences, sentencesNote, ingest.FormatSize(res.Bytes))
	if pipeOpts.Lexicon == nil {
		fmt.Fprintf(stdout, "load         %s (pipeline.New: dictionaries and models %s, gazetteer %s)\n", roundDuration(res.Load), roundDuration(res.Load-res.Gazetteer), roundDuration(res.Gazetteer))
	} else {
		fmt.Fprintf(stdout, "dictionaries %s, loaded in %s\n", strings.Join(dicts, " + "), roundDuration(dictLoad))
		fmt.Fprintf(stdout, "load         %s (pipeline.New, without the dictionaries above; gazetteer %s)\n", roundDuration(res.Load), roundDuration(res.Gazetteer))
	}
	fmt.Fprintf(stdout, "coding       %s with %s (GOMAXPROCS %d, %d CPUs)\n", roundDuration(res.Elapsed), plural(res.Workers, "worker"), runtime.GOMAXPROCS(0), runtime.NumCPU())
	fmt.Fprintf(stdout, "documents/s  %.1f\n", res.DocsPerSec())
	fmt.Fprintf(stdout, "sentences/s  %.1f\n", res.SentencesPerSec())
	fmt.Fprintf(stdout, "MB/s         %.2f\n", res.MBPerSec())
	fmt.Fprintf(stdout, "found        %d sentences, %d events; %d documents failed\n", res.CodedSentences, res.Events, res.Failed)
	if line := stageShares(res.Stages); line != "" {
		fmt.Fprintf(stdout, "stages       %s (share of the time in the pipeline's stages)\n", line)
	}
	if res.PeakRSS > 0 {
		fmt.Fprintf(stdout, "peak RSS     %s\n", ingest.FormatSize(res.PeakRSS))
	} else {
		fmt.Fprintf(stdout, "peak RSS     unknown (no /proc/self/status)\n")
	}
	fmt.Fprintf(stdout, "build        dyad %s, %s %s/%s\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if res.Failed > 0 {
		return 1
	}
	return 0
}

// roundDuration keeps three significant digits or so.
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= 10*time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= 10*time.Millisecond:
		return d.Round(time.Millisecond)
	case d >= 10*time.Microsecond:
		return d.Round(time.Microsecond)
	}
	return d
}

// readCorpus reads documents with ingest, reporting unreadable ones.
func readCorpus(ctx context.Context, paths []string, stderr io.Writer) (*bench.Corpus, int) {
	items := make(chan ingest.Item, 16)
	go ingest.Read(ctx, paths, ingest.Options{}, items)
	c := &bench.Corpus{}
	failed := 0
	for it := range items {
		if it.Err != nil {
			failed++
			fmt.Fprintf(stderr, "dyad: %s: %v\n", it.Input, it.Err)
			continue
		}
		c.Docs = append(c.Docs, it.Doc)
	}
	return c, failed
}

// resize repeats or cuts a corpus to n documents; repeated documents get
// distinct ids.
func resize(c *bench.Corpus, n int) *bench.Corpus {
	out := &bench.Corpus{}
	for i := 0; i < n; i++ {
		d := c.Docs[i%len(c.Docs)]
		if i >= len(c.Docs) {
			d.ID = fmt.Sprintf("%s~%d", d.ID, i/len(c.Docs))
		}
		out.Docs = append(out.Docs, d)
	}
	return out
}

// stageShares formats the time share of each pipeline stage: "text 41%,
// actor 22%, quote 6%, event 31%".
func stageShares(stages []pipeline.StageTime) string {
	var total time.Duration
	for _, s := range stages {
		total += s.Total
	}
	if total <= 0 {
		return ""
	}
	parts := make([]string, len(stages))
	for i, s := range stages {
		parts[i] = fmt.Sprintf("%s %.1f%%", s.Stage, 100*float64(s.Total)/float64(total))
	}
	return strings.Join(parts, ", ")
}
