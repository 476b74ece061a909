package lexicon

import "errors"

// Report says what an import of another project's dictionaries read and
// what it could not represent.
type Report struct {
	// Files are the dictionary files read, in order.
	Files []string
	// Patterns, Actors, Agents and Discards count the entries added.
	Patterns, Actors, Agents, Discards int
	// Skipped has one line per construct that was not imported
	// ("file:line: reason").
	Skipped []string
	// Options holds option lines a TABARI project's .options file set
	// ("SET: CODE BY CLAUSE"), as written.
	Options []string
}

// errNotYet is returned by loaders under construction.
var errNotYet = errors.New("lexicon: not implemented yet")

// LoadPETRARCH reads the PETRARCH dictionaries in dir: verb files
// (PETRARCH-1 "CAMEO.verbpatterns.*" and "*.verbs.txt", PETRARCH-2
// "CAMEO.2.0.txt"), "*.actors.txt" with dated codes, "*.agents.txt",
// "*.discards.txt" and issues files. The result drives the same coder as
// the project's own dictionaries.
func LoadPETRARCH(dir string) (*Lexicon, *Report, error) {
	return nil, nil, errNotYet
}

// LoadTABARI reads a TABARI ".project" file and the actors, verbs, agents
// and options files it names (paths relative to the project file).
func LoadTABARI(project string) (*Lexicon, *Report, error) {
	return nil, nil, errNotYet
}
