package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/lexicon"
)

// dictUsage is the help text of the --dict flag.
const dictUsage = "dictionaries to code with, `SPEC`: own (the embedded dyad dictionaries, the default), petrarch:DIR (a PETRARCH dictionary folder or file), tabari:PROJECT (a TABARI .project file); repeatable, merged in order"

// dictHelp explains --dict in the help of the commands that take it.
const dictHelp = `Dictionaries (--dict, repeatable):
  own               the dictionaries built into dyad (the default)
  petrarch:DIR      PETRARCH dictionaries: the folder that holds the verb file
                    (CAMEO.2.0.txt, *.verbs.txt) and the *.actors.txt,
                    *.agents.txt and *.discards.txt files, or one such file;
                    petrarch:'DIR/PATTERN' reads only the files of DIR that
                    match the pattern (petrarch:'dicts/PETR.Validate.*')
  tabari:PROJECT    a TABARI .project file and the dictionaries it names
  Several --dict flags are merged in order ("--dict own --dict petrarch:DIR"
  codes with both); given any, only those listed are used. What an import
  could not represent is summarised on standard error (-q: not at all).
`

// dictList is a repeatable string flag.
type dictList []string

func (d *dictList) String() string { return strings.Join(*d, ", ") }

func (d *dictList) Set(s string) error {
	*d = append(*d, s)
	return nil
}

// dictUsageError is a --dict value that names no usable dictionaries: a
// usage error (exit status 2), unlike a dictionary that fails to load.
type dictUsageError struct{ error }

