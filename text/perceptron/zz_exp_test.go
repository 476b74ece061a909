package perceptron

import "testing"

func BenchmarkZZOne(b *testing.B) {
	sents, _ := benchCorpus()
	s := sents[3]
	t, _ := New()
	tags := make([]string, len(s))
	b.ResetTimer()
	for b.Loop() {
		t.Tag(s, tags)
	}
	b.ReportMetric(float64(len(s))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
