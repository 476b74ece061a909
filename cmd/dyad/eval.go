package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/pipeline"
)

const evalUsage = `usage: dyad eval KIND [flags] FILE.jsonl...

Scores dyad against gold-standard files and prints a report per file.

kinds:
  events   coded events against CAMEO gold ({source, target, code}) or
           PLOVER gold ({source, target, plover}), detected per record
  quotes   quotation attribution against PolNeAR-format gold ({id, text,
           quotes: [{start, end, speaker, cue, content_segments, ...}]}):
           direct quotes, their speakers, content and cues; indirect
           attributions apart
  geo      toponyms against LGL / GeoWebNews-format gold ({id, text,
           toponyms: [{start, end, name, lat, lon, country, ...}]}):
           recognition P/R/F1 and resolution end to end; --gold-spans
           resolves the gold spans alone (acc@161km, error km, country)

Run "dyad eval KIND -h" for the flags of a kind.
`

// runEval implements `dyad eval events [--dict SPEC]... [-q] FILE.jsonl...`;
// args are the arguments after "eval". It returns the exit code: 0 on
// success, 1 when a file cannot be read or scored, 2 on a usage error.
func runEval(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, evalUsage)
		return 2
	}
	switch kind := args[0]; kind {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, evalUsage)
		return 0
	case "events":
		return runEvalEvents(args[1:], stdout, stderr)
	case "quotes":
		return runEvalQuotes(args[1:], stdout, stderr)
	case "geo":
		return runEvalGeo(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "dyad eval: unknown kind %q\n\n%s", kind, evalUsage)
		return 2
	}
}

// runEvalEvents scores the event pipeline on each gold file.
func runEvalEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dyad eval events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var dicts dictList
	fs.Var(&dicts, "dict", dictUsage)
	quiet := fs.Bool("q", false, "print only the scores, not the misses nor the dictionary import summary")
	fs.Bool("v", true, "list every record that is not coded exactly, with the gold and predicted events, the rule that fired and the verb (the default; -q turns it off)")
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprint(out, `usage: dyad eval events [--dict SPEC]... [-q] FILE.jsonl...

Codes the text of every gold record with the pipeline and compares the events
it predicts with the expected ones. Gold records are JSON lines with "id",
"text", "date" (YYYYMMDD, YYYY-MM-DD or TABARI's YYMMDD) and "expected": a
list of {source, target, code} (CAMEO) or {source, target, plover} (PLOVER);
"expect_noevents": true asks for no event; "evaluate" or "valid_flag" "false"
skips the record. Example files: ../shared/gold/events/gsr78_dev.jsonl and
plover_gsr_dev.jsonl.

Validation suites:
  PETRARCH unit tests   "config" sets the coder options of a record:
                        require_dyad (default true) and new_actor_length;
                        comma_* are not supported (listed, ignored);
                        "expect_error" records are scored as no-event records
  TABARI validation     "kind": option records are not scored, their SET:...
                        lines apply to the records after them, starting from
                        the project's .options (--dict tabari:PROJECT);
                        noevents and discard expect no events; complex,
                        no_verification_record and after_FINAL records are
                        skipped
  Records that need different coder options are coded with one pipeline per
  set of options. Skipped records are counted by reason before the last line.

Metrics printed (definitions repeated in the report):
  strict               P/R/F1 over (source, target, code) triples per record
  country dyad + root  the same over (source[:3], target[:3], code[:2])
  record accuracy      records whose predicted triples equal the gold set
  PLOVER type          recall/precision of PLOVER types, source-country agreement
The last line is "records exact: N/M" (M: the records scored).

`+dictHelp+`
Examples:
  dyad eval events ../shared/gold/events/gsr78_dev.jsonl
  dyad eval events -q --dict 'petrarch:../shared/gold/events/dicts/petrarch2/PETR.Validate.*' ../shared/gold/events/petrarch_unit.jsonl
  dyad eval events -q --dict tabari:../shared/gold/events/dicts/tabari/Validate.project ../shared/gold/events/tabari_validation.jsonl

flags:
`)
		fs.PrintDefaults()
	}
	files, err := parseCommandLine(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "dyad eval events: no gold file given")
		fs.Usage()
		return 2
	}

	lex, tabariOptions, err := loadDicts(dicts, stderr, *quiet)
	if err != nil {
		fmt.Fprintf(stderr, "dyad eval events: %v\n", err)
		if code := dictExit(err); code == 2 {
			fmt.Fprintln(stderr, `Run "dyad eval events --help" for usage.`)
			return 2
		}
		return 1
	}
	dictNames := "own"
	if len(dicts) > 0 {
		dictNames = strings.Join(dicts, " + ")
	}
	// One pipeline per set of coder options, shared by every file.
	pipelines := map[coder.Options]eval.Coder{}
	newCoder := func(o coder.Options) (eval.Coder, error) {
		if c, ok := pipelines[o]; ok {
			return c, nil
		}
		p, err := pipeline.New(pipeline.Options{Lexicon: lex, Coding: o, DictionaryActorsOnly: importedDicts(dicts)})
		if err != nil {
			return nil, fmt.Errorf("load pipeline: %w", err)
		}
		c := func(d dyad.Doc) (dyad.Record, error) { return p.Process(d) }
		pipelines[o] = c
		return c, nil
	}

	exact, total := 0, 0
	for i, path := range files {
		gold, err := eval.LoadEventGoldWith(path, eval.LoadOptions{TabariOptions: tabariOptions, RequireDyad: importedDicts(dicts)})
		if err != nil {
			fmt.Fprintf(stderr, "dyad eval events: %v\n", err)
			return 1
		}
		rep, err := eval.ScoreEventsWith(gold, newCoder)
		if err != nil {
			fmt.Fprintf(stderr, "dyad eval events: %s: %v\n", path, err)
			return 1
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "== %s ==\ndictionaries: %s\n", path, dictNames)
		if err := rep.Write(stdout, !*quiet); err != nil {
			fmt.Fprintf(stderr, "dyad eval events: %v\n", err)
			return 1
		}
		exact += rep.Exact
		total += rep.Records
	}
	if len(files) > 1 {
		fmt.Fprintf(stdout, "\n== all %d files ==\nrecords exact: %d/%d\n", len(files), exact, total)
	}
	return 0
}

