package geo

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/gazetteer"
)

// joiners may stand inside a place name between capitalised words ("Rio de
// Janeiro", "Bay of Bengal").
var joiners = map[string]bool{"of": true, "de": true, "da": true, "do": true, "del": true, "la": true, "el": true, "al": true, "upon": true, "on": true, "sur": true, "am": true, "an": true, "der": true, "and": true}

// hyphenSuffixes make "X-based" read as the place X.
var hyphenSuffixes = []string{"-based", "-born", "-bound", "-area", "-region", "-led", "-backed", "-held", "-controlled"}

// scan finds the toponym candidates of sentence si.
func (l *Locator) scan(a *dyad.Analysis, rs []rune, si int, st *docState) []*cand {
	lookup := l.lookupCached
	toks := a.Sentences[si].Tokens
	maxW := l.g.MaxWords()
	if maxW > 6 {
		maxW = 6
	}
	var out []*cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !capitalised(t.Text) {
			continue
		}
		// "Tehran-based"
		if c := l.hyphenPlace(toks, si, i); c != nil {
			for len(out) > 0 && out[len(out)-1].si == si && out[len(out)-1].t1 > c.t0 {
				out = out[:len(out)-1] // "New" before "York-based" is part of it
			}
			out = append(out, c)
			continue
		}
		// "Bolivia's" as one token: the place without the possessive
		if c := l.possessivePlace(a, toks, si, i); c != nil {
			if l.keep(a, c, st) {
				out = append(out, c)
			}
			continue
		}
		n, es := 0, []gazetteer.Entry(nil)
		longest := min(maxW, len(toks)-i)
		if !l.g.MayStartName(t.Text) {
			longest = 1
		}
		for k := longest; k >= 1; k-- {
			last := toks[i+k-1]
			if !capitalised(last.Text) && !(last.Text == "." && k > 1) {
				continue
			}
			if !l.allNameWords(toks[i:i+k]) || k > 1 && last.Text == "." {
				continue
			}
			name := a.Doc.Text[t.ByteStart:last.ByteEnd]
			if found := lookup(name); len(found) > 0 && !(allPostal(found) && !l.stateAfter(toks, i+k)) {
				n, es = k, found
				break
			}
		}
		if n == 1 && !anyStrong(es) {
			if _, ok := l.demonym(t.Text); ok {
				n = 0 // "Canadian" is Canada's, not a county's
			}
		}
		if n == 0 && i+1 < len(toks) && capitalised(toks[i+1].Text) {
			// a people of two words: "Sri Lankan", "South Korean"
			two := a.Doc.Text[t.ByteStart:toks[i+1].ByteEnd]
			if e, ok := l.g.Demonym(two); ok && l.demonymHere(a, si, i, st) {
				out = append(out, &cand{si: si, t0: i, t1: i + 2, start: t.Start, end: toks[i+1].End, text: two,
					entries: []gazetteer.Entry{e}, kind: "demonym", pick: -1})
				i++
				continue
			}
		}
		if n == 0 {
			if e, ok := l.demonym(t.Text); ok && l.demonymHere(a, si, i, st) {
				out = append(out, &cand{si: si, t0: i, t1: i + 1, start: t.Start, end: t.End, text: t.Text,
					entries: []gazetteer.Entry{e}, kind: "demonym", pick: -1})
			}
			continue
		}
		c := &cand{si: si, t0: i, t1: i + n, start: t.Start, end: toks[i+n-1].End,
			text: string(rs[t.Start:toks[i+n-1].End]), entries: es, kind: "place", pick: -1}
		c.locative = locativeAt(toks, i)
		if l.keep(a, c, st) {
			out = append(out, c)
		}
		i += n - 1
	}
	return l.qualifyPairs(a, out)
}

