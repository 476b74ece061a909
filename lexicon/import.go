package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// Report says what an import of another project's dictionaries read and
// what it could not represent.
type Report struct {
	// Files are the dictionary files read, in order.
	Files []string
	// Patterns, Actors, Agents and Discards count the entries added.
	Patterns, Actors, Agents, Discards int
	// Skipped has one line per construct that was not imported
	// ("file:line: reason"), and one summary line per file that was not
	// used or whose entries were left out as a whole ("file: reason").
	Skipped []string
	// Options holds option lines a TABARI project's .options file set
	// ("SET: CODE BY CLAUSE"), as written.
	Options []string
	// Shadowed lists the phrases of a secondary dictionary set (see
	// LoadPETRARCH) that were not imported because the primary set codes
	// the same phrase differently: "file:line: PHRASE [codes]: file:line
	// has [codes]".
	Shadowed []string
}

func (r *Report) skip(format string, a ...any) {
	r.Skipped = append(r.Skipped, fmt.Sprintf(format, a...))
}

// PETRARCH dictionary kinds, told by file name.
type petrKind int

const (
	pkOther    petrKind = iota
	pkVerbs             // *CAMEO*, *verbs*
	pkActors            // *actors*
	pkAgents            // *agents*
	pkDiscards          // *discards*
	pkIssues            // *issue*
	pkPreps             // *prepositions*
)

// petrFile is one dictionary file of a PETRARCH folder.
type petrFile struct {
	path, base string
	kind       petrKind
	validate   bool // a PETR.Validate.* (validation suite) file
}

func classifyPETRARCH(path string) petrFile {
	base := filepath.Base(path)
	b := strings.ToLower(base)
	f := petrFile{path: path, base: base, validate: strings.Contains(b, "validate")}
	switch {
	case strings.Contains(b, "verb") || strings.Contains(b, "cameo"):
		f.kind = pkVerbs
	case strings.Contains(b, "actor"):
		f.kind = pkActors
	case strings.Contains(b, "agent"):
		f.kind = pkAgents
	case strings.Contains(b, "discard"):
		f.kind = pkDiscards
	case strings.Contains(b, "issue"):
		f.kind = pkIssues
	case strings.Contains(b, "preposition"):
		f.kind = pkPreps
	}
	return f
}

