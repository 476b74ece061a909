// Package geo is the places stage of the pipeline: it finds the toponyms
// of a document (countries, divisions, cities, continents; the countries
// behind demonyms such as "Syrian"), resolves each to a gazetteer entry,
// and gives every event a place where its sentence or the dateline names
// one.
//
// Recognition scans each sentence for the longest run of capitalised
// words that the gazetteer knows, then drops what is not a place in that
// text: a run that is part of a longer name ("Washington Post", "Michael
// Jordan"), a person or organisation the earlier stages found, a lone
// small town with no locative preposition or qualifier before or after it,
// a sentence-initial word that is not a well-known place. "X-based" and
// "X, Y" ("Tripoli, Lebanon", "Gainesville, Ga.") are read as such.
//
// Resolution scores each candidate entry by feature (country, first-level
// division, capital, seat), population, the qualifier after it, and the
// document's context — the dateline and the places and actors of the rest
// of the document — in two passes: unambiguous places first, then the rest
// with the countries and divisions the first pass found.
package geo

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/gazetteer"
)

//go:embed data/qualifiers.txt
var qualifierData string

//go:embed data/notplaces.txt
var notPlaceData string

//go:embed data/namewords.txt
var nameWordData string

//go:embed data/peoples.txt
var peopleData string

// Locator finds and resolves the places of documents. It is safe for
// concurrent use.
type Locator struct {
	g     *gazetteer.Gazetteer
	quals map[string][2]string // abbreviation key → country, admin1
	// notPlace are the lower-case words that alone are not places;
	// nameWords those that after a place make an organisation's name.
	notPlace, nameWords map[string]bool
	// peoples are the divisions of words for their people (peoples.txt)
	peoples map[string]gazetteer.Entry
	// lookups and demonyms hold the gazetteer's answers for the names
	// scanning asks about (news repeats its names); the entries are
	// read-only and shared.
	lookups  boundedCache[[]gazetteer.Entry]
	demonyms boundedCache[demonymAnswer]
}

// qualifier returns the country and admin1 code a state or province
// abbreviation names ("Ga.", "B.C.", "TX"), ignoring case and dots.
func (l *Locator) qualifier(abbr string) ([2]string, bool) {
	q, ok := l.quals[strings.ToLower(strings.ReplaceAll(abbr, ".", ""))]
	return q, ok
}

// cacheSize bounds each of the locator's caches.
const cacheSize = 200000

// boundedCache is a read-mostly map from strings to answers that stops
// growing at cacheSize entries. It is safe for concurrent use.
type boundedCache[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

// get returns the answer for k, computing it with find (outside the lock)
// when it is not cached.
func (c *boundedCache[V]) get(k string, find func(string) V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = find(k)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]V{}
	}
	if len(c.m) < cacheSize {
		c.m[strings.Clone(k)] = v
	}
	c.mu.Unlock()
	return v
}

// CountryOf returns the country a place name means without context: the
// country of its most populous reading when every reading in another
// country that bears the name as its own has under a twentieth of its
// people (Mosul, Aleppo, Homs), or "" (Paris, Georgia, or no place at all).
// Regions give "".
func (l *Locator) CountryOf(name string) string { return l.countryOf(name, 0) }

// MajorCountryOf is CountryOf for a place of at least 20,000 people or an
// unpopulated land feature (Sinai): a village's name may be a person's.
func (l *Locator) MajorCountryOf(name string) string { return l.countryOf(name, 20000) }

// IsPlaceIn reports whether a populated place of at least 50,000 people in
// country bears the name as its own.
func (l *Locator) IsPlaceIn(name, country string) bool {
	k := gazetteer.Key(name)
	for _, e := range l.lookupCached(name) {
		if e.Country == country && e.Population >= 50000 && gazetteer.Key(e.Name) == k && strings.HasPrefix(e.Feature, "PPL") {
			return true
		}
	}
	return false
}

