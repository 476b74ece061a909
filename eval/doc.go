// Package eval loads gold-standard files and scores the dyad pipeline
// against them. It is what `dyad eval` runs.
//
// # Event gold
//
// LoadEventGold reads a JSONL file of event records. Two flavours are
// recognised, per record:
//
//   - CAMEO: "expected" is a list of {source, target, code} with actor codes
//     such as USAGOV or IRNMIL and CAMEO event codes ("043"). This is the
//     format of the PETRARCH-derived files (gsr78_dev.jsonl,
//     petrarch_unit.jsonl, udpetrarch_unit.jsonl).
//   - PLOVER: "expected" is a list of {source, target, plover} where plover
//     is a PLOVER event type (AGREE, CONSULT, ...), as in plover_gsr_dev.jsonl.
//
// A record is skipped (not evaluated) when its "evaluate" or "valid_flag"
// field is "false". "expect_noevents": true says the record should yield no
// event at all. Dates given as YYYYMMDD, YYYY-MM-DD or (TABARI) YYMMDD
// become YYYY-MM-DD; a two-digit year 00-29 is 20YY, 30-99 19YY.
//
// # Validation suites
//
// Records of the PETRARCH and TABARI validation suites carry options and
// kinds that change how they are coded and scored:
//
//   - PETRARCH unit tests: "config" sets the coder options of the record
//     (EventGold.Options): require_dyad (true/false, any case) and
//     new_actor_length; in a file whose records carry configs, a record
//     without one gets PETRARCH's default, require_dyad true. The comma_*
//     settings cannot be expressed and are listed as not supported.
//     "expect_error" records are scored as expecting no events and counted
//     apart.
//   - TABARI validation: "kind" option records are not scored; their
//     "options" lines change the option list in force for the records
//     after them (EventGold.TabariOptions, starting from
//     LoadOptions.TabariOptions, the project's .options file). Kinds
//     noevents and discard expect no events; complex ({+++}, too complex
//     to code) and no_verification_record are skipped, and so is every
//     record with "after_FINAL": true (after the end of the standard
//     records).
//
// ScoreEventsWith codes records that need different coder options with
// different coders, one per distinct EventGold.Options.
//
// # Event metrics
//
// ScoreEvents codes the text of every evaluated record with a Coder and
// compares what it predicts with the gold. Every predicted event of the
// record's output counts (negated ones included). Definitions:
//
//   - Normalisation: an actor code that is absent, null, "", "null" or a
//     bare "---" (PETRARCH's mark for an actor it found none for) becomes
//     "" (no actor) on both sides; a predicted actor is
//     event.source.code / event.target.code, "" when the actor is nil.
//   - The event label of a triple is the CAMEO code for CAMEO records and
//     the PLOVER type (event.plover on the predicted side) for PLOVER
//     records. When a gold file uses the PLOVER types of the drafts before
//     the 2021 codebook (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT), a
//     predicted event's type is taken from its CAMEO code in that older
//     scheme: 02 and 10 DEMAND, 09 INVESTIGATE, 11 DISAPPROVE, 19 FIGHT
//     (but 191, a blockade, COERCE as in 2021), 081-083 CONCEDE, 1712
//     (destroying property) COERCE; other codes keep event.plover.
//   - Strict: precision, recall and F1 over (source, target, label) triples,
//     matched per record as multisets: a gold triple occurring twice needs
//     two predicted copies. P = matched/predicted, R = matched/gold,
//     F1 = 2PR/(P+R), all summed over records before dividing (micro).
//   - Country dyad + root: the same over (country(source),
//     country(target), root(label)), where country is the first three
//     letters of the actor code with a few CAMEO/ISO aliases folded together
//     (JAP=JPN, ROM=ROU, VTN=VNM) and root is the first two characters of a
//     CAMEO code (the whole PLOVER type for PLOVER records).
//   - Record accuracy: a record is exact when the set of predicted strict
//     triples equals the set of gold triples; for an expect_noevents record,
//     when nothing at all is predicted.
//   - PLOVER-type recall (PLOVER records only): each gold event is a hit
//     when some predicted event of the same record has its PLOVER type; each
//     predicted event serves at most one gold event, and predicted events
//     whose source country agrees are used first. Recall = hits/gold events,
//     precision = hits/predicted events; source-country agreement = the
//     share of hits whose predicted source country equals the gold source
//     country (same country function as above, so IGO, IMG, NGO compare on
//     those three letters).
//   - Per-category tables: for CAMEO records by CAMEO root (gold triples
//     with that root, predicted triples with that root, strict matches with
//     that root); for PLOVER records by PLOVER type (gold events, predicted
//     events, PLOVER-type hits). P, R and F1 as above within the category.
//
// EventReport.Write prints the figures, the definitions, the tables and,
// when verbose, every record that is not exact with its gold triples and its
// predicted triples (with the rule that fired and the verb). Its last line
// is always "records exact: N/M" with M the number of evaluated records;
// the lines before it count the skipped records by reason, the expect_error
// records and the options that are not supported.
//
// # Quotation gold
//
// LoadQuoteGold reads PolNeAR-format records ({id, text, quotes: [{start,
// end, speaker, cue, content_segments, speaker_segments, cue_segments,
// direct}]}, rune offsets) and ScoreQuotes codes each text and compares
// the record's Quotes with the gold attributions, separately for direct
// quotations (gold direct: the content holds quotation marks), indirect
// attributions and all of them. A prediction matches a gold attribution
// when their contents (unions of pieces) overlap by at least half of each;
// matching is one-to-one, greedy by overlap. On the matches it scores the
// speaker (span overlap or the same name), the cue (span overlap) and the
// content (exact pieces; soft overlap P/R). QuoteReport.Write prints the
// tables and definitions and, verbose, the misses per record; its last
// line is "direct quotes: recall R precision P, speaker S". The full
// definitions are on ScoreQuotes.
//
// # Toponym gold
//
// LoadGeoGold reads the LGL and GeoWebNews formats ({id, text, toponyms:
// [{start, end, name, lat, lon, country, geonameid, ...}]}, rune offsets).
// ScoreGeo codes each text end to end and scores recognition (strict-span
// and overlap P/R/F1) and, on the matched pairs, resolution; ScoreGeoSpans
// resolves the gold spans themselves (the literature's setting) through a
// PlaceResolver and scores accuracy within 161 km, median and mean error
// and country accuracy. Gold toponyms without coordinates count for
// recognition only. GeoReport.Write's last line is "geo: acc@161 A,
// country C, recall R, precision P". The full definitions are on ScoreGeo.
package eval
