package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/text"
)

func word(alts ...string) Elem { return Elem{Kind: ElemWord, Alts: alts} }

func lemmas(ws ...string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = text.Lemma(w)
	}
	return out
}

func TestNativeVerbSyntax(t *testing.T) {
	tests := []struct {
		name, src string
		want      VerbPattern // Rule is not compared
	}{
		{"plain", "042: pay visit to +",
			VerbPattern{Code: "042", Text: "pay visit to +", Literals: 3,
				Elems: []Elem{word(lemmas("pay")...), word(lemmas("visit")...), word("to"), {Kind: ElemTarget}}}},
		{"leading slot dropped without @", "043: + host",
			VerbPattern{Code: "043", Text: "+ host", Literals: 1, Elems: []Elem{word(lemmas("host")...)}}},
		{"anchor marks pre-anchor words", "111: failed to @accuse +",
			VerbPattern{Code: "111", Text: "failed to @accuse +", Literals: 3,
				Pre:   []Elem{word(lemmas("failed")...), word("to")},
				Elems: []Elem{word(lemmas("accuse")...), {Kind: ElemTarget}}}},
		{"anchor first", "040: @meet +",
			VerbPattern{Code: "040", Text: "@meet +", Literals: 1,
				Elems: []Elem{word(lemmas("meet")...), {Kind: ElemTarget}}}},
		{"slots kept before the anchor", "040: $ (=then) @=met % ^ *",
			VerbPattern{Code: "040", Text: "$ (=then) @=met % ^ *", Literals: 1,
				Pre:   []Elem{{Kind: ElemSource}, {Kind: ElemWord, Alts: []string{"then"}, Exact: true, Optional: true}},
				Elems: []Elem{{Kind: ElemWord, Alts: []string{"met"}, Exact: true}, {Kind: ElemCompound}, {Kind: ElemSkipNP}, {Kind: ElemGap}}}},
		{"verbatim key", "036: ~propos/talk peace",
			VerbPattern{Code: "036", Text: "~propos/talk peace", Literals: 2,
				Elems: []Elem{word("propos", text.Lemma("talk")), word(lemmas("peace")...)}}},
		{"dual code", "032: visit + ; code2=033",
			VerbPattern{Code: "032", Code2: "033", Text: "visit +", Literals: 1,
				Elems: []Elem{word(lemmas("visit")...), {Kind: ElemTarget}}}},
		{"foreign codes", "1010: abandon effort ; neg=abc ; code2=--- ; foreign",
			VerbPattern{Code: "1010", Neg: "abc", Code2: "---", Foreign: true, Text: "abandon effort", Literals: 2,
				Elems: []Elem{word(lemmas("abandon")...), word(lemmas("effort")...)}}},
		{"text option", "075A: in @accord * ; foreign ; text=- IN_* [075A]",
			VerbPattern{Code: "075A", Foreign: true, Text: "- IN_* [075A]", Literals: 2,
				Pre: []Elem{word("in")}, Elems: []Elem{word(lemmas("accord")...), {Kind: ElemGap}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New()
			if errs := l.AddVerbs("v.txt", tt.src); len(errs) > 0 {
				t.Fatal(errs)
			}
			if len(l.Patterns) != 1 {
				t.Fatalf("%d patterns", len(l.Patterns))
			}
			got := l.Patterns[0]
			if d := diffPattern(&tt.want, got); d != "" {
				t.Errorf("%s differs:\n got %+v\nwant %+v", d, *got, tt.want)
			}
			if got.Rule != "v.txt:1" {
				t.Errorf("rule %q", got.Rule)
			}
			if len(l.Anchors(got.Elems[0].Alts[0])) != 1 {
				t.Errorf("pattern not indexed under its anchor %q", got.Elems[0].Alts[0])
			}
		})
	}
}

func TestNativeActorSyntax(t *testing.T) {
	tests := []struct {
		name, src string
		want      []ActorEntry // Rule is not compared
	}{
		{"full agent", "agent GOVFRM: foreign minister ; full ; noplural",
			[]ActorEntry{{Kind: KindAgent, Code: "GOVFRM", Phrase: "foreign minister", Keys: []string{"foreign", "minister"},
				Words: []string{"foreign", "minister"}, Name: "foreign minister", Full: true}}},
		{"prefix agent with any code", "agent NGOX: aid worker ; prefix",
			[]ActorEntry{
				{Kind: KindAgent, Code: "NGOX", Phrase: "aid worker", Keys: []string{"aid", "worker"}, Words: []string{"aid", "worker"}, Name: "aid worker", Prefix: true},
				{Kind: KindAgent, Code: "NGOX", Phrase: "aid worker", Keys: []string{"aid", "workers"}, Words: []string{"aid", "worker"}, Name: "aid worker", Prefix: true}}},
		{"explicit plural", "agent GOV: attorney general ; plural=attorneys general, attorney generals",
			[]ActorEntry{
				{Kind: KindAgent, Code: "GOV", Phrase: "attorney general", Keys: []string{"attorney", "general"}, Words: []string{"attorney", "general"}, Name: "attorney general"},
				{Kind: KindAgent, Code: "GOV", Phrase: "attorney general", Keys: []string{"attorneys", "general"}, Words: []string{"attorneys", "general"}, Name: "attorney general"},
				{Kind: KindAgent, Code: "GOV", Phrase: "attorney general", Keys: []string{"attorney", "generals"}, Words: []string{"attorney", "generals"}, Name: "attorney general"}}},
		{"stem and name", "actor FRD: Freedon | Fredonian ; stem ; name=Freedonia ; from=1990-01-01",
			[]ActorEntry{
				{Kind: KindActor, Code: "FRD", Phrase: "Freedon", Keys: []string{"freedon"}, Words: []string{"Freedon"}, Name: "Freedonia", Stem: true, From: "1990-01-01"},
				{Kind: KindActor, Code: "FRD", Phrase: "Fredonian", Keys: []string{"fredonian"}, Words: []string{"Fredonian"}, Name: "Freedonia", Stem: true, From: "1990-01-01"}}},
		{"words between", "actor MVL: Duke ... Marsh Vale | Duke … Vale",
			[]ActorEntry{
				{Kind: KindActor, Code: "MVL", Phrase: "Duke ... Marsh Vale", Keys: []string{"duke", "marsh", "vale"}, Words: []string{"Duke", "Marsh", "Vale"}, Name: "Duke ... Marsh Vale", Gaps: []int{1}},
				{Kind: KindActor, Code: "MVL", Phrase: "Duke … Vale", Keys: []string{"duke", "vale"}, Words: []string{"Duke", "Vale"}, Name: "Duke ... Marsh Vale", Gaps: []int{1}}}},
		{"a marker at an end is a word", "actor XYZ: wait ...",
			[]ActorEntry{{Kind: KindActor, Code: "XYZ", Phrase: "wait ...", Keys: []string{"wait", ".", ".", "."}, Words: []string{"wait", ".", ".", "."}, Name: "wait ..."}}},
		{"discard sentence", "discard-sentence -: cup final",
			[]ActorEntry{{Kind: KindDiscardSentence, Code: "-", Phrase: "cup final", Keys: []string{"cup", "final"}, Words: []string{"cup", "final"}, Name: "cup final"}}},
		{"discard story", "discard-story -: Sylvanian league ; case",
			[]ActorEntry{{Kind: KindDiscardStory, Code: "-", Phrase: "Sylvanian league", Keys: []string{"sylvanian", "league"}, Words: []string{"Sylvanian", "league"}, Name: "Sylvanian league", Case: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New()
			if errs := l.AddActors("a.txt", tt.src); len(errs) > 0 {
				t.Fatal(errs)
			}
			if len(l.Actors) != len(tt.want) {
				t.Fatalf("%d entries, want %d: %+v", len(l.Actors), len(tt.want), l.Actors)
			}
			for i := range tt.want {
				if d := diffActor(&tt.want[i], l.Actors[i]); d != "" {
					t.Errorf("entry %d: %s differs:\n got %+v\nwant %+v", i, d, *l.Actors[i], tt.want[i])
				}
			}
		})
	}
}

func TestNativeDiscardsAreNotNames(t *testing.T) {
	l := New()
	if errs := l.AddActors("d.txt", "discard-sentence -: cup final\ndiscard-story -: football league\ndiscard -: Dead Sea"); len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(l.Actors) != 3 {
		t.Fatalf("%d entries, want 3", len(l.Actors))
	}
	for _, s := range []string{"cup final", "football league"} {
		if e, _ := l.MatchName(toks(s), 0, ""); e != nil {
			t.Errorf("%q matches as a name: %+v", s, *e)
		}
	}
	if e, _ := l.MatchName(toks("Dead Sea"), 0, ""); e == nil || e.Kind != KindDiscard {
		t.Errorf("the own discard kind no longer blocks names: %v", e)
	}
}

func TestNativeSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, dir, src, want string
	}{
		{"two anchors", "verbs", "040: @meet @with +", "more than one '@'"},
		{"optional anchor", "verbs", "040: say @(meet) +", "required word"},
		{"slot anchor", "verbs", "040: meet @+", "required word"},
		{"foreign code without the option", "verbs", "1010: abandon", "not a CAMEO code"},
		{"bad code2", "verbs", "032: visit + ; code2=999", "code2="},
		{"empty text", "verbs", "042: visit + ; text=", "empty text"},
		{"stray tilde", "verbs", "042: vi~sit +", "unexpected character"},
		{"full on an actor", "actors", "actor FRD: Freedonia ; full", "agents only"},
		{"odd agent without full", "actors", "agent GOVX: minister", "3-letter sectors"},
		{"plural on two phrases", "actors", "agent GOV: envoy | emissary ; plural=envoys", "one phrase"},
		{"empty plural form", "actors", "agent GOV: envoy ; plural=envoys, ", "empty form"},
		{"empty name", "actors", "actor FRD: Freedonia ; name=", "empty name"},
		{"unknown kind", "actors", "discard-page -: cup final", "want 'KIND CODE:'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New()
			var errs []string
			if tt.dir == "verbs" {
				errs = l.AddVerbs("t.txt", tt.src)
			} else {
				errs = l.AddActors("t.txt", tt.src)
			}
			if len(errs) != 1 || !strings.Contains(errs[0], tt.want) || !strings.Contains(errs[0], "t.txt:1") {
				t.Fatalf("errors = %v, want one containing %q and the line", errs, tt.want)
			}
		})
	}
}

