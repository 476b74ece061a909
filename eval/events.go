package eval

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
)

// Coder codes one document.
type Coder func(dyad.Doc) (dyad.Record, error)

// Triple is a (source, target, label) event triple; Label is a CAMEO code
// or a PLOVER type depending on the record's flavour.
type Triple struct {
	Source string
	Target string
	Label  string
}

// String formats the triple as "SOURCE -> TARGET LABEL" with "-" for a
// missing actor.
func (t Triple) String() string {
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	return fmt.Sprintf("%s -> %s %s", dash(t.Source), dash(t.Target), dash(t.Label))
}

// PRF holds counts and the precision, recall and F1 derived from them.
type PRF struct {
	Matched   int
	Predicted int
	Gold      int
}

// Precision is Matched/Predicted (0 when nothing was predicted).
func (m PRF) Precision() float64 { return ratio(m.Matched, m.Predicted) }

// Recall is Matched/Gold (0 when there is no gold).
func (m PRF) Recall() float64 { return ratio(m.Matched, m.Gold) }

// F1 is the harmonic mean of precision and recall (0 when both are 0).
func (m PRF) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (m *PRF) add(o PRF) {
	m.Matched += o.Matched
	m.Predicted += o.Predicted
	m.Gold += o.Gold
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// CategoryStats is one row of a per-category table.
type CategoryStats struct {
	// Category is a CAMEO root ("04") or a PLOVER type ("CONSULT");
	// "(none)" collects predicted events without one.
	Category string
	PRF
}

// PloverStats holds the PLOVER-type figures (PLOVER records only).
type PloverStats struct {
	// Gold is the number of gold events, Predicted the number of predicted
	// events, Hits the gold events matched by PLOVER type.
	Gold, Predicted, Hits int
	// CountryHits counts the hits whose predicted source country equals
	// the gold source country.
	CountryHits int
}

// Recall is Hits/Gold.
func (s PloverStats) Recall() float64 { return ratio(s.Hits, s.Gold) }

// Precision is Hits/Predicted.
func (s PloverStats) Precision() float64 { return ratio(s.Hits, s.Predicted) }

// CountryAgreement is CountryHits/Hits.
func (s PloverStats) CountryAgreement() float64 { return ratio(s.CountryHits, s.Hits) }

// PredictedEvent is a predicted triple with what produced it.
type PredictedEvent struct {
	Triple
	Rule string
	Verb string
}

// RecordResult is the outcome for one evaluated record.
type RecordResult struct {
	ID        string
	Text      string
	Flavour   Flavour
	Gold      []Triple
	Predicted []PredictedEvent
	// ExpectNoEvents copies the gold flag.
	ExpectNoEvents bool
	// ExpectError copies the gold record's PETRARCH expect_error.
	ExpectError string
	// Options are the coder options the record was coded with.
	Options coder.Options
	Exact   bool
	// Err is the coder's error, if it failed on this record.
	Err error
}

// EventReport holds every figure ScoreEvents computes. See the package
// documentation for the definitions.
type EventReport struct {
	// Records is the number of evaluated records, Skipped the number not
	// evaluated (evaluate/valid_flag "false"), Exact those coded exactly.
	Records, Skipped, Exact int
	// CAMEORecords and PLOVERRecords split Records by flavour.
	CAMEORecords, PLOVERRecords int
	// Errors counts records on which the coder failed (they are scored as
	// if it predicted nothing).
	Errors int
	// SkipReasons splits Skipped by reason (EventGold.SkipReason), in
	// order of first occurrence.
	SkipReasons []Count
	// ExpectErrors counts the evaluated records with a PETRARCH
	// expect_error (scored as expecting no events).
	ExpectErrors int
	// Unsupported counts, per setting name (comma_min, ...), the evaluated
	// records that set something the coder options cannot express.
	Unsupported []Count
	// TabariOptions counts, per option (optionKey: "SET: CODE",
	// "COMPLEX:", ...), the evaluated TABARI records that had it in force;
	// none of them is mapped onto coder options yet.
	TabariOptions []Count
	// OptionGroups is the number of distinct coder options the evaluated
	// records were coded with (one coder each).
	OptionGroups int
	// Strict is over (source, target, label) triples.
	Strict PRF
	// Country is over (country(source), country(target), root(label)).
	Country PRF
	// Plover holds the PLOVER-type figures over PLOVER records.
	Plover PloverStats
	// ByRoot is the per-CAMEO-root table (CAMEO records), ByPlover the
	// per-PLOVER-type table (PLOVER records); both sorted by category.
	ByRoot, ByPlover []CategoryStats
	// Results has one entry per evaluated record, in input order.
	Results []RecordResult
	// Elapsed is the time spent in the coder.
	Elapsed time.Duration
}

// ScoreEvents codes every evaluated gold record with code and scores the
// predictions. A coder error on a record is recorded in the report (that
// record counts as predicting nothing), not returned; the error result is
// for a missing coder. Every record is coded with code, whatever its
// Options; ScoreEventsWith honours them.
func ScoreEvents(gold []EventGold, code Coder) (*EventReport, error) {
	if code == nil {
		return nil, errors.New("eval: ScoreEvents: nil coder")
	}
	return ScoreEventsWith(gold, func(coder.Options) (Coder, error) { return code, nil })
}

// CoderFactory returns a coder that codes with the given options.
type CoderFactory func(coder.Options) (Coder, error)

// ScoreEventsWith is ScoreEvents with a coder per set of options: the
// evaluated records are grouped by their Options and each group is coded
// with the coder newCoder returns for those options (called once per
// group); results stay in input order. An error from newCoder is returned.
func ScoreEventsWith(gold []EventGold, newCoder CoderFactory) (*EventReport, error) {
	if newCoder == nil {
		return nil, errors.New("eval: ScoreEventsWith: nil coder factory")
	}
	r := &EventReport{}

	// Code every evaluated record, one options group at a time.
	type outcome struct {
		rec dyad.Record
		err error
	}
	outcomes := make([]outcome, len(gold))
	var groups []string
	members := map[string][]int{}
	for i, g := range gold {
		if g.Skip {
			continue
		}
		k := optionsKey(g.Options)
		if _, ok := members[k]; !ok {
			groups = append(groups, k)
		}
		members[k] = append(members[k], i)
	}
	for _, k := range groups {
		idx := members[k]
		opts := gold[idx[0]].Options
		code, err := newCoder(opts)
		if err != nil {
			return nil, fmt.Errorf("eval: coder for options %+v: %w", opts, err)
		}
		if code == nil {
			return nil, fmt.Errorf("eval: no coder for options %+v", opts)
		}
		r.OptionGroups++
		for _, i := range idx {
			g := gold[i]
			start := time.Now()
			rec, err := code(dyad.Doc{ID: g.ID, Text: g.Text, Date: g.Date})
			r.Elapsed += time.Since(start)
			outcomes[i] = outcome{rec, err}
		}
	}

	options := make([]coder.Options, len(gold))
	for i := range gold {
		options[i] = gold[i].Options
	}
	// TABARI's FORWARD: a record whose subject pronoun found no actor in
	// its own sentence takes the first actor of the record before it in
	// the same story; such records are coded again with that actor.
	seen := map[string]bool{}
	for _, k := range groups {
		seen[k] = true
	}
	for i, g := range gold {
		if g.Skip || g.forward == "" || i == 0 {
			continue
		}
		p := gold[i-1]
		story := storyKey(g.forward, g.ID)
		if story == "" || p.Skip || outcomes[i-1].err != nil || storyKey(g.forward, p.ID) != story {
			continue
		}
		fwd := firstActor(outcomes[i-1].rec)
		if fwd == "" {
			continue
		}
		opts := g.Options
		opts.Forward = fwd
		code, err := newCoder(opts)
		if err != nil {
			return nil, fmt.Errorf("eval: coder for options %+v: %w", opts, err)
		}
		if code == nil {
			return nil, fmt.Errorf("eval: no coder for options %+v", opts)
		}
		if k := optionsKey(opts); !seen[k] {
			seen[k] = true
			r.OptionGroups++
		}
		start := time.Now()
		rec, err := code(dyad.Doc{ID: g.ID, Text: g.Text, Date: g.Date})
		r.Elapsed += time.Since(start)
		outcomes[i] = outcome{rec, err}
		options[i] = opts
	}

	legacy := usesLegacyPlover(gold)
	byRoot := map[string]*PRF{}
	byPlover := map[string]*PRF{}
	for i, g := range gold {
		if g.Skip {
			r.Skipped++
			reason := g.SkipReason
			if reason == "" {
				reason = SkipNotValid
			}
			r.SkipReasons = addCount(r.SkipReasons, reason)
			continue
		}
		if g.ExpectError != "" {
			r.ExpectErrors++
		}
		for _, u := range g.Unsupported {
			name, _, _ := strings.Cut(u, "=")
			r.Unsupported = addCount(r.Unsupported, name)
		}
		for _, line := range g.TabariOptions {
			// Labels only name codes in TABARI's output; a line without a
			// command ("~~~~~", the end of an .options file) sets nothing.
			if k := optionKey(line); strings.Contains(k, ":") && !strings.HasPrefix(k, "LABEL:") {
				r.TabariOptions = addCount(r.TabariOptions, k)
			}
		}
		res := RecordResult{ID: g.ID, Text: g.Text, Flavour: g.Flavour, ExpectNoEvents: g.ExpectNoEvents,
			ExpectError: g.ExpectError, Options: options[i]}
		if !g.ExpectNoEvents {
			for _, ge := range g.Expected {
				res.Gold = append(res.Gold, goldTriple(ge, g.Flavour))
			}
		}
		if err := outcomes[i].err; err != nil {
			res.Err = err
			r.Errors++
		} else {
			for _, ev := range outcomes[i].rec.Events {
				res.Predicted = append(res.Predicted, predictedEvent(ev, g.Flavour, legacy))
			}
		}
		pred := make([]Triple, len(res.Predicted))
		for i, p := range res.Predicted {
			pred[i] = p.Triple
		}

		strict := matchTriples(res.Gold, pred, func(t Triple) Triple { return t })
		r.Strict.add(strict)
		r.Country.add(matchTriples(res.Gold, pred, func(t Triple) Triple {
			return Triple{Country(t.Source), Country(t.Target), root(t.Label, g.Flavour)}
		}))
		if g.ExpectNoEvents {
			res.Exact = len(pred) == 0
		} else {
			res.Exact = sameSet(res.Gold, pred)
		}
		if res.Exact {
			r.Exact++
		}

		switch g.Flavour {
		case FlavourPLOVER:
			r.PLOVERRecords++
			hits, countryHits, perType := ploverMatch(res.Gold, pred)
			r.Plover.Gold += len(res.Gold)
			r.Plover.Predicted += len(pred)
			r.Plover.Hits += hits
			r.Plover.CountryHits += countryHits
			for cat, m := range perType {
				addCat(byPlover, cat, m)
			}
		default:
			r.CAMEORecords++
			for cat, m := range perCategory(res.Gold, pred, func(t Triple) string { return root(t.Label, FlavourCAMEO) }) {
				addCat(byRoot, cat, m)
			}
		}
		r.Records++
		r.Results = append(r.Results, res)
	}
	r.ByRoot = sortedCats(byRoot)
	r.ByPlover = sortedCats(byPlover)
	return r, nil
}

func goldTriple(ge GoldEvent, f Flavour) Triple {
	label := ge.Code
	if f == FlavourPLOVER {
		label = ge.Plover
	}
	return Triple{normActor(ge.Source), normActor(ge.Target), label}
}

func predictedEvent(ev dyad.Event, f Flavour, legacy bool) PredictedEvent {
	var t Triple
	if ev.Source != nil {
		t.Source = normActor(ev.Source.Code)
	}
	if ev.Target != nil {
		t.Target = normActor(ev.Target.Code)
	}
	t.Label = strings.TrimSpace(ev.Code)
	if f == FlavourPLOVER {
		t.Label = strings.ToUpper(strings.TrimSpace(ev.Plover))
		if legacy {
			if l := legacyPlover(ev.Code); l != "" {
				t.Label = l
			}
		}
	}
	return PredictedEvent{Triple: t, Rule: ev.Rule, Verb: ev.Verb.Text}
}

// legacyTypes are PLOVER event types of the drafts before the 2021
// codebook, which the PLOVER gold-standard records still use.
var legacyTypes = map[string]bool{"DEMAND": true, "DISAPPROVE": true, "INVESTIGATE": true, "FIGHT": true}

// usesLegacyPlover reports whether a gold set labels events with the
// pre-2021 PLOVER types.
func usesLegacyPlover(gold []EventGold) bool {
	for _, g := range gold {
		for _, e := range g.Expected {
			if legacyTypes[strings.ToUpper(e.Plover)] {
				return true
			}
		}
	}
	return false
}

// legacyPlover maps a CAMEO code to the pre-2021 PLOVER type where that
// differs from the 2021 mapping in the CAMEO table: 09 investigate, 10
// demand, 11 disapprove and 19 fight were their own types then (but a
// blockade, 191, was coercion then as in 2021); 02 appeals were demands;
// easing restrictions and curfews (081-083) was a concession; destroying
// property (1712) was coercion (mode "destroy"). Other codes keep the
// table's type ("").
func legacyPlover(code string) string {
	if len(code) < 2 {
		return ""
	}
	if strings.HasPrefix(code, "081") || strings.HasPrefix(code, "082") || strings.HasPrefix(code, "083") {
		return "CONCEDE" // easing restrictions, curfews, dissent; political reform
	}
	if strings.HasPrefix(code, "191") {
		return ""
	}
	if strings.HasPrefix(code, "1712") {
		return "COERCE"
	}
	switch code[:2] {
	case "02", "10":
		return "DEMAND"
	case "09":
		return "INVESTIGATE"
	case "11":
		return "DISAPPROVE"
	case "19":
		return "FIGHT"
	}
	return ""
}

// countryAliases folds CAMEO-specific country codes onto ISO 3166-1
// alpha-3, so that a gold file written in either convention compares.
var countryAliases = map[string]string{
	"JAP": "JPN", // Japan
	"ROM": "ROU", // Romania
	"VTN": "VNM", // Vietnam
}

// Country returns the country (or IGO/IMG/NGO, "---" unknown) part of an
// actor code: its first three letters, upper-cased, with CAMEO aliases
// mapped to ISO 3166-1 alpha-3. "" stays "".
func Country(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) > 3 {
		code = code[:3]
	}
	if iso, ok := countryAliases[code]; ok {
		return iso
	}
	return code
}

