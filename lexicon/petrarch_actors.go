package lexicon

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file reads the actor, agent, discard, issue and preposition
// dictionaries of PETRARCH (1 and 2) and TABARI. The formats are those of
// PETRARCH's docs/source/dictionaries.rst and PETRreader.py
// (read_actor_dictionary, read_agent_dictionary, read_discard_list,
// read_issue_list) and of TABARI 0.8 (TABARI.h, its validation
// dictionaries). What each construct becomes is documented on the function
// that reads it.

// paDialect is the family of a dictionary file: the two differ in what a word
// without a final "_" means.
type paDialect int

const (
	// dialPETRARCH: words match whole; a final "_" is a TABARI leftover and
	// means nothing ("PETR does not do stemming").
	dialPETRARCH paDialect = iota
	// dialTABARI: a final word without "_" or "=" is a stem ("BULGAR" matches
	// "Bulgarian"); "WORD_" is the complete word (TABARI 0.7.5 also lets
	// it take the regular noun endings); "WORD=" is the word exactly.
	dialTABARI
)

// paComments removes the comments of PETRARCH and TABARI dictionary
// files: XML comments "<!-- … -->" (also across lines), lines that start
// with "<!" or "#", and anything from ";" (the KEDS/TABARI comment, which
// PETRARCH still honours) to the end of the line. In PETRARCH files "#"
// also starts a comment inside a line; in TABARI files it does not, since
// "[###]" is TABARI's discard code.
type paComments struct {
	inXML bool
	d     paDialect
}

func (c *paComments) strip(line string) string {
	if c.inXML {
		j := strings.Index(line, "-->")
		if j < 0 {
			return ""
		}
		line = line[j+3:]
		c.inXML = false
	}
	for {
		i := strings.Index(line, "<!--")
		if i < 0 {
			break
		}
		j := strings.Index(line[i+4:], "-->")
		if j < 0 {
			line = line[:i]
			c.inXML = true
			break
		}
		line = line[:i] + " " + line[i+4+j+3:]
	}
	if t := strings.TrimSpace(line); strings.HasPrefix(t, "<!") || strings.HasPrefix(t, "#") {
		return ""
	}
	cut := "#;"
	if c.d == dialTABARI {
		cut = ";"
	}
	if i := strings.IndexAny(line, cut); i >= 0 {
		line = line[:i]
	}
	return strings.TrimRight(line, " \t\r\n")
}

// paLines calls fn with each line of src that is not blank after the
// comments are removed, with its 1-based number. TABARI's "~~FINISH" tail
// marker ends the file. Lines inside a "<TAG>" … "</TAG>" section (TABARI
// <NOUN> and <ADJECTIVE> lists) are not passed on: section is called once
// per section with its tag, first line and count of entries.
func paLines(src string, d paDialect, fn func(num int, line string), section func(tag string, num, n int)) {
	cf := paComments{d: d}
	tag, tagLine, tagN := "", 0, 0
	for i, raw := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(raw), "~~FINISH") {
			break
		}
		s := cf.strip(raw)
		t := strings.TrimSpace(s)
		if t == "" {
			continue
		}
		if len(t) > 2 && t[0] == '<' && t[len(t)-1] == '>' && !strings.ContainsAny(t[1:len(t)-1], "<> \t") {
			name := t[1 : len(t)-1]
			if tag != "" && name == "/"+tag {
				if section != nil {
					section(tag, tagLine, tagN)
				}
				tag = ""
				continue
			}
			if tag == "" && name[0] != '/' {
				tag, tagLine, tagN = name, i+1, 0
				continue
			}
		}
		if tag != "" {
			tagN++
			continue
		}
		fn(i+1, s)
	}
	if tag != "" && section != nil {
		section(tag, tagLine, tagN)
	}
}

// paCodeSpec is one "[CODE restriction]" block of an actor entry.
type paCodeSpec struct {
	code, from, to string
	line           int
}

