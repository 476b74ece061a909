package perceptron

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// proseTagger returns prose's own tagger, the reference.
func proseTagger(tb testing.TB) *tag.Tagger {
	tb.Helper()
	p, err := tag.New()
	if err != nil {
		tb.Fatalf("prose tagger: %v", err)
	}
	return p
}

// ourTagger returns the tagger under test.
func ourTagger(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return t
}

// compare tags every sentence with both taggers and fails on the first few
// sentences where they disagree. It returns the number of tokens compared.
func compare(t *testing.T, name string, sents [][]string) int {
	t.Helper()
	p, ours := proseTagger(t), ourTagger(t)
	var tokens, bad int
	for _, words := range sents {
		want := p.Tag(words)
		got := make([]string, len(words))
		ours.Tag(words, got)
		tokens += len(words)
		for i := range words {
			if got[i] != want[i].Tag {
				bad++
				if bad <= 10 {
					t.Errorf("%s: word %d %q of %q: got %q, prose %q",
						name, i, words[i], words, got[i], want[i].Tag)
				}
				break
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d sentences differ", name, bad, len(sents))
	} else {
		t.Logf("%s: %d sentences, %d tokens, all tags identical to prose's", name, len(sents), tokens)
	}
	return tokens
}

func TestMatchesProse(t *testing.T) {
	sets := []struct {
		name  string
		sents func(testing.TB) [][]string
	}{
		{"generated", func(tb testing.TB) [][]string { return genSentences(tb, 4000, 1) }},
		{"repository text", repoSentences},
		{"prose's sherlock.txt", sherlockSentences},
		{"shared gold text", goldSentences},
	}
	total := 0
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			sents := set.sents(t)
			if len(sents) == 0 {
				t.Skip("no sentences")
			}
			total += compare(t, set.name, sents)
		})
	}
	t.Logf("%d tokens compared in all", total)
}

func TestMatchesProseOddWords(t *testing.T) {
	// Every odd word, alone and between ordinary words at each position, so
	// that each one is seen as the word, its neighbours and the previous tags.
	var sents [][]string
	for _, w := range append(append([]string{}, oddWords...), emoticons...) {
		sents = append(sents,
			[]string{w},
			[]string{w, w},
			[]string{"The", w, "said", "."},
			[]string{"he", "saw", w},
			[]string{w, "of", "the", "talks", w, "in", "Tehran", w},
		)
	}
	compare(t, "odd words", sents)
}

func FuzzMatchesProse(f *testing.F) {
	for _, s := range []string{
		"The minister met his counterpart on Monday .",
		"Iran 's 2023 state-run -LRB- talks -RRB- *T*-1 0 @x :-) -",
		"ÉCOLE straße \xff İstanbul",
		"",
	} {
		f.Add(s)
	}
	p := proseTagger(f)
	ours := ourTagger(f)
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		want := p.Tag(words)
		got := make([]string, len(words))
		ours.Tag(words, got)
		for i := range words {
			if got[i] != want[i].Tag {
				t.Fatalf("word %d %q of %q: got %q, prose %q", i, words[i], words, got[i], want[i].Tag)
			}
		}
	})
}

func TestEmoticons(t *testing.T) {
	p := proseTagger(t)
	seen := map[string]bool{}
	for _, e := range emoticons {
		if seen[e] {
			t.Errorf("%q listed twice", e)
		}
		seen[e] = true
		// Between words, so that only the special case can give SYM.
		if got := p.Tag([]string{"the", e, "the"})[1].Tag; got != "SYM" {
			t.Errorf("prose tags %q %q, want SYM: it is not one of prose's emoticons", e, got)
		}
	}
}

