package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/lexicon"
)

const dictCmdUsage = `Usage:
  dyad dict import --from petrarch:DIR|tabari:PROJECT --out DIR [--force] [-q]
  dyad dict check [--dict SPEC]... [-q] [PATH...]

Commands:
  import   convert PETRARCH or TABARI dictionaries to dyad's native format
  check    lint dictionaries: invalid codes, duplicates, conflicts,
           unreachable patterns, unknown country codes

Run "dyad dict COMMAND --help" for its flags. The native format and its
extra syntax for imported dictionaries are described in docs/DICTIONARIES.md.
`

const dictImportHead = `Usage: dyad dict import --from petrarch:DIR|tabari:PROJECT --out DIR [--force] [-q]

Reads PETRARCH or TABARI dictionaries and writes them to DIR in dyad's native
format: DIR/actors/NN_SOURCE.txt and DIR/verbs/NN_SOURCE.txt, one file per
dictionary file read, with a header naming it and each line's source line in
a comment. Every line written is read back and compared with the imported
entry, so the native files load into the same dictionaries.

Prints the files read, the constructs the import could not represent ("not
imported"), the entries the native format could not express ("not written"),
then a summary.
`

const dictImportTail = `Exit status: 0 written (even with constructs not imported), 1 the
dictionaries could not be read or DIR written, 2 usage error.

Examples:
  dyad dict import --from petrarch:../PETRARCH/dictionaries --out mydicts
  dyad dict import --from tabari:Validate.project --out tabari-native --force
  dyad dict check mydicts
`

const dictCheckHead = `Usage: dyad dict check [--dict SPEC]... [-q] [PATH...]

Loads dictionaries and prints one "file:line: error|warning: message" line per
problem, then a summary line per dictionary set. Without --dict or PATH it
checks the dictionaries built into dyad (own).

SPEC is own, petrarch:DIR or tabari:PROJECT; PATH is a native dictionary
folder (with actors/ and verbs/, as "dyad dict import" writes) or one native
file under actors/ or verbs/.

Errors: malformed lines; verb codes that are neither CAMEO codes nor marked
foreign; entries for the same phrase and dates with different codes (the
first listed always wins); patterns identical to an earlier one but for
their codes (unreachable); patterns without a required word; agent codes
that are not runs of 3-letter sectors.
Warnings: duplicate entries and patterns; actor codes whose first three
letters are no known country, region, IGO or non-state code; constructs an
import skipped.
`

const dictCheckTail = `Exit status: 0 no errors (warnings allowed), 1 errors found or a dictionary
could not be read, 2 usage error.

Examples:
  dyad dict check
  dyad dict check -q --dict petrarch:../PETRARCH/dictionaries
  dyad dict check mydicts
`

// runDict implements "dyad dict import|check"; args are the arguments
// after "dict".
func runDict(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, dictCmdUsage)
		return 2
	}
	switch args[0] {
	case "import":
		return runDictImport(args[1:], stdout, stderr)
	case "check":
		return runDictCheck(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, dictCmdUsage)
		return 0
	}
	fmt.Fprintf(stderr, "dyad dict: unknown command %q\n\n%s", args[0], dictCmdUsage)
	return 2
}

// foreignSpec is a parsed petrarch:DIR or tabari:PROJECT value.
type foreignSpec struct{ dictSpec }

// parseForeignSpec parses petrarch:DIR[/GLOB] or tabari:PROJECT as --dict
// does (parseDictSpec), refusing own.
func parseForeignSpec(s string) (foreignSpec, error) {
	kind, _, ok := strings.Cut(strings.TrimSpace(s), ":")
	if k := strings.ToLower(strings.TrimSpace(kind)); !ok || k != "petrarch" && k != "tabari" {
		return foreignSpec{}, fmt.Errorf("%q: want petrarch:DIR (a PETRARCH dictionary folder or file) or tabari:PROJECT (a TABARI .project file)", s)
	}
	sp, err := parseDictSpec(s)
	if err != nil {
		// the caller names its own flag
		err = errors.New(strings.TrimPrefix(err.Error(), "--dict "))
	}
	return foreignSpec{sp}, err
}

// load runs the importer.
func (sp foreignSpec) load() (*lexicon.Lexicon, *lexicon.Report, error) {
	l, r, err := sp.dictSpec.load()
	if err == nil && (l == nil || r == nil) {
		err = errors.New("the importer returned no dictionaries")
	}
	return l, r, err
}