// paCodeBlocks reads the "[…]" blocks in s (all of s must be blocks and
// blanks). A block that cannot be read is returned as an error message and
// left out; the others are returned.
func paCodeBlocks(s string, num int) (codes []paCodeSpec, errs []string) {
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return codes, errs
		}
		if s[0] != '[' {
			return codes, append(errs, fmt.Sprintf("text %q after a code ignored", s))
		}
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return codes, append(errs, fmt.Sprintf("missing ']' in %q", s))
		}
		c, err := paCode(s[1:j])
		if err != nil {
			errs = append(errs, fmt.Sprintf("code [%s]: %v", s[1:j], err))
		} else {
			c.line = num
			codes = append(codes, c)
		}
		s = s[j+1:]
	}
}

// paCode reads the inside of a code block: "CODE", "CODE <date",
// "CODE >date" or "CODE date-date", with blanks allowed around the
// operators. Dates are YYMMDD or YYYYMMDD (a 2-digit year 00–30 is 20YY,
// otherwise 19YY, as in KEDS, TABARI and PETRARCH's dstr_to_ordate). The
// PETRARCH documentation reads every limit as "or equal to", so "<D" gives
// To=D, ">D" From=D and "A-B" From=A, To=B, all inclusive.
func paCode(s string) (paCodeSpec, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return paCodeSpec{}, fmt.Errorf("no code")
	}
	c := paCodeSpec{code: strings.ToUpper(f[0])}
	if !paValidCode(c.code) {
		return c, fmt.Errorf("%q is not an actor code", f[0])
	}
	r := strings.Join(f[1:], "")
	var err error
	switch {
	case r == "":
	case r[0] == '<':
		c.to, err = paDate(r[1:])
	case r[0] == '>':
		c.from, err = paDate(r[1:])
	default:
		a, b, ok := strings.Cut(r, "-")
		if !ok {
			return c, fmt.Errorf("date restriction %q is not <date, >date or date-date", r)
		}
		if c.from, err = paDate(a); err == nil {
			c.to, err = paDate(b)
		}
		if err == nil && c.to < c.from {
			err = fmt.Errorf("range %s ends before it starts", r)
		}
	}
	return c, err
}

// paValidCode accepts the characters of actor codes, including TABARI's
// special codes "---" (null), "***", "+++" (complex), "###" (discard) and
// compound codes such as "FRD/SYL"; a code that is only digits is a
// misplaced date.
func paValidCode(c string) bool {
	letters := false
	for i := 0; i < len(c); i++ {
		switch b := c[i]; {
		case b >= 'A' && b <= 'Z':
			letters = true
		case b >= '0' && b <= '9', strings.IndexByte("-+#*/.", b) >= 0:
		default:
			return false
		}
	}
	return letters || strings.Trim(c, "-+#*") == ""
}

// paDate converts a YYMMDD or YYYYMMDD dictionary date to YYYY-MM-DD.
func paDate(s string) (string, error) {
	var y, m, d int
	bad := fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", bad
		}
	}
	switch len(s) {
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:6])
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
	default:
		return "", bad
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return "", fmt.Errorf("date %q does not exist", s)
	}
	return t.Format("2006-01-02"), nil
}

// paPhrase is one phrase of an actor, agent or discard entry.
type paPhrase struct {
	text        string // words separated by single spaces
	stem, exact bool
	tail        bool // TABARI "WORD_": the complete word (regular endings)
	keys, words []string
	line        int
	// gaps are the indexes of keys that other words may come before (a
	// blank in the source); gapped is text with the native "..." marker
	// there (ActorEntry.Phrase).
	gaps   []int
	gapped string
}

