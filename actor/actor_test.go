package actor_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/lexicon"
	"github.com/dyad-events/dyad/text"
)

const dict = `
country SYR: Syria
country IRN: Iran
country EGY: Egypt
country HUN: Hungary
adjective SYR: Syrian
adjective HUN: Hungarian | Hungarians
adjective ROU: Romanian
adjective AFG: Afghan
country ROU: Romania
country TUR: Turkish
capital IRN: Tehran
actor ---OPPMUS: Muslim Brotherhood ; type=GROUP
actor RUSGOV: Kremlin ; type=ORG
agent GOV: minister | official | president | king | ministry | government
agent MIL: military | soldier
agent MILGOV: defence minister | minister of defence
agent OPP: leader | protester
agent CVL: supporters
agent MED: reporters
agent JUD: court
actor SYRREB: Free Army ; type=GROUP
actor IGOPKO: peacekeepers ; type=ORG ; national
adjective ASA: Asian
person SYRGOV: Khalid bin Walid
actor IMGMUSISI: Islamic State ; type=GROUP
person PSEGOV: Mahmoud Abbas | Abbas ; from=2005-01-15
person SYRGOV: Bashar al-Assad | Assad ; from=2000-07-17 ; to=2024-12-08
person SYRELI: Bashar al-Assad | Assad ; from=2024-12-08
`

func analyse(t *testing.T, s, date string) *dyad.Analysis {
	t.Helper()
	l := lexicon.New()
	if errs := l.AddActors("t.txt", dict); len(errs) > 0 {
		t.Fatal(errs)
	}
	a := &dyad.Analysis{Doc: dyad.Doc{ID: "t", Text: s, Date: date}}
	if err := text.Analyze(a); err != nil {
		t.Fatal(err)
	}
	if err := actor.New(l).Resolve(a); err != nil {
		t.Fatal(err)
	}
	return a
}

func codes(a *dyad.Analysis) string {
	var out []string
	for _, m := range a.Mentions {
		out = append(out, m.Text+"="+m.Code)
	}
	return strings.Join(out, "; ")
}

