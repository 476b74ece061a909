// Package bench measures the pipeline: it generates a synthetic corpus of
// wire-style news documents and times coding it end to end.
//
// The corpus is made from the package's own templates (actors × verbs ×
// targets × clauses, with datelines, quotations, passives, negations and
// agency trailers), so the benchmark needs no data files and gives the same
// documents for the same seed on every machine. The people named are
// invented; countries, capitals and organisations are real.
package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dyad-events/dyad"
)

// Corpus is a generated set of documents.
type Corpus struct {
	Docs []dyad.Doc
	// Sentences[i] is the number of sentences generated for Docs[i],
	// dateline and trailer not counted.
	Sentences []int
}

// TotalSentences returns the number of sentences in the corpus.
func (c *Corpus) TotalSentences() int {
	n := 0
	for _, s := range c.Sentences {
		n += s
	}
	return n
}

// Bytes returns the size of the corpus text.
func (c *Corpus) Bytes() int64 {
	var n int64
	for _, d := range c.Docs {
		n += int64(len(d.Text))
	}
	return n
}

// country is a state with the words that name it.
type country struct {
	name, adj, capital string
	cities             []string
}

var countries = []country{
	{"Iran", "Iranian", "Tehran", []string{"Isfahan", "Mashhad", "Tabriz"}},
	{"Syria", "Syrian", "Damascus", []string{"Aleppo", "Homs", "Idlib"}},
	{"Russia", "Russian", "Moscow", []string{"St. Petersburg", "Kazan"}},
	{"Ukraine", "Ukrainian", "Kyiv", []string{"Kharkiv", "Odesa", "Lviv"}},
	{"China", "Chinese", "Beijing", []string{"Shanghai", "Guangzhou"}},
	{"the United States", "U.S.", "Washington", []string{"New York", "Chicago"}},
	{"Turkey", "Turkish", "Ankara", []string{"Istanbul", "Gaziantep"}},
	{"Israel", "Israeli", "Jerusalem", []string{"Tel Aviv", "Haifa"}},
	{"Egypt", "Egyptian", "Cairo", []string{"Alexandria", "Port Said"}},
	{"Saudi Arabia", "Saudi", "Riyadh", []string{"Jeddah"}},
	{"Iraq", "Iraqi", "Baghdad", []string{"Basra", "Mosul", "Erbil"}},
	{"Pakistan", "Pakistani", "Islamabad", []string{"Karachi", "Lahore"}},
	{"India", "Indian", "New Delhi", []string{"Mumbai", "Kolkata"}},
	{"France", "French", "Paris", []string{"Marseille", "Lyon"}},
	{"Germany", "German", "Berlin", []string{"Munich", "Hamburg"}},
	{"Nigeria", "Nigerian", "Abuja", []string{"Lagos", "Kano"}},
	{"Kenya", "Kenyan", "Nairobi", []string{"Mombasa"}},
	{"Brazil", "Brazilian", "Brasilia", []string{"Sao Paulo", "Rio de Janeiro"}},
	{"Venezuela", "Venezuelan", "Caracas", []string{"Maracaibo"}},
	{"Japan", "Japanese", "Tokyo", []string{"Osaka"}},
	{"North Korea", "North Korean", "Pyongyang", []string{"Wonsan"}},
	{"South Korea", "South Korean", "Seoul", []string{"Busan"}},
	{"Afghanistan", "Afghan", "Kabul", []string{"Kandahar", "Herat"}},
	{"Yemen", "Yemeni", "Sanaa", []string{"Aden", "Hodeidah"}},
}

var igos = []string{
	"the United Nations", "NATO", "the European Union", "the African Union",
	"the Arab League", "the International Atomic Energy Agency", "the World Bank",
	"the U.N. Security Council", "the Red Cross",
}

var titles = []string{
	"President", "Prime Minister", "Foreign Minister", "Defence Minister",
	"Interior Minister", "Finance Minister", "army chief", "opposition leader",
	"ambassador", "Brigadier General", "Vice President", "trade minister",
	"government spokesman", "police chief", "central bank governor",
}

var groupNouns = []string{
	"army", "government", "foreign ministry", "defence ministry", "police",
	"security forces", "navy", "parliament", "judiciary", "state media",
	"opposition", "air force", "central bank", "border guards",
}

var nonState = []string{
	"rebels", "protesters", "militants", "insurgents", "opposition activists",
	"striking workers", "students", "armed men", "refugees", "fishermen",
}

var firstNames = []string{
	"Ali", "Omar", "Sergei", "Olena", "Wei", "James", "Mehmet", "Yael", "Ahmed",
	"Faisal", "Hassan", "Imran", "Priya", "Claire", "Klaus", "Ngozi", "Wanjiru",
	"Lucas", "Maria", "Kenji", "Min-jun", "Abdul", "Fatima", "Daniel", "Nadia",
}

