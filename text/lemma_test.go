package text

import "testing"

// TestLemmaSharesKeys checks that inflected forms and their base share a
// key, including bases the stemmer would cut differently.
func TestLemmaSharesKeys(t *testing.T) {
	pairs := [][2]string{
		{"sued", "sue"}, {"added", "add"}, {"boycotted", "boycott"}, {"rebuffed", "rebuff"},
		{"freed", "free"}, {"interfering", "interfere"}, {"held", "hold"}, {"killed", "kill"},
		{"stopped", "stop"}, {"agreed", "agree"}, {"talks", "talk"}, {"met", "meet"},
	}
	for _, p := range pairs {
		if a, b := Lemma(p[0]), Lemma(p[1]); a != b {
			t.Errorf("Lemma(%q) = %q, Lemma(%q) = %q: want the same key", p[0], a, p[1], b)
		}
	}
}