// dictExit is the exit status for an error of loadDicts.
func dictExit(err error) int {
	var u dictUsageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// dictSpec is one parsed --dict value.
type dictSpec struct {
	kind  string // "own", "petrarch", "tabari"
	path  string
	files string // petrarch: the glob pattern of the folder's files to read ("" = the folder's default choice)
	text  string // as given
}

// petrarchHint and tabariHint say what to give instead.
const (
	petrarchHint = "give the folder that holds CAMEO.2.0.txt and the *.actors.txt files (or one PETRARCH dictionary file)"
	tabariHint   = "give a TABARI .project file (it names the .actors, .verbs, .agents and .options files)"
)

// parseDictSpec parses one --dict value and checks that its path exists.
// A TABARI folder holding exactly one .project file stands for that file.
func parseDictSpec(s string) (dictSpec, error) {
	text := strings.TrimSpace(s)
	kind, path, hasColon := strings.Cut(text, ":")
	kind = strings.ToLower(strings.TrimSpace(kind))
	spec := dictSpec{kind: kind, path: strings.TrimSpace(path), text: s}
	switch {
	case text == "":
		return spec, errors.New(`--dict "": give own, petrarch:DIR or tabari:PROJECT`)
	case kind == "own":
		if hasColon {
			return spec, fmt.Errorf("--dict %s: own takes no path; use --dict own, or petrarch:DIR / tabari:PROJECT for other dictionaries", s)
		}
		return spec, nil
	case !hasColon:
		return spec, fmt.Errorf("--dict %s: unknown dictionaries; use own, petrarch:DIR (a PETRARCH dictionary folder or file) or tabari:PROJECT (a TABARI .project file)", s)
	case kind != "petrarch" && kind != "tabari":
		return spec, fmt.Errorf("--dict %s: unknown dictionary kind %q; use own, petrarch:DIR (a PETRARCH dictionary folder or file) or tabari:PROJECT (a TABARI .project file)", s, kind)
	}
	hint := petrarchHint
	if kind == "tabari" {
		hint = tabariHint
	}
	if spec.path == "" {
		return spec, fmt.Errorf("--dict %s: no path after %q; %s", s, kind+":", hint)
	}
	if kind == "petrarch" && strings.ContainsAny(filepath.Base(spec.path), "*?[") {
		// petrarch:DIR/PETR.Validate.* reads just those files of DIR.
		dir, pattern := filepath.Dir(spec.path), filepath.Base(spec.path)
		if _, err := filepath.Match(pattern, ""); err != nil {
			return spec, fmt.Errorf("--dict %s: bad file pattern %q: %w", s, pattern, err)
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return spec, fmt.Errorf("--dict %s: no such directory %s; %s", s, dir, petrarchHint)
		}
		if m, _ := filepath.Glob(spec.path); len(m) == 0 {
			return spec, fmt.Errorf("--dict %s: no file of %s matches %q; %s", s, dir, pattern, petrarchHint)
		}
		spec.path, spec.files = dir, pattern
		return spec, nil
	}
	fi, err := os.Stat(spec.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		what := "no such directory or file"
		if kind == "tabari" {
			what = "no such file"
		}
		return spec, fmt.Errorf("--dict %s: %s; %s", s, what, hint)
	case err != nil:
		return spec, fmt.Errorf("--dict %s: %w; %s", s, err, hint)
	}
	if kind == "tabari" && fi.IsDir() {
		projects, _ := filepath.Glob(filepath.Join(spec.path, "*.project"))
		sort.Strings(projects)
		switch len(projects) {
		case 1:
			spec.path = projects[0]
		case 0:
			return spec, fmt.Errorf("--dict %s: a directory with no .project file; %s", s, tabariHint)
		default:
			names := make([]string, len(projects))
			for i, p := range projects {
				names[i] = filepath.Base(p)
			}
			return spec, fmt.Errorf("--dict %s: a directory with %d .project files (%s); name one of them", s, len(projects), strings.Join(names, ", "))
		}
	}
	return spec, nil
}

// load reads the dictionaries spec names; the report is nil for own.
func (spec dictSpec) load() (lex *lexicon.Lexicon, rep *lexicon.Report, err error) {
	switch spec.kind {
	case "own":
		lex, err = lexicon.Default()
	case "petrarch":
		if spec.files != "" {
			lex, rep, err = lexicon.LoadPETRARCH(spec.path, spec.files)
		} else {
			lex, rep, err = lexicon.LoadPETRARCH(spec.path)
		}
	case "tabari":
		lex, rep, err = lexicon.LoadTABARI(spec.path)
	}
	return lex, rep, err
}

// loadDicts loads the dictionaries the --dict values name (own when there
// are none) and merges them in order into one lexicon; a single value is
// used as loaded. It returns the option lines of the TABARI projects among
// them, in order, for "dyad eval". Unless quiet, it prints a summary of
// each import (files, counts, what was not imported) on stderr. Every spec
// is checked before any is loaded.
func loadDicts(specs []string, stderr io.Writer, quiet bool) (*lexicon.Lexicon, []string, error) {
	if len(specs) == 0 {
		specs = []string{"own"}
	}
	var parsed []dictSpec
	seen := map[[2]string]bool{}
	for _, s := range specs {
		p, err := parseDictSpec(s)
		if err != nil {
			return nil, nil, dictUsageError{err}
		}
		if k := [2]string{p.kind, filepath.Join(p.path, p.files)}; !seen[k] { // the same dictionaries twice would double every entry
			seen[k] = true
			parsed = append(parsed, p)
		}
	}
	var lexes []*lexicon.Lexicon
	var options []string
	for _, spec := range parsed {
		lex, rep, err := spec.load()
		if err != nil {
			hint := ""
			switch spec.kind {
			case "petrarch":
				hint = "; " + petrarchHint
			case "tabari":
				hint = "; " + tabariHint
			}
			return nil, nil, fmt.Errorf("--dict %s: %w%s", spec.text, err, hint)
		}
		if lex == nil {
			return nil, nil, fmt.Errorf("--dict %s: the loader returned no dictionaries", spec.text)
		}
		if rep != nil {
			if !quiet {
				writeImportSummary(stderr, spec.text, rep)
			}
			if spec.kind == "tabari" {
				options = append(options, rep.Options...)
			}
		}
		lexes = append(lexes, lex)
	}
	if len(lexes) == 1 {
		return lexes[0], options, nil
	}
	merged := lexicon.New()
	for _, l := range lexes {
		merged.Merge(l)
	}
	return merged, options, nil
}

// maxSkippedShown is how many skipped constructs an import summary
// quotes, maxSkippedRunes how much of each.
const (
	maxSkippedShown = 3
	maxSkippedRunes = 100
)

// writeImportSummary prints one line of what an import read and, when
// something was not imported, a second line with the first few of those.
func writeImportSummary(w io.Writer, spec string, rep *lexicon.Report) {
	line := fmt.Sprintf("dyad: --dict %s: %s: %s, %s, %s, %s",
		spec, plural(len(rep.Files), "file"),
		plural(rep.Patterns, "verb pattern"), plural(rep.Actors, "actor"),
		plural(rep.Agents, "agent"), plural(rep.Discards, "discard"))
	if len(rep.Options) > 0 {
		line += ", " + plural(len(rep.Options), "option line")
	}
	line += fmt.Sprintf("; %s not imported", plural(len(rep.Skipped), "construct"))
	if len(rep.Shadowed) > 0 {
		line += fmt.Sprintf(", %d phrases left to the primary set's codes", len(rep.Shadowed))
	}
	fmt.Fprintln(w, line)
	if len(rep.Skipped) == 0 {
		return
	}
	var shown []string
	for _, s := range rep.Skipped {
		if len(shown) == maxSkippedShown {
			break
		}
		s = strings.Join(strings.Fields(s), " ")
		if r := []rune(s); len(r) > maxSkippedRunes {
			s = string(r[:maxSkippedRunes]) + "…"
		}
		shown = append(shown, s)
	}
	more := ""
	if n := len(rep.Skipped) - len(shown); n > 0 {
		more = fmt.Sprintf(" (and %d more)", n)
	}
	fmt.Fprintf(w, "dyad: --dict %s: not imported: %s%s\n", spec, strings.Join(shown, "; "), more)
}

// ownOnly reports whether the --dict values ask for the embedded
// dictionaries alone (none given counts).
func ownOnly(specs []string) bool {
	for _, s := range specs {
		if !strings.EqualFold(strings.TrimSpace(s), "own") {
			return false
		}
	}
	return true
}

// importedDicts reports whether any --dict value names another project's
// dictionaries: PETRARCH and TABARI code only events that have both a
// source and a target, so dyad does the same with their dictionaries.
func importedDicts(specs []string) bool {
	for _, s := range specs {
		if strings.HasPrefix(s, "petrarch:") || strings.HasPrefix(s, "tabari:") {
			return true
		}
	}
	return false
}