func (l *Locator) countryOf(name string, minPop int64) string {
	es := l.lookupCached(name)
	if len(es) == 0 || l.notPlace[strings.ToLower(name)] {
		return ""
	}
	k := gazetteer.Key(name)
	// a small town known by the name only as another name of its own is no
	// evidence ("prisoners in Evin" are not in Évin-Malmaison, France)
	var kept []gazetteer.Entry
	for _, e := range es {
		if gazetteer.Key(e.Name) == k || e.Population >= 100000 || !strings.HasPrefix(e.Feature, "PPL") {
			kept = append(kept, e)
		}
	}
	if es = kept; len(es) == 0 {
		return ""
	}
	top := es[0] // most populous first
	if minPop > 0 && !landFeatures[top.Feature] && (top.Population < minPop || !strings.HasPrefix(top.Feature, "PPL") && top.Feature != "ADM1") {
		return "" // (a county, "Smith", is no major place)
	}
	if top.Country == "" || top.Population == 0 && !landFeatures[top.Feature] {
		// (a peninsula, island or desert has no population, and is still
		// a state's: "militants in Sinai")
		return ""
	}
	for _, e := range es[1:] {
		if e.Country == "" {
			return "" // "the Gulf": a sea or feature of no one state, not a county of that name
		}
		if e.Country != top.Country && e.Population*dominance > top.Population && gazetteer.Key(e.Name) == k {
			return "" // (a place known by this name only as an other name does not count)
		}
		if e.Country != top.Country && (e.Feature == "RGN" || e.Feature == "RGNE" || e.Feature == "AREA") && gazetteer.Key(e.Name) == k {
			return "" // "Kashmir": a region over borders, not a small town of that name
		}
	}
	return top.Country
}

// landFeatures are the unpopulated features whose name places an actor in
// their state: peninsulas, islands, deserts, mountains, valleys, plateaus.
var landFeatures = map[string]bool{"PEN": true, "ISL": true, "ISLS": true, "DSRT": true, "MTS": true,
	"VAL": true, "PLAT": true}

// lookupCached is g.Lookup through the locator's cache.
func (l *Locator) lookupCached(name string) []gazetteer.Entry {
	return l.lookups.get(name, l.g.Lookup)
}

// New returns a locator over a gazetteer.
func New(g *gazetteer.Gazetteer) (*Locator, error) {
	l := &Locator{g: g, quals: map[string][2]string{}, peoples: map[string]gazetteer.Entry{}}
	err := triples(qualifierData, "geo/data/qualifiers.txt", "ABBREVIATION COUNTRY ADMIN1", func(f [3]string) {
		l.quals[f[0]] = [2]string{f[1], f[2]}
	})
	if err != nil {
		return nil, err
	}
	err = triples(peopleData, "geo/data/peoples.txt", "WORD COUNTRY ADMIN1", func(f [3]string) {
		// (a division the gazetteer lacks is left out: a smaller
		// gazetteer may be built without divisions)
		if e, ok := g.Admin1(f[1], f[2]); ok {
			l.peoples[strings.ToLower(f[0])] = e
		}
	})
	if err != nil {
		return nil, err
	}
	l.notPlace, l.nameWords = wordSet(notPlaceData), wordSet(nameWordData)
	return l, nil
}

// triples reads lines of three space-separated fields ('#' comments) from
// the data of file, calling fn with each; want names the fields for the
// error a line of another shape gets.
func triples(data, file, want string, fn func([3]string)) error {
	for n, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			return fmt.Errorf("%s:%d: want %s", file, n+1, want)
		}
		fn([3]string{f[0], f[1], f[2]})
	}
	return nil
}

// wordSet reads a list of words, one per line, '#' comments.
func wordSet(data string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.TrimSpace(strings.ToLower(line)); w != "" {
			set[w] = true
		}
	}
	return set
}

// cand is a toponym found in the text.
type cand struct {
	si, t0, t1 int // tokens [t0, t1) of sentence si
	start, end int // runes
	text       string
	entries    []gazetteer.Entry
	kind       string // "place", "demonym"
	locative   bool   // after in, at, near, from, …
	// qualified restricts the entries to a country and, if set, an admin1
	// ("Paris, Texas"); qualifier marks a candidate that only qualifies
	// the one before it.
	qualCountry, qualAdmin1 string
	qualifier               bool
	// dateline is true for the name in the story's dateline: a city
	// ("WASHINGTON (AP) —" is the capital, not the state).
	dateline bool
	// inner marks a name resolved by a place inside it.
	inner bool
	pick  int // chosen entry, -1 for none
	// prior caches the context-free part of each entry's score.
	prior []float64
}

// Locate fills a.Places with the document's toponyms and sets each event's
// place.
func (l *Locator) Locate(a *dyad.Analysis) error {
	rs := []rune(a.Doc.Text)
	cs := l.datelinePlaces(a, rs)
	st := l.newDocState(a)
	for si := range a.Sentences {
		cs = append(cs, l.scan(a, rs, si, st)...)
	}
	l.resolve(a, rs, cs)
	l.placeStrays(cs)
	a.Places = a.Places[:0]
	for _, c := range cs {
		if c.pick < 0 {
			continue
		}
		a.Places = append(a.Places, place(c, c.entries[c.pick]))
	}
	l.placeEvents(a, cs)
	return nil
}