// LoadPETRARCH reads PETRARCH dictionaries. path is a folder or a single
// dictionary file; files, when given, name the files of the folder to read
// (base names or glob patterns such as "PETR.Validate.*"), in that order,
// and nothing else is read. A named file that does not exist is an error.
//
// Each file's kind is told by its name (case-insensitive): verbs
// ("*CAMEO*", "*verbs*": PETRARCH-1 CAMEO.verbpatterns.*, PETRARCH-2
// CAMEO.2.0.txt; read by AddPETRARCHVerbs), actors ("*actors*",
// AddPETRARCHActors), agents ("*agents*", AddPETRARCHAgents), discards
// ("*discards*", AddPETRARCHDiscards), issues ("*issue*") and prepositions
// ("*prepositions*"), which dyad does not use (they are counted in
// Report.Skipped). Other files are listed in Report.Skipped.
//
// Given a folder alone, LoadPETRARCH reads it as PETRARCH's own
// distribution is laid out: an operational set (Phoenix.*, CAMEO.*) and a
// validation set (files named *Validate*, the fictional states of the
// PETRARCH unit tests). The operational set is the primary one. Where it
// holds several CAMEO.* verb dictionaries they are alternatives: the
// PETRARCH-2 one (CAMEO.2*, first by name) is read and the others are
// listed in Report.Skipped (name them in files to read them instead). The
// validation set is then read as a secondary set that only adds what the
// primary lacks: its actor and agent phrases unless the primary set has
// the same phrase (collisions with other codes are listed in
// Report.Shadowed), its verb patterns unless the primary set has patterns
// for the same verb, and all its discards. The folder alone thus codes
// like PETRARCH's release configuration (PETR_config.ini: CAMEO.2.0.txt and
// Phoenix.*) and also knows the validation set's invented actors. It does
// not reproduce the validation set's coding: both verb dictionaries define
// most of the same verbs differently and no precedence serves both, so
// name the set to code the PETRARCH unit tests ("PETR.Validate.*"). A
// folder with only a validation set reads it as the primary set.
//
// With a PETRARCH-2 verb dictionary (CAMEO.2*) in the primary set, the
// discards are checked as PETRARCH-2 checks them: over the sentence's
// whitespace-separated words (so "ago," is not the word "AGO"), whole words
// only, with a word after the phrase.
//
// Malformed lines are never fatal: they are listed in Report.Skipped.
func LoadPETRARCH(path string, files ...string) (*Lexicon, *Report, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("lexicon: PETRARCH dictionaries: %w", err)
	}
	l, r := New(), &Report{}
	if !st.IsDir() {
		if len(files) > 0 {
			return nil, nil, fmt.Errorf("lexicon: %s is a file, not a folder to choose files from", path)
		}
		f := classifyPETRARCH(path)
		if f.kind == pkOther {
			return nil, nil, fmt.Errorf("lexicon: cannot tell which PETRARCH dictionary %s is from its name (want *CAMEO*, *verbs*, *actors*, *agents*, *discards*, *issue*)", path)
		}
		if err := loadPETRARCHSet(l, []petrFile{f}, r); err != nil {
			return nil, nil, err
		}
		return l, r, nil
	}
	if len(files) > 0 {
		var set []petrFile
		for _, name := range files {
			p := name
			if !filepath.IsAbs(p) {
				p = filepath.Join(path, name)
			}
			matches := []string{p}
			if strings.ContainsAny(name, "*?[") {
				if matches, err = filepath.Glob(p); err != nil || len(matches) == 0 {
					return nil, nil, fmt.Errorf("lexicon: no PETRARCH dictionary in %s matches %q", path, name)
				}
			} else if _, err := os.Stat(p); err != nil {
				return nil, nil, fmt.Errorf("lexicon: PETRARCH dictionary: %w", err)
			}
			for _, m := range matches {
				f := classifyPETRARCH(m)
				if f.kind == pkOther {
					return nil, nil, fmt.Errorf("lexicon: cannot tell which PETRARCH dictionary %s is from its name", m)
				}
				set = append(set, f)
			}
		}
		if err := loadPETRARCHSet(l, set, r); err != nil {
			return nil, nil, err
		}
		return l, r, nil
	}

	ents, err := os.ReadDir(path)
	if err != nil {
		return nil, nil, fmt.Errorf("lexicon: %w", err)
	}
	var ops, val []petrFile
	for _, e := range ents {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		f := classifyPETRARCH(filepath.Join(path, e.Name()))
		switch {
		case f.kind == pkOther:
			r.skip("%s: not a PETRARCH dictionary name (*CAMEO*, *verbs*, *actors*, *agents*, *discards*, *issue*)", f.base)
		case f.validate:
			val = append(val, f)
		default:
			ops = append(ops, f)
		}
	}
	primary, secondary := ops, val
	if !hasCoding(ops) {
		primary, secondary = val, nil
	}
	primary = orderSet(primary, r)
	if !hasCoding(primary) {
		return nil, nil, fmt.Errorf("lexicon: %s has no PETRARCH verb, actor, agent or discard dictionary", path)
	}
	if err := loadPETRARCHSet(l, primary, r); err != nil {
		return nil, nil, err
	}
	for _, f := range primary {
		if f.kind == pkVerbs && strings.HasPrefix(strings.ToUpper(f.base), "CAMEO.2") {
			// the release configuration of PETRARCH-2, which checks
			// discards over whitespace-separated words
			l.discards.spaced = true
		}
	}
	if len(secondary) > 0 {
		tmp, tr := New(), &Report{}
		if err := loadPETRARCHSet(tmp, orderSet(secondary, tr), tr); err != nil {
			return nil, nil, err
		}
		r.Files = append(r.Files, tr.Files...)
		r.Skipped = append(r.Skipped, tr.Skipped...)
		l.mergeSecondary(tmp, r)
	}
	return l, r, nil
}