// paCleanPhrase turns a dictionary phrase ("FREEDONIAN_PALACE_GUARD_",
// "BULGAR", "MOUSE=") into its words and its stem flag for dialect d.
// Underscores and blanks both separate words; a blank also lets other
// words come between the words it separates (gaps, ActorEntry.Gaps),
// where "_" joins words that must be consecutive.
func paCleanPhrase(raw string, d paDialect, num int) (paPhrase, bool) {
	p := paPhrase{line: num}
	s := strings.TrimSpace(raw)
	switch {
	case strings.HasSuffix(s, "="):
		p.exact = true
		s = strings.TrimRight(s, "=")
	case strings.HasSuffix(s, "_"):
		p.tail = true
	default:
		p.stem = d == dialTABARI
	}
	// a blank between two words lets other words come between them; "_"
	// joins words that must be consecutive
	var chunks []string
	for _, c := range strings.Fields(s) {
		if c = strings.Join(strings.Fields(strings.ReplaceAll(c, "_", " ")), " "); c != "" {
			chunks = append(chunks, c)
		}
	}
	s = strings.Join(chunks, " ")
	if s == "" {
		return p, false
	}
	p.text = s
	p.keys, p.words = keysFor(s)
	p.gapped = s
	if len(chunks) > 1 {
		p.gapped = strings.Join(chunks, " "+gapMarker+" ")
		var keys, words []string
		keys, words, p.gaps = phraseKeys(p.gapped)
		if !slices.Equal(keys, p.keys) || !slices.Equal(words, p.words) {
			p.gapped, p.gaps = s, nil // the marker would change the words
		}
	}
	return p, len(p.keys) > 0
}

// paBlock is an actor entry being read: its phrases and codes.
type paBlock struct {
	phrases []paPhrase
	codes   []paCodeSpec
}

// AddPETRARCHActors reads a PETRARCH actor dictionary (file names it in
// rules and messages) and adds its entries, counting them in r.Actors.
//
// An entry is a primary phrase line, optional "+synonym" lines and one or
// more "[CODE]" or "[CODE restriction]" blocks, on the phrase lines or on
// the following (usually indented) lines; several blocks may share a
// line. Every phrase of the entry gets every code: one KindActor entry per
// phrase and code, with From/To from the restriction (see paCode). An
// undated code is the default that holds when no dated one does (dyad's
// date scoring). A final "_" is dropped and words match whole: Stem is
// never set (PETRARCH "does not do stemming"). Malformed lines go to
// r.Skipped; an entry with no readable code is skipped.
func (l *Lexicon) AddPETRARCHActors(file, src string, r *Report) {
	l.addActorDict(file, src, dialPETRARCH, r)
}

// AddTABARIActors reads a TABARI .actors dictionary, as AddPETRARCHActors
// but with TABARI's word endings: a final word without "_" or "=" is a stem
// (Stem is set), "WORD_" and "WORD=" match the whole word, "WORD_" also
// with TABARI's regular noun ending "S" on the phrase's last word
// ("'S" is a token of its own and always allowed). TABARI's special
// codes are kept as written ("---" null, "+++" complex, compound "A/B"),
// except that an entry whose only code is an undated "[###]" is a
// sentence discard (TABARI kept its discards in the actors file); a dated
// or alternative "###" stays an actor code for the coder to treat as a
// discard. <NOUN> and <ADJECTIVE> lists are not used (one r.Skipped line
// each).
func (l *Lexicon) AddTABARIActors(file, src string, r *Report) {
	l.addActorDict(file, src, dialTABARI, r)
}

