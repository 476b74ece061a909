package text

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// run analyses text, checks the invariants every analysis must hold, and
// fails the test on error.
func run(t *testing.T, text string) *dyad.Analysis {
	t.Helper()
	a := &dyad.Analysis{Doc: dyad.Doc{ID: "test", Text: text}}
	if err := Analyze(a); err != nil {
		t.Fatalf("Analyze(%q): %v", text, err)
	}
	if err := checkInvariants(a); err != nil {
		t.Fatalf("Analyze(%q): %v", text, err)
	}
	return a
}

// sentences returns the text of each sentence.
func sentences(a *dyad.Analysis) []string {
	r := []rune(a.Doc.Text)
	out := make([]string, len(a.Sentences))
	for i, s := range a.Sentences {
		out[i] = string(r[s.Start:s.End])
	}
	return out
}

// tokenTexts returns the token texts of sentence i.
func tokenTexts(a *dyad.Analysis, i int) []string {
	var out []string
	for _, tok := range a.Sentences[i].Tokens {
		out = append(out, tok.Text)
	}
	return out
}

// bodyText returns the body of the analysis as text.
func bodyText(a *dyad.Analysis) string {
	r := []rune(a.Doc.Text)
	return string(r[a.Body.Start:a.Body.End])
}

// checkInvariants verifies that every span of a is inside the text, in
// order, and that byte and rune offsets agree with each other and with the
// token texts.
func checkInvariants(a *dyad.Analysis) error {
	text := a.Doc.Text
	n := utf8.RuneCountInString(text)
	// byteOf maps a rune offset to its byte offset.
	byteOf := make([]int, 0, n+1)
	for i := range text {
		byteOf = append(byteOf, i)
	}
	byteOf = append(byteOf, len(text))

	if a.Body.Start < 0 || a.Body.End > n || a.Body.Start > a.Body.End {
		return fmt.Errorf("body %v outside [0,%d]", a.Body, n)
	}
	if d := a.Dateline; d != nil {
		// Before the body, or (after a headline) inside it but in no
		// sentence.
		if d.Start < 0 || d.Start >= d.End || d.End > n {
			return fmt.Errorf("dateline [%d,%d) outside the text", d.Start, d.End)
		}
		for i, s := range a.Sentences {
			if s.Start < d.End && d.Start < s.End {
				return fmt.Errorf("dateline [%d,%d) overlaps sentence %d [%d,%d)", d.Start, d.End, i, s.Start, s.End)
			}
		}
	}
	prevEnd := a.Body.Start
	para := 0
	for i, s := range a.Sentences {
		if s.Start < prevEnd || s.End > a.Body.End || s.Start >= s.End {
			return fmt.Errorf("sentence %d [%d,%d) out of order or outside body %v", i, s.Start, s.End, a.Body)
		}
		if byteOf[s.Start] != s.ByteStart || byteOf[s.End] != s.ByteEnd {
			return fmt.Errorf("sentence %d: byte offsets [%d,%d) disagree with runes [%d,%d)", i, s.ByteStart, s.ByteEnd, s.Start, s.End)
		}
		if s.Paragraph < para {
			return fmt.Errorf("sentence %d: paragraph %d after %d", i, s.Paragraph, para)
		}
		para = s.Paragraph
		if strings.Contains(strings.TrimSpace(text[s.ByteStart:s.ByteEnd]), "\n\n") {
			return fmt.Errorf("sentence %d spans a blank line: %q", i, text[s.ByteStart:s.ByteEnd])
		}
		if len(s.Tokens) == 0 {
			return fmt.Errorf("sentence %d has no tokens", i)
		}
		tp := s.Start
		for j, tok := range s.Tokens {
			if tok.Start < tp || tok.End > s.End || tok.Start >= tok.End {
				return fmt.Errorf("sentence %d token %d %q [%d,%d) out of order or outside [%d,%d)", i, j, tok.Text, tok.Start, tok.End, s.Start, s.End)
			}
			if byteOf[tok.Start] != tok.ByteStart || byteOf[tok.End] != tok.ByteEnd {
				return fmt.Errorf("token %q: byte offsets [%d,%d) disagree with runes [%d,%d)", tok.Text, tok.ByteStart, tok.ByteEnd, tok.Start, tok.End)
			}
			if text[tok.ByteStart:tok.ByteEnd] != tok.Text {
				return fmt.Errorf("token %q: text at its offsets is %q", tok.Text, text[tok.ByteStart:tok.ByteEnd])
			}
			if tok.Tag == "" || tok.Lower == "" || tok.Lemma == "" {
				return fmt.Errorf("token %q lacks tag, lower or lemma: %+v", tok.Text, tok)
			}
			tp = tok.End
		}
		prevEnd = s.End
	}
	return nil
}