// Resolve resolves given spans (the gold-span evaluation): one Place per
// span, in order; a span the gazetteer does not know gets a Place with
// GeonameID 0 and no coordinates.
func (l *Locator) Resolve(a *dyad.Analysis, spans []dyad.Span) []dyad.Place {
	rs := []rune(a.Doc.Text)
	cs := make([]*cand, len(spans))
	for i, sp := range spans {
		c := &cand{si: -1, start: sp.Start, end: sp.End, pick: -1, kind: "place"}
		if sp.Start >= 0 && sp.End <= len(rs) && sp.Start < sp.End {
			c.text = string(rs[sp.Start:sp.End])
		}
		c.si, c.t0, c.t1 = tokensOf(a, sp)
		// a demonym means its country ("Canadian" is not the town of
		// Canadian, Texas)
		if e, ok := l.g.Demonym(c.text); ok && !l.notPlace[strings.ToLower(c.text)] {
			c.entries, c.kind = []gazetteer.Entry{e}, "demonym"
		} else if e, ok := l.peoples[strings.ToLower(c.text)]; ok && capitalised(c.text) {
			c.entries, c.kind = []gazetteer.Entry{e}, "demonym" // "English" is not English, Indiana
		} else {
			c.entries = l.lookupLoose(c.text)
		}
		if len(c.entries) == 0 {
			if e, ok := l.demonym(c.text); ok {
				c.entries, c.kind = []gazetteer.Entry{e}, "demonym"
			}
		}
		if len(c.entries) == 0 {
			// a state's or province's abbreviation standing alone ("B.C.")
			if q, ok := l.qualifier(c.text); ok {
				if e, ok := l.g.Admin1(q[0], q[1]); ok {
					c.entries = []gazetteer.Entry{e}
				}
			}
		}
		facility := isFacility(c.text)
		c.inner = len(c.entries) == 0
		if len(c.entries) == 0 {
			// a name that holds a place's name: "Harare City Council",
			// "Arizona State University", "British Embassy"
			c.entries, c.kind = l.innerPlace(c.text)
			if facility && c.kind == "demonym" {
				c.entries = nil // "French Quarter" is not France
			}
		}
		if c.si >= 0 {
			toks := a.Sentences[c.si].Tokens
			c.locative = locativeAt(toks, c.t0)
		}
		cs[i] = c
	}
	l.qualifyPairs(a, cs) // (no new candidates in this mode: the spans are given)
	resolveInitials(cs)
	l.resolve(a, rs, cs)
	l.placeStrays(cs)
	// a street or building the gazetteer cannot place is in the city the
	// document is about, and so is any other name given as a place that
	// the gazetteer lacks (a stadium, a pub, a neighbourhood)
	if focus, ok := focusPlace(cs); ok {
		for _, c := range cs {
			if c.pick >= 0 && !(c.inner && weakInner(c.entries[c.pick], focus)) || !capitalised(c.text) {
				continue
			}
			// (nor is it in some village that shares a word of its name,
			// "Royal Street", unless that village is where the document
			// is: "Lafayette High School" in a story on Lafayette)
			c.entries, c.pick, c.kind = []gazetteer.Entry{focus}, 0, "place"
		}
	}
	out := make([]dyad.Place, len(spans))
	for i, c := range cs {
		if c.pick < 0 {
			out[i] = dyad.Place{Name: c.text, Start: c.start, End: c.end}
			continue
		}
		out[i] = place(c, c.entries[c.pick])
	}
	return out
}

// resolveInitials gives an unknown name in capitals the entry of a
// country or division the document names whose initials it is ("SA" in a
// story naming South Africa, "NSW" in one naming New South Wales).
func resolveInitials(cs []*cand) {
	for _, c := range cs {
		if len(c.entries) > 0 || len(c.text) < 2 || len(c.text) > 4 || strings.ToUpper(c.text) != c.text {
			continue
		}
		for _, o := range cs {
			if o == c || len(o.entries) == 0 {
				continue
			}
			for _, e := range o.entries {
				if (isCountry(e.Feature) || e.Feature == "ADM1") && initials(e.Name) == c.text {
					c.entries, c.kind = []gazetteer.Entry{e}, "place"
					break
				}
			}
			if len(c.entries) > 0 {
				break
			}
		}
	}
}

// initials returns the capitals of a name's words: "SA" for South
// Africa, "NSW" for New South Wales ("of", "and" left out).
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// strayPopulation is how many people a town may have at most to be taken
// for a stray (placeStrays).
const strayPopulation = 20000

