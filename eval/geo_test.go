package eval

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func TestLoadGeoGold(t *testing.T) {
	gold, err := LoadGeoGold(filepath.Join("testdata", "geo_sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 2 {
		t.Fatalf("%d records, want 2", len(gold))
	}
	g := gold[0]
	if g.ID != "geo-1" || len(g.Toponyms) != 6 || g.Source != "invented" || !strings.HasPrefix(g.Title, "Floods") {
		t.Fatalf("record 1 = %+v", g)
	}
	text := []rune(g.Text)
	for _, tp := range g.Toponyms {
		if got := string(text[tp.Start:tp.End]); got != tp.Name {
			t.Errorf("span [%d,%d) = %q, name %q (offsets must be runes)", tp.Start, tp.End, got, tp.Name)
		}
	}
	if tp := g.Toponyms[1]; tp.Name != "Östervik" || !tp.HasCoords || tp.Country != "RS" || tp.GeonameID != 9000002 || tp.Category() != "PPLA" {
		t.Errorf("toponym 2 = %+v", tp)
	}
	if tp := g.Toponyms[5]; tp.HasCoords || tp.Country != "" || tp.Category() != "(none)" {
		t.Errorf("toponym without coordinates = %+v", tp)
	}
	g2 := gold[1]
	if len(g2.Others) != 1 || g2.Others[0].Type != "Demonym" {
		t.Errorf("other annotations = %+v", g2.Others)
	}
	if tp := g2.Toponyms[2]; tp.GeonameID != 0 || !tp.HasCoords || tp.Category() != "Literal" {
		t.Errorf("toponym with a null geonameid = %+v", tp)
	}
}

func TestLoadGeoGoldFileLine(t *testing.T) {
	path := filepath.Join("testdata", "geo_bad.jsonl")
	_, err := LoadGeoGold(path)
	if err == nil || !strings.Contains(err.Error(), path+":3:") || !strings.Contains(err.Error(), "outside the text") {
		t.Fatalf("error = %v, want %s:3: ... outside the text", err, path)
	}
	if _, err := LoadGeoGold(filepath.Join("testdata", "no_such.jsonl")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestReadGeoGoldErrors(t *testing.T) {
	const ok = `{"id":"a","text":"Snow in Brennhall.","toponyms":[{"start":8,"end":17,"name":"Brennhall","lat":44.8,"lon":19.1,"country":"RS"}]}`
	for _, tc := range []struct {
		name, in, want string
	}{
		{"bad json", ok + "\n{oops\n", "2: decode record"},
		{"no text", `{"id":"a","text":"  ","toponyms":[]}`, `1: record "a": no text`},
		{"no start", `{"id":"a","text":"Snow.","toponyms":[{"end":2}]}`, "toponyms[0]: no start or end"},
		{"empty span", `{"id":"a","text":"Snow.","toponyms":[{"start":2,"end":2}]}`, "outside the text"},
		{"past the end", `{"id":"a","text":"Snow.","toponyms":[{"start":2,"end":9}]}`, "[2,9) outside the text (5 runes)"},
		{"negative", `{"id":"a","text":"Snow.","toponyms":[{"start":-1,"end":2}]}`, "outside the text"},
		{"lat only", `{"id":"a","text":"Snow.","toponyms":[{"start":0,"end":2,"lat":3,"lon":null}]}`, "both be numbers or both null"},
		{"lat range", `{"id":"a","text":"Snow.","toponyms":[{"start":0,"end":2,"lat":91,"lon":0}]}`, "out of range"},
		{"lon range", `{"id":"a","text":"Snow.","toponyms":[{"start":0,"end":2,"lat":0,"lon":-181}]}`, "out of range"},
		{"geonameid text", `{"id":"a","text":"Snow.","toponyms":[{"start":0,"end":2,"geonameid":"x1"}]}`, `geonameid "x1" is not a number`},
		{"geonameid bool", `{"id":"a","text":"Snow.","toponyms":[{"start":0,"end":2,"geonameid":true}]}`, "geonameid has type bool"},
		{"null toponym", `{"id":"a","text":"Snow.","toponyms":[null]}`, "null toponym"},
		{"bad other", `{"id":"a","text":"Snow.","toponyms":[],"other_annotations":[{"start":0,"end":30}]}`, "other_annotations[0]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadGeoGold(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q", err, tc.want)
			}
		})
	}

	// Ids: missing ones are named by line, repeats numbered.
	gold, err := ReadGeoGold(strings.NewReader(ok + "\n\n" + ok + "\n" + `{"text":"Rain."}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, g := range gold {
		ids = append(ids, g.ID)
	}
	if got := strings.Join(ids, " "); got != "a a#2 line4" {
		t.Errorf("ids = %s", got)
	}
	// A numeric geonameid is accepted.
	gold, err = ReadGeoGold(strings.NewReader(`{"id":"n","text":"Snow.","toponyms":[{"start":0,"end":2,"geonameid":42,"lat":0,"lon":0}]}`))
	if err != nil || gold[0].Toponyms[0].GeonameID != 42 || !gold[0].Toponyms[0].HasCoords {
		t.Errorf("numeric geonameid: %v %+v", err, gold)
	}
}

func TestHaversineKm(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		{"same point", 12.5, -7.25, 12.5, -7.25, 0, 1e-9},
		{"one degree of the equator", 0, 0, 0, 1, 2 * math.Pi * 6371 / 360, 1e-6},
		{"quarter meridian", 0, 0, 90, 0, math.Pi / 2 * 6371, 1e-6},
		{"antipodes", 0, 0, 0, 180, math.Pi * 6371, 1e-6},
		{"pole to pole", 90, 0, -90, 0, math.Pi * 6371, 1e-6},
		{"across the date line", 0, 179.5, 0, -179.5, 2 * math.Pi * 6371 / 360, 1e-6},
		// Paris to London, a textbook example: about 343.5 km.
		{"Paris to London", 48.8566, 2.3522, 51.5074, -0.1278, 343.5, 1},
		// New York to Los Angeles: about 3936 km on this sphere.
		{"New York to Los Angeles", 40.7128, -74.0060, 34.0522, -118.2437, 3936, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := HaversineKm(tc.lat1, tc.lon1, tc.lat2, tc.lon2)
			if math.Abs(got-tc.want) > tc.tol {
				t.Errorf("HaversineKm = %.4f, want %.4f ± %g", got, tc.want, tc.tol)
			}
			if back := HaversineKm(tc.lat2, tc.lon2, tc.lat1, tc.lon1); math.Abs(back-got) > 1e-9 {
				t.Errorf("not symmetric: %.6f vs %.6f", got, back)
			}
		})
	}
}

// top builds a gold toponym; lat/lon NaN means none.
func top(start, end int, lat, lon float64, country, cat string) GoldToponym {
	t := GoldToponym{Start: start, End: end, Country: country, FeatureCode: cat}
	if !math.IsNaN(lat) {
		t.Lat, t.Lon, t.HasCoords = lat, lon, true
	}
	return t
}

func place(start, end int, lat, lon float64, country string) dyad.Place {
	return dyad.Place{Start: start, End: end, Lat: lat, Lon: lon, Country: country}
}

func TestMatchPlaces(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name         string
		gold         []GoldToponym
		pred         []dyad.Place
		strict       int
		overlap      int
		missed, spur []int
		scored       int
		within       int
		resolved     int
		country, cOK int
		pairs        [][2]int // gold, pred
		strictPairs  int
	}{
		{name: "exact match, right place",
			gold: []GoldToponym{top(0, 5, 10, 20, "US", "PPL")}, pred: []dyad.Place{place(0, 5, 10.5, 20, "USA")},
			strict: 1, overlap: 1, scored: 1, within: 1, resolved: 1, country: 1, cOK: 1, pairs: [][2]int{{0, 0}}, strictPairs: 1},
		{name: "partial overlap counts for overlap only",
			gold: []GoldToponym{top(0, 13, 10, 20, "US", "PPL")}, pred: []dyad.Place{place(0, 8, 10, 20, "us")},
			strict: 0, overlap: 1, scored: 1, within: 1, resolved: 1, country: 1, cOK: 1, pairs: [][2]int{{0, 0}}},
		{name: "touching spans do not overlap",
			gold: []GoldToponym{top(0, 5, 10, 20, "", "")}, pred: []dyad.Place{place(5, 9, 10, 20, "")},
			missed: []int{0}, spur: []int{0}},
		{name: "one prediction across two gold toponyms takes the larger overlap",
			gold: []GoldToponym{top(0, 3, 1, 1, "", ""), top(4, 12, 2, 2, "", "")}, pred: []dyad.Place{place(0, 12, 2, 2, "")},
			overlap: 1, missed: []int{0}, scored: 1, within: 1, resolved: 1, pairs: [][2]int{{1, 0}}},
		{name: "two predictions on one gold toponym: the exact one wins",
			gold: []GoldToponym{top(2, 8, 1, 1, "", "")}, pred: []dyad.Place{place(0, 10, 1, 1, ""), place(2, 8, 1, 1, "")},
			strict: 1, overlap: 1, spur: []int{0}, scored: 1, within: 1, resolved: 1, pairs: [][2]int{{0, 1}}, strictPairs: 1},
		{name: "duplicate predictions count once",
			gold: []GoldToponym{top(2, 8, 1, 1, "", "")}, pred: []dyad.Place{place(2, 8, 1, 1, ""), place(2, 8, 1, 1, "")},
			strict: 1, overlap: 1, spur: []int{1}, scored: 1, within: 1, resolved: 1, pairs: [][2]int{{0, 0}}, strictPairs: 1},
		{name: "empty prediction matches nothing",
			gold: []GoldToponym{top(2, 8, 1, 1, "", "")}, pred: []dyad.Place{place(4, 4, 1, 1, "")},
			missed: []int{0}, spur: []int{0}},
		{name: "gold without coordinates counts for recognition only",
			gold: []GoldToponym{top(0, 5, nan, nan, "", "")}, pred: []dyad.Place{place(0, 5, 3, 3, "FRA")},
			strict: 1, overlap: 1, pairs: [][2]int{{0, 0}}, strictPairs: 1},
		{name: "unresolved prediction is wrong, not an error distance",
			gold: []GoldToponym{top(0, 5, 10, 20, "US", "")}, pred: []dyad.Place{place(0, 5, 0, 0, "")},
			strict: 1, overlap: 1, scored: 1, country: 1, pairs: [][2]int{{0, 0}}, strictPairs: 1},
		{name: "beyond 161 km, wrong country",
			gold: []GoldToponym{top(0, 5, 33.9, 35.5, "LB", "")}, pred: []dyad.Place{place(0, 5, 32.9, 13.2, "LBY")},
			strict: 1, overlap: 1, scored: 1, resolved: 1, country: 1, pairs: [][2]int{{0, 0}}, strictPairs: 1},
		{name: "nothing predicted",
			gold: []GoldToponym{top(0, 5, 1, 1, "", ""), top(6, 9, 1, 1, "", "")}, missed: []int{0, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := GeoResult{Gold: tc.gold, Predicted: tc.pred}
			matchPlaces(&res)
			s := res.Stats
			if s.Strict.Matched != tc.strict || s.Overlap.Matched != tc.overlap {
				t.Errorf("strict %d overlap %d, want %d %d", s.Strict.Matched, s.Overlap.Matched, tc.strict, tc.overlap)
			}
			if s.Strict.Gold != len(tc.gold) || s.Overlap.Predicted != len(tc.pred) {
				t.Errorf("counts %+v", s.Overlap)
			}
			if !equalInts(res.Missed, tc.missed) || !equalInts(res.Spurious, tc.spur) {
				t.Errorf("missed %v spurious %v, want %v %v", res.Missed, res.Spurious, tc.missed, tc.spur)
			}
			if s.Scored != tc.scored || s.Within != tc.within || s.Resolved != tc.resolved || len(s.ErrorsKm) != tc.resolved {
				t.Errorf("scored %d within %d resolved %d errors %v, want %d %d %d",
					s.Scored, s.Within, s.Resolved, s.ErrorsKm, tc.scored, tc.within, tc.resolved)
			}
			if s.CountryScored != tc.country || s.CountryRight != tc.cOK {
				t.Errorf("country %d/%d, want %d/%d", s.CountryRight, s.CountryScored, tc.cOK, tc.country)
			}
			var pairs [][2]int
			strict := 0
			for _, p := range res.Pairs {
				pairs = append(pairs, [2]int{p.Gold, p.Pred})
				if p.Strict {
					strict++
				}
			}
			if len(pairs) != len(tc.pairs) || strict != tc.strictPairs {
				t.Fatalf("pairs %v (%d strict), want %v (%d)", pairs, strict, tc.pairs, tc.strictPairs)
			}
			for i := range pairs {
				if pairs[i] != tc.pairs[i] {
					t.Errorf("pairs %v, want %v", pairs, tc.pairs)
				}
			}
			if got := offPairs(res); got != tc.scored-tc.within {
				t.Errorf("offPairs = %d, want %d", got, tc.scored-tc.within)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestGeoStatsFigures(t *testing.T) {
	s := GeoStats{Scored: 4, Within: 3, Resolved: 4, ErrorsKm: []float64{5, 1, 300, 2}, CountryScored: 2, CountryRight: 1,
		Overlap: PRF{Matched: 4, Predicted: 5, Gold: 8}}
	if s.MedianKm() != 3.5 || s.MeanKm() != 77 || s.Acc161() != 0.75 || s.CountryAccuracy() != 0.5 || s.ResolvedShare() != 1 {
		t.Errorf("median %g mean %g acc %g country %g", s.MedianKm(), s.MeanKm(), s.Acc161(), s.CountryAccuracy())
	}
	if s.ErrorsKm[0] != 5 {
		t.Error("MedianKm sorted the stats' own slice")
	}
	for _, tc := range []struct {
		s        GeoStats
		endToEnd bool
		want     string
	}{
		{s, true, "geo: acc@161 0.750, country 0.500, recall 0.500, precision 0.800"},
		{s, false, "geo: acc@161 0.750, country 0.500, recall -, precision -"},
		{GeoStats{}, true, "geo: acc@161 -, country -, recall 0.000, precision 0.000"},
		{GeoStats{ErrorsKm: []float64{7}}, false, "geo: acc@161 -, country -, recall -, precision -"},
	} {
		if got := tc.s.Summary(tc.endToEnd); got != tc.want {
			t.Errorf("Summary = %q, want %q", got, tc.want)
		}
	}
	var sum GeoStats
	sum.Add(s)
	sum.Add(GeoStats{Scored: 1, ErrorsKm: []float64{9}, Categories: map[string]*GeoCategory{"PPL": {Gold: 2, Found: 1}}})
	if sum.Scored != 5 || len(sum.ErrorsKm) != 5 || sum.Categories["PPL"].Gold != 2 {
		t.Errorf("Add: %+v", sum)
	}
}

// geoFakeCoder predicts, for each record, the places of the map under its id.
func geoFakeCoder(places map[string][]dyad.Place, fail string) Coder {
	return func(d dyad.Doc) (dyad.Record, error) {
		if d.ID == fail {
			return dyad.Record{}, errors.New("coder broke")
		}
		return dyad.Record{Places: places[d.ID]}, nil
	}
}

func sampleGold(t *testing.T) []GeoGold {
	t.Helper()
	gold, err := LoadGeoGold(filepath.Join("testdata", "geo_sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

func TestScoreGeoEndToEnd(t *testing.T) {
	gold := sampleGold(t)
	// geo-1: Port Varda right, first Östervik right, second one missed,
	// Sylvania placed ~400 km off, Brennhall partly, the street name
	// (no coordinates) found, one spurious place. geo-2 fails.
	preds := map[string][]dyad.Place{"geo-1": {
		{Name: "Port Varda", Start: 25, End: 35, Lat: 44.1, Lon: 18.2, Country: "HRV", GeonameID: 1},
		{Name: "Östervik", Start: 39, End: 47, Lat: 45.01, Lon: 19.02, Country: "SRB", GeonameID: 2},
		{Name: "Sylvania", Start: 74, End: 82, Lat: 40.4, Lon: 20.0, Country: "ALB", GeonameID: 3},
		{Name: "Brenn", Start: 97, End: 102, Lat: 44.8, Lon: 19.1, Country: "SRB", GeonameID: 4},
		{Name: "Lake Corran", Start: 123, End: 134, Lat: 1, Lon: 1, Country: "", GeonameID: 5},
		{Name: "Floods", Start: 0, End: 6, Lat: 5, Lon: 5, Country: "", GeonameID: 6},
	}}
	rep, err := ScoreGeo(gold, geoFakeCoder(preds, "geo-2"))
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Stats
	if rep.Records != 2 || rep.Errors != 1 || rep.GoldSpans {
		t.Fatalf("records %d errors %d", rep.Records, rep.Errors)
	}
	if s.Gold != 9 || s.Unresolvable != 1 || s.Strict != (PRF{Matched: 3, Predicted: 6, Gold: 9}) || s.Overlap != (PRF{Matched: 5, Predicted: 6, Gold: 9}) {
		t.Errorf("recognition: gold %d strict %+v overlap %+v", s.Gold, s.Strict, s.Overlap)
	}
	if s.Scored != 4 || s.Within != 3 || s.CountryScored != 4 || s.CountryRight != 3 {
		t.Errorf("resolution: %d/%d within, country %d/%d", s.Within, s.Scored, s.CountryRight, s.CountryScored)
	}
	if c := s.Categories["PPLA"]; c == nil || c.Gold != 2 || c.Found != 1 || c.Within != 1 {
		t.Errorf("PPLA = %+v", c)
	}
	if c := s.Categories["Literal"]; c == nil || c.Gold != 2 || c.Found != 0 {
		t.Errorf("Literal = %+v", c)
	}

	var buf bytes.Buffer
	if err := rep.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"geo evaluation, end to end: 2 records, 9 gold toponyms (1 without coordinates), 6 predicted, 1 coder errors",
		"strict span                    3         6         9",
		"acc@161km            0.750  (3/4)",
		"by feature_code or type (",
		"definitions:",
		"left out of every resolution figure",
		"- geo-1",
		`missed: [62,70) "Östervik" gold (45.00, 19.00) RS PPLA #9000002`,
		`spurious: [0,6) "Floods" predicted "Floods" (5.00, 5.00) #6`,
		`off by 400 km: [74,82) "Sylvania" gold (44.00, 20.00) RS PCLI #9000003 predicted "Sylvania" (40.40, 20.00) ALB #3`,
		"- geo-2\n  error: coder broke\n  missed: [28,39)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "\ngeo: acc@161 0.750, country 0.750, recall 0.556, precision 0.833\n") {
		t.Errorf("last line:\n%s", out)
	}
	buf.Reset()
	if err := rep.Write(&buf, false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "misses:") || strings.Contains(buf.String(), "- geo-1") {
		t.Errorf("quiet report lists misses:\n%s", buf.String())
	}
}

func TestScoreGeoSpans(t *testing.T) {
	gold := sampleGold(t)
	var seen [][]dyad.Span
	resolve := func(d dyad.Doc, spans []dyad.Span) ([]dyad.Place, error) {
		seen = append(seen, spans)
		if d.ID == "geo-2" {
			return make([]dyad.Place, len(spans)-1), nil // one short
		}
		out := make([]dyad.Place, len(spans))
		for i, s := range spans {
			// Everything at Östervik (within 161 km of every gold place
			// of geo-1) but Port Varda, put ~345 km south.
			out[i] = dyad.Place{Start: s.Start, End: s.End, Lat: 45, Lon: 19, Country: "SRB", GeonameID: 2}
			if s.Start == 25 {
				out[i] = dyad.Place{Start: s.Start, End: s.End, Lat: 41, Lon: 18.2, Country: "HRV", GeonameID: 1}
			}
		}
		return out, nil
	}
	rep, err := ScoreGeoSpans(gold, resolve)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 || len(seen[0]) != 6 || seen[0][1] != (dyad.Span{Start: 39, End: 47}) {
		t.Fatalf("spans passed: %v", seen)
	}
	s := rep.Stats
	if !rep.GoldSpans || rep.Errors != 1 || s.Scored != 8 || s.Within != 4 || s.Resolved != 5 || s.CountryScored != 6 || s.CountryRight != 5 {
		t.Errorf("gold spans: errors %d scored %d within %d resolved %d country %d/%d",
			rep.Errors, s.Scored, s.Within, s.Resolved, s.CountryRight, s.CountryScored)
	}
	if s.Strict.Gold != 0 || s.Overlap.Predicted != 0 {
		t.Errorf("gold spans filled recognition: %+v %+v", s.Strict, s.Overlap)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"geo evaluation, on gold spans: 2 records, 9 gold toponyms (1 without coordinates), 1 resolver errors",
		"resolution of the gold toponyms with coordinates (8):",
		"error: resolver returned 2 places for 3 spans",
		`unresolved: [28,39) "Marvel City" gold (10.50, -66.90) Literal #9000010 predicted unresolved`,
		"Literal                        2       -       2     0.000",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "recognition:") || strings.Contains(out, "spurious:") {
		t.Errorf("gold-span report shows recognition:\n%s", out)
	}
	if !strings.HasSuffix(out, "\ngeo: acc@161 0.500, country 0.833, recall -, precision -\n") {
		t.Errorf("last line:\n%s", out)
	}

	if _, err := ScoreGeoSpans(gold, nil); err == nil {
		t.Error("nil resolver: no error")
	}
	if _, err := ScoreGeo(gold, nil); err == nil {
		t.Error("nil coder: no error")
	}
	failing := func(dyad.Doc, []dyad.Span) ([]dyad.Place, error) { return nil, errors.New("no gazetteer") }
	rep, err = ScoreGeoSpans(gold, failing)
	if err != nil || rep.Errors != 2 || rep.Stats.Scored != 8 || rep.Stats.Within != 0 {
		t.Errorf("failing resolver: %v %+v", err, rep)
	}
}

func TestGeoReportCapsAndOthers(t *testing.T) {
	// A record with many misses is capped; a spurious place on a gold
	// non-toponym says so.
	text := strings.Repeat("Lorem ", 30)
	var gold []GoldToponym
	for i := range 20 {
		gold = append(gold, top(6*i, 6*i+5, 1, 1, "", "PPL"))
	}
	g := GeoGold{ID: "many", Text: text, Toponyms: gold[:19],
		Others: []GoldToponym{{Start: 114, End: 119, Type: "Homonym"}}}
	rep, err := ScoreGeo([]GeoGold{g}, geoFakeCoder(map[string][]dyad.Place{"many": {place(114, 119, 2, 2, "")}}, ""))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "  ... and 8 more\n") {
		t.Errorf("no cap:\n%s", out)
	}
	if n := strings.Count(out, "\n  missed: "); n != geoMissLines {
		t.Errorf("%d missed lines, want %d", n, geoMissLines)
	}
	buf.Reset()
	g.Toponyms = gold[:2]
	rep, _ = ScoreGeo([]GeoGold{g}, geoFakeCoder(map[string][]dyad.Place{"many": {place(114, 119, 2, 2, "")}}, ""))
	_ = rep.Write(&buf, true)
	if !strings.Contains(buf.String(), "(gold says not a toponym: Homonym)") {
		t.Errorf("spurious on a non-toponym not marked:\n%s", buf.String())
	}
}

