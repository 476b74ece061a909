package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/gazetteer"
)

// GeoGold is one gold record of a toponym file (the LGL and GeoWebNews
// formats of ../shared/gold/geo): an article and the toponyms in it.
type GeoGold struct {
	ID   string
	Text string
	// Title, Source and URL are meta.title, meta.source and meta.url, when
	// present.
	Title, Source, URL string
	Toponyms           []GoldToponym
	// Others are GeoWebNews's other_annotations: mentions the annotators
	// marked as not toponyms (demonyms, homonyms, place expressions). They
	// are not scored; the report names them next to a spurious prediction
	// that overlaps one.
	Others []GoldToponym
}

// GoldToponym is one gold toponym. Start and End are a half-open range of
// Unicode code points into the record's text.
type GoldToponym struct {
	Start, End int
	Name       string
	// Lat and Lon are the gold coordinates; HasCoords is false when the
	// gold leaves them null (the toponym could not be resolved).
	Lat, Lon  float64
	HasCoords bool
	// Country is the gold ISO 3166-1 alpha-2 code ("" when null).
	Country string
	// GeonameID is the gold GeoNames id (0 when none).
	GeonameID int
	// FeatureCode is the GeoNames feature code (LGL); Type is the
	// GeoWebNews annotation type ("Literal", "Metonymic", ...).
	FeatureCode, Type string
}

// Span returns the toponym's position.
func (t GoldToponym) Span() dyad.Span { return dyad.Span{Start: t.Start, End: t.End} }

// Category is the breakdown key: the feature code, else the type, else
// "(none)".
func (t GoldToponym) Category() string {
	switch {
	case t.FeatureCode != "":
		return t.FeatureCode
	case t.Type != "":
		return t.Type
	}
	return "(none)"
}

// LoadGeoGold reads a JSONL file of toponym gold records: {id, text,
// toponyms: [{start, end, name, lat, lon, country, geonameid, feature_code
// | type}], other_annotations, meta: {title, source, url}}. Blank lines are
// ignored; a malformed line, a span outside the text or coordinates out of
// range is an error naming the file and line. A record without an id is
// named "lineN"; a repeated id gets a "#2", "#3", ... suffix. Toponyms are
// sorted by start.
func LoadGeoGold(path string) ([]GeoGold, error) {
	return loadRecords(path, ReadGeoGold)
}

// ReadGeoGold reads JSONL toponym gold records from r; LoadGeoGold is the
// same for a named file. Errors start with the line number and a colon
// ("12: ...") so that LoadGeoGold can prefix the file name as "FILE:12:".
func ReadGeoGold(r io.Reader) ([]GeoGold, error) {
	return readRecords(r, "", parseGeoGold, func(g *GeoGold) *string { return &g.ID })
}

