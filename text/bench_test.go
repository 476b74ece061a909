package text

import (
	"os"
	"testing"

	"github.com/dyad-events/dyad"
)

// BenchmarkAnalyze measures the stage on testdata/news.txt, news-like text
// written for these tests, and reports sentences per second. The pipeline
// needs this stage at ≥ 10,000 sentences/s on one core:
//
//	GOMAXPROCS=1 go test -run '^$' -bench Analyze ./text
func BenchmarkAnalyze(b *testing.B) {
	raw, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := dyad.Doc{ID: "bench", Text: string(raw)}
	a := &dyad.Analysis{Doc: doc}
	if err := Analyze(a); err != nil {
		b.Fatal(err)
	}
	n := len(a.Sentences)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a := &dyad.Analysis{Doc: doc}
		if err := Analyze(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