// TestGeoSharedGold loads the shared gold files; it only runs where they
// are present.
func TestGeoSharedGold(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "gold", "geo")
	for _, tc := range []struct {
		file                string
		records, toponyms   int
		unresolvable        int
		withCountryAndCoord int
	}{
		{"lgl.jsonl", 588, 5088, 626, 4427},
		{"geowebnews.jsonl", 200, 2599, 0, 1072},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("shared gold not present (%s): %v", path, err)
			}
			gold, err := LoadGeoGold(path)
			if err != nil {
				t.Fatal(err)
			}
			n, un, cc := 0, 0, 0
			for _, g := range gold {
				text := []rune(g.Text)
				for _, tp := range g.Toponyms {
					n++
					if !tp.HasCoords {
						un++
					} else if tp.Country != "" {
						cc++
						if len(ISO3(tp.Country)) != 3 {
							t.Errorf("%s: country %q not in the ISO table", g.ID, tp.Country)
						}
					}
					if string(text[tp.Start:tp.End]) != tp.Name {
						t.Errorf("%s: [%d,%d) is not %q", g.ID, tp.Start, tp.End, tp.Name)
					}
				}
			}
			if len(gold) != tc.records || n != tc.toponyms || un != tc.unresolvable || cc != tc.withCountryAndCoord {
				t.Errorf("%d records, %d toponyms, %d without coordinates, %d with a country; want %d %d %d %d",
					len(gold), n, un, cc, tc.records, tc.toponyms, tc.unresolvable, tc.withCountryAndCoord)
			}
			// A perfect resolver scores 1.
			rep, err := ScoreGeoSpans(gold, func(d dyad.Doc, spans []dyad.Span) ([]dyad.Place, error) {
				for _, g := range gold {
					if g.ID == d.ID {
						out := make([]dyad.Place, len(spans))
						for i, tp := range g.Toponyms {
							out[i] = dyad.Place{Start: tp.Start, End: tp.End, Lat: tp.Lat, Lon: tp.Lon, Country: ISO3(tp.Country), GeonameID: max(1, tp.GeonameID)}
						}
						return out, nil
					}
				}
				return nil, errors.New("unknown record")
			})
			if err != nil || rep.Stats.Acc161() != 1 || rep.Stats.CountryAccuracy() != 1 {
				t.Errorf("perfect resolver: %v %s", err, rep.Stats.Summary(false))
			}
		})
	}
}