func TestDatelines(t *testing.T) {
	tests := []struct {
		text, place, agency, dateline, first string
	}{
		{"TEHRAN, July 24 (Reuters) - Iran's defence minister met his Syrian counterpart on Monday.",
			"Tehran", "Reuters", "TEHRAN, July 24 (Reuters) -", "Iran's defence minister"},
		{"Tehran(IP)-Iran's defence minister met his Syrian counterpart.",
			"Tehran", "IP", "Tehran(IP)-", "Iran's defence minister"},
		{"WASHINGTON (AP) — The Senate voted on Monday to extend the sanctions.",
			"Washington", "AP", "WASHINGTON (AP) —", "The Senate voted"},
		{"Damascus, SANA_ President Bashar al-Assad received an Iranian delegation on Sunday.",
			"Damascus", "SANA", "Damascus, SANA_", "President Bashar"},
		{"GAZA CITY, Palestinian Territories: Israeli jets struck the enclave overnight.",
			"Gaza City, Palestinian Territories", "", "GAZA CITY, Palestinian Territories:", "Israeli jets"},
		{"LYON: Police arrested three men after the attack.",
			"Lyon", "", "LYON:", "Police arrested"},
		{"BEIRUT, Lebanon — Hezbollah fired rockets into northern Israel.",
			"Beirut, Lebanon", "", "BEIRUT, Lebanon —", "Hezbollah fired"},
		{"KYIV, Ukraine (AP) — Russian drones struck the capital overnight.",
			"Kyiv, Ukraine", "AP", "KYIV, Ukraine (AP) —", "Russian drones"},
		{"NEW DELHI, Jan. 5 (Reuters) - India and Pakistan exchanged fire.",
			"New Delhi", "Reuters", "NEW DELHI, Jan. 5 (Reuters) -", "India and Pakistan"},
		{"RALEIGH, N.C. (AP) - A new report shows teachers are leaving.",
			"Raleigh, N.C.", "AP", "RALEIGH, N.C. (AP) -", "A new report"},
		{"ST. PETERSBURG, Russia -- Officials said the bridge was closed.",
			"St. Petersburg, Russia", "", "ST. PETERSBURG, Russia --", "Officials said"},
		{"(Reuters) - Oil prices rose on Tuesday.",
			"", "Reuters", "(Reuters) -", "Oil prices"},
		{"MEXICO CITY (AP) Mexico's Senate has passed a resolution.",
			"Mexico City", "AP", "MEXICO CITY (AP)", "Mexico's Senate"},
		{"Moscow, SANA- Russian Foreign Ministry Spokeswoman Maria Zakharova said the operation continues.",
			"Moscow", "SANA", "Moscow, SANA-", "Russian Foreign"},
		{"WASHINGTON—President Joe Biden spoke with the Israeli prime minister.",
			"Washington", "", "WASHINGTON—", "President Joe"},
		{"By Jane Smith. BOSTON (Reuters) - The owner of a restaurant was arrested.",
			"Boston", "Reuters", "BOSTON (Reuters) -", "The owner"},
		{"LYON:\n\nPolice arrested three men.",
			"Lyon", "", "LYON:", "Police arrested"},
		{"Zürich, May 3 (SDA) — Swiss police detained two men.",
			"Zürich", "SDA", "Zürich, May 3 (SDA) —", "Swiss police"},
	}
	for _, tt := range tests {
		t.Run(tt.dateline, func(t *testing.T) {
			a := run(t, tt.text)
			d := a.Dateline
			if d == nil {
				t.Fatalf("no dateline; body %q", bodyText(a))
			}
			r := []rune(tt.text)
			if got := string(r[d.Start:d.End]); got != tt.dateline {
				t.Errorf("dateline text %q, want %q", got, tt.dateline)
			}
			if d.Place != tt.place || d.Agency != tt.agency {
				t.Errorf("place %q agency %q, want %q %q", d.Place, d.Agency, tt.place, tt.agency)
			}
			if !strings.HasPrefix(bodyText(a), tt.first) {
				t.Errorf("body starts %q, want %q", bodyText(a), tt.first)
			}
			if len(a.Sentences) == 0 || !strings.HasPrefix(sentences(a)[0], tt.first) {
				t.Errorf("first sentence %q, want it to start %q", sentences(a), tt.first)
			}
		})
	}
}

