package lexicon

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/text"
)

// pvMaxExpansions caps how many patterns one dictionary pattern line may
// expand into through synsets and "{ a | b }" alternatives, per verb.
const pvMaxExpansions = 64

// AddPETRARCHVerbs parses a PETRARCH or TABARI verb dictionary (file names
// it in messages) and adds its patterns, counting them and noting what it
// skipped in r.
//
// Three layouts are read. In PETRARCH-1 ("CAMEO.verbpatterns.*",
// "*.verbs.txt") and PETRARCH-2 ("CAMEO.2.0.txt") files a
// "--- NAME [code] ---" line opens a block of synonymous verbs, and the
// block's "- ... * ... [code]" patterns apply to each of its verbs. TABARI
// ".verbs" files have no such headers: each verb line opens its own block.
//
// Each verb line adds a pattern of the bare verb with its own code or the
// block's ("[---]": it yields no event). Each pattern line adds one pattern
// per verb shape and expansion; verbs of a block that differ only in their
// anchor word share one anchor element with all their forms. In a pattern:
//
//   - Elems[0] is the anchor: the lemma of the verb word ("+" marks it in
//     a phrasal verb such as "+STIR_UP" or "WIRE_+TAP"; else the first
//     word) and the forms in "{...}" whose lemma is not already there.
//     The verb's other words and the words after "*" follow in Elems, the
//     words before "*" are in Pre, in text order.
//   - "_" joins two items (consecutive tokens); a space puts an ElemGap
//     between them. "WORD_ " (PETRARCH's open match) is "WORD ".
//   - In PETRARCH files (with block headers) words are complete words, as
//     PETRARCH compares them: Exact elements holding the lower-case word,
//     for a verb line without "{...}" also its regular forms
//     (pvRegularForms), with "{...}" the listed forms only (a "," between
//     them is ignored), and for a synset member not marked "_" its plural.
//     A pattern repeating an earlier pattern's words in the same block
//     replaces it, as in PETRARCH's pattern tree (noted in r.Skipped).
//   - TABARI words match by lemma (text.Lemma of the lower-case word); a word the
//     tokenizer splits ("DON'T") becomes consecutive words. TABARI words
//     are stems ("COOPERAT"): where the lemma of the word plus "e" is
//     no longer than the word ("cooper", "propos"), it is added as an
//     alternative. A TABARI word ending in "_" is a complete word,
//     compared with a token's lower-case form; on a verb line it also
//     takes the regular endings (tabariVerbEndings).
//   - "+" is ElemTarget, "$" ElemSource, "%" ElemCompound, "^" ElemSkipNP.
//   - Synsets ("&NAME" and its "+member" lines, anywhere in the file,
//     members possibly using other synsets), TABARI lists "{ A | B_C }"
//     and PETRARCH-2 "A/B" give alternatives: all one-word alternatives in
//     one element, and one pattern per longer one (at most 64 per pattern
//     line and verb shape; more is noted in r.Skipped). PETRARCH-2 groups "{NOUN PHRASE}"
//     and "(PREP PHRASE)" contribute their words.
//   - "[c1:c2]" sets Code and Code2; "[:c2]" (PETRARCH-2) sets Code "---".
//
// Every pattern is Foreign, with Text the line as written (without its
// comment) and Rule "file:line". Comments are "<!-- ... -->" (across
// lines), and "#" or ";" to the end of the line outside "[...]". TABARI
// <TIME> and other tag blocks, PETRARCH-2 "~" transformations and
// malformed lines are noted in r.Skipped ("file:line: reason") and
// skipped: loading never fails.
func (l *Lexicon) AddPETRARCHVerbs(file, src string, r *Report) {
	p := &pvParser{
		l: l, file: file, r: r,
		syns:   map[string][]pvLine{},
		memo:   map[string][]pvOption{},
		synErr: map[string]error{},
		words:  map[string][]ptok{},
	}
	lines := p.classify(src)
	for _, ln := range lines {
		if ln.kind == pvLkHeader {
			p.headered = true
			break
		}
	}
	// Synsets may be used before they are defined: collect them first.
	var cur string
	for _, ln := range lines {
		switch ln.kind {
		case pvLkSynHead:
			cur = ln.text
			if _, ok := p.syns[cur]; !ok {
				p.syns[cur] = nil
			}
		case pvLkSynMember:
			p.syns[cur] = append(p.syns[cur], ln)
		}
	}
	var transforms []pvLine
	for _, ln := range lines {
		switch ln.kind {
		case pvLkHeader:
			p.flush()
			p.blk = p.headerBlock(ln)
		case pvLkVerb:
			p.verbLine(ln)
		case pvLkForms:
			p.formsLine(ln)
		case pvLkPattern:
			p.patternLine(ln)
		case pvLkTransform:
			if p.headered {
				transforms = append(transforms, ln)
			} else {
				p.skip(ln.num, "TABARI '~' line ignored")
			}
		}
	}
	p.flush()
	p.commit()
	for _, ln := range transforms {
		t, err := p.transform(ln)
		if err != nil {
			p.skip(ln.num, "PETRARCH-2 verb transformation: "+err.Error())
			continue
		}
		l.Transforms = append(l.Transforms, t)
	}
}

// transformLine reads "~ a (b . ATTACK) SAY = a b 112".
var transformLine = regexp.MustCompile(`^~\s*(\w)\s*\(\s*(\w|_|\.)\s+(\w|_|\.)\s+([A-Z_]+)\s*\)\s*([A-Z_]+)\s*=\s*(\w)\s+(\w)\s+(\d{2,4}|Q)\s*$`)

