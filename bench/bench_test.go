package bench

import (
	"context"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/pipeline"
)

func TestGenerate(t *testing.T) {
	a, b := Generate(50, 7), Generate(50, 7)
	if len(a.Docs) != 50 || len(a.Sentences) != 50 {
		t.Fatalf("got %d docs, %d counts", len(a.Docs), len(a.Sentences))
	}
	ids := map[string]bool{}
	for i, d := range a.Docs {
		if d.Text != b.Docs[i].Text {
			t.Fatalf("doc %d differs between runs with the same seed", i)
		}
		if ids[d.ID] {
			t.Errorf("duplicate id %s", d.ID)
		}
		ids[d.ID] = true
		if a.Sentences[i] < 3 || len(d.Date) != 10 || strings.Contains(d.Text, "{") || strings.Contains(d.Text, "%!") {
			t.Errorf("doc %d malformed (%d sentences, date %q):\n%s", i, a.Sentences[i], d.Date, d.Text)
		}
	}
	if c := Generate(50, 8); c.Docs[0].Text == a.Docs[0].Text {
		t.Error("different seeds gave the same first document")
	}
	// Variety: most sentences are distinct.
	seen := map[string]bool{}
	total := 0
	for _, d := range a.Docs {
		for _, s := range strings.SplitAfter(d.Text, ". ") {
			seen[s] = true
			total++
		}
	}
	if len(seen) < total*9/10 {
		t.Errorf("only %d distinct sentences of %d", len(seen), total)
	}
}

func TestRun(t *testing.T) {
	c := Generate(20, 1)
	res, err := Run(context.Background(), c, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Docs != 20 || res.Sentences != c.TotalSentences() || res.Elapsed <= 0 || res.Workers != 2 {
		t.Errorf("result %+v", res)
	}
	if res.DocsPerSec() <= 0 || res.SentencesPerSec() <= 0 {
		t.Errorf("rates %f docs/s, %f sentences/s", res.DocsPerSec(), res.SentencesPerSec())
	}
	if PeakRSS() < 0 {
		t.Error("negative peak RSS")
	}
}

// BenchmarkPipeline codes generated documents one after the other and
// reports sentences and documents per second. For the single-core figure:
//
//	GOMAXPROCS=1 go test -bench Pipeline -run '^$' ./bench
func BenchmarkPipeline(b *testing.B) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	c := Generate(200, 1)
	var bytes int64
	sentences, docs := 0, 0
	for i := 0; b.Loop(); i++ {
		k := i % len(c.Docs)
		if _, err := p.Process(c.Docs[k]); err != nil {
			b.Fatal(err)
		}
		sentences += c.Sentences[k]
		bytes += int64(len(c.Docs[k].Text))
		docs++
	}
	sec := b.Elapsed().Seconds()
	b.SetBytes(bytes / int64(max(docs, 1)))
	b.ReportMetric(float64(sentences)/sec, "sentences/s")
	b.ReportMetric(float64(docs)/sec, "docs/s")
}

// BenchmarkLoad measures loading the pipeline (dictionaries, models).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := pipeline.New(pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLongDocument codes one document made of many generated stories
// (bylines and trailers left out), so that per-document work that grows
// faster than the text shows up as a drop in sentences/s against
// BenchmarkPipeline.
func BenchmarkLongDocument(b *testing.B) {
	c := Generate(400, 3)
	var parts []string
	sentences := 0
	for i, d := range c.Docs {
		parts = append(parts, d.Text)
		sentences += c.Sentences[i]
	}
	doc := c.Docs[0]
	doc.Text = strings.Join(parts, "\n\n")
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	found := 0
	for i := 0; i < b.N; i++ {
		a, err := p.Analyze(doc)
		if err != nil {
			b.Fatal(err)
		}
		found += len(a.Sentences)
	}
	b.ReportMetric(float64(found)/b.Elapsed().Seconds(), "sentences/s")
}
