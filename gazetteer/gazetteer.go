// Package gazetteer is dyad's place-name index: countries, first-level
// divisions, US counties, populated places and a few continents and regions,
// each with coordinates, an ISO 3166-1 alpha-3 country and a GeoNames feature
// code. The embedded file data/gazetteer.tsv.lz is derived from GeoNames
// (cities500, CC BY 4.0), world-countries (ODbL 1.0) and the division
// packages named in NOTICE by scripts/gazetteer/gen.sh or "dyad gazetteer
// build"; Load reads it once.
//
// Names are looked up by Key: lower case, accents folded, "." and
// apostrophes dropped, spaces collapsed, so that "U.S." finds "US" and
// "Saint-Etienne" finds "Saint-Étienne". Matching capitalisation, telling a
// place from a person or an organisation and choosing between namesakes are
// the geo stage's work, not this package's.
package gazetteer

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Entry is one place.
type Entry struct {
	ID         int      // GeoNames id (0 for entries with none)
	Name       string   // preferred name
	Names      []string // every name it answers to, Name included (alternate names in Latin script, ASCII forms)
	Lat, Lon   float64
	Country    string // ISO 3166-1 alpha-3 ("USA"); "" for continents/regions
	Feature    string // GeoNames feature code: PPL, PPLA, PPLA2, PPLC, PPLX…, ADM1, ADM2, PCLI, CONT, RGN…
	Admin1     string // GeoNames admin1 code of a city or division ("TX", "13"); "" otherwise
	Population int64
	// Demonyms are the words for the country's people and the adjective
	// ("Syrian", "Syrians"); set for countries only. Lookup does not find
	// entries by them: Demonym does.
	Demonyms []string
}

// Gazetteer is an index of entries by name key. It is read-only after New
// and safe for concurrent use.
//
// The index is text (see appendIndex): a hash table of offsets finds a
// key's line, which lists its entries. The embedded gazetteer keeps its
// entries as the lines of the decoded file and parses those a lookup
// returns; one made by New keeps the entries it was given.
type Gazetteer struct {
	data  string   // the decoded file (Load) or the index section (New)
	slots []uint64 // hash table of key lines: first entry << 32 | offset in data + 1; 0 is empty
	// firstWords is a bit set of the hashes of the first words of
	// multi-word keys (see MayStartName).
	firstWords []uint64
	recs       []int32                 // Load: offsets of the entry lines in data
	cache      []atomic.Pointer[Entry] // Load: the entries parsed so far, by number
	given      []Entry                 // New: the entries
	maxWords   int

	countries map[string]int32
	admin1    map[admin1Key]int32
	demonyms  map[string]int32

	allOnce sync.Once
	all     []Entry // Load: every entry, parsed by the first call of Entries
}

// New indexes entries. Each entry is found by the Key of each of its names
// (and of Name, even when Names leaves it out); entries that share a key are
// ordered by population, most populous first, then by feature (countries,
// divisions, cities), then by ID. A country entry (feature PCL*) is also
// found by Country and its Demonyms by Demonym; an ADM1 entry with an Admin1
// code by Admin1. When two entries claim the same country, division or
// demonym, the first one given wins.
func New(entries []Entry) *Gazetteer {
	x := makeIndex(entries)
	g := &Gazetteer{given: entries, countries: x.countries, admin1: x.admin1, demonyms: x.demonyms}
	// Keys hold no tab or newline, so their lines always parse.
	if _, err := g.parseKeys(string(x.appendKeys(nil)), 0, len(x.keys)); err != nil {
		g.slots = nil
	}
	return g
}

// entry returns entry i, parsing its line the first time; ok is false if it
// does not parse (never for a file written by Write).
func (g *Gazetteer) entry(i int32) (Entry, bool) {
	if g.given != nil {
		return g.given[i], true
	}
	if i < 0 || int(i) >= len(g.recs) {
		return Entry{}, false
	}
	if p := g.cache[i].Load(); p != nil {
		return *p, true
	}
	line := g.data[g.recs[i]:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	e, err := parseLine(line)
	if err != nil {
		return Entry{}, false
	}
	g.cache[i].Store(&e)
	return e, true
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int {
	if g.given != nil {
		return len(g.given)
	}
	return len(g.recs)
}

// Entries returns all entries in their order (the file's); the slice is
// shared and must not be modified.
func (g *Gazetteer) Entries() []Entry {
	if g.given != nil {
		return g.given
	}
	g.allOnce.Do(func() {
		g.all = make([]Entry, 0, g.Len())
		for i := range g.Len() {
			if e, ok := g.entry(int32(i)); ok {
				g.all = append(g.all, e)
			}
		}
	})
	return g.all
}

// featureRank orders features for equal populations: countries, continents
// and regions, divisions, capitals and seats, other places.
func featureRank(f string) int {
	switch {
	case isCountry(f):
		return 0
	case f == "CONT" || f == "RGN":
		return 1
	case f == "ADM1":
		return 2
	case strings.HasPrefix(f, "ADM"):
		return 3
	case f == "PPLC":
		return 4
	case strings.HasPrefix(f, "PPLA"):
		return 5
	}
	return 6
}

// isCountry tells a feature code of an independent or dependent political
// entity (PCLI, PCLD, PCLS, PCLF, PCLIX, PCL).
func isCountry(f string) bool { return strings.HasPrefix(f, "PCL") }

// Lookup returns every entry answering to Key(name), most populous first; nil
// if none. The entries are copies; their Names slices may be shared and must
// not be modified.
func (g *Gazetteer) Lookup(name string) []Entry {
	first, rest, ok := g.find(Key(name))
	if !ok {
		return nil
	}
	out := make([]Entry, 0, strings.Count(rest, " ")+1)
	for i := first; ; {
		if i >= 0 && i < g.Len() {
			if e, ok := g.entry(int32(i)); ok {
				out = append(out, e)
			}
		}
		if rest == "" {
			break
		}
		num := rest[1:] // rest is " r r…"
		if j := strings.IndexByte(num, ' '); j >= 0 {
			num, rest = num[:j], num[j:]
		} else {
			rest = ""
		}
		r, err := strconv.Atoi(num)
		if err != nil {
			break
		}
		i = first + r
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Has reports whether any entry answers to Key(name), without copying
// entries.
func (g *Gazetteer) Has(name string) bool {
	_, _, ok := g.find(Key(name))
	return ok
}

// MaxWords returns the most words (space-separated parts of a key) in any
// name, for n-gram scanning.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Country returns the country entry for an ISO 3166-1 alpha-3 code.
func (g *Gazetteer) Country(iso3 string) (Entry, bool) {
	i, ok := g.countries[strings.ToUpper(iso3)]
	if !ok {
		return Entry{}, false
	}
	return g.entry(i)
}

// Admin1 returns the first-level division of a country (ISO alpha-3) with a
// GeoNames admin1 code ("TX", "13").
func (g *Gazetteer) Admin1(iso3, code string) (Entry, bool) {
	i, ok := g.admin1[admin1Key{strings.ToUpper(iso3), code}]
	if !ok {
		return Entry{}, false
	}
	return g.entry(i)
}

// Demonym returns the country whose people or adjective the word names:
// "Syrian", "Syrians", "Americans". The word is compared by Key.
func (g *Gazetteer) Demonym(word string) (Entry, bool) {
	i, ok := g.demonyms[Key(word)]
	if !ok {
		return Entry{}, false
	}
	return g.entry(i)
}