// placeStrays moves strays into the story's focus. A stray is a small
// town (mayStray) that is the only place of its country among the
// document's while another country holds at least two of them, or one of
// that main country far (strayKm) from a focus city named more than once
// and alone in its state among the document's places: a local name the
// gazetteer lacks (a lagoon, a suburb, a street) answered by a namesake
// elsewhere. The focus is the main country's most named town, else its
// most named division, else the country.
func (l *Locator) placeStrays(cs []*cand) {
	if !slices.ContainsFunc(cs, mayStray) {
		return // (most stories: no small town at all)
	}
	type entryKey struct {
		id                    int
		name, feature, admin1 string
	}
	type tally struct {
		ids map[entryKey]bool
		pop int64
	}
	byCountry := map[string]*tally{}
	for _, c := range cs {
		if c.pick < 0 || c.inner {
			continue
		}
		e := c.entries[c.pick]
		if e.Country == "" {
			continue
		}
		t := byCountry[e.Country]
		if t == nil {
			t = &tally{ids: map[entryKey]bool{}}
			byCountry[e.Country] = t
		}
		k := entryKey{e.ID, e.Name, e.Feature, e.Admin1}
		if !t.ids[k] {
			t.ids[k] = true
			t.pop += e.Population
		}
	}
	top := ""
	for k, t := range byCountry {
		if b := byCountry[top]; top == "" || len(t.ids) > len(b.ids) || len(t.ids) == len(b.ids) && (t.pop > b.pop || t.pop == b.pop && k < top) {
			top = k
		}
	}
	if top == "" || len(byCountry[top].ids) < 2 {
		return
	}
	// the focus: the most named town of the country, else its most
	// named division, else the country
	var focus gazetteer.Entry
	n := 0
	named := map[entryKey]int{}
	for _, c := range cs {
		if c.pick >= 0 {
			e := c.entries[c.pick]
			named[entryKey{e.ID, e.Name, e.Feature, e.Admin1}]++
		}
	}
	for _, c := range cs {
		if c.pick < 0 || c.inner || c.entries[c.pick].Country != top {
			continue
		}
		e := c.entries[c.pick]
		k := named[entryKey{e.ID, e.Name, e.Feature, e.Admin1}]
		rank := func(e gazetteer.Entry) int {
			switch {
			case strings.HasPrefix(e.Feature, "PPL"):
				return 2
			case e.Feature == "ADM1" || e.Feature == "ADM2":
				return 1
			}
			return 0
		}
		if n == 0 || rank(e) > rank(focus) || rank(e) == rank(focus) && k > n {
			focus, n = e, k
		}
	}
	if n == 0 {
		return
	}
	// within the country: a small town far from a focus city named more
	// than once, alone in its state among the story's places (New
	// Orleans's Elysian Fields is not Elysian Fields, Texas)
	inDiv := map[[2]string]int{}
	for k := range byCountry[top].ids {
		inDiv[[2]string{top, k.admin1}]++
	}
	for _, c := range cs {
		if !mayStray(c) {
			continue
		}
		e := c.entries[c.pick]
		switch {
		case e.Country != top:
			if len(byCountry[e.Country].ids) > 1 {
				continue
			}
		case n >= 2 && strings.HasPrefix(focus.Feature, "PPL") && e.Admin1 != focus.Admin1 &&
			inDiv[[2]string{top, e.Admin1}] == 1 && distanceKm(e.Lat, e.Lon, focus.Lat, focus.Lon) > strayKm:
		default:
			continue
		}
		c.entries, c.pick = []gazetteer.Entry{focus}, 0
	}
}

// strayKm is how far from the story's focus city a small town of the same
// country must lie to be taken for a stray.
const strayKm = 300

// mayStray reports whether c is a small town that placeStrays may move.
func mayStray(c *cand) bool {
	if c.pick < 0 || c.inner || c.qualCountry != "" || c.dateline || c.kind == "demonym" {
		return false
	}
	e := c.entries[c.pick]
	// (or one the name reaches only as another of its names: "Washington
	// Square" is an old name of Franklin Square, New York)
	return e.Country != "" && strings.HasPrefix(e.Feature, "PPL") &&
		(e.Population < strayPopulation || e.Population < bigCityPopulation && !equalFold(e.Name, c.text))
}

// facilityWords end the names of streets, buildings and sites: places
// below the gazetteer's grain.
var facilityWords = map[string]bool{"street": true, "st.": true, "avenue": true, "road": true, "lane": true,
	"boulevard": true, "square": true, "plaza": true, "university": true, "college": true, "school": true,
	"hospital": true, "centre": true, "center": true, "house": true, "court": true, "theatre": true,
	"theater": true, "stadium": true, "arena": true, "quay": true, "estate": true, "church": true,
	"cathedral": true, "mosque": true, "temple": true, "station": true, "bridge": true, "hall": true,
	"building": true, "tower": true, "market": true, "mall": true, "quarter": true, "plantation": true,
	"prison": true, "jail": true, "museum": true, "library": true, "hotel": true, "park": true,
	"railroad": true, "railway": true, "airport": true, "embassy": true, "consulate": true, "palace": true}

