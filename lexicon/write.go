package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/text"
)

// NotNativeError lists the entries WriteNative could not express in the
// native format; everything else was written.
type NotNativeError struct {
	// Entries has one line per entry left out: "RULE: reason".
	Entries []string
}

// Error summarises the entries left out (the first 20 of them).
func (e *NotNativeError) Error() string {
	list := e.Entries
	more := ""
	if len(list) > 20 {
		more = fmt.Sprintf("\n  ... and %d more", len(list)-20)
		list = list[:20]
	}
	return fmt.Sprintf("lexicon: %d entries cannot be written in the native format:\n  %s%s",
		len(e.Entries), strings.Join(list, "\n  "), more)
}

// WriteNative writes l's entries as native dictionary files (the format of
// docs/DICTIONARIES.md) that Load reads back into the same entries, Rule
// aside: actors to dir/actors/NN_NAME.txt and verb patterns to
// dir/verbs/NN_NAME.txt, one file per source file named by the entries'
// Rule, numbered in the order the sources first appear so that Load reads
// them in that order. Entries keep their order within a file (it settles
// ties between equal matches). Each file starts with a comment naming its
// source, and each line ends with a comment giving the source line.
//
// Files of the same names are overwritten; other files in dir are left
// alone (and would be loaded with these). Entries the format cannot
// express (a phrase with '|', ';' or '#', keys that are not the tokens of
// the phrase, a non-CAMEO code on a pattern not marked Foreign, ...) are
// left out and listed in a *NotNativeError; every line written is checked
// by parsing it back.
func (l *Lexicon) WriteNative(dir string) error {
	var bad []string
	afiles, aorder := groupBySource(len(l.Actors), func(i int) string { return l.Actors[i].Rule })
	for n, src := range aorder {
		name := nativeFileName(n, len(aorder), src)
		var b strings.Builder
		writeHeader(&b, "actor", src, len(afiles[src]))
		bad = append(bad, writeActors(&b, "actors/"+name, l.Actors, afiles[src])...)
		if err := writeFile(filepath.Join(dir, "actors", name), b.String()); err != nil {
			return err
		}
	}
	vfiles, vorder := groupBySource(len(l.Patterns), func(i int) string { return l.Patterns[i].Rule })
	for n, src := range vorder {
		name := nativeFileName(n, len(vorder), src)
		var b strings.Builder
		writeHeader(&b, "verb", src, len(vfiles[src]))
		for _, i := range vfiles[src] {
			p := l.Patterns[i]
			line, err := nativePatternLine(p)
			if err != nil {
				bad = append(bad, ruleOr(p.Rule)+": "+err.Error())
				continue
			}
			b.WriteString(line + sourceComment(p.Rule) + "\n")
		}
		if err := writeFile(filepath.Join(dir, "verbs", name), b.String()); err != nil {
			return err
		}
	}
	if len(bad) > 0 {
		return &NotNativeError{Entries: bad}
	}
	return nil
}

// groupBySource splits the indices 0..n-1 by the file part of their rule,
// keeping their order, and returns the sources in order of first
// appearance.
func groupBySource(n int, rule func(int) string) (map[string][]int, []string) {
	files := map[string][]int{}
	var order []string
	for i := 0; i < n; i++ {
		src := ruleFile(rule(i))
		if _, ok := files[src]; !ok {
			order = append(order, src)
		}
		files[src] = append(files[src], i)
	}
	return files, order
}

// ruleFile is the file part of a "file:line" rule.
func ruleFile(rule string) string {
	if i := strings.LastIndexByte(rule, ':'); i >= 0 {
		if _, err := strconv.Atoi(rule[i+1:]); err == nil {
			rule = rule[:i]
		}
	}
	return rule
}

// ruleOr names an entry in messages.
func ruleOr(rule string) string {
	if rule == "" {
		return "(no rule)"
	}
	return rule
}