var lastNames = []string{
	"Karimi", "Haddad", "Volkov", "Kovalenko", "Zhang", "Miller", "Yilmaz",
	"Levi", "Mansour", "Al-Rashid", "Jaber", "Qureshi", "Sharma", "Moreau",
	"Becker", "Okafor", "Mwangi", "Silva", "Rojas", "Tanaka", "Kim", "Rahimi",
	"Saleh", "Novak", "Petrov", "Farouk",
}

// transitive verb phrases: %s is the target.
var transitive = []string{
	"met %s", "held talks with %s", "accused %s of {charge}", "condemned %s over {act}",
	"signed an agreement with %s on {topic}", "threatened %s with {threat}",
	"called on %s to {demand}", "praised %s for {act}", "rejected a proposal from %s on {topic}",
	"attacked %s", "imposed sanctions on %s", "hosted %s", "urged %s to {demand}",
	"warned %s against {act}", "expelled the ambassador of %s", "arrested %s",
	"pledged aid to %s", "denied claims by %s about {topic}", "criticised %s for {act}",
	"welcomed %s", "agreed to cooperate with %s on {topic}", "demanded that %s {demand}",
	"shelled positions held by %s", "offered to mediate between %s and its neighbours",
	"apologised to %s", "sued %s", "thanked %s for {act}", "blamed %s for {act}",
	"released prisoners held by %s", "cut diplomatic ties with %s",
}

// passive verb phrases: target first, %s is the source.
var passive = []string{
	"was attacked by %s", "was criticised by %s", "was praised by %s",
	"was accused by %s of {charge}", "was visited by %s", "was sanctioned by %s",
}

// negated verb phrases: %s is the target.
var negated = []string{
	"did not meet %s", "has not ruled out talks with %s", "refused to recognise %s",
	"would not negotiate with %s", "did not attend talks with %s",
}

var slots = map[string][]string{
	"{charge}": {"supporting terrorism", "violating the ceasefire", "spying", "election fraud",
		"war crimes", "smuggling weapons", "cyber attacks on its banks", "meddling in its affairs"},
	"{act}": {"the air strikes", "the arrests of journalists", "its handling of the crisis",
		"the release of hostages", "the border closure", "its support for the talks",
		"the killing of civilians", "the prisoner swap"},
	"{topic}": {"trade", "energy supplies", "border security", "the nuclear programme",
		"refugee returns", "grain exports", "water sharing", "counter-terrorism",
		"a ceasefire", "debt relief"},
	"{threat}": {"military action", "new sanctions", "retaliation", "an oil embargo",
		"severe consequences", "expulsion from the bloc"},
	"{demand}": {"withdraw its troops", "release the detainees", "return to the negotiating table",
		"halt the offensive", "respect the truce", "open the border crossings",
		"hold early elections", "stop the executions"},
}

var times = []string{
	"on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday",
	"over the weekend", "earlier this week", "last month", "on Sunday evening",
}

var attributions = []string{
	"state media reported", "officials said", "a statement said", "the ministry said",
	"according to diplomats", "witnesses said", "the agency reported",
}

var quoteBodies = []string{
	"We will not accept any interference in our internal affairs",
	"This aggression will not go unanswered",
	"The talks were constructive and we agreed to meet again",
	"Our doors remain open to dialogue",
	"We call on the international community to act now",
	"There can be no peace without justice",
	"Both sides must show restraint",
	"We are ready to help rebuild the region",
}

var agencies = []string{"Reuters", "AFP", "AP", "IRNA", "Xinhua", "Anadolu", "Wire"}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// gen draws from the templates.
type gen struct{ r *rand.Rand }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *gen) chance(p float64) bool     { return g.r.Float64() < p }
func (g *gen) country() country          { return countries[g.r.IntN(len(countries))] }
func (g *gen) person() string            { return g.pick(firstNames) + " " + g.pick(lastNames) }

// actor returns a noun phrase naming an actor, in one of many shapes, and
// whether it is plural. An appositive shape ("Name, the Minister of X,")
// ends in a comma and is only drawn when subject is true.
func (g *gen) actor(subject bool) (string, bool) {
	c := g.country()
	k := g.r.IntN(10)
	if k == 2 && !subject {
		k = 0
	}
	switch k {
	case 0, 1:
		return c.adj + " " + g.pick(titles) + " " + g.person(), false
	case 2:
		return g.person() + ", the " + g.pick(titles) + " of " + c.name + ",", false
	case 3:
		return "the " + c.adj + " " + g.pick(groupNouns), false
	case 4:
		if strings.HasSuffix(c.name, "s") {
			return upperFirst(c.name) + "' " + g.pick(groupNouns), false
		}
		return upperFirst(c.name) + "'s " + g.pick(groupNouns), false
	case 5:
		return upperFirst(c.name), c.name == "the United States"
	case 6:
		return c.capital, false
	case 7:
		return g.pick(igos), false
	case 8:
		if g.chance(0.2) {
			return "a rights group in " + g.pick(c.cities), false
		}
		return g.pick(nonState) + " in " + g.pick(c.cities), true
	default:
		return c.adj + " " + g.pick(nonState), true
	}
}