// facilityTownPopulation is how many people a town a facility's name
// holds must have to be taken for its place ("Cambridge" in "Robinson
// College Cambridge", not the hamlet of Street in "Desire Street").
const facilityTownPopulation = 50000

// weakInner reports whether e, a place found inside a facility's name, is
// a small town away from the document's focus city.
func weakInner(e, focus gazetteer.Entry) bool {
	if !strings.HasPrefix(e.Feature, "PPL") || e.Population >= facilityTownPopulation {
		return false
	}
	return e.Country != focus.Country || e.Admin1 != focus.Admin1
}

// isFacility reports whether name ends in a facility word.
func isFacility(name string) bool {
	f := strings.Fields(name)
	return len(f) > 1 && facilityWords[strings.ToLower(f[len(f)-1])]
}

// focusPlace is the focus city, or else the division the document's
// places in its main country name most often (a county before a state),
// or else nothing.
func focusPlace(cs []*cand) (gazetteer.Entry, bool) {
	if e, ok := focusCity(cs); ok {
		return e, true
	}
	top := topCountry(cs)
	var best gazetteer.Entry
	n := 0
	count := map[string]int{}
	for _, feature := range []string{"ADM2", "ADM1"} {
		for _, c := range cs {
			if c.pick < 0 || c.inner || c.kind == "demonym" {
				continue // (a people's word is no place named: "Sicilian")
			}
			e := c.entries[c.pick]
			if e.Feature != feature || e.Country != top {
				continue
			}
			k := e.Name + "\x00" + e.Admin1
			count[k]++
			if count[k] > n {
				best, n = e, count[k]
			}
		}
		if n > 0 {
			return best, true
		}
	}
	return best, false
}

// topCountry is the country the resolved places of the document (no
// facilities, no names found inside longer ones) are in most often.
func topCountry(cs []*cand) string {
	countries := map[string]int{}
	for _, c := range cs {
		if c.pick >= 0 && !isFacility(c.text) && !c.inner && c.entries[c.pick].Country != "" {
			countries[c.entries[c.pick].Country]++
		}
	}
	top, tn := "", 0
	for k, v := range countries {
		if v > tn || v == tn && k < top {
			top, tn = k, v
		}
	}
	return top
}

// focusCity is the city the document names most often (the first of
// equals) in the country its resolved places name most, among the
// candidates that are no facilities, if any: a township of Cape Town is
// not in the Dutch town a namesake suburb made the document name.
func focusCity(cs []*cand) (gazetteer.Entry, bool) {
	top := topCountry(cs)
	count := map[int]int{}
	divs := map[[2]string]int{} // resolved names in each division of that country
	for _, c := range cs {
		if c.pick >= 0 && c.entries[c.pick].Country == top && c.entries[c.pick].Admin1 != "" {
			divs[[2]string{top, c.entries[c.pick].Admin1}]++
		}
	}
	var best gazetteer.Entry
	n := 0
	for _, c := range cs {
		if c.pick < 0 || isFacility(c.text) || c.inner {
			continue // (a town found by one word of a longer name is no sure sign)
		}
		e := c.entries[c.pick]
		if !strings.HasPrefix(e.Feature, "PPL") || e.ID == 0 || e.Country != top {
			continue
		}
		count[e.ID]++
		// (between cities named as often, the one in the division the
		// document names most)
		if k := count[e.ID]; k > n || k == n && e.ID != best.ID &&
			divs[[2]string{e.Country, e.Admin1}] > divs[[2]string{best.Country, best.Admin1}] {
			best, n = e, k
		}
	}
	return best, n > 0
}

func place(c *cand, e gazetteer.Entry) dyad.Place {
	return dyad.Place{Name: c.text, Start: c.start, End: c.end, Lat: e.Lat, Lon: e.Lon,
		Country: e.Country, GeonameID: e.ID, Feature: e.Feature, Kind: c.kind,
		Gazetteer: e.Name, Admin1: e.Admin1}
}

