package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// missTextRunes is how much of a record's text a miss listing shows.
const missTextRunes = 240

// Write prints the report as plain text. With verbose it lists every
// record that is not exact. The last line is "records exact: N/M".
func (r *EventReport) Write(w io.Writer, verbose bool) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("event evaluation: %d records evaluated (%d CAMEO, %d PLOVER), %d skipped", r.Records, r.CAMEORecords, r.PLOVERRecords, r.Skipped)
	if r.Errors > 0 {
		p(", %d coder errors", r.Errors)
	}
	p("\n")
	if r.Records > 0 && r.Elapsed >= time.Millisecond {
		p("coder time: %s (%.1f records/s)\n", r.Elapsed.Round(time.Millisecond), float64(r.Records)/r.Elapsed.Seconds())
	}
	p("\n")
	p("%-24s %9s %9s %9s %7s %7s %7s\n", "metric", "matched", "predicted", "gold", "P", "R", "F1")
	prfLine := func(name string, m PRF) {
		p("%-24s %9d %9d %9d %7.3f %7.3f %7.3f\n", name, m.Matched, m.Predicted, m.Gold, m.Precision(), m.Recall(), m.F1())
	}
	prfLine("strict", r.Strict)
	prfLine("country dyad + root", r.Country)
	p("%-24s %9d %9s %9d %7.3f\n", "record accuracy", r.Exact, "", r.Records, ratio(r.Exact, r.Records))
	if r.PLOVERRecords > 0 {
		s := r.Plover
		p("\nPLOVER type: recall %.3f (%d/%d), precision %.3f (%d/%d), source country agrees on %.3f of hits (%d/%d)\n",
			s.Recall(), s.Hits, s.Gold, s.Precision(), s.Hits, s.Predicted, s.CountryAgreement(), s.CountryHits, s.Hits)
	}

	p("\ndefinitions:\n")
	for _, d := range []string{
		"triple = (source, target, label): label is the CAMEO code (CAMEO gold) or the PLOVER type (PLOVER gold);",
		"  predicted actors are event.source.code / event.target.code; nil, \"\", \"null\" and a bare \"---\" count as no actor",
		"strict = triples matched per record as multisets; P = matched/predicted, R = matched/gold, micro-averaged",
		"country dyad + root = the same over (first 3 letters of source, of target, CAMEO root or PLOVER type);",
		"  JAP=JPN, ROM=ROU, VTN=VNM are folded together",
		"record exact = set of predicted triples equals the gold set (expect_noevents: no event predicted)",
	} {
		p("  %s\n", d)
	}
	if r.PLOVERRecords > 0 {
		p("  PLOVER type hit = a gold event whose type some predicted event of the record has (each used once);\n")
		p("    country agreement = share of hits whose predicted source country equals the gold one\n")
	}

	table := func(title string, rows []CategoryStats) {
		if len(rows) == 0 {
			return
		}
		p("\n%s\n", title)
		p("  %-12s %6s %6s %6s %7s %7s %7s\n", "category", "gold", "pred", "hits", "P", "R", "F1")
		for _, c := range rows {
			p("  %-12s %6d %6d %6d %7.3f %7.3f %7.3f\n", c.Category, c.Gold, c.Predicted, c.Matched, c.Precision(), c.Recall(), c.F1())
		}
	}
	table("by CAMEO root (strict hits):", r.ByRoot)
	table("by PLOVER type (type hits):", r.ByPlover)

	if verbose {
		misses := 0
		for _, res := range r.Results {
			if res.Exact {
				continue
			}
			if misses == 0 {
				p("\nmisses:\n")
			}
			misses++
			writeMiss(bw, res)
		}
	}
	p("\n")
	for _, c := range r.SkipReasons {
		p("skipped: %d %s\n", c.N, c.What)
	}
	if r.ExpectErrors > 0 {
		p("expect_error: %s, scored as no-event records\n", countNoun(r.ExpectErrors, "record"))
	}
	if len(r.Unsupported) > 0 {
		p("not supported (ignored): %s\n", countList(r.Unsupported, "record", 0))
	}
	if len(r.TabariOptions) > 0 {
		p("TABARI options in force, not mapped onto the coder (ignored): %s\n", countList(r.TabariOptions, "record", 8))
	}
	if r.OptionGroups > 1 {
		p("coder options: %d different sets, one pipeline each\n", r.OptionGroups)
	}
	p("records exact: %d/%d\n", r.Exact, r.Records)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}

func writeMiss(w io.Writer, res RecordResult) {
	fmt.Fprintf(w, "\n- %s [%s]\n", res.ID, res.Flavour)
	fmt.Fprintf(w, "  text: %s\n", truncate(oneLine(res.Text), missTextRunes))
	if o := describeOptions(res.Options); o != "" {
		fmt.Fprintf(w, "  options: %s\n", o)
	}
	if res.ExpectError != "" {
		fmt.Fprintf(w, "  expect_error: %s (scored as expecting no events)\n", res.ExpectError)
	}
	if res.Err != nil {
		fmt.Fprintf(w, "  coder error: %v\n", res.Err)
	}
	if res.ExpectNoEvents || len(res.Gold) == 0 {
		fmt.Fprintf(w, "  gold: (no events)\n")
	} else {
		fmt.Fprintf(w, "  gold:\n")
		for _, t := range res.Gold {
			fmt.Fprintf(w, "    %s\n", t)
		}
	}
	if len(res.Predicted) == 0 {
		fmt.Fprintf(w, "  predicted: (no events)\n")
		return
	}
	fmt.Fprintf(w, "  predicted:\n")
	for _, pe := range res.Predicted {
		rule := pe.Rule
		if rule == "" {
			rule = "?"
		}
		fmt.Fprintf(w, "    %s  rule=%s verb=%q\n", pe.Triple, rule, pe.Verb)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

// countNoun writes "1 record", "2 records".
func countNoun(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// countList writes counts as "comma_min (12 records), comma_max (3
// records)"; with max > 0 it lists at most max of them and says how many
// more there are.
func countList(list []Count, word string, max int) string {
	var parts []string
	for i, c := range list {
		if max > 0 && i == max {
			parts = append(parts, fmt.Sprintf("and %d more", len(list)-max))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", c.What, countNoun(c.N, word)))
	}
	return strings.Join(parts, ", ")
}
