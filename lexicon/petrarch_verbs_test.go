package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/text"
)

// pvRender writes a pattern compactly: "CODE[:CODE2] L<literals>"
// then Pre, the anchor in brackets and the other elements; words are their
// alternatives joined by "|", a gap is "..", slots are + $ % ^.
func pvRender(p *VerbPattern) string {
	code := p.Code
	if p.Code2 != "" {
		code += ":" + p.Code2
	}
	parts := []string{fmt.Sprintf("%s L%d", code, p.Literals)}
	for _, e := range p.Pre {
		parts = append(parts, pvRenderElem(e))
	}
	for i, e := range p.Elems {
		s := pvRenderElem(e)
		if i == 0 {
			if e.Exact {
				s = strings.Join(pvExactAsLemmas(e.Alts, true), "|")
			}
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func pvRenderElem(e Elem) string {
	switch e.Kind {
	case ElemWord:
		if e.Exact {
			return strings.Join(pvExactAsLemmas(e.Alts, false), "|")
		}
		return strings.Join(e.Alts, "|")
	case ElemGap:
		return ".."
	}
	return string(rune(e.Kind))
}

// pvExactAsLemmas renders the exact forms of a PETRARCH word as the
// fixtures write them: forms generated from an earlier alternative (regular
// verb forms, plurals) are left out and the rest lemmatised, so that the
// fixtures compare what a word is, and pvExactTests what it matches. For
// an anchor, a listed form whose lemma is new is shown as written.
func pvExactAsLemmas(alts []string, anchor bool) []string {
	var out, lems []string
	for i, a := range alts {
		gen := false
		for _, b := range alts[:i] {
			if pvContains(pvRegularForms(b), a) || pvPlural(b) == a {
				gen = true
				break
			}
		}
		l := text.Lemma(a)
		if gen || pvContains(lems, l) {
			continue
		}
		lems = append(lems, l)
		base := false // a verb of the block, followed by its regular forms
		for _, f := range pvRegularForms(a) {
			base = base || pvContains(alts, f)
		}
		if anchor && i > 0 && !base {
			out = append(out, a)
		} else {
			out = append(out, l)
		}
	}
	return out
}

// pvLemmatize rewrites a wanted rendering so that tests can be written with
// plain words: each word alternative becomes its lemma, except one marked
// "=" (a verb form kept as written).
func pvLemmatize(want string) string {
	f := strings.Fields(want)
	for i, tok := range f {
		if i < 2 || tok == ".." || len(tok) == 1 && strings.ContainsAny(tok, "+$%^") {
			continue // code, literals, gaps and slots
		}
		lb, rb := "", ""
		if strings.HasPrefix(tok, "[") && strings.HasSuffix(tok, "]") {
			lb, rb, tok = "[", "]", tok[1:len(tok)-1]
		}
		alts := strings.Split(tok, "|")
		for j, a := range alts {
			if strings.HasPrefix(a, "=") {
				alts[j] = a[1:]
			} else {
				alts[j] = text.Lemma(a)
			}
		}
		f[i] = lb + strings.Join(alts, "|") + rb
	}
	return strings.Join(f, " ")
}

// pvLoadFixture reads a fixture dictionary into a fresh lexicon.
func pvLoadFixture(t *testing.T, path string) (*Lexicon, *Report) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, r := New(), &Report{}
	l.AddPETRARCHVerbs(path, string(b), r)
	return l, r
}

// pvLineOf returns the number of the first line of path containing s, or,
// when s ends with a newline, the first line that is s (spaces trimmed).
func pvLineOf(t *testing.T, path, s string) int {
	t.Helper()
	whole := strings.HasSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\n")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if !whole && strings.Contains(sc.Text(), s) || whole && strings.TrimSpace(sc.Text()) == s {
			return n
		}
	}
	t.Fatalf("%s: no line pvContains %q", path, s)
	return 0
}

const (
	petr1Fixture  = "testdata/petrarch/Test.verbs.txt"
	petr2Fixture  = "testdata/petrarch/Test2.CAMEO.txt"
	tabariFixture = "testdata/tabari/Test.verbs"
)

