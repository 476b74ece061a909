package coder_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
	"github.com/dyad-events/dyad/text"
)

// A small dictionary written for these tests, so they do not move when the
// project's own dictionaries grow.
const testActors = `
country IRN: Iran
country SYR: Syria
country ISR: Israel
country USA: United States | US
country RUS: Russia
country IRQ: Iraq
country UKR: Ukraine
adjective IRN: Iranian
adjective SYR: Syrian
adjective RUS: Russian
adjective IRQ: Iraqi
capital IRN: Tehran
capital RUS: Moscow
agent GOV: minister | government | president | official
agent MILGOV: defence minister | minister of defence
agent MIL: troops | army | forces
agent REB: rebels
agent GOV: diplomat
agent REB: rebel group
agent REB: rebel
agent NGOHRI: rights group
actor SYRREB: Free Army | FSA ; type=GROUP
agent OPP: protesters
agent CVL: villagers
agent MED: reporters
agent PPL: man
agent UAF: gunmen
agent MIL: air defences
agent COP: officers
person USAGOV: Barack Obama | Obama ; from=2009-01-20 ; to=2017-01-20
`

const testVerbs = `
040: meet with + | meet + | hold * talk with + | meet | meet in | discuss
042: visit +
043: host +
060: provide support to + ; neg=121
0841: release +
173: jail
070: provide aid to +
033: announce * aid to +
111: condemn + | criticize | condemn * attack on +
112: accuse + of | accuse +
141: protest against + | protest
173: arrest +
190: strike * targets in + | strike + targets in | attack + | attack by $ | shell + | shelling | kill + | engage in * attack/attacks on + | kill + in * strike/strikes
020: urge + | ask +
174: expel +
161: expel * diplomat
062: cooperate with +
057: sign * agreement
030: be ready/willing to | agree to
130: threaten
180: injure +
194: launch * artillery * fire against +
010: issue * statement
129: block * statement
020: urge + to cooperate
154: deploy * troops
153: deploy * officers
193: % @exchange * fire | exchange * fire
039: offer to mediate
0332: promise * air defences
087: end * fighting
130: threaten to
120: refuse
184: fire * rockets from * areas
1123: accuse + of firing
043: host * talks
0334: pledge * troops
120: reject
051: praise
100: order + to
100: face * pressure from $
070: help +
015: claim attack
175: attack * protesters
175: beat * protesters
182: beat +
036: invite + to | invite +
1823: execute +
045: mediate in/on
`

func setup(t *testing.T) (*actor.Resolver, *coder.Coder) {
	t.Helper()
	l := lexicon.New()
	if errs := l.AddActors("test-actors.txt", testActors); len(errs) > 0 {
		t.Fatal(errs)
	}
	if errs := l.AddVerbs("test-verbs.txt", testVerbs); len(errs) > 0 {
		t.Fatal(errs)
	}
	return actor.New(l), coder.New(l)
}

func code(t *testing.T, r *actor.Resolver, c *coder.Coder, s, date string) []string {
	t.Helper()
	a := &dyad.Analysis{Doc: dyad.Doc{ID: "t", Text: s, Date: date}}
	if err := text.Analyze(a); err != nil {
		t.Fatal(err)
	}
	if err := r.Resolve(a); err != nil {
		t.Fatal(err)
	}
	if err := c.Code(a); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range a.Events {
		tg := "-"
		if e.Target != nil {
			tg = e.Target.Code
		}
		out = append(out, fmt.Sprintf("%s %s %s", e.Source.Code, tg, e.Code))
		if e.Rule == "" || e.Verb.Text == "" {
			t.Errorf("event without rule or verb: %+v", e)
		}
		if got := string([]rune(s)[e.Verb.Start:e.Verb.End]); got != e.Verb.Text {
			t.Errorf("verb span %q does not index %q", got, e.Verb.Text)
		}
	}
	return out
}

