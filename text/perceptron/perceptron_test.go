package perceptron

import (
	"encoding/binary"
	"fmt"
	"math"
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

// TestEveryPathMatchesProse runs the scorer's other paths over the same
// sentences: the exact path alone (which the fast path falls back to on near
// ties, so rarely that the main test may never reach it), and the paths for
// models too big for packs or tag masks.
func TestEveryPathMatchesProse(t *testing.T) {
	base := ourTagger(t).m
	variants := []struct {
		name  string
		tweak func(m *model)
	}{
		{"exact path only", func(m *model) { m.margin = math.Inf(1) }},
		{"without packs", func(m *model) { m.packed = false }},
		{"without tag masks", func(m *model) { m.tagMasks = false }},
	}
	sents := append(genSentences(t, 1500, 11), repoSentences(t)...)
	p := proseTagger(t)
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			m := *base
			v.tweak(&m)
			tg := newTagger(&m)
			bad := 0
			for _, words := range sents {
				want := p.Tag(words)
				got := make([]string, len(words))
				tg.Tag(words, got)
				for i := range words {
					if got[i] != want[i].Tag {
						if bad++; bad <= 5 {
							t.Errorf("word %d %q of %q: got %q, prose %q", i, words[i], words, got[i], want[i].Tag)
						}
						break
					}
				}
			}
		})
	}
}

// TestFastPathAlone measures how often the fast path's own argmax, taken
// without the margin check, would differ from prose: the check is what makes
// the tagger exact, and this shows how much work it has.
func TestFastPathAlone(t *testing.T) {
	m := *ourTagger(t).m
	m.margin = -1 // accept every fast answer, ties included
	tg := newTagger(&m)
	p := proseTagger(t)
	var tokens, diff int
	for _, words := range append(genSentences(t, 1500, 13), repoSentences(t)...) {
		want := p.Tag(words)
		got := make([]string, len(words))
		tg.Tag(words, got)
		for i := range words {
			tokens++
			if got[i] != want[i].Tag {
				diff++
			}
		}
	}
	t.Logf("without the margin check, %d of %d tags differ from prose's", diff, tokens)
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
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
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

// testFeature is one feature of a hand-made model: its string, and its
// weights by class number.
type testFeature struct {
	s  string
	ws map[uint8]float32
}

// encodeModel writes a model in prose's flat format, for decode's tests.
// Features are written in the order given, so a test can write them out of
// order.
func encodeModel(classes []string, feats []testFeature, tagMap map[string]uint8) []byte {
	var out []byte
	u32 := func(v int) { out = binary.LittleEndian.AppendUint32(out, uint32(v)) }
	str16 := func(s string) {
		out = binary.LittleEndian.AppendUint16(out, uint16(len(s)))
		out = append(out, s...)
	}
	out = append(out, "PROSETAG"...)
	u32(1)
	u32(len(classes))
	for _, c := range classes {
		str16(c)
	}
	var blob []byte
	featOff, pairOff := []int{0}, []int{0}
	var ids []uint8
	var ws []float32
	for _, f := range feats {
		blob = append(blob, f.s...)
		featOff = append(featOff, len(blob))
		for c := range 256 {
			if w, ok := f.ws[uint8(c)]; ok {
				ids = append(ids, uint8(c))
				ws = append(ws, w)
			}
		}
		pairOff = append(pairOff, len(ws))
	}
	u32(len(feats))
	u32(len(ws))
	u32(len(blob))
	out = append(out, blob...)
	for _, v := range featOff {
		u32(v)
	}
	for _, v := range pairOff {
		u32(v)
	}
	out = append(out, ids...)
	for _, w := range ws {
		u32(int(math.Float32bits(w)))
	}
	u32(len(tagMap))
	for w, c := range tagMap {
		str16(w)
		out = append(out, c)
	}
	return out
}

func TestDecodeSmallModel(t *testing.T) {
	classes := []string{"NN", "VB", "DT"}
	feats := []testFeature{
		{"bias", map[uint8]float32{0: 1}},
		{"i pref1 r", map[uint8]float32{1: 0.5}},
		{"i suffix un", map[uint8]float32{1: 2}},
		{"i word run", map[uint8]float32{1: 1}},
		{"i-1 tag DT", map[uint8]float32{0: 3}},
		{"i-1 tag+i word DT run", map[uint8]float32{0: 1, 1: -1}},
	}
	m, err := decode(encodeModel(classes, feats, map[string]uint8{"the": 2}))
	if err != nil {
		t.Fatal(err)
	}
	tg := newTagger(m)
	cases := []struct {
		words []string
		want  []string
	}{
		{[]string{"run"}, []string{"VB"}},              // 1 vs 0.5+2+1
		{[]string{"the", "run"}, []string{"DT", "NN"}}, // 1+3+1 vs 0.5+2+1-1
		{[]string{"-", "@x", "*T*-1", "-LRB-", ":-)"}, []string{"-", "NN", "-NONE-", "-LRB-", "SYM"}},
		{[]string{""}, []string{"NN"}},
	}
	for _, c := range cases {
		got := make([]string, len(c.words))
		tg.Tag(c.words, got)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("Tag(%q) = %q, want %q", c.words, got, c.want)
		}
	}
}

func TestDecodeRejectsMalformedModels(t *testing.T) {
	classes := []string{"NN", "VB"}
	ok := []testFeature{{"bias", map[uint8]float32{0: 1}}, {"i word a", map[uint8]float32{1: 1}}}
	cases := []struct {
		name    string
		classes []string
		feats   []testFeature
		tagMap  map[string]uint8
	}{
		{"duplicate class", []string{"NN", "NN"}, ok, nil},
		{"features out of order", classes, []testFeature{ok[1], ok[0]}, nil},
		{"duplicate feature", classes, []testFeature{ok[0], ok[0]}, nil},
		{"weight class out of range", classes, []testFeature{{"bias", map[uint8]float32{7: 1}}}, nil},
		{"tag map class out of range", classes, ok, map[string]uint8{"a": 9}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := decode(encodeModel(c.classes, c.feats, c.tagMap)); err == nil {
				t.Error("decode succeeded")
			}
		})
	}
	if _, err := decode(encodeModel(classes, ok, nil)); err != nil {
		t.Errorf("the well-formed variant fails: %v", err)
	}
}

// FuzzDecode feeds decode damaged models: it must fail cleanly or give a
// tagger that tags without panicking.
func FuzzDecode(f *testing.F) {
	small := encodeModel([]string{"NN", "VB"}, []testFeature{
		{"bias", map[uint8]float32{0: 1}},
		{"i tag+i-2 tag NN VB", map[uint8]float32{1: 1}},
		{"i word a", map[uint8]float32{1: 1}},
	}, map[string]uint8{"the": 0})
	f.Add(small)
	f.Add(small[:len(small)-3])
	f.Add(aptagmodel.English[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decode(data)
		if err != nil {
			return
		}
		tags := make([]string, 4)
		newTagger(m).Tag([]string{"a", "the", "Run", ""}, tags)
	})
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