// ruleDir is the folder the importer's rule file names are relative to.
func (sp foreignSpec) ruleDir() string {
	if fi, err := os.Stat(sp.path); err == nil && fi.IsDir() {
		return sp.path
	}
	return filepath.Dir(sp.path)
}

// runDictImport implements "dyad dict import".
func runDictImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("dict import")
	from := fs.String("from", "", "the dictionaries to import: petrarch:`SPEC` (a PETRARCH dictionary folder or file) or tabari:PROJECT (a TABARI .project file)")
	out := fs.String("out", "", "the `DIR` to write actors/*.txt and verbs/*.txt to")
	force := fs.Bool("force", false, "replace the *.txt files already in DIR/actors and DIR/verbs")
	quiet := fs.Bool("q", false, "print only the summary and the entries not written")
	pos, code, done := parseFlags(fs, args, dictImportHead, dictImportTail, stdout, stderr)
	if done {
		return code
	}
	switch {
	case len(pos) > 0:
		return usageError(stderr, "dict import", "unexpected argument %q", pos[0])
	case *from == "":
		return usageError(stderr, "dict import", "--from is required")
	case *out == "":
		return usageError(stderr, "dict import", "--out is required")
	}
	sp, err := parseForeignSpec(*from)
	if err != nil {
		return usageError(stderr, "dict import", "--from %v", err)
	}
	var old []string
	for _, sub := range []string{"actors", "verbs"} {
		m, _ := filepath.Glob(filepath.Join(*out, sub, "*.txt"))
		old = append(old, m...)
	}
	if len(old) > 0 && !*force {
		fmt.Fprintf(stderr, "dyad dict import: %s already holds %s (%s); --force replaces them\n", *out, plural(len(old), "dictionary file"), old[0])
		return 1
	}

	lex, rep, err := sp.load()
	if err != nil {
		fmt.Fprintf(stderr, "dyad dict import: %s: %v\n", *from, err)
		return 1
	}
	if !*quiet {
		for _, f := range rep.Files {
			fmt.Fprintf(stdout, "read %s\n", f)
		}
		for _, s := range rep.Skipped {
			fmt.Fprintf(stdout, "not imported: %s\n", s)
		}
		for _, s := range rep.Shadowed {
			fmt.Fprintf(stdout, "shadowed: %s\n", s)
		}
		for _, s := range rep.Options {
			fmt.Fprintf(stdout, "option not stored in the native files: %s\n", s)
		}
	}

	for _, f := range old {
		if err := os.Remove(f); err != nil {
			fmt.Fprintf(stderr, "dyad dict import: %v\n", err)
			return 1
		}
	}
	var notWritten []string
	err = lex.WriteNative(*out)
	var nn *lexicon.NotNativeError
	switch {
	case errors.As(err, &nn):
		notWritten = nn.Entries
	case err != nil:
		fmt.Fprintf(stderr, "dyad dict import: %v\n", err)
		return 1
	}
	for _, s := range notWritten {
		fmt.Fprintf(stdout, "not written: %s\n", s)
	}
	var written []string
	for _, sub := range []string{"actors", "verbs"} {
		m, _ := filepath.Glob(filepath.Join(*out, sub, "*.txt"))
		written = append(written, m...)
	}
	fmt.Fprintf(stdout, "dict import: %s: %s read: %s, %s, %s, %s; %s not imported, %d entries not written; wrote %s to %s\n",
		*from, plural(len(rep.Files), "file"), plural(rep.Patterns, "verb pattern"),
		plural(rep.Actors, "actor"), plural(rep.Agents, "agent"), plural(rep.Discards, "discard"),
		plural(len(rep.Skipped), "construct"), len(notWritten),
		plural(len(written), "file"), *out)
	return 0
}

// lintFinding is one problem "dyad dict check" reports.
type lintFinding struct {
	file  string
	line  int
	err   bool // an error, else a warning
	msg   string
	order int
}

func (f lintFinding) String() string {
	sev := "warning"
	if f.err {
		sev = "error"
	}
	if f.line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", f.file, f.line, sev, f.msg)
	}
	return fmt.Sprintf("%s: %s: %s", f.file, sev, f.msg)
}

