// Package gazetteer is dyad's place-name index: countries, first-level
// divisions, US counties, populated places and a few continents and regions,
// each with coordinates, an ISO 3166-1 alpha-3 country and a GeoNames feature
// code. The embedded file data/gazetteer.tsv.gz is derived from GeoNames
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
	"bytes"
	"sort"
	"strings"
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
type Gazetteer struct {
	entries   []Entry
	byKey     map[string]int32 // key → index into lists
	lists     [][]int32        // entry indexes per key
	maxWords  int
	countries map[string]int32
	admin1    map[string]int32 // iso3 + "\x00" + code
	demonyms  map[string]int32
}

// New indexes entries. Each entry is found by the Key of each of its names
// (and of Name, even when Names leaves it out); entries that share a key are
// ordered by population, most populous first, then by feature (countries,
// divisions, cities), then by ID. A country entry (feature PCL*) is also
// found by Country and its Demonyms by Demonym; an ADM1 entry with an Admin1
// code by Admin1. When two entries claim the same country, division or
// demonym, the first one given wins.
func New(entries []Entry) *Gazetteer {
	names := 0
	for i := range entries {
		names += len(entries[i].Names) + 1
	}
	g := newEmpty(names * 3 / 4)
	g.entries = entries
	g.index(0)
	g.finish()
	return g
}

// newEmpty returns a gazetteer with room for about keys keys.
func newEmpty(keys int) *Gazetteer {
	return &Gazetteer{
		byKey:     make(map[string]int32, keys),
		countries: map[string]int32{},
		admin1:    map[string]int32{},
		demonyms:  map[string]int32{},
	}
}

// index indexes g.entries[from:].
func (g *Gazetteer) index(from int) {
	var buf []byte
	for i := from; i < len(g.entries); i++ {
		e := &g.entries[i]
		add := func(name string) {
			buf = appendKey(buf[:0], name)
			if len(buf) == 0 {
				return
			}
			j, ok := g.byKey[string(buf)]
			if !ok {
				if n := bytes.Count(buf, []byte{' '}) + 1; n > g.maxWords {
					g.maxWords = n
				}
				j = int32(len(g.lists))
				g.byKey[string(buf)] = j
				g.lists = append(g.lists, make([]int32, 0, 1))
			} else if l := g.lists[j]; l[len(l)-1] == int32(i) {
				return // another name of this entry with the same key
			}
			g.lists[j] = append(g.lists[j], int32(i))
		}
		add(e.Name)
		for _, n := range e.Names {
			add(n)
		}
		switch {
		case isCountry(e.Feature) && e.Country != "":
			if _, ok := g.countries[e.Country]; !ok {
				g.countries[e.Country] = int32(i)
			}
			for _, d := range e.Demonyms {
				if k := Key(d); k != "" {
					if _, ok := g.demonyms[k]; !ok {
						g.demonyms[k] = int32(i)
					}
				}
			}
		case e.Feature == "ADM1" && e.Admin1 != "" && e.Country != "":
			k := e.Country + "\x00" + e.Admin1
			if _, ok := g.admin1[k]; !ok {
				g.admin1[k] = int32(i)
			}
		}
	}
}

// finish orders the entries of each key.
func (g *Gazetteer) finish() {
	for _, list := range g.lists {
		if len(list) > 1 {
			sort.SliceStable(list, func(a, b int) bool { return g.less(list[a], list[b]) })
		}
	}
}

// less orders two entries that share a name.
func (g *Gazetteer) less(a, b int32) bool {
	x, y := &g.entries[a], &g.entries[b]
	if x.Population != y.Population {
		return x.Population > y.Population
	}
	if rx, ry := featureRank(x.Feature), featureRank(y.Feature); rx != ry {
		return rx < ry
	}
	return x.ID < y.ID
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
// if none. The entries are copies; their Names slices are shared and must not
// be modified.
func (g *Gazetteer) Lookup(name string) []Entry {
	j, ok := g.byKey[Key(name)]
	if !ok {
		return nil
	}
	list := g.lists[j]
	out := make([]Entry, len(list))
	for i, j := range list {
		out[i] = g.entries[j]
	}
	return out
}

// Has reports whether any entry answers to Key(name), without copying
// entries.
func (g *Gazetteer) Has(name string) bool {
	_, ok := g.byKey[Key(name)]
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
	return g.entries[i], true
}

// Admin1 returns the first-level division of a country (ISO alpha-3) with a
// GeoNames admin1 code ("TX", "13").
func (g *Gazetteer) Admin1(iso3, code string) (Entry, bool) {
	i, ok := g.admin1[strings.ToUpper(iso3)+"\x00"+code]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Demonym returns the country whose people or adjective the word names:
// "Syrian", "Syrians", "Americans". The word is compared by Key.
func (g *Gazetteer) Demonym(word string) (Entry, bool) {
	i, ok := g.demonyms[Key(word)]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries returns all entries in their order (the file's); the slice is
// shared and must not be modified.
func (g *Gazetteer) Entries() []Entry { return g.entries }