func (l *Lexicon) addActorDict(file, src string, d paDialect, r *Report) {
	skip := func(num int, format string, a ...any) {
		r.Skipped = append(r.Skipped, fmt.Sprintf("%s:%d: ", file, num)+fmt.Sprintf(format, a...))
	}
	var cur *paBlock
	flush := func() {
		if cur == nil {
			return
		}
		b := cur
		cur = nil
		if len(b.codes) == 0 {
			skip(b.phrases[0].line, "%s has no code", b.phrases[0].text)
			return
		}
		discard := d == dialTABARI
		for _, c := range b.codes {
			if c.code != "###" || c.from != "" || c.to != "" {
				discard = false
			}
		}
		name := b.phrases[0].text
		for _, p := range b.phrases {
			rule := fmt.Sprintf("%s:%d", file, p.line)
			if discard {
				l.addDiscard(&ActorEntry{Kind: KindDiscardSentence, Code: "-", Phrase: p.text,
					Keys: p.keys, Words: p.words, Name: name, Rule: rule, Stem: p.stem})
				r.Discards++
				continue
			}
			variants := [][]string{p.keys}
			if d == dialTABARI && p.tail {
				// TABARI's regular noun ending: "FREEDONIA_" also
				// matches "Freedonias" ("'s" is a token of its own)
				k := append([]string(nil), p.keys...)
				k[len(k)-1] += "s"
				variants = append(variants, k)
			}
			for _, c := range b.codes {
				for vi, k := range variants {
					words := p.words
					if vi > 0 {
						words = k
					}
					l.addActor(&ActorEntry{Kind: KindActor, Foreign: true, Code: c.code, Phrase: p.gapped,
						Keys: k, Words: words, From: c.from, To: c.to,
						Name: name, Rule: rule, Stem: p.stem, Gaps: p.gaps})
				}
				r.Actors++
			}
		}
	}
	paLines(src, d, func(num int, line string) {
		s := strings.TrimSpace(line)
		synonym := s[0] == '+'
		if (synonym || s[0] == '[') && cur == nil {
			skip(num, "%q comes before any actor phrase", s)
			return
		}
		if s[0] == '[' {
			codes, errs := paCodeBlocks(s, num)
			for _, e := range errs {
				skip(num, "%s", e)
			}
			cur.codes = append(cur.codes, codes...)
			return
		}
		if synonym {
			s = s[1:]
		} else {
			flush()
		}
		phrase, rest := paCutCodes(s)
		codes, errs := paCodeBlocks(rest, num)
		for _, e := range errs {
			skip(num, "%s", e)
		}
		p, ok := paCleanPhrase(phrase, d, num)
		switch {
		case !ok && !synonym:
			skip(num, "no words in %q", line)
			return
		case !ok:
			skip(num, "no words in %q", line)
		case synonym:
			cur.phrases = append(cur.phrases, p)
		default:
			cur = &paBlock{phrases: []paPhrase{p}}
		}
		cur.codes = append(cur.codes, codes...)
	}, func(tag string, num, n int) {
		skip(num, "<%s> list of %d words not used", tag, n)
	})
	flush()
}

// paCutCodes splits "PHRASE [CODE] [CODE]" at its first "[".
func paCutCodes(s string) (phrase, codes string) {
	if i := strings.IndexByte(s, '['); i >= 0 {
		return strings.TrimSpace(s[:i]), s[i:]
	}
	return strings.TrimSpace(s), ""
}

// AddPETRARCHAgents reads a PETRARCH agent dictionary and adds its entries
// (KindAgent, Full), counting them in r.Agents.
//
// A line is "PHRASE {PLURAL} [~CODE]" or "PHRASE [CODE~]": "~CODE" puts
// the sectors after the country ("~GOV" → SYRGOV), "CODE~" before it
// (Prefix: "NGO~" → NGOSYR). Code is the sectors without "~". The plural
// is generated (PETRARCH's rule on the last word: Y → IES, S → +ES, else
// +S; also dyad's plural of the head noun, "ministers of defence"), unless
// "{}" says there is none or "{PLURAL}" gives it. "!MARKER! = A, B, C"
// defines a substitution set: "FERRY!PERSON!" stands for FERRYMAN,
// FERRYWOMEN, … with no further plurals. Lines without a code and
// undefined markers go to r.Skipped.
func (l *Lexicon) AddPETRARCHAgents(file, src string, r *Report) {
	l.addAgentDict(file, src, dialPETRARCH, r)
}

// AddTABARIAgents reads a TABARI .agents dictionary ("PRESIDENT_ [ ~GOV]"),
// as AddPETRARCHAgents but with TABARI word endings: a final word without
// "_" is a stem (Stem, no plural generated); "WORD_" gets the regular
// plural.
func (l *Lexicon) AddTABARIAgents(file, src string, r *Report) {
	l.addAgentDict(file, src, dialTABARI, r)
}