func TestHeadlineThenDateline(t *testing.T) {
	text := "Dock workers walk out.\n\nBy Jane Smith\n\nSETUBAL, Port., March 4 (AFP) — Dock workers at the port walked off the job. Police watched."
	a := run(t, text)
	d := a.Dateline
	if d == nil || d.Place != "Setubal, Port." || d.Agency != "AFP" {
		t.Fatalf("dateline %+v", d)
	}
	want := []string{"Dock workers walk out.", "Dock workers at the port walked off the job.", "Police watched."}
	if got := sentences(a); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// A first paragraph that is not a headline is left alone.
	a = run(t, "Dock workers walk out.\nSETUBAL, Port., March 4 (AFP) — Dock workers at the port walked off.")
	if a.Dateline != nil {
		t.Errorf("dateline %+v inside a paragraph", a.Dateline)
	}
}

func TestNoDateline(t *testing.T) {
	tests := []string{
		"Paris has condemned the attack on its embassy in Baghdad.",
		"Paris - which hosted the talks - said nothing.",
		"Hamas — which rules Gaza — rejected the proposal.",
		"Iran: Five things to know about the nuclear deal\n\nThe deal was signed in 2015.",
		"Trump: I will win the election easily.\n\nThe candidate spoke in Iowa.",
		"BREAKING: Iran fires missiles at US bases in Iraq.",
		"UPDATE 2-Iran says talks will resume on Monday.",
		"Iran, Russia sign defence pact - state media\n\nThe two countries signed a pact.",
		"U.S. officials said on Monday - in a statement - that talks had failed.",
		"PBS: Moderators Ignore Clinton Scandals Again\n\nThe debate was held on Tuesday.",
		"The Latest: Cruz to give away engraved shotgun.\n\nThe senator spoke on Monday.",
	}
	for _, text := range tests {
		t.Run(text[:12], func(t *testing.T) {
			a := run(t, text)
			if a.Dateline != nil {
				t.Errorf("dateline %+v found in %q", a.Dateline, text)
			}
			if a.Body.Start != 0 {
				t.Errorf("body starts at %d: %q", a.Body.Start, bodyText(a))
			}
		})
	}
}

