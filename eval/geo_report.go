package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// geoMissLines is how many listing lines a record gets in a verbose geo
// report before the rest is counted.
const geoMissLines = 12

// geoTopCategories is how many categories the breakdown lists.
const geoTopCategories = 10

// Write prints the report as plain text: recognition (end to end), the
// resolution figures, a breakdown by feature code or type (the ten largest
// categories), the definitions and, with verbose, per record the missed
// and spurious toponyms and the resolutions off by more than 161 km or
// left unresolved (at most geoMissLines lines a record). The last line is
// always GeoStats.Summary.
func (r *GeoReport) Write(w io.Writer, verbose bool) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	s := r.Stats
	endToEnd := !r.GoldSpans

	mode, who := "end to end", "coder"
	if r.GoldSpans {
		mode, who = "on gold spans", "resolver"
	}
	p("geo evaluation, %s: %d records, %d gold toponyms (%d without coordinates)",
		mode, r.Records, s.Gold, s.Unresolvable)
	if endToEnd {
		p(", %d predicted", s.Overlap.Predicted)
	}
	if r.Errors > 0 {
		p(", %d %s errors", r.Errors, who)
	}
	p("\n")
	if r.Records > 0 && r.Elapsed >= time.Millisecond {
		p("%s time: %s (%.1f records/s), scoring time: %s\n", who, r.Elapsed.Round(time.Millisecond),
			float64(r.Records)/r.Elapsed.Seconds(), r.Scoring.Round(time.Microsecond))
	}

	if endToEnd {
		p("\nrecognition:\n")
		p("  %-22s %9s %9s %9s %7s %7s %7s\n", "metric", "matched", "predicted", "gold", "P", "R", "F1")
		for _, m := range []struct {
			name string
			prf  PRF
		}{{"strict span", s.Strict}, {"overlap (one-to-one)", s.Overlap}} {
			p("  %-22s %9d %9d %9d %7.3f %7.3f %7.3f\n", m.name, m.prf.Matched, m.prf.Predicted, m.prf.Gold,
				m.prf.Precision(), m.prf.Recall(), m.prf.F1())
		}
		p("\nresolution of the matched toponyms with gold coordinates (%d):\n", s.Scored)
	} else {
		p("\nresolution of the gold toponyms with coordinates (%d):\n", s.Scored)
	}
	frac := func(name string, a, b int) {
		if b == 0 {
			p("  %-18s %7s\n", name, "-")
			return
		}
		p("  %-18s %7.3f  (%d/%d)\n", name, ratio(a, b), a, b)
	}
	km := func(name string, v float64) {
		if len(s.ErrorsKm) == 0 {
			p("  %-18s %7s\n", name, "-")
			return
		}
		p("  %-18s %7.1f  (over %d resolved)\n", name, v, len(s.ErrorsKm))
	}
	frac("acc@161km", s.Within, s.Scored)
	km("median error km", s.MedianKm())
	km("mean error km", s.MeanKm())
	frac("country accuracy", s.CountryRight, s.CountryScored)
	frac("resolved", s.Resolved, s.Scored)

	if len(s.Categories) > 0 {
		cats := sortedGeoCategories(s.Categories)
		p("\nby %s (%d of %d categories, largest first):\n", categoryLabel(r), min(len(cats), geoTopCategories), len(cats))
		p("  %-24s %7s %7s %7s %9s\n", "category", "gold", "recall", "scored", "acc@161")
		var rest GeoCategory
		for i, c := range cats {
			if i >= geoTopCategories {
				rest.add(*s.Categories[c])
				continue
			}
			writeGeoCategory(bw, c, *s.Categories[c], endToEnd)
		}
		if len(cats) > geoTopCategories {
			writeGeoCategory(bw, fmt.Sprintf("(other %d)", len(cats)-geoTopCategories), rest, endToEnd)
		}
	}

	p("\ndefinitions:\n")
	for _, d := range []string{
		"spans are [start,end) in runes; gold toponyms with null lat/lon (unresolvable) count for recognition",
		"  and are left out of every resolution figure",
		"strict span: a predicted place whose [start,end) equals a gold toponym's, one-to-one",
		"overlap: a predicted place and a gold toponym sharing at least one rune, one-to-one, greedy by most runes",
		"  shared; P = matched/predicted, R = matched/gold (micro)",
		"scored pairs: the overlap-matched pairs (end to end) or every gold span with the place resolved for it",
		"  (--gold-spans), whose gold toponym has coordinates",
		"acc@161km: scored pairs whose predicted coordinates lie within 161 km of the gold ones (great-circle,",
		"  haversine, Earth radius 6371 km); an unresolved place (geonameid 0, lat = lon = 0) counts as wrong",
		"median / mean error km: over the resolved scored pairs; resolved: the share of scored pairs resolved",
		"country accuracy: scored pairs whose gold has a country code (ISO-2, compared as ISO-3) with the same",
		"  predicted country; toponyms without a gold country (continents, regions, seas, and GeoWebNews's",
		"  non-country toponyms) are left out",
		"by category: GeoNames feature_code, else the GeoWebNews type; recall = matched/gold (end to end)",
	} {
		p("  %s\n", d)
	}

	if verbose {
		n := 0
		for _, res := range r.Results {
			if res.Err == nil && len(res.Missed) == 0 && len(res.Spurious) == 0 && offPairs(res) == 0 {
				continue
			}
			if n == 0 {
				p("\nmisses:\n")
			}
			n++
			writeGeoMiss(bw, res)
		}
	}
	p("\n%s\n", s.Summary(endToEnd))
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}

