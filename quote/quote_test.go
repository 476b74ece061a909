package quote_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
)

// want is one expected quotation: the start of its content, whether it is
// direct, the speaker's text and the cue's text ("" for none).
type want struct {
	content string
	direct  bool
	speaker string
	cue     string
}

func analyze(t *testing.T, text string) *dyad.Analysis {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Analyze(dyad.Doc{ID: t.Name(), Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func quoteText(a *dyad.Analysis, q dyad.Quote) string {
	rs := []rune(a.Doc.Text)
	return string(rs[q.Start:q.End])
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "speaker after the quotation, inverted",
			text: `"We will respond in kind," said the army spokesman.`,
			want: []want{{`"We will respond in kind,"`, true, "the army spokesman", "said"}},
		},
		{
			name: "an object pronoun after the verb is no inverted speaker",
			text: `After the vote, called it "another super Tuesday for our campaign."`,
			want: []want{{`"another super Tuesday for our campaign."`, true, "", ""}},
		},
		{
			name: "speaker before, colon",
			text: `The Minister of Defence added: "Our forces are on alert."`,
			want: []want{{`"Our forces are on alert."`, true, "The Minister of Defence", "added"}},
		},
		{
			name: "quotation in the sentence after a colon",
			text: "The Daily Courier reports:\n\n\"Only a fifth of the donors gave again this year, a sign of trouble for the mayor.\"",
			want: []want{{`"Only a fifth`, true, "The Daily Courier", "reports"}},
		},
		{
			name: "indirect speech with that",
			text: `Ana Ruiz, the foreign minister of Freedonia, said on Monday that the border would stay closed.`,
			want: []want{{"that the border would stay closed", false, "Ana Ruiz", "said"}},
		},
		{
			name: "partial quotation inside reported speech is direct",
			text: `The governor said that the new law was "a disgrace to the republic" and would be challenged.`,
			want: []want{{`that the new law was "a disgrace`, true, "The governor", "said"}},
		},
		{
			name: "according to, before and after",
			text: "According to the ministry, 40 people were detained overnight.\n\nThe convoy reached the border on Friday, according to local officials.",
			want: []want{
				{"40 people were detained overnight", false, "the ministry", "According to"},
				{"The convoy reached the border on Friday", false, "local officials", "according to"},
			},
		},
		{
			name: "clause before the attribution",
			text: `The talks will resume next week, the ministry said.`,
			want: []want{{"The talks will resume next week", false, "the ministry", "said"}},
		},
		{
			name: "interrupted quotation is one quote with two pieces",
			text: `"We came in good faith," the envoy said, "and we leave with nothing."`,
			want: []want{{`"We came in good faith,"`, true, "the envoy", "said"}},
		},
		{
			name: "single curly marks",
			text: `‘We have lost everything this year,’ said Efua Mensimah, a cloth trader.`,
			want: []want{{`‘We have lost everything this year,’`, true, "Efua Mensimah", "said"}},
		},
		{
			name: "doubled apostrophes as marks",
			text: `Using the tax this way ''is a misguided approach,'' Mr. Olberg said.`,
			want: []want{{`Using the tax this way ''is a misguided approach,''`, true, "Mr. Olberg", "said"}},
		},
		{
			name: "dash after a quotation names the speaker",
			text: "“Nobody asked us what we wanted.” ― Lina Okafor\n",
			want: []want{{`“Nobody asked us what we wanted.”`, true, "Lina Okafor", "―"}},
		},
		{
			name: "transcript speaker in capitals",
			text: "\"MORALES: Let me be clear, we will not sign this treaty.\"",
			want: []want{{`"MORALES: Let me be clear`, true, "MORALES", ":"}},
		},
		{
			name: "closing mark without an opening one starts at the paragraph",
			text: "We will not leave this square until they listen,\" the organiser said.",
			want: []want{{`We will not leave this square until they listen,"`, true, "the organiser", "said"}},
		},
		{
			name: "parenthesis after the name",
			text: `"It is a dog whistle," Rep. Ann Lowell (D-Ore.) said on Friday.`,
			want: []want{{`"It is a dog whistle,"`, true, "Rep. Ann Lowell", "said"}},
		},
		{
			name: "participle continues the clause's speaker",
			text: `Kenya's finance minister defended the budget on Tuesday, saying that the new taxes were needed to cut borrowing.`,
			want: []want{{"that the new taxes were needed to cut borrowing", false, "Kenya's finance minister", "saying"}},
		},
		{
			name: "no cue, no quotation",
			text: `The convoy reached the border on Friday after a long delay.`,
			want: nil,
		},
		{
			name: "a verb of saying with a noun object is not reported speech",
			text: `The European Union announced on Wednesday an additional 50 million euros in aid.`,
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analyze(t, tc.text)
			if len(a.Quotes) != len(tc.want) {
				t.Fatalf("got %d quotes, want %d: %s", len(a.Quotes), len(tc.want), describe(a))
			}
			for i, w := range tc.want {
				q := a.Quotes[i]
				if got := quoteText(a, q); !strings.HasPrefix(got, w.content) {
					t.Errorf("quote %d content %q, want it to start with %q", i, got, w.content)
				}
				if q.Direct != w.direct {
					t.Errorf("quote %d direct = %v, want %v", i, q.Direct, w.direct)
				}
				if got := speakerText(q); got != w.speaker {
					t.Errorf("quote %d speaker %q, want %q", i, got, w.speaker)
				}
				if got := cueText(q); got != w.cue {
					t.Errorf("quote %d cue %q, want %q", i, got, w.cue)
				}
			}
		})
	}
}

func speakerText(q dyad.Quote) string {
	if q.Speaker == nil {
		return ""
	}
	return q.Speaker.Text
}

