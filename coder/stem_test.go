package coder

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/lexicon"
)

func TestStemOnly(t *testing.T) {
	p := &lexicon.VerbPattern{Text: "brutalize/brutalise +"}
	for _, c := range []struct {
		word string
		want bool
	}{
		{"brutal", true},      // an adjective of the same stem
		{"brutalized", false}, // a participle
		{"brutalize", false},  // the written form
		{"democratic", true},
	} {
		if got := stemOnly(dyad.Token{Text: c.word, Lower: c.word, Tag: "JJ"}, p); got != c.want {
			t.Errorf("stemOnly(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}
