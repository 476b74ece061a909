package geo

import (
	"math"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/gazetteer"
)

// context is what the document says about where it is: weights of
// countries and of (country, admin1) divisions.
type context struct {
	countries map[string]float64
	admin1s   map[[2]string]float64
	// points are places already resolved with confidence, for distance.
	points [][2]float64
}

func newContext() *context {
	return &context{countries: map[string]float64{}, admin1s: map[[2]string]float64{}}
}

func (x *context) add(e gazetteer.Entry, w float64) {
	if e.Country != "" {
		x.countries[e.Country] += w
	}
	if e.Admin1 != "" && e.Country != "" && !isCountry(e.Feature) {
		x.admin1s[[2]string{e.Country, e.Admin1}] += w
	}
}

// resolve picks an entry for each candidate. Names vote for the
// countries and divisions of their best entries — once per distinct name,
// so that one ambiguous name repeated ten times does not outvote the rest
// of the document — and each name is then resolved again in the context
// of the others' votes (its own left out), twice.
func (l *Locator) resolve(a *dyad.Analysis, rs []rune, cs []*cand) {
	base := newContext()
	// the dateline, the strongest hint of where a story is
	if dl := a.Dateline; dl != nil && dl.Place != "" {
		if es := cities(l.g.Lookup(dl.Place)); len(es) > 0 {
			base.add(es[0], 3)
		}
		for _, c := range cs {
			// (only its first name is the city: "SEOUL, South Korea")
			if !c.qualifier && c.start >= dl.Start && c.end <= dl.End && len(cities(c.entries)) > 0 &&
				!strings.ContainsRune(string(rs[dl.Start:c.start]), ',') {
				c.dateline = true
			}
		}
	}
	// the publisher's country, from a country-code domain (a mild hint:
	// papers write about home, but not only)
	if c := gazetteer.CountryOfHost(a.Doc.URL); c != "" {
		base.countries[c] += weights.host
	}
	// (the actor stage's country names, capitals and adjectives are this
	// stage's own candidates, and vote as such: counting them again would
	// let "Paris" vote for France in a story about Paris, Texas)
	// candidates by name: the qualified ones ("Paris, Texas") apart
	type group struct {
		cs   []*cand
		vote *vote
	}
	groups := map[string]*group{}
	var order []string
	for _, c := range cs {
		k := gazetteer.Key(c.text) + "\x00" + c.qualCountry + "\x00" + c.qualAdmin1
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
			order = append(order, k)
		}
		g.cs = append(g.cs, c)
	}
	// the divisions each name can plausibly be in (its readings whose
	// context-free score is near its best's): a name supports a reading
	// of another in the same division ("Paris" and "Henry County" are
	// both in Tennessee), whichever readings they end up with
	var support map[[2]string]float64
	plausible := make(map[string][][2]string, len(order))
	if len(order) > 1 {
		support = map[[2]string]float64{}
		for _, k := range order {
			ds := l.plausibleDivisions(groups[k].cs[0])
			plausible[k] = ds
			for _, d := range ds {
				support[d]++
			}
		}
	}
	var towns []town
	for round := 0; round < 3; round++ {
		// the context each name sees: base plus every other name's vote
		// (its own is taken out when scoring)
		total := newContext()
		total.merge(base, 1)
		for _, k := range order {
			if v := groups[k].vote; v != nil {
				v.addTo(total)
			}
		}
		changed := false
		// the towns the names resolved to in the last round, for the
		// distance of a district to them
		towns = towns[:0]
		for _, k := range order {
			if c := groups[k].cs[0]; c.pick >= 0 && !c.inner {
				if e := c.entries[c.pick]; strings.HasPrefix(e.Feature, "PPL") {
					towns = append(towns, town{k, e.Lat, e.Lon})
				}
			}
		}
		for _, k := range order {
			g := groups[k]
			ctx := scoped{total, g.vote, support, plausible[k], towns, k}
			pick := l.best(g.cs[0], ctx)
			if pick != g.cs[0].pick || round == 0 {
				changed = true
			}
			for i, c := range g.cs {
				if i == 0 || pick < 0 {
					c.pick = pick
					continue
				}
				// the same entry in this candidate's list (its list may
				// have been filtered differently)
				c.pick = indexOfEntry(c.entries, g.cs[0].entries[pick])
				if c.pick < 0 {
					c.pick = l.best(c, ctx)
				}
			}
		}
		if !changed && round > 0 {
			break // the votes would not change either
		}
		// the votes for the next round
		for _, k := range order {
			g := groups[k]
			c := g.cs[0]
			if c.pick < 0 {
				g.vote = nil
				continue
			}
			e := c.entries[c.pick]
			w := 0.5 // an ambiguous name, resolved by the others
			if len(c.entries) == 1 || c.qualCountry != "" || l.dominant(c, c.pick) {
				w = 1.5
			}
			if isCountry(e.Feature) {
				w *= 0.7 // a country says little about which town
			}
			if c.inner {
				w = 0.5 // (a town found by one word of a longer name)
			}
			g.vote = newVote(e, w)
		}
	}
}