// hasCoding reports whether set has a dictionary that codes something.
func hasCoding(set []petrFile) bool {
	for _, f := range set {
		if f.kind >= pkVerbs && f.kind <= pkDiscards {
			return true
		}
	}
	return false
}

// orderSet sorts a set by kind then name and keeps one of several CAMEO.*
// verb dictionaries (CAMEO.2* first), reporting the others.
func orderSet(set []petrFile, r *Report) []petrFile {
	sort.SliceStable(set, func(i, j int) bool {
		if set[i].kind != set[j].kind {
			return set[i].kind < set[j].kind
		}
		return set[i].base < set[j].base
	})
	var cameo []int
	for i, f := range set {
		if f.kind == pkVerbs && strings.Contains(strings.ToLower(f.base), "cameo") {
			cameo = append(cameo, i)
		}
	}
	if len(cameo) < 2 {
		return set
	}
	keep := cameo[0]
	for _, i := range cameo {
		if strings.HasPrefix(strings.ToLower(set[i].base), "cameo.2") {
			keep = i
			break
		}
	}
	var out []petrFile
	for i, f := range set {
		if f.kind == pkVerbs && i != keep && strings.Contains(strings.ToLower(f.base), "cameo") {
			r.skip("%s: not read: an alternative verb dictionary to %s (name it to read it instead)", f.base, set[keep].base)
			continue
		}
		out = append(out, f)
	}
	return out
}

// loadPETRARCHSet reads the files of a set into l.
func loadPETRARCHSet(l *Lexicon, set []petrFile, r *Report) error {
	for _, f := range set {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return fmt.Errorf("lexicon: %w", err)
		}
		src := string(b)
		r.Files = append(r.Files, f.path)
		switch f.kind {
		case pkVerbs:
			n := len(l.Patterns)
			l.AddPETRARCHVerbs(f.base, src, r)
			if strings.HasPrefix(strings.ToUpper(f.base), "CAMEO.2") {
				plurals := map[string][]string{}
				for _, p := range l.Patterns[n:] {
					p.Tree = true
					treePlurals(p, plurals)
				}
			}
		case pkActors:
			l.AddPETRARCHActors(f.base, src, r)
		case pkAgents:
			l.AddPETRARCHAgents(f.base, src, r)
		case pkDiscards:
			l.AddPETRARCHDiscards(f.base, src, r)
		case pkIssues:
			n, c := paCountIssues(src)
			r.skip("%s: not used: %d issue phrases with %d issue codes (dyad does not code issues)", f.base, n, c)
		case pkPreps:
			r.skip("%s: not used: %d prepositions (dyad's parser needs no preposition list)", f.base, paCountLines(src))
		}
	}
	return nil
}