func TestPETRARCHVerbsFixtures(t *testing.T) {
	tests := []struct {
		name, file string
		line       string // a substring of the dictionary line, or the line and "\n"
		want       []string
	}{
		// PETRARCH-1 layout
		{"bare verb, block code", petr1Fixture, "FEAST\n", []string{"051 L1 [feast]"}},
		{"verb forms already covered by the lemma", petr1Fixture, "DINE {DINED", []string{"051 L1 [dine]"}},
		{"verb with its own code", petr1Fixture, "NIBBLE [052]", []string{"052 L1 [nibble]"}},
		{"phrasal verb with forms", petr1Fixture, "+WOLF_DOWN", []string{"051 L2 [wolf] down"}},
		{"nested synset, one- and multi-word members", petr1Fixture, "- * &SNACK [053]", []string{
			"053 L2 [feast|dine|nibble] .. apple|pear|cheese",
			"053 L3 [feast|dine|nibble] .. green grape",
			"053 L3 [feast|dine|nibble] .. salted .. nuts",
			"053 L3 [wolf] down .. apple|pear|cheese",
			"053 L4 [wolf] down .. green grape",
			"053 L4 [wolf] down .. salted .. nuts",
		}},
		{"pre-verb words joined to the verb", petr1Fixture, "REFUSED_TO_*", []string{
			"125 L3 refused to [feast|dine|nibble]",
			"125 L4 refused to [wolf] down",
		}},
		{"pre-verb word, gaps, target, dual code", petr1Fixture, "SAID * WITH +", []string{
			"054:055 L3 said .. [feast|dine|nibble] .. with .. +",
			"054:055 L4 said .. [wolf] down .. with .. +",
		}},
		{"source joined to a word", petr1Fixture, "BESIDE_$", []string{
			"056 L2 [feast|dine|nibble] .. beside $",
			"056 L3 [wolf] down .. beside $",
		}},
		{"compound before the verb", petr1Fixture, "% * TOGETHER", []string{
			"057 L2 % .. [feast|dine|nibble] .. together",
			"057 L3 % .. [wolf] down .. together",
		}},
		{"skipped noun phrase", petr1Fixture, "* ^ WITH +", []string{
			"058 L2 [feast|dine|nibble] .. ^ .. with .. +",
			"058 L3 [wolf] down .. ^ .. with .. +",
		}},
		{"[---] block: bare verb blocked, irregular form kept", petr1Fixture, "SIP {SIPPED", []string{"--- L1 [sip|=supped]"}},
		{"synset joined to the next word", petr1Fixture, "&FRUIT_JUICE", []string{
			"062 L3 [sip|=supped] .. apple|pear juice",
			"062 L4 [sip|=supped] .. green grape juice",
		}},
		{"open match WORD_ before the verb", petr1Fixture, "QUIETLY_ *", []string{"063 L2 quietly .. [sip|=supped]"}},
		{"[---] pattern, trailing _ dropped", petr1Fixture, "* UP_ [---]", []string{"--- L2 [sip|=supped] .. up"}},
		{"verb word marked inside a phrase", petr1Fixture, "WIRE_+TAP", []string{"070 L2 wire [tap]"}},
		{"two verb shapes, inline comment, prep group, synset of synset", petr1Fixture, "- * + PHONE", []string{
			"071 L5 wire [tap] .. + .. phone .. near .. apple|pear",
			"071 L6 wire [tap] .. + .. phone .. near .. supper time",
			"071 L6 wire [tap] .. + .. phone .. near .. green grape",
			"071 L4 [gulp] .. + .. phone .. near .. apple|pear",
			"071 L5 [gulp] .. + .. phone .. near .. supper time",
			"071 L5 [gulp] .. + .. phone .. near .. green grape",
		}},

		// PETRARCH-2 layout
		{"multi-verb block, bare verb [---]", petr2Fixture, "WANDER\n", []string{"--- L1 [wander]"}},
		{"phrasal verb", petr2Fixture, "+SET_OUT", []string{"--- L2 [set] out"}},
		{"prep phrase with a noun phrase", petr2Fixture, "(TO {DISTANT HARBOUR})", []string{
			"032 L4 [roam|wander|drift] .. to .. distant .. harbour",
			"032 L5 [set] out .. to .. distant .. harbour",
		}},
		{"A/B alternatives and a synset, dual code", petr2Fixture, "(BY/WITH &VEHICLE)", []string{
			"033:034 L3 [roam|wander|drift] .. by|with .. bicycle|canoe",
			"033:034 L5 [roam|wander|drift] .. by|with .. hot air balloon",
			"033:034 L4 [set] out .. by|with .. bicycle|canoe",
			"033:034 L6 [set] out .. by|with .. hot air balloon",
		}},
		{"noun phrase before the verb", petr2Fixture, "{LONELY PILGRIM} *", []string{
			"035 L3 lonely .. pilgrim .. [roam|wander|drift]",
			"035 L4 lonely .. pilgrim .. [set] out",
		}},
		{"[:code]: only the second direction", petr2Fixture, "(BEFORE DAWN)", []string{
			"---:036 L3 [roam|wander|drift] .. before .. dawn",
			"---:036 L4 [set] out .. before .. dawn",
		}},
		{"slots inside a prep phrase", petr2Fixture, "* $ (AGAINST +)", []string{
			"037 L2 [roam|wander|drift] .. $ .. against .. +",
			"037 L3 [set] out .. $ .. against .. +",
		}},
		{"dual block code on a bare verb", petr2Fixture, "HAIL {", []string{"042:041 L1 [hail]"}},
		{"own code over a dual block code", petr2Fixture, "SALUTE [043]", []string{"043 L1 [salute]"}},
		{"block verbs with different codes share the pattern", petr2Fixture, "{WARM WORDS}", []string{
			"044 L4 [greet|salute|hail] .. with .. warm .. words",
		}},

		// TABARI layout
		{"verb line opens a block", tabariFixture, "PAINT  [141]", []string{"141 L1 [paint]"}},
		{"{ a | b } list joined to a word", tabariFixture, "{ TEAL | PALE_GREY }_WALLS", []string{
			"142 L3 [paint] .. teal wall|=walls", // a stem: also the word itself
			"142 L4 [paint] .. pale grey wall|=walls",
		}},
		{"exact word", tabariFixture, "* FENCE_", []string{"143 L2 [paint] .. fence"}},
		{"synset member using a synset, in <SYNSETS>", tabariFixture, "* &SHADE", []string{
			"144 L2 [paint] .. whitewash",
			"144 L3 [paint] .. crimson paint",
			"144 L4 [paint] .. pale blue paint",
		}},
		{"patterns belong to the verb above only", tabariFixture, "NEVER_*", []string{"145 L2 never [paint|=painted]"}},
		{"forms line, a form of another shape", tabariFixture, "SKETCH_ [146:147]", []string{
			"146:147 L1 [sketch|=sketchen]", // a complete verb: its regular endings
			"146:147 L2 [sketch|=sketched] out",
		}},
		{"pattern on both shapes", tabariFixture, "+ * QUICKLY", []string{
			"148 L2 + .. [sketch|=sketchen] .. quick|=quickly",
			"148 L3 + .. [sketch|=sketched] out .. quick|=quickly",
		}},
		{"stem and foreign code", tabariFixture, "DECORAT", []string{"### L1 [=decorat|decorate]"}},
		{"verb words with a space", tabariFixture, "DRAW BLANK", []string{"150 L2 [draw] .. blank"}},
	}
	loaded := map[string]*Lexicon{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := loaded[tc.file]
			if l == nil {
				l, _ = pvLoadFixture(t, tc.file)
				loaded[tc.file] = l
			}
			rule := fmt.Sprintf("%s:%d", tc.file, pvLineOf(t, tc.file, tc.line))
			var got []string
			for _, p := range l.Patterns {
				if p.Rule == rule {
					got = append(got, pvRender(p))
				}
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, pvLemmatize(w))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s:\ngot\n\t%s\nwant\n\t%s", rule, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

func TestPETRARCHVerbsSkipped(t *testing.T) {
	tests := []struct {
		file string
		want [][2]string // a substring of the line, the reason
	}{
		{petr1Fixture, [][2]string{
			{"&NOSUCH", "pattern: undefined synset &NOSUCH"},
			{"WITHOUT CODE", "pattern without a [code]"},
			{"NO VERB HERE", "pattern needs one '*' for the verb, has 0"},
			{"*_TWICE", "pattern needs one '*' for the verb, has 2"},
			{"&DISH AND &DISH", "synset expansion capped at 64 patterns"},
			{"SLURP*", `verb: unexpected "SLURP*"`},
			{"GULPING+", `verb form "GULPING+": unexpected "GULPING+"`},
		}},
		{petr2Fixture, [][2]string{
			{"~ a (_ b GREET) ROAM", "PETRARCH-2 verb transformation: ROAM has no code"},
		}},
		{tabariFixture, [][2]string{
			{"<TIME>", "<TIME> block not imported (2 lines)"},
			{"&NOSUCH", "pattern: undefined synset &NOSUCH"},
		}},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			_, r := pvLoadFixture(t, tc.file)
			var want []string
			for _, w := range tc.want {
				want = append(want, fmt.Sprintf("%s:%d: %s", tc.file, pvLineOf(t, tc.file, w[0]), w[1]))
			}
			got := append([]string(nil), r.Skipped...)
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("skipped:\ngot\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

// TestPETRARCHVerbsInvariants checks what every imported pattern must
// satisfy, on the fixtures.
func TestPETRARCHVerbsInvariants(t *testing.T) {
	for _, file := range []string{petr1Fixture, petr2Fixture, tabariFixture} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			l, r := pvLoadFixture(t, file)
			if r.Patterns != len(l.Patterns) || r.Patterns == 0 {
				t.Fatalf("Report.Patterns = %d, lexicon has %d", r.Patterns, len(l.Patterns))
			}
			for _, p := range l.Patterns {
				if !p.Foreign || p.Code == "" || p.Text == "" || !strings.HasPrefix(p.Rule, file+":") {
					t.Errorf("%s %q: Foreign=%v Code=%q Text=%q", p.Rule, p.Text, p.Foreign, p.Code, p.Text)
				}
				if len(p.Elems) == 0 || p.Elems[0].Kind != ElemWord || len(p.Elems[0].Alts) == 0 {
					t.Fatalf("%s: no anchor: %s", p.Rule, pvRender(p))
				}
				if cap(p.Elems) != len(p.Elems) || cap(p.Pre) != len(p.Pre) {
					t.Errorf("%s: element slices with spare capacity could be shared by appends", p.Rule)
				}
				if n := pvCountWords(p.Pre) + pvCountWords(p.Elems); n != p.Literals {
					t.Errorf("%s: Literals = %d, has %d words", p.Rule, p.Literals, n)
				}
				for _, a := range p.Elems[0].Alts {
					found := false
					for _, q := range l.Anchors(a) {
						found = found || q == p
					}
					if !found {
						t.Errorf("%s: not indexed under %q", p.Rule, a)
					}
				}
				for _, es := range [][]Elem{p.Pre, p.Elems} {
					for i, e := range es {
						if e.Kind == ElemGap && i > 0 && es[i-1].Kind == ElemGap {
							t.Errorf("%s: two gaps in a row: %s", p.Rule, pvRender(p))
						}
					}
				}
			}
		})
	}
}

// TestPETRARCHVerbsSource covers the syntax on small inline dictionaries.
func TestPETRARCHVerbsSource(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // every pattern, in order
		skipped   []string // reasons, in order
	}{
		{"multi-line XML comment and # comment",
			"<!-- a comment\n--- NOT A BLOCK [999] ---\n-->\n--- HUM [010] --- # hum\nHUM # a verb\n- * TUNE [011] # tune\n",
			[]string{"010 L1 [hum]", "011 L2 [hum] .. tune"}, nil},
		{"# inside a code is not a comment",
			"FROWN [###] ;TABARI comment\n",
			[]string{"### L1 [frown]"}, nil},
		{"header without a code means [---]",
			"--- SHRUG ---\nSHRUG\n",
			[]string{"--- L1 [shrug]"}, nil},
		{"synset defined after its use",
			"--- WAVE [020] ---\nWAVE\n- * &FLAG [021]\n&FLAG\n+BANNER\n+PENNANT\n",
			[]string{"020 L1 [wave]", "021 L2 [wave] .. banner|pennant"}, nil},
		{"synset containing itself",
			"--- NOD [030] ---\nNOD\n- * &LOOP [031]\n&LOOP\n+&LOOP\n",
			[]string{"030 L1 [nod]"},
			[]string{"5: synset &LOOP member: synset &LOOP pvContains itself", "3: pattern: synset &LOOP has no usable member"}},
		{"pattern before any verb",
			"- * NOWHERE [040]\nWINK [041]\n",
			[]string{"041 L1 [wink]"},
			[]string{"1: pattern outside a verb block"}},
		{"contraction split by the tokenizer",
			"--- BLINK [050] ---\nBLINK\n- DON'T * [051]\n",
			[]string{"050 L1 [blink]", "051 L3 do n't .. [blink]"}, nil},
		{"unclosed list and bad code",
			"SNEEZE [060]\n- * { A | B [061]\n- * LOUDLY [06 1]\n",
			[]string{"060 L1 [sneeze]"},
			[]string{"2: pattern: unclosed '{'", `3: pattern: bad code "06 1"`}},
		{"unclosed tag block and unknown tag",
			"<bad tag>\nYAWN [070]\n<NOTES>\nYAWN [071]\n",
			[]string{"070 L1 [yawn]"},
			[]string{"1: unrecognised tag line", "3: <NOTES> block not imported (1 lines, not closed)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, r := New(), &Report{}
			l.AddPETRARCHVerbs("x", tc.src, r)
			var got, want []string
			for _, p := range l.Patterns {
				got = append(got, pvRender(p))
			}
			for _, w := range tc.want {
				want = append(want, pvLemmatize(w))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("patterns:\ngot\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
			var skipped []string
			for _, s := range tc.skipped {
				skipped = append(skipped, "x:"+s)
			}
			if strings.Join(r.Skipped, "\n") != strings.Join(skipped, "\n") {
				t.Errorf("skipped:\ngot\n\t%s\nwant\n\t%s", strings.Join(r.Skipped, "\n\t"), strings.Join(skipped, "\n\t"))
			}
		})
	}
}

// TestPETRARCHVerbsSharedFiles loads the real PETRARCH verb dictionaries
// when the shared data is present, and logs counts, skipped lines by
// reason and the parse time.
func TestPETRARCHVerbsSharedFiles(t *testing.T) {
	dir := "/work/shared/gold/events/dicts"
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		t.Skip("shared PETRARCH/TABARI dictionaries not present (" + dir + ")")
	}
	text.Lemma("warm") // load the lemmatizer's tables outside the timing
	text.Tokenize("warm up")
	var total time.Duration
	for _, f := range []string{
		"petrarch2/CAMEO.2.0.txt",
		"petrarch2/CAMEO.verbpatterns.150430.txt",
		"petrarch2/PETR.Validate.verbs.txt",
		"tabari/TABARI.Demo.verbs",
	} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Logf("%s: %v", f, err)
			continue
		}
		l, r := New(), &Report{}
		start := time.Now()
		l.AddPETRARCHVerbs(f, string(b), r)
		el := time.Since(start)
		if strings.HasPrefix(f, "petrarch2/CAMEO.") {
			total += el
		}
		if r.Patterns == 0 || r.Patterns != len(l.Patterns) {
			t.Errorf("%s: %d patterns reported, %d in the lexicon", f, r.Patterns, len(l.Patterns))
		}
		reasons := map[string]int{}
		for _, s := range r.Skipped {
			_, reason, _ := strings.Cut(strings.TrimPrefix(s, f+":"), ": ")
			if i := strings.IndexAny(reason, `"&`); i > 0 {
				reason = reason[:i] + "…"
			}
			reasons[reason]++
		}
		var rs []string
		for k, n := range reasons {
			rs = append(rs, fmt.Sprintf("%d× %s", n, k))
		}
		sort.Strings(rs)
		t.Logf("%s: %d patterns, %d skipped, %v", f, r.Patterns, len(r.Skipped), el.Round(time.Millisecond))
		for _, s := range rs {
			t.Logf("    %s", s)
		}
	}
	t.Logf("CAMEO.2.0.txt + CAMEO.verbpatterns.150430.txt: %v", total.Round(time.Millisecond))
}