// dominance is how many times more people a place must have than every
// namesake in another country to need no context (dominant, CountryOf).
const dominance = 20

// dominant reports whether entry i of c is far ahead of every other
// namesake in population (Texas, Egypt): a name that needs no context.
func (l *Locator) dominant(c *cand, i int) bool {
	p := c.entries[i].Population
	for j, e := range c.entries {
		if j != i && e.Country != c.entries[i].Country && e.Population*dominance > p {
			return false
		}
	}
	return true
}

// bigCity returns the index of c's most populous town of its own name
// when it has at least bigCityPopulation people (Louisville, Kentucky;
// Boston, Massachusetts), or -1.
func bigCity(c *cand) int {
	bi := -1
	key := ""
	for i, e := range c.entries {
		if !strings.HasPrefix(e.Feature, "PPL") || e.Population < bigCityPopulation || bi >= 0 && e.Population <= c.entries[bi].Population {
			continue
		}
		if key == "" {
			key = gazetteer.Key(c.text)
		}
		if gazetteer.Key(e.Name) == key {
			bi = i
		}
	}
	return bi
}

// bigCityPopulation is how many people a city needs for its small
// namesakes to need more than their state named in the document.
const bigCityPopulation = 100000

// largestTown reports whether entry i of es has more people than every
// other town of the list.
func largestTown(es []gazetteer.Entry, i int) bool {
	for j, e := range es {
		if j != i && strings.HasPrefix(e.Feature, "PPL") && e.Population >= es[i].Population {
			return false
		}
	}
	return true
}

func (x *context) merge(o *context, sign float64) {
	for k, v := range o.countries {
		x.countries[k] += sign * v
	}
	for k, v := range o.admin1s {
		x.admin1s[k] += sign * v
	}
}

// vote is what one name says about where the story is: its entry's
// country and division, with a weight (see context.add).
type vote struct {
	country  string
	admin1   [2]string // zero when the entry is a country
	w        float64
	hasAdmin bool
}

func newVote(e gazetteer.Entry, w float64) *vote {
	v := &vote{country: e.Country, w: w}
	if e.Admin1 != "" && e.Country != "" && !isCountry(e.Feature) {
		v.admin1, v.hasAdmin = [2]string{e.Country, e.Admin1}, true
	}
	return v
}

func (v *vote) addTo(x *context) {
	if v.country != "" {
		x.countries[v.country] += v.w
	}
	if v.hasAdmin {
		x.admin1s[v.admin1] += v.w
	}
}

// scoped is a context less one name's own vote.
type scoped struct {
	all *context
	own *vote
	// support counts the names that can be in each division; ownSupport
	// are the divisions this name counts in it.
	support    map[[2]string]float64
	ownSupport [][2]string
	// towns are the names' towns, for a district's distance to them; self
	// is this name's key among them
	towns []town
	self  string
}