// lintSet is one dictionary set to check.
type lintSet struct {
	name     string
	lex      *lexicon.Lexicon
	findings []lintFinding // malformed lines, constructs skipped
	dir      string        // prefix of relative rule files ("" = none)
}

// runDictCheck implements "dyad dict check".
func runDictCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("dict check")
	var specs dictList
	fs.Var(&specs, "dict", "dictionaries to check, repeatable: own (the default), petrarch:`DIR`, tabari:PROJECT")
	quiet := fs.Bool("q", false, "print errors only, not warnings (they are still counted)")
	pos, code, done := parseFlags(fs, args, dictCheckHead, dictCheckTail, stdout, stderr)
	if done {
		return code
	}
	srcs := append(append([]string(nil), specs...), pos...)
	if len(srcs) == 0 {
		srcs = []string{"own"}
	}
	own, err := lexicon.Default()
	if err != nil {
		fmt.Fprintf(stderr, "dyad dict check: %v\n", err)
		return 1
	}
	status, totalErr, totalWarn := 0, 0, 0
	for _, src := range srcs {
		set, err := loadLintSet(src, own)
		if err != nil {
			fmt.Fprintf(stderr, "dyad dict check: %v\n", err)
			status = 1
			continue
		}
		found := append(set.findings, lintLexicon(set.lex, own, set.dir)...)
		for i := range found {
			found[i].order = i
		}
		sort.SliceStable(found, func(i, j int) bool {
			a, b := found[i], found[j]
			if a.file != b.file {
				return a.file < b.file
			}
			if a.line != b.line {
				return a.line < b.line
			}
			return a.order < b.order
		})
		nErr, nWarn := 0, 0
		for _, f := range found {
			if f.err {
				nErr++
			} else {
				nWarn++
				if *quiet {
					continue
				}
			}
			fmt.Fprintln(stdout, f)
		}
		fmt.Fprintf(stdout, "dict check: %s: %d actor entries, %s: %s, %s\n", set.name,
			len(set.lex.Actors), plural(len(set.lex.Patterns), "verb pattern"),
			plural(nErr, "error"), plural(nWarn, "warning"))
		totalErr += nErr
		totalWarn += nWarn
		if nErr > 0 {
			status = 1
		}
	}
	if len(srcs) > 1 {
		fmt.Fprintf(stdout, "dict check: %s checked: %s, %s\n", plural(len(srcs), "dictionary set"),
			plural(totalErr, "error"), plural(totalWarn, "warning"))
	}
	return status
}

// loadLintSet loads one --dict value or PATH.
func loadLintSet(src string, own *lexicon.Lexicon) (*lintSet, error) {
	s := strings.TrimSpace(src)
	switch {
	case strings.EqualFold(s, "own"):
		return &lintSet{name: "own", lex: own, dir: filepath.Join("lexicon", "data")}, nil
	case strings.HasPrefix(strings.ToLower(s), "petrarch:"), strings.HasPrefix(strings.ToLower(s), "tabari:"):
		sp, err := parseForeignSpec(s)
		if err != nil {
			return nil, err
		}
		l, r, err := sp.load()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		set := &lintSet{name: s, lex: l, dir: sp.ruleDir()}
		for _, sk := range r.Skipped {
			f := findingOf(sk, false, set.dir)
			f.msg = "not imported: " + f.msg
			set.findings = append(set.findings, f)
		}
		return set, nil
	}
	return loadNativeSet(s)
}