// tokensOf finds the sentence and tokens a span covers, or -1.
func tokensOf(a *dyad.Analysis, sp dyad.Span) (si, t0, t1 int) {
	for i, s := range a.Sentences {
		if sp.Start >= s.End || sp.End <= s.Start {
			continue
		}
		t0, t1 = -1, -1
		for k, t := range s.Tokens {
			if t.End > sp.Start && t0 < 0 {
				t0 = k
			}
			if t.Start < sp.End {
				t1 = k + 1
			}
		}
		if t0 >= 0 && t1 > t0 {
			return i, t0, t1
		}
	}
	return -1, 0, 0
}

// lookupLoose looks a name up as written, then without a leading "the", a
// possessive, or a trailing "County"/"Parish"/"Province"/"State".
func (l *Locator) lookupLoose(name string) []gazetteer.Entry {
	if es := l.g.Lookup(name); len(es) > 0 {
		return es
	}
	n := strings.TrimSpace(name)
	for _, p := range []string{"the ", "The "} {
		n = strings.TrimPrefix(n, p)
	}
	for _, s := range []string{"'s", "’s", "'", "’"} {
		n = strings.TrimSuffix(n, s)
	}
	if es := l.g.Lookup(n); len(es) > 0 {
		return es
	}
	// "St. Kitts and Nevis", "Ste. Genevieve": the gazetteer spells Saint out
	for _, p := range [][2]string{{"St. ", "Saint "}, {"St ", "Saint "}, {"Ste. ", "Sainte "}, {"Mt. ", "Mount "}, {"Ft. ", "Fort "}} {
		if strings.HasPrefix(n, p[0]) {
			if es := l.g.Lookup(p[1] + n[len(p[0]):]); len(es) > 0 {
				return es
			}
		}
	}
	for _, s := range []string{" County", " Parish", " Province", " province", " State", " state", " City", " Governorate", " Region", " region", " District", " district"} {
		if strings.HasSuffix(n, s) {
			if es := l.g.Lookup(strings.TrimSuffix(n, s)); len(es) > 0 {
				return es
			}
		}
	}
	return l.lookupArabic(n)
}

// arabicArticles are the Arabic article's transliterations (assimilated
// before the sun letters: Ar Raqqah, As Suwayda, At Tanf).
var arabicArticles = []string{"Al ", "Ar ", "As ", "At ", "Ad ", "Ash ", "Az ", "An ", "Ath ", "Adh ", "El "}

// lookupArabic finds an Arabic place name written with the article the
// gazetteer's form lacks or without the one it has ("Qamishli" is Al
// Qāmishlī; "al-Tanf" is At Tanf).
func (l *Locator) lookupArabic(n string) []gazetteer.Entry {
	if len([]rune(n)) < 4 || !capitalised(n) && !strings.HasPrefix(n, "al-") && !strings.HasPrefix(n, "el-") {
		return nil
	}
	bare := n
	for _, p := range []string{"al-", "Al-", "el-", "El-", "al ", "Al ", "El "} {
		if strings.HasPrefix(n, p) {
			bare = n[len(p):]
			break
		}
	}
	if bare != n {
		if es := l.g.Lookup(bare); len(es) > 0 {
			return es
		}
	}
	if bare == "" || strings.ContainsRune(bare, ' ') {
		return nil
	}
	bare = strings.ToUpper(bare[:1]) + bare[1:]
	for _, a := range arabicArticles {
		if es := l.g.Lookup(a + bare); len(es) > 0 {
			return es
		}
	}
	return nil
}

// isLocative reports whether a word puts the name after it in a place.
// compassWords place a name within a larger area: "in northern Yemen".
var compassWords = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true}

// locativeAt reports whether the name at token i follows a locative
// preposition, directly or through "the" ("in the Kharkiv region").
func locativeAt(toks []dyad.Token, i int) bool {
	if i > 1 && compassWords[toks[i-1].Lower] {
		i-- // "in northern Yemen"
	}
	if i > 1 && toks[i-1].Lower == "the" {
		i--
	}
	if i > 1 && toks[i-1].Lower == "to" && toks[i-2].Lower == "according" {
		return false // "according to Iran Press": a source, not a place
	}
	return i > 0 && isLocative(toks[i-1].Lower)
}

func isLocative(w string) bool {
	switch w {
	case "in", "at", "near", "from", "outside", "across", "inside", "around", "into", "to", "toward", "towards", "through", "throughout", "via", "between", "of", "off", "within":
		return true
	}
	return false
}

func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := (lat2-lat1)*math.Pi/180, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// sortByPopulation orders entries most populous first (the gazetteer's
// order, restored after filtering).
func sortByPopulation(es []gazetteer.Entry) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Population > es[j].Population })
}