// transform parses a PETRARCH-2 transformation line, taking the codes of
// its verbs from their bare entries in the patterns just read.
func (p *pvParser) transform(ln pvLine) (*Transform, error) {
	f := transformLine.FindStringSubmatch(strings.TrimSpace(ln.text))
	if f == nil {
		return nil, fmt.Errorf("not of the form \"~ a (b c VERB) VERB = a b CODE\"")
	}
	t := &Transform{OuterVar: f[1], InnerSrc: f[2], InnerTgt: f[3], ResSrc: f[6], ResTgt: f[7], Code: f[8],
		Text: strings.TrimSpace(ln.text), Rule: fmt.Sprintf("%s:%d", p.file, ln.num)}
	var err error
	if t.Inner, err = p.bareCode(f[4]); err != nil {
		return nil, err
	}
	if t.Outer, err = p.bareCode(f[5]); err != nil {
		return nil, err
	}
	if t.Outer == "Q" {
		return nil, fmt.Errorf("the outer verb must be a verb")
	}
	known := map[string]bool{t.OuterVar: true, t.InnerSrc: true, t.InnerTgt: true}
	if !known[t.ResSrc] || !known[t.ResTgt] || t.ResSrc == "_" || t.ResTgt == "_" || t.ResSrc == "." || t.ResTgt == "." {
		return nil, fmt.Errorf("a variable of the result is not in the events")
	}
	return t, nil
}

// bareCode is the code the file gives a verb word alone ("SAY" → 010), or
// "Q" for Q.
func (p *pvParser) bareCode(word string) (string, error) {
	if word == "Q" {
		return word, nil
	}
	w := strings.ToLower(strings.ReplaceAll(word, "_", " "))
	for _, pt := range p.l.Patterns {
		if !strings.HasPrefix(pt.Rule, p.file+":") || len(pt.Elems) != 1 || len(pt.Pre) != 0 || len(pt.Elems[0].Alts) == 0 {
			continue
		}
		if slices.Contains(pt.Elems[0].Alts, w) {
			if pt.Code == "" || pt.Code == "---" {
				return "", fmt.Errorf("%s has no code", word)
			}
			return pt.Code, nil
		}
	}
	return "", fmt.Errorf("no verb %s in the file", word)
}

// Line kinds after comment removal.
const (
	pvLkVerb = iota
	pvLkHeader
	pvLkPattern
	pvLkForms
	pvLkSynHead
	pvLkSynMember
	pvLkTransform
)

// pvLine is one dictionary line with its comments removed.
type pvLine struct {
	num  int
	kind int
	text string
}

// ptok is one element of a pattern, verb phrase or synset member as
// written.
type ptok struct {
	kind byte // ElemWord, ElemTarget, ElemSource, ElemCompound, ElemSkipNP, '*' (the verb), '&' (synset), '|' (list)
	// join: written joined to the previous token by "_" (consecutive).
	join bool
	alts []string // ElemWord: match keys
	// exact: alts are complete lower-case words compared with a token's
	// lower-case form only (PETRARCH), not lemmas.
	exact bool
	ref   *ptokRef // '&' and '|'
	// prep: the first word of a "(PREP PHRASE)"
	prep bool
}

// ptokRef holds what a synset reference or a list needs.
type ptokRef struct {
	name string     // '&': synset name
	opts []pvOption // '|': the alternatives
}

// pvOption is one alternative of a synset or list: a token sequence.
type pvOption []ptok

// pvVerb is one verb (or verb form of a different shape) of a block.
type pvVerb struct {
	pre         []Elem
	bare        []Elem // anchor followed by the verb's own later words
	lits        int
	shape       string // the words around the anchor, to compare forms
	key         string // the anchor word as written, normalised
	code, code2 string
	text, rule  string
	anchor      *Elem
	merged      bool // bare and anchor are a copy holding other verbs' forms
}

// pvExp is one expansion of a pattern line into elements around the verb.
type pvExp struct {
	pre, post []Elem
	lits      int
}

// pvPat is a parsed pattern line.
type pvPat struct {
	exps              []pvExp
	code, code2, text string
	rule              string
	key               string // the pattern's words, to find a repeated pattern
}

// pvBlock is a block of synonymous verbs and the patterns they share.
type pvBlock struct {
	code, code2 string
	verbs       []*pvVerb
	pats        []*pvPat
}

type pvParser struct {
	l        *Lexicon
	file     string
	r        *Report
	headered bool // "--- NAME [code] ---" blocks (PETRARCH) rather than TABARI
	blk      *pvBlock
	syns     map[string][]pvLine
	memo     map[string][]pvOption
	synErr   map[string]error
	busy     []string // synsets being resolved, to catch cycles
	words    map[string][]ptok
	// arenas cut allocation: patterns and element slices are carved from
	// chunks.
	patArena  []VerbPattern
	out       []*VerbPattern // parsed patterns, added at the end
	elemArena []Elem
}

func (p *pvParser) skip(num int, reason string) {
	p.r.Skipped = append(p.r.Skipped, fmt.Sprintf("%s:%d: %s", p.file, num, reason))
}

func (p *pvParser) rule(num int) string { return p.file + ":" + strconv.Itoa(num) }

