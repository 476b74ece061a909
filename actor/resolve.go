package actor

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/lexicon"
	"github.com/dyad-events/dyad/text"
)

// entity is the working form of a dyad.Entity.
type entity struct {
	id       string
	name     string
	typ      string
	code     string
	titles   []string
	mentions [][2]int
	surname  string
	sectors  []string // all sectors its titles give (the code has the primary ones)
	key      string
	learned  bool // named and coded by this document, not by a dictionary entry
	// titled is the code a current title gave a dated person in this
	// document ("South Korean President Yoon Suk Yeol" after his term in
	// the dated list): later bare mentions ("Yoon") keep it.
	titled string
}

type docState struct {
	ents   []*entity
	byID   map[string]*entity
	byKey  map[string]*entity
	byName map[string]*entity // lower-cased full names and surnames of persons
}

func (s *docState) get(key, name, typ, code string) *entity {
	if e := s.byKey[key]; e != nil {
		if e.code == "" || (strings.HasPrefix(e.code, "---") && code != "" && !strings.HasPrefix(code, "---")) {
			e.code = code
		}
		return e
	}
	e := &entity{id: fmt.Sprintf("e%d", len(s.ents)+1), name: name, typ: typ, code: code, key: key}
	s.ents = append(s.ents, e)
	s.byID[e.id] = e
	s.byKey[key] = e
	return e
}

func (s *docState) learnName(e *entity, name string) {
	name = strings.ToLower(name)
	s.byName[name] = e
	if f := strings.Fields(name); len(f) > 1 {
		last := f[len(f)-1]
		if _, taken := s.byName[last]; !taken {
			s.byName[last] = e
			e.surname = last
		}
		if len(f) > 2 && (f[1] == "bin" || f[1] == "ibn" || f[1] == "bint") {
			// "Crown Prince Mohammed bin Salman" … "Prince Mohammed": a
			// patronymic name is short for its given name
			if _, taken := s.byName[f[0]]; !taken {
				s.byName[f[0]] = e
			}
		}
	}
}