// demonym finds the country or division behind a word for its people:
// the gazetteer's demonyms ("Syrian"), then the regular English forms of
// a division's name ("Ohioans", "Iowan", "Texans").
func (l *Locator) demonym(w string) (gazetteer.Entry, bool) {
	d := l.demonyms.get(w, func(w string) demonymAnswer {
		e, ok := l.findDemonym(w)
		return demonymAnswer{e, ok}
	})
	return d.e, d.ok
}

// demonymAnswer is a cached answer of demonym.
type demonymAnswer struct {
	e  gazetteer.Entry
	ok bool
}

// findDemonym is demonym without the cache.
func (l *Locator) findDemonym(w string) (gazetteer.Entry, bool) {
	if l.notPlace[strings.ToLower(w)] {
		return gazetteer.Entry{}, false
	}
	if e, ok := l.g.Demonym(w); ok {
		return e, true
	}
	if e, ok := l.peoples[strings.ToLower(w)]; ok && capitalised(w) {
		return e, true
	}
	if !capitalised(w) {
		return gazetteer.Entry{}, false
	}
	base := strings.TrimSuffix(w, "s")
	var tries []string
	switch {
	case strings.HasSuffix(base, "an"):
		stem := strings.TrimSuffix(base, "an")
		tries = []string{stem, stem + "a", strings.TrimSuffix(base, "n"), stem + "as", base[:len(base)-1] + "s"}
	case strings.HasSuffix(base, "n"):
		tries = []string{strings.TrimSuffix(base, "n")}
	case strings.HasSuffix(base, "i") && len(base) > 4:
		tries = []string{strings.TrimSuffix(base, "i")} // "Dagestani"
	}
	if strings.HasSuffix(base, "ian") {
		stem := strings.TrimSuffix(base, "ian")
		tries = append(tries, stem+"o", stem+"y") // "Ontarian", "Sicilian"
	}
	if strings.HasSuffix(base, "ish") && len(base) > 5 {
		tries = append(tries, strings.TrimSuffix(base, "ish")+"istan") // "Kurdish"
	}
	if len(tries) == 0 && len(base) > 5 {
		tries = append(tries, base+"ia") // "Abkhaz"
	}
	if len(base) >= 4 && (strings.HasSuffix(base, "b") || strings.HasSuffix(base, "at")) {
		tries = append(tries, base+"ia") // "Serb", "Croat"
	}
	if len(base) > 4 && strings.HasSuffix(base, "o") {
		tries = append(tries, base[:len(base)-1]+"ia") // "Austro-", "Russo-"
	}
	if len(base) > 4 {
		tries = append(tries, base+"stan", base+"istan") // "Kazakh", "Turkmen"
	}
	for _, t := range tries {
		es := l.lookupCached(t)
		// a people's land before a division of its name ("Kurdish" is
		// Kurdistan's, not the Iranian province's)
		for _, e := range es {
			if isCountry(e.Feature) || e.Feature == "CONT" || e.Feature == "RGN" {
				return e, true
			}
		}
		for _, e := range es {
			if e.Feature == "ADM1" {
				return e, true
			}
		}
	}
	return gazetteer.Entry{}, false
}

// innerPlace returns the entries of the longest place name (or demonym)
// inside a longer name, and its kind.
// partWords are the words that, alone inside a longer name, name a part
// or a kind of place rather than a place: "East Bank" is not the East
// Region of Cameroon, nor "Gulf of Alaska" the Persian Gulf.
var partWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"central": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"upper": true, "lower": true, "new": true, "old": true, "great": true, "greater": true,
	"gulf": true, "bay": true, "sea": true, "ocean": true, "lake": true, "river": true,
	"mount": true, "valley": true, "island": true, "islands": true, "city": true, "county": true,
	// (and words some country names a division by: Cameroon's Centre,
	// Brazil's Federal District, Israel's Central District)
	"northwest": true, "northeast": true, "southwest": true, "southeast": true,
	"northwestern": true, "northeastern": true, "southwestern": true, "southeastern": true,
	"federal": true, "capital": true, "district": true, "national": true, "grand": true,
	"coast": true, "coastal": true, "highlands": true, "lakes": true, "mountain": true, "mountains": true}