// root returns the category of a label: the first two characters of a
// CAMEO code, or the PLOVER type itself.
func root(label string, f Flavour) string {
	if f == FlavourPLOVER || len(label) <= 2 {
		return label
	}
	return label[:2]
}

// matchTriples counts the multiset intersection of gold and pred after
// mapping both through key.
func matchTriples(gold, pred []Triple, key func(Triple) Triple) PRF {
	left := map[Triple]int{}
	for _, g := range gold {
		left[key(g)]++
	}
	m := PRF{Gold: len(gold), Predicted: len(pred)}
	for _, p := range pred {
		k := key(p)
		if left[k] > 0 {
			left[k]--
			m.Matched++
		}
	}
	return m
}

// perCategory splits a record's strict match by the category cat gives.
func perCategory(gold, pred []Triple, cat func(Triple) string) map[string]PRF {
	out := map[string]PRF{}
	left := map[Triple]int{}
	for _, g := range gold {
		left[g]++
		c := out[catName(cat(g))]
		c.Gold++
		out[catName(cat(g))] = c
	}
	for _, p := range pred {
		c := out[catName(cat(p))]
		c.Predicted++
		if left[p] > 0 {
			left[p]--
			c.Matched++
		}
		out[catName(cat(p))] = c
	}
	return out
}