// everyConstruct builds, as an importer would, a lexicon with every
// construct the native format must carry.
func everyConstruct() *Lexicon {
	l := New()
	actor := func(rule string, e ActorEntry) {
		e.Rule = rule
		e.Keys, e.Words, e.Gaps = phraseKeys(e.Phrase)
		if e.Name == "" {
			e.Name = e.Phrase
		}
		l.addActor(&e)
	}
	// plural adds a plural form: with the words of the phrase, as the
	// native parser makes its automatic plurals, or (importer style) with
	// the words of the form
	plural := func(rule string, e ActorEntry, ownWords bool, words ...string) {
		e.Rule = rule
		_, e.Words = keysFor(e.Phrase)
		e.Keys, _ = keysFor(strings.Join(words, " "))
		if ownWords {
			e.Words = words
		}
		if e.Name == "" {
			e.Name = e.Phrase
		}
		l.addActor(&e)
	}
	src := "/dicts/Fictional.actors.txt:"
	actor(src+"3", ActorEntry{Kind: KindCountry, Code: "FRD", Phrase: "Freedonia"})
	actor(src+"4", ActorEntry{Kind: KindCountry, Code: "FRD", Phrase: "Fredonia", Name: "Freedonia"})
	actor(src+"5", ActorEntry{Kind: KindActor, Code: "FRD", Phrase: "FREEDON", Stem: true, Name: "Freedonia"})
	actor(src+"7", ActorEntry{Kind: KindPerson, Code: "FRDGOV", Phrase: "Rufus Firefly", From: "1933-01-01", To: "1933-12-31", Type: "PERSON"})
	actor(src+"7", ActorEntry{Kind: KindPerson, Code: "FRDGOV", Phrase: "Firefly", From: "1933-01-01", To: "1933-12-31", Type: "PERSON", Name: "Rufus Firefly"})
	actor(src+"8", ActorEntry{Kind: KindPerson, Code: "FRDELI", Phrase: "Rufus Firefly", From: "1934-01-01", Type: "PERSON"})
	actor(src+"9", ActorEntry{Kind: KindCapital, Code: "SYL", Phrase: "Sylvania City", Case: true})
	actor(src+"10", ActorEntry{Kind: KindActor, Code: "MVL", Phrase: "Duke ... Marsh Vale", Name: "Duke of Marsh Vale"})
	ag := "/dicts/Fictional.agents.txt:"
	e := ActorEntry{Kind: KindAgent, Code: "GOVFRM", Phrase: "foreign minister", Full: true}
	actor(ag+"2", e)
	plural(ag+"2", e, false, "foreign", "ministers")
	actor(ag+"3", ActorEntry{Kind: KindAgent, Code: "NGO", Phrase: "aid group", Prefix: true}) // no plural: "{}"
	e = ActorEntry{Kind: KindAgent, Code: "GOV", Phrase: "attorney general", Full: true}
	actor(ag+"4", e)
	plural(ag+"4", e, true, "attorneys", "general")
	actor(ag+"6", ActorEntry{Kind: KindAgent, Code: "MIL", Phrase: "Sergeant", Case: true})
	plural(ag+"6", ActorEntry{Kind: KindAgent, Code: "MIL", Phrase: "Sergeant", Case: true, Name: "Sergeant"}, true, "Sergeants")
	actor(ag+"5", ActorEntry{Kind: KindAgent, Code: "REBX", Phrase: "irregular", Full: true})
	// words between two words of a phrase, on its plural forms too
	e = ActorEntry{Kind: KindAgent, Code: "GOVMED", Phrase: "state ... broadcaster", Full: true, Name: "state broadcaster"}
	actor(ag+"7", e)
	e.Keys, e.Words, e.Gaps = []string{"state", "broadcasters"}, []string{"state", "broadcasters"}, []int{1}
	e.Rule = ag + "7"
	l.addActor(&e)
	ds := "/dicts/Fictional.discards.txt:"
	actor(ds+"1", ActorEntry{Kind: KindDiscardSentence, Code: "-", Phrase: "cup final"})
	actor(ds+"2", ActorEntry{Kind: KindDiscardStory, Code: "-", Phrase: "football league"})

	vb := "/dicts/Fictional.verbs.txt:"
	pat := func(rule string, p VerbPattern) {
		p.Rule = rule
		for _, es := range [][]Elem{p.Pre, p.Elems} {
			for _, el := range es {
				if el.Kind == ElemWord && !el.Optional {
					p.Literals++
				}
			}
		}
		l.addPattern(&p)
	}
	pat(vb+"10", VerbPattern{Code: "042", Text: "visit +", Elems: []Elem{word(lemmas("visit")...), {Kind: ElemTarget}}})
	pat(vb+"11", VerbPattern{Code: "111", Foreign: true, Text: "- FAILED_TO_* [111]",
		Pre: []Elem{word(lemmas("failed")...), {Kind: ElemWord, Alts: []string{"to"}, Exact: true}}, Elems: []Elem{word(lemmas("accuse")...)}})
	pat(vb+"12", VerbPattern{Code: "032", Code2: "033", Text: "- % * HOST [032:033]",
		Elems: []Elem{word(lemmas("host")...), {Kind: ElemCompound}}})
	pat(vb+"13", VerbPattern{Code: "1010", Neg: "abc", Foreign: true, Text: "- * ^ EFFORT [1010]",
		Elems: []Elem{word("abandon"), {Kind: ElemSkipNP}, {Kind: ElemGap}, {Kind: ElemWord, Alts: []string{"effort", "attempt"}, Optional: true}}})
	// lemma keys the lemmatiser would change again ("propos" → "propo")
	pat(vb+"14", VerbPattern{Code: "abc", Foreign: true, Text: "- $ * PROPOSAL [abc]",
		Pre: []Elem{{Kind: ElemSource}, {Kind: ElemGap}}, Elems: []Elem{word("propos", "ceas")}})
	pat(vb+"15", VerbPattern{Code: "---", Foreign: true, Text: "- * GRUMBLE [---]",
		Elems: []Elem{word(lemmas("grumble")...)}})
	// characters of the syntax inside codes, words and texts
	pat(vb+"16", VerbPattern{Code: "###", Neg: "a;b", Foreign: true, Text: "LAUNCH_{ F/A-18 | C# } [###] ; note",
		Elems: []Elem{word(lemmas("launch")...), {Kind: ElemWord, Alts: []string{"f/a-18", "c#", `a`, "x|y", "(z)", "~q", "=r", "@s"}, Exact: true}}})
	actor(ds+"3", ActorEntry{Kind: KindDiscardSentence, Code: "#x:y", Phrase: "Mr. A | B; C #1"})
	return l
}

