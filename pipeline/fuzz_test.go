package pipeline_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
)

// FuzzProcess feeds arbitrary text through every stage: a stage may reject
// a document with an error, but must never panic (the pipeline reports a
// recovered panic as an "internal error").
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"TEHRAN (IP) - Iran's defence minister met his Syrian counterpart.",
		"\"We condemn any attack,\" he said. Obama said he would not help Israel.",
		"Ali Abbas, Minister of Defence of Syria, visited Russia. Abbas condemned Israel.",
		"Iran, Iraq and Syria, which Russia criticized, were attacked by forces.",
	} {
		f.Add(s)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := p.Process(dyad.Doc{ID: "fuzz", Text: s})
		if err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatalf("panic on %q: %v", s, err)
		}
	})
}