// nativeFileName is "NN_BASE.txt" for the n-th of count sources.
func nativeFileName(n, count int, src string) string {
	base := src
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, base)
	base = strings.TrimSuffix(base, ".txt")
	// drop the number of a file written before ("03_agents")
	if i := strings.IndexByte(base, '_'); i > 0 && strings.Trim(base[:i], "0123456789") == "" {
		base = base[i+1:]
	}
	if base == "" {
		base = "entries"
	}
	width := len(strconv.Itoa(count))
	if width < 2 {
		width = 2
	}
	return fmt.Sprintf("%0*d_%s.txt", width, n+1, base)
}

func writeHeader(b *strings.Builder, what, src string, n int) {
	if src == "" {
		src = "(entries without a rule)"
	}
	fmt.Fprintf(b, "# dyad %s dictionary in the native format (docs/DICTIONARIES.md),\n", what)
	fmt.Fprintf(b, "# written by WriteNative: %d entries from %s\n", n, oneLine(src))
	b.WriteString("# The comment at the end of each line is its line in that source.\n\n")
}

// sourceComment is the trailing comment of a line: its source line.
func sourceComment(rule string) string {
	if i := strings.LastIndexByte(rule, ':'); i >= 0 {
		if _, err := strconv.Atoi(rule[i+1:]); err == nil {
			return "  # " + rule[i+1:]
		}
	}
	return ""
}

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }

func writeFile(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	return nil
}

// nativeSafe reports whether s can be written in a line: not empty, no
// line break, no surrounding space.
func nativeSafe(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\n\r") && strings.TrimSpace(s) == s
}

// Characters to escape with a backslash: in a code, a phrase, an option
// value.
const (
	codeSpecials   = "#:"
	phraseSpecials = "#|;"
	optionSpecials = "#;"
)