// classify removes comments ("<!-- -->" across lines, "#" and ";" to the
// end of a line outside "[...]"), skips TABARI tag blocks other than
// <SYNSETS>, and sorts the remaining lines by kind.
func (p *pvParser) classify(src string) []pvLine {
	var out []pvLine
	raw := strings.Split(src, "\n")
	inComment := false
	inSyn := false
	skipTag, skipFrom, skipN := "", 0, 0
	for i, s := range raw {
		num := i + 1
		s = strings.TrimRight(s, "\r")
		// XML-style comments, possibly spanning lines.
		var b strings.Builder
		rest := s
		for {
			if inComment {
				j := strings.Index(rest, "-->")
				if j < 0 {
					rest = ""
					break
				}
				rest = rest[j+3:]
				inComment = false
				continue
			}
			j := strings.Index(rest, "<!--")
			if j < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:j])
			rest = rest[j+4:]
			inComment = true
		}
		s = pvStripComment(b.String())
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if skipTag != "" {
			if strings.EqualFold(s, "</"+skipTag+">") {
				p.skip(skipFrom, fmt.Sprintf("<%s> block not imported (%d lines)", skipTag, skipN))
				skipTag = ""
			} else {
				skipN++
			}
			continue
		}
		if s[0] == '<' {
			inSyn = false
			name, closing, ok := pvTagName(s)
			switch {
			case !ok:
				p.skip(num, "unrecognised tag line")
			case strings.EqualFold(name, "SYNSETS"):
				// the synsets themselves are read below
			case closing:
				p.skip(num, "closing tag without an opening one")
			default:
				skipTag, skipFrom, skipN = name, num, 0
			}
			continue
		}
		kind := pvLkVerb
		switch {
		case s[0] == '&':
			kind = pvLkSynHead
			f := strings.Fields(s)
			s = strings.TrimRight(f[0], "_")
			if len(f) > 1 {
				p.skip(num, "text after a synset name ignored")
			}
			inSyn = true
		case s[0] == '+' && inSyn:
			kind = pvLkSynMember
			s = strings.TrimSpace(s[1:])
		case strings.HasPrefix(s, "---"):
			kind = pvLkHeader
		case s[0] == '-':
			kind = pvLkPattern
		case s[0] == '~':
			kind = pvLkTransform
		case s[0] == '{':
			kind = pvLkForms
		}
		if kind != pvLkSynHead && kind != pvLkSynMember {
			inSyn = false
		}
		out = append(out, pvLine{num: num, kind: kind, text: s})
	}
	if skipTag != "" {
		p.skip(skipFrom, fmt.Sprintf("<%s> block not imported (%d lines, not closed)", skipTag, skipN))
	}
	return out
}

// pvStripComment cuts s at the first "#" or ";" outside "[...]" (codes
// such as "[###]" keep their "#").
func pvStripComment(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if depth == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// pvTagName reads "<NAME>" or "</NAME>".
func pvTagName(s string) (name string, closing, ok bool) {
	if len(s) < 3 || s[len(s)-1] != '>' {
		return "", false, false
	}
	s = s[1 : len(s)-1]
	if strings.HasPrefix(s, "/") {
		closing = true
		s = s[1:]
	}
	if s == "" {
		return "", false, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return "", false, false
		}
	}
	return s, closing, true
}

// headerBlock opens the block of a "--- NAME [code] ---" line: the code
// of its bare verbs ("---" when it has none).
func (p *pvParser) headerBlock(ln pvLine) *pvBlock {
	b := &pvBlock{code: "---"}
	if c, _, ok := pvCutBracket(ln.text, '[', ']'); ok && strings.TrimSpace(c) != "" {
		code, code2, err := pvParseCode(c)
		if err != nil {
			p.skip(ln.num, "block header: "+err.Error())
		} else {
			b.code, b.code2 = code, code2
		}
	}
	return b
}

// pvCutBracket returns the text inside the first lb...rb pair and s
// without it.
func pvCutBracket(s string, lb, rb byte) (inside, rest string, ok bool) {
	i := strings.IndexByte(s, lb)
	if i < 0 {
		return "", s, false
	}
	j := strings.IndexByte(s[i+1:], rb)
	if j < 0 {
		return "", s, false
	}
	return s[i+1 : i+1+j], s[:i] + " " + s[i+2+j:], true
}

// pvParseCode reads the inside of "[code]" or "[c1:c2]". An empty first code
// ("[:173]", PETRARCH-2) becomes "---": no event in the first direction.
func pvParseCode(s string) (code, code2 string, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", fmt.Errorf("empty code")
	}
	if strings.ContainsAny(s, " \t[]") {
		return "", "", fmt.Errorf("bad code %q", s)
	}
	code, code2, _ = strings.Cut(s, ":")
	if code == "" {
		code = "---"
	}
	return code, code2, nil
}