func (l *Lexicon) addAgentDict(file, src string, d paDialect, r *Report) {
	skip := func(num int, format string, a ...any) {
		r.Skipped = append(r.Skipped, fmt.Sprintf("%s:%d: ", file, num)+fmt.Sprintf(format, a...))
	}
	markers := map[string][]string{}
	paLines(src, d, func(num int, line string) {
		s := strings.TrimSpace(line)
		if strings.Contains(s, "!") && strings.Contains(s, "=") {
			name, list, ok := paMarker(s)
			if !ok {
				skip(num, "substitution marker %q is not !NAME! = A, B", s)
				return
			}
			markers[name] = list
			return
		}
		i := strings.IndexByte(s, '[')
		if i < 0 {
			skip(num, "agent %q has no [code]", s)
			return
		}
		head, code := s[:i], s[i+1:]
		if j := strings.IndexAny(code, "]}"); j >= 0 {
			code = code[:j]
		}
		code = strings.ToUpper(strings.Join(strings.Fields(code), ""))
		prefix := false
		switch {
		case strings.HasPrefix(code, "~") && !strings.HasSuffix(code, "~"):
			code = code[1:]
		case strings.HasSuffix(code, "~") && !strings.HasPrefix(code, "~"):
			code, prefix = code[:len(code)-1], true
		default:
			skip(num, "agent code [%s] needs one '~' before or after it", code)
			return
		}
		if code == "" || !paAlnum(code) {
			skip(num, "agent code [%s] is not a run of sector codes", code)
			return
		}
		plural, explicit := "", false
		if j := strings.IndexByte(head, '{'); j >= 0 {
			k := strings.IndexByte(head, '}')
			if k < j {
				skip(num, "missing '}' in %q", s)
				return
			}
			plural, explicit = head[j+1:k], true
			head = head[:j]
		}
		var phrases []string
		auto := true
		if j := strings.IndexByte(head, '!'); j >= 0 {
			k := strings.IndexByte(head[j+1:], '!')
			if k < 0 {
				skip(num, "substitution marker in %q is not closed", s)
				return
			}
			subs, ok := markers[head[j+1:j+1+k]]
			if !ok {
				skip(num, "substitution marker !%s! is not defined", head[j+1:j+1+k])
				return
			}
			for _, sub := range subs {
				phrases = append(phrases, head[:j]+sub+head[j+1+k+1:])
			}
			auto, explicit = false, false
		} else {
			phrases = []string{head}
		}
		name := ""
		for _, ph := range phrases {
			p, ok := paCleanPhrase(ph, d, num)
			if !ok {
				skip(num, "no words in %q", s)
				continue
			}
			if name == "" {
				name = p.text
			}
			variants := [][]string{p.keys}
			words := [][]string{p.words}
			gaps := [][]int{p.gaps}
			switch {
			case explicit && strings.TrimSpace(plural) != "":
				if pp, ok := paCleanPhrase(plural, d, num); ok {
					variants = append(variants, pp.keys)
					words = append(words, pp.words)
					gaps = append(gaps, pp.gaps)
				}
			case explicit, !auto, d == dialTABARI && !p.tail, p.exact:
			default:
				for _, k := range paPlurals(p.keys) {
					variants = append(variants, k)
					words = append(words, k)
					gaps = append(gaps, p.gaps)
				}
			}
			for i, k := range variants {
				l.addActor(&ActorEntry{Kind: KindAgent, Foreign: true, Code: code, Phrase: p.gapped,
					Keys: k, Words: words[i], Name: name, Rule: fmt.Sprintf("%s:%d", file, num),
					Full: true, Prefix: prefix, Stem: p.stem, Gaps: gaps[i]})
				r.Agents++
			}
		}
	}, nil)
}