type geoToponymJSON struct {
	Start       *int     `json:"start"`
	End         *int     `json:"end"`
	Name        string   `json:"name"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	Country     *string  `json:"country"`
	GeonameID   any      `json:"geonameid"`
	FeatureCode *string  `json:"feature_code"`
	Type        *string  `json:"type"`
}

type geoGoldJSON struct {
	ID       any               `json:"id"`
	Text     *string           `json:"text"`
	Toponyms []*geoToponymJSON `json:"toponyms"`
	Others   []*geoToponymJSON `json:"other_annotations"`
	Meta     *struct {
		Title  string `json:"title"`
		Source string `json:"source"`
		URL    string `json:"url"`
	} `json:"meta"`
}

func parseGeoGold(b []byte) (GeoGold, error) {
	var raw geoGoldJSON
	if err := json.Unmarshal(b, &raw); err != nil {
		return GeoGold{}, fmt.Errorf("decode record: %w", err)
	}
	var g GeoGold
	var err error
	if g.ID, g.Text, err = idAndText(raw.ID, raw.Text); err != nil {
		return g, err
	}
	if raw.Meta != nil {
		g.Title, g.Source = strings.TrimSpace(raw.Meta.Title), strings.TrimSpace(raw.Meta.Source)
		g.URL = strings.TrimSpace(raw.Meta.URL)
	}
	n := len([]rune(g.Text))
	for _, list := range []struct {
		field string
		in    []*geoToponymJSON
		out   *[]GoldToponym
	}{{"toponyms", raw.Toponyms, &g.Toponyms}, {"other_annotations", raw.Others, &g.Others}} {
		for i, t := range list.in {
			gt, err := parseToponym(t, n)
			if err != nil {
				return g, fmt.Errorf("record %q: %s[%d]: %w", g.ID, list.field, i, err)
			}
			*list.out = append(*list.out, gt)
		}
	}
	sort.SliceStable(g.Toponyms, func(i, j int) bool { return g.Toponyms[i].Start < g.Toponyms[j].Start })
	return g, nil
}

func parseToponym(t *geoToponymJSON, n int) (GoldToponym, error) {
	if t == nil {
		return GoldToponym{}, errors.New("null toponym")
	}
	if t.Start == nil || t.End == nil {
		return GoldToponym{}, errors.New("no start or end")
	}
	gt := GoldToponym{Start: *t.Start, End: *t.End, Name: t.Name}
	if gt.Start < 0 || gt.End <= gt.Start || gt.End > n {
		return gt, fmt.Errorf("span [%d,%d) outside the text (%d runes) or empty", gt.Start, gt.End, n)
	}
	switch {
	case t.Lat == nil && t.Lon == nil:
	case t.Lat == nil || t.Lon == nil:
		return gt, errors.New("lat and lon must both be numbers or both null")
	case math.IsNaN(*t.Lat) || math.Abs(*t.Lat) > 90 || math.IsNaN(*t.Lon) || math.Abs(*t.Lon) > 180:
		return gt, fmt.Errorf("coordinates (%g, %g) out of range", *t.Lat, *t.Lon)
	default:
		gt.Lat, gt.Lon, gt.HasCoords = *t.Lat, *t.Lon, true
	}
	if t.Country != nil {
		gt.Country = strings.ToUpper(strings.TrimSpace(*t.Country))
	}
	switch v := t.GeonameID.(type) {
	case nil:
	case float64:
		gt.GeonameID = int(v)
	case string:
		if s := strings.TrimSpace(v); s != "" {
			id, err := strconv.Atoi(s)
			if err != nil {
				return gt, fmt.Errorf("geonameid %q is not a number", v)
			}
			gt.GeonameID = id
		}
	default:
		return gt, fmt.Errorf("geonameid has type %T, want a number or a string", v)
	}
	if t.FeatureCode != nil {
		gt.FeatureCode = strings.TrimSpace(*t.FeatureCode)
	}
	if t.Type != nil {
		gt.Type = strings.TrimSpace(*t.Type)
	}
	return gt, nil
}

// PlaceResolver resolves the toponyms at the given spans of a document: one
// Place per span, in order. A Place with GeonameID 0 and Lat = Lon = 0 is
// unresolved. The pipeline's ResolvePlaces has this signature.
type PlaceResolver func(dyad.Doc, []dyad.Span) ([]dyad.Place, error)

// Resolved reports whether a predicted place carries a resolution: a
// GeoNames id or coordinates other than (0, 0).
func Resolved(p dyad.Place) bool { return p.GeonameID != 0 || p.Lat != 0 || p.Lon != 0 }

// earthRadiusKm is the mean Earth radius used for great-circle distances.
const earthRadiusKm = 6371.0

// Acc161Km is the error bound of the accuracy figure: 161 km (100 miles),
// the literature's usual threshold.
const Acc161Km = 161.0

// HaversineKm returns the great-circle distance in kilometres between two
// points given in decimal degrees, on a sphere of radius 6371 km.
func HaversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	a = math.Min(1, math.Max(0, a))
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(a))
}

// GeoCategory holds the figures of one feature code or type.
type GeoCategory struct {
	// Gold is the number of gold toponyms of the category, Found those
	// matched by a prediction (end to end; every one on gold spans).
	Gold, Found int
	// Scored are the found ones with gold coordinates, Within those
	// resolved within 161 km.
	Scored, Within int
}

// GeoStats holds the figures of a geo evaluation (see ScoreGeo for the
// definitions). They add up over records and files.
type GeoStats struct {
	// Strict and Overlap are the recognition counts (end to end only).
	Strict, Overlap PRF
	// Gold counts the gold toponyms, Unresolvable those without
	// coordinates.
	Gold, Unresolvable int
	// Scored is the number of pairs whose gold has coordinates; Resolved
	// those the prediction resolved, Within those resolved within 161 km.
	Scored, Resolved, Within int
	// ErrorsKm are the errors of the resolved scored pairs.
	ErrorsKm []float64
	// CountryScored is the number of scored pairs whose gold has a
	// country code, CountryRight those with the predicted country equal.
	CountryScored, CountryRight int
	// Categories holds the figures per GoldToponym.Category.
	Categories map[string]*GeoCategory
}

// Add adds o's counts to s.
func (s *GeoStats) Add(o GeoStats) {
	s.Strict.add(o.Strict)
	s.Overlap.add(o.Overlap)
	s.Gold += o.Gold
	s.Unresolvable += o.Unresolvable
	s.Scored += o.Scored
	s.Resolved += o.Resolved
	s.Within += o.Within
	s.ErrorsKm = append(s.ErrorsKm, o.ErrorsKm...)
	s.CountryScored += o.CountryScored
	s.CountryRight += o.CountryRight
	for k, c := range o.Categories {
		s.category(k).add(*c)
	}
}

func (c *GeoCategory) add(o GeoCategory) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.Scored += o.Scored
	c.Within += o.Within
}

func (s *GeoStats) category(k string) *GeoCategory {
	if s.Categories == nil {
		s.Categories = map[string]*GeoCategory{}
	}
	c := s.Categories[k]
	if c == nil {
		c = &GeoCategory{}
		s.Categories[k] = c
	}
	return c
}

// Acc161 is the share of scored pairs resolved within 161 km.
func (s GeoStats) Acc161() float64 { return ratio(s.Within, s.Scored) }

// CountryAccuracy is the share of scored pairs with a gold country whose
// predicted country is the same.
func (s GeoStats) CountryAccuracy() float64 { return ratio(s.CountryRight, s.CountryScored) }

// ResolvedShare is the share of scored pairs the prediction resolved.
func (s GeoStats) ResolvedShare() float64 { return ratio(s.Resolved, s.Scored) }

// MedianKm is the median error of the resolved scored pairs (0 when none).
func (s GeoStats) MedianKm() float64 {
	n := len(s.ErrorsKm)
	if n == 0 {
		return 0
	}
	e := append([]float64(nil), s.ErrorsKm...)
	sort.Float64s(e)
	if n%2 == 1 {
		return e[n/2]
	}
	return (e[n/2-1] + e[n/2]) / 2
}

// MeanKm is the mean error of the resolved scored pairs (0 when none).
func (s GeoStats) MeanKm() float64 {
	if len(s.ErrorsKm) == 0 {
		return 0
	}
	sum := 0.0
	for _, e := range s.ErrorsKm {
		sum += e
	}
	return sum / float64(len(s.ErrorsKm))
}

// Summary is the line a geo report ends with: "geo: acc@161 A, country C,
// recall R, precision P" with three decimals; recall and precision are
// "-" on gold spans (endToEnd false), and a figure with no pair to compute
// it from is "-" too.
func (s GeoStats) Summary(endToEnd bool) string {
	f := func(ok bool, v float64) string {
		if !ok {
			return "-"
		}
		return fmt.Sprintf("%.3f", v)
	}
	return fmt.Sprintf("geo: acc@161 %s, country %s, recall %s, precision %s",
		f(s.Scored > 0, s.Acc161()), f(s.CountryScored > 0, s.CountryAccuracy()),
		f(endToEnd, s.Overlap.Recall()), f(endToEnd, s.Overlap.Precision()))
}

// GeoPair is a gold toponym and the predicted place matched to it: indexes
// into GeoResult.Gold and GeoResult.Predicted, and how they compare.
type GeoPair struct {
	Gold, Pred int
	// Strict says the spans are identical.
	Strict bool
	// Scored says the gold has coordinates; Resolved that the prediction
	// has a resolution; ErrorKm is the distance between them when both.
	Scored, Resolved bool
	ErrorKm          float64
	// Within says ErrorKm <= 161; CountryScored that the gold has a
	// country code, CountryRight that the predicted one is the same.
	Within, CountryScored, CountryRight bool
}

// GeoResult is the outcome for one record.
type GeoResult struct {
	ID        string
	Text      string
	Gold      []GoldToponym
	Others    []GoldToponym
	Predicted []dyad.Place
	// Pairs are the matched pairs, in gold order (on gold spans, every
	// gold toponym with the place resolved for it).
	Pairs []GeoPair
	// Missed are the gold toponyms left unmatched, Spurious the predicted
	// places (end to end only).
	Missed, Spurious []int
	// Stats are the record's figures.
	Stats GeoStats
	// Err is the coder's or resolver's error, if it failed on this record
	// (then Predicted is empty, or unresolved places on gold spans).
	Err error
}

// GeoReport holds every figure ScoreGeo or ScoreGeoSpans computes.
type GeoReport struct {
	// GoldSpans is true for ScoreGeoSpans (resolution of the gold spans),
	// false for ScoreGeo (end to end).
	GoldSpans bool
	// Records is the number of records scored, Errors those the coder or
	// resolver failed on.
	Records, Errors int
	Stats           GeoStats
	// Results has one entry per record, in input order.
	Results []GeoResult
	// Elapsed is the time spent in the coder or resolver, Scoring the
	// time spent matching.
	Elapsed, Scoring time.Duration
}

// ScoreGeo codes the text of every gold record with code and scores the
// places it predicts (dyad.Record.Places) against the gold toponyms, end to
// end. ScoreGeoSpans scores the resolution of the gold spans alone. A
// coder error on a record is recorded in the report (the record counts as
// predicting nothing), not returned; the error result is for a missing
// coder.
//
// Definitions:
//
//   - Recognition (end to end): strict P/R/F1 counts a predicted place
//     whose [Start, End) equals a gold toponym's, one-to-one; overlap
//     P/R/F1 pairs a prediction with a gold toponym when they share at
//     least one rune, one-to-one, greedily by the most runes shared (then
//     identical spans first, then text order). Micro averages over records.
//     Gold toponyms without coordinates count for recognition.
//   - Scored pairs: the overlap-matched pairs (end to end) or every gold
//     span with the place resolved for it (gold spans) whose gold toponym
//     has coordinates; gold toponyms with null lat/lon are left out of
//     every resolution figure.
//   - acc@161: the share of scored pairs whose predicted coordinates lie
//     within 161 km of the gold ones (great-circle distance, haversine,
//     Earth radius 6371 km). An unresolved prediction (GeonameID 0 and
//     Lat = Lon = 0) counts as wrong.
//   - Median and mean error (km): over the scored pairs that are resolved.
//   - Resolved: the share of scored pairs the prediction resolved.
//   - Country accuracy: over the scored pairs whose gold has a country
//     code (ISO 3166-1 alpha-2, converted to alpha-3; toponyms without one,
//     such as continents, seas and GeoWebNews's sub-national places, are
//     left out), the share whose predicted Country is the same; unresolved
//     counts as wrong.
//   - Per category (GeoNames feature_code, else GeoWebNews type): gold
//     toponyms, recall (overlap, end to end), scored pairs and acc@161.
func ScoreGeo(gold []GeoGold, code Coder) (*GeoReport, error) {
	if code == nil {
		return nil, errors.New("eval: ScoreGeo: nil coder")
	}
	r := &GeoReport{Results: make([]GeoResult, 0, len(gold))}
	for _, g := range gold {
		start := time.Now()
		rec, err := code(geoDoc(g))
		r.Elapsed += time.Since(start)

		start = time.Now()
		res := GeoResult{ID: g.ID, Text: g.Text, Gold: g.Toponyms, Others: g.Others}
		if err != nil {
			res.Err = err
			r.Errors++
		} else {
			res.Predicted = rec.Places
		}
		matchPlaces(&res)
		r.add(res)
		r.Scoring += time.Since(start)
	}
	return r, nil
}

// ScoreGeoSpans resolves the gold toponym spans of every record with
// resolve and scores the places against the gold coordinates and
// countries, as the literature reports resolution. Recognition is not
// scored. A resolver error, or a number of places other than the number of
// spans, is recorded on the record (its toponyms count as unresolved), not
// returned. The definitions are those of ScoreGeo.
func ScoreGeoSpans(gold []GeoGold, resolve PlaceResolver) (*GeoReport, error) {
	if resolve == nil {
		return nil, errors.New("eval: ScoreGeoSpans: nil resolver")
	}
	r := &GeoReport{GoldSpans: true, Results: make([]GeoResult, 0, len(gold))}
	for _, g := range gold {
		spans := make([]dyad.Span, len(g.Toponyms))
		for i, t := range g.Toponyms {
			spans[i] = t.Span()
		}
		start := time.Now()
		places, err := resolve(geoDoc(g), spans)
		r.Elapsed += time.Since(start)

		start = time.Now()
		if err == nil && len(places) != len(spans) {
			err = fmt.Errorf("resolver returned %d places for %d spans", len(places), len(spans))
		}
		res := GeoResult{ID: g.ID, Text: g.Text, Gold: g.Toponyms, Others: g.Others}
		if err != nil {
			res.Err = err
			r.Errors++
			places = make([]dyad.Place, len(spans))
			for i, s := range spans {
				places[i] = dyad.Place{Start: s.Start, End: s.End}
			}
		}
		res.Predicted = places
		for i := range g.Toponyms {
			res.Pairs = append(res.Pairs, GeoPair{Gold: i, Pred: i, Strict: true})
		}
		scorePairs(&res)
		r.add(res)
		r.Scoring += time.Since(start)
	}
	return r, nil
}

func geoDoc(g GeoGold) dyad.Doc {
	return dyad.Doc{ID: g.ID, Text: g.Text, Title: g.Title, Source: g.Source, URL: g.URL}
}

func (r *GeoReport) add(res GeoResult) {
	r.Stats.Add(res.Stats)
	r.Records++
	r.Results = append(r.Results, res)
}

// matchPlaces pairs res.Predicted with res.Gold (strict and overlap) and
// fills res.Pairs, Missed, Spurious and Stats.
func matchPlaces(res *GeoResult) {
	s := &res.Stats
	s.Strict = PRF{Gold: len(res.Gold), Predicted: len(res.Predicted)}
	s.Overlap = s.Strict

	// Strict: identical spans, one-to-one.
	free := map[dyad.Span]int{}
	for _, p := range res.Predicted {
		free[dyad.Span{Start: p.Start, End: p.End}]++
	}
	for _, g := range res.Gold {
		if free[g.Span()] > 0 {
			free[g.Span()]--
			s.Strict.Matched++
		}
	}

	// Overlap: greedy by runes shared, identical spans first, text order.
	type cand struct{ g, p, ov int }
	var cands []cand
	for gi, g := range res.Gold {
		for pi, p := range res.Predicted {
			if ov := min(g.End, p.End) - max(g.Start, p.Start); ov > 0 {
				cands = append(cands, cand{gi, pi, ov})
			}
		}
	}
	exact := func(c cand) bool {
		return res.Gold[c.g].Start == res.Predicted[c.p].Start && res.Gold[c.g].End == res.Predicted[c.p].End
	}
	sort.SliceStable(cands, func(a, b int) bool {
		ca, cb := cands[a], cands[b]
		if ca.ov != cb.ov {
			return ca.ov > cb.ov
		}
		if ea, eb := exact(ca), exact(cb); ea != eb {
			return ea
		}
		if ca.g != cb.g {
			return ca.g < cb.g
		}
		return ca.p < cb.p
	})
	usedG, usedP := make([]bool, len(res.Gold)), make([]bool, len(res.Predicted))
	for _, c := range cands {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		res.Pairs = append(res.Pairs, GeoPair{Gold: c.g, Pred: c.p, Strict: exact(c)})
	}
	sort.Slice(res.Pairs, func(a, b int) bool { return res.Pairs[a].Gold < res.Pairs[b].Gold })
	s.Overlap.Matched = len(res.Pairs)
	for i, u := range usedG {
		if !u {
			res.Missed = append(res.Missed, i)
		}
	}
	for i, u := range usedP {
		if !u {
			res.Spurious = append(res.Spurious, i)
		}
	}
	scorePairs(res)
}

// scorePairs fills the resolution figures of res.Pairs and the record's
// resolution and category stats.
func scorePairs(res *GeoResult) {
	s := &res.Stats
	s.Gold = len(res.Gold)
	for _, g := range res.Gold {
		s.category(g.Category()).Gold++
		if !g.HasCoords {
			s.Unresolvable++
		}
	}
	for i := range res.Pairs {
		pr := &res.Pairs[i]
		g, p := res.Gold[pr.Gold], res.Predicted[pr.Pred]
		cat := s.category(g.Category())
		cat.Found++
		if !g.HasCoords {
			continue
		}
		pr.Scored = true
		s.Scored++
		cat.Scored++
		pr.Resolved = Resolved(p)
		if pr.Resolved {
			s.Resolved++
			pr.ErrorKm = HaversineKm(g.Lat, g.Lon, p.Lat, p.Lon)
			s.ErrorsKm = append(s.ErrorsKm, pr.ErrorKm)
			if pr.ErrorKm <= Acc161Km {
				pr.Within = true
				s.Within++
				cat.Within++
			}
		}
		if g.Country != "" {
			pr.CountryScored = true
			s.CountryScored++
			if pr.Resolved && ISO3(p.Country) == ISO3(g.Country) {
				pr.CountryRight = true
				s.CountryRight++
			}
		}
	}
}

// ISO3 returns the ISO 3166-1 alpha-3 code of a country code given in
// alpha-2 or alpha-3 (see gazetteer.ISO3).
func ISO3(code string) string { return gazetteer.ISO3(code) }