// flush adds the patterns of the current block: each verb line alone
// (the bare verb, with its own or the block's code), then each pattern line
// once per verb shape. Verbs of the same shape (plain one-word verbs, or
// phrasal verbs with the same other words) share one anchor whose
// alternatives are all their forms, which matches exactly what one pattern
// per verb would match without repeating the pattern for every synonym.
func (p *pvParser) flush() {
	b := p.blk
	p.blk = nil
	if b == nil {
		return
	}
	var groups []*pvVerb
	for _, v := range b.verbs {
		p.emit(v.code, v.code2, v.text, v.rule, v.pre, v.bare, v.lits)
		if len(b.pats) == 0 {
			continue
		}
		var g *pvVerb
		for _, x := range groups {
			if x.shape == v.shape {
				g = x
				break
			}
		}
		if g == nil {
			groups = append(groups, v)
			continue
		}
		if !g.merged {
			// copy before merging: the first verb's bare elements are
			// already a pattern of their own
			c := *g
			c.bare = append([]Elem(nil), g.bare...)
			c.bare = c.bare[:len(c.bare):len(c.bare)]
			c.anchor = &c.bare[0]
			c.anchor.Alts = append([]string(nil), g.anchor.Alts...)
			c.merged = true
			for i := range groups {
				if groups[i] == g {
					groups[i] = &c
				}
			}
			g = &c
		}
		for _, a := range v.anchor.Alts {
			if !pvContains(g.anchor.Alts, a) {
				g.anchor.Alts = append(g.anchor.Alts, a)
			}
		}
	}
	for _, g := range groups {
		for _, pt := range b.pats {
			for _, e := range pt.exps {
				pre := p.concat(e.pre, g.pre)
				elems := p.concat(g.bare, e.post)
				p.emit(pt.code, pt.code2, pt.text, pt.rule, pre, elems, e.lits+g.lits)
			}
		}
	}
}

func (p *pvParser) emit(code, code2, txt, rule string, pre, elems []Elem, lits int) {
	if len(p.patArena) == 0 {
		p.patArena = make([]VerbPattern, 1024)
	}
	vp := &p.patArena[0]
	p.patArena = p.patArena[1:]
	*vp = VerbPattern{Code: code, Code2: code2, Elems: elems, Pre: pre, Text: txt, Rule: rule,
		Literals: lits, Foreign: true}
	p.out = append(p.out, vp)
}

// commit adds the parsed patterns to the lexicon, first growing its
// pattern list to its final size.
func (p *pvParser) commit() {
	l := p.l
	l.Patterns = slices.Grow(l.Patterns, len(p.out))
	for _, vp := range p.out {
		l.addPattern(vp)
	}
	p.r.Patterns += len(p.out)
	p.out = nil
}

// concat returns a ++ b, sharing a or b when the other is empty. The
// parser's element slices have no spare capacity, nor has the result, so
// appending to a pattern's elements never writes into another's.
func (p *pvParser) concat(a, b []Elem) []Elem {
	n := len(a) + len(b)
	switch {
	case n == 0:
		return nil
	case n == len(a):
		return a
	case n == len(b):
		return b
	}
	if len(p.elemArena) < n {
		p.elemArena = make([]Elem, max(4096, n))
	}
	out := p.elemArena[:0:n]
	p.elemArena = p.elemArena[n:]
	out = append(out, a...)
	return append(out, b...)
}

// verbLine reads "VERB", "+PHRASAL_VERB", "PRE_+VERB", "VERB {FORMS}",
// "VERB [code]" and TABARI "VERB WORDS [code]".
func (p *pvParser) verbLine(ln pvLine) {
	s := ln.text
	code, code2, hasCode := "", "", false
	if c, rest, ok := pvCutBracket(s, '[', ']'); ok {
		var err error
		code, code2, err = pvParseCode(c)
		if err != nil {
			p.skip(ln.num, "verb: "+err.Error())
			return
		}
		hasCode = true
		s = rest
	}
	var forms []string
	if f, rest, ok := pvCutBracket(s, '{', '}'); ok {
		forms = strings.Fields(f)
		s = rest
	}
	if strings.ContainsAny(s, "[]{}") {
		p.skip(ln.num, "verb: unbalanced brackets")
		return
	}
	if !p.headered || p.blk == nil {
		// TABARI: every verb line opens a block
		p.flush()
		p.blk = &pvBlock{code: "---"}
		if hasCode {
			p.blk.code, p.blk.code2 = code, code2
		}
	}
	if !hasCode {
		code, code2 = p.blk.code, p.blk.code2
	}
	v, err := p.parseVerb(s)
	if err != nil {
		p.skip(ln.num, "verb: "+err.Error())
		return
	}
	v.code, v.code2 = code, code2
	v.text = ln.text
	v.rule = p.rule(ln.num)
	p.blk.verbs = append(p.blk.verbs, v)
	if p.headered && len(forms) == 0 {
		for _, f := range pvRegularForms(v.key) {
			pvAddForm(v.anchor, f)
		}
	}
	p.addForms(ln.num, v, forms)
}

// pvPlural returns PETRARCH's plural of the noun w: "-ies" for a final
// "y", "-es" after "s", else "-s".
func pvPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "y"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"):
		return w + "es"
	}
	return w + "s"
}

// pvRegularForms returns the regular inflections of the verb w (lower
// case) that PETRARCH generates for a verb line without "{...}" forms
// ("-s"/"-es"/"-ies", "-d"/"-ed", "-ing" dropping a final "e"), and the
// spellings English uses where PETRARCH's rule misses them (a doubled final
// consonant, "-ied", "-ys"). Spellings that are no word match nothing.
func pvRegularForms(w string) []string {
	n := len(w)
	if n < 2 || !pvIsLetters(w) {
		return nil
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	last := w[n-1]
	var out []string
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		out = append(out, w+"es")
	case last == 'y':
		out = append(out, w[:n-1]+"ies", w+"s")
	default:
		out = append(out, w+"s")
	}
	switch {
	case last == 'e':
		out = append(out, w+"d")
	case last == 'y' && !vowel(w[n-2]):
		out = append(out, w[:n-1]+"ied", w+"ed")
	default:
		out = append(out, w+"ed")
	}
	if last == 'e' && !vowel(w[n-2]) {
		out = append(out, w[:n-1]+"ing")
	} else {
		out = append(out, w+"ing")
	}
	// a final consonant after one vowel may double: "stopped", "committing"
	if n >= 3 && !vowel(last) && strings.IndexByte("wxy", last) < 0 && vowel(w[n-2]) && !vowel(w[n-3]) {
		d := w + string(last)
		out = append(out, d+"ed", d+"ing")
	}
	return out
}

