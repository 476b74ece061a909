package text

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

// The word tables of this stage are data, not Go literals: each file under
// data/ holds one entry a line, "#" starts a comment.
//
//go:embed data/*.txt
var dataFS embed.FS

// tables holds the parsed data files. It is built once and never changed,
// so it is safe to share between goroutines.
type tables struct {
	// abbrevs maps an abbreviation with its period ("Gen.") to its kind.
	abbrevs map[string]abbrevKind
	// follows holds the capitalised words that continue a sentence after an
	// acronym such as "U.S.".
	follows map[string]bool
	// starters holds capitalised words that start a sentence after an
	// acronym such as "U.S.".
	starters map[string]bool
	// agencies and notPlace are the dateline word lists, upper case.
	agencies map[string]bool
	notPlace map[string]bool
	// irregular maps an irregular form to its base ("held" -> "hold").
	irregular map[string]string
}

// abbrevKind says how an abbreviation behaves at a sentence boundary.
type abbrevKind uint8

const (
	// kindTitle never ends a sentence.
	kindTitle abbrevKind = iota + 1
	// kindNumber does not end a sentence when a number follows.
	kindNumber
	// kindAbbrev may end a sentence.
	kindAbbrev
)

// loadTables parses the embedded data files once.
var loadTables = sync.OnceValues(func() (*tables, error) {
	t := &tables{
		abbrevs:   map[string]abbrevKind{},
		follows:   map[string]bool{},
		starters:  map[string]bool{},
		agencies:  map[string]bool{},
		notPlace:  map[string]bool{},
		irregular: map[string]string{},
	}
	err := readPairs("data/abbreviations.txt", func(kind, word string) error {
		switch kind {
		case "title":
			t.abbrevs[word+"."] = kindTitle
		case "number":
			t.abbrevs[word+"."] = kindNumber
		case "abbrev":
			t.abbrevs[word+"."] = kindAbbrev
		case "follows":
			t.follows[word] = true
		case "starter":
			t.starters[word] = true
		default:
			return fmt.Errorf("unknown kind %q", kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readPairs("data/datelines.txt", func(kind, word string) error {
		switch kind {
		case "agency":
			t.agencies[word] = true
		case "notplace":
			t.notPlace[word] = true
		default:
			return fmt.Errorf("unknown kind %q", kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readPairs("data/irregular.txt", func(form, base string) error {
		if form != strings.ToLower(form) || base != strings.ToLower(base) {
			return fmt.Errorf("%q %q: entries must be lower case", form, base)
		}
		t.irregular[form] = base
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
})

// readPairs calls fn for every "a b" line of an embedded data file.
func readPairs(name string, fn func(a, b string) error) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			return fmt.Errorf("%s:%d: want two fields, got %d", name, i+1, len(f))
		}
		if err := fn(f[0], f[1]); err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
	}
	return nil
}