// Resolve fills a.Mentions and a.Entities from a.Sentences.
func (r *Resolver) Resolve(a *dyad.Analysis) error {
	date := a.Doc.Date
	st := &docState{byKey: map[string]*entity{}, byName: map[string]*entity{}, byID: map[string]*entity{}}
	groups := make([][]*group, len(a.Sentences))
	// pass 1: atoms, groups, dictionary persons and appositive learning.
	for si := range a.Sentences {
		toks := a.Sentences[si].Tokens
		gs := groupAtoms(toks, r.findAtoms(toks, date))
		for _, g := range gs {
			resolveGroup(toks, g, r.isState)
		}
		r.namesakeCapitals(toks, gs)
		counterparts(toks, gs)
		localOffices(toks, gs)
		distributeHeads(toks, gs)
		distributeOf(toks, gs)
		shareCountry(toks, gs)
		parenHeads(toks, gs)
		demoteSurnames(toks, gs, st)
		learnAppositives(toks, gs, st)
		for _, g := range gs {
			if g.person != nil {
				e := st.get("P:"+g.person.Name, g.person.Name, "PERSON", g.code())
				st.learnName(e, g.person.Phrase)
				st.learnName(e, g.person.Name)
				if g.titled != "" && e.titled == "" {
					e.titled = g.titled
				}
			} else if g.name != "" && len(g.sectors) > 0 && g.code() != "" {
				key := "P:" + strings.ToLower(g.name)
				if x := st.byName[strings.ToLower(g.name)]; x != nil && x.typ == "PERSON" {
					key = x.key // a surname of someone already named
				}
				e := st.get(key, g.name, "PERSON", g.code())
				e.learned = true
				if len(e.sectors) == 0 {
					e.sectors = g.sectors
				}
				st.learnName(e, g.name)
			}
		}
		groups[si] = gs
	}
	// pass 2: mentions in document order, with surnames and pronouns.
	var lastPerson, lastGroup *entity
	lastGroupSent := -2
	lastGroupPrep := false // the last group was the object of a preposition
	dlCountry := r.datelineCountry(a)
	docCountry := documentCountry(dlCountry, groups, r.isState)
	// homeCountry is whose an unqualified titled name is: wire style
	// qualifies foreign officials ("Ukraine's defence minister") and not
	// the dateline's own ("BERLIN - Defence Minister Jonas Keller")
	homeCountry := docCountry
	if homeCountry == "" {
		homeCountry = dlCountry
	}
	// onlyCountry is the one country a document names, when it names
	// exactly one: "President Museveni … Ugandan opposition candidates"
	onlyCountry := soleCountry(a, groups, r.isState)
	if dl := r.datelineCountry(a); dl != "" && dl != onlyCountry {
		onlyCountry = "" // the dateline's country is the one not named
	}
	var prevGroup *entity // the last group named before this sentence
	// sentPerson is the first person named in this sentence, prevSubject
	// that of the last sentence that named one: "he" prefers them.
	var sentPerson, prevSubject *entity
	// sentGroup is the first group named in this sentence: a "they" later
	// in it prefers its subject to a nearer object ("bombers killed 23
	// people when they blew themselves up").
	var sentGroup *entity
	// sentOpen is the first group named outside quotation marks: what a
	// sentence-initial "It" in the next sentence stands for
	var sentOpen *entity
	for si := range a.Sentences {
		toks := a.Sentences[si].Tokens
		if sentPerson != nil {
			prevSubject = sentPerson
		}
		prevSentGroup := sentOpen // the first group named outside quotation marks in the sentence before
		if lastGroupSent < si-1 {
			prevSentGroup = nil
		}
		sentPerson, sentGroup, sentOpen = nil, nil, nil
		if lastGroupSent == si-1 {
			prevGroup = lastGroup
		} else if lastGroupSent < si-1 {
			prevGroup = nil
		}
		if places := r.placeGroups(toks, groups[si]); len(places) > 0 {
			// a place the gazetteer knows is its country's mention, as
			// a capital is ("in Mosul" as "in Baghdad"); it replaces the
			// bare unknown name it was
			gs := groups[si][:0:0]
			for _, g := range groups[si] {
				if !slices.ContainsFunc(places, func(p *group) bool { return g.t0 < p.t1 && p.t0 < g.t1 }) {
					gs = append(gs, g)
				}
			}
			gs = append(gs, places...)
			slices.SortStableFunc(gs, func(a, b *group) int { return a.t0 - b.t0 })
			groups[si] = gs
		}
		for _, g := range groups[si] {
			if g.country == "" && len(g.sectors) > 0 && g.person == nil && r.places != nil {
				// "the government of Sindh province", "the governor of
				// Kandahar": an office of a place the gazetteer knows
				if c := r.officeOfPlace(toks, g); c != "" {
					g.country = c
				}
			}
			locCountry := locativeCountry(toks, groups[si], g)
			var e *entity
			code := g.code()
			kind := groupKind(g)
			switch {
			case g.pronoun != "":
				if p := personAntecedent(lastPerson, sentPerson, prevSubject); (g.pronoun == "he" || g.pronoun == "she" || g.pronoun == "him" || g.pronoun == "her") && p != nil {
					e = p
					code = e.code
				} else if sp, _ := speakerOf(groups, a.Sentences, si); (g.pronoun == "we" || g.pronoun == "i" || g.pronoun == "us") && sp != nil && (sp.pronoun == "he" || sp.pronoun == "she") && personAntecedent(lastPerson, sentPerson, prevSubject) != nil {
					// "We condemn …," he said: the person he is
					e = personAntecedent(lastPerson, sentPerson, prevSubject)
					code = e.code
					kind = "speaker"
				} else if sp, ssi := speakerOf(groups, a.Sentences, si); (g.pronoun == "we" || g.pronoun == "i" || g.pronoun == "us") && sp != nil && sp.pronoun == "" && sp.code() != "" {
					// "We condemn any attack on Syria," the minister said.
					code = sp.code()
					if sp.person != nil {
						e = st.byKey["P:"+sp.person.Name]
					} else if sp.name != "" {
						e = st.byName[strings.ToLower(sp.name)]
					}
					if e == nil {
						e = r.groupEntity(st, a.Sentences[ssi].Tokens, sp, code)
					}
					if e.code != "" {
						code = e.code
					}
					kind = "speaker"
				} else if x := objectAntecedent(a, si, g.t0, nil, st); g.pronoun == "it" && g.t0 > 0 && x != nil {
					// "cut ties with Qatar, accusing it of backing terrorism":
					// the actor named last in the sentence before it
					e = x
					code = e.code
				} else if x := objectAntecedent(a, si, g.t0, prevGroup, st); g.pronoun == "them" && x != nil {
					// an object pronoun points past its own clause's subject
					e = x
					code = e.code
				} else if x := lastNamedGroup(a, si, st); strings.HasPrefix(g.pronoun, "the ") && x != nil {
					// "the group", "the militia"
					e = x
					code = e.code
				} else if g.pronoun == "it" && prevSentGroup != nil && prevSentGroup.typ != "PERSON" {
					// "… the defence ministry said. It accused Beijing of …"
					e = prevSentGroup
					code = e.code
				} else if g.pronoun == "they" && sentGroup != nil && sentGroup.typ == "GROUP" {
					e = sentGroup
					code = e.code
				} else if (g.pronoun == "they" || g.pronoun == "we") && lastGroup != nil && lastGroupSent >= si-1 {
					e = lastGroup
					code = e.code
				} else {
					continue
				}
			case g.appositiveOf != "":
				e = st.byKey[g.appositiveOf]
			case g.person != nil:
				e = st.byKey["P:"+g.person.Name]
				if e != nil && e.titled != "" && g.titled == "" && !g.former && len(g.atoms) == 1 {
					code = e.titled // "Yoon" after "President Yoon Suk Yeol"
				}
			case g.name != "":
				if x := st.byKey["P:"+strings.ToLower(g.name)]; x != nil {
					e = x
				} else if x := st.byName[strings.ToLower(g.name)]; x != nil {
					e = x
				}
				if e != nil && (code == "" || len(g.atoms) == 1 || strings.HasPrefix(code, "---") && e.code != "" && !strings.HasPrefix(e.code, "---")) {
					// (a title with the name, "Lt. Gen. Aroldo Lazaro", says
					// less than what the document taught about the name)
					code = e.code
					kind = "learned"
				}
			}
			if code == "" || strings.HasPrefix(code, "---") && inPairSpan(toks, g) && len(pairRefs(a, si, g.t0)) == 2 {
				continue // "the two leaders": resolved as a pair below
			}
			if strings.HasPrefix(code, "---") && g.pronoun == "" && g.name != "" && e != nil && e.learned &&
				strings.HasPrefix(e.code, "---") && homeCountry != "" && hasAny(g.sectors, "GOV", "ELI", "MIL", "LEG", "JUD", "COP", "SPY") {
				// a titled name of no known country is the dateline's:
				// "BERLIN - Defence Minister Jonas Keller said" (not a
				// place's after it: "… arrived in Moscow")
				code = homeCountry + code[3:]
				kind += "+dateline"
				e.code = code
			}
			if strings.HasPrefix(code, "---") && g.pronoun == "" && e == nil {
				// an agent of no named country: "its forces" after Russia,
				// "protesters … in Baku", "the ministry said" under a
				// TEHRAN dateline
				owns := lastGroup
				if lastGroupPrep && lastGroupSent == si && sentGroup != nil {
					// "Argentina apologised to Brazil for one of its
					// gunboats": the subject's, not a prepositional object's
					owns = sentGroup
				}
				if lastGroupSent < si-1 {
					owns = nil // (the state or organisation named in this sentence or the one before)
				}
				if owner := pronounOwner(toks, g, owns, "its", "their"); owner != "" {
					code = owner + code[3:]
					kind += "+possessive"
				} else if owner := stateOwner(toks, g, owns); owner != "" {
					// "Mauritania's new rulers freed the country's prime
					// minister"
					code = owner + code[3:]
					kind += "+possessive"
				} else if c := pronounOwner(toks, g, lastPerson, "his", "her"); c != "" {
					// "Nancy Pelosi and her immediate family", "the
					// president and his government"
					code = c + code[3:]
					kind += "+possessive"
				} else if locCountry != "" && !hasAny(g.sectors, "GOV", "ELI", "IGO") {
					code = locCountry + code[3:]
					kind += "+location"
				} else if docCountry != "" && !hasAny(g.sectors, "CVL", "PPL", "REF", "UAF", "IGO", "NGO") {
					code = docCountry + code[3:]
					kind += "+dateline"
				} else if c := domesticCountry(toks, groups[si], g); c != "" {
					// "Tunisia's president dissolved parliament": a state's
					// institutions named by its own officials are its own
					code = c + code[3:]
					kind += "+domestic"
				}
			}
			if g.country != "" && !r.isState(g.country) && len(g.sectors) > 0 && g.person == nil && g.full == "" && locCountry != "" && r.isState(locCountry) && strings.HasPrefix(code, g.country) {
				// "Kurdish rebel positions in northern Iraq": a people of
				// no state acts in the state its clause places it in
				code = locCountry + code[len(g.country):]
				kind += "+location"
			}
			if host := ethnicHost(toks, g, groups[si], docCountry); host != "" && strings.HasPrefix(code, g.country) {
				// "ethnic Albanians" with no "in Serbia": a minority of
				// the state the story is about, not the kin state
				code = host + code[len(g.country):]
				kind += "+ethnic"
			}
			if strings.HasPrefix(code, "---") && g.pronoun == "" && g.name != "" && onlyCountry != "" &&
				hasAny(g.sectors, "GOV", "ELI", "MIL", "LEG", "JUD") && (e == nil || strings.HasPrefix(e.code, "---")) {
				// a named office holder of no known country in a document
				// that names one country: "President Yoweri Museveni has
				// threatened to ban Ugandan opposition candidates"
				code = onlyCountry + code[3:]
				kind += "+document"
				if e != nil {
					e.code = code
				}
			}
			if e == nil {
				e = r.groupEntity(st, toks, g, code)
				if e.typ == "PERSON" && g.full == "" {
					code = e.code // "the Syrian minister" → the minister named earlier
				}
			}
			for _, t := range g.titles {
				e.titles = addSector(e.titles, t)
			}
			m := mention(a, si, g, code, kind, e)
			e.mentions = append(e.mentions, [2]int{m.Start, m.End})
			if e.typ == "PERSON" {
				lastPerson = e
				if sentPerson == nil && g.pronoun == "" {
					sentPerson = e
				}
			} else if g.pronoun == "" && (e.typ == "GROUP" || e.typ == "ORG" || e.typ == "GPE") {
				lastGroup, lastGroupSent = e, si
				lastGroupPrep = prepObject(toks, g.t0)
				if sentGroup == nil {
					sentGroup = e
				}
				if sentOpen == nil && !quoted(toks, g.t0) {
					sentOpen = e
				}
			}
			a.Mentions = append(a.Mentions, m)
		}
		pairs := pairMentions(a, si, groups[si], st)
		for _, m := range pairs {
			if e := st.byID[m.Entity]; e != nil {
				e.mentions = append(e.mentions, [2]int{m.Start, m.End})
			}
		}
		if len(pairs) > 0 {
			// an agent of no country that a pair's phrase takes in ("the
			// leaders of both countries") gives way to it
			// ("the two NATO allies" likewise takes in "NATO allies")
			a.Mentions = slices.DeleteFunc(a.Mentions, func(x dyad.Mention) bool {
				if x.Sentence != si || x.Kind == "pair" {
					return false
				}
				for _, p := range pairs {
					if p.Tok0 <= x.Tok0 && x.Tok1 <= p.Tok1 && (x.Tok0 > p.Tok0 || x.Tok1 < p.Tok1) {
						return true
					}
				}
				return false
			})
			a.Mentions = append(a.Mentions, pairs...)
		}
	}
	for _, e := range st.ents {
		if len(e.mentions) == 0 {
			continue
		}
		c, secs := SplitCode(e.code)
		for _, x := range e.sectors {
			secs = addSector(secs, x)
		}
		if secs == nil {
			secs = []string{}
		}
		titles := e.titles
		if titles == nil {
			titles = []string{}
		}
		a.Entities = append(a.Entities, dyad.Entity{
			ID: e.id, Name: e.name, Type: e.typ, Code: e.code, Country: dyad.OptString(c),
			Sectors: secs, Titles: titles, Mentions: e.mentions,
		})
	}
	return nil
}

// personAntecedent is who "he" or "she" refers to: a person named earlier
// in the same sentence, else the first person of the sentence before (the
// likely subject), else the last person named.
func personAntecedent(last, inSentence, prevSubject *entity) *entity {
	switch {
	case inSentence != nil:
		return last
	case prevSubject != nil:
		return prevSubject
	}
	return last
}