// paMarker reads "!NAME! = A, B, C".
func paMarker(s string) (name string, list []string, ok bool) {
	i := strings.IndexByte(s, '!')
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return "", nil, false
	}
	name = s[i+1 : i+1+j]
	_, rest, ok := strings.Cut(s[i+1+j+1:], "=")
	if !ok || name == "" {
		return "", nil, false
	}
	for _, it := range strings.Split(rest, ",") {
		if it = strings.TrimSpace(it); it != "" {
			list = append(list, it)
		}
	}
	return name, list, len(list) > 0
}

func paAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
			return false
		}
	}
	return true
}

// paPlurals returns PETRARCH's plural of the phrase (last word: y →
// ies, s → ses, else +s) and dyad's plural of its head noun, without
// duplicates or the singular.
func paPlurals(keys []string) [][]string {
	seen := map[string]bool{strings.Join(keys, " "): true}
	var out [][]string
	add := func(k []string) {
		if j := strings.Join(k, " "); !seen[j] {
			seen[j] = true
			out = append(out, k)
		}
	}
	last := keys[len(keys)-1]
	k := append([]string(nil), keys...)
	switch {
	case strings.HasSuffix(last, "y"):
		k[len(k)-1] = last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "s"):
		k[len(k)-1] = last + "es"
	default:
		k[len(k)-1] = last + "s"
	}
	add(k)
	for _, p := range pluralKeys(keys) {
		add(p)
	}
	return out
}

// AddPETRARCHDiscards reads a PETRARCH discard list, counting the phrases
// in r.Discards. A line is a phrase: a sentence containing it is not coded
// (KindDiscardSentence); with a leading "+" the whole story is not coded
// (KindDiscardStory). As documented for the format, a phrase ending in "_"
// must end at a word boundary; otherwise its last word is a stem (Stem).
// Matching ignores case. The entries are found with DiscardIn; they are
// not actor names and MatchName does not return them.
func (l *Lexicon) AddPETRARCHDiscards(file, src string, r *Report) {
	seen := map[string]bool{}
	paLines(src, dialPETRARCH, func(num int, line string) {
		s := strings.TrimSpace(line)
		kind := KindDiscardSentence
		if s[0] == '+' {
			kind = KindDiscardStory
			s = s[1:]
		}
		stem := !strings.HasSuffix(strings.TrimSpace(s), "_")
		p, ok := paCleanPhrase(s, dialPETRARCH, num)
		if !ok {
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s:%d: no words in discard %q", file, num, line))
			return
		}
		k := fmt.Sprint(kind, stem, p.keys)
		if seen[k] {
			return
		}
		seen[k] = true
		l.addDiscard(&ActorEntry{Kind: kind, Code: "-", Phrase: p.text, Keys: p.keys, Words: p.words,
			Name: p.text, Rule: fmt.Sprintf("%s:%d", file, num), Stem: stem})
		r.Discards++
	}, nil)
}

// addDiscard records a discard entry: it is listed in Actors (so Merge
// carries it) but not indexed as a name; DiscardIn indexes it.
func (l *Lexicon) addDiscard(e *ActorEntry) { l.addActor(e) }

// paCountIssues reads a PETRARCH issues file ("n:flooding [ID_FLOOD]",
// "~phrase" exclusions, <ISSUE …> sections) only to count its phrases and
// codes: dyad does not code issues.
func paCountIssues(src string) (phrases, codes int) {
	seen := map[string]bool{}
	paLines(src, dialPETRARCH, func(num int, line string) {
		s := strings.TrimSpace(line)
		if strings.HasPrefix(strings.ToUpper(s), "<ISSUE") || strings.HasPrefix(s, "</") {
			return
		}
		if i := strings.IndexByte(s, '['); i >= 0 {
			if j := strings.IndexByte(s[i:], ']'); j > 0 {
				seen[strings.TrimSpace(s[i+1:i+j])] = true
			}
		} else if s[0] != '~' {
			return
		}
		phrases++
	}, nil)
	return phrases, len(seen)
}

// paCountLines counts the entry lines of a list file (prepositions).
func paCountLines(src string) int {
	n := 0
	paLines(src, dialPETRARCH, func(int, string) { n++ }, nil)
	return n
}