// runEvalQuotes implements `dyad eval quotes [-q] FILE.jsonl...`: it scores
// the quotations of the default pipeline on each gold file.
func runEvalQuotes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dyad eval quotes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	quiet := fs.Bool("q", false, "print only the scores, not the misses")
	fs.Bool("v", true, "list per record the gold direct quotes missed, the wrong speakers and the spurious direct quotes (the default; -q turns it off)")
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprint(out, `usage: dyad eval quotes [-q] FILE.jsonl...

Codes the text of every gold record with the pipeline and compares the
quotations it finds with the gold attributions (PolNeAR format, as in
../shared/gold/quotes/polnear_dev.jsonl). A gold record is a JSON line
{id, text, quotes: [{start, end, speaker, cue, content_segments,
speaker_segments, cue_segments, direct}]}: offsets are Unicode code points
into text, end exclusive; speaker is null when there is none; direct says
the content holds quotation marks.

Metrics printed for direct quotes, indirect attributions and all together
(definitions repeated in the report):
  quotes                 a prediction matches a gold quote when their content
                         overlap is >= 50% of both; P/R/F1
  speaker                right when the spans overlap or the names agree
                         ("Firefly" = "Rufus Firefly"); accuracy on the
                         matched quotes, and P/R/F1
  content exact          identical content, ends trimmed of punctuation
  content overlap (soft) overlap/|pred| and overlap/|gold| averaged, P/R/F1
  cue                    the predicted cue overlaps the gold cue; P/R/F1
The last line is "direct quotes: recall R precision P, speaker S".

Example:
  dyad eval quotes ../shared/gold/quotes/polnear_dev.jsonl

flags:
`)
		fs.PrintDefaults()
	}
	files, golds, p, status := prepareEval(fs, args, "dyad eval quotes", eval.LoadQuoteGold, stderr)
	if p == nil {
		return status
	}
	code := func(d dyad.Doc) (dyad.Record, error) { return p.Process(d) }

	var direct eval.QuoteStats
	for i, path := range files {
		rep, err := eval.ScoreQuotes(golds[i], code)
		if err != nil {
			fmt.Fprintf(stderr, "dyad eval quotes: %s: %v\n", path, err)
			return 1
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "== %s ==\n", path)
		if err := rep.Write(stdout, !*quiet); err != nil {
			fmt.Fprintf(stderr, "dyad eval quotes: %v\n", err)
			return 1
		}
		direct.Add(rep.Direct())
	}
	if len(files) > 1 {
		fmt.Fprintf(stdout, "\n== all %d files ==\n%s\n", len(files), direct.Summary())
	}
	return 0
}

// spanResolver is the pipeline method behind --gold-spans; it is looked up
// by assertion so that the command builds whether or not the pipeline has
// a geo stage.
type spanResolver interface {
	ResolvePlaces(dyad.Doc, []dyad.Span) ([]dyad.Place, error)
}