// objectAntecedent is what "them" at token t0 of sentence si refers to: the
// nearest group mentioned earlier in the sentence that is not its opening
// subject ("Grossi met Iranian officials and urged them"), else the last
// group of the sentence before ("Syrian officials arrived. Iran met them.").
func objectAntecedent(a *dyad.Analysis, si, t0 int, prev *entity, st *docState) *entity {
	for k := len(a.Mentions) - 1; k >= 0; k-- {
		m := a.Mentions[k]
		if m.Sentence != si {
			break
		}
		if m.Tok0 >= t0 || m.Tok0 <= 1 || m.Kind == "pronoun" {
			continue
		}
		if e := st.byID[m.Entity]; e != nil && e.typ != "PERSON" {
			return e
		}
	}
	if prev == nil || strings.HasPrefix(prev.code, "---") || (strings.HasSuffix(prev.code, "CVL") || strings.HasSuffix(prev.code, "PPL")) {
		return nil // "them" is as often a thing ("considers them a violation")
	}
	return prev
}

// quoteSayVerbs introduce or close a direct quotation.
var quoteSayVerbs = map[string]bool{"said": true, "says": true, "say": true, "told": true, "added": true,
	"stated": true, "insisted": true, "stressed": true, "warned": true, "declared": true, "noted": true,
	"explained": true, "wrote": true, "continued": true, "asked": true, "tweeted": true}

func isQuoteMark(t dyad.Token) bool {
	switch t.Text {
	case "\"", "”", "“", "''", "``":
		return true
	}
	return false
}

// speakerOf finds who speaks the quotation sentence si belongs to: the
// phrase next to a say verb after a closing quote mark in this sentence or
// one of the next two ("…," the minister said), or before an opening one
// (the minister said: "…").
func speakerOf(groups [][]*group, sents []dyad.Sentence, si int) (*group, int) {
	for k := si; k < len(sents) && k <= si+2; k++ {
		if g := tailSpeaker(sents[k].Tokens, groups[k]); g != nil {
			return g, k
		}
	}
	return leadSpeaker(sents[si].Tokens, groups[si]), si
}

func tailSpeaker(toks []dyad.Token, gs []*group) *group {
	for q := len(toks) - 1; q > 0; q-- {
		if !isQuoteMark(toks[q]) {
			continue
		}
		for v := q + 1; v < len(toks) && v <= q+10; v++ {
			if !quoteSayVerbs[toks[v].Lower] {
				continue
			}
			for _, g := range gs {
				if g.t0 > q && (g.t1 == v || g.t0 == v+1) {
					return g
				}
			}
		}
		return nil
	}
	return nil
}

func leadSpeaker(toks []dyad.Token, gs []*group) *group {
	for v := 1; v+1 < len(toks); v++ {
		if !quoteSayVerbs[toks[v].Lower] {
			continue
		}
		n := v + 1
		if toks[n].Text == ":" || toks[n].Text == "," {
			n++
		}
		if n >= len(toks) || !isQuoteMark(toks[n]) {
			continue
		}
		for _, g := range gs {
			if g.t1 == v {
				return g
			}
		}
	}
	return nil
}

// quoted reports whether token i lies inside quotation marks opened in its
// sentence.
func quoted(toks []dyad.Token, i int) bool {
	open := false
	for _, t := range toks[:i] {
		switch t.Text {
		case "“":
			open = true
		case "”":
			open = false
		case "\"", "``", "''":
			open = !open
		}
	}
	return open
}

// domesticCountry returns the country of the sentence's subject for an
// institution of no country that the subject acts on ("Tunisian President
// Kais Saied dissolved parliament", "the interior minister took the case
// to the court"), or "": g is "parliament", "the court" (a legislative or
// judicial agent alone, bare or after "the"), the sentence's first group is a
// state's official or organ before it, and no other country is named in
// the sentence.
func domesticCountry(toks []dyad.Token, gs []*group, g *group) string {
	if len(g.atoms) != 1 || g.atoms[0].kind != aAgent || !hasAny(g.sectors, "LEG", "JUD") || hasAny(g.sectors, "OPP", "REB", "GOV", "IGO") {
		return ""
	}
	if g.t0 > 0 && toks[g.t0-1].Lower != "the" && toks[g.t0-1].Tag != "VBD" && toks[g.t0-1].Tag != "VBZ" && toks[g.t0-1].Tag != "POS" {
		return ""
	}
	first := gs[0]
	if first == g || first.t0 > g.t0 || first.country == "" || len(first.sectors) == 0 || prepObject(toks, first.t0) {
		return ""
	}
	for _, o := range gs {
		if o.country != "" && o.country != first.country {
			return ""
		}
	}
	return first.country
}

// prepObject reports whether the group starting at token t0 is the object
// of a preposition ("to Brazil", "with the Syrian government").
func prepObject(toks []dyad.Token, t0 int) bool {
	j := t0 - 1
	for j >= 0 && (toks[j].Tag == "DT" || toks[j].Tag == "JJ") {
		j--
	}
	return j >= 0 && (toks[j].Tag == "IN" || toks[j].Tag == "TO")
}

// pronounOwner is the country of last, the actor a possessive pronoun
// before an agent phrase refers to, when that pronoun is one of words
// ("its forces", "their ministers" after a state; "his government", "her
// family" after a person); else "".
func pronounOwner(toks []dyad.Token, g *group, last *entity, words ...string) string {
	if g.t0 == 0 || last == nil || !slices.Contains(words, toks[g.t0-1].Lower) {
		return ""
	}
	c, _ := SplitCode(last.code)
	return c
}

// stateOwner returns the country of the last actor named when the
// group follows "the country's" or "the nation's", or "".
func stateOwner(toks []dyad.Token, g *group, last *entity) string {
	if g.t0 < 3 || last == nil || toks[g.t0-1].Tag != "POS" || toks[g.t0-3].Lower != "the" {
		return ""
	}
	switch toks[g.t0-2].Lower {
	case "country", "nation", "kingdom", "republic", "state":
	default:
		return ""
	}
	c, _ := SplitCode(last.code)
	if c == "---" || len(c) != 3 {
		return ""
	}
	return c
}

// pairPreps put a mention in a phrase of place or topic, not in the role of
// a party: "the two sides discussed the war in Gaza".
var pairPreps = map[string]bool{"in": true, "at": true, "on": true, "of": true, "about": true, "over": true,
	"near": true, "from": true, "across": true, "into": true, "between": true, "within": true}

// stateNouns among pairNouns name two states, which are two countries.
var stateNouns = map[string]bool{"countries": true, "nations": true, "states": true, "governments": true,
	"neighbours": true, "neighbors": true}

// pairNouns after "the two" or "both" refer back to two actors.
var pairNouns = map[string]bool{"sides": true, "countries": true, "nations": true, "leaders": true,
	"governments": true, "ministers": true, "presidents": true, "delegations": true, "neighbours": true,
	"neighbors": true, "parties": true, "states": true, "armies": true, "allies": true, "rivals": true,
	"foes": true, "adversaries": true}