func TestHeadersAndTrailers(t *testing.T) {
	story := "Iran said on Monday it would respond to the attack. Officials gave no details."
	long := strings.Repeat("The ministry said the talks had been constructive and would continue next week in Geneva. ", 8)
	tests := []struct {
		name, text, body string
	}{
		{"byline", "By Jane Smith\n\n" + story, story},
		{"two authors", "By Jane Smith and John Doe, Reuters\n" + story, story},
		{"byline caps", "BY JANE SMITH\n\n" + story, story},
		{"reporting by at top", "Reporting by Jane Smith; Editing by John Doe\n\n" + story, story},
		{"breadcrumbs", "Home > World > Middle East\n\n" + story, story},
		{"breadcrumbs and byline and time", "Home » News » World\nBy Jane Smith\nPublished: 24 July 2023 10:32 GMT\n\n" + story, story},
		{"updated ago", "Updated 3 hours ago\n" + story, story},
		{"date line", "July 24, 2023\n\n" + story, story},
		{"read more", story + "\n\nRead More: Iran warns Israel over strikes\nIsrael answers", story},
		{"read more lower", story + "\n\nRead more: Iran warns Israel", story},
		{"related", story + "\n\nRelated:\nIran warns Israel\nOil prices rise", story},
		{"related caps", story + "\n\nRELATED: Iran warns Israel", story},
		{"also read", story + "\nAlso read: Iran warns Israel", story},
		{"subscribe", story + "\n\nSubscribe to our daily newsletter for more news.", story},
		{"reporting by paragraph", story + "\n\n(Reporting by Jane Smith; Editing by John Doe)\nOur Standards: The Thomson Reuters Trust Principles.", story},
		{"reporting by inline", story + " (Reporting by Jane Smith; Editing by John Doe)", story},
		{"copyright", story + "\n\nCopyright 2023 Example News. All rights reserved.", story},
		{"by as a word", "By Monday, the army had withdrawn from the city, officials said.", "By Monday, the army had withdrawn from the city, officials said."},
		{"related as a word", story + "\n\nRelated talks were held in Oman.", story + "\n\nRelated talks were held in Oman."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := run(t, tt.text)
			if got := bodyText(a); got != tt.body {
				t.Errorf("body %q, want %q", got, tt.body)
			}
		})
	}

	// A promotion between paragraphs of running prose is left out, the
	// article after it kept.
	text := story + "\n\nRead more: Iran warns Israel\n\n" + long
	a := run(t, text)
	if !strings.HasSuffix(bodyText(a), strings.TrimSpace(long)) {
		t.Errorf("article after a mid-text promotion was cut: body ends %q", bodyText(a)[len(bodyText(a))-40:])
	}
	for _, s := range sentences(a) {
		if strings.Contains(s, "Read more") {
			t.Errorf("promotion line coded as a sentence: %q", s)
		}
	}
}