// allNameWords reports whether the tokens can form a place name: each
// capitalised, a joiner between capitalised words, or a dot.
func (l *Locator) allNameWords(ts []dyad.Token) bool {
	for k, t := range ts {
		switch {
		case capitalised(t.Text):
		case joiners[t.Lower] && k > 0 && k < len(ts)-1:
		case t.Text == "." || t.Text == "-" || t.Text == "'s":
			if k == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// hyphenPlace reads "X-based" (one token) as the place X, and the first
// part of a hyphenated compound of places or peoples ("Egyptian-US
// relations", "Russia-Ukraine talks") as a place or a demonym.
func (l *Locator) hyphenPlace(toks []dyad.Token, si, i int) *cand {
	t := toks[i]
	if strings.IndexByte(t.Text, '-') < 0 {
		return nil
	}
	lw := strings.ToLower(t.Text)
	for _, suf := range hyphenSuffixes {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
			name := t.Text[:len(t.Text)-len(suf)]
			// "Damascus-based" says where; "Saudi-led" says who
			where := suf != "-led" && suf != "-backed" && suf != "-held" && suf != "-controlled"
			// "New York-based": the words before the hyphenated one may
			// begin the name
			for j := i - 2; j <= i-1; j++ {
				if j < 0 || !capitalised(toks[j].Text) || !capitalised(toks[i-1].Text) {
					continue
				}
				words := make([]string, 0, i-j+1)
				for _, w := range toks[j:i] {
					words = append(words, w.Text)
				}
				long := strings.Join(append(words, name), " ")
				if es := l.g.Lookup(long); len(es) > 0 {
					return &cand{si: si, t0: j, t1: i + 1, start: toks[j].Start, end: t.Start + len([]rune(name)), text: long,
						entries: es, kind: "place", locative: where, pick: -1}
				}
			}
			if es := l.g.Lookup(name); len(es) > 0 {
				n := len([]rune(name))
				return &cand{si: si, t0: i, t1: i + 1, start: t.Start, end: t.Start + n, text: name,
					entries: es, kind: "place", locative: where, pick: -1}
			}
		}
	}
	first, rest, ok := strings.Cut(t.Text, "-")
	if !ok || rest == "" || !capitalised(first) || !capitalised(rest) {
		return nil
	}
	n := len([]rune(first))
	if es := l.g.Lookup(first); anyStrong(es) {
		return &cand{si: si, t0: i, t1: i + 1, start: t.Start, end: t.Start + n, text: first, entries: es, kind: "place", pick: -1}
	}
	if e, ok := l.demonym(first); ok {
		return &cand{si: si, t0: i, t1: i + 1, start: t.Start, end: t.Start + n, text: first,
			entries: []gazetteer.Entry{e}, kind: "demonym", pick: -1}
	}
	return nil
}

// demonymHere reports whether the capitalised word at i is a demonym
// here: anywhere but inside a person's name (inside an organisation's it
// still says which country: "the Syrian Observatory", as the geoparsing
// corpora count it).
func (l *Locator) demonymHere(a *dyad.Analysis, si, i int, st *docState) bool {
	toks := a.Sentences[si].Tokens
	return !st.inPerson(toks[i].Start, toks[i].End)
}

// keep decides whether a candidate is a place in this text.
func (l *Locator) keep(a *dyad.Analysis, c *cand, st *docState) bool {
	toks := a.Sentences[c.si].Tokens
	if l.notPlace[gazetteer.Key(c.text)] {
		return false // "March", "Police", "White House"
	}
	if !l.stateAfter(toks, c.t1) {
		// a village only the postal codes know is a place only when its
		// state follows ("Lanexa, Va."): alone it is far more often a
		// person's name ("Carter", "Wilson")
		if slices.ContainsFunc(c.entries, gazetteer.IsPostalPlace) {
			kept := make([]gazetteer.Entry, 0, len(c.entries))
			for _, e := range c.entries {
				if !gazetteer.IsPostalPlace(e) {
					kept = append(kept, e)
				}
			}
			if len(kept) == 0 {
				return false
			}
			c.entries = kept
		}
	}
	if c.t1-c.t0 == 1 && slices.ContainsFunc(c.entries, func(e gazetteer.Entry) bool { return e.Feature == "ADM2" }) {
		// a county goes by "X County": a lone "Johnson" is a surname
		kept := c.entries[:0:0]
		for _, e := range c.entries {
			if e.Feature == "ADM2" && !strings.EqualFold(e.Name, c.text) && gazetteer.Key(e.Name) != gazetteer.Key(c.text) {
				continue
			}
			kept = append(kept, e)
		}
		if len(kept) == 0 {
			return false
		}
		c.entries = kept
	}
	if c.t1-c.t0 == 1 && !c.locative && st.surnames[toks[c.t0].Lower] && !isCountry(c.entries[0].Feature) && c.entries[0].Feature != "ADM1" {
		return false // "Lincoln said" after "Blanche Lincoln": the person
	}
	best := c.entries[0]
	strong := isCountry(best.Feature) || best.Feature == "ADM1" || best.Feature == "PPLC" || isRegion(best.Feature) || best.Population >= 100000 ||
		best.Feature == "ADM2" && c.t1-c.t0 > 1 // "Laurel County Sheriff's Office"
	if c.t1-c.t0 == 1 && isUpperWord(toks[c.t0].Text) && len(toks[c.t0].Text) <= 5 && !(isCountry(best.Feature) || isRegion(best.Feature)) {
		return false // an acronym ("NICE", "PA") that a town shares
	}
	// part of a longer capitalised name: "Paris Hilton", "Michael Jordan";
	// a well-known place stays one inside an organisation's name ("Texas
	// Department of Health", "U.S. House", "North Texas")
	if strong && c.t1 < len(toks) && c.t1-c.t0 == 1 && !c.locative && !strings.Contains(toks[c.t0].Text, ".") {
		next := toks[c.t1]
		if capitalised(next.Text) && (next.Tag == "NNP" || next.Tag == "NNPS") && !l.nameWords[next.Lower] && !isUpperWord(next.Text) &&
			(c.t1+1 >= len(toks) || !capitalised(toks[c.t1+1].Text)) {
			return false // "Jordan Whitfield", "Georgia Brown": a person
		}
	}
	if !strong {
		// a place that opens a longer name stays one ("Dublin Veterans
		// Project"), unless that name is a person's (the entities say);
		// one that ends it is a surname ("Lee Hughes")
		if c.t0 > 0 {
			prev := toks[c.t0-1]
			if capitalised(prev.Text) && (prev.Tag == "NNP" || prev.Tag == "NNPS") && c.t0-1 > 0 && !joiners[prev.Lower] {
				return false
			}
		}
	}
	// a person or organisation found by the earlier stages ("Bolivia's
	// interior minister" is a person, but "Bolivia" in it is a place)
	possessive := c.t1 < len(toks) && toks[c.t1].Tag == "POS" || c.end < toks[c.t0].End
	if !possessive && st.inNamedEntity(c.start, c.end) && (!strong || st.inPerson(c.start, c.end)) {
		return false
	}
	if c.t1-c.t0 == 1 {
		t := toks[c.t0]
		if t.Tag != "NNP" && t.Tag != "NNPS" && !strong {
			return false
		}
		if c.t0 == 0 && !strong {
			return false // a capitalised first word that is a small place's name
		}
		if !strong && !c.locative && best.Population < 20000 && !l.isQualifierAt(toks, c.t1) && !followsComma(toks, c.t0) {
			return false
		}
	}
	return true
}

// allPostal reports whether every entry is a village only the postal
// codes name (see keep).
func allPostal(es []gazetteer.Entry) bool {
	for _, e := range es {
		if !gazetteer.IsPostalPlace(e) {
			return false
		}
	}
	return true
}

// stateAfter reports whether ", STATE" follows at token i: a US state's
// abbreviation or name.
func (l *Locator) stateAfter(toks []dyad.Token, i int) bool {
	if i+1 >= len(toks) || toks[i].Text != "," {
		return false
	}
	w := toks[i+1].Text
	if q, ok := l.qualifier(w); ok && q[0] == "USA" && capitalised(w) {
		return true
	}
	for _, e := range l.lookupCached(w) {
		if e.Feature == "ADM1" && e.Country == "USA" && capitalised(w) {
			return true
		}
	}
	return false
}

func followsComma(toks []dyad.Token, i int) bool { return i > 0 && toks[i-1].Text == "," }

// isQualifierAt reports whether ", X" at token i qualifies the place
// before it: a state abbreviation or a division or country name.
func (l *Locator) isQualifierAt(toks []dyad.Token, i int) bool {
	return i < len(toks) && toks[i].Text == ","
}

// qualifyPairs reads "Paris, Texas", "Gainesville, Ga.", "Tripoli,
// Lebanon": the second name restricts the first to its country (and
// division); it is kept as a place of its own.
func (l *Locator) qualifyPairs(a *dyad.Analysis, cs []*cand) []*cand {
	var extra []*cand
	defer func() {}()
	for i, c := range cs {
		if c.si < 0 {
			continue
		}
		toks := a.Sentences[c.si].Tokens
		k := c.t1
		if k >= len(toks) || toks[k].Text != "," || k+1 >= len(toks) {
			continue
		}
		// a state abbreviation: "Ga.", "Calif.", "TX"
		abbr := toks[k+1].Text
		if k+2 < len(toks) && toks[k+2].Text == "." && !strings.HasSuffix(abbr, ".") {
			abbr += "."
		}
		if q, ok := l.qualifier(abbr); ok && (strings.Contains(abbr, ".") || isUpperWord(abbr) || len(abbr) > 3) && capitalised(abbr) {
			if hasLocalEntry(c, q[0], q[1]) {
				c.qualCountry, c.qualAdmin1 = q[0], q[1]
				// the abbreviation names the state: a place of its own
				if e, ok := l.g.Admin1(q[0], q[1]); ok && c.si >= 0 && !coveredBy(cs, c.si, k+1) {
					t := toks[k+1]
					extra = append(extra, &cand{si: c.si, t0: k + 1, t1: k + 2, start: t.Start, end: t.End, text: t.Text,
						entries: []gazetteer.Entry{e}, kind: "place", qualifier: true, pick: -1})
				}
			}
			continue
		}
		// a following candidate that is a country or a division
		if i+1 < len(cs) && cs[i+1].si == c.si && cs[i+1].t0 == k+1 {
			n := cs[i+1]
			// (only when the first has a town or county there: "Iran,
			// Syria and Iraq" is a list, not a qualified name)
			for _, e := range n.entries {
				if isCountry(e.Feature) && hasLocalEntry(c, e.Country, "") {
					c.qualCountry = e.Country
					break
				}
				if e.Feature == "ADM1" && hasLocalEntry(c, e.Country, e.Admin1) {
					c.qualCountry, c.qualAdmin1 = e.Country, e.Admin1
					break
				}
			}
		}
	}
	if len(extra) == 0 {
		return cs
	}
	out := append(append([]*cand(nil), cs...), extra...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func isUpperWord(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return len(s) > 0
}

func isCountry(feature string) bool {
	switch feature {
	case "PCLI", "PCLS", "PCLD", "PCLF", "PCL", "PCLIX", "TERR":
		return true
	}
	return false
}

// hasLocalEntry reports whether c has a town, county or division entry in
// the country (and admin1, if given): something a qualifier can pick.
func hasLocalEntry(c *cand, country, admin1 string) bool {
	for _, e := range c.entries {
		if e.Country == country && !isCountry(e.Feature) && (admin1 == "" || e.Admin1 == admin1) && !(admin1 != "" && e.Feature == "ADM1") {
			return true
		}
	}
	return false
}

// coveredBy reports whether a candidate of sentence si covers token t.
func coveredBy(cs []*cand, si, t int) bool {
	for _, c := range cs {
		if c.si == si && c.t0 <= t && t < c.t1 {
			return true
		}
	}
	return false
}

// isRegion reports whether a feature is a continent, region, sea, ocean,
// gulf or peninsula: places without population.
func isRegion(f string) bool {
	switch f {
	case "CONT", "RGN", "OCN", "SEA", "GULF", "PEN":
		return true
	}
	return false
}

// anyStrong reports whether an entry is a country, division, capital,
// region or a city of 100,000 people.
func anyStrong(es []gazetteer.Entry) bool {
	for _, e := range es {
		if isCountry(e.Feature) || e.Feature == "ADM1" || e.Feature == "PPLC" || isRegion(e.Feature) || e.Population >= 100000 {
			return true
		}
	}
	return false
}

// possessivePlace reads a token such as "Bolivia's" (the tokenizer keeps
// some possessives on the word) as the place before the apostrophe.
func (l *Locator) possessivePlace(a *dyad.Analysis, toks []dyad.Token, si, i int) *cand {
	t := toks[i]
	var name string
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(t.Text, suf) && len(t.Text) > len(suf)+1 {
			name = strings.TrimSuffix(t.Text, suf)
			break
		}
	}
	if name == "" {
		return nil
	}
	es := l.g.Lookup(name)
	if len(es) == 0 {
		return nil
	}
	n := len([]rune(name))
	c := &cand{si: si, t0: i, t1: i + 1, start: t.Start, end: t.Start + n, text: name, entries: es, kind: "place", pick: -1}
	c.locative = locativeAt(toks, i)
	return c
}

// docState is what the places stage keeps for one document: the names it
// looked up, and the spans of the persons, organisations and named groups
// the earlier stages found.
type docState struct {
	named []namedSpan
	// surnames are the last words of the two-word names of the text that
	// are no places ("Blanche Lincoln", "Lee Hughes"): alone, they are
	// those persons, not towns
	surnames map[string]bool
}

// namedSpan is a person's, an organisation's or a named group's mention.
type namedSpan struct {
	start, end int
	person     bool // a person (an actor mention or a PERSON entity)
	fullName   bool // a PERSON entity whose name has several words
	group      bool // a named group mention ("Hamas militants")
}

func (l *Locator) newDocState(a *dyad.Analysis) *docState {
	st := &docState{surnames: map[string]bool{}}
	for _, sen := range a.Sentences {
		toks := sen.Tokens
		for i := 0; i+1 < len(toks); i++ {
			if !personWord(toks[i]) || i > 0 && personWord(toks[i-1]) {
				continue
			}
			j := i + 1 // the run of name words: two or three
			for j < len(toks) && personWord(toks[j]) && j-i < 4 {
				j++
			}
			if j-i < 2 || j-i > 3 {
				continue
			}
			x, y := toks[i], toks[j-1]
			words := make([]string, 0, j-i)
			for _, t := range toks[i:j] {
				words = append(words, t.Text)
			}
			if i > 0 && locativeAt(toks, i) || len(l.lookupCached(strings.Join(words, " "))) > 0 || len(l.lookupCached(x.Text)) > 0 && !l.nameWords[x.Lower] {
				continue // "in Fort Worth", "New York", "Texas Rangers"
			}
			st.surnames[y.Lower] = true
		}
	}
	for _, m := range a.Mentions {
		switch {
		case m.Kind == "person" || m.Kind == "org":
			st.named = append(st.named, namedSpan{start: m.Start, end: m.End, person: m.Kind == "person"})
		case m.Kind == "group" && capitalised(m.Text):
			st.named = append(st.named, namedSpan{start: m.Start, end: m.End, group: true})
		}
	}
	for _, e := range a.Entities {
		if e.Type != "PERSON" && e.Type != "ORG" {
			continue
		}
		for _, mm := range e.Mentions {
			st.named = append(st.named, namedSpan{start: mm[0], end: mm[1], person: e.Type == "PERSON",
				fullName: e.Type == "PERSON" && strings.Contains(e.Name, " ")})
		}
	}
	return st
}

// personWord reports whether t can be a word of a person's name: a
// capitalised proper noun of letters only.
func personWord(t dyad.Token) bool {
	if t.Tag != "NNP" || !capitalised(t.Text) || len(t.Text) < 2 {
		return false
	}
	for _, r := range t.Text {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// inNamedEntity reports whether [start, end) lies in a longer mention of
// a person or an organisation, in a PERSON entity's mention when that
// person is named in full, or opens a named group's mention.
func (st *docState) inNamedEntity(start, end int) bool {
	for _, n := range st.named {
		if n.group {
			if n.start == start {
				return true
			}
			continue
		}
		if n.start <= start && end <= n.end && (n.end-n.start > end-start || n.fullName) {
			return true
		}
	}
	return false
}

// inPerson reports whether [start, end) lies in a longer mention of a
// person ("Paris Hilton").
func (st *docState) inPerson(start, end int) bool {
	for _, n := range st.named {
		if n.person && n.start <= start && end <= n.end && n.end-n.start > end-start {
			return true
		}
	}
	return false
}