// pairRefs returns the last two distinct parties named with a country
// before token i of sentence si (this sentence or the one before), most
// recent first; fewer than two when there are not two.
func pairRefs(a *dyad.Analysis, si, i int) []dyad.Mention {
	var refs []dyad.Mention
	seen := map[string]bool{}
	// the pair is none of the actors its own clause names after it ("both
	// countries thanked Baghdad and Muscat"), nor, after "between", the
	// ones before it ("Iraq and Oman hosted talks between the two sides")
	toks := a.Sentences[si].Tokens
	// (an object pair, "appealed to both sides", "urged the two
	// countries", is not its own clause's subject either)
	objectPair := i > 0 && (toks[i-1].Lower == "between" || toks[i-1].Lower == "to" || toks[i-1].Lower == "with" ||
		strings.HasPrefix(toks[i-1].Tag, "VB") && toks[i-1].Lemma != "be")
	// "both countries" are two states; "the two sides", "both parties" may
	// be a government and the rebels of one state
	states, offices := false, false
	if n := pairNounAt(toks, i); n >= 0 && stateNouns[toks[n].Lower] {
		states = true
	} else if n >= 0 && officeNouns[toks[n].Lower] {
		offices = true // "the two ministers": the officials named before, however far back
	}
	key := func(m dyad.Mention) string {
		if !states && hasAny(m.Sectors, "REB", "OPP", "UAF", "INS", "SEP", "RAD", "PTY") {
			return m.Code // a state's rebels or opposition are a side of their own
		}
		return string(m.Country)
	}
	back := 1 // sentences before this one whose actors may be the pair
	if offices {
		back = 4
	}
	end := len(toks) // the clause: up to a comma or a clause boundary
	for k := i; k < len(toks); k++ {
		if t := toks[k].Text; t == "," || t == ";" || t == ":" || t == "(" || t == "—" || t == "--" {
			end = k
			break
		}
	}
	for _, m := range a.Mentions {
		if m.Sentence == si && m.Tok0 >= i && m.Tok0 < end && m.Country != "" && m.Kind != "pair" &&
			!(m.Tok0 > 0 && pairPreps[toks[m.Tok0-1].Lower]) {
			seen[key(m)] = true
		}
	}
	for k := len(a.Mentions) - 1; k >= 0 && len(refs) < 2; k-- {
		m := a.Mentions[k]
		if m.Sentence < si-back || m.Sentence == si && (m.Tok0 >= i || objectPair) || m.Country == "" || m.Kind == "pair" && m.Sentence == si || seen[key(m)] {
			continue
		}
		if offices && !hasAny(m.Sectors, "GOV", "MIL", "ELI", "LEG") {
			continue
		}
		if strings.Contains(m.Kind, "+") || hasAny(m.Sectors, "CVL", "PPL", "MED", "REF", "HLH", "EDU") {
			continue // only parties named as such, not context or bystanders
		}
		if mt := a.Sentences[m.Sentence].Tokens; m.Tok0 > 0 {
			switch mt[m.Tok0-1].Lower {
			case "in", "at", "to", "from", "near", "across":
				continue // a place, not a party
			}
		}
		seen[key(m)] = true
		refs = append(refs, m)
	}
	return refs
}

// officeNouns after "the two"/"both" name officials.
var officeNouns = map[string]bool{"ministers": true, "leaders": true, "presidents": true, "premiers": true,
	"envoys": true, "diplomats": true, "delegations": true, "officials": true, "chiefs": true, "commanders": true}

// pairMentions resolves "the two sides", "both countries" to the last two
// distinct actors named with a country before it: two mentions over the
// same words, Kind "pair", which the event stage treats as coordinated.
func pairMentions(a *dyad.Analysis, si int, gs []*group, st *docState) []dyad.Mention {
	toks := a.Sentences[si].Tokens
	var out []dyad.Mention
	for i := 0; i+1 < len(toks); i++ {
		w := toks[i].Lower
		j := i + 1
		if w != "the" && w != "both" {
			continue
		}
		if j = pairNounAt(toks, i); j < 0 || covered(gs, i, j+1) {
			continue
		}
		refs := pairRefs(a, si, i)
		if len(refs) < 2 {
			continue
		}
		// "the leaders of both countries": the agent before "of" is each
		// country's
		i0, agent := i, (*group)(nil)
		if i > 1 && toks[i-1].Lower == "of" {
			for _, g := range gs {
				if g.t1 == i-1 && strings.HasPrefix(g.code(), "---") && len(g.sectors) > 0 && g.person == nil && g.name == "" {
					i0, agent = g.t0, g
				}
			}
		}
		for r := len(refs) - 1; r >= 0; r-- {
			ref := refs[r]
			m := dyad.Mention{Sentence: si, Tok0: i0, Tok1: j + 1,
				Span: dyad.Span{Start: toks[i0].Start, End: toks[j].End},
				Text: a.Doc.Text[toks[i0].ByteStart:toks[j].ByteEnd],
				Code: ref.Code, Country: ref.Country, Sectors: ref.Sectors,
				Entity: ref.Entity, Kind: "pair", Rule: ref.Rule}
			if agent != nil && ref.Country != "" {
				m.Code = string(ref.Country) + agent.code()[3:]
				m.Sectors = agent.sectors
				m.Entity = ""
			}
			out = append(out, m)
		}
		i = j
	}
	return out
}

// covered reports whether a group with a named country overlaps [i, j):
// an agent-only group ("the two leaders" → ---GOV) gives way to the pair.
func covered(gs []*group, i, j int) bool {
	for _, g := range gs {
		if g.t1 <= j || i < g.t0 && g.t1 == j+1 {
			continue // a modifier inside the phrase, or its noun: "the two NATO allies"
		}
		if g.t0 < j && i < g.t1 && !strings.HasPrefix(g.code(), "---") {
			return true
		}
	}
	return false
}

// pairSpan reports whether tokens at i start "the two NOUN" or "both NOUN".
func pairSpan(toks []dyad.Token, i int) bool { return pairNounAt(toks, i) >= 0 }

// pairNounAt returns the index of the pair noun of a "the two (…) sides"
// or "both (…) countries" phrase starting at i, adjectives allowed between
// ("the two nuclear-armed neighbours"), or -1.
func pairNounAt(toks []dyad.Token, i int) int {
	j := i + 1
	switch {
	case toks[i].Lower == "both":
	case toks[i].Lower == "the" && i+1 < len(toks) && toks[i+1].Lower == "two":
		j = i + 2
	default:
		return -1
	}
	for ; j < len(toks) && j <= i+4; j++ {
		if pairNouns[toks[j].Lower] {
			return j
		}
		if toks[j].Tag != "JJ" && toks[j].Tag != "NNP" && !strings.Contains(toks[j].Text, "-") {
			return -1 // (a name modifies too: "the two NATO allies")
		}
	}
	return -1
}

// inPairSpan reports whether group g lies in a "the two leaders" phrase.
func inPairSpan(toks []dyad.Token, g *group) bool {
	for i := max(g.t0-4, 0); i <= g.t0 && i < len(toks); i++ {
		if j := pairNounAt(toks, i); j >= g.t0 && j < g.t1 {
			return true
		}
	}
	return false
}

// datelineCountry is the country of the dateline's place, if the
// dictionaries know it ("GAZA CITY, Palestinian Territories" → PSE).
func (r *Resolver) datelineCountry(a *dyad.Analysis) string {
	if a.Dateline == nil || a.Dateline.Place == "" {
		return ""
	}
	words := text.Tokenize(a.Dateline.Place)
	toks := make([]dyad.Token, len(words))
	for i, w := range words {
		toks[i] = dyad.Token{Text: w, Lower: strings.ToLower(w)}
	}
	for i := range toks {
		if e, _ := r.lex.MatchName(toks, i, a.Doc.Date); e != nil {
			switch e.Kind {
			case lexicon.KindCountry, lexicon.KindCapital, lexicon.KindAdjective:
				return e.Code
			}
		}
	}
	return ""
}

// ethnicHost returns the state a group of "ethnic <people>" lives in when
// the group does not say ("Ethnic Albanians … near Macedonia's border"):
// the document's country, else the first other country its sentence
// names; or "". People called "ethnic" are a minority outside their kin
// state; a group placed by "in Serbia" keeps that country.
func ethnicHost(toks []dyad.Token, g *group, sent []*group, docCountry string) string {
	ethnic := toks[g.t0].Lower == "ethnic" || g.t0 > 0 && toks[g.t0-1].Lower == "ethnic"
	if g.pronoun != "" || !ethnic || !ethnicHead(toks, g) || g.country == "" || g.country != g.atoms[0].entry.Code {
		return ""
	}
	if docCountry != "" && docCountry != g.country {
		return docCountry
	}
	for _, o := range sent {
		if o != g && o.country != "" && o.country != "---" && o.country != g.country && o.country != "IGO" {
			return o.country
		}
	}
	return ""
}

// soleCountry returns the country of the document's groups when they name
// exactly one and at least once as a modifier of someone ("Ugandan
// opposition candidates", "Greece's", "Iraqi police"), or "". A country
// named only on its own ("accused France") is more often the other party
// than the home of an unplaced official.
func soleCountry(a *dyad.Analysis, groups [][]*group, isState func(string) bool) string {
	only, modifier := "", false
	for si, gs := range groups {
		toks := a.Sentences[si].Tokens
		for _, g := range gs {
			if g.country == "" || g.country == "---" || !isState(g.country) {
				continue
			}
			if only != "" && g.country != only {
				return ""
			}
			only = g.country
			adj := slices.ContainsFunc(g.atoms, func(x atom) bool { return x.kind == aAdj })
			possessive := g.t1 < len(toks) && toks[g.t1].Tag == "POS"
			modifier = modifier || adj || possessive || len(g.sectors) > 0
		}
	}
	if !modifier {
		return ""
	}
	return only
}