// mergeSecondary adds what the secondary lexicon o has and l lacks: actor
// and agent phrases l does not have, patterns whose verb l has no pattern
// for, and discards; it reports what it left out in r.
func (l *Lexicon) mergeSecondary(o *Lexicon, r *Report) {
	names := map[string][]*ActorEntry{}
	agents := map[string][]*ActorEntry{}
	discards := map[string]bool{}
	for _, e := range l.Actors {
		k := strings.Join(e.Keys, " ")
		switch e.Kind {
		case KindAgent:
			agents[k] = append(agents[k], e)
		case KindDiscardSentence, KindDiscardStory:
			discards[fmt.Sprint(e.Kind, e.Stem, k)] = true
		default:
			names[k] = append(names[k], e)
		}
	}
	type shadow struct {
		file    string
		same    bool
		phrase  string
		codes   []string
		primary []*ActorEntry
	}
	var order []string
	shadows := map[string]*shadow{}
	perFile := map[string][2]int{} // file → shadowed phrases, with other codes
	for _, e := range o.Actors {
		k := strings.Join(e.Keys, " ")
		var prim []*ActorEntry
		switch e.Kind {
		case KindAgent:
			prim = agents[k]
		case KindDiscardSentence, KindDiscardStory:
			if dk := fmt.Sprint(e.Kind, e.Stem, k); !discards[dk] {
				discards[dk] = true
				l.addDiscard(e)
				r.Discards++
			}
			continue
		default:
			prim = names[k]
		}
		if len(prim) == 0 {
			l.addActor(e)
			if e.Kind == KindAgent {
				r.Agents++
			} else {
				r.Actors++
			}
			continue
		}
		id := e.Rule + "\x00" + e.Phrase
		s := shadows[id]
		if s == nil {
			file, _, _ := strings.Cut(e.Rule, ":")
			s = &shadow{file: file, phrase: e.Phrase, primary: prim}
			shadows[id] = s
			order = append(order, id)
		}
		s.codes = append(s.codes, codeText(e))
	}
	for _, id := range order {
		s := shadows[id]
		var pc []string
		for _, p := range s.primary {
			pc = append(pc, codeText(p))
		}
		c := perFile[s.file]
		c[0]++
		if strings.Join(uniq(pc), " ") != strings.Join(uniq(s.codes), " ") {
			c[1]++
			rule, _, _ := strings.Cut(id, "\x00")
			r.Shadowed = append(r.Shadowed, fmt.Sprintf("%s: %s [%s]: %s has [%s]", rule, s.phrase,
				strings.Join(uniq(s.codes), "] ["), s.primary[0].Rule, strings.Join(uniq(pc), "] [")))
		}
		perFile[s.file] = c
	}
	var files []string
	for f := range perFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		c := perFile[f]
		r.skip("%s: %d phrases not imported: the primary set has them (%d with other codes, listed in Report.Shadowed)", f, c[0], c[1])
	}

	anchors := map[string]bool{}
	for a := range l.verbs {
		anchors[a] = true
	}
	type vcount struct {
		pats  int
		verbs map[string]bool
	}
	vfiles := map[string]*vcount{}
	for _, p := range o.Patterns {
		alts := anchorAlts(p)
		hit := false
		for _, a := range alts {
			hit = hit || anchors[a]
		}
		if !hit {
			l.addPattern(p)
			r.Patterns++
			continue
		}
		file, _, _ := strings.Cut(p.Rule, ":")
		vc := vfiles[file]
		if vc == nil {
			vc = &vcount{verbs: map[string]bool{}}
			vfiles[file] = vc
		}
		vc.pats++
		for _, a := range alts {
			vc.verbs[a] = true
		}
	}
	files = files[:0]
	for f := range vfiles {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		r.skip("%s: %d patterns not imported: the primary set has patterns for their %d verbs", f, vfiles[f].pats, len(vfiles[f].verbs))
	}
}

// anchorAlts returns the words addPattern indexes p under.
func anchorAlts(p *VerbPattern) []string {
	for _, el := range p.Elems {
		if el.Kind == ElemWord && !el.Optional {
			return el.Alts
		}
	}
	return nil
}

// codeText is an entry's code with its dates, for reports.
func codeText(e *ActorEntry) string {
	c := e.Code
	if e.Kind == KindAgent {
		if e.Prefix {
			c += "~"
		} else {
			c = "~" + c
		}
	}
	if e.Dated() {
		c += " " + e.From + ".." + e.To
	}
	return c
}

func uniq(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	j := 0
	for i, s := range out {
		if i == 0 || s != out[j-1] {
			out[j] = s
			j++
		}
	}
	return out[:j]
}