// target is an actor phrase fit to follow a verb.
func (g *gen) target() string {
	s, _ := g.actor(false)
	return s
}

// fill replaces the slot words in a phrase.
func (g *gen) fill(s string) string {
	for strings.Contains(s, "{") {
		i := strings.Index(s, "{")
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		key := s[i : i+j+1]
		opts, ok := slots[key]
		if !ok {
			break
		}
		s = s[:i] + g.pick(opts) + s[i+j+1:]
	}
	return s
}

// sentence returns one news sentence.
func (g *gen) sentence() string {
	src, plural := g.actor(true)
	var core string
	switch k := g.r.IntN(20); {
	case k < 13:
		core = src + " " + fmt.Sprintf(g.fill(g.pick(transitive)), g.target())
	case k < 15:
		obj, objPlural := g.actor(false)
		verb := g.fill(g.pick(passive))
		if objPlural {
			verb = "were" + strings.TrimPrefix(verb, "was")
		}
		core = upperFirst(obj) + " " + fmt.Sprintf(verb, strings.TrimSuffix(src, ","))
	case k < 17:
		verb := g.pick(negated)
		if plural {
			verb = strings.Replace(verb, "has not", "have not", 1)
		}
		core = src + " " + fmt.Sprintf(g.fill(verb), g.target())
	case k < 19:
		q := g.pick(quoteBodies)
		if g.chance(0.5) {
			return fmt.Sprintf("“%s,” %s said %s.", q, strings.TrimSuffix(src, ","), g.pick(times))
		}
		return fmt.Sprintf("%s said %s that \"%s.\"", src, g.pick(times), strings.ToLower(q[:1])+q[1:])
	default:
		core = src + " said " + g.target() + " had " + g.fill(g.pick([]string{
			"violated the truce", "agreed to {demand}", "rejected calls to {demand}",
			"broken its promise on {topic}",
		}))
	}
	if g.chance(0.6) {
		core += " " + g.pick(times)
	}
	if g.chance(0.35) {
		c := g.country()
		core += " " + g.pick([]string{"in ", "during a visit to ", "at a summit in "}) + g.pick(append([]string{c.capital}, c.cities...))
	}
	if g.chance(0.3) {
		core += ", " + g.pick(attributions)
	}
	return upperFirst(strings.Join(strings.Fields(strings.ReplaceAll(core, ",,", ",")), " ")) + "."
}

// document builds one article.
func (g *gen) document(i int) (dyad.Doc, int) {
	year := 2015 + g.r.IntN(10)
	month := 1 + g.r.IntN(12)
	day := 1 + g.r.IntN(28)
	c := g.country()
	var b strings.Builder
	switch g.r.IntN(3) {
	case 0:
		fmt.Fprintf(&b, "%s, %s %d (%s) - ", strings.ToUpper(c.capital), months[month-1], day, g.pick(agencies))
	case 1:
		fmt.Fprintf(&b, "%s (%s) -- ", c.capital, g.pick(agencies))
	default:
		// No dateline.
	}
	n := 3 + g.r.IntN(10)
	for s := 0; s < n; s++ {
		if s > 0 {
			if g.chance(0.4) {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(g.sentence())
	}
	if g.chance(0.5) {
		fmt.Fprintf(&b, "\n\n(Reporting by %s; Editing by %s)", g.person(), g.person())
	} else if g.chance(0.3) {
		// A trailer the pipeline should strip; not counted.
		b.WriteString("\n\nRead More: " + g.sentence())
	}
	b.WriteString("\n")
	return dyad.Doc{
		ID:     fmt.Sprintf("bench-%05d", i+1),
		Text:   b.String(),
		Date:   fmt.Sprintf("%04d-%02d-%02d", year, month, day),
		Source: "dyad bench",
	}, n
}

// Generate returns n documents drawn from the templates with the given
// seed. The same n and seed give the same corpus.
func Generate(n int, seed uint64) *Corpus {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
	c := &Corpus{Docs: make([]dyad.Doc, 0, n), Sentences: make([]int, 0, n)}
	for i := 0; i < n; i++ {
		d, s := g.document(i)
		c.Docs = append(c.Docs, d)
		c.Sentences = append(c.Sentences, s)
	}
	return c
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
