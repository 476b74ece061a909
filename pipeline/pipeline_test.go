package pipeline_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/bench"
	"github.com/dyad-events/dyad/pipeline"
)

// TestGeneratedCorpusCodesWithoutErrors runs every stage over a generated
// news corpus: no document may fail, and every span must index the text.
func TestGeneratedCorpusCodesWithoutErrors(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := bench.Generate(3000, 7)
	events := 0
	for _, d := range c.Docs {
		a, err := p.Analyze(d)
		if err != nil {
			t.Errorf("%s: %v", d.ID, err)
			continue
		}
		runes := []rune(d.Text)
		for _, e := range a.Events {
			events++
			for _, sp := range []dyad.TextSpan{e.Verb, {Text: e.Source.Text, Start: e.Source.Start, End: e.Source.End}} {
				if sp.Start < 0 || sp.End > len(runes) || sp.Start >= sp.End || string(runes[sp.Start:sp.End]) != sp.Text {
					t.Fatalf("%s: span %+v does not index the text", d.ID, sp)
				}
			}
			if e.Code == "" || e.Root == "" || e.QuadClass < 1 || e.QuadClass > 4 || e.Rule == "" {
				t.Fatalf("%s: incomplete event %+v", d.ID, e)
			}
		}
	}
	if events == 0 {
		t.Fatal("no events coded on the generated corpus")
	}
}