// LoadTABARI reads a TABARI ".project" file and the dictionaries it names
// on "<actorsfile> NAME", "<verbsfile> NAME", "<agentsfile> NAME" and
// "<optionsfile> NAME" lines (several of each are allowed; paths are
// relative to the project file). Verbs are read by AddPETRARCHVerbs,
// actors by AddTABARIActors, agents by AddTABARIAgents; the option lines
// of the options file (SET:, COMPLEX:, OUTPUT:, LABEL: …, not "//"
// comments) are kept in Report.Options. Text, event, error and problem
// files and the session log are ignored; issue and frequency files are
// listed in Report.Skipped. A missing project or dictionary file is an
// error naming it; so is a project with no actors or verbs file.
func LoadTABARI(project string) (*Lexicon, *Report, error) {
	b, err := os.ReadFile(project)
	if err != nil {
		return nil, nil, fmt.Errorf("lexicon: TABARI project: %w", err)
	}
	dir := filepath.Dir(project)
	type job struct {
		tag, path string
		line      int
	}
	var jobs []job
	coding := false
	l, r := New(), &Report{}
	for i, line := range strings.Split(string(b), "\n") {
		s := strings.TrimSpace(line)
		if !strings.HasPrefix(s, "<") {
			continue
		}
		j := strings.IndexByte(s, '>')
		if j < 0 {
			continue
		}
		tag := strings.ToLower(strings.TrimSpace(s[1:j]))
		f := strings.Fields(s[j+1:])
		switch tag {
		case "actorsfile", "verbsfile", "agentsfile", "optionsfile":
			if len(f) == 0 {
				r.skip("%s:%d: <%s> names no file", filepath.Base(project), i+1, tag)
				continue
			}
			p := f[0]
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			jobs = append(jobs, job{tag, p, i + 1})
			coding = coding || tag == "actorsfile" || tag == "verbsfile"
		case "issuesfile", "issuefile", "freqfile", "freqsfile":
			r.skip("%s:%d: <%s> %s not used (dyad does not code issues or frequencies)", filepath.Base(project), i+1, tag, strings.Join(f, " "))
		}
	}
	if !coding {
		return nil, nil, fmt.Errorf("lexicon: TABARI project %s names no <actorsfile> or <verbsfile>", project)
	}
	for _, jb := range jobs {
		b, err := os.ReadFile(jb.path)
		if err != nil {
			return nil, nil, fmt.Errorf("lexicon: %s:%d: %w", project, jb.line, err)
		}
		src, base := string(b), filepath.Base(jb.path)
		r.Files = append(r.Files, jb.path)
		switch jb.tag {
		case "verbsfile":
			l.AddPETRARCHVerbs(base, src, r)
		case "actorsfile":
			l.AddTABARIActors(base, src, r)
		case "agentsfile":
			l.AddTABARIAgents(base, src, r)
		case "optionsfile":
			for _, line := range strings.Split(src, "\n") {
				if s := strings.TrimSpace(line); s != "" && !strings.HasPrefix(s, "//") {
					r.Options = append(r.Options, s)
				}
			}
		}
	}
	return l, r, nil
}

// discardIndex indexes a lexicon's imported discard phrases
// (KindDiscardSentence, KindDiscardStory) for DiscardIn.
type discardIndex struct {
	first    map[string][]*ActorEntry // by first key, except one-word stems
	stems    map[string][]*ActorEntry // one-word stems, by the stem
	stemLens []int                    // distinct stem lengths in bytes, longest first
	// spaced reads phrases as PETRARCH-2 does: over the sentence's
	// whitespace-separated words (punctuation stays on its word: "ago,"
	// is no "AGO"), whole words only, and a phrase must have a word after
	// it (its check_discards completes a match on the next word).
	spaced bool
}

// add indexes one discard entry.
func (d *discardIndex) add(e *ActorEntry) {
	if d.first == nil {
		d.first, d.stems = map[string][]*ActorEntry{}, map[string][]*ActorEntry{}
	}
	if e.Stem && len(e.Keys) == 1 {
		k := e.Keys[0]
		if len(d.stems[k]) == 0 && !slices.Contains(d.stemLens, len(k)) {
			d.stemLens = append(d.stemLens, len(k))
			sort.Sort(sort.Reverse(sort.IntSlice(d.stemLens)))
		}
		d.stems[k] = append(d.stems[k], e)
		return
	}
	d.first[e.Keys[0]] = append(d.first[e.Keys[0]], e)
}

