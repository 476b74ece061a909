package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/gazetteer"
	"github.com/dyad-events/dyad/pipeline"
)

// Options configures Run.
type Options struct {
	// Workers is the number of documents coded at once; 0 means GOMAXPROCS.
	Workers int
	// Pipeline configures the pipeline under test.
	Pipeline pipeline.Options
}

// Result is what Run measured.
type Result struct {
	Docs    int // documents coded, failures included
	Failed  int // documents the pipeline returned an error for
	Workers int
	// Sentences is the number of sentences the corpus was generated with,
	// the denominator of SentencesPerSec; for a corpus with no counts it is
	// CodedSentences.
	Sentences int
	// CodedSentences and Events are what the pipeline found.
	CodedSentences int
	Events         int
	Bytes          int64         // text coded
	Load           time.Duration // pipeline.New: dictionaries, models and gazetteer
	// Gazetteer is the part of Load spent loading the embedded gazetteer
	// (0 when the options bring their own).
	Gazetteer time.Duration
	Elapsed   time.Duration // coding and JSON encoding, load excluded
	// PeakRSS is the process's peak resident set size in bytes (VmHWM),
	// 0 where the system does not report it.
	PeakRSS int64
	// Stages is the time spent in each pipeline stage, summed over the
	// workers (so it can exceed Elapsed with several workers).
	Stages []pipeline.StageTime
}

// DocsPerSec is the end-to-end document rate.
func (r Result) DocsPerSec() float64 { return rate(r.Docs, r.Elapsed) }

// SentencesPerSec is the end-to-end sentence rate.
func (r Result) SentencesPerSec() float64 { return rate(r.Sentences, r.Elapsed) }

// MBPerSec is the end-to-end text rate in MiB per second.
func (r Result) MBPerSec() float64 { return rate(int(r.Bytes), r.Elapsed) / (1 << 20) }

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// Run loads a pipeline and codes every document of c with opts.Workers
// workers, encoding each record to JSON as the command would, and measures
// it. A document the pipeline fails on (or panics on) counts in Failed; Run
// fails only when the pipeline cannot be loaded or ctx is cancelled.
func Run(ctx context.Context, c *Corpus, opts Options) (Result, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	res := Result{Docs: len(c.Docs), Workers: workers, Bytes: c.Bytes()}

	t0 := time.Now()
	if opts.Pipeline.Gazetteer == nil {
		if _, err := gazetteer.Load(); err != nil {
			return res, fmt.Errorf("loading the gazetteer: %w", err)
		}
		res.Gazetteer = time.Since(t0)
	}
	popts := opts.Pipeline
	popts.TimeStages = true
	p, err := pipeline.New(popts)
	if err != nil {
		return res, fmt.Errorf("loading the pipeline: %w", err)
	}
	res.Load = time.Since(t0)

	type tally struct{ failed, sentences, events int }
	tallies := make([]tally, workers)
	jobs := make(chan int)
	var wg sync.WaitGroup
	t1 := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			for i := range jobs {
				rec, err := process(p, c.Docs[i])
				if err == nil {
					buf.Reset()
					err = enc.Encode(rec)
				}
				if err != nil {
					tallies[w].failed++
					continue
				}
				tallies[w].sentences += len(rec.Sentences)
				tallies[w].events += len(rec.Events)
			}
		}()
	}
	cancelled := false
dispatch:
	for i := range c.Docs {
		select {
		case <-ctx.Done():
			cancelled = true
			break dispatch
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	res.Elapsed = time.Since(t1)
	if cancelled {
		return res, ctx.Err()
	}
	for _, t := range tallies {
		res.Failed += t.failed
		res.CodedSentences += t.sentences
		res.Events += t.events
	}
	res.Sentences = c.TotalSentences()
	if len(c.Sentences) == 0 {
		res.Sentences = res.CodedSentences
	}
	res.PeakRSS = PeakRSS()
	res.Stages = p.StageTimes()
	return res, nil
}

// process codes one document, turning a panic into an error.
func process(p *pipeline.Pipeline, doc dyad.Doc) (rec dyad.Record, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	return p.Process(doc)
}

// PeakRSS returns the peak resident set size of this process in bytes, read
// from VmHWM in /proc/self/status, or 0 where that is not available.
func PeakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "VmHWM:") {
			continue
		}
		fields := strings.Fields(strings.TrimPrefix(line, "VmHWM:"))
		if len(fields) == 0 {
			return 0
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0
		}
		return kb << 10
	}
	return 0
}
