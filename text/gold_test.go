package text

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
)

// goldDir is the shared evaluation data (never part of the repository). Set
// DYAD_GOLD to read it from elsewhere.
func goldDir() string {
	if d := os.Getenv("DYAD_GOLD"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "gold")
}

// goldTexts reads the "text" field of every record of a gold JSONL file, or
// skips the test when the file is absent.
func goldTexts(tb testing.TB, name string) []string {
	tb.Helper()
	path := filepath.Join(goldDir(), name)
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("gold data not available (%v): set DYAD_GOLD to the shared gold folder to run this", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return texts
}

// TestGoldInvariants runs the stage over real news from the shared gold
// data and checks the offset invariants on every document.
func TestGoldInvariants(t *testing.T) {
	for _, name := range []string{"quotes/polnear_dev.jsonl", "geo/geowebnews.jsonl"} {
		texts := goldTexts(t, name)
		sentences := 0
		for i, text := range texts {
			a := &dyad.Analysis{Doc: dyad.Doc{Text: text}}
			if err := Analyze(a); err != nil {
				t.Errorf("%s #%d: %v", name, i, err)
				continue
			}
			if err := checkInvariants(a); err != nil {
				t.Errorf("%s #%d: %v", name, i, err)
			}
			sentences += len(a.Sentences)
		}
		t.Logf("%s: %d documents, %d sentences", name, len(texts), sentences)
	}
}

// BenchmarkAnalyzeGold measures the stage on real political news (PolNeAR
// dev, shared gold data; skipped when absent), whose sentences are longer
// than those of testdata/news.txt.
func BenchmarkAnalyzeGold(b *testing.B) {
	texts := goldTexts(b, "quotes/polnear_dev.jsonl")
	n := 0
	for _, text := range texts {
		a := &dyad.Analysis{Doc: dyad.Doc{Text: text}}
		if err := Analyze(a); err == nil {
			n += len(a.Sentences)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			_ = Analyze(&dyad.Analysis{Doc: dyad.Doc{Text: text}})
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