// documentCountry is the country an unattributed agent of the document
// most likely belongs to: the dateline's, unless the text is about another
// country far more often ("BRUSSELS" over a story on Sudan), in which case
// that country when it clearly dominates, else none.
func documentCountry(dateline string, groups [][]*group, isState func(string) bool) string {
	// sentences naming each country: one sentence naming a country three
	// times ("Syria's second city … Syrian state media") says less of
	// the document than three sentences naming it
	counts := map[string]int{}
	for _, gs := range groups {
		seen := map[string]bool{}
		for _, g := range gs {
			if g.country != "" && g.country != "---" && !seen[g.country] && isState(g.country) {
				seen[g.country] = true
				counts[g.country]++
			}
		}
	}
	best, second := "", 0
	for c, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && c < best {
			if best != "" {
				second = max(second, counts[best])
			}
			best = c
		} else {
			second = max(second, n)
		}
	}
	if dateline != "" && (best == "" || 2*counts[dateline] >= counts[best]) {
		return dateline
	}
	if best != "" && counts[best] >= 3 && counts[best] >= 2*second {
		return best
	}
	return ""
}

// officeOfPlace returns the country of the place an agent's group names
// after "of" ("the governor of Kandahar"), or "".
func (r *Resolver) officeOfPlace(toks []dyad.Token, g *group) string {
	for _, a := range g.atoms {
		if a.kind == aName && a.t0 > 0 && toks[a.t0-1].Lower == "of" {
			return r.places.CountryOf(spanText(toks, a.t0, a.t1))
		}
	}
	return ""
}

// divisionNouns follow the name of a division: "Sindh province".
var divisionNouns = map[string]bool{"province": true, "state": true, "region": true, "governorate": true,
	"district": true, "county": true, "prefecture": true, "oblast": true}

// placeObject reports whether the capitalised words at t0 are what an
// attack, a siege or a curfew is on, or the town of a "town of X" phrase:
// "imposed a curfew on Mosul", "the town of Palmyra".
func placeObject(toks []dyad.Token, t0 int) bool {
	if t0 < 2 {
		return false
	}
	switch toks[t0-1].Lower {
	case "on", "against", "into":
		return placeObjectNouns[toks[t0-2].Lower]
	case "of":
		return settlementNouns[toks[t0-2].Lower]
	}
	return false
}

var placeObjectNouns = map[string]bool{"curfew": true, "blockade": true, "siege": true, "attack": true,
	"attacks": true, "assault": true, "offensive": true, "raid": true, "raids": true, "strike": true,
	"strikes": true, "airstrikes": true, "bombardment": true, "advance": true, "incursion": true}

var settlementNouns = map[string]bool{"town": true, "city": true, "village": true, "port": true,
	"capital": true, "outskirts": true}

// ofDivision reports whether the capitalised words at t0 follow "of" and
// are followed by a division noun ("the government of Sindh province").
func ofDivision(toks []dyad.Token, t0 int) bool {
	if t0 < 1 || toks[t0-1].Lower != "of" {
		return false
	}
	k := t0
	for k < len(toks) && k-t0 < 4 && isCap(toks[k].Text) {
		k++
	}
	return k > t0 && k < len(toks) && divisionNouns[toks[k].Lower]
}

// locativeCountry returns the one country named as a place ("in Baku",
// "across Kenya") within a few words after the phrase h, or "".
// placeGroups returns, as country-only groups, the capitalised names after
// a locative preposition or a verb of placeVerbs that no actor covers and
// that placeCountry knows ("in Mosul", "shelled Mariupol"), for
// locativeCountry and as mentions. Without placeCountry it returns nil.
func (r *Resolver) placeGroups(toks []dyad.Token, gs []*group) []*group {
	if r.places == nil {
		return nil
	}
	covered := func(k int) bool {
		for _, g := range gs {
			// (a bare unknown name is no actor: it may be the place)
			bare := g.name != "" && g.country == "" && len(g.sectors) == 0 && g.person == nil && g.full == "" && g.pronoun == ""
			if k >= g.t0 && k < g.t1 && !bare {
				return true
			}
		}
		return false
	}
	var out []*group
	for k := 1; k < len(toks); k++ {
		byVerb := placeVerbs[toks[k-1].Lower] || placeObject(toks, k)
		if !locativeBefore(toks, k) && !ofDivision(toks, k) && !byVerb {
			continue
		}
		end := k
		for end < len(toks) && end-k < 4 && isCap(toks[end].Text) && (toks[end].Tag == "NNP" || toks[end].Tag == "NNPS") && !covered(end) {
			end++
		}
		if end == k {
			continue
		}
		words := make([]string, 0, end-k)
		for _, t := range toks[k:end] {
			words = append(words, t.Text)
		}
		lookup := r.places.CountryOf
		if byVerb && !locativeBefore(toks, k) {
			lookup = r.places.MajorCountryOf
		}
		if c := lookup(strings.Join(words, " ")); c != "" {
			out = append(out, &group{t0: k, t1: end, country: c})
		}
		k = end
	}
	return out
}

// placeVerbs take a place as their object: "shelled Mariupol", "captured
// Raqqa" name the place's state as the target.
var placeVerbs = map[string]bool{"shelled": true, "bombed": true, "bombarded": true, "attacked": true,
	"captured": true, "seized": true, "struck": true, "raided": true, "stormed": true, "besieged": true,
	"invaded": true, "occupied": true, "liberated": true, "retook": true, "recaptured": true, "overran": true,
	"targeted": true, "pounded": true, "shelling": true, "bombing": true, "attacking": true, "capturing": true,
	"retaking": true, "besieging": true, "pounding": true, "hit": true, "entered": true, "encircled": true,
	"retaken": true, "liberating": true, "storming": true, "raiding": true, "shells": true, "attacks": true}

func locativeCountry(toks []dyad.Token, gs []*group, h *group) string {
	found := ""
	for _, g := range gs {
		if g.t1 <= h.t0 && h.t0-g.t1 <= 8 && len(g.sectors) > 0 && g.person == nil && g.name == "" && g.full == "" && verbBetween(toks, g.t1, h.t0) {
			// "Gunmen in Nigeria killed 12 worshippers": the place of the
			// clause's subject is where its object was
			if c := placedIn(toks, g); c != "" && !clauseBreak(toks, g.t1, h.t0) {
				if found != "" && found != c {
					return ""
				}
				found = c
			}
			continue
		}
		if g.t0 < h.t1 || g.t0-h.t1 > 14 {
			continue
		}
		blocked := false
		for k := h.t1; k < g.t0; k++ {
			if toks[k].Text == ";" || toks[k].Tag == "WDT" || toks[k].Tag == "WP" || toks[k].Lower == "against" {
				blocked = true
			}
		}
		if blocked {
			continue
		}
		if len(g.sectors) > 0 && g.person == nil && g.name == "" && g.full == "" {
			// "Police arrested protesters in Tehran": the place that
			// places another group of the clause places this one too
			if c := placedIn(toks, g); c != "" && verbBetween(toks, h.t1, g.t0) {
				if found != "" && found != c {
					return ""
				}
				found = c
			}
			continue
		}
		if g.country == "" || len(g.sectors) > 0 || g.full != "" || g.person != nil || g.name != "" || g.t0 == 0 {
			continue
		}
		if (groupKind(g) == "adjective" || toks[g.t1-1].Tag == "JJ" || demonymLike(toks[g.t1-1].Lower)) && g.t1 < len(toks) && isNounTag(toks[g.t1].Tag) {
			continue // "in Israeli tank shelling": whose, not where
		}
		if !locativeBefore(toks, g.t0) && !(ofDivision(toks, g.t0) && g.t0-h.t1 == 1) {
			continue // (or "the government of Sindh province": whose government)
		}
		if found != "" && found != g.country {
			return ""
		}
		found = g.country
	}
	return found
}