// formsLine reads a TABARI "{ FORM FORM }" line: forms of the verb above.
func (p *pvParser) formsLine(ln pvLine) {
	f, rest, ok := pvCutBracket(ln.text, '{', '}')
	if !ok || strings.TrimSpace(rest) != "" {
		p.skip(ln.num, "malformed verb forms line")
		return
	}
	if p.blk == nil || len(p.blk.verbs) == 0 {
		p.skip(ln.num, "verb forms without a verb")
		return
	}
	p.addForms(ln.num, p.blk.verbs[len(p.blk.verbs)-1], strings.Fields(f))
}

// addForms adds explicit verb forms: a form with the verb's shape ("BROKE"
// for "BREAK", "+BROKE_DOWN" for "+BREAK_DOWN") becomes an alternative of
// its anchor; a form of another shape becomes a verb of its own.
func (p *pvParser) addForms(num int, v *pvVerb, forms []string) {
	for _, f := range forms {
		if !pvHasLetter(f) {
			// a separator such as "," between forms: PETRARCH-2 stores it
			// as a verb word, but no parser tags it as a verb
			continue
		}
		fv, err := p.parseVerb(f)
		if err != nil {
			p.skip(num, fmt.Sprintf("verb form %q: %v", f, err))
			continue
		}
		if fv.shape == v.shape {
			pvAddForm(v.anchor, fv.key)
			continue
		}
		pvAddForm(fv.anchor, fv.key)
		fv.code, fv.code2, fv.text, fv.rule = v.code, v.code2, v.text, v.rule
		p.blk.verbs = append(p.blk.verbs, fv)
	}
}

// pvAddForm adds the written form key to the anchor's alternatives unless
// a token of that form already matches: the coder compares a token's lemma
// (text.Lemma of its lower-case form) and its lower-case form with each
// alternative, so a form whose lemma is there adds nothing.
func pvAddForm(anchor *Elem, key string) {
	if pvContains(anchor.Alts, key) || !anchor.Exact && pvContains(anchor.Alts, text.Lemma(key)) {
		return
	}
	anchor.Alts = append(anchor.Alts, key)
}

func pvContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// parseVerb reads a verb phrase: words joined by "_" (consecutive) or
// spaces (a gap); "+" marks the verb word (else the first word is). Words
// before the verb go to pre, the others follow the anchor.
func (p *pvParser) parseVerb(s string) (*pvVerb, error) {
	type vw struct {
		w          string
		join, verb bool
		exact      bool
	}
	var ws []vw
	join := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			join = false
			i++
			continue
		case c == '_':
			join = true
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '_' {
			j++
		}
		w, raw := s[i:j], s[i:j]
		i = j
		verb := false
		if strings.HasPrefix(w, "+") {
			verb = true
			w = w[1:]
		}
		w = strings.TrimRight(strings.ReplaceAll(w, "~", ""), "=")
		if w == "" || strings.ContainsAny(w, "*+$%^&(){}[]|") {
			return nil, fmt.Errorf("unexpected %q", raw)
		}
		exact := i < len(s) && s[i] == '_' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t')
		ws = append(ws, vw{w: w, join: join, verb: verb, exact: exact})
		join = false
	}
	if len(ws) == 0 {
		return nil, fmt.Errorf("no verb")
	}
	a := 0
	nv := 0
	for i, w := range ws {
		if w.verb {
			a = i
			nv++
		}
	}
	if nv > 1 {
		return nil, fmt.Errorf("more than one '+' verb word")
	}
	v := &pvVerb{}
	var shape strings.Builder
	v.key = normKey(ws[a].w)
	anchor := Elem{Kind: ElemWord, Alts: p.wordAlts(v.key, ws[a].exact), Exact: p.headered || ws[a].exact}
	if !p.headered && ws[a].exact {
		anchor.Alts = tabariVerbEndings(v.key)
	}
	var pre, post []Elem
	for i, w := range ws {
		if i > 0 {
			if w.join {
				shape.WriteByte('_')
			} else {
				shape.WriteByte(' ')
			}
		}
		if i == a {
			shape.WriteByte('@')
			continue
		}
		toks := p.wordToks(w.w, w.join, w.exact)
		shape.WriteString(toks[0].alts[0])
		if i < a {
			pre = pvAppendToks(pre, toks)
			if !ws[i+1].join {
				pre = append(pre, Elem{Kind: ElemGap})
			}
		} else {
			if !w.join {
				post = append(post, Elem{Kind: ElemGap})
			}
			post = pvAppendToks(post, toks)
		}
	}
	v.pre = pre[:len(pre):len(pre)]
	v.bare = make([]Elem, 0, 1+len(post))
	v.bare = append(v.bare, anchor)
	v.bare = append(v.bare, post...)
	v.bare = v.bare[:len(v.bare):len(v.bare)]
	v.anchor = &v.bare[0]
	v.lits = pvCountWords(pre) + pvCountWords(v.bare)
	v.shape = shape.String()
	return v, nil
}