// ploverMatch pairs gold events with predicted events of the same PLOVER
// type, each predicted event used once, preferring those whose source
// country agrees. It returns the hits, the hits with agreeing source
// country, and the per-type counts.
func ploverMatch(gold, pred []Triple) (hits, countryHits int, perType map[string]PRF) {
	perType = map[string]PRF{}
	used := make([]bool, len(pred))
	matched := make([]bool, len(gold))
	for _, g := range gold {
		c := perType[catName(g.Label)]
		c.Gold++
		perType[catName(g.Label)] = c
	}
	for _, p := range pred {
		c := perType[catName(p.Label)]
		c.Predicted++
		perType[catName(p.Label)] = c
	}
	for pass := 0; pass < 2; pass++ {
		for gi, g := range gold {
			if matched[gi] {
				continue
			}
			for pi, p := range pred {
				if used[pi] || p.Label == "" || p.Label != g.Label {
					continue
				}
				sameCountry := Country(p.Source) == Country(g.Source)
				if pass == 0 && !sameCountry {
					continue
				}
				used[pi], matched[gi] = true, true
				hits++
				if sameCountry {
					countryHits++
				}
				c := perType[catName(g.Label)]
				c.Matched++
				perType[catName(g.Label)] = c
				break
			}
		}
	}
	return hits, countryHits, perType
}