// TestRecordContract checks the JSON field names other tools read.
func TestRecordContract(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := p.Process(dyad.Doc{ID: "d1", Text: "TEHRAN (IP) - Iran's defence minister met his Syrian counterpart in Tehran on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rec)
	for _, field := range []string{`"doc":`, `"dateline":`, `"sentences":`, `"entities":`, `"events":`, `"quotes":[]`, `"places":[{"name":"TEHRAN"`,
		`"lat":`, `"lon":`, `"geonameid":`, `"feature":`, `"admin1":`, `"place":{`,
		`"quad_class":`, `"goldstein":`, `"plover":`, `"source":`, `"target":`, `"verb":`, `"rule":`, `"negated":`, `"url":null`} {
		if !strings.Contains(string(b), field) {
			t.Errorf("record lacks %s: %s", field, b)
		}
	}
	if len(rec.Events) == 0 || rec.Events[0].Source.Code != "IRNMIL" || rec.Events[0].Code[:2] != "04" {
		t.Errorf("events = %+v", rec.Events)
	}
}

// TestBadDocumentsAreErrorsNotPanics checks the pipeline's error for text
// that is not news.
func TestBadDocumentsAreErrorsNotPanics(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"", "   \n", "\x00\x01\x02\x03binary", "caf\xe9"} {
		_, err := p.Process(dyad.Doc{ID: "bad", Text: text})
		var de *dyad.Error
		if err == nil || !asError(err, &de) || de.Doc != "bad" || de.Stage != "text" {
			t.Errorf("%q: err = %v, want a *dyad.Error for doc bad at stage text", text, err)
		}
	}
}

func asError(err error, target **dyad.Error) bool {
	e, ok := err.(*dyad.Error)
	if ok {
		*target = e
	}
	return ok
}

// TestEventsInQuotes checks that an event said inside a quotation points
// to it and that the speaking "we" is the speaker's actor.
func TestEventsInQuotes(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "TEHRAN (Wire) - \"We condemn any attack on the sovereignty of Syria,\" Iran's defence minister told reporters on Monday."
	rec, err := p.Process(dyad.Doc{ID: "q", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Quotes) != 1 || rec.Quotes[0].Speaker == nil {
		t.Fatalf("quotes %+v", rec.Quotes)
	}
	found := false
	for _, ev := range rec.Events {
		if ev.Root != "11" {
			continue
		}
		found = true
		if ev.Quote == nil || *ev.Quote != 0 {
			t.Errorf("event %s %s: quote %v, want 0", ev.Code, ev.Verb.Text, ev.Quote)
		}
		if ev.Source == nil || ev.Source.Code != "IRNMIL" {
			t.Errorf("event %s: source %+v, want IRNMIL", ev.Code, ev.Source)
		}
		if ev.Target == nil || ev.Target.Country != "SYR" {
			t.Errorf("event %s: target %+v, want SYR", ev.Code, ev.Target)
		}
	}
	if !found {
		t.Errorf("no disapproval event among %+v", rec.Events)
	}
}

func TestGazetteerPlacesAsActors(t *testing.T) {
	doc := dyad.Doc{ID: "mosul", Text: "Police arrested 20 protesters in Mosul.", Date: "2024-05-01"}
	for _, tc := range []struct {
		only bool
		want string
	}{
		{false, "IRQCOP IRQOPP 173"}, // the place lends its country to both agents
		{true, "---COP ---OPP 173"},  // imported dictionaries: their actors only
	} {
		p, err := pipeline.New(pipeline.Options{DictionaryActorsOnly: tc.only})
		if err != nil {
			t.Fatal(err)
		}
		rec, err := p.Process(doc)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range rec.Events {
			got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Code)
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("DictionaryActorsOnly=%v: events %q, want %q", tc.only, got, tc.want)
		}
	}
}

// TestOwnDictionarySentences codes invented sentences with the embedded
// dictionaries and checks the events that must, or must not, come out.
func TestOwnDictionarySentences(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, text, want string }{
		{"a gerund after against is not done", "Sweden said a new law against supporting terrorist organisations would take effect.", ""},
		{"refraining from an attack is de-escalation, not an attack", "Russia has refrained from attacking Ukrainian ports.", "RUS UKR 087"},
		{"victims of an owned strike", "Four children were killed in an Israeli air strike in Gaza on Friday.", "ISR PSECVL 190"},
		{"an attributive participle describes, it reports nothing", "The community included free people as well as enslaved Africans and German immigrants.", ""},
		{"the first person is no roadside bomb", "\"I think it might be one of our regulars,\" she said.", ""},
		{"a noun modifying a noun is no event", "The countries created a police cooperation centre based in the Brazilian city of Manaus.", ""},
		{"refugees make journeys, not visits", "Syrian refugees arrived in Greece on Monday.", ""},
		{"ending up fighting ends no fighting", "\"They will end up fighting each other,\" she said.", ""},
		{"the Security Council is the UN's", "The Security Council condemned Iran on Monday.", "IGOUNO IRN 111"},
		{"ordering patrols raises police alert", "Iran ordered patrols after the riots.", "IRN - 151"},
		{"the owner of the pattern's noun is the target", "Norway will support Iceland's efforts to join the European Union.", "NOR ISL 032"},
		{"the European Community is the EU", "The European Community condemned Iraq.", "IGOEUREEC IRQ 111"},
		{"a broadcaster's name needs its capitals", "Japan's trade minister visited Russia today.", "JPNGOV RUS 042; RUS JPNGOV 043"},
		{"a people's adjective in a topic is no target", "Chad and Sudan resumed talks on a Sudanese troop withdrawal.", "TCD SDN 046; SDN TCD 046"},
		{"no object inside a relative clause", "Armenia lifted a night curfew in Azerbaijan, where six people were killed in clashes.", "ARM AZE 0813"},
		{"the owner of the pattern's last noun is the target", "Egypt is opposed to Turkish mediation in its border talks with Sudan.", "EGY TUR 126"},
		{"former states keep their codes", "Yugoslav troops attacked Croatia.", "YUGMIL HRV 190"},
		{"a source's own troops are no target", "Rwanda offered its troops to Mozambique's government.", "RWA MOZGOV 0334"},
		{"an ethnic group is of the state it lives in", "Ethnic Uzbeks in southern Kyrgyzstan demanded a UN presence.", "KGZ IGOUNO 100"},
		{"an agent from a people's groups", "Nurses from three Canadian charities donated medicine to Haiti.", "CANHLHNGO HTI 073"},
		{"an office of a place the gazetteer knows", "The governor of Kandahar province met tribal elders.", "AFGGOV ---CVL 040"},
		{"a people of one state gives its country", "Igbo elders accused the Nigerian army of abuses.", "NGACVL NGAMIL 1122"},
		{"what is demanded is not done", "The union demanded that the Brazilian government scrap the new tax.", "---LAB BRAGOV 100"},
		{"a title's capitalised modifier is no name", "The South African Deputy President met Kenyan officials.", "ZAFGOV KENGOV 040"},
		{"a state's police act on its own people", "Egyptian police arrested dozens of demonstrators.", "EGYCOP EGYOPP 173"},
		{"forces loyal to a leader are his country's forces", "Forces loyal to President Bashar al-Assad shelled Homs.", "SYRMIL SYR 194"},
		{"an actor released with no word that it was held is the general release", "Chad released the mayor of a border town on Tuesday.", "TCD ---GOV 084"},
		{"released prisoners are persons released", "Chad released 40 Nigerien prisoners on Tuesday.", "TCD NER 0841"},
		{"alleging is disapproval", "A report published in Chad alleged that Niger had armed the rebels.", "TCD NER 110"},
		{"appreciation is an optimistic comment, thanks praise", "Chad expressed appreciation for Niger's help. Chad thanked Niger.", "TCD NER 013; TCD NER 051"},
		{"a national contingent of peacekeepers is its state", "Rebels attacked Ghanaian peacekeepers near the border.", "---REB GHA 190"},
		{"two states exchanging fire across a border fire at each other", "Thailand and Cambodia exchanged fire across the border on Monday.", "THA KHM 193; KHM THA 193"},
		{"rejecting an accusation denies it to the accuser", "Chad rejected Nigerien accusations of meddling.", "TCD NER 016"},
		{"a request for military aid from a state", "Ukraine requested military aid from Poland.", "UKR POL 0232"},
		{"bodies returned to a state", "Niger returned the bodies of the soldiers to Chad.", "NER TCD 0841"},
		{"jets bombing positions employ aerial weapons", "Chadian jets bombed rebel positions in Libya.", "TCDMIL LBYREB 195"},
		{"an unpopulated peninsula places an agent in its state", "Militants attacked a police station in Sinai.", "EGYREB EGYCOP 190"},
		{"a state's report of another's violence accuses it, and the violence is coded", "Chad said that Niger had attacked Mali.", "TCD NER 112; NER MLI 190"},
		{"a report of its own violence claims it", "Chad said it attacked Boko Haram.", "TCD NGAREB 015; TCD NGAREB 190"},
		{"concern about a state's doing is a pessimistic comment on it", "Japan voiced concern over China's military activities.", "JPN CHN 012"},
		{"a city a verb of attack takes is its state", "Separatists shelled Mariupol on Monday.", "---REB UKR 194"},
		{"a backer is not the actor's state", "Turkish-backed Syrian rebels attacked a Kurdish village.", "SYRREB KUR 190"},
		{"a captured place is occupied, not arrested", "Rebels captured Raqqa after a long siege.", "---REB SYR 192"},
		{"a people is no foreign victim of the place", "The monitor said 24 Kurdish fighters were killed in clashes in Afrin.", ""},
		{"blaming a state is accusing it", "Chad blames Niger in the affair.", "TCD NER 112"},
		{"those expelled from a state are its expulsions", "Two Nigerien diplomats were expelled from Chad.", "TCD NERGOV 174"},
		{"people leaving for a province make a journey", "Thousands of people, fighters and their families, have been leaving for Idlib province.", ""},
		{"condemnation received names its source", "Chad received condemnation from the African Union.", "IGOAFROAU TCD 111"},
		{"praise received names its source", "Chad received praise from Niger's president.", "NERGOV TCD 051"},
		{"a people of no state placed in a country is of that country", "Turkish warplanes bombed Kurdish rebels in Iraq.", "TURMIL IRQREB 195"},
		{"accusing of lying is accusing", "Chad accused Niger of lying.", "TCD NER 112"},
		{"money given to a state is economic aid", "Qatar gave $1 billion to Egypt.", "QAT EGY 071"},
		{"a visit is coded both ways", "Chad's president visited Niger.", "TCDGOV NER 042; NER TCDGOV 043"},
		{"a named place recaptured from an armed group", "Iraqi forces recaptured Ramadi from Islamic State militants.", "IRQMIL IMGMUSISI 192"},
		{"a headline participle with a by-agent is passive", "British soldier killed in Syria by Islamic State fighters.", "IMGMUSISI GBRMIL 190"},
		{"an investigation ordered is a demand for information", "Chad ordered an investigation against Niger.", "TCD NER 1014"},
		{"air strikes that killed people are one attack, coded as the strikes", "Israeli air strikes killed at least 22 people overnight.", "ISR ---PPL 195"},
		{"a state's attacks that killed fighters are military force", "Recent US drone attacks have killed eight Taliban commanders.", "USA AFGGOV 1952"},
		{"what an invitation is to is not done", "Chad accused the envoy of ignoring an invitation to meet Niger's minister.", "TCD ---GOV 112"},
		{"the one charged denies the accuser's charge", "Chad accused Niger of arming rebels, a charge Niger rejects.", "TCD NER 1123; NER TCD 016"},
		{"an intended visit has no host yet", "Chad's president plans to visit Niger.", "TCDGOV NER 036"},
		{"an agreement signed with a state is signed by both", "Chad signed a security pact with Niger.", "TCD NER 057; NER TCD 057"},
		{"a truce proposed between two others is an appeal to them", "Egypt proposed a ceasefire between Chad and Niger.", "EGY TCD 0256; EGY NER 0256"},
		{"a reminder that a state must act is a demand", "Chad issued a stern reminder on Monday to Niger that it must respect the border.", "TCD NER 100"},
		{"two armies facing off show force at each other", "Thai and Cambodian troops faced off near the temple.", "THAMIL KHMMIL 150; KHMMIL THAMIL 150"},
		{"a plural noun titles no name: the unknown subject is no one", "The women told police Bassett threatened to stab them.", ""},
		{"a visit at home has no host", "Chad's president visited Chadian troops in Abeche.", "TCDGOV TCDMIL 042"},
		{"a state won in a vote is not captured", "Senator Ted Cruz has captured Iowa.", ""},
		{"only states and armed groups show force", "Senator Chuck Grassley will face off with Governor Patty Judge.", ""},
		{"a politician's attack on another is words", "Chadian President Idriss Deby attacked Nigerien President Mohamed Bazoum in a speech.", "TCDGOV NERGOV 111"},
		{"a region hosts no visit", "Chad's president travelled to Europe last week.", "TCDGOV EUR 042"},
		{"'not only … but also' negates nothing, and imports are no guests", "Germany not only received Chinese imports but also praised China.", "DEU CHN 051"},
		{"a refused reception hosts no one", "Chad refused to receive the Nigerien envoy.", "TCD NERGOV 125"},
		{"a call for a state's troops to leave is an appeal for de-escalation", "Chad called for the withdrawal of Nigerien troops from the border.", "TCD NERMIL 0256"},
		{"a people of no state acts in the state the clause places it in", "Chadian jets bombed Kurdish rebel positions in northern Iraq.", "TCDMIL IRQREB 195"},
		{"clashes between two sides are each side's", "There were clashes between Chadian and Nigerien troops.", "TCDMIL NERMIL 190; NERMIL TCDMIL 190"},
		{"duties on a state's goods named by their value", "Chad imposed duties on $3 billion of imports from Niger.", "TCD NER 163"},
		{"fighting a state's sanctions is no use of force", "Chad vowed to fight Nigerien sanctions.", "NER - 163"},
		{"a verb the tagger reads as a noun after 'to'", "Chad vowed to wage a relentless war against Boko Haram.", "TCD NGAREB 138"},
		{"the one who backs a subject is no subject", "Chadian forces backed by Nigerien militias launched an offensive against Boko Haram.", "NERUAF TCDMIL 051; TCDMIL NGAREB 190"},
		{"a title in another state's holder's name still names the office", "Chad's King Abdullah met Niger's president.", "TCDGOV NERGOV 040"},
		{"a faction's name no dictionary knows before an agent target", "Chadian troops clashed with Kanuri rebels.", "TCDMIL ---REB 190"},
		{"two sides signing a ceasefire in a third country sign it with each other", "Chad's government and Kanuri rebels signed a ceasefire in Niamey.", "TCDGOV TCDREB 0871; TCDREB TCDGOV 0871"},
		{"relations established with a state are established by both", "Chad established diplomatic relations with Niger.", "TCD NER 054; NER TCD 054"},
		{"talks postponed with a state are halted", "Chad postponed talks with Niger.", "TCD NER 164"},
		{"a curfew imposed on a city is on its state", "The Iraqi army imposed a curfew on Mosul.", "IRQMIL IRQ 1723"},
		{"gunmen storming a hotel attack the people in it", "Militants stormed a hotel in Mogadishu.", "SOMREB SOM 180"},
		{"an adjective-tagged participle before a noun describes it", "Chad expelled two Nigerien diplomats in the poisoned spy dispute.", "TCD NERGOV 161"},
		{"a state's report of troops' deeds is of its own troops, and claims them", "The Chadian army said troops had killed dozens of Boko Haram fighters.", "TCDMIL NGAREB 015; TCDMIL NGAREB 190"},
		{"who is told is no speaker", "\"Niger must end its attacks on Chad,\" the Chadian minister told reporters.", "TCDGOV NER 105"},
		{"the two ministers are the two officials named before", "Chad's defence minister met his Nigerien counterpart. Niger and Mali have clashed. The two ministers discussed border security.", "TCDMIL NERMIL 040; NERMIL TCDMIL 040; TCDMIL NERMIL 040"},
		{"a head of state deploys troops", "Chad's president sent troops to Niger.", "TCDGOV NER 154"},
		{"a titled name of the dateline's country", "BERLIN (dpa) - Defence Minister Jonas Keller met Ukraine's defence minister in Berlin.", "DEUMIL UKRMIL 040"},
	} {
		rec, err := p.Process(dyad.Doc{ID: tc.name, Text: tc.text, Date: "2024-05-01"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range rec.Events {
			tg := "-"
			if e.Target != nil {
				tg = e.Target.Code
			}
			got = append(got, e.Source.Code+" "+tg+" "+e.Code)
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%s: %q\n got %q\nwant %q", tc.name, tc.text, got, tc.want)
		}
	}
}