// town is the point a name (by its key) resolved to.
type town struct {
	key      string
	lat, lon float64
}

// districtKm is how near a town the story names a district must lie to be
// read as part of it.
const districtKm = 30

// nearTo reports whether one of the other names' towns lies within km of e.
func (x scoped) nearTo(e gazetteer.Entry, km float64) bool {
	for _, t := range x.towns {
		if t.key != x.self && distanceKm(t.lat, t.lon, e.Lat, e.Lon) <= km {
			return true
		}
	}
	return false
}

// supported returns how many other names can be in division k.
func (x scoped) supported(k [2]string) float64 {
	n := x.support[k]
	if n > 0 && slices.Contains(x.ownSupport, k) {
		n--
	}
	return n
}

// plausibleDivisions returns the (country, admin1) divisions of c's
// readings that score, without context, within weights.plausible of its
// best reading.
func (l *Locator) plausibleDivisions(c *cand) [][2]string {
	l.priors(c)
	top := math.Inf(-1)
	for _, p := range c.prior {
		top = math.Max(top, p)
	}
	var ds [][2]string
	key := ""
	for i, e := range c.entries {
		if e.Admin1 == "" || isCountry(e.Feature) || c.prior[i] < top-weights.plausible {
			continue
		}
		if key == "" {
			key = gazetteer.Key(c.text)
		}
		if !strings.EqualFold(e.Name, c.text) && gazetteer.Key(e.Name) != key {
			continue // (a town known by another name supports no division)
		}
		if d := [2]string{e.Country, e.Admin1}; !slices.Contains(ds, d) {
			ds = append(ds, d)
		}
	}
	return ds
}

func (x scoped) country(c string) float64 {
	w := x.all.countries[c]
	if x.own != nil && x.own.country == c {
		w -= x.own.w
	}
	return w
}

func (x scoped) admin1(k [2]string) float64 {
	w := x.all.admin1s[k]
	if x.own != nil && x.own.hasAdmin && x.own.admin1 == k {
		w -= x.own.w
	}
	return w
}

// best returns the index of the entry that scores highest for c in ctx,
// or -1 when c has none.
func (l *Locator) best(c *cand, ctx scoped) int {
	bi, bs := -1, math.Inf(-1)
	l.priors(c)
	dom := -1 // a reading far ahead of its namesakes abroad (Moscow, London), by its own name
	for i, e := range c.entries {
		if strings.HasPrefix(e.Feature, "PPL") && (l.dominant(c, i) || e.Feature == "PPLC" && largestTown(c.entries, i)) && gazetteer.Key(e.Name) == gazetteer.Key(c.text) {
			// (a national capital counts as such a city when it is the
			// largest town of its name: "Washington" in a British story)
			dom = i
			break
		}
	}
	big := bigCity(c)
	for i, e := range c.entries {
		if c.qualCountry != "" && e.Country != c.qualCountry && e.Country != "" {
			continue
		}
		if c.dateline && !strings.HasPrefix(e.Feature, "PPL") {
			continue
		}
		if c.qualAdmin1 != "" && e.Admin1 != c.qualAdmin1 && !isCountry(e.Feature) {
			continue
		}
		var x, local, named float64 // what the rest of the document says for this reading
		if e.Admin1 != "" && !isCountry(e.Feature) {
			if w := ctx.admin1([2]string{e.Country, e.Admin1}); w > 0 {
				named = weights.admin1 * math.Min(w, weights.cap)
				local += named
			}
			if n := ctx.supported([2]string{e.Country, e.Admin1}); n > 0 {
				local += weights.support * math.Min(n, weights.cap)
			}
		}
		if dom >= 0 && dom != i && e.Country != c.entries[dom].Country && named == 0 {
			local = 0 // (other names that could share its state do not count)
		}
		if big >= 0 && big != i && (strings.HasPrefix(e.Feature, "PPL") || e.Feature == "ADM2") && e.Population*dominance < c.entries[big].Population {
			// (a small town named like a big city: Louisville, Ohio, in
			// a story that names Ohio for Columbus)
			local *= weights.bigCity
		}
		if e.Country != "" && (dom < 0 || dom == i || e.Country == c.entries[dom].Country || named > 0) {
			// (a town that shares a world city's name needs its own
			// state or province in the text, not just its country:
			// "Moscow" in an American story is still Moscow)
			if w := ctx.country(e.Country); w > 0 {
				x += weights.country * math.Min(w, weights.cap)
			}
		}
		if e.Feature == "PPLX" && ctx.nearTo(e, districtKm) {
			x += weights.district // a district of a city the story names: Kilburn, London
		}
		x += local
		s := c.prior[i] + x
		if s > bs {
			bi, bs = i, s
		}
	}
	return bi
}