// TestPETRARCHVerbsExactForms checks what PETRARCH-layout words match:
// complete lower-case forms (regular forms generated for a verb without
// "{...}", only the listed ones with it), synset plurals, a "," between
// listed forms, and a repeated pattern replacing the earlier one.
func TestPETRARCHVerbsExactForms(t *testing.T) {
	raw := func(p *VerbPattern) string {
		var parts []string
		for _, e := range append(append([]Elem(nil), p.Pre...), p.Elems...) {
			switch {
			case e.Kind == ElemWord && e.Exact:
				parts = append(parts, "="+strings.Join(e.Alts, "|"))
			case e.Kind == ElemWord:
				parts = append(parts, strings.Join(e.Alts, "|"))
			case e.Kind == ElemGap:
				parts = append(parts, "..")
			default:
				parts = append(parts, string(rune(e.Kind)))
			}
		}
		return p.Code + " " + strings.Join(parts, " ")
	}
	tests := []struct {
		name, src string
		want      []string
		skipped   []string
	}{
		{"regular forms of a verb without {...}",
			"--- PLOD [010] ---\nPLOD\nTIDY\nHUSH\nSHAPE\n",
			[]string{
				"010 =plod|plods|ploded|ploding|plodded|plodding",
				"010 =tidy|tidies|tidys|tidied|tidyed|tidying",
				"010 =hush|hushes|hushed|hushing",
				"010 =shape|shapes|shaped|shaping",
			}, nil},
		{"listed forms only, a ',' between them ignored",
			"--- DRAW [020] ---\n+IS_DRAWN {+WAS_DRAWN , +ARE_DRAWN} [021]\nDRAW {DREW DRAWN}\n",
			[]string{"021 =is|was|are =drawn", "020 =draw|drew|drawn"}, nil},
		{"pattern words are exact, synset members get plurals",
			"&BERRY\n+CURRANT\n+GOOSEBERRY\n+ROWAN_\n+WILD_PLUM\n--- PICK [030] ---\nPICK {PICKED}\n- * OFF [031]\n- * &BERRY [032]\n",
			[]string{
				"030 =pick|picked",
				"031 =pick|picked .. =off",
				"032 =pick|picked .. =currant|currants|gooseberry|gooseberries|rowan",
				"032 =pick|picked .. =wild =plum",
			}, nil},
		{"a repeated pattern replaces the earlier one",
			"--- SEAL [040] ---\nSEAL {SEALED}\n- * PACT [041:041]\n- * VOW [042]\n- *  PACT   [043]\n",
			[]string{"040 =seal|sealed", "042 =seal|sealed .. =vow", "043 =seal|sealed .. =pact"},
			[]string{"5: pattern replaces the same pattern at x:3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, r := New(), &Report{}
			l.AddPETRARCHVerbs("x", tc.src, r)
			var got []string
			for _, p := range l.Patterns {
				got = append(got, raw(p))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("patterns:\ngot\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			var skipped []string
			for _, s := range tc.skipped {
				skipped = append(skipped, "x:"+s)
			}
			if strings.Join(r.Skipped, "\n") != strings.Join(skipped, "\n") {
				t.Errorf("skipped:\ngot\n\t%s\nwant\n\t%s", strings.Join(r.Skipped, "\n\t"), strings.Join(skipped, "\n\t"))
			}
		})
	}
}

func TestTabariVerbEndings(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"wander", []string{"wander", "wanders", "wanderes", "wandered", "wanderen", "wandering"}},
		{"amble", []string{"amble", "ambles", "amblees", "ambleed", "ambleen", "ambleing", "ambled", "ambling"}},
		{"f/a", []string{"f/a"}},
	}
	for _, tc := range tests {
		if got := tabariVerbEndings(tc.word); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tabariVerbEndings(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestPETRARCH2Transformations(t *testing.T) {
	l, _ := pvLoadFixture(t, petr2Fixture)
	if len(l.Transforms) != 1 {
		t.Fatalf("transforms = %+v, want the one whose verbs have codes", l.Transforms)
	}
	got := *l.Transforms[0]
	want := Transform{Outer: "010", Inner: "042", OuterVar: "a", InnerSrc: "b", InnerTgt: ".", ResSrc: "a", ResTgt: "b", Code: "043",
		Text: "~ a (b . GREET) SAY = a b 043", Rule: fmt.Sprintf("%s:%d", petr2Fixture, pvLineOf(t, petr2Fixture, "~ a (b . GREET)"))}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	for _, tc := range []struct {
		verb, code string
		want       bool
	}{{"190", "190", true}, {"190", "193", true}, {"190", "180", false}, {"193", "190", false}, {"Q", "051", true}, {"010", "012", true}} {
		if c := got.Covers(tc.verb, tc.code); c != tc.want {
			t.Errorf("Covers(%s, %s) = %v", tc.verb, tc.code, c)
		}
	}
}

func TestTreePlurals(t *testing.T) {
	for w, want := range map[string]string{"assurance": "assurances", "box": "boxes", "embassy": "embassies", "day": "days", "talks": "", "un": ""} {
		if got := regularPlural(w); got != want {
			t.Errorf("regularPlural(%q) = %q, want %q", w, got, want)
		}
	}
	p := &VerbPattern{Elems: []Elem{{Kind: ElemWord, Alts: []string{"receive"}, Exact: true}, {Kind: ElemGap}, {Kind: ElemWord, Alts: []string{"assurance"}, Exact: true}}}
	shared := p.Elems[2].Alts
	treePlurals(p, map[string][]string{})
	if got := p.Elems[2].Alts; !slices.Equal(got, []string{"assurance", "assurances"}) {
		t.Errorf("noun alts = %q", got)
	}
	if got := p.Elems[0].Alts; !slices.Equal(got, []string{"receive"}) {
		t.Errorf("the verb takes no plural: %q", got)
	}
	if len(shared) != 1 {
		t.Errorf("the alternatives the pattern shared were changed: %q", shared)
	}
}
