package quote

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// addNames grows the entity list with the people and organisations the
// text names that the actor stage left alone (it codes only what its
// dictionaries know): runs of capitalised words ("David Kamin", "Ghana
// Revenue Authority", "Mr. Olberg"). A run with an organisation word or an
// acronym is an ORG; a run of two to four words, or one word after a title
// ("Mr. Kamin", "Sen. Warren"), is a PERSON, its title kept; a lone word
// that is the surname of a person already named joins that person. Runs
// after "in", "at", "near", "from" are left to the places stage, and runs
// that overlap an actor mention to the actor stage. Later mentions of the
// same name, or of a person's surname, are added to the same entity.
func (d *doc) addNames() {
	for si, s := range d.a.Sentences {
		toks := s.Tokens
		if titleCase(toks) {
			continue // a headline: every word capitalised, names unreadable
		}
		for i := 0; i < len(toks); {
			if !d.properWord(toks[i]) {
				i++
				continue
			}
			j, org := i+1, d.cues.orgs[toks[i].Lower]
			for j < len(toks) && (d.properWord(toks[j]) || joins(toks, j, org) && j+1 < len(toks) && d.properWord(toks[j+1])) {
				org = org || d.cues.orgs[toks[j].Lower]
				j++
			}
			d.addName(si, i, j)
			i = j
		}
	}
}

// properWord reports whether a token can be part of a name: a proper noun
// tag and a capital letter, not a day, month or other listed word.
func (d *doc) properWord(t dyad.Token) bool {
	if t.Tag != "NNP" && t.Tag != "NNPS" {
		return false
	}
	r := []rune(t.Text)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	return !d.cues.notname[t.Lower]
}

// joins reports whether token j may join two parts of one name ("Bank of
// England", "Ministry for Foreign Affairs", "Johnson & Johnson"); after an
// organisation word "on" and "and" join too ("Commission on Human
// Rights", "Department of Arts and Culture").
func joins(toks []dyad.Token, j int, org bool) bool {
	switch toks[j].Lower {
	case "of", "for", "&", "de", "al", "bin", "van", "von", "da":
		return true
	case "on", "and":
		return org
	}
	return false
}

// addName handles the capitalised run [i, j) of sentence si.
func (d *doc) addName(si, i, j int) {
	toks := d.toks(si)
	start, end := toks[i].Start, toks[j-1].End
	for _, m := range d.a.Mentions {
		if m.Sentence == si && m.Start < end && start < m.End {
			return // the actor stage's
		}
	}
	if d.regionAt(start, end) >= 0 && j-i == 1 {
		return // a lone capitalised word inside a quotation
	}
	// a title before the name ("Sen. Elizabeth Warren", "President Arce")
	var titles []string
	k := i
	for k < j && d.cues.titles[toks[k].Lower] {
		titles = append(titles, toks[k].Text)
		k++
	}
	for j > k && toks[j-1].Tag == "POS" {
		j--
	}
	if k == j {
		return
	}
	words := toks[k:j]
	name := string(d.rs[words[0].Start:words[len(words)-1].End])
	if len(titles) == 0 && d.cues.places[words[0].Lower] {
		return // "New York", "San Diego": a place
	}
	org := false
	for _, w := range words {
		if d.cues.others[w.Lower] {
			return // a law, a war, a street, an event
		}
		if d.cues.orgs[w.Lower] {
			org = true
		}
	}
	acronym := len(words) == 1 && isAcronym(words[0].Text)
	if !org && !acronym && len(titles) == 0 && i > 0 {
		switch toks[i-1].Lower {
		case "in", "at", "near", "from", "to", "into", "across", "outside":
			return // most likely a place
		}
	}
	typ := "PERSON"
	switch {
	case org || acronym:
		typ = "ORG"
	case len(words) == 1 && len(titles) == 0:
		// a lone word: only the surname of a person already named
		if e := d.personBySurname(name); e != nil {
			e.Mentions = appendMention(e.Mentions, [2]int{start, end})
		}
		return
	case len(words) > 4:
		return
	}
	for _, w := range words {
		if !isNameWord(w.Text) {
			return
		}
		if typ == "PERSON" && strings.Contains(w.Text, ".") && len([]rune(w.Text)) > 2 {
			return // "S.C. Highway Patrol": an abbreviation is no part of a person's name
		}
	}
	e := d.namedEntity(name, typ)
	if len(titles) > 0 && typ == "PERSON" {
		title := strings.Join(titles, " ")
		if !isHonorific(strings.ToLower(title)) && !anyHasWord(e.Titles, strings.ToLower(titles[len(titles)-1])) {
			e.Titles = append(e.Titles, title)
		}
	}
	e.Mentions = appendMention(e.Mentions, [2]int{toks[i].Start, words[len(words)-1].End})
}

// personBySurname returns the person entity whose name ends with this
// word, or nil.
func (d *doc) personBySurname(w string) *dyad.Entity {
	for i := range d.a.Entities {
		e := &d.a.Entities[i]
		if e.Type == "PERSON" && strings.HasSuffix(e.Name, " "+w) {
			return e
		}
	}
	return nil
}

// isAcronym reports whether w is two to six capital letters ("NATO").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// isNameWord reports whether w looks like a word of a name: a capital
// and then letters, or an initial ("H.").
func isNameWord(w string) bool {
	r := []rune(w)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	for _, c := range r[1:] {
		if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
			return false
		}
	}
	return true
}

// titleCase reports whether a sentence is written in title case, as
// headlines are: at least four words, three quarters of them capitalised.
func titleCase(toks []dyad.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		r := []rune(t.Text)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		words++
		if unicode.IsUpper(r[0]) {
			caps++
		}
	}
	return words >= 4 && caps*4 >= words*3
}