// demonymLike reports whether w ends as most words for a people do
// ("Israeli", "Syrian", "Chinese", "British"): an imported dictionary may
// list such a word as a country actor, not as an adjective.
func demonymLike(w string) bool {
	for _, suf := range []string{"i", "ian", "ean", "ese", "ish"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// clauseBreak reports whether a clause boundary (punctuation, a relative
// or subordinating word) stands between tokens i and j.
func clauseBreak(toks []dyad.Token, i, j int) bool {
	for k := i; k < j && k < len(toks); k++ {
		switch t := toks[k]; {
		case t.Text == "," || t.Text == ";" || t.Text == ":" || t.Tag == "WDT" || t.Tag == "WP":
			return true
		case t.Lower == "and" || t.Lower == "but" || t.Lower == "while" || t.Lower == "after" || t.Lower == "as":
			return true
		}
	}
	return false
}

// verbBetween reports whether a verb stands between tokens i and j: the
// groups on either side are parts of one clause, not one list.
func verbBetween(toks []dyad.Token, i, j int) bool {
	for k := i; k < j && k < len(toks); k++ {
		if strings.HasPrefix(toks[k].Tag, "VB") {
			return true
		}
	}
	return false
}

// placedIn returns the country of a country or capital inside group g
// after "in", "at" or "near" ("protesters in Tehran"), or "".
func placedIn(toks []dyad.Token, g *group) string {
	for _, a := range g.atoms[1:] {
		if (a.kind == aCountry || a.kind == aCapital) && locativeBefore(toks, a.t0) {
			return a.entry.Code
		}
	}
	return ""
}

// regionNouns name a part of a place: "in the east of the Gaza Strip".
var regionNouns = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "centre": true, "center": true, "heart": true,
	"outskirts": true, "suburbs": true, "interior": true, "rest": true, "capital": true, "border": true}

// areaNouns name parts of a place that stand for where something happens:
// "residential areas of Kharkiv", "the outskirts of Damascus".
var areaNouns = map[string]bool{"areas": true, "area": true, "parts": true, "part": true, "outskirts": true,
	"suburbs": true, "suburb": true, "vicinity": true, "districts": true, "neighbourhoods": true,
	"neighborhoods": true, "streets": true, "centre": true, "center": true, "city": true, "town": true,
	"village": true, "villages": true, "province": true, "region": true, "governorate": true}

// locativeBefore reports whether a place phrase starts at t0: after "in",
// "at", "across", "throughout", "inside" or "near", or after "in the east
// of" and the like.
func locativeBefore(toks []dyad.Token, t0 int) bool {
	for n := 0; n < 2 && t0 > 1 && (compass[toks[t0-1].Lower] || toks[t0-1].Lower == "central" || toks[t0-1].Lower == "downtown"); n++ {
		t0-- // "through central Caracas", "in northern Syria"
	}
	if t0 > 1 && toks[t0-1].Lower == "the" {
		t0-- // "in the Gaza Strip"
	}
	if t0 <= 0 {
		return false
	}
	switch toks[t0-1].Lower {
	case "in", "at", "across", "throughout", "inside", "near", "through", "outside", "around":
		return true
	case "of":
		k := t0 - 2
		if k >= 0 && areaNouns[toks[k].Lower] {
			return true // "shelled residential areas of Kharkiv"
		}
		if k >= 0 && regionNouns[toks[k].Lower] {
			k--
			if k >= 0 && (toks[k].Lower == "the" || toks[k].Tag == "JJ") {
				k--
			}
			return k >= 0 && (toks[k].Lower == "in" || toks[k].Lower == "across" || toks[k].Lower == "throughout")
		}
	}
	return false
}

func hasAny(ss []string, want ...string) bool {
	for _, s := range ss {
		for _, w := range want {
			if s == w {
				return true
			}
		}
	}
	return false
}

func groupKind(g *group) string {
	switch {
	case g.pronoun != "":
		return "pronoun"
	case g.person != nil:
		return "person"
	case g.name != "":
		return "name"
	case len(g.atoms) == 0 && g.country != "":
		return "place"
	}
	kinds := map[int]bool{}
	for _, a := range g.atoms {
		kinds[a.kind] = true
	}
	switch {
	case kinds[aAgent]:
		return "agent"
	case kinds[aActor]:
		return "org"
	case kinds[aCapital]:
		return "capital"
	case kinds[aAdj]:
		return "adjective"
	}
	return "country"
}

// groupEntity finds or makes the entity a non-person group refers to.
// bodyNouns head phrases that name institutions, not persons: "the
// ministry" is no back-reference to the last official named.
var bodyNouns = map[string]bool{"ministry": true, "ministries": true, "government": true, "governments": true,
	"cabinet": true, "administration": true, "office": true, "department": true, "council": true,
	"parliament": true, "assembly": true, "agency": true, "authority": true, "authorities": true,
	"court": true, "police": true, "army": true, "forces": true, "commission": true, "committee": true,
	"directorate": true, "bureau": true, "service": true, "services": true, "embassy": true,
	"consulate": true, "junta": true, "regime": true, "military": true, "navy": true, "presidency": true}

// groupHead is the lower-cased head word of g: the word before its first
// "of" ("chief of staff of the armed forces"), else its last word.
func groupHead(toks []dyad.Token, g *group) string {
	for k := g.t0 + 1; k < g.t1; k++ {
		if toks[k].Lower == "of" {
			return toks[k-1].Lower
		}
	}
	return toks[g.t1-1].Lower
}

func (r *Resolver) groupEntity(st *docState, toks []dyad.Token, g *group, code string) *entity {
	// a title-only phrase ("the Syrian minister") refers back to the last
	// person holding a matching code.
	if len(g.sectors) > 0 && g.full == "" && g.country == "" && !bodyNouns[groupHead(toks, g)] && isDefinite(toks, g) && toks[g.t0].Lower == "the" {
		// "the minister" naming no country is the person last mentioned
		// with that title, whatever the dateline says ("… Abbas told
		// reporters. The minister said …" is Abbas)
		var best *entity
		for i := len(st.ents) - 1; i >= 0 && i >= len(st.ents)-100; i-- {
			e := st.ents[i]
			if e.typ != "PERSON" || len(e.mentions) == 0 {
				continue
			}
			if !titleShared(e, groupHead(toks, g)) {
				continue
			}
			if best == nil || e.mentions[len(e.mentions)-1][0] > best.mentions[len(best.mentions)-1][0] {
				best = e
			}
		}
		if best != nil {
			return best
		}
	}
	if len(g.sectors) > 0 && g.full == "" && !bodyNouns[groupHead(toks, g)] {
		// the most recent entities only: a title refers back a few
		// paragraphs, and this keeps long documents linear
		for i := len(st.ents) - 1; i >= 0 && i >= len(st.ents)-100; i-- {
			e := st.ents[i]
			if e.typ != "PERSON" || len(e.mentions) == 0 {
				continue
			}
			c, secs := SplitCode(e.code)
			if len(e.sectors) > 0 {
				secs = e.sectors
			}
			gc, _ := SplitCode(code)
			if gc != "" && c != gc {
				continue
			}
			if gc == "" && c != "" {
				continue
			}
			if (subset(g.sectors, secs) || len(g.sectors) == 1 && g.sectors[0] == "GOV" && gc != "") && isDefinite(toks, g) {
				// "the Syrian minister" names the Syrian person last
				// mentioned with that title, or any Syrian official
				return e
			}
		}
	}
	for _, a := range g.atoms {
		if a.kind == aActor && a.entry != nil && g.full == a.entry.Code {
			typ := a.entry.Type
			if typ == "" {
				typ = "ORG"
			}
			return st.get("A:"+a.entry.Name, a.entry.Name, typ, code)
		}
	}
	if len(g.atoms) == 0 && len(g.sectors) == 0 && g.country != "" {
		// a place the gazetteer knows ("Mosul"): its own entity
		name := spanText(toks, g.t0, g.t1)
		return st.get("L:"+strings.ToLower(name), name, "GPE", code)
	}
	if len(g.sectors) == 0 {
		name := g.country
		for _, a := range g.atoms {
			if a.entry != nil && (a.kind == aCountry || a.kind == aAdj || a.kind == aCapital) {
				name = a.entry.Name
				if a.kind == aCountry {
					break
				}
			}
		}
		if a := g.atoms[0]; a.kind == aCountry {
			name = a.entry.Name
		}
		return st.get("G:"+g.country, name, "GPE", code)
	}
	typ := "GROUP"
	if head := toks[g.t1-1]; len(g.titles) > 0 && (head.Tag == "NN" || head.Tag == "NNP") && personTitle(g) {
		typ = "PERSON" // "Iran's defence minister": one person, named by title
	}
	return st.get("C:"+code+":"+strings.ToLower(spanText(toks, g.t0, g.t1)), spanText(toks, g.t0, g.t1), typ, code)
}

// personTitle reports whether a group's title names one person (minister,
// president, spokesman …) rather than a body (ministry, army, police).
func personTitle(g *group) bool {
	for _, t := range g.titles {
		w := strings.ToLower(t)
		for _, p := range []string{"minister", "president", "secretary", "spokes", "chief", "leader", "ambassador",
			"envoy", "general", "commander", "king", "emir", "prince", "premier", "chancellor", "governor", "mayor",
			"adviser", "advisor", "director", "head", "speaker", "counterpart", "official"} {
			if strings.Contains(w, p) {
				return true
			}
		}
	}
	return false
}

// lastNamedGroup returns the group or organisation of no state (typ GROUP,
// or an ORG coded as armed, political or non-governmental) mentioned
// latest in this sentence or the two before, or nil.
func lastNamedGroup(a *dyad.Analysis, si int, st *docState) *entity {
	from := a.Sentences[max(si-2, 0)].Start
	var best *entity
	for i := len(st.ents) - 1; i >= 0 && i >= len(st.ents)-100; i-- {
		e := st.ents[i]
		if e.typ != "GROUP" && e.typ != "ORG" || len(e.mentions) == 0 || e.code == "" {
			continue
		}
		_, secs := SplitCode(e.code)
		if !hasAny(secs, "REB", "OPP", "UAF", "RAD", "INS", "SEP", "PTY", "NGO", "HRI") && !strings.HasPrefix(e.code, "IMG") && !strings.HasPrefix(e.code, "NGO") {
			continue // (a ministry, an army or an agency is no "group")
		}
		last := e.mentions[len(e.mentions)-1][0]
		if last < from {
			continue
		}
		if best == nil || last > best.mentions[len(best.mentions)-1][0] {
			best = e
		}
	}
	return best
}

// titleShared reports whether one of an entity's titles ends in the word
// w ("Defence Minister" for "minister").
func titleShared(e *entity, w string) bool {
	for _, t := range e.titles {
		if strings.HasSuffix(strings.ToLower(t), w) {
			return true
		}
	}
	return false
}

func isDefinite(toks []dyad.Token, g *group) bool {
	if g.t0 < len(toks) {
		switch toks[g.t0].Lower {
		case "the", "his", "her", "their", "its":
			return true
		}
	}
	return false
}

func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// localOffices gives an agent of no country right after a place named
// with its state's possessive the state's country: "Ankara's Cankaya
// district administration" is Turkey's.
func localOffices(toks []dyad.Token, gs []*group) {
	for i := 0; i+1 < len(gs); i++ {
		g, h := gs[i], gs[i+1]
		if h.t0 != g.t1 || g.country == "" || len(g.sectors) > 0 || g.name == "" || g.person != nil || g.full != "" {
			continue
		}
		if h.country != "" || len(h.sectors) == 0 || h.name != "" || h.person != nil || h.full != "" || h.pronoun != "" {
			continue
		}
		possessive := false
		for k := g.t0; k < g.t1; k++ {
			if toks[k].Tag == "POS" {
				possessive = true
			}
		}
		if possessive {
			h.country = g.country
		}
	}
}

// counterparts gives "his Syrian counterpart" the sectors of the titled
// actor named before it in the sentence: after "Iran's defence minister
// met", the counterpart is Syria's defence minister.
func counterparts(toks []dyad.Token, gs []*group) {
	for i, g := range gs {
		if g.t1 >= len(toks) || (toks[g.t1].Lower != "counterpart" && toks[g.t1].Lower != "counterparts") || len(g.sectors) > 0 || g.country == "" {
			continue
		}
		for k := i - 1; k >= 0; k-- {
			if p := gs[k]; len(p.codeSectors) > 0 && !hasAny(p.sectors, "MED", "CVL", "PPL", "REF", "EDU", "HLH") {
				// (not "told reporters after meeting his counterpart": an
				// office's counterpart is an office's)
				g.sectors = append([]string(nil), p.sectors...)
				g.codeSectors = append([]string(nil), p.codeSectors...)
				g.titles = append(g.titles, toks[g.t1].Text)
				g.t1++
				break
			}
		}
	}
}

// distributeHeads gives a bare country adjective coordinated with a
// headed phrase that phrase's head: "Hungarian and Romanian officials" →
// HUNGOV, ROUGOV; "US and British activists" → USAOPP, GBROPP.
func distributeHeads(toks []dyad.Token, gs []*group) {
	for i := len(gs) - 2; i >= 0; i-- {
		g, h := gs[i], gs[i+1]
		if len(g.sectors) > 0 || g.full != "" || g.person != nil || g.name != "" || g.pronoun != "" || g.country == "" {
			continue
		}
		if len(h.codeSectors) == 0 || h.person != nil || h.name != "" || h.atoms[0].kind != aAdj && h.atoms[0].kind != aCountry {
			continue
		}
		// only "and", "or" or "," between them, and g must be an adjective
		// or a country used as one ("US and British activists")
		ok := g.t1 < h.t0 && h.t0-g.t1 <= 2
		for k := g.t1; k < h.t0 && ok; k++ {
			switch toks[k].Lower {
			case "and", "or", ",":
			default:
				ok = false
			}
		}
		if !ok || h.t0 != h.atoms[0].t0 || (g.atoms[len(g.atoms)-1].kind != aAdj && toks[h.t0-1].Lower != "and") {
			continue
		}
		g.sectors = append([]string(nil), h.sectors...)
		g.codeSectors = append([]string(nil), h.codeSectors...)
		g.titles = append([]string(nil), h.titles...)
	}
}

// distributeOf gives bare countries coordinated after "AGENT of/in/from
// COUNTRY" the agent: "the envoys of Chile, Peru and Bolivia",
// "lawmakers in France and Italy" → each country's agents.
func distributeOf(toks []dyad.Token, gs []*group) {
	for i := 0; i+1 < len(gs); i++ {
		g := gs[i]
		if len(g.atoms) < 2 || g.atoms[0].kind != aAgent || len(g.codeSectors) == 0 || g.person != nil || g.name != "" {
			continue
		}
		last := g.atoms[len(g.atoms)-1]
		if last.kind != aCountry && last.kind != aCapital || last.t0 == 0 {
			continue
		}
		if w := toks[last.t0-1].Lower; w != "of" && w != "in" && w != "from" {
			continue
		}
		prev := g
		for j := i + 1; j < len(gs); j++ {
			h := gs[j]
			if len(h.atoms) != 1 || h.atoms[0].kind != aCountry || len(h.sectors) > 0 || h.full != "" || h.person != nil {
				break
			}
			ok := h.t0 > prev.t1 && h.t0-prev.t1 <= 2
			for k := prev.t1; k < h.t0 && ok; k++ {
				switch toks[k].Lower {
				case "and", ",", "the":
				default:
					ok = false
				}
			}
			if !ok {
				break
			}
			h.sectors = append([]string(nil), g.sectors...)
			h.codeSectors = append([]string(nil), g.codeSectors...)
			h.titles = append([]string(nil), g.titles...)
			prev = h
		}
	}
}

// shareCountry gives a country-less agent phrase coordinated right after
// a phrase with a country that country: "the Syrian government and people",
// "seven Iranian companies and four executives".
// parenHeads gives a bare agent right after an abbreviation in
// parentheses the named group's code: "the National Liberation Army (ELN)
// rebel group" is the ELN, not some rebel group.
func parenHeads(toks []dyad.Token, gs []*group) {
	bare := func(h *group) bool {
		return h.country == "" && h.full == "" && h.person == nil && h.name == "" && h.pronoun == "" && len(h.sectors) > 0
	}
	for i := 1; i < len(gs); i++ {
		g, h := gs[i-1], gs[i]
		if h.country != "" || h.full != "" || h.person != nil || h.pronoun != "" {
			continue
		}
		if bare(h) && g.full != "" && g.t1 == h.t0-1 && toks[g.t1].Text == ")" && g.t0 > 0 && toks[g.t0-1].Text == "(" {
			h.full, h.country = g.full, g.country
			continue
		}
		// "Hizbollah (Party of God) group": a gloss in brackets and the
		// noun after it belong to the name before them
		if g.full != "" && g.t1 < len(toks) && toks[g.t1].Text == "(" && h.t0 > g.t1 {
			close := -1
			for k := g.t1 + 1; k < len(toks) && k < g.t1+8; k++ {
				if toks[k].Text == ")" {
					close = k
					break
				}
			}
			if close < 0 {
				continue
			}
			for j := i; j < len(gs) && gs[j].t0 <= close+1; j++ {
				x := gs[j]
				inside := x.t1 <= close && x.country == "" && x.full == "" && x.person == nil && x.pronoun == ""
				if inside || bare(x) && x.t0 == close+1 {
					x.full, x.country, x.name = g.full, g.country, ""
				}
			}
		}
	}
}

func shareCountry(toks []dyad.Token, gs []*group) {
	for i := 0; i+1 < len(gs); i++ {
		g, h := gs[i], gs[i+1]
		// ("Zimbabwe's President Robert Mugabe and opposition leader
		// Morgan Tsvangirai": a titled person whose state a modifier
		// names shares it with a titled name of none)
		modified := slices.ContainsFunc(g.atoms, func(a atom) bool { return a.kind == aCountry || a.kind == aAdj })
		if g.country == "" || len(g.sectors) == 0 || (g.person != nil || g.name != "") && !modified {
			continue
		}
		if h.country != "" || len(h.codeSectors) == 0 || h.full != "" || h.person != nil || h.name != "" && g.person == nil && g.name == "" || h.pronoun != "" {
			continue
		}
		if h.t0 != g.t1+1 || toks[g.t1].Lower != "and" {
			continue
		}
		h.country = g.country
	}
	// "Mali's government and Tuareg rebels": a people's name no dictionary
	// knows between "and" and the agent leaves the agent the first's state
	for i := 0; i+2 < len(gs); i++ {
		g, n, h := gs[i], gs[i+1], gs[i+2]
		modified := slices.ContainsFunc(g.atoms, func(a atom) bool { return a.kind == aCountry || a.kind == aAdj })
		if g.country == "" || len(g.sectors) == 0 || !modified || n.name == "" || len(n.atoms) != 1 || n.t1-n.t0 != 1 ||
			n.t0 != g.t1+1 || toks[g.t1].Lower != "and" || h.t0 != n.t1 || h.country != "" || len(h.codeSectors) == 0 ||
			h.full != "" || h.person != nil || h.name != "" || h.pronoun != "" {
			continue
		}
		h.country = g.country
	}
}

// demoteSurnames turns a one-word dictionary person match into a plain
// name when the document itself says who that is: another person named
// earlier with that surname ("Ali Mahmoud Abbas … Abbas" is not Mahmoud
// Abbas), or an appositive title right after it ("Abbas, Minister of
// Defense of Syria,").
func demoteSurnames(toks []dyad.Token, gs []*group, st *docState) {
	for i, g := range gs {
		if g.person == nil || len(g.atoms) != 1 || g.atoms[0].t1-g.atoms[0].t0 != 1 {
			continue
		}
		word := strings.ToLower(toks[g.atoms[0].t0].Text)
		x := st.byName[word]
		learned := x != nil && x.key != "P:"+g.person.Name
		appositive := g.t1 < len(toks) && toks[g.t1].Text == "," && i+1 < len(gs) && gs[i+1].t0 == g.t1+1 && len(gs[i+1].sectors) > 0 && gs[i+1].name == "" && gs[i+1].person == nil
		if !learned && !appositive {
			continue
		}
		g.person, g.full, g.country, g.sectors, g.codeSectors = nil, "", "", nil, nil
		g.name = spanText(toks, g.atoms[0].t0, g.atoms[0].t1)
		g.atoms[0].kind = aName
	}
}

// learnAppositives links "NAME, TITLE-PHRASE," and "TITLE-PHRASE, NAME,":
// the name takes the title phrase's code for this document.
func learnAppositives(toks []dyad.Token, gs []*group, st *docState) {
	for i := 0; i+1 < len(gs); i++ {
		g, h := gs[i], gs[i+1]
		if g.t1 >= len(toks) || toks[g.t1].Text != "," {
			continue
		}
		// the second group must start right after the comma (allowing a
		// determiner/adjectives, which the group already spans).
		if h.t0 != g.t1+1 {
			continue
		}
		if h.t1 < len(toks) && (toks[h.t1].Tag == "POS" || toks[h.t1].Text == "'s" || toks[h.t1].Text == "’s") {
			continue // "KCNA, the North's Ministry of …": a possessor, no appositive
		}
		if h.t1 < len(toks) && (quoteSayVerbs[toks[h.t1].Lower] || toks[h.t1].Lower == "reported") {
			continue // "seized the town of Gori, Georgian officials said": a speaker, no appositive
		}
		var nameG, titleG *group
		switch {
		case g.name != "" && g.person == nil && len(g.sectors) == 0 && (len(h.sectors) > 0 || h.full != "") && h.name == "" && h.person == nil:
			nameG, titleG = g, h
		case h.name != "" && h.person == nil && len(h.sectors) == 0 && len(g.sectors) > 0 && g.name == "" && g.person == nil:
			nameG, titleG = h, g
		case h.name != "" && h.person == nil && h.country == "" && h.full == "" && h.t1 < len(toks) && toks[h.t1].Text == "," &&
			g.name == "" && g.person == nil && (len(g.sectors) > 0 && g.country != "" || g.full != "" && i > 0 && gs[i-1].t1 == g.t0 && len(gs[i-1].sectors) > 0):
			// a ranked or titled name of no country after a title
			// phrase: "The commander of the UN force UNIFIL, Lt. Gen.
			// Aroldo Lazaro,"
			nameG, titleG = h, g
			if len(g.sectors) == 0 {
				titleG = gs[i-1]
			}
		default:
			continue
		}
		code := titleG.code()
		if code == "" {
			continue
		}
		nameG.country, nameG.sectors, nameG.codeSectors, nameG.full = titleG.country, titleG.sectors, titleG.codeSectors, titleG.full
		nameG.titles = append(nameG.titles, titleG.titles...)
		titleG.appositiveOf = "P:" + strings.ToLower(nameG.name)
		if x := st.byName[strings.ToLower(nameG.name)]; x != nil && x.typ == "PERSON" {
			// "Abbas, Minister of Defense of Syria" after "Ali Mahmoud
			// Abbas": the same person
			titleG.appositiveOf = x.key
		}
		e := st.get(titleG.appositiveOf, nameG.name, "PERSON", code)
		e.code = code
		e.sectors = titleG.sectors
		e.learned = true
		st.learnName(e, nameG.name)
	}
}

func mention(a *dyad.Analysis, si int, g *group, code, kind string, e *entity) dyad.Mention {
	toks := a.Sentences[si].Tokens
	c, secs := SplitCode(code)
	m := dyad.Mention{
		Sentence: si, Tok0: g.t0, Tok1: g.t1,
		Span:    dyad.Span{Start: toks[g.t0].Start, End: toks[g.t1-1].End},
		Text:    a.Doc.Text[toks[g.t0].ByteStart:toks[g.t1-1].ByteEnd],
		Code:    code,
		Country: dyad.OptString(c),
		Sectors: secs,
		Kind:    kind,
	}
	if e != nil {
		m.Entity = e.id
	}
	for _, at := range g.atoms {
		if at.entry != nil {
			m.Rule = at.entry.Rule
			if at.kind != aAdj && at.kind != aCountry {
				break
			}
		}
	}
	return m
}

// namesakeCapitals moves a capital to the namesake city of the one other
// state its sentence names: "the Lebanese army clashed with gunmen in
// Tripoli" is Lebanon's Tripoli, not Libya's capital.
func (r *Resolver) namesakeCapitals(toks []dyad.Token, gs []*group) {
	if r.places == nil {
		return
	}
	for _, g := range gs {
		// the group's country comes from its one capital ("Tripoli", "the
		// court in Tripoli")
		var capital *atom
		for i, a := range g.atoms {
			switch a.kind {
			case aCapital:
				if capital == nil && (i == 0 || inBefore(toks, a.t0)) {
					capital = &g.atoms[i]
				}
			case aCountry, aAdj, aActor, aPerson:
				capital = nil
			}
		}
		if capital == nil || g.country != capital.entry.Code || g.full != "" || g.person != nil {
			continue
		}
		other := ""
		for _, h := range gs {
			if h == g || h.country == "" || h.country == g.country || !r.isState(h.country) {
				continue
			}
			if other != "" && other != h.country {
				other = ""
				break
			}
			other = h.country
		}
		if other != "" && r.places.IsPlaceIn(spanText(toks, capital.t0, capital.t1), other) {
			g.country = other
		}
	}
}
