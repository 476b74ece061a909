package perceptron

import (
	"sync"
	"testing"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// benchCorpus returns the sentences both tagging benchmarks tag, and their
// token count: the repository's example articles and test news, or generated
// sentences if those are absent.
func benchCorpus(b *testing.B) ([][]string, int) {
	b.Helper()
	benchOnce.Do(func() {
		benchSents = repoSentences(b)
		if len(benchSents) == 0 {
			benchSents = genSentences(b, 500, 3)
		}
	})
	n := 0
	for _, s := range benchSents {
		n += len(s)
	}
	return benchSents, n
}

var (
	benchOnce  sync.Once
	benchSents [][]string
)

// BenchmarkProse tags the benchmark sentences with prose's TagTokens. One op
// is the whole set; tokens/s is the figure to compare.
func BenchmarkProse(b *testing.B) {
	sents, n := benchCorpus(b)
	p, err := tag.New()
	if err != nil {
		b.Fatal(err)
	}
	toks := make([][]tag.Token, len(sents))
	for i, s := range sents {
		toks[i] = make([]tag.Token, len(s))
		for j, w := range s {
			toks[i][j].Text = w
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range toks {
			p.TagTokens(t)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkPerceptron tags the same sentences with this package's Tag.
func BenchmarkPerceptron(b *testing.B) {
	sents, n := benchCorpus(b)
	t, err := New()
	if err != nil {
		b.Fatal(err)
	}
	tags := make([][]string, len(sents))
	for i, s := range sents {
		tags[i] = make([]string, len(s))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, s := range sents {
			t.Tag(s, tags[i])
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkDecode measures decoding the model, which New does once.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(aptagmodel.English); err != nil {
			b.Fatal(err)
		}
	}
}