func TestSentenceSplitting(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"ranks", "Lt. Gen. Hossein Salami and Brig. Gen. Ali Fadavi met Maj. Gen. Bagheri. They discussed Col. Smith's report.",
			[]string{"Lt. Gen. Hossein Salami and Brig. Gen. Ali Fadavi met Maj. Gen. Bagheri.", "They discussed Col. Smith's report."}},
		{"titles", "Sgt. Lopez spoke to Dr. Amiri and Mr. Brown. Mrs. Brown was there. Gov. Newsom and Sen. Graham and Rep. Pelosi agreed. Pres. Obama and St. Peter were cited.",
			[]string{"Sgt. Lopez spoke to Dr. Amiri and Mr. Brown.", "Mrs. Brown was there.", "Gov. Newsom and Sen. Graham and Rep. Pelosi agreed.", "Pres. Obama and St. Peter were cited."}},
		{"acronyms", "The U.S. Treasury and the U.N. Security Council acted. The U.K. Foreign Office agreed. Talks were held in the U.S. Officials were hopeful.",
			[]string{"The U.S. Treasury and the U.N. Security Council acted.", "The U.K. Foreign Office agreed.", "Talks were held in the U.S.", "Officials were hopeful."}},
		{"acronym before lower case", "The U.S. and Iran met. The U.N. envoy left.",
			[]string{"The U.S. and Iran met.", "The U.N. envoy left."}},
		{"initials", "Former President George W. Bush spoke. J. R. R. Tolkien was quoted by John F. Kennedy Jr. on Monday.",
			[]string{"Former President George W. Bush spoke.", "J. R. R. Tolkien was quoted by John F. Kennedy Jr. on Monday."}},
		{"decimals", "Growth slowed to 3.5 percent in May. Inflation was 2.1 percent.",
			[]string{"Growth slowed to 3.5 percent in May.", "Inflation was 2.1 percent."}},
		{"dates", "The talks ended on Jan. 5 without a deal. They resume in Sept. 2024.",
			[]string{"The talks ended on Jan. 5 without a deal.", "They resume in Sept. 2024."}},
		{"quote spanning sentences", `"We will respond. The enemy will regret it," said Brig. Gen. Ali Fadavi. "This is not over."`,
			[]string{`"We will respond.`, `The enemy will regret it," said Brig. Gen. Ali Fadavi.`, `"This is not over."`}},
		{"curly quote keeps its mark", "He called it “a crime.” The ministry denied it.",
			[]string{"He called it “a crime.”", "The ministry denied it."}},
		{"straight quote keeps its mark", `He called it "a crime." The ministry denied it.`,
			[]string{`He called it "a crime."`, "The ministry denied it."}},
		{"exclamation then attribution", "“We will never surrender!” he shouted. The crowd cheered.",
			[]string{"“We will never surrender!” he shouted.", "The crowd cheered."}},
		{"single quotes", "He called it 'a crime.' The ministry denied it.",
			[]string{"He called it 'a crime.'", "The ministry denied it."}},
		{"closing quote after space", "He said: “We will win. ” Then he left.",
			[]string{"He said: “We will win. ”", "Then he left."}},
		{"blank line", "Talks began in Geneva\n\nThe delegates arrived on Monday.",
			[]string{"Talks began in Geneva", "The delegates arrived on Monday."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := run(t, tt.text)
			if got := sentences(a); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []int // paragraph of each sentence
		n          int   // number of sentences
	}{
		{"blank lines", "One sentence here. Another one.\n\nA new paragraph.\n\n\n\nAnd another.", []int{0, 0, 1, 2}, 4},
		{"single newlines between paragraphs", "Iran said it would respond.\nIsrael said nothing.\n“We are ready,” he said.", []int{0, 1, 2}, 3},
		{"heading", "Talks in Geneva\nThe delegates arrived on Monday and the talks began at once in the old palace.", []int{0, 1}, 2},
		{"hard wrapped", "The delegates arrived in Geneva on Monday and the talks\nbegan at once in the old palace of the League of Nations,\nofficials said. A second round is planned for June.", []int{0, 0}, 2},
		{"wrapped after title", "The talks were led by Lt. Gen.\nAli Fadavi of the navy.", []int{0}, 1},
		{"list", "The demands were:\n- a ceasefire\n- the release of prisoners", []int{0, 1, 2}, 3},
		{"windows line ends", "Iran said it would respond.\r\n\r\nIsrael said nothing.\r\nThe talks\r\ncontinue.", []int{0, 1, 2}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := run(t, tt.text)
			if len(a.Sentences) != tt.n {
				t.Fatalf("%d sentences %q, want %d", len(a.Sentences), sentences(a), tt.n)
			}
			var got []int
			for _, s := range a.Sentences {
				got = append(got, s.Paragraph)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs %v, want %v (%q)", got, tt.want, sentences(a))
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S. envoy met Lt. Gen. Smith.", []string{"The", "U.S.", "envoy", "met", "Lt.", "Gen.", "Smith", "."}},
		{"Iran's and Syria’s leaders met.", []string{"Iran", "'s", "and", "Syria", "’s", "leaders", "met", "."}},
		{"“We will respond,” he said — and left.", []string{"“", "We", "will", "respond", ",", "”", "he", "said", "—", "and", "left", "."}},
		{"Brig. Gen. Ali and Capt. Reza met in the Red Sea.", []string{"Brig.", "Gen.", "Ali", "and", "Capt.", "Reza", "met", "in", "the", "Red", "Sea", "."}},
		{"Prices rose 3.5 percent–the most since 2019--officials said.", []string{"Prices", "rose", "3.5", "percent", "–", "the", "most", "since", "2019", "--", "officials", "said", "."}},
		{"George W. Bush didn't go.", []string{"George", "W.", "Bush", "did", "n't", "go", "."}},
		{"He met Mr. Ali (the envoy) in Zürich’s old town.", []string{"He", "met", "Mr.", "Ali", "(", "the", "envoy", ")", "in", "Zürich", "’s", "old", "town", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			a := run(t, tt.text)
			if len(a.Sentences) != 1 {
				t.Fatalf("want one sentence, got %q", sentences(a))
			}
			if got := tokenTexts(a, 0); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if got := Tokenize(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize: got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTokenizePhrases(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Iran's U.S.-backed Brig. Gen.", []string{"Iran", "'s", "U.S.-backed", "Brig.", "Gen."}},
		{"Islamic Republic of Iran", []string{"Islamic", "Republic", "of", "Iran"}},
		{"U.S.", []string{"U.S."}},
		{"Al-Shabaab", []string{"Al-Shabaab"}},
		{"minister of defence", []string{"minister", "of", "defence"}},
		{"", []string{}},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTags(t *testing.T) {
	a := run(t, "“We will respond,” the minister said — and Iran’s army left.")
	want := map[string]string{"“": "``", "”": "''", "—": ":", "said": "VBD", "minister": "NN", "’s": "POS", "Iran": "NNP"}
	for _, tok := range a.Sentences[0].Tokens {
		if w, ok := want[tok.Text]; ok && tok.Tag != w {
			t.Errorf("%q tagged %s, want %s", tok.Text, tok.Tag, w)
		}
	}
}

func TestTagsOfCapitalisedSentence(t *testing.T) {
	a := run(t, "IRAN CONDEMNED THE ATTACK ON SYRIA.")
	want := map[string]string{"CONDEMNED": "VBD", "ATTACK": "NN", "ON": "IN"}
	for _, tok := range a.Sentences[0].Tokens {
		if w, ok := want[tok.Text]; ok && tok.Tag != w {
			t.Errorf("%q tagged %s, want %s", tok.Text, tok.Tag, w)
		}
	}
}

func TestOffsetsNonASCII(t *testing.T) {
	text := "ZÜRICH (Reuters) — Mohammad Javad Zarif (محمد جواد ظریف) met officials in Zürich’s old town. “Iran’s position is clear,” he said — then left.\n\nThe talks resume in Genève on Tuesday… officials said."
	a := run(t, text) // run checks byte/rune agreement for every token
	runes := []rune(text)
	seen := map[string]bool{}
	for _, s := range a.Sentences {
		for _, tok := range s.Tokens {
			if string(runes[tok.Start:tok.End]) != tok.Text {
				t.Errorf("token %q: runes[%d:%d] = %q", tok.Text, tok.Start, tok.End, string(runes[tok.Start:tok.End]))
			}
			if text[tok.ByteStart:tok.ByteEnd] != tok.Text {
				t.Errorf("token %q: bytes = %q", tok.Text, text[tok.ByteStart:tok.ByteEnd])
			}
			seen[tok.Text] = true
		}
	}
	for _, w := range []string{"محمد", "ظریف", "Zürich", "’s", "“", "”", "—", "Genève"} {
		if !seen[w] {
			t.Errorf("token %q missing", w)
		}
	}
	if a.Dateline == nil || a.Dateline.Place != "Zürich" {
		t.Errorf("dateline %+v, want Zürich", a.Dateline)
	}
}

func TestLemma(t *testing.T) {
	tests := []struct{ in, want string }{
		{"held", "hold"}, {"holds", "hold"}, {"holding", "hold"}, {"hold", "hold"},
		{"met", "meet"}, {"meets", "meet"}, {"meeting", "meet"},
		{"paid", "pay"}, {"pays", "pay"},
		{"children", "child"}, {"men", "man"}, {"women", "woman"},
		{"talks", "talk"}, {"visited", "visit"}, {"was", "be"}, {"were", "be"},
		{"said", "say"}, {"says", "say"}, {"went", "go"}, {"gone", "go"},
		{"fought", "fight"}, {"sought", "seek"}, {"struck", "strike"},
		{"spokesmen", "spokesman"}, {"gunmen", "gunman"}, {"crises", "crisi"},
		{"n't", "not"}, {"n’t", "not"}, {"’s", "'s"}, {"'s", "'s"},
		{",", ","}, {"3.5", "3.5"}, {"u.s.", "u.s."}, {"", ""}, {"a", "a"},
		{"off", "off"}, {"of", "of"}, // ("call off" is no "call of")
	}
	for _, tt := range tests {
		if got := Lemma(tt.in); got != tt.want {
			t.Errorf("Lemma(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Every irregular form shares its base's lemma.
	tb, err := loadTables()
	if err != nil {
		t.Fatal(err)
	}
	for form, base := range tb.irregular {
		if Lemma(form) != Lemma(base) {
			t.Errorf("Lemma(%q) = %q but Lemma(%q) = %q", form, Lemma(form), base, Lemma(base))
		}
	}
	if len(tb.irregular) < 300 {
		t.Errorf("only %d irregular forms", len(tb.irregular))
	}
}

func TestLemmaAllocations(t *testing.T) {
	words := []string{"held", "talks", "minister", "visited", "the"}
	for _, w := range words {
		Lemma(w) // warm the cache
	}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			Lemma(w)
		}
	})
	if allocs != 0 {
		t.Errorf("Lemma allocates %.1f times per call on cached words", allocs/float64(len(words)))
	}
}

func TestTokenizeMatchesAnalyze(t *testing.T) {
	raw, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := run(t, string(raw))
	for i, s := range a.Sentences {
		text := a.Doc.Text[s.ByteStart:s.ByteEnd]
		if got, want := Tokenize(text), tokenTexts(a, i); !reflect.DeepEqual(got, want) {
			t.Errorf("Tokenize(%q) = %q, Analyze gave %q", text, got, want)
		}
	}
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name, text string
		want       error
	}{
		{"empty", "", ErrEmpty},
		{"white space", " \n\t\u00a0\r\n ", ErrEmpty},
		{"invalid UTF-8", "Iran said \xff\xfe on Monday.", ErrInvalidUTF8},
		{"NUL bytes", "ab\x00\x00\x00cd\x00\x00ef\x00\x00", ErrBinary},
		{"control characters", strings.Repeat("\x01\x02\x03 text ", 20), ErrBinary},
		{"replacement characters", strings.Repeat("\ufffd\ufffd word ", 20), ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &dyad.Analysis{Doc: dyad.Doc{Text: tt.text}}
			err := Analyze(a)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Analyze: %v, want %v", err, tt.want)
			}
			if tt.want == ErrEmpty && !strings.Contains(err.Error(), "empty document") {
				t.Errorf("error %q does not say empty document", err)
			}
			if a.Sentences != nil || a.Dateline != nil || a.Body != (dyad.Span{}) {
				t.Errorf("analysis changed on error: %+v", a)
			}
		})
	}
	// A few stray characters are not binary.
	run(t, "Iran said\x0c on Monday \ufffd it would respond.")
	if err := Analyze(nil); err == nil {
		t.Error("Analyze(nil) returned no error")
	}
}

func TestDataFiles(t *testing.T) {
	tb, err := loadTables()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Lt.", "Gen.", "Brig.", "Maj.", "Col.", "Sgt.", "Dr.", "Mr.", "Mrs.", "Gov.", "Sen.", "Rep.", "Pres.", "St."} {
		if tb.abbrevs[w] != kindTitle {
			t.Errorf("%q is not a title", w)
		}
	}
	if !tb.agencies["SANA"] || !tb.notPlace["BREAKING"] || !tb.follows["Treasury"] {
		t.Error("dateline or follower lists incomplete")
	}
}

func TestConcurrent(t *testing.T) {
	raw, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := run(t, string(raw))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				a := &dyad.Analysis{Doc: dyad.Doc{Text: string(raw)}}
				if err := Analyze(a); err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(a.Sentences, want.Sentences) || !reflect.DeepEqual(a.Dateline, want.Dateline) {
					errs <- errors.New("concurrent analysis differs")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestNewsSample(t *testing.T) {
	raw, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := run(t, string(raw))
	if a.Dateline == nil || a.Dateline.Place != "Tehran" || a.Dateline.Agency != "Reuters" {
		t.Errorf("dateline %+v", a.Dateline)
	}
	got := sentences(a)
	if len(got) != 37 {
		t.Errorf("%d sentences, want 37", len(got))
	}
	for _, s := range got {
		for _, bad := range []string{"Brig.", "Gen.", "Lt.", "Mr.", "Dr.", "Sen.", "Rep.", "Gov.", "W.", "Col.", "Sgt."} {
			if strings.HasSuffix(s, " "+bad) {
				t.Errorf("sentence ends with %q: %q", bad, s)
			}
		}
	}
}

func TestLargeAndPathologicalInputs(t *testing.T) {
	prose := "The ministry said the talks had been constructive and would continue next week in Geneva with both delegations present. "
	tests := map[string]string{
		"one long line":       strings.Repeat("word ", 200000),
		"many titles":         strings.Repeat("Mr. ", 50000) + "Smith left.",
		"many trailer lines":  strings.Repeat("Related:\n", 20000) + strings.Repeat(prose, 5),
		"many short lines":    strings.Repeat("Iran\n", 50000),
		"many blank lines":    "Start." + strings.Repeat("\n\n", 100000) + "End.",
		"many dashes":         strings.Repeat("—", 100000),
		"many quotes":         strings.Repeat("\" ", 50000),
		"dateline-like lines": strings.Repeat("By Jane Smith. BOSTON (Reuters) -\n", 5000) + prose,
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			run(t, text)
		})
	}
}

func TestDatelineWithTwoPlaces(t *testing.T) {
	a := &dyad.Analysis{Doc: dyad.Doc{Text: "CARACAS/WASHINGTON, Oct 18 (Reuters) - The United States lifted sanctions."}}
	if err := Analyze(a); err != nil {
		t.Fatal(err)
	}
	if a.Dateline == nil || a.Dateline.Agency != "Reuters" || !strings.HasPrefix(a.Dateline.Place, "Caracas") {
		t.Fatalf("dateline = %+v", a.Dateline)
	}
}

func TestDatelineCommaBeforeAgency(t *testing.T) {
	a := &dyad.Analysis{Doc: dyad.Doc{Text: "BAGHDAD, (INA) -- The Iraqi security forces arrested five men."}}
	if err := Analyze(a); err != nil {
		t.Fatal(err)
	}
	if a.Dateline == nil || a.Dateline.Place != "Baghdad" || a.Dateline.Agency != "INA" {
		t.Fatalf("dateline = %+v", a.Dateline)
	}
}

func TestTokenizeBraces(t *testing.T) {
	got := strings.Join(Tokenize("{France is ready.} «Iran»"), " ")
	if got != "{ France is ready . } « Iran »" {
		t.Fatalf("Tokenize = %q", got)
	}
}

func TestAcronymsOfFunctionWords(t *testing.T) {
	a := &dyad.Analysis{Doc: dyad.Doc{ID: "t", Text: "IS fighters attacked the town. WHO experts arrived."}}
	if err := Analyze(a); err != nil {
		t.Fatal(err)
	}
	toks := a.Sentences[0].Tokens
	if toks[0].Tag != "NNP" || toks[2].Tag != "VBD" {
		t.Errorf("IS fighters attacked: %s %s %s", toks[0].Tag, toks[1].Tag, toks[2].Tag)
	}
	if toks := a.Sentences[1].Tokens; toks[0].Tag != "NNP" || toks[0].Text != "WHO" {
		t.Errorf("WHO experts: %s/%s", toks[0].Text, toks[0].Tag)
	}
}