func catName(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func addCat(m map[string]*PRF, cat string, v PRF) {
	if m[cat] == nil {
		m[cat] = &PRF{}
	}
	m[cat].add(v)
}

func sortedCats(m map[string]*PRF) []CategoryStats {
	out := make([]CategoryStats, 0, len(m))
	for k, v := range m {
		out = append(out, CategoryStats{Category: k, PRF: *v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Category < out[j].Category })
	return out
}

// sameSet reports whether a and b hold the same distinct triples.
func sameSet(a, b []Triple) bool {
	sa, sb := map[Triple]bool{}, map[Triple]bool{}
	for _, t := range a {
		sa[t] = true
	}
	for _, t := range b {
		sb[t] = true
	}
	if len(sa) != len(sb) {
		return false
	}
	for t := range sa {
		if !sb[t] {
			return false
		}
	}
	return true
}

// firstActor is the code of the actor a record names first, its country
// where it has one (TABARI forwards the actor, not its agent: "Freedonia's
// president" forwards FRD); "" when it names none with a country or an
// organisation code.
func firstActor(rec dyad.Record) string {
	best, at := "", -1
	for _, e := range rec.Entities {
		code := string(e.Country)
		if code == "" {
			code = e.Code
		}
		if code == "" || strings.HasPrefix(code, "-") {
			continue
		}
		for _, m := range e.Mentions {
			if at < 0 || m[0] < at {
				best, at = code, m[0]
			}
		}
	}
	return best
}