// loadNativeSet reads a native dictionary folder, or one native file,
// keeping every malformed line as an error.
func loadNativeSet(path string) (*lintSet, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (want own, petrarch:DIR, tabari:PROJECT or a native dictionary folder)", path, err)
	}
	type file struct{ path, kind string }
	var files []file
	if fi.IsDir() {
		for _, sub := range []string{"actors", "verbs"} {
			m, err := filepath.Glob(filepath.Join(path, sub, "*.txt"))
			if err != nil {
				return nil, err
			}
			sort.Strings(m)
			for _, p := range m {
				files = append(files, file{p, sub})
			}
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no actors/*.txt or verbs/*.txt files: not a native dictionary folder (use petrarch:DIR or tabari:PROJECT for those)", path)
		}
	} else {
		kind := filepath.Base(filepath.Dir(path))
		if kind != "actors" && kind != "verbs" {
			return nil, fmt.Errorf("%s: a native dictionary file must be in an actors/ or verbs/ folder", path)
		}
		files = []file{{path, kind}}
	}
	set := &lintSet{name: path, lex: lexicon.New()}
	for _, f := range files {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		var errs []string
		if f.kind == "actors" {
			errs = set.lex.AddActors(f.path, string(b))
		} else {
			errs = set.lex.AddVerbs(f.path, string(b))
		}
		for _, e := range errs {
			set.findings = append(set.findings, findingOf(e, true, ""))
		}
	}
	return set, nil
}

// findingOf turns a "file:line: message" or "file: message" string into a
// finding.
func findingOf(s string, isErr bool, dir string) lintFinding {
	f := lintFinding{err: isErr, msg: s}
	head, msg, ok := strings.Cut(s, ": ")
	if !ok {
		return f
	}
	f.msg = msg
	f.file, f.line = splitRule(head)
	f.file = inDir(dir, f.file)
	return f
}

// splitRule splits "file:line".
func splitRule(rule string) (string, int) {
	if i := strings.LastIndexByte(rule, ':'); i >= 0 {
		if n, err := strconv.Atoi(rule[i+1:]); err == nil {
			return rule[:i], n
		}
	}
	return rule, 0
}

// inDir puts a relative rule file under dir.
func inDir(dir, file string) string {
	if dir == "" || file == "" || filepath.IsAbs(file) {
		return file
	}
	return filepath.Join(dir, file)
}

// nonCountryCodes are the CAMEO actor codes that may begin a code in place
// of a country: "---" (unknown), international and non-state actors,
// regions, and ethnic and religious groups.
var nonCountryCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`--- IGO NGO NGM IMG MNC UIS INT
		AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS
		SAF SAM SAS SCN SEA WAF WST
		ARB KUR CHR MOS JEW BUD HIN SIK`) {
		nonCountryCodes[c] = true
	}
}

// lintLexicon checks l and returns its problems. own supplies the known
// country codes; dir is the folder relative rule files are in.
func lintLexicon(l *lexicon.Lexicon, own *lexicon.Lexicon, dir string) []lintFinding {
	var out []lintFinding
	add := func(rule string, isErr bool, format string, a ...any) {
		file, line := splitRule(rule)
		out = append(out, lintFinding{file: inDir(dir, file), line: line, err: isErr, msg: fmt.Sprintf(format, a...)})
	}
	where := func(rule string) string {
		file, line := splitRule(rule)
		if line == 0 {
			return inDir(dir, file)
		}
		return fmt.Sprintf("%s:%d", inDir(dir, file), line)
	}

	reported := map[string]bool{} // one message per line and text
	once := func(rule, msg string) bool {
		k := rule + "\x00" + msg
		if reported[k] {
			return false
		}
		reported[k] = true
		return true
	}

	// verb patterns (a line may hold several: one message per line)
	seen := map[string]*lexicon.VerbPattern{}
	for _, p := range l.Patterns {
		for _, c := range []struct{ what, code string }{{"code", p.Code}, {"neg", p.Neg}, {"code2", p.Code2}} {
			if c.code == "" || c.what == "code2" && c.code == "---" {
				continue
			}
			if msg := fmt.Sprintf("%s %q is not a CAMEO code (an imported code needs the foreign option)", c.what, c.code); !p.Foreign && !cameo.Valid(c.code) && once(p.Rule, msg) {
				add(p.Rule, true, "%s", msg)
			}
		}
		text := strings.Join(strings.Fields(p.Text), " ")
		if !hasRequiredWord(p.Elems) {
			add(p.Rule, true, "%q: no required word from its anchor on: the pattern is never tried", text)
			continue
		}
		key := patternKey(p)
		q, dup := seen[key]
		switch {
		case !dup:
			seen[key] = p
		case q.Rule == p.Rule || !once(p.Rule, q.Rule):
		case q.Code == p.Code && q.Neg == p.Neg && q.Code2 == p.Code2:
			add(p.Rule, false, "%q duplicates %s", text, where(q.Rule))
		default:
			add(p.Rule, true, "%q (%s) can never win: %s has the same elements with %s", text, patternCodes(p), where(q.Rule), patternCodes(q))
		}
	}

	// actors. Known country codes: the own country entries, and in l
	// every bare 3-letter code of a name (imported dictionaries have no
	// country kind: "FREEDONIA [FRD]" defines FRD).
	countries := map[string]bool{}
	if own != nil {
		for _, e := range own.Actors {
			if e.Kind == lexicon.KindCountry {
				countries[e.Code] = true
			}
		}
	}
	for _, e := range l.Actors {
		switch e.Kind {
		case lexicon.KindCountry, lexicon.KindActor, lexicon.KindAdjective, lexicon.KindCapital:
			if len(e.Code) == 3 {
				countries[e.Code] = true
			}
		}
	}
	type phraseKey struct {
		bucket, keys, from, to string
		cs, stem               bool
	}
	first := map[phraseKey]*lexicon.ActorEntry{}
	for _, e := range l.Actors {
		switch e.Kind {
		case lexicon.KindAgent:
			if !sectorRun(e.Code) {
				if msg := fmt.Sprintf("agent code %q is not a run of 3-letter sectors", e.Code); once(e.Rule, msg) {
					add(e.Rule, true, "%s", msg)
				}
			}
		case lexicon.KindCountry, lexicon.KindAdjective, lexicon.KindCapital, lexicon.KindActor, lexicon.KindPerson:
			if c := countryPart(e.Code); c != "" && !countries[c] && !nonCountryCodes[c] {
				if msg := fmt.Sprintf("unknown country code %q in actor code %q", c, e.Code); once(e.Rule, msg) {
					add(e.Rule, false, "%s", msg)
				}
			}
		}
		bucket := "name"
		switch e.Kind {
		case lexicon.KindAgent:
			bucket = "agent"
		case lexicon.KindDiscardSentence, lexicon.KindDiscardStory:
			bucket = "discard"
		}
		k := phraseKey{bucket, strings.Join(e.Keys, " "), e.From, e.To, e.Case, e.Stem}
		f, ok := first[k]
		if !ok {
			first[k] = e
			continue
		}
		// one message per pair of lines
		if f.Rule == e.Rule || !once(e.Rule, f.Rule) {
			continue // a phrase and the plural of another on its own line
		}
		if f.Kind == e.Kind && f.Code == e.Code && f.Full == e.Full && f.Prefix == e.Prefix {
			add(e.Rule, false, "%q (%s %s) duplicates %s", k.keys, e.Kind, e.Code, where(f.Rule))
			continue
		}
		add(e.Rule, true, "%q (%s %s) conflicts with %s (%s %s): same phrase and dates, and the first always wins",
			k.keys, e.Kind, e.Code, where(f.Rule), f.Kind, f.Code)
	}
	return out
}

// hasRequiredWord reports whether elems has a required word (the anchor the
// pattern is indexed by).
func hasRequiredWord(elems []lexicon.Elem) bool {
	for _, e := range elems {
		if e.Kind == lexicon.ElemWord && !e.Optional {
			return true
		}
	}
	return false
}

// patternKey is the identity of a pattern's elements: two patterns with
// the same key match the same words.
func patternKey(p *lexicon.VerbPattern) string {
	var b strings.Builder
	elems := func(es []lexicon.Elem) {
		for _, e := range es {
			b.WriteByte(e.Kind)
			if e.Exact {
				b.WriteByte('=')
			}
			if e.Optional {
				b.WriteByte('?')
			}
			alts := append([]string(nil), e.Alts...)
			sort.Strings(alts)
			b.WriteString(strings.Join(alts, "/"))
			b.WriteByte(' ')
		}
	}
	elems(p.Pre)
	b.WriteString("@ ")
	elems(p.Elems)
	return b.String()
}

// patternCodes describes a pattern's codes: "code 042, neg 125".
func patternCodes(p *lexicon.VerbPattern) string {
	s := "code " + p.Code
	if p.Neg != "" {
		s += ", neg " + p.Neg
	}
	if p.Code2 != "" {
		s += ", code2 " + p.Code2
	}
	return s
}

// sectorRun reports whether code is one or more 3-letter upper-case
// sectors.
func sectorRun(code string) bool {
	if code == "" || len(code)%3 != 0 {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}

// countryPart returns the first three letters of an actor code when they
// can be checked (upper-case letters or "---"), else "".
func countryPart(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	if c == "---" {
		return c
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return ""
		}
	}
	return c
}