// DiscardIn returns the first imported discard phrase (PETRARCH discard
// list, TABARI "[###]" entry) found in toks and the index of its first
// token, or nil, -1. A story discard (KindDiscardStory: do not code the
// document) anywhere in toks is returned before any sentence discard
// (KindDiscardSentence: do not code the sentence), as PETRARCH checks
// them; among phrases at the same token the longest wins. Words compare
// like MatchName's (case-folded); a Stem phrase's last word matches any
// token that starts with it. The project's own "discard" entries
// (KindDiscard) only block names and are not returned.
func (l *Lexicon) DiscardIn(toks []dyad.Token) (e *ActorEntry, at int) {
	d := &l.discards
	if len(d.first) == 0 && len(d.stems) == 0 {
		return nil, -1
	}
	var sent *ActorEntry
	sentAt := -1
	for i := range toks {
		k := tokKey(toks[i])
		var best *ActorEntry
		try := func(e *ActorEntry) {
			if discardAt(e, toks, i, d.spaced) && (best == nil || e.Kind == KindDiscardStory && best.Kind != KindDiscardStory ||
				e.Kind == best.Kind && len(e.Keys) > len(best.Keys)) {
				best = e
			}
		}
		for _, e := range d.first[k] {
			try(e)
		}
		for _, n := range d.stemLens {
			if n <= len(k) {
				for _, e := range d.stems[k[:n]] {
					try(e)
				}
			}
		}
		switch {
		case best == nil:
		case best.Kind == KindDiscardStory:
			return best, i
		case sent == nil:
			sent, sentAt = best, i
		}
	}
	return sent, sentAt
}

// discardAt reports whether discard entry e matches toks from i; spaced:
// as whole whitespace-separated words followed by another word.
func discardAt(e *ActorEntry, toks []dyad.Token, i int, spaced bool) bool {
	n := len(e.Keys)
	if i+n > len(toks) {
		return false
	}
	if spaced {
		glued := func(a, b int) bool { return toks[b].Start <= toks[a].End }
		if i+n >= len(toks) || i > 0 && glued(i-1, i) || glued(i+n-1, i+n) {
			return false
		}
		for j := i; j < i+n-1; j++ {
			if glued(j, j+1) {
				return false
			}
		}
	}
	for j := 0; j < n; j++ {
		k := tokKey(toks[i+j])
		if j == n-1 && e.Stem && !spaced {
			if !strings.HasPrefix(k, e.Keys[j]) {
				return false
			}
		} else if k != e.Keys[j] {
			return false
		}
	}
	return true
}

// treePlurals lets the words of a PETRARCH-2 pattern other than its verb
// match their regular plurals too, as PETRARCH-2 does ("- * ASSURANCE"
// holds for "received assurances").
func treePlurals(p *VerbPattern, memo map[string][]string) {
	plural := func(es []Elem) {
		for i, e := range es {
			if e.Kind != ElemWord || !e.Exact {
				continue
			}
			key := strings.Join(e.Alts, "|")
			if alts, ok := memo[key]; ok {
				es[i].Alts = alts // (patterns share their word lists)
				continue
			}
			alts := append([]string(nil), e.Alts...)
			for _, a := range e.Alts {
				if pl := regularPlural(a); pl != "" && !slices.Contains(alts, pl) {
					alts = append(alts, pl)
				}
			}
			memo[key] = alts
			es[i].Alts = alts
		}
	}
	if len(p.Elems) > 1 {
		plural(p.Elems[1:])
	}
	plural(p.Pre)
}

// regularPlural is the regular plural of a lower-case noun, or "" for a
// word that is not one letter-only word or already ends in "s".
func regularPlural(w string) string {
	if len(w) < 3 || strings.HasSuffix(w, "s") {
		return ""
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	switch {
	case strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}