// tabariVerbEndings returns the words a TABARI verb written as a complete
// word ("DEPART_") matches: the word and its regular endings "-s", "-es",
// "-ed", "-en", "-ing", and after a final "e" also "-d" and "-ing" in place
// of the "e". Other endings ("departx") match nothing.
func tabariVerbEndings(w string) []string {
	if !pvIsLetters(w) {
		return []string{w}
	}
	out := []string{w, w + "s", w + "es", w + "ed", w + "en", w + "ing"}
	if strings.HasSuffix(w, "e") && len(w) > 2 {
		out = append(out, w+"d", w[:len(w)-1]+"ing")
	}
	return out
}

// pvAppendToks appends word tokens as elements: a token not joined to the
// previous one gets a gap before it (except the first).
func pvAppendToks(dst []Elem, toks []ptok) []Elem {
	for i, t := range toks {
		if i > 0 && !t.join {
			dst = append(dst, Elem{Kind: ElemGap})
		}
		dst = append(dst, Elem{Kind: ElemWord, Alts: t.alts, Exact: t.exact, Prep: t.prep})
	}
	return dst
}

func pvCountWords(es []Elem) int {
	n := 0
	for _, e := range es {
		if e.Kind == ElemWord && !e.Optional {
			n++
		}
	}
	return n
}

// wordAlts returns the match keys of the normalised word k: its lemma,
// and for a TABARI stem (in TABARI files a word without a trailing "_"
// matches any word it starts: "cooperat" for cooperate, cooperation) also
// the lemma of the word plus "e" when that is no longer than the word,
// that is when "e" completes a suffix ("cooperat" → "cooper", the lemma of
// "cooperate"; "propos" → "propos", the lemma of "proposed", where its own
// lemma is "propo"). Stems the lemmatizer already gives ("contribut") need
// no more; other stems ("critici") are not completed.
func (p *pvParser) wordAlts(k string, exact bool) []string {
	if p.headered || exact {
		// PETRARCH words, and TABARI words ending in "_", are complete
		// words: compared with a token's lower-case form only
		return []string{k}
	}
	lem := text.Lemma(k)
	if len(k) < 4 || !pvIsLetters(k) || strings.HasSuffix(k, "e") {
		return []string{lem}
	}
	if alt := text.Lemma(k + "e"); alt != lem && len(alt) <= len(k) {
		return []string{lem, alt}
	}
	return []string{lem}
}

// wordToks turns a dictionary word into word tokens with their match keys.
// A word the tokenizer splits ("DON'T" → do, n't) gives consecutive tokens.
func (p *pvParser) wordToks(w string, join, exact bool) []ptok {
	key := w
	if exact {
		key += "_"
	}
	if toks, ok := p.words[key]; ok {
		if toks[0].join == join {
			return toks
		}
		out := append([]ptok(nil), toks...)
		out[0].join = join
		return out
	}
	var parts []string
	simple := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			simple = false
			break
		}
	}
	if simple {
		parts = []string{w}
	} else {
		parts = text.Tokenize(w)
		if len(parts) == 0 {
			parts = []string{w}
		}
	}
	toks := make([]ptok, len(parts))
	for i, part := range parts {
		k := normKey(part)
		toks[i] = ptok{kind: ElemWord, join: i > 0 || join, alts: p.wordAlts(k, exact), exact: p.headered || exact}
	}
	toks[0].join = join
	p.words[key] = toks
	return toks
}

// lexPattern splits pattern text into tokens: words, "*", the slots
// "+ $ % ^", synset references "&NAME" and TABARI lists "{ a | b_c }".
// PETRARCH-2 groups "{NOUN PHRASE}" and "(PREP PHRASE)" only bound words.
// A "_" between two items joins them; a "_" before a space or the end is
// dropped (PETRARCH's legacy open match).
func (p *pvParser) lexPattern(s string) ([]ptok, error) {
	var out []ptok
	join := false
	prep := false // after "(": the next word opens a prepositional phrase
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case ' ', '\t', '(', ')', '}':
			if c == ' ' || c == '\t' {
				join = false
			}
			prep = c == '(' || prep && (c == ' ' || c == '\t')
			i++
			continue
		case '_':
			join = true
			i++
			continue
		case '|', '[', ']':
			return nil, fmt.Errorf("unexpected %q", string(c))
		case '{':
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				return nil, fmt.Errorf("unclosed '{'")
			}
			inner := s[i+1 : i+j]
			if !strings.Contains(inner, "|") {
				i++ // a noun phrase: its words are read as usual
				continue
			}
			t := ptok{kind: '|', join: join, ref: &ptokRef{}}
			for _, alt := range strings.Split(inner, "|") {
				toks, err := p.lexPattern(alt)
				if err != nil {
					return nil, err
				}
				if len(toks) == 0 {
					return nil, fmt.Errorf("empty alternative in {...}")
				}
				for _, tk := range toks {
					if tk.kind == '*' {
						return nil, fmt.Errorf("'*' inside {...}")
					}
				}
				t.ref.opts = append(t.ref.opts, toks)
			}
			out = append(out, t)
			join = false
			i += j + 1
			continue
		case '*', '+', '$', '%', '^':
			k := byte('*')
			switch c {
			case '+':
				k = ElemTarget
			case '$':
				k = ElemSource
			case '%':
				k = ElemCompound
			case '^':
				k = ElemSkipNP
			}
			out = append(out, ptok{kind: k, join: join})
			join = false
			i++
			if c != '*' && i < len(s) && !strings.ContainsRune(" \t_(){}", rune(s[i])) {
				join = true // "+-SPONSORED": glued to the next word
			}
			continue
		}
		j := i
		for j < len(s) && !strings.ContainsRune(" \t_(){}|[]*", rune(s[j])) {
			j++
		}
		w := s[i:j]
		i = j
		exact := false
		if i < len(s) && s[i] == '_' && (i+1 == len(s) || strings.ContainsRune(" \t)}|", rune(s[i+1]))) {
			exact = true
			i++
		}
		if w[0] == '&' {
			if len(w) == 1 {
				return nil, fmt.Errorf("empty synset name")
			}
			out = append(out, ptok{kind: '&', join: join, ref: &ptokRef{name: w}})
			join = false
			continue
		}
		w = strings.TrimRight(strings.ReplaceAll(w, "~", ""), "=")
		if w == "" {
			continue
		}
		if strings.ContainsAny(w, "+$%^&") {
			return nil, fmt.Errorf("unexpected character in %q", w)
		}
		if t, ok := p.slashAlts(w, join, exact); ok {
			out = append(out, t)
			join = false
			continue
		}
		n := len(out)
		out = append(out, p.wordToks(w, join, exact)...)
		if prep && len(out) > n {
			out[n].prep = true
		}
		join, prep = false, false
	}
	return out, nil
}