func writeGeoCategory(w io.Writer, name string, c GeoCategory, endToEnd bool) {
	recall := "-"
	if endToEnd {
		recall = fmt.Sprintf("%.3f", ratio(c.Found, c.Gold))
	}
	acc := "-"
	if c.Scored > 0 {
		acc = fmt.Sprintf("%.3f", ratio(c.Within, c.Scored))
	}
	fmt.Fprintf(w, "  %-24s %7d %7s %7d %9s\n", truncate(name, 24), c.Gold, recall, c.Scored, acc)
}

// sortedGeoCategories orders the categories by gold count, then name.
func sortedGeoCategories(m map[string]*GeoCategory) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if a, b := m[out[i]].Gold, m[out[j]].Gold; a != b {
			return a > b
		}
		return out[i] < out[j]
	})
	return out
}

// categoryLabel names what the categories are: "feature_code", "type" or
// both.
func categoryLabel(r *GeoReport) string {
	var fc, ty bool
	for _, res := range r.Results {
		for _, g := range res.Gold {
			fc = fc || g.FeatureCode != ""
			ty = ty || g.Type != ""
		}
	}
	switch {
	case fc && ty:
		return "feature_code or type"
	case ty:
		return "type"
	}
	return "feature_code"
}

// offPairs counts the scored pairs resolved beyond 161 km or not at all.
func offPairs(res GeoResult) int {
	n := 0
	for _, pr := range res.Pairs {
		if pr.Scored && !pr.Within {
			n++
		}
	}
	return n
}

func writeGeoMiss(w io.Writer, res GeoResult) {
	fmt.Fprintf(w, "\n- %s\n", res.ID)
	if res.Err != nil {
		fmt.Fprintf(w, "  error: %v\n", res.Err)
	}
	text := []rune(res.Text)
	var lines []string
	for _, i := range res.Missed {
		g := res.Gold[i]
		lines = append(lines, fmt.Sprintf("missed: %s gold %s", geoSpanText(text, g.Start, g.End), goldWhere(g)))
	}
	for _, i := range res.Spurious {
		pl := res.Predicted[i]
		line := fmt.Sprintf("spurious: %s predicted %s", geoSpanText(text, pl.Start, pl.End), predWhere(pl))
		if o, ok := overlappingOther(res.Others, pl); ok {
			line += fmt.Sprintf(" (gold says not a toponym: %s)", o)
		}
		lines = append(lines, line)
	}
	for _, pr := range res.Pairs {
		if !pr.Scored || pr.Within {
			continue
		}
		g, pl := res.Gold[pr.Gold], res.Predicted[pr.Pred]
		what := "unresolved"
		if pr.Resolved {
			what = fmt.Sprintf("off by %.0f km", pr.ErrorKm)
		}
		lines = append(lines, fmt.Sprintf("%s: %s gold %s predicted %s", what,
			geoSpanText(text, g.Start, g.End), goldWhere(g), predWhere(pl)))
	}
	for i, l := range lines {
		if i == geoMissLines {
			fmt.Fprintf(w, "  ... and %d more\n", len(lines)-geoMissLines)
			break
		}
		fmt.Fprintf(w, "  %s\n", l)
	}
}

// geoSpanText shows a span of the text with its position:
// `[12,18) "Harbor"`.
func geoSpanText(text []rune, start, end int) string {
	n := len(text)
	lo, hi := max(0, min(start, n)), max(0, min(end, n))
	return fmt.Sprintf("[%d,%d) %q", start, end, truncate(oneLine(string(text[lo:hi])), 60))
}

// goldWhere shows a gold toponym's resolution: "(31.31, -92.45) US
// PPL #4314550" or "(no coordinates)".
func goldWhere(g GoldToponym) string {
	if !g.HasCoords {
		return "(no coordinates)"
	}
	parts := []string{fmt.Sprintf("(%.2f, %.2f)", g.Lat, g.Lon)}
	if g.Country != "" {
		parts = append(parts, g.Country)
	}
	if c := g.Category(); c != "(none)" {
		parts = append(parts, c)
	}
	if g.GeonameID != 0 {
		parts = append(parts, fmt.Sprintf("#%d", g.GeonameID))
	}
	return strings.Join(parts, " ")
}

// predWhere shows a predicted place: `"Name" (lat, lon) ISO3 FEAT #id` or
// "unresolved".
func predWhere(pl dyad.Place) string {
	if !Resolved(pl) {
		return "unresolved"
	}
	parts := []string{}
	if pl.Name != "" {
		parts = append(parts, fmt.Sprintf("%q", pl.Name))
	}
	parts = append(parts, fmt.Sprintf("(%.2f, %.2f)", pl.Lat, pl.Lon))
	if pl.Country != "" {
		parts = append(parts, pl.Country)
	}
	if pl.Feature != "" {
		parts = append(parts, pl.Feature)
	}
	if pl.GeonameID != 0 {
		parts = append(parts, fmt.Sprintf("#%d", pl.GeonameID))
	}
	return strings.Join(parts, " ")
}

// overlappingOther returns the type of a non-toponym annotation the
// predicted place overlaps.
func overlappingOther(others []GoldToponym, pl dyad.Place) (string, bool) {
	for _, o := range others {
		if o.Start < pl.End && pl.Start < o.End {
			if o.Type != "" {
				return o.Type, true
			}
			return "other annotation", true
		}
	}
	return "", false
}
