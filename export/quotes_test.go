package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestQuotes(t *testing.T) {
	text := "“We will not yield,” the envoy said, “not now.”\nOfficials said talks would go on."
	doc := dyad.Doc{ID: "q.txt", Text: text}
	idx := func(sub string) int { return len([]rune(text[:strings.Index(text, sub)])) }
	end := func(sub string) int { return idx(sub) + len([]rune(sub)) }
	a := dyad.Analysis{Doc: doc, Sentences: []dyad.Sentence{{Start: 0, End: end("now.”")}, {Start: idx("Officials"), End: len([]rune(text))}},
		Quotes: []dyad.Quote{
			{Start: 0, End: end("now.”"), Direct: true,
				Segments: [][2]int{{0, end("yield,”")}, {idx("“not"), end("now.”")}},
				Speaker:  &dyad.Speaker{Text: "the envoy", Start: idx("the envoy"), End: end("the envoy"), Entity: "e2", Code: "FRDGOV"},
				Cue:      &dyad.TextSpan{Text: "said", Start: idx("said"), End: end("said")}},
			{Start: idx("talks"), End: end("go on"), Cue: &dyad.TextSpan{Text: "said"}},
		}}
	var buf bytes.Buffer
	w, err := New("quotes", &buf)
	if err != nil {
		t.Fatal(err)
	}
	edoc, erec := empty()
	for _, d := range []struct {
		doc dyad.Doc
		rec dyad.Record
	}{{doc, a.Record()}, {edoc, erec}} {
		if err := w.Write(d.doc, d.rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"── q.txt · 2 sentences, 2 quotes\n",
		"the envoy (FRDGOV, e2) said:\n    “We will not yield,” … “not now.”\n",
		"(unattributed) said [indirect]:\n    talks would go on\n",
		"── b.txt · 1 sentence, 0 quotes\n  (no quotes)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