func TestWriteNativeRoundTrip(t *testing.T) {
	for name, build := range map[string]func() (*Lexicon, error){
		"every construct": func() (*Lexicon, error) { return everyConstruct(), nil },
		"own":             Default,
	} {
		t.Run(name, func(t *testing.T) {
			l, err := build()
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if err := l.WriteNative(dir); err != nil {
				t.Fatal(err)
			}
			back, err := Load(os.DirFS(dir))
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Actors) != len(l.Actors) || len(back.Patterns) != len(l.Patterns) {
				t.Fatalf("read back %d actors, %d patterns; wrote %d, %d",
					len(back.Actors), len(back.Patterns), len(l.Actors), len(l.Patterns))
			}
			// Entries come back in order (each source file keeps its order,
			// files in order of first appearance).
			for i, e := range l.Actors {
				if d := diffActor(e, back.Actors[i]); d != "" {
					t.Errorf("actor %d (%s): %s differs:\n got %+v\nwant %+v", i, e.Rule, d, *back.Actors[i], *e)
				}
			}
			for i, p := range l.Patterns {
				if d := diffPattern(p, back.Patterns[i]); d != "" {
					t.Errorf("pattern %d (%s): %s differs:\n got %+v\nwant %+v", i, p.Rule, d, *back.Patterns[i], *p)
				}
			}
			// Writing again gives the same bytes.
			dir2 := t.TempDir()
			if err := l.WriteNative(dir2); err != nil {
				t.Fatal(err)
			}
			if a, b := readTree(t, dir), readTree(t, dir2); a != b {
				t.Errorf("second write differs from the first")
			}
		})
	}
}

