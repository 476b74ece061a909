package quote

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/text"
)

//go:embed data/cues.txt
var defaultCues string

// Cues is the attribution vocabulary: verbs of saying, speaker-introducing
// phrases, and the words that tell names apart: organisation words,
// titles, capitalised words that are not names (data/cues.txt documents
// the format).
type Cues struct {
	verbs   map[string]bool // by text.Lemma of the base form
	objects map[string]bool // verbs taking the hearer first ("told X that")
	weaks   map[string]bool // verbs that need a quotation, "that" or ':'
	phrases [][]string      // lower-case words
	orgs    map[string]bool // lower-case words
	titles  map[string]bool // lower-case words
	notname map[string]bool // lower-case words
	places  map[string]bool // lower-case first words of place names
	others  map[string]bool // lower-case words of names that are not entities
}

// ParseCues reads a cue list in the data/cues.txt format; name is used in
// error messages.
func ParseCues(name, src string) (*Cues, error) {
	c := &Cues{verbs: map[string]bool{}, objects: map[string]bool{}, weaks: map[string]bool{}, orgs: map[string]bool{}, titles: map[string]bool{}, notname: map[string]bool{}, places: map[string]bool{}, others: map[string]bool{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(strings.ToLower(line))
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "verb":
			if len(f) < 2 {
				return nil, fmt.Errorf("%s:%d: want \"verb LEMMA [object] [weak]\"", name, n)
			}
			l := text.Lemma(f[1])
			c.verbs[l] = true
			for _, flag := range f[2:] {
				switch flag {
				case "object":
					c.objects[l] = true
				case "weak":
					c.weaks[l] = true
				default:
					return nil, fmt.Errorf("%s:%d: unknown verb flag %q (want object or weak)", name, n, flag)
				}
			}
		case "phrase":
			if len(f) < 2 {
				return nil, fmt.Errorf("%s:%d: want \"phrase WORDS...\"", name, n)
			}
			c.phrases = append(c.phrases, f[1:])
		case "org", "title", "notname", "place", "other":
			if len(f) != 2 {
				return nil, fmt.Errorf("%s:%d: want \"%s WORD\"", name, n, f[0])
			}
			map[string]map[string]bool{"org": c.orgs, "title": c.titles, "notname": c.notname, "place": c.places, "other": c.others}[f[0]][f[1]] = true
		default:
			return nil, fmt.Errorf("%s:%d: unknown entry kind %q (want verb, phrase, org, title, notname, place or other)", name, n, f[0])
		}
	}
	return c, sc.Err()
}

// DefaultCues returns the embedded cue list.
func DefaultCues() *Cues {
	c, err := ParseCues("quote/data/cues.txt", defaultCues)
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return c
}

// weak reports whether the verb with this lemma attributes only a
// quotation or a clause introduced by "that" or a colon.
func (c *Cues) weak(lemma string) bool { return c.weaks[lemma] }

func lemmaOf(base string) string { return text.Lemma(base) }