func (l *Locator) innerPlace(name string) ([]gazetteer.Entry, string) {
	words := strings.Fields(name)
	for n := len(words) - 1; n >= 2; n-- {
		for i := 0; i+n <= len(words); i++ {
			part := strings.Join(words[i:i+n], " ")
			if !capitalised(part) || facilityWords[strings.ToLower(words[i+n-1])] {
				continue // ("State University" is a hamlet in Arkansas, not the campus)
			}
			if es := namedAs(l.g.Lookup(part), part); len(es) > 0 {
				return es, "place"
			}
		}
	}
	// one word: the first, unless a later one names a country or a
	// division ("England" in "Bank of England", not a hamlet called Bank)
	var first []gazetteer.Entry
	kind := "place"
	for _, w := range words {
		if lw := strings.ToLower(w); !capitalised(w) || partWords[lw] || facilityWords[lw] {
			continue
		}
		if es := namedAs(l.g.Lookup(w), w); len(es) > 0 {
			if slices.ContainsFunc(es, isArea) {
				return es, "place"
			}
			if first == nil {
				first = es
			}
		} else if first == nil {
			if e, ok := l.demonym(w); ok {
				first, kind = []gazetteer.Entry{e}, "demonym"
			}
		}
	}
	return first, kind
}

// namedAs keeps the entries of es whose own name is name, not one of
// their other names ("Old Town" is an old name of Winchester, Virginia,
// but "Old Town Manassas" is not in Winchester).
func namedAs(es []gazetteer.Entry, name string) []gazetteer.Entry {
	k := gazetteer.Key(name)
	var out []gazetteer.Entry
	for _, e := range es {
		if gazetteer.Key(e.Name) == k || isCountry(e.Feature) || e.Feature == "ADM1" {
			out = append(out, e)
		}
	}
	return out
}

// isArea reports whether e is a country, a first-level division, a
// continent or a region.
func isArea(e gazetteer.Entry) bool {
	return isCountry(e.Feature) || e.Feature == "ADM1" || e.Feature == "CONT" || e.Feature == "RGN"
}

// ownNamed returns the entries whose own name (not an alternate one) is
// name, when one of them is a capital or a city a tenth as big as the
// biggest entry (a division of the name does not count): "ISLAMABAD" is Pakistan's capital, not Chattogram, once
// called Islamabad; but "KIEV" stays Kyiv, not a hamlet named Kiev.
func ownNamed(es []gazetteer.Entry, name string) []gazetteer.Entry {
	k := gazetteer.Key(name)
	var out []gazetteer.Entry
	var top int64
	for _, e := range es {
		top = max(top, e.Population)
	}
	major := false
	for _, e := range es {
		if gazetteer.Key(e.Name) == k {
			out = append(out, e)
			// (a city, not a division of that name: "NEW YORK" is the city
			// GeoNames calls New York City)
			major = major || strings.HasPrefix(e.Feature, "PPL") && (e.Feature == "PPLC" || e.Feature == "PPLA" || 10*e.Population >= top)
		}
	}
	if !major {
		return nil
	}
	return out
}

// datelinePlaces returns the places the dateline names ("TEHRAN", "La Paz,
// Bolivia"), which lie outside the coded sentences: the first is a city,
// the next ones qualify it.
func (l *Locator) datelinePlaces(a *dyad.Analysis, rs []rune) []*cand {
	dl := a.Dateline
	if dl == nil || dl.Place == "" || dl.Start < 0 || dl.End > len(rs) {
		return nil
	}
	span := string(rs[dl.Start:dl.End])
	var out []*cand
	from := 0
	for i, part := range strings.Split(dl.Place, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		at := strings.Index(span[from:], part)
		if at < 0 {
			at = strings.Index(strings.ToLower(span[from:]), strings.ToLower(part))
		}
		if at < 0 {
			break
		}
		byteStart := from + at
		from = byteStart + len(part)
		es := l.g.Lookup(part)
		if len(es) == 0 {
			if q, ok := l.qualifier(part); ok {
				if e, ok := l.g.Admin1(q[0], q[1]); ok {
					es = []gazetteer.Entry{e}
				}
			}
		}
		if len(es) == 0 {
			continue
		}
		if own := ownNamed(es, part); len(own) > 0 {
			// a dateline names a city by its own name: "ISLAMABAD" is
			// Pakistan's capital, not Chattogram, once called Islamabad
			es = own
		}
		start := dl.Start + len([]rune(span[:byteStart]))
		c := &cand{si: -1, start: start, end: start + len([]rune(part)), text: string(rs[start : start+len([]rune(part))]),
			entries: es, kind: "place", pick: -1, qualifier: i > 0}
		out = append(out, c)
	}
	// "La Paz, Bolivia": the second part qualifies the first
	if len(out) > 1 {
		for _, e := range out[1].entries {
			if isCountry(e.Feature) && hasLocalEntry(out[0], e.Country, "") {
				out[0].qualCountry = e.Country
				break
			}
			if e.Feature == "ADM1" && hasLocalEntry(out[0], e.Country, e.Admin1) {
				out[0].qualCountry, out[0].qualAdmin1 = e.Country, e.Admin1
				break
			}
		}
	}
	return out
}