// runEvalGeo implements `dyad eval geo [--gold-spans] [-q] FILE.jsonl...`:
// it scores the places of the default pipeline on each gold file, end to
// end or on the gold spans.
func runEvalGeo(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dyad eval geo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	goldSpans := fs.Bool("gold-spans", false, "resolve the gold toponym spans instead of finding toponyms (resolution only, as the literature reports it)")
	quiet := fs.Bool("q", false, "print only the figures, not the misses")
	fs.Bool("v", true, "list per record the missed and spurious toponyms and the resolutions off by more than 161 km (the default; -q turns it off)")
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprint(out, `usage: dyad eval geo [--gold-spans] [-q] FILE.jsonl...

Scores the places dyad finds and resolves against toponym gold (the LGL and
GeoWebNews formats of ../shared/gold/geo). A gold record is a JSON line {id,
text, toponyms: [{start, end, name, lat, lon, country, geonameid,
feature_code | type}], other_annotations, meta}: offsets are Unicode code
points into text, end exclusive; country is ISO 3166-1 alpha-2 or null;
lat/lon null marks a toponym no gazetteer entry resolves (it counts for
recognition, not for resolution).

End to end (the default) codes each text and compares the record's places:
  strict span      identical [start, end); P/R/F1
  overlap          spans sharing a rune, one-to-one; P/R/F1
  acc@161km, country accuracy, median/mean error km on the overlap pairs
With --gold-spans the pipeline resolves the gold spans themselves:
  acc@161km        predicted coordinates within 161 km (haversine)
  median/mean error km, country accuracy (ISO-3), share resolved
Both add a breakdown by feature_code (LGL) or type (GeoWebNews), the ten
largest categories. Definitions are repeated in the report. The last line
is "geo: acc@161 A, country C, recall R, precision P" ("-": not computed).

Examples:
  dyad eval geo ../shared/gold/geo/lgl.jsonl
  dyad eval geo --gold-spans -q ../shared/gold/geo/geowebnews.jsonl

flags:
`)
		fs.PrintDefaults()
	}
	files, golds, p, status := prepareEval(fs, args, "dyad eval geo", eval.LoadGeoGold, stderr)
	if p == nil {
		return status
	}
	score := func(g []eval.GeoGold) (*eval.GeoReport, error) {
		return eval.ScoreGeo(g, func(d dyad.Doc) (dyad.Record, error) { return p.Process(d) })
	}
	if *goldSpans {
		r, ok := any(p).(spanResolver)
		if !ok {
			fmt.Fprintln(stderr, "dyad eval geo: --gold-spans: this build has no geo stage")
			return 1
		}
		score = func(g []eval.GeoGold) (*eval.GeoReport, error) { return eval.ScoreGeoSpans(g, r.ResolvePlaces) }
	}

	var total eval.GeoStats
	for i, path := range files {
		rep, err := score(golds[i])
		if err != nil {
			fmt.Fprintf(stderr, "dyad eval geo: %s: %v\n", path, err)
			return 1
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "== %s ==\n", path)
		if err := rep.Write(stdout, !*quiet); err != nil {
			fmt.Fprintf(stderr, "dyad eval geo: %v\n", err)
			return 1
		}
		total.Add(rep.Stats)
	}
	if len(files) > 1 {
		fmt.Fprintf(stdout, "\n== all %d files ==\n%s\n", len(files), total.Summary(!*goldSpans))
	}
	return 0
}

// prepareEval parses an eval kind's command line, reads every gold file
// with load (so that a bad file fails before the pipeline loads) and loads
// the pipeline. When p is nil the command is over, with exit status code.
func prepareEval[T any](fs *flag.FlagSet, args []string, name string, load func(string) ([]T, error), stderr io.Writer) (files []string, golds [][]T, p *pipeline.Pipeline, code int) {
	files, err := parseCommandLine(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, nil, nil, 0
	}
	if err != nil {
		return nil, nil, nil, 2
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "%s: no gold file given\n", name)
		fs.Usage()
		return nil, nil, nil, 2
	}
	golds = make([][]T, len(files))
	for i, path := range files {
		if golds[i], err = load(path); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return nil, nil, nil, 1
		}
	}
	if p, err = pipeline.New(pipeline.Options{}); err != nil {
		fmt.Fprintf(stderr, "%s: load pipeline: %v\n", name, err)
		return nil, nil, nil, 1
	}
	return files, golds, p, 0
}
