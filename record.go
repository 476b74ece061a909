package dyad

// Analysis is the working state of one document as it moves through the
// pipeline. Each stage reads what earlier stages wrote and adds its own part;
// no stage rewrites an earlier stage's output.
type Analysis struct {
	Doc Doc
	// Body is the part of the text that is coded: the text less dateline,
	// byline, breadcrumbs and trailers.
	Body      Span
	Dateline  *Dateline
	Sentences []Sentence // text stage
	Mentions  []Mention  // actor stage, ordered by sentence then position
	Entities  []Entity   // actor stage
	Events    []Event    // event stage
	Quotes    []Quote    // quote stage
	Places    []Place    // geo stage
}

// Mention is one reference to an actor inside a sentence: a country name,
// adjective, capital, agent noun, title, person, organisation or pronoun.
type Mention struct {
	Sentence int `json:"sentence"`
	// Tok0 and Tok1 are the token range [Tok0, Tok1) within the sentence.
	Tok0 int `json:"tok0"`
	Tok1 int `json:"tok1"`
	Span
	Text    string    `json:"text"`
	Code    string    `json:"code"` // full actor code, e.g. IRNMIL, ---GOV
	Country OptString `json:"country"`
	Sectors []string  `json:"sectors,omitempty"`
	Entity  string    `json:"entity,omitempty"`
	// Kind says what matched: country, adjective, capital, agent, person,
	// org, group, pronoun, learned.
	Kind string `json:"kind"`
	// Rule names the dictionary entry that matched ("agents.txt:412").
	Rule string `json:"rule,omitempty"`
}

// Entity is a person, organisation, group or state the document refers to,
// with every mention of it.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"` // PERSON, ORG, GPE, GROUP
	Code     string    `json:"code"`
	Country  OptString `json:"country"`
	Sectors  []string  `json:"sectors"`
	Titles   []string  `json:"titles"`
	Mentions [][2]int  `json:"mentions"`
}

// Actor is the source or target of an event: the text that names it and
// what it resolved to.
type Actor struct {
	Text    string    `json:"text"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Entity  OptString `json:"entity"`
	Code    string    `json:"code"`
	Country OptString `json:"country"`
	Sectors []string  `json:"sectors"`
}

// TextSpan is a piece of the document text with its position.
type TextSpan struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event is one coded CAMEO event.
type Event struct {
	Sentence  int      `json:"sentence"`
	Code      string   `json:"code"`
	Root      string   `json:"root"`
	Label     string   `json:"label"`
	QuadClass int      `json:"quad_class"` // GDELT QuadClass 1..4
	Goldstein float64  `json:"goldstein"`
	Plover    string   `json:"plover"`
	Source    *Actor   `json:"source"`
	Target    *Actor   `json:"target"`
	Verb      TextSpan `json:"verb"`
	Rule      string   `json:"rule"`
	Negated   bool     `json:"negated"`
	Quote     *int     `json:"quote"` // index into Record.Quotes
	Place     *Place   `json:"place"`
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	Text   string    `json:"text"`
	Start  int       `json:"start"`
	End    int       `json:"end"`
	Entity OptString `json:"entity"`
	Code   OptString `json:"code"`
}

// Quote is an attributed quotation: what was said (direct: inside
// quotation marks; indirect: reported speech such as "X said that ..." or
// "according to X, ..."), who said it and the word that says so.
type Quote struct {
	// Start and End span the whole content, from its first to its last
	// rune (quotation marks excluded).
	Start  int  `json:"start"`
	End    int  `json:"end"`
	Direct bool `json:"direct"`
	// Text is the content with the pieces joined by a space when the
	// quotation is interrupted ("…," he said, "…").
	Text string `json:"text"`
	// Segments are the content pieces, [start, end) each, in text order;
	// one piece when the quotation is not interrupted.
	Segments [][2]int  `json:"segments"`
	Speaker  *Speaker  `json:"speaker"`
	Cue      *TextSpan `json:"cue"`
	// Sentences are the indexes of the sentences the content touches.
	Sentences []int `json:"sentences"`
}

// Place is a toponym resolved to a gazetteer entry.
type Place struct {
	// Name is the toponym as the text writes it; Start and End its span.
	Name      string  `json:"name"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Country   string  `json:"country"` // ISO 3166-1 alpha-3
	GeonameID int     `json:"geonameid"`
	// Feature is the GeoNames feature code (PPL, PPLC, ADM1, PCLI, …).
	Feature string `json:"feature"`
	// Admin1 is the GeoNames first-level division code of a city or
	// division ("TX", "13"); empty for countries.
	Admin1 string `json:"admin1"`
	// Gazetteer is the entry's own name ("Lebanon" for "Lebanese").
	Gazetteer string `json:"gazetteer_name"`
	// Kind is "place" for a toponym, "demonym" for the country behind an
	// adjective or a people ("Syrian", "Iranians").
	Kind string `json:"kind"`
}

// DocInfo is the "doc" part of a record.
type DocInfo struct {
	ID       string    `json:"id"`
	Date     OptString `json:"date"`
	Source   OptString `json:"source"`
	URL      OptString `json:"url"`
	Title    OptString `json:"title"`
	Dateline *Dateline `json:"dateline"`
}

// Record is the output contract: one JSON object per input document.
type Record struct {
	Doc       DocInfo    `json:"doc"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Entity   `json:"entities"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
	Places    []Place    `json:"places"`
}

// Record builds the output record from a finished analysis. Nil slices
// become empty arrays so every field is present in JSON.
func (a *Analysis) Record() Record {
	r := Record{
		Doc: DocInfo{
			ID: a.Doc.ID, Date: OptString(a.Doc.Date), Source: OptString(a.Doc.Source),
			URL: OptString(a.Doc.URL), Title: OptString(a.Doc.Title), Dateline: a.Dateline,
		},
		Sentences: a.Sentences, Entities: a.Entities, Events: a.Events,
		Quotes: a.Quotes, Places: a.Places,
	}
	if r.Sentences == nil {
		r.Sentences = []Sentence{}
	}
	if r.Entities == nil {
		r.Entities = []Entity{}
	}
	if r.Events == nil {
		r.Events = []Event{}
	}
	if r.Quotes == nil {
		r.Quotes = []Quote{}
	}
	if r.Places == nil {
		r.Places = []Place{}
	}
	return r
}