func TestCode(t *testing.T) {
	r, c := setup(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"active", "Iran attacked Syria on Monday.", []string{"IRN SYR 190"}},
		{"phrasal with gap", "The Iranian minister held two days of talks with Syria.", []string{"IRNGOV SYR 040"}},
		{"passive with by", "Syria was attacked by Iranian forces.", []string{"IRNMIL SYR 190"}},
		{"passive without agent", "Syrian rebels were attacked on Monday.", nil},
		{"passive with by after the pattern", "Syrian rebels were killed in an air strike by Iranian forces.", []string{"IRNMIL SYRREB 190"}},
		{"negation without neg code", "Iran did not condemn Syria.", nil},
		{"negation with neg code", "The United States would not provide support to Israel.", []string{"USA ISR 121"}},
		{"intent", "Russia wants to attack Ukraine.", []string{"RUS UKR 138"}},
		{"compound subject", "Iran and Syria condemned Israel.", []string{"IRN ISR 111", "SYR ISR 111"}},
		{"compound target", "Israel condemned Iran and Syria.", []string{"ISR IRN 111", "ISR SYR 111"}},
		{"compound subject no target", "Iran and Syria met on Monday.", []string{"IRN SYR 040", "SYR IRN 040"}},
		{"attribution tail", "Iran condemned Israel, a Syrian official said on Monday.", []string{"IRN ISR 111"}},
		{"relative clause actor", "Iran, which Russia criticized, hosted Syria.", []string{"RUS - 111", "IRN SYR 043"}},
		{"possessive agent", "Iran's defence minister met with the Syrian president.", []string{"IRNMIL SYRGOV 040"}},
		{"of-country agent", "The Minister of Defence of Syria visited Tehran.", []string{"SYRMIL IRN 042"}},
		{"appeal with complement", "Russia urged Iran to provide aid to Syria.", []string{"RUS IRN 023"}},
		{"dated person", "Obama condemned Russia.", []string{"USAGOV RUS 111"}},
		{"pronoun subject", "Obama said he would not provide support to Israel.", []string{"USAGOV ISR 121"}},
		{"protest", "Iranian protesters protested against Russia.", []string{"IRNOPP RUS 141"}},
		{"violence by protesters is a riot", "Iranian protesters attacked Syria.", []string{"IRNOPP SYR 145"}},
		{"an accident is no agent", "Syrian rebels were killed by the Iranian airliner crash.", nil},
		{"violence against fighters is military force", "Iranian troops injured Syrian rebels.", []string{"IRNMIL SYRREB 190"}},
		{"violence against civilians stays unconventional", "Iranian troops injured Syrian protesters.", []string{"IRNMIL SYROPP 180"}},
		{"violence by a state's forces is military force", "Iranian troops injured three Syrian villagers.", []string{"IRNMIL SYRCVL 190"}},
		{"violence by irregulars stays unconventional", "Iranian gunmen injured three Syrian villagers.", []string{"IRNUAF SYRCVL 180"}},
		{"a statement's act is its issuer's", "Iran issued a statement strongly condemning Syria.", []string{"IRN SYR 111"}},
		{"a statement alone is a statement", "Iran issued a statement on Monday.", []string{"IRN - 010"}},
		{"a complaint tail criticises the subject", "Iran is failing Syrian refugees, a rights group complained on Monday.", []string{"---NGO IRN 111"}},
		{"a charge tail accuses the subject", "Russian troops shelled Syria, the Free Army charged.", []string{"RUSMIL SYR 190", "SYRREB RUSMIL 112"}},
		{"a charge with an object is no tail", "Russian troops shelled Syria, and Iran charged the Free Army.", []string{"RUSMIL SYR 190"}},
		{"a perfect say verb passes its subject on", "Iran has said it will condemn Syria.", []string{"IRN SYR 111"}},
		{"an object after to and a quantifier is no subject", "Israel opened its borders on Monday to most Iraqi Kurds driven out of Turkey as refugees, but was refusing entry to Russia.", []string{"ISR RUS 120"}},
		{"ways to attack discussed are not attacks", "Iran met Syria on Tuesday to discuss ways to attack Israel.", []string{"IRN SYR 040"}},
		{"a gap crosses the commas of a list", "Russian troops launched artillery, mortar, and rocket fire against Syrian rebels.", []string{"RUSMIL SYRREB 194"}},
		{"a gap stops at a clause comma", "Russian troops launched artillery, and fire against Syrian rebels came later.", nil},
		{"foreign fighters hurt in a country, by that country", "Syrian rebels were injured in Iran.", []string{"IRN SYRREB 190"}},
		{"a passive pattern that goes on with a preposition", "Syria was accused of attacks by Iran.", []string{"IRN SYR 112"}},
		{"claim of another's attack", "Iran claimed that Russia had attacked Ukraine.", []string{"IRN RUS 112"}},
		{"claim of own attack", "Iran claimed that it had attacked Syria.", []string{"IRN SYR 015"}},
		{"must under say verb", "Russia said that Iran must cooperate with Syria.", []string{"RUS IRN 101"}},
		{"participle takes main subject", "Russian troops shelled Syria, killing eight Syrian rebels.", []string{"RUSMIL SYR 190", "RUSMIL SYRREB 190"}},
		{"a thing of an actor attacked is the actor attacked", "The offices of the Free Army were attacked by Iranian troops.", []string{"IRNMIL SYRREB 190"}},
		{"irregulars attacking civilians is unconventional", "Iranian gunmen attacked Syrian villagers.", []string{"IRNUAF SYRCVL 180"}},
		{"a rounded number is no preposition", "About 200 Syrian rebels attacked Iran.", []string{"SYRREB IRN 190"}},
		{"the aim of an offer is not done", "Iran offered to mediate between Syria and Israel to end the fighting.", []string{"IRN SYR 039", "IRN ISR 039"}},
		{"a threat to act is one threat", "Iran threatened to attack Israel.", []string{"IRN ISR 138"}},
		{"a purpose after a place is the meeting's", "Iran met Syria in Tehran to discuss Israel.", []string{"IRN SYR 040"}},
		{"the thing a pattern names is no target", "Iran promised air defences to Syria.", []string{"IRN SYR 0332"}},
		{"a past participle after a number is an adjective", "Iran criticized the two exiled Syrian rebels.", []string{"IRN SYRREB 111"}},
		{"two sides named together fire at each other", "Iran and Syria exchanged fire on Monday.", []string{"IRN SYR 193", "SYR IRN 193"}},
		{"one side alone fires at no one named", "Iran exchanged fire on Monday.", []string{"IRN - 193"}},
		{"what someone is suspected of is no event", "Iran jailed Syrian rebels suspected of injuring Russian troops.", []string{"IRN SYRREB 173"}},
		{"what someone is accused of trying to do is no event", "Iran accused Syria of trying to attack Israel.", []string{"IRN SYR 112"}},
		{"a gerund after a charge's object is charged", "Iranian officers arrested Syrian rebels suspected of plotting to attack Russia.", []string{"IRNCOP SYRREB 173"}},
		{"an actor before the thing struck is the target, not the place", "Iranian forces struck Syrian rebel targets in Iraq.", []string{"IRNMIL SYRREB 190"}},
		{"a say verb after a comma with no speaker after it is the sentence's", "Syrian rebels, the Free Army above all, claimed the attack.", []string{"SYRREB - 015"}},
		{"people in general give way to the others named with them", "Syrian villagers and a man were attacked by Iranian forces.", []string{"IRNMIL SYRCVL 190"}},
		{"an infinitive after a demand's source is what it is for", "Obama faces pressure from Russia to help Syria.", []string{"RUS USAGOV 100"}},
		{"those urged are to act, not the one urging", "Russia urged the parties to attack Syria.", nil},
		{"an unresolved pronoun after told is the teller's", "Iran told reporters it would attack Syria.", []string{"IRN SYR 190"}},
		{"a state ordering its own forces acts through them", "Iran ordered Iranian troops to attack Syria.", []string{"IRN SYR 190"}},
		{"ordering another state is a demand", "Iran ordered Syria to attack Israel.", []string{"IRN SYR 100"}},
		{"a modifier tagged as a name stays in a coordination, and the agent takes the first member's state", "The Iranian government and Baluch rebels attacked Syria.", []string{"IRNGOV SYR 190", "IRNREB SYR 190"}},
		{"a place after through is no subject", "Hundreds of Syrian protesters marched through central Tehran to protest against Russia.", []string{"SYROPP RUS 141"}},
		{"the subject of a gerund after 'after' is the main clause's", "The Iranian minister told reporters after meeting Russia that Syria was ready.", []string{"IRNGOV RUS 040"}},
		{"condemning the attack the story told targets its attacker", "Russian troops attacked Ukraine. Iran criticized the attack.", []string{"RUSMIL UKR 190", "IRN RUSMIL 111"}},
		{"an object search stops at a coordinated verb", "Iran praised the report and attacked Syria.", []string{"IRN - 051", "IRN SYR 190"}},
		{"an obligation no one is said to demand is not done", "Iranian troops must attack Syria.", nil},
		{"the subject of a gerund after with", "Iran and Syria met, with Russia agreeing to attack Israel.", []string{"IRN SYR 040", "SYR IRN 040", "RUS ISR 190"}},
		{"what a call is for is not done", "Iran rejected a call for Syrian troops to attack Israel.", []string{"IRN SYRMIL 120"}},
		{"a state itself is its forces", "Iran injured Syrian villagers.", []string{"IRN SYRCVL 190"}},
		{"the act spoken of gives its owner as target", "Iran criticized as a crime the Syrian attack on Israel.", []string{"IRN SYR 111"}},
		{"what an effort or a bid aims at is not done", "Iranian efforts to attack Syria failed.", nil},
		{"what is demanded is not done, a time word between", "Iran repeated its demand on Monday that Russia attack Syria.", nil},
		{"a clause after a subordinator has its own subject", "Iran protested against Russia after Syrian rebels attacked Israel.", []string{"IRN RUS 114", "SYRREB ISR 190"}},
		{"a clause after before under a modal is not done", "Iran said Russia must leave before Syrian rebels attack Israel.", []string{"IRN RUS 100"}},
		{"a capital before an attack noun is where, not whose", "Iran criticized the Moscow attacks on Monday.", []string{"IRN - 111"}},
		{"foreigners arrested in a country are its arrests", "Two Syrian rebels were arrested in Iran on Monday.", []string{"IRN SYRREB 173"}},
		{"a participle after the subject is no clause of its own", "Gunmen linked to Iran attacked Israel.", []string{"---UAF ISR 190"}},
		{"an act a verb speaks of is not coded beside it", "Iran criticized the Russian attack on Syria.", []string{"IRN RUS 111"}},
		{"a passive's agent is not what the pattern's gap reaches", "The Syrian diplomat was beaten by Iranian protesters.", []string{"IRNOPP SYRGOV 145"}},
		{"forces' violence against protesters is repression", "Iranian protesters were attacked by Iranian officers.", []string{"IRNCOP IRNOPP 175"}},
		{"an infinitive after a pledged thing is not the pledger's act", "Iran pledged troops to attack Israel.", []string{"IRN ISR 0334"}},
		{"a passive invitation with its inviter after a place", "Obama was invited to Moscow by Russia.", []string{"RUS USAGOV 036"}},
		{"an agent word before a group's positions names the group", "The Iranian army shelled rebel positions.", []string{"IRNMIL ---REB 190"}},
		{"troops placed in a country are the source's own", "The Syrian army deployed troops in Iran on Monday.", []string{"SYRMIL - 154"}},
		{"police placed in a country are the source's own", "Iran deployed officers in Syria.", []string{"IRN - 153"}},
		{"troops deployed are the source's own", "The Iranian army deployed troops on Monday.", []string{"IRNMIL - 154"}},
		{"an agreement to act is one event, the act", "Iran and Syria agreed to jointly attack Israel.", []string{"IRN ISR 190", "SYR ISR 190"}},
		{"the two sides after and are the subject", "Iran's defence minister met his Syrian counterpart and the two sides agreed to cooperate with Russia.", []string{"IRNMIL SYRMIL 040", "SYRMIL RUS 031", "IRNMIL RUS 031"}},
		{"a slot takes coordinated actors before the pattern's next word", "Russia urged Iran and Syria to cooperate with Israel.", []string{"RUS IRN 020", "RUS SYR 020"}},
		{"a purpose clause's subject is its verb's", "Iran visited Syria to urge Israel to cooperate with Russia.", []string{"IRN SYR 042", "IRN ISR 020"}},
		{"a state's organ does not condemn its own state", "The Iranian government criticized the strike on Iran.", []string{"IRNGOV - 111"}},
		{"what a blocked statement says is not done", "Iran blocked a Russian statement criticizing Syria.", []string{"IRN RUS 129"}},
		{"an attack's toll is no second attack", "Russian troops shelled Syria overnight, killing eight villagers.", []string{"RUSMIL SYR 190"}},
		{"noun anchor owner", "Eight Syrian rebels died in Russian shelling.", []string{"RUS SYRREB 190"}},
		{"pledge keeps coercion", "Iran pledged to expel Syrian rebels.", []string{"IRN SYRREB 174"}},
		{"pledge of cooperation is intent", "Iran pledged to provide aid to Syria.", []string{"IRN SYR 033"}},
		{"first person in a quote is the speaker", "\"We condemn any attack on Syria,\" the Iranian minister said.", []string{"IRNGOV SYR 111"}},
		{"reduced relative is passive", "Iran released the Syrian official, a rebel leader jailed a year ago.", []string{"IRN SYRGOV 0841"}},
		{"reduced relative with by-agent", "Russia condemned the Syrian rebels attacked by Iranian forces.", []string{"RUS SYRREB 111", "IRNMIL SYRREB 190"}},
		{"a say verb governing a clause after a leading phrase ends no sentence", "In a statement, the Iranian minister said it condemned Syria.", []string{"IRNGOV SYR 111"}},
		{"clause after say verb is active", "Russia said Syrian rebels attacked Ukraine.", []string{"RUS SYRREB 112", "SYRREB UKR 190"}},
		{"an attribution tail accuses no one", "Syrian rebels attacked Ukraine, Russia said.", []string{"SYRREB UKR 190"}},
		{"participle before the target", "Iran criticized the two exiled Syrian rebels.", []string{"IRN SYRREB 111"}},
		{"participant target before place", "Iranian protesters protested in Tehran against Russia.", []string{"IRNOPP RUS 141"}},
		{"place as target when no participant", "Iranian protesters protested in Syria.", []string{"IRNOPP SYR 141"}},
		{"domestic protest targets the country", "Iranian protesters protested in Tehran.", []string{"IRNOPP IRN 141"}},
		{"pattern word as the target's head noun", "Iran expelled two Russian diplomats.", []string{"IRN RUSGOV 161"}},
		{"must with no dictionary verb", "Russia said Iran must ensure security.", []string{"RUS IRN 100"}},
		{"quantity before the subject", "Up to 1,000 Iranian protesters protested against Russia.", []string{"IRNOPP RUS 141"}},
		{"sworn to fight is a threat", "Syrian rebels have sworn to attack Iran.", []string{"SYRREB IRN 138"}},
		{"must inside a quotation is the speaker's demand", "\"Iranian troops must withdraw,\" said the Syrian minister.", []string{"SYRGOV IRNMIL 100"}},
		{"accusation absorbs its gerund", "Russia accused Iranian troops and their Syrian partners of attacking Ukraine.", []string{"RUS IRNMIL 112", "RUS SYR 112"}},
		{"bare commitment", "Iran agreed to the proposal of Syria.", []string{"IRN SYR 030"}},
		{"commitment to a dictionary action is that action's intent", "Iran is ready to attack Syria.", []string{"IRN SYR 138"}},
		{"announced coercion is the act", "Russia said it would attack Ukraine.", []string{"RUS UKR 190"}},
		{"conditional coercion is a threat", "Russia will attack Ukraine if talks fail.", []string{"RUS UKR 138"}},
		{"a condition is no event", "Iran will attack Syria unless Syrian rebels leave.", []string{"IRN SYR 138"}},
		{"nor a clause opening with if", "If Syrian rebels attack Iran, Russia will condemn Syria.", []string{"RUS SYR 111"}},
		{"a threat is made to the subject of its condition", "Iran threatened reprisals unless Syrian rebels left the border.", []string{"IRN SYRREB 130"}},
		{"denied clause is not coded", "Russia denied that Russian troops attacked Ukraine.", nil},
		{"reduced passive after the object is not the target", "Iran and Syria met on Monday, a day backed by Russia.", []string{"IRN SYR 040", "SYR IRN 040"}},
		{"new clause after ', and' is active", "Syrian rebels attacked Iran, and Iran attacked Syria.", []string{"SYRREB IRN 190", "IRN SYR 190"}},
		{"clause after a say verb with a possessive subject", "Russia said its troops attacked Ukraine.", []string{"RUSMIL UKR 190"}},
		{"participle between nouns in the subject", "Iranian troops using laser guided missiles attacked Syria.", []string{"IRNMIL SYR 190"}},
		{"be engaged in is active", "Iranian troops were engaged in attacks on Syria.", []string{"IRNMIL SYR 190"}},
		{"reciprocal agreement with an infinitive purpose, which is not done", "Iran and Syria signed an agreement to attack Syrian rebels.", []string{"IRN SYR 057", "SYR IRN 057"}},
		{"neither nor negates", "Neither Iran nor Syria condemned Israel.", nil},
		{"comma list of subjects", "Iran, Syria and Russia condemned Israel.", []string{"IRN ISR 111", "SYR ISR 111", "RUS ISR 111"}},
		{"relative pronoun subject", "The Syrian minister, who visited Tehran, condemned Israel.", []string{"SYRGOV IRN 042", "SYRGOV ISR 111"}},
		{"appositive with a relative clause before the verb", "Iran, a country that borders Syria, condemned Israel.", []string{"IRN ISR 111"}},
		{"a statement speaks for the capital it was issued in", "A statement issued in Tehran condemned Israel.", []string{"IRN ISR 111"}},
		{"a statement speaks for its issuer", "A statement issued by the Iranian minister condemned Israel.", []string{"IRNGOV ISR 111"}},
		{"a statement issued at a time has no issuer", "A statement issued on Monday condemned Israel.", nil},
		{"spokesman for an actor", "A spokesman for the Iranian government condemned Israel.", []string{"IRNGOV ISR 111"}},
		{"the two countries", "Iran met Syria. Both countries signed an agreement.", []string{"IRN SYR 040", "SYR IRN 057", "IRN SYR 057"}},
		{"coordinated parties meeting in a place meet each other", "Iranian and Syrian officials met in Moscow.", []string{"IRNGOV SYRGOV 040", "SYRGOV IRNGOV 040"}},
		{"a gap does not cross a clause", "Iran announced it would attack Syria.", []string{"IRN SYR 190"}},
		{"condemning an attack targets the attacker", "Russian troops attacked Ukraine. Iran condemned the attack on Ukraine.", []string{"RUSMIL UKR 190", "IRN RUSMIL 111"}},
		{"condemning an owned attack targets its owner", "Iran condemned the Russian attack on Ukraine.", []string{"IRN RUS 111"}},
		{"he prefers the previous sentence's subject", "The Iranian minister met the Syrian minister. He condemned Israel.", []string{"IRNGOV SYRGOV 040", "IRNGOV ISR 111"}},
		{"say verb before a noun-phrase clause is no subject", "Iran said the strikes hit Syria, killing eight Syrian rebels.", nil},
		{"yet to is not done", "Iran has yet to condemn Israel.", nil},
		{"the owner of the strike a passive was done in", "Syrian rebels were killed in a Russian air strike.", []string{"RUS SYRREB 190"}},
		{"victims take the country of the place they were hit in", "Four protesters were killed in a Russian air strike in the east of Syria.", []string{"RUS SYROPP 190"}},
		{"a negated governor of an infinitive", "Iran did not want Syrian rebels to attack Russia.", nil},
		{"nor a right denied", "Iran has no right to attack Syria, Russia said.", nil},
		{"negation after the infinitive's governor is not its own", "Russia urged Iran not to attack Syria.", []string{"RUS IRN 020"}},
		{"a gerund after of is its governor's", "Russia accused Iran of firing rockets from civilian areas.", []string{"RUS IRN 1123"}},
		{"a compound across an abbreviation in brackets", "Iran and the Free Army (FSA) rebel group signed an agreement.", []string{"IRN SYRREB 057", "SYRREB IRN 057"}},
		{"an agent noun is no form of its verb", "Iranian mediators on Monday condemned Russia.", []string{"IRN RUS 111"}},
		{"co-hosts do not host each other, nor the venue", "Iran and Syria hosted talks in Moscow.", []string{"IRN - 043", "SYR - 043"}},
		{"a state's protest is an official complaint", "Iran protested against Russia.", []string{"IRN RUS 114"}},
		{"people's protest is a demonstration", "Iranian protesters protested against Russia.", []string{"IRNOPP RUS 141"}},
		{"a place after of and a modifier is no subject", "Thousands of the Russian-held Ukraine walked out to protest against Russia.", nil},
		{"the object of a participle after a noun is no subject", "A group involving Iran and Syria condemned Russia.", nil},
		{"an actor before the participle is", "Syrian rebels backing Iran condemned Russia.", []string{"SYRREB RUS 111"}},
		{"a document is received, not hosted", "Iran cited a statement hosted by Syria.", nil},
		{"a new clause's subject is no conjoined target", "Russia attacked Syrian rebels, and Iran condemned Syria.", []string{"RUS SYRREB 190", "IRN SYR 111"}},
		{"nor a pronoun after and", "Obama attacked Syrian rebels and he condemned Syria.", []string{"USAGOV SYRREB 190", "USAGOV SYR 111"}},
		{"an object relative clause with a pronoun subject", "Russia attacked Syrian rebels it criticized.", []string{"RUS SYRREB 190", "RUS SYRREB 111"}},
		{"a gap does not cross a comma", "Iran condemned the decision, and the attack on Syria went on.", nil},
		{"a rights monitor's report of violence accuses the perpetrator", "A Syrian rights group said Iranian troops attacked Syrian rebels.", []string{"SYRNGO IRNMIL 112", "IRNMIL SYRREB 190"}},
		{"so does a government's report before the clause", "The Syrian government said Iranian troops attacked Syrian rebels.", []string{"SYRGOV IRNMIL 112", "IRNMIL SYRREB 190"}},
		{"a passive whose target is a thing is not the pattern's act", "The old plans were executed by Iranian troops.", nil},
		{"but things may be attacked", "The old prisons were attacked by Iranian troops.", []string{"IRNMIL - 190"}},
		{"the subject before an aside between dashes", "Iran — a country that borders Syria — condemned Israel.", []string{"IRN ISR 111"}},
		{"target through noun of", "Iran attacked the headquarters of Syrian rebels.", []string{"IRN SYRREB 190"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := code(t, r, c, tt.text, "2015-06-01")
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%q\n got: %v\nwant: %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestAppositiveLearning(t *testing.T) {
	r, c := setup(t)
	doc := "Ali Mahmoud Abbas, Minister of Defence of Syria, met with Iran's defence minister. " +
		"Abbas later visited Russia. The Syrian minister also condemned Israel. He attacked Ukraine."
	got := code(t, r, c, doc, "2020-01-01")
	want := []string{"SYRMIL IRNMIL 040", "SYRMIL RUS 042", "SYRMIL ISR 111", "SYRMIL UKR 190"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