// hasCountry reports whether es holds a country.
func hasCountry(es []gazetteer.Entry) bool {
	return slices.ContainsFunc(es, func(e gazetteer.Entry) bool { return isCountry(e.Feature) })
}

// divisionNamesakePopulation is how many people a town named like a
// division of its country may have at most to be taken for the division's
// namesake (New York City is no village of the state).
const divisionNamesakePopulation = 100000

// hasDivision reports whether es holds a first-level division of country.
func hasDivision(es []gazetteer.Entry, country string) bool {
	for _, e := range es {
		if e.Feature == "ADM1" && e.Country == country {
			return true
		}
	}
	return false
}

// hasCapital reports whether es holds the capital of country.
func hasCapital(es []gazetteer.Entry, country string) bool {
	for _, e := range es {
		if e.Feature == "PPLC" && e.Country == country {
			return true
		}
	}
	return false
}

// priors computes, once, the context-free part of each reading's score.
func (l *Locator) priors(c *cand) {
	if len(c.prior) == len(c.entries) {
		return
	}
	c.prior = make([]float64, len(c.entries))
	key := ""
	country := hasCountry(c.entries)
	for i, e := range c.entries {
		c.prior[i] = featurePrior(e.Feature) + weights.population*math.Log10(float64(e.Population)+10)
		if e.Feature == "PPLX" && e.Population >= bigCityPopulation {
			c.prior[i] -= featurePrior(e.Feature) // a district as big as a city: Hollywood, Soweto
		}
		if country && strings.HasPrefix(e.Feature, "PPL") {
			// a town named like a country: Poland, Ohio; China, Texas
			c.prior[i] -= weights.countryNamesake
		}
		if strings.HasPrefix(e.Feature, "PPL") && e.Population < divisionNamesakePopulation && hasDivision(c.entries, e.Country) {
			// a village named like a division of its own country: Wales,
			// England; Georgia, Vermont
			c.prior[i] -= weights.countryNamesake
		}
		if e.Feature == "ADM1" && hasCapital(c.entries, e.Country) {
			// a division named like its country's capital: Washington,
			// Moscow, Kyiv, Lima, Buenos Aires: news means the capital
			c.prior[i] -= weights.capitalOverDivision
		}
		if !isCountry(e.Feature) && !strings.EqualFold(e.Name, c.text) {
			if key == "" {
				key = gazetteer.Key(c.text)
			}
			if gazetteer.Key(e.Name) == key {
				continue
			}
			// known by another name: "Philadelphia" is Amman's ancient
			// name, but a town of that name is meant
			c.prior[i] -= weights.altName
		}
	}
}

// featurePrior is how likely news means an entry of this kind when it
// names it.
func featurePrior(f string) float64 {
	switch {
	case isCountry(f):
		return weights.country0
	case f == "CONT" || f == "OCN":
		return weights.ocean // the Atlantic, not Atlantic, Iowa
	case f == "RGN" || f == "SEA" || f == "GULF" || f == "PEN" || f == "STM" || f == "BLDG" || f == "AIRP":
		return weights.region0 // no population to speak for them
	case f == "ADM1":
		return weights.adm1
	case f == "PPLC":
		return weights.capital
	case f == "PPLA":
		return weights.seat
	case f == "ADM2":
		return weights.adm2
	case f == "PPLA2":
		return weights.seat2
	case f == "PPLX" || f == "PPLL" || f == "PPLF" || f == "PPLQ" || f == "PPLH":
		return -1
	}
	return 0
}