func TestWriteNativeFiles(t *testing.T) {
	dir := t.TempDir()
	if err := everyConstruct().WriteNative(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"actors/01_Fictional.actors.txt", "actors/02_Fictional.agents.txt",
		"actors/03_Fictional.discards.txt", "verbs/01_Fictional.verbs.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "from /dicts/Fictional.") {
			t.Errorf("%s: header does not name the source:\n%s", f, b)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "verbs/01_Fictional.verbs.txt"))
	for _, want := range []string{
		"111: fail =to @accus ; foreign ; text=- FAILED_TO_* [111]  # 11",
		"032: host % ; code2=033 ; text=- % * HOST [032:033]",
		"abc: $ * @~propos/~ceas ; foreign",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("verbs file lacks %q:\n%s", want, b)
		}
	}
	b, _ = os.ReadFile(filepath.Join(dir, "actors/02_Fictional.agents.txt"))
	for _, want := range []string{
		"agent NGO: aid group ; prefix ; noplural",
		"agent GOV: attorney general ; full ; plural=attorneys general",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("agents file lacks %q:\n%s", want, b)
		}
	}
}

func TestWriteNativeNotNative(t *testing.T) {
	l := everyConstruct()
	bad := []struct {
		entry any
		want  string
	}{
		{&ActorEntry{Kind: KindActor, Code: "FRD", Phrase: "Freedonia | Sylvania", Keys: []string{"freedonia"}, Words: []string{"Freedonia"}, Name: "x", Rule: "x.txt:1"}, "x.txt:1"},
		{&ActorEntry{Kind: KindActor, Code: "FRD", Phrase: "Freedonia", Keys: []string{"fredonia"}, Words: []string{"Freedonia"}, Name: "Freedonia", Rule: "x.txt:2"}, "x.txt:2: keys"},
		{&VerbPattern{Code: "1010", Text: "abandon", Elems: []Elem{word("abandon")}, Literals: 1, Rule: "y.txt:3"}, "y.txt:3"},
		{&VerbPattern{Code: "042", Text: "visit", Elems: []Elem{word("visit")}, Literals: 5, Rule: "y.txt:4"}, "y.txt:4"},
		{&VerbPattern{Code: "042", Elems: []Elem{{Kind: ElemGap}}, Rule: "y.txt:5"}, "y.txt:5: the anchor"},
	}
	for _, b := range bad {
		switch e := b.entry.(type) {
		case *ActorEntry:
			l.addActor(e)
		case *VerbPattern:
			l.addPattern(e)
		}
	}
	dir := t.TempDir()
	err := l.WriteNative(dir)
	var nn *NotNativeError
	if !errors.As(err, &nn) {
		t.Fatalf("error %v, want a *NotNativeError", err)
	}
	if len(nn.Entries) != len(bad) {
		t.Errorf("%d entries left out, want %d:\n%s", len(nn.Entries), len(bad), strings.Join(nn.Entries, "\n"))
	}
	for i, b := range bad {
		if i < len(nn.Entries) && !strings.HasPrefix(nn.Entries[i], b.want) {
			t.Errorf("left out %q, want it to start with %q", nn.Entries[i], b.want)
		}
	}
	// the rest is written and loads
	back, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if want := everyConstruct(); len(back.Actors) != len(want.Actors) || len(back.Patterns) != len(want.Patterns) {
		t.Errorf("read back %d actors, %d patterns; want %d, %d", len(back.Actors), len(back.Patterns), len(want.Actors), len(want.Patterns))
	}
}

// readTree returns every file under dir, names and contents, as one string.
func readTree(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		c, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, n)
		b.WriteString("== " + rel + "\n" + string(c))
	}
	return b.String()
}