func cueText(q dyad.Quote) string {
	if q.Cue == nil {
		return ""
	}
	return q.Cue.Text
}

func describe(a *dyad.Analysis) string {
	var b strings.Builder
	for _, q := range a.Quotes {
		b.WriteString("\n  " + quoteText(a, q) + " | " + speakerText(q) + " | " + cueText(q))
	}
	return b.String()
}

// TestStory codes a story with a quotation over two paragraphs, several
// speakers, a pronoun and title-only references, and checks that every
// quotation goes to the right person.
func TestStory(t *testing.T) {
	text := `KAPRA, June 3 (Reuters) - Freedonia and Sylvania agreed on Tuesday to reopen their main border crossing, officials said.

Freedonia's Foreign Minister Omar Delacroix said the crossing would reopen to lorries within a week.

"We did not come here to score points," Delacroix told reporters. "We came to put our traders back to work.

"For three months, lorries have queued on both sides of the border. That ends now," he said.

Sylvanian Foreign Minister Irena Vasko, who led her country's delegation, was more cautious.

"The agreement is a good start, but only a start," Vasko said.

The minister added: "Nobody should think the smuggling has stopped because we signed a paper."

Opposition leader Petra Lindqvist rejected the deal. "The minister is selling our border for a photograph," she said.`
	a := analyze(t, text)
	entityName := map[string]string{}
	for _, e := range a.Entities {
		entityName[e.ID] = e.Name
	}
	wantSpeakers := []struct{ content, person string }{
		{"the crossing would reopen", "Omar Delacroix"},
		{`"We did not come here`, "Omar Delacroix"},
		{`"The agreement is a good start`, "Irena Vasko"},
		{`"Nobody should think`, "Irena Vasko"},
		{`"The minister is selling`, "Petra Lindqvist"},
	}
	for _, w := range wantSpeakers {
		var q *dyad.Quote
		for i := range a.Quotes {
			if strings.HasPrefix(quoteText(a, a.Quotes[i]), w.content) {
				q = &a.Quotes[i]
			}
		}
		if q == nil {
			t.Errorf("no quote starting %q:%s", w.content, describe(a))
			continue
		}
		if q.Speaker == nil || q.Speaker.Entity == "" {
			t.Errorf("quote %q: speaker %q not resolved to an entity", w.content, speakerText(*q))
			continue
		}
		if got := entityName[string(q.Speaker.Entity)]; got != w.person {
			t.Errorf("quote %q: speaker %q is entity %q, want %q", w.content, q.Speaker.Text, got, w.person)
		}
	}
	// "“…,” Delacroix told reporters. “…\n\n“… That ends now,” he said."
	// is one quotation in three pieces: interrupted by the attribution,
	// then carried over a paragraph break by the reopening mark
	found := false
	for _, q := range a.Quotes {
		if strings.HasPrefix(quoteText(a, q), `"We did not come here`) {
			found = true
			if len(q.Segments) != 3 || !strings.Contains(q.Text, "That ends now") {
				t.Errorf("quotation over two paragraphs: %d pieces %v, text %q; want 3 pieces ending with the second paragraph", len(q.Segments), q.Segments, q.Text)
			}
		}
	}
	if !found {
		t.Errorf("no quotation over two paragraphs:%s", describe(a))
	}
}

// TestNames checks the entities the quote stage adds for names the actor
// stage does not code.
func TestNames(t *testing.T) {
	text := "The Kapra Revenue Authority said on Monday that David Kamin, an adviser, would lead the review. " +
		"Sen. Martha Olberg welcomed the plan. Olberg has long backed the Tax Fairness Act. " +
		"Protesters gathered in San Marcos on Friday.\n\n" +
		"Kamin Says Review Will Be Quick And Fair"
	a := analyze(t, text)
	type ent struct{ typ, titles string }
	got := map[string]ent{}
	mentions := map[string]int{}
	for _, e := range a.Entities {
		got[e.Name] = ent{e.Type, strings.Join(e.Titles, ",")}
		mentions[e.Name] = len(e.Mentions)
	}
	want := map[string]ent{
		"Kapra Revenue Authority": {"ORG", ""},
		"David Kamin":             {"PERSON", ""},
		"Martha Olberg":           {"PERSON", "Sen."},
	}
	for name, w := range want {
		if g, ok := got[name]; !ok || g != w {
			t.Errorf("entity %q: got %+v (present %v), want %+v", name, g, ok, w)
		}
	}
	for _, not := range []string{"Tax Fairness Act", "San Marcos", "Friday", "Kamin Says Review Will Be Quick And Fair"} {
		if _, ok := got[not]; ok {
			t.Errorf("%q became an entity", not)
		}
	}
	if mentions["Martha Olberg"] != 2 {
		t.Errorf("Martha Olberg: %d mentions, want 2 (the surname joins her)", mentions["Martha Olberg"])
	}
}

// TestPronounSpeakerIsTheSubject checks that "he said" after "X met his
// counterpart Y" is X, the subject, not Y, the person named last.
func TestPronounSpeakerIsTheSubject(t *testing.T) {
	a := analyze(t, `Iran's defence minister met his Syrian counterpart in Tehran on Monday.

"We will not give an inch," he said after the meeting.`)
	entityName := map[string]string{}
	for _, e := range a.Entities {
		entityName[e.ID] = e.Name
	}
	if len(a.Quotes) != 1 || a.Quotes[0].Speaker == nil {
		t.Fatalf("quotes:%s", describe(a))
	}
	if got := entityName[string(a.Quotes[0].Speaker.Entity)]; got != "Iran's defence minister" {
		t.Errorf("speaker %q is entity %q, want Iran's defence minister", a.Quotes[0].Speaker.Text, got)
	}
}