func TestIsTrace(t *testing.T) {
	// An independent statement of the Penn Treebank empty-element shapes.
	oracle := regexp.MustCompile(`^(0|\*|\*[A-Za-z0-9_?]\*|\*-[0-9]{1,3}|\*[A-Z]+\*-[0-9]{1,3})$`)
	cases := []string{
		"", "0", "00", "*", "**", "***", "*-", "*-1", "*-12", "*-123", "*-1234", "*-a", "*a*", "*?*",
		"*_*", "*-*", "*ab*", "*T*", "*T*-", "*T*-1", "*T*-1234", "*EXP*-12", "*Exp*-1", "*T*1",
		"x*T*-1", "*T*-1x", "* ", "*\n", "0\n", "*é*",
	}
	for _, c := range cases {
		if got, want := isTrace(c), oracle.MatchString(c); got != want {
			t.Errorf("isTrace(%q) = %v, want %v", c, got, want)
		}
	}
	for _, c := range oddWords {
		if got, want := isTrace(c), oracle.MatchString(c); got != want {
			t.Errorf("isTrace(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestIsBracket(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"-LRB-", true}, {"-RCB-", true}, {"-NON-", true}, {"-lrb-", false}, {"-LR-", false},
		{"-LRBB-", false}, {"LRB--", false}, {"-L1B-", false}, {"", false}, {"-", false},
	}
	for _, c := range cases {
		if got := isBracket(c.in); got != c.want {
			t.Errorf("isBracket(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestAppendLower(t *testing.T) {
	cases := []string{
		"", "abc", "ABC", "Zürich", "ÉCOLE", "İstanbul", "ΣΊΣΥΦΟΣ", "\u023a\u023a", "\xff\xfe",
		"a\x80b", "ABC\xc3", "\xc3\xa9", "\xe2\x82", "\uFFFD", "Ǆ", "ǅ", "\u212a", "ＡＢＣ", "日本",
	}
	for _, c := range cases {
		if got, want := string(appendLower(nil, c)), strings.ToLower(c); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", c, got, want)
		}
		if got, want := needsLower(c), strings.ToLower(c) != c || strings.ContainsFunc(c, func(r rune) bool { return r >= 0x80 }); got != want {
			t.Errorf("needsLower(%q) = %v, want %v", c, got, want)
		}
	}
}

func FuzzAppendLower(f *testing.F) {
	f.Add("ÉCOLE\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestShortTags(t *testing.T) {
	tg := ourTagger(t)
	words := []string{"The", "talks", "ended", "."}
	full := make([]string, len(words))
	tg.Tag(words, full)
	short := make([]string, 2)
	tg.Tag(words, short)
	if short[0] != full[0] || short[1] != full[1] {
		t.Errorf("short tags %q, want %q", short, full[:2])
	}
	tg.Tag(words, nil) // must not panic
	tg.Tag(nil, nil)
}

func TestNoAllocs(t *testing.T) {
	tg := ourTagger(t)
	words := []string{"ZÜRICH", "'s", "state-run", "Iran", "talks", "in", "2023", "@x", "-LRB-", "\xffÉ", "."}
	tags := make([]string, len(words))
	tg.Tag(words, tags) // warm the pool
	if n := testing.AllocsPerRun(100, func() { tg.Tag(words, tags) }); n != 0 {
		t.Errorf("Tag allocates %v times per call, want 0", n)
	}
}

func TestConcurrent(t *testing.T) {
	sents := genSentences(t, 400, 7)
	tg := ourTagger(t)
	want := make([][]string, len(sents))
	for i, w := range sents {
		want[i] = make([]string, len(w))
		tg.Tag(w, want[i])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := range sents {
				k := (i + g*53) % len(sents)
				got := make([]string, len(sents[k]))
				tg.Tag(sents[k], got)
				if fmt.Sprint(got) != fmt.Sprint(want[k]) {
					errs <- fmt.Sprintf("goroutine %d, sentence %d: %q, want %q", g, k, got, want[k])
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNewIsShared(t *testing.T) {
	a, b := ourTagger(t), ourTagger(t)
	if a != b {
		t.Error("New decoded the model twice")
	}
}

func TestDecodeRejectsBadModels(t *testing.T) {
	good := aptagmodel.English
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"wrong magic", []byte("NOTATAGGER")},
		{"wrong version", append([]byte("PROSETAG"), 9, 0, 0, 0)},
		{"header only", good[:20]},
		{"truncated weights", good[:len(good)/2]},
		{"no tag map", good[:len(good)-100]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := decode(c.data); err == nil {
				t.Error("decode succeeded")
			}
		})
	}
}

// TestLoadCost reports what decoding the model costs, and fails only if it
// is far out of bounds (timings on a shared machine are noisy).
func TestLoadCost(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	m, err := decode(aptagmodel.English)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(m)
	t.Logf("decode: %v, live heap %.1f MB (%d features, %d keys, %d weights, %d tags)",
		took, float64(heap)/(1<<20), m.nFeatures, len(m.index), len(m.pairs), m.numTags)
	if heap > 50<<20 {
		t.Errorf("model takes %d bytes of heap, want under 50 MB", heap)
	}
	if took > time.Second {
		t.Errorf("decode took %v, want well under 100 ms", took)
	}
}