func TestMentions(t *testing.T) {
	tests := []struct {
		name, text, date, want string
	}{
		{"possessive agent", "Iran's defence minister spoke.", "", "Iran's defence minister=IRNMIL"},
		{"of country", "The Minister of Defence of Syria spoke.", "", "The Minister of Defence of Syria=SYRMIL"},
		{"capital metonym", "Tehran said no.", "", "Tehran=IRN"},
		{"seat of government", "The Kremlin said no.", "", "The Kremlin=RUSGOV"},
		{"organisation with country", "Leaders of Egypt's Muslim Brotherhood spoke.", "", "Leaders of Egypt's Muslim Brotherhood=EGYOPPMUS"},
		{"dated person in office", "Assad spoke.", "2015-01-01", "Assad=SYRGOV"},
		{"dated person after office", "Assad spoke.", "2025-06-01", "Assad=SYRELI"},
		{"coordinated adjectives", "Hungarian and Romanian officials met.", "", "Hungarian=HUNGOV; Romanian officials=ROUGOV"},
		{"agent in country", "A court in Syria ruled.", "", "A court in Syria=SYRJUD"},
		{"former", "The former Syrian president spoke.", "", "The former Syrian president=SYRELI"},
		{"an agent noun the tagger calls a comparative", "An Afghan soldier shot dead two NATO troops in Helmand province.", "", "An Afghan soldier=AFGMIL"},
		{"an office after a place named with its state's possessive", "Syria's Qardaha ministry spoke.", "", "Syria's Qardaha=SYR; ministry=SYRGOV"},
		{"members affiliated with a state's body are its", "Protesters affiliated with the Syrian ministry spoke.", "", "Protesters affiliated with the Syrian ministry=SYROPP"},
		{"those affiliated with a group of no state are the group", "Protesters affiliated with the Islamic State spoke.", "", "Protesters affiliated with the Islamic State=IMGMUSISI"},
		{"the country's office is the last-named country's", "Syria spoke. The country's minister left.", "", "Syria=SYR; minister=SYRGOV"},
		{"the title alone is the person last named with it", "TEHRAN (IP) - Iran's defence minister met Syrian Defence Minister Ali Qadri. Qadri thanked Iran. The minister left.", "", "Iran's defence minister=IRNMIL; Syrian Defence Minister Ali Qadri=SYRMIL; Qadri=SYRMIL; Iran=IRN; The minister=SYRMIL"},
		{"a place through or in a region of it places an agent", "Protesters marched through central Tehran.", "", "Protesters=IRNOPP; central Tehran=IRN"},
		{"the group is the armed group the story named, not a state's organ", "The Syrian ministry attacked the Free Army. The minister accused the group of lying.", "", "The Syrian ministry=SYRGOV; the Free Army=SYRREB; The minister=---GOV; the group=SYRREB"},
		{"a time word after a subject is not its head", "The Syrian government today spoke.", "", "The Syrian government=SYRGOV"},
		{"an agent adjective before a verb heads its phrase", "The Syrian military today spoke.", "", "The Syrian military=SYRMIL"},
		{"a current title over a dated former office", "Syrian President Bashar al-Assad spoke.", "2025-06-01", "Syrian President Bashar al-Assad=SYRGOV"},
		{"the surname keeps the current title the document gave", "Syrian President Bashar al-Assad spoke. Assad left.", "2025-06-01", "Syrian President Bashar al-Assad=SYRGOV; Assad=SYRGOV"},
		{"but not a former title", "Former President Bashar al-Assad spoke.", "2025-06-01", "Former President Bashar al-Assad=SYRELI"},
		{"a national actor alone keeps its code", "Peacekeepers spoke.", "", "Peacekeepers=IGOPKO"},
		{"a national actor after a state's adjective is the state", "Syrian peacekeepers spoke.", "", "Syrian peacekeepers=SYR"},
		{"or after its possessive", "Hungary's peacekeepers spoke.", "", "Hungary's peacekeepers=HUN"},
		{"a region is no document's country", "Asian officials met. President Anna Tuvalo spoke.", "", "Asian officials=ASAGOV; President Anna Tuvalo=---GOV"},
		{"a patronymic name is short for its given name", "Khalid bin Walid spoke. Later Khalid left.", "", "Khalid bin Walid=SYRGOV; Khalid=SYRGOV"},
		{"an actor after for in a possessor's phrase is what it is about", "Iran rejected Egypt's call for Free Army talks.", "", "Iran=IRN; Egypt's call for Free Army=EGY"},
		{"a titled name after a state's titled person shares the state", "Syria's President Bashar al-Assad and leader Omar Haddad met.", "2015-01-01", "Syria's President Bashar al-Assad=SYRGOV; leader Omar Haddad=SYROPP"},
		{"titled name of a country", "King Hassan of Syria spoke.", "", "King Hassan of Syria=SYRGOV"},
		{"demonym before demonym", "Hungarian Romanians spoke.", "", "Hungarian Romanians=HUN"},
		{"counterpart takes the titled actor's sectors", "Iran's defence minister met his Syrian counterpart.", "", "Iran's defence minister=IRNMIL; Syrian counterpart=SYRMIL"},
		{"a counterpart is an office's, not the press's", "Iran's defence minister told reporters after meeting his Syrian counterpart.", "", "Iran's defence minister=IRNMIL; reporters=---MED; Syrian counterpart=SYRMIL"},
		{"adjective without head", "Syrian official visit.", "", "Syrian=SYR"},
		{"agent takes the country it acts in", "Protesters gathered in Tehran.", "", "Protesters=IRNOPP; Tehran=IRN"},
		{"officials do not take a location's country", "The official arrived in Tehran.", "", "The official=---GOV; Tehran=IRN"},
		{"a country named in three sentences is the document's", "Syria spoke. Syria left. Syria returned. The minister said nothing.", "", "Syria=SYR; Syria=SYR; Syria=SYR; The minister=SYRGOV"},
		{"but not one named three times in one sentence", "Syria's official met Syria's minister and a Syrian protester.", "", "Syria's official=SYRGOV; Syria's minister=SYRGOV; a Syrian protester=SYROPP"},
		{"so an agent of no country there keeps none", "The official met Syria's minister, Syria's leader and a Syrian protester.", "", "The official=---GOV; Syria's minister=SYRGOV; Syria's leader=SYROPP; a Syrian protester=SYROPP"},
		{"dateline gives unknown agents a country", "TEHRAN (Reuters) - The official said the court ruled.", "", "The official=IRNGOV; the court=IRNJUD"},
		{"a named official takes the document's one country", "President Anna Tuvalo criticised Syrian protesters.", "", "President Anna Tuvalo=SYRGOV; Syrian protesters=SYROPP"},
		{"but not one of two", "President Anna Tuvalo criticised Syria and Hungary.", "", "President Anna Tuvalo=---GOV; Syria=SYR; Hungary=HUN"},
		{"a titled name takes the dateline's country", "TEHRAN (Reuters) - Defence Minister Reza Karimi spoke on Monday.", "", "Defence Minister Reza Karimi=IRNMIL"},
		{"even when the text names only another country", "TEHRAN (Reuters) - Defence Minister Reza Karimi met Syria's minister.", "", "Defence Minister Reza Karimi=IRNMIL; Syria's minister=SYRGOV"},
		{"so does its surname later", "TEHRAN (Reuters) - Minister Reza Karimi spoke. Karimi left.", "", "Minister Reza Karimi=IRNGOV; Karimi=IRNGOV"},
		{"the ministry is no back-reference to an official", "TEHRAN (Reuters) - Defence Minister Reza Karimi spoke. The ministry said no.", "", "Defence Minister Reza Karimi=IRNMIL; The ministry=IRNGOV"},
		{"victims take the country of the place they were hit in", "Four protesters died in the east of Syria.", "", "Four protesters=SYROPP; Syria=SYR"},
		{"an adjective after in is whose, not where", "Protesters died in Syrian shelling.", "", "Protesters=---OPP; Syrian=SYR"},
		{"a titled name learns from a title phrase before it", "The leader of Egypt's Muslim Brotherhood, Minister Omar Haddad, spoke. Haddad left.", "", "The leader of Egypt's Muslim Brotherhood=EGYOPPMUS; Minister Omar Haddad=EGYOPPMUS; Haddad=EGYOPPMUS"},
		{"a gloss in brackets and the noun after it belong to the name", "The Muslim Brotherhood (Society of Brothers) group spoke.", "", "The Muslim Brotherhood=---OPPMUS; Society=---OPPMUS; Brothers=---OPPMUS"},
		{"a name before a possessive is no appositive", "Syrian officials met the Hungarian minister, Karimi's deputy.", "", "Syrian officials=SYRGOV; the Hungarian minister=HUNGOV"},
		{"ethnic kin of a state live in the one the story is about", "Ethnic Hungarians rallied near Romania's border with Syria.", "", "Ethnic Hungarians=ROU; Romania=ROU; Syria=SYR"},
		{"ethnic kin placed by in keep that place", "Ethnic Hungarians in Syria rallied.", "", "Ethnic Hungarians in Syria=SYR"},
		{"a people without ethnic is its state's", "Hungarians rallied near Syria's border.", "", "Hungarians=HUN; Syria=SYR"},
		{"its after a prepositional object is the subject's", "Syria apologised to Iran for its minister.", "", "Syria=SYR; Iran=IRN; minister=SYRGOV"},
		{"its after an object is the object's", "Syria urged Iran to recall its minister.", "", "Syria=SYR; Iran=IRN; minister=IRNGOV"},
		{"a participle between possessive and title", "Katsav met Syria's visiting president.", "", "Syria's visiting president=SYRGOV"},
		{"supporters of a leader are not the leader", "Supporters of the Syrian president rallied.", "", "Supporters=---CVL; the Syrian president=SYRGOV"},
		{"a demonym listed as a country after in is whose too", "Protesters died in Turkish shelling.", "", "Protesters=---OPP; Turkish=TUR"},
		{"a sentence-initial It is the last sentence's subject", "The Syrian ministry said the talks failed. It accused Iran.", "", "The Syrian ministry=SYRGOV; It=SYRGOV; Iran=IRN"},
		{"it after accusing is the actor named last", "Syria met Iran, accusing it of lying.", "", "Syria=SYR; Iran=IRN; it=IRN"},
		{"but not a thing rejected", "Syria met Iran and rejected it.", "", "Syria=SYR; Iran=IRN"},
		{"an expletive it is nothing", "Syria said the talks failed. It is the third failure.", "", "Syria=SYR"},
		{"It is not a group named inside a quotation", "\"Iran lies,\" the Syrian ministry said. It accused Iran.", "", "Iran=IRN; the Syrian ministry=SYRGOV; It=SYRGOV; Iran=IRN"},
		{"his or her before an agent is the person's", "Syrian President Bashar al-Assad met Hungarian officials and his ministry spoke.", "2015-01-01", "Syrian President Bashar al-Assad=SYRGOV; Hungarian officials=HUNGOV; ministry=SYRGOV"},
		{"the two sides of one state's war", "Syria and the Free Army signed a deal. Iran urged the two sides to keep it.", "", "Syria=SYR; the Free Army=SYRREB; Iran=IRN; the two sides=SYR; the two sides=SYRREB"},
		{"an agent takes the place that places the clause's other group", "The court sentenced protesters in Tehran.", "", "The court=IRNJUD; protesters in Tehran=IRNOPP"},
		{"an institution a state's official acts on is that state's", "The Syrian minister defied the court.", "", "The Syrian minister=SYRGOV; the court=SYRJUD"},
		{"but not when another country is named", "The Syrian minister defied the court in Iran.", "", "The Syrian minister=SYRGOV; the court in Iran=IRNJUD"},
		{"an object takes the place of its clause's subject", "Protesters in Tehran attacked supporters.", "", "Protesters in Tehran=IRNOPP; supporters=IRNCVL"},
		{"nor one named only on its own", "President Anna Tuvalo criticised Syria.", "", "President Anna Tuvalo=---GOV; Syria=SYR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codes(analyse(t, tt.text, tt.date)); got != tt.want {
				t.Errorf("%q: got %q want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestPluralPronounsResolveToTheLastGroup(t *testing.T) {
	a := analyse(t, "Syrian officials arrived. Iran met them.", "")
	if got := codes(a); got != "Syrian officials=SYRGOV; Iran=IRN; them=SYRGOV" {
		t.Errorf("got %q", got)
	}
}

func TestSpeakerAfterCommaIsNoAppositive(t *testing.T) {
	a := analyse(t, "Troops seized the town of Qomran, Syrian officials said.", "2020-01-01")
	if got := codes(a); strings.Contains(got, "Qomran=") {
		t.Errorf("got %q: the speaker's code went to the name before the comma", got)
	}
	a = analyse(t, "Qomran, a Syrian official, said nothing.", "2020-01-01")
	if got := codes(a); !strings.Contains(got, "Qomran=SYRGOV") {
		t.Errorf("got %q: an appositive title is still learned", got)
	}
}

func TestAppositiveAndCoreference(t *testing.T) {
	a := analyse(t, "Ali Mahmoud Abbas, Minister of Defence of Syria, arrived in Tehran. "+
		"Abbas met officials. The Syrian minister later left. He said nothing.", "2020-01-01")
	var abbas *dyad.Entity
	for i, e := range a.Entities {
		if e.Name == "Ali Mahmoud Abbas" {
			abbas = &a.Entities[i]
		}
	}
	if abbas == nil {
		t.Fatalf("no entity for Abbas: %+v", a.Entities)
	}
	// "Abbas" alone is the Palestinian president in the dictionary; here
	// the document says who it is.
	if abbas.Code != "SYRMIL" || abbas.Type != "PERSON" || string(abbas.Country) != "SYR" {
		t.Errorf("Abbas = %+v", abbas)
	}
	if len(abbas.Mentions) != 5 {
		t.Errorf("Abbas mentions = %v (want name, title, surname, 'the Syrian minister', 'He')", abbas.Mentions)
	}
	if len(abbas.Titles) == 0 || !strings.Contains(abbas.Titles[0], "Minister of Defence") {
		t.Errorf("titles = %v", abbas.Titles)
	}
	runes := []rune(a.Doc.Text)
	for _, m := range abbas.Mentions {
		if m[0] < 0 || m[1] > len(runes) || m[0] >= m[1] {
			t.Errorf("bad mention span %v", m)
		}
	}
}

func TestImportedAgentsAndPrefixes(t *testing.T) {
	l := lexicon.New()
	r := &lexicon.Report{}
	l.AddTABARIActors("t.actors", "FREEDONIA_ [FRD]\nSYLVANIA_ [SYL]\nGREENWATCH_ [NGO]\nMARSH_VALE_ [SYLMVL]\n", r)
	l.AddTABARIAgents("t.agents", "OFFICIAL_ [~GOV]\nCAMPAIGNERS_ [NGO~]\nGOVERNMENT_ [~GOVEXE]\n", r)
	if len(r.Skipped) > 0 {
		t.Fatalf("skipped: %q", r.Skipped)
	}
	tests := []struct {
		name, text, want string
	}{
		{"a prefix cut off an actor stays out of it", "Freedonia joined an anti- Sylvania rally.", "Freedonia=FRD; Sylvania=SYL"},
		{"an imported agent modifying a subject", "The senior official press office Zorbat grumbled.", "The senior official press office Zorbat=---GOV"},
		{"a prefix agent repeating the code", "Campaigners Greenwatch grumbled.", "Campaigners Greenwatch=NGO"},
		{"a prefix agent of a state", "Freedonia's campaigners grumbled.", "Freedonia's campaigners=NGOFRD"},
		{"but not an object", "Freedonia paid an official visit to Sylvania.", "Freedonia=FRD; Sylvania=SYL"},
		{"an imported agent after a state's possessive, as a modifier too", "Osterlich praised Sylvania's government radio.", "Sylvania's government=SYLGOVEXE"},
		{"dyad's own reading of it without the possessive", "Osterlich praised the government radio.", ""},
		{"a place's actor after \"of\" is what a possessor's act is about", "Osterlich praised Freedonia's blockade of Marsh Vale.", "Freedonia's blockade of Marsh Vale=FRD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &dyad.Analysis{Doc: dyad.Doc{ID: "t", Text: tc.text, Date: "2020-01-01"}}
			if err := text.Analyze(a); err != nil {
				t.Fatal(err)
			}
			if err := actor.New(l).Resolve(a); err != nil {
				t.Fatal(err)
			}
			if got := codes(a); got != tc.want {
				t.Errorf("%s\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestTheyPrefersTheSentenceSubject(t *testing.T) {
	a := analyse(t, "Syrian protesters attacked Iranian officials when they entered the square.", "")
	if got := codes(a); !strings.Contains(got, "they=SYROPP") {
		t.Errorf("got %q, want they=SYROPP", got)
	}
}

func TestPlacesLendTheirCountry(t *testing.T) {
	l := lexicon.New()
	if errs := l.AddActors("t.txt", dict); len(errs) > 0 {
		t.Fatal(errs)
	}
	places := testPlaces{"Port Marlow": "EGY", "Tehran/SYR": "SYR"}
	for _, tc := range []struct{ text, want string }{
		{"Protesters clashed with the court in Port Marlow.", "Protesters=EGYOPP; the court=EGYJUD; Port Marlow=EGY"},
		{"Protesters clashed with the court in Port Vesta.", "Protesters=---OPP; the court=---JUD"},
		// "areas of X" is a place phrase too
		{"Protesters filled the streets of Port Marlow.", "Protesters=EGYOPP; Port Marlow=EGY"},
		// (the place is a mention of its country, as a capital is); officials do
		// not take a place's country (visitors go places)
		{"The official arrived in Port Marlow.", "The official=---GOV; Port Marlow=EGY"},
		// a capital with a namesake city in the one other state the
		// sentence names is that city
		{"The Syrian military met the court in Tehran.", "The Syrian military=SYRMIL; the court in Tehran=SYRJUD"},
		{"The Hungarian military met the court in Tehran.", "The Hungarian military=HUNMIL; the court in Tehran=IRNJUD"},
	} {
		a := &dyad.Analysis{Doc: dyad.Doc{ID: "t", Text: tc.text}}
		if err := text.Analyze(a); err != nil {
			t.Fatal(err)
		}
		if err := actor.NewWithPlaces(l, places).Resolve(a); err != nil {
			t.Fatal(err)
		}
		if got := codes(a); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPairsAreNotTheirOwnClausesOtherParties(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		// after "between", the pair is not the subjects before it
		{"Iran met Syria. Egypt and Hungary hosted talks between the two sides.", "Iran=IRN; Syria=SYR; Egypt=EGY; Hungary=HUN; the two sides=IRN; the two sides=SYR"},
		// nor the objects of its own clause
		{"Egypt and Hungary hosted talks between Iran and Syria. Both countries thanked Egypt and Hungary.", "Egypt=EGY; Hungary=HUN; Iran=IRN; Syria=SYR; Egypt=EGY; Hungary=HUN; Both countries=IRN; Both countries=SYR"},
		// adjectives may stand between "the two" and the noun
		{"Iran met Syria. The two nuclear-armed neighbours spoke.", "Iran=IRN; Syria=SYR; The two nuclear-armed neighbours=IRN; The two nuclear-armed neighbours=SYR"},
		// a name may modify the pair's noun, and gives way to the pair
		{"Iran met Syria. The two OPEC allies spoke.", "Iran=IRN; Syria=SYR; The two OPEC allies=IRN; The two OPEC allies=SYR"},
		{"Iran met Hungary. The two Kremlin allies spoke.", "Iran=IRN; Hungary=HUN; The two Kremlin allies=IRN; The two Kremlin allies=HUN"},
		// an agent "of both countries" is each country's
		{"Iran met Syria. The ministers of both countries spoke.", "Iran=IRN; Syria=SYR; The ministers of both countries=IRNGOV; The ministers of both countries=SYRGOV"},
		// an earlier pair counts as its two parties
		{"Iran met Syria. Egypt hosted talks between the two sides. Both countries thanked Egypt.", "Iran=IRN; Syria=SYR; Egypt=EGY; the two sides=IRN; the two sides=SYR; Egypt=EGY; Both countries=IRN; Both countries=SYR"},
	} {
		if got := codes(analyse(t, tc.text, "")); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// testPlaces knows places by name; all are major.
type testPlaces map[string]string

func (p testPlaces) CountryOf(name string) string        { return p[name] }
func (p testPlaces) MajorCountryOf(name string) string   { return p[name] }
func (p testPlaces) IsPlaceIn(name, country string) bool { return p[name+"/"+country] != "" }
