package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
	"github.com/dyad-events/dyad/ingest"
	"github.com/dyad-events/dyad/sqlite"
)

const exportHead = `Usage: dyad export [--db FILE] --format jsonl|csv|gdelt|plover [filters] [-o FILE]

Writes the events of the event database ("dyad ingest" fills it) that pass
the filters, newest first. Each event is one report by one document; its
num_mentions and num_sources count the documents (and their distinct
sources) that report the same event: same date, source, target and code.

Filters (all optional, combined with AND):
  --source X, --target X   a country (3 letters: IRN) or a full actor code
                           (IRNMIL); the country is the code's first three
                           letters (IGO for organisations, --- for unknown)
  --code C, --root R       a CAMEO code (exact: 043) or root (04)
  --quad N                 a QuadClass 1..4
  --from D, --to D         dates YYYY-MM-DD, inclusive
  --q TEXT                 full-text search of the event sentences (SQLite
                           FTS5 syntax: words, "a phrase", OR, NOT, prefix*)
  --doc ID                 the events of one document
`

const exportTail = `Formats:
  jsonl   one JSON object per event: the output contract's event (code, root,
          quad_class, goldstein, plover, source, target, verb, rule, place, …)
          plus id, doc_id, url, date, text (its sentence), num_mentions and
          num_sources
  csv     a header line, then one row per event with the columns
          id date doc_id url source_code source_country source_text
          target_code target_country target_text code root label quad_class
          goldstein plover verb negated num_mentions num_sources place
          place_country lat lon geonameid sentence rule
  gdelt   the GDELT 2.0 event table: 61 tab-separated columns, no header, as
          GDELT's own files (GlobalEventID Day MonthYear Year FractionDate
          Actor1Code Actor1Name Actor1CountryCode … Actor1Type1Code…Type3Code,
          the same for Actor2, IsRootEvent EventCode EventBaseCode
          EventRootCode QuadClass GoldsteinScale NumMentions NumSources
          NumArticles AvgTone, Actor1Geo_*, Actor2Geo_*, ActionGeo_* DATEADDED
          SOURCEURL). Filled: ids, dates, actor codes, names, countries and
          sector types, the event codes, QuadClass, Goldstein, mentions and
          sources, ActionGeo_* from the event's place (country codes are ISO
          alpha-3, not FIPS; FeatureID is the GeoNames id), DATEADDED (the
          event's day) and SOURCEURL (the URL, else the document id). Empty:
          group/ethnic/religion codes, AvgTone, Actor1Geo_* and Actor2Geo_*.
  plover  PLOVER-style JSON lines: id, date, event_type (the PLOVER
          category), mode (where the CAMEO mapping gives one), context (empty),
          actor and recipient (text, code, country, sectors), location (name,
          country, admin1, lat, lon, geonameid), cameo_code, goldstein,
          quad_class, num_mentions, num_sources, doc_id, url, text. Events
          without a PLOVER category (most 01x statements and 02x appeals) are
          left out.

Exit status: 0 written, 1 error (no database, write failure), 2 usage error.

Examples:
  dyad export --format csv -o events.csv
  dyad export --db events.db --format gdelt --source IRN --from 2023-01-01 > irn.tsv
  dyad export --format plover --root 19 --q 'border OR frontier'
  dyad export --format jsonl --doc wires/a.txt
`

// runExport implements "dyad export".
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export")
	dbPath := fs.String("db", "dyad.db", "the database `FILE`")
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(export.EventFormats, ", "))
	var f dyad.EventFilter
	fs.StringVar(&f.Source, "source", "", "source actor: a `country` (IRN) or full code (IRNMIL)")
	fs.StringVar(&f.Target, "target", "", "target actor: a `country` (IRN) or full code (IRNMIL)")
	fs.StringVar(&f.Code, "code", "", "CAMEO event `code`, exact (043)")
	fs.StringVar(&f.Root, "root", "", "CAMEO `root` (04)")
	fs.IntVar(&f.Quad, "quad", 0, "QuadClass `N` (1..4)")
	fs.StringVar(&f.From, "from", "", "first `date` (YYYY-MM-DD), inclusive")
	fs.StringVar(&f.To, "to", "", "last `date` (YYYY-MM-DD), inclusive")
	fs.StringVar(&f.Q, "q", "", "full-text search `query` over the event sentences")
	fs.StringVar(&f.Doc, "doc", "", "events of the document `ID`")
	var outPath string
	fs.StringVar(&outPath, "o", "", "write to `FILE` instead of standard output")
	fs.StringVar(&outPath, "output", "", "same as -o `FILE`")
	pos, code, done := parseFlags(fs, args, exportHead, exportTail, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return usageError(stderr, "export", "unexpected argument %q (the database is --db FILE)", pos[0])
	}
	if f.Quad < 0 || f.Quad > 4 {
		return usageError(stderr, "export", "--quad must be 1..4, not %d", f.Quad)
	}
	for _, d := range []*string{&f.From, &f.To} {
		if *d == "" {
			continue
		}
		v, err := ingest.ParseDate(*d)
		if err != nil {
			return usageError(stderr, "export", "bad date %q: %v", *d, err)
		}
		*d = v
	}
	if _, err := export.NewEventWriter(*format, io.Discard); err != nil {
		return usageError(stderr, "export", "--format: %v", err)
	}
	if _, err := os.Stat(*dbPath); err != nil {
		fmt.Fprintf(stderr, "dyad: %s: no database (run \"dyad ingest --db %s SOURCE...\" first)\n", *dbPath, *dbPath)
		return 1
	}
	store, err := sqlite.Open(*dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad: %v\n", err)
		return 1
	}
	defer store.Close()

	out := stdout
	var outFile *os.File
	if outPath != "" && outPath != "-" {
		outFile, err = os.Create(outPath)
		if err != nil {
			fmt.Fprintf(stderr, "dyad: %v\n", err)
			return 1
		}
		out = outFile
	}
	w, _ := export.NewEventWriter(*format, out)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	n, werr := exportEvents(ctx, store, f, w)
	if werr = closeOutput(w, outFile, outPath, werr); werr != nil {
		fmt.Fprintf(stderr, "dyad: %v\n", werr)
		return 1
	}
	if isTerminal(stderr) {
		fmt.Fprintf(stderr, "exported %s\n", plural(n, "event"))
	}
	return 0
}

// exportEvents streams the store's events to the writer.
func exportEvents(ctx context.Context, store *sqlite.Store, f dyad.EventFilter, w export.EventWriter) (int, error) {
	n := 0
	err := store.EachEvent(ctx, f, func(ev *dyad.StoredEvent) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		return w.Write(ev)
	})
	return n, err
}