// slashAlts reads PETRARCH-2 "BY/WITH": one word with alternatives. Only
// runs of letters count, so that names such as "F/A-18" stay whole.
func (p *pvParser) slashAlts(w string, join, exact bool) (ptok, bool) {
	if !strings.Contains(w, "/") {
		return ptok{}, false
	}
	parts := strings.Split(w, "/")
	for _, part := range parts {
		if len(part) < 2 || !pvIsLetters(part) {
			return ptok{}, false
		}
	}
	t := ptok{kind: ElemWord, join: join, exact: p.headered}
	for _, part := range parts {
		for _, a := range p.wordToks(part, false, exact)[0].alts {
			if !pvContains(t.alts, a) {
				t.alts = append(t.alts, a)
			}
		}
	}
	return t, true
}

// pvHasLetter reports whether w has an ASCII letter.
func pvHasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func pvIsLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// synset returns the alternatives of synset name: one option holding all
// its one-word members as alternatives of a single word, then one option
// per longer member. Members may use other synsets.
func (p *pvParser) synset(name string, num int) ([]pvOption, error) {
	if o, ok := p.memo[name]; ok {
		return o, nil
	}
	if err, ok := p.synErr[name]; ok {
		return nil, err
	}
	members, ok := p.syns[name]
	if !ok {
		return nil, fmt.Errorf("undefined synset %s", name)
	}
	if pvContains(p.busy, name) {
		return nil, fmt.Errorf("synset %s pvContains itself", name)
	}
	p.busy = append(p.busy, name)
	defer func() { p.busy = p.busy[:len(p.busy)-1] }()
	var single, singleX *ptok
	var opts []pvOption
	for _, m := range members {
		toks, err := p.lexPattern(m.text)
		if err == nil && len(toks) == 0 {
			err = fmt.Errorf("empty member")
		}
		var exps []pvOption
		if err == nil {
			err = p.expand(toks, num, func(seq pvOption) {
				exps = append(exps, slices.Clone(seq))
			})
		}
		if err != nil {
			p.skip(m.num, fmt.Sprintf("synset %s member: %v", name, err))
			continue
		}
		if p.headered && !strings.Contains(m.text, "_") {
			// PETRARCH adds the plural of a member not marked "_"
			for _, e := range exps {
				if t := &e[len(e)-1]; t.kind == ElemWord {
					alts := slices.Clip(t.alts)
					for _, a := range t.alts {
						if pl := pvPlural(a); !pvContains(alts, pl) {
							alts = append(alts, pl)
						}
					}
					t.alts = alts
				}
			}
		}
		for _, e := range exps {
			if len(e) == 1 && e[0].kind == ElemWord {
				// one-word members share one element; TABARI's complete
				// words ("WORD_") and its stems need one each
				sp := &single
				if e[0].exact && !p.headered {
					sp = &singleX
				}
				if *sp == nil {
					*sp = &ptok{kind: ElemWord, exact: e[0].exact}
				}
				for _, a := range e[0].alts {
					if !pvContains((*sp).alts, a) {
						(*sp).alts = append((*sp).alts, a)
					}
				}
				continue
			}
			for _, t := range e {
				if t.kind == '*' {
					err = fmt.Errorf("'*' in a synset member")
				}
			}
			if err != nil {
				p.skip(m.num, fmt.Sprintf("synset %s member: %v", name, err))
				break
			}
			opts = append(opts, e)
		}
	}
	if singleX != nil {
		opts = append([]pvOption{{*singleX}}, opts...)
	}
	if single != nil {
		opts = append([]pvOption{{*single}}, opts...)
	}
	if len(opts) == 0 {
		err := fmt.Errorf("synset %s has no usable member", name)
		p.synErr[name] = err
		return nil, err
	}
	p.memo[name] = opts
	return opts, nil
}