// weights are the resolution score's parameters: the prior of each kind
// of entry, the weight of log10(population), and of the document's votes
// for a country or a division (each capped).
var weights = struct {
	country0, region0, adm1, capital, seat, adm2, seat2 float64
	population, country, admin1, cap, altName           float64
	capitalOverDivision, host, support, plausible       float64
	ocean, countryNamesake, bigCity, district           float64
}{
	country0: 5, region0: 6, adm1: 2.6, capital: 2.5, seat: 1.5, adm2: 1, seat2: 0.7,
	population: 0.6, country: 1.5, admin1: 1.5, cap: 3, altName: 2,
	capitalOverDivision: 1.5, host: 2, support: 1, plausible: 2.5,
	ocean: 9, countryNamesake: 3, bigCity: 0.7, district: 2,
}

// placeEvents gives each event the place its sentence names — the one
// after a locative preposition nearest the verb, else the first literal
// place of the sentence — or else the dateline's.
func (l *Locator) placeEvents(a *dyad.Analysis, cs []*cand) {
	var dateline *dyad.Place
	if dl := a.Dateline; dl != nil && dl.Place != "" {
		if es := l.g.Lookup(dl.Place); len(es) > 0 {
			// prefer the entry the document itself resolved for that name
			e := es[0]
			for _, c := range cs {
				if c.pick >= 0 && equalFold(c.text, dl.Place) {
					e = c.entries[c.pick]
					break
				}
			}
			p := place(&cand{text: dl.Place, start: dl.Start, end: dl.Start + len([]rune(dl.Place)), kind: "place"}, e)
			dateline = &p
		}
	}
	for i := range a.Events {
		ev := &a.Events[i]
		var best *cand
		bestD := 1 << 30
		for _, c := range cs {
			if c.si != ev.Sentence || c.pick < 0 || c.kind != "place" || c.qualifier {
				continue
			}
			if !c.locative && (overlaps(c, ev.Source) || overlaps(c, ev.Target) || actorAt(a, c)) {
				// an actor, not where it acted ("Iran said", "Russia said
				// rebels attacked …"); a place after "in" is both
				// ("struck targets in Damascus")
				continue
			}
			d := absInt(c.start - ev.Verb.Start)
			if !c.locative {
				d += 1000
			}
			if d < bestD {
				best, bestD = c, d
			}
		}
		if best != nil {
			p := place(best, best.entries[best.pick])
			ev.Place = &p
		} else if dateline != nil {
			p := *dateline
			ev.Place = &p
		}
	}
}

// actorAt reports whether an actor mention covers part of c.
func actorAt(a *dyad.Analysis, c *cand) bool {
	for _, m := range a.Mentions {
		if m.Sentence == c.si && m.Start < c.end && c.start < m.End {
			return true
		}
	}
	return false
}

func overlaps(c *cand, a *dyad.Actor) bool {
	return a != nil && c.start < a.End && a.Start < c.end
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func equalFold(a, b string) bool { return gazetteer.Key(a) == gazetteer.Key(b) }

func indexOfEntry(es []gazetteer.Entry, e gazetteer.Entry) int {
	for i := range es {
		if es[i].ID == e.ID && es[i].Name == e.Name && es[i].Lat == e.Lat && es[i].Lon == e.Lon {
			return i
		}
	}
	return -1
}

// cities returns the populated places among es (a dateline names a city),
// or es itself when there is none.
func cities(es []gazetteer.Entry) []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, e := range es {
		if strings.HasPrefix(e.Feature, "PPL") {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return es
	}
	return out
}
