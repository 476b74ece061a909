package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/bench"
	"github.com/dyad-events/dyad/pipeline"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// testPipeline returns a shared pipeline with the embedded dictionaries.
func testPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{}) })
	if pipeErr != nil {
		tb.Fatalf("pipeline: %v", pipeErr)
	}
	return pipe
}

// codeDocs codes documents with n workers, keeping their order.
func codeDocs(tb testing.TB, p *pipeline.Pipeline, docs []dyad.Doc, n int) []dyad.StoredDoc {
	tb.Helper()
	out := make([]dyad.StoredDoc, len(docs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rec, err := p.Process(docs[i])
				if err != nil {
					tb.Errorf("coding %s: %v", docs[i].ID, err)
				}
				out[i] = dyad.StoredDoc{Doc: docs[i], Record: rec}
			}
		}()
	}
	for i := range docs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// BenchmarkIngest codes and stores 10,000 generated news documents (coding
// in parallel with GOMAXPROCS workers, storing in batches of 200 as they
// come, as "dyad ingest" does) and reports documents per second, and the
// time spent storing alone.
func BenchmarkIngest(b *testing.B) {
	const n, batch = 10000, 200
	corpus := bench.Generate(n, 1)
	p := testPipeline(b)
	workers := runtime.GOMAXPROCS(0)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		s, err := Open(filepath.Join(dir, "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		var storing time.Duration
		results := make(chan dyad.StoredDoc, 4*batch)
		go func() {
			defer close(results)
			jobs := make(chan int)
			outs := make([]chan dyad.StoredDoc, n)
			for i := range outs {
				outs[i] = make(chan dyad.StoredDoc, 1)
			}
			var wg sync.WaitGroup
			for range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range jobs {
						rec, _ := p.Process(corpus.Docs[i])
						outs[i] <- dyad.StoredDoc{Doc: corpus.Docs[i], Record: rec}
					}
				}()
			}
			go func() {
				for i := range n {
					jobs <- i
				}
				close(jobs)
			}()
			for i := range n {
				results <- <-outs[i]
			}
			wg.Wait()
		}()
		buf := make([]dyad.StoredDoc, 0, batch)
		flush := func() {
			t := time.Now()
			if _, err := s.Put(context.Background(), buf); err != nil {
				b.Fatal(err)
			}
			storing += time.Since(t)
			buf = buf[:0]
		}
		for d := range results {
			buf = append(buf, d)
			if len(buf) == batch {
				flush()
			}
		}
		flush()
		el := time.Since(t0)
		b.StopTimer()
		s.Close()
		b.ReportMetric(float64(n)/el.Seconds(), "docs/s")
		b.ReportMetric(storing.Seconds(), "s-storing")
		b.StartTimer()
	}
}

// BenchmarkPut measures storing alone: 2,000 documents coded beforehand,
// stored in batches of 200.
func BenchmarkPut(b *testing.B) {
	n, batch := 2000, 200
	if v, err := strconv.Atoi(os.Getenv("DYAD_PUT_DOCS")); err == nil && v > 0 {
		n = v - v%batch
	}
	docs := codeDocs(b, testPipeline(b), bench.Generate(n, 2).Docs, runtime.GOMAXPROCS(0))
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "put.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0 := time.Now()
		for i := 0; i < n; i += batch {
			if _, err := s.Put(context.Background(), docs[i:i+batch]); err != nil {
				b.Fatal(err)
			}
		}
		el := time.Since(t0)
		b.StopTimer()
		s.Close()
		b.ReportMetric(float64(n)/el.Seconds(), "docs/s")
		b.StartTimer()
	}
}