// expand replaces synsets and lists by each of their alternatives and
// calls each with at most pvMaxExpansions token sequences. The sequence is
// reused between calls: each must copy what it keeps.
func (p *pvParser) expand(toks []ptok, num int, each func(pvOption)) error {
	type choice struct {
		at   int
		opts []pvOption
	}
	var choices []choice
	total, extra := 1, 0
	for i, t := range toks {
		var opts []pvOption
		switch t.kind {
		case '&':
			o, err := p.synset(t.ref.name, num)
			if err != nil {
				return err
			}
			opts = o
		case '|':
			for _, alt := range t.ref.opts {
				err := p.expand(alt, num, func(seq pvOption) {
					opts = append(opts, slices.Clone(seq))
				})
				if err != nil {
					return err
				}
			}
		default:
			continue
		}
		choices = append(choices, choice{i, opts})
		longest := 0
		for _, o := range opts {
			longest = max(longest, len(o))
		}
		extra += longest
		if total <= pvMaxExpansions {
			total *= len(opts)
		}
	}
	if len(choices) == 0 {
		each(toks)
		return nil
	}
	if total > pvMaxExpansions {
		p.skip(num, fmt.Sprintf("synset expansion capped at %d patterns", pvMaxExpansions))
	}
	idx := make([]int, len(choices))
	seq := make(pvOption, 0, len(toks)+extra)
	for n := 0; n < pvMaxExpansions; n++ {
		seq = seq[:0]
		last := 0
		for ci, c := range choices {
			seq = append(seq, toks[last:c.at]...)
			opt := c.opts[idx[ci]]
			for k, t := range opt {
				if k == 0 {
					t.join = toks[c.at].join
				}
				seq = append(seq, t)
			}
			last = c.at + 1
		}
		seq = append(seq, toks[last:]...)
		each(seq)
		// next combination
		k := len(choices) - 1
		for k >= 0 {
			idx[k]++
			if idx[k] < len(choices[k].opts) {
				break
			}
			idx[k] = 0
			k--
		}
		if k < 0 {
			break
		}
	}
	return nil
}

// patternLine reads "- PRE * POST [code]".
func (p *pvParser) patternLine(ln pvLine) {
	if p.blk == nil || len(p.blk.verbs) == 0 {
		p.skip(ln.num, "pattern outside a verb block")
		return
	}
	s := strings.TrimSpace(ln.text[1:])
	open := strings.LastIndexByte(s, '[')
	if open < 0 || !strings.HasSuffix(s, "]") {
		p.skip(ln.num, "pattern without a [code]")
		return
	}
	code, code2, err := pvParseCode(s[open+1 : len(s)-1])
	if err != nil {
		p.skip(ln.num, "pattern: "+err.Error())
		return
	}
	toks, err := p.lexPattern(s[:open])
	if err != nil {
		p.skip(ln.num, "pattern: "+err.Error())
		return
	}
	stars := 0
	for _, t := range toks {
		if t.kind == '*' {
			stars++
		}
	}
	if stars != 1 {
		p.skip(ln.num, fmt.Sprintf("pattern needs one '*' for the verb, has %d", stars))
		return
	}
	pt := &pvPat{code: code, code2: code2, text: ln.text, rule: p.rule(ln.num)}
	err = p.expand(toks, ln.num, func(seq pvOption) {
		pt.exps = append(pt.exps, pvToExp(seq))
	})
	if err != nil {
		p.skip(ln.num, "pattern: "+err.Error())
		return
	}
	if p.headered {
		// PETRARCH stores a block's patterns in a tree keyed by their
		// words, so a later pattern with the same words replaces an
		// earlier one ("- * &PACT [041]" … "- * &PACT [043]": 043)
		pt.key = strings.Join(strings.Fields(strings.ToUpper(s[:open])), " ")
		for i, q := range p.blk.pats {
			if q.key == pt.key {
				p.blk.pats = slices.Delete(p.blk.pats, i, i+1)
				p.skip(ln.num, "pattern replaces the same pattern at "+q.rule)
				break
			}
		}
	}
	p.blk.pats = append(p.blk.pats, pt)
}

// pvToExp turns an expanded token sequence into the elements before and
// after the verb: a token not joined to the one before it gets a gap.
func pvToExp(seq pvOption) pvExp {
	star := 0
	for i, t := range seq {
		if t.kind == '*' {
			star = i
		}
	}
	// one allocation for both sides: count the gaps first
	n := len(seq) - 1
	for i, t := range seq {
		if i > 0 && !t.join {
			n++
		}
	}
	buf := make([]Elem, 0, n)
	for i, t := range seq[:star] {
		if i > 0 && !t.join {
			buf = append(buf, Elem{Kind: ElemGap})
		}
		buf = append(buf, pvTokElem(t))
	}
	if star > 0 && !seq[star].join {
		buf = append(buf, Elem{Kind: ElemGap})
	}
	np := len(buf)
	for _, t := range seq[star+1:] {
		if !t.join {
			buf = append(buf, Elem{Kind: ElemGap})
		}
		buf = append(buf, pvTokElem(t))
	}
	var e pvExp
	if np > 0 {
		e.pre = buf[:np:np]
	}
	if len(buf) > np {
		e.post = buf[np:len(buf):len(buf)]
	}
	e.lits = pvCountWords(e.pre) + pvCountWords(e.post)
	return e
}

func pvTokElem(t ptok) Elem {
	if t.kind == ElemWord {
		return Elem{Kind: ElemWord, Alts: t.alts, Exact: t.exact, Prep: t.prep}
	}
	return Elem{Kind: t.kind}
}