// escapeChars puts a backslash before each character of s that is in
// chars.
func escapeChars(s, chars string) string {
	if !strings.ContainsAny(s, chars) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(chars, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// phraseRec is one phrase of an actor line: its entries (the phrase as
// written, then its plural forms).
type phraseRec struct {
	idx    []int  // indices in the actor list
	plural string // "", "noplural" or "plural=..."
	err    string // why the phrase cannot be written
}

// writeActors writes the actor entries idx of all to b, checking each line
// by parsing it back; it returns the entries it left out.
func writeActors(b *strings.Builder, file string, all []*ActorEntry, idx []int) []string {
	recs := phraseRecords(all, idx)
	var bad []string
	for i := 0; i < len(recs); {
		r := recs[i]
		if r.err != "" {
			bad = append(bad, ruleOr(all[r.idx[0]].Rule)+": "+r.err)
			i++
			continue
		}
		// a line takes the following phrases that share its attributes
		j := i + 1
		if !strings.HasPrefix(r.plural, "plural=") {
			for j < len(recs) && recs[j].err == "" && recs[j].plural == r.plural &&
				sameLine(all[r.idx[0]], all[recs[j].idx[0]]) {
				j++
			}
		}
		if line, ok := actorLine(file, all, recs[i:j]); ok {
			b.WriteString(line + "\n")
			i = j
			continue
		}
		// the line does not read back: write its phrases one by one
		for _, r := range recs[i:j] {
			line, ok := actorLine(file, all, []phraseRec{r})
			if !ok {
				bad = append(bad, ruleOr(all[r.idx[0]].Rule)+": "+actorLineError(file, all, r))
				continue
			}
			b.WriteString(line + "\n")
		}
		i = j
	}
	return bad
}

// phraseRecords groups consecutive entries into phrases: an entry whose
// keys are the tokens of its phrase starts one, and the entries of the
// same phrase and attributes after it are its plural forms.
func phraseRecords(all []*ActorEntry, idx []int) []phraseRec {
	var recs []phraseRec
	for _, i := range idx {
		e := all[i]
		keys, words, gaps := phraseKeys(e.Phrase)
		base := slices.Equal(e.Keys, keys) && slices.Equal(e.Words, words) && slices.Equal(e.Gaps, gaps)
		if n := len(recs); !base && n > 0 && recs[n-1].err == "" {
			first := all[recs[n-1].idx[0]]
			if first.Phrase == e.Phrase && sameLine(first, e) {
				recs[n-1].idx = append(recs[n-1].idx, i)
				continue
			}
		}
		r := phraseRec{idx: []int{i}}
		if !base {
			r.err = fmt.Sprintf("keys %q are not the tokens of the phrase %q", e.Keys, e.Phrase)
		}
		recs = append(recs, r)
	}
	for k := range recs {
		r := &recs[k]
		if r.err != "" {
			continue
		}
		first := all[r.idx[0]]
		// automatic plural forms have the keys of pluralKeys and the
		// words of the phrase; the forms of plural= their own words
		var forms [][]string
		sameWords := true
		for _, i := range r.idx[1:] {
			forms = append(forms, all[i].Keys)
			sameWords = sameWords && slices.Equal(all[i].Words, first.Words)
		}
		var auto [][]string
		if first.Kind == KindAgent {
			auto = pluralKeys(first.Keys)
		}
		switch {
		case sameWords && equalKeyLists(forms, auto):
		case len(forms) == 0:
			r.plural = "noplural"
		default:
			list := make([]string, len(forms))
			for n, i := range r.idx[1:] {
				list[n] = phraseText(all[i].Words, all[i].Gaps)
				if !nativeSafe(list[n]) || strings.Contains(list[n], ",") {
					r.err = fmt.Sprintf("plural form %q cannot be written", list[n])
				}
			}
			r.plural = "plural=" + strings.Join(list, ", ")
		}
	}
	return recs
}

// phraseText joins a phrase's words with blanks, and with " ... " where
// other words may come between two of them (ActorEntry.Gaps).
func phraseText(words []string, gaps []int) string {
	var b strings.Builder
	for k, w := range words {
		switch {
		case k == 0:
		case len(gaps) > 0 && gaps[0] == k:
			b.WriteString(" " + gapMarker + " ")
			gaps = gaps[1:]
		default:
			b.WriteString(" ")
		}
		b.WriteString(w)
	}
	return b.String()
}

// sameLine reports whether two entries can share a native line.
func sameLine(a, b *ActorEntry) bool {
	return a.Kind == b.Kind && a.Code == b.Code && a.Case == b.Case && a.From == b.From &&
		a.To == b.To && a.Type == b.Type && a.Name == b.Name && a.Full == b.Full &&
		a.Prefix == b.Prefix && a.Stem == b.Stem && ruleFile(a.Rule) == ruleFile(b.Rule)
}

// actorLine renders the phrases recs as one line and checks that it reads
// back into the same entries.
func actorLine(file string, all []*ActorEntry, recs []phraseRec) (string, bool) {
	line := renderActorLine(all, recs)
	if line == "" {
		return "", false
	}
	var want []*ActorEntry
	for _, r := range recs {
		for _, i := range r.idx {
			want = append(want, all[i])
		}
	}
	got := New()
	if errs := got.AddActors(file, line); len(errs) > 0 || len(got.Actors) != len(want) {
		return "", false
	}
	for n, e := range want {
		if diffActor(e, got.Actors[n]) != "" {
			return "", false
		}
	}
	return line + sourceComment(all[recs[0].idx[0]].Rule), true
}

// actorLineError says why one phrase cannot be written.
func actorLineError(file string, all []*ActorEntry, r phraseRec) string {
	e := all[r.idx[0]]
	if !nativeSafe(e.Phrase) {
		return fmt.Sprintf("phrase %q is empty, has a line break or surrounding space", e.Phrase)
	}
	line := renderActorLine(all, []phraseRec{r})
	if line == "" {
		return fmt.Sprintf("code %q or an option value cannot be written", e.Code)
	}
	got := New()
	if errs := got.AddActors(file, line); len(errs) > 0 {
		return fmt.Sprintf("%q does not load: %s", line, errs[0])
	}
	if len(got.Actors) != len(r.idx) {
		return fmt.Sprintf("%q loads as %d entries, not %d", line, len(got.Actors), len(r.idx))
	}
	for n, i := range r.idx {
		if d := diffActor(all[i], got.Actors[n]); d != "" {
			return fmt.Sprintf("%q loads with a different %s", line, d)
		}
	}
	return "cannot be written"
}

// renderActorLine writes "KIND CODE: phrase | phrase ; options", or ""
// when a part cannot be written.
func renderActorLine(all []*ActorEntry, recs []phraseRec) string {
	e := all[recs[0].idx[0]]
	if !nativeSafe(e.Code) || strings.ContainsAny(e.Code, " \t") || !knownKinds[e.Kind] {
		return ""
	}
	var b strings.Builder
	b.WriteString(e.Kind + " " + escapeChars(e.Code, codeSpecials) + ": ")
	for n, r := range recs {
		ph := all[r.idx[0]].Phrase
		if !nativeSafe(ph) {
			return ""
		}
		if n > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(escapeChars(ph, phraseSpecials))
	}
	opt := func(k, v string) bool {
		if v == "" {
			return true
		}
		if !nativeSafe(v) {
			return false
		}
		b.WriteString(" ; " + k + "=" + escapeChars(v, optionSpecials))
		return true
	}
	flag := func(k string, on bool) {
		if on {
			b.WriteString(" ; " + k)
		}
	}
	if !opt("from", e.From) || !opt("to", e.To) || !opt("type", e.Type) {
		return ""
	}
	flag("case", e.Case)
	flag("full", e.Full)
	flag("prefix", e.Prefix)
	flag("stem", e.Stem)
	switch pl := recs[0].plural; {
	case pl == "noplural":
		flag("noplural", true)
	case pl != "":
		if !opt("plural", strings.TrimPrefix(pl, "plural=")) {
			return ""
		}
	}
	if e.Name != e.Phrase && !opt("name", e.Name) {
		return ""
	}
	if e.Name == "" {
		return ""
	}
	return b.String()
}

// nativePatternLine renders p as one verb line and checks that it reads
// back into the same pattern.
func nativePatternLine(p *VerbPattern) (string, error) {
	if !nativeSafe(p.Code) || strings.ContainsAny(p.Code, " \t") {
		return "", fmt.Errorf("code %q cannot be written", p.Code)
	}
	// The pattern as written when it reads back the same, else the
	// rendering of its elements and the text as an option.
	phrase := ""
	if nativeSafe(p.Text) {
		if q, err := compilePattern(p.Text); err == nil && diffElems(p, q) == "" {
			phrase = p.Text
		}
	}
	if phrase == "" {
		var err error
		if phrase, err = renderPattern(p); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.WriteString(escapeChars(p.Code, codeSpecials) + ": " + escapeChars(phrase, phraseSpecials))
	for _, o := range []struct{ k, v string }{{"neg", p.Neg}, {"code2", p.Code2}} {
		if o.v == "" {
			continue
		}
		if !nativeSafe(o.v) || strings.ContainsAny(o.v, " \t") {
			return "", fmt.Errorf("%s %q cannot be written", o.k, o.v)
		}
		b.WriteString(" ; " + o.k + "=" + escapeChars(o.v, optionSpecials))
	}
	if p.Foreign {
		b.WriteString(" ; foreign")
	}
	if p.Text != phrase {
		if p.Text == "" {
			return "", fmt.Errorf("pattern has no text")
		}
		if !nativeSafe(p.Text) {
			return "", fmt.Errorf("text %q has a line break or surrounding space", p.Text)
		}
		b.WriteString(" ; text=" + escapeChars(p.Text, optionSpecials))
	}
	line := b.String()
	got := New()
	if errs := got.AddVerbs("check", line); len(errs) > 0 {
		return "", fmt.Errorf("%q does not load: %s", line, strings.TrimPrefix(errs[0], "check:1: "))
	}
	if len(got.Patterns) != 1 {
		return "", fmt.Errorf("%q loads as %d patterns", line, len(got.Patterns))
	}
	if d := diffPattern(p, got.Patterns[0]); d != "" {
		return "", fmt.Errorf("%q loads with a different %s", line, d)
	}
	return line, nil
}

// renderPattern writes p's elements in the native pattern syntax, marking
// the anchor with '@' when p has elements before it.
func renderPattern(p *VerbPattern) (string, error) {
	var toks []string
	for _, e := range p.Pre {
		s, err := renderElem(e)
		if err != nil {
			return "", err
		}
		toks = append(toks, s)
	}
	for n, e := range p.Elems {
		s, err := renderElem(e)
		if err != nil {
			return "", err
		}
		if n == 0 {
			if e.Kind != ElemWord || e.Optional {
				return "", fmt.Errorf("the anchor (first element) is not a required word")
			}
			if len(p.Pre) > 0 {
				s = "@" + s
			}
		}
		toks = append(toks, s)
	}
	if len(toks) == 0 {
		return "", fmt.Errorf("pattern has no element")
	}
	return strings.Join(toks, " "), nil
}

// renderElem writes one element: "*", "+", "$", "%", "^", or a word
// "(=a/b)"; a lemma the lemmatiser would change again is written "~key".
func renderElem(e Elem) (string, error) {
	for tok, k := range slotKinds {
		if e.Kind == k {
			if len(e.Alts) > 0 || e.Exact || e.Optional {
				return "", fmt.Errorf("slot %q has words or flags", tok)
			}
			return tok, nil
		}
	}
	if e.Kind != ElemWord {
		return "", fmt.Errorf("unknown element kind %q", e.Kind)
	}
	if len(e.Alts) == 0 {
		return "", fmt.Errorf("word element without alternatives")
	}
	alts := make([]string, len(e.Alts))
	for n, a := range e.Alts {
		if a == "" || normKey(a) != a || strings.ContainsAny(a, " \t\n\r") {
			return "", fmt.Errorf("word %q cannot be written", a)
		}
		w := escapeChars(a, altSpecials)
		if !e.Exact && text.Lemma(a) != a {
			w = "~" + w
		}
		alts[n] = w
	}
	s := strings.Join(alts, "/")
	if e.Exact {
		s = "=" + s
	}
	if e.Optional {
		s = "(" + s + ")"
	}
	return s, nil
}

// diffPattern names the first field (Rule aside) in which a and b differ,
// or returns "".
func diffPattern(a, b *VerbPattern) string {
	switch {
	case a.Code != b.Code:
		return "code"
	case a.Neg != b.Neg:
		return "neg"
	case a.Code2 != b.Code2:
		return "code2"
	case a.Foreign != b.Foreign:
		return "foreign"
	case a.Text != b.Text:
		return "text"
	}
	return diffElems(a, b)
}

// diffElems compares the compiled parts of two patterns: elements before
// and from the anchor, and the literal count.
func diffElems(a, b *VerbPattern) string {
	switch {
	case !equalElems(a.Pre, b.Pre):
		return "pre-anchor elements"
	case !equalElems(a.Elems, b.Elems):
		return "elements"
	case a.Literals != b.Literals:
		return fmt.Sprintf("literal count (%d, read back %d)", a.Literals, b.Literals)
	}
	return ""
}

func equalElems(a, b []Elem) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Exact != b[i].Exact || a[i].Optional != b[i].Optional ||
			!slices.Equal(a[i].Alts, b[i].Alts) {
			return false
		}
	}
	return true
}

// diffActor names the first field (Rule aside) in which a and b differ, or
// returns "".
func diffActor(a, b *ActorEntry) string {
	switch {
	case a.Kind != b.Kind:
		return "kind"
	case a.Code != b.Code:
		return "code"
	case a.Phrase != b.Phrase:
		return "phrase"
	case !slices.Equal(a.Keys, b.Keys):
		return "keys"
	case !slices.Equal(a.Words, b.Words):
		return "words"
	case a.Case != b.Case:
		return "case"
	case a.From != b.From || a.To != b.To:
		return "dates"
	case a.Type != b.Type:
		return "type"
	case a.Name != b.Name:
		return "name"
	case a.Full != b.Full:
		return "full"
	case a.Prefix != b.Prefix:
		return "prefix"
	case a.Stem != b.Stem:
		return "stem"
	case !slices.Equal(a.Gaps, b.Gaps):
		return "gaps"
	}
	return ""
}

func equalKeyLists(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}
