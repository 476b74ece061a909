package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad/coder"
)

// Flavour says which event scheme a gold record is labelled in.
type Flavour string

// The event gold flavours.
const (
	// FlavourCAMEO marks records whose expected events carry CAMEO codes.
	FlavourCAMEO Flavour = "cameo"
	// FlavourPLOVER marks records whose expected events carry PLOVER types.
	FlavourPLOVER Flavour = "plover"
)

// GoldEvent is one expected event. Source and Target are actor codes
// ("" when absent); Code is a CAMEO code for CAMEO gold and Plover a PLOVER
// event type for PLOVER gold.
type GoldEvent struct {
	Source string
	Target string
	Code   string
	Plover string
}

// EventGold is one gold record of an event file.
type EventGold struct {
	ID   string
	Text string
	// Date is YYYY-MM-DD, or "" when the record has none.
	Date     string
	Expected []GoldEvent
	// ExpectNoEvents is set when the record must yield no events: its
	// expect_noevents, a PETRARCH expect_error, a TABARI noevents or
	// discard record.
	ExpectNoEvents bool
	// Skip is set when the record is not scored; SkipReason says why
	// (one of the Skip* constants).
	Skip       bool
	SkipReason string
	// Flavour is the scheme of Expected, detected per record.
	Flavour Flavour
	// Options are the coder options the record is coded with: PETRARCH's
	// config (require_dyad, new_actor_length; require_dyad true where a
	// PETRARCH unit-test record has none), the zero value elsewhere.
	Options coder.Options
	// Unsupported lists the record's settings that Options cannot
	// express, as "name=value" (PETRARCH's comma_*); they are ignored.
	Unsupported []string
	// ExpectError is PETRARCH's expect_error ("dateline",
	// "sentencediscard", ...); such records are scored as expecting no
	// events.
	ExpectError string
	// Kind is a TABARI validation record's kind (events, noevents,
	// discard, complex, option, no_verification_record), lower-cased; ""
	// for other records.
	Kind string
	// TabariOptions is, for a TABARI record, the option list in force:
	// LoadOptions.TabariOptions changed by the option records before it
	// (and by its own lines, for an option record). None of it is mapped
	// onto Options yet.
	TabariOptions []string
	// Raw holds every field of the record as decoded from JSON.
	Raw map[string]any

	petrarch    bool     // the record has a PETRARCH config
	optionLines []string // an option record's own lines
	// forward is the TABARI FORWARD: record-id pattern in force ("" =
	// forwarding off): a subject pronoun that resolves to nothing takes
	// the first actor of the record before, in the same story.
	forward string
}

// LoadEventGold reads a JSONL file of event gold records (see the package
// documentation for the formats). Blank lines are ignored; a malformed line
// is an error naming the file and line. A record without an id is named
// "lineN"; a repeated id gets a "#2", "#3", ... suffix.
func LoadEventGold(path string) ([]EventGold, error) {
	return LoadEventGoldWith(path, LoadOptions{})
}

// LoadEventGoldWith is LoadEventGold with options (the TABARI project's
// option lines).
func LoadEventGoldWith(path string, opts LoadOptions) ([]EventGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	recs, err := ReadEventGoldWith(f, opts)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return recs, nil
}

// ReadEventGold reads JSONL event gold records from r; LoadEventGold is the
// same for a named file.
func ReadEventGold(r io.Reader) ([]EventGold, error) {
	return ReadEventGoldWith(r, LoadOptions{})
}

// ReadEventGoldWith is ReadEventGold with options.
func ReadEventGoldWith(r io.Reader, opts LoadOptions) ([]EventGold, error) {
	out, err := readRecords(r, "line ", parseEventGold, func(g *EventGold) *string { return &g.ID })
	if err != nil {
		return nil, err
	}
	applySuiteState(out, opts)
	return out, nil
}

func parseEventGold(b []byte) (EventGold, error) {
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return EventGold{}, fmt.Errorf("decode record: %w", err)
	}
	if raw == nil {
		return EventGold{}, errors.New("record is not a JSON object")
	}
	g := EventGold{Raw: raw, Flavour: FlavourCAMEO}
	var err error
	if g.ID, err = optString(raw, "id"); err != nil {
		return g, err
	}
	if g.Text, err = optString(raw, "text"); err != nil {
		return g, err
	}
	if strings.TrimSpace(g.Text) == "" {
		return g, fmt.Errorf("record %q: no text", g.ID)
	}
	date, err := optString(raw, "date")
	if err != nil {
		return g, err
	}
	if g.Date, err = NormalizeDate(date); err != nil {
		return g, fmt.Errorf("record %q: %w", g.ID, err)
	}
	g.ExpectNoEvents = isTrue(raw["expect_noevents"])
	g.Skip = isFalse(raw["evaluate"]) || isFalse(raw["valid_flag"])

	exp, ok := raw["expected"]
	if ok && exp != nil {
		list, isList := exp.([]any)
		if !isList {
			return g, fmt.Errorf("record %q: expected is %T, want a list", g.ID, exp)
		}
		for i, item := range list {
			obj, isObj := item.(map[string]any)
			if !isObj {
				return g, fmt.Errorf("record %q: expected[%d] is %T, want an object", g.ID, i, item)
			}
			var ev GoldEvent
			fields := []struct {
				key string
				dst *string
			}{{"source", &ev.Source}, {"target", &ev.Target}, {"code", &ev.Code}, {"plover", &ev.Plover}}
			for _, f := range fields {
				s, serr := optString(obj, f.key)
				if serr != nil {
					return g, fmt.Errorf("record %q: expected[%d]: %w", g.ID, i, serr)
				}
				*f.dst = s
			}
			ev.Source, ev.Target = normActor(ev.Source), normActor(ev.Target)
			ev.Code, ev.Plover = strings.TrimSpace(ev.Code), strings.ToUpper(strings.TrimSpace(ev.Plover))
			if ev.Plover != "" && ev.Code == "" {
				g.Flavour = FlavourPLOVER
			}
			g.Expected = append(g.Expected, ev)
		}
	}
	if len(g.Expected) == 0 {
		// A PLOVER-GSR style record names its event type at top level.
		if _, hasEvent := raw["event"].(string); hasEvent {
			if _, hasMarkup := raw["markup"]; hasMarkup {
				g.Flavour = FlavourPLOVER
			}
		}
	}
	for i, ev := range g.Expected {
		if g.Flavour == FlavourPLOVER && ev.Plover == "" {
			return g, fmt.Errorf("record %q: expected[%d] has no plover type", g.ID, i)
		}
		if g.Flavour == FlavourCAMEO && ev.Code == "" {
			return g, fmt.Errorf("record %q: expected[%d] has no code", g.ID, i)
		}
	}
	if err := parseSuiteFields(&g); err != nil {
		return g, err
	}
	return g, nil
}

// optString returns m[key] as a string: "" when absent or null, an error
// when it is another type. Numbers are accepted and printed as integers
// when whole (some files store dates or codes as numbers).
func optString(m map[string]any, key string) (string, error) {
	v, ok := m[key]
	if !ok || v == nil {
		return "", nil
	}
	switch x := v.(type) {
	case string:
		return x, nil
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprintf("%d", int64(x)), nil
		}
		return fmt.Sprint(x), nil
	default:
		return "", fmt.Errorf("field %q is %T, want a string", key, v)
	}
}

func isTrue(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return strings.EqualFold(strings.TrimSpace(x), "true")
	}
	return false
}

func isFalse(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case string:
		return strings.EqualFold(strings.TrimSpace(x), "false")
	}
	return false
}

// normActor normalises an actor code: surrounding space is dropped and
// "null" stands for no actor.
func normActor(s string) string {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "null") {
		return ""
	}
	return s
}

// NormalizeDate turns YYYYMMDD or YYYY-MM-DD into YYYY-MM-DD; TABARI's
// six-digit YYMMDD is read with years 00-29 as 20YY and 30-99 as 19YY. The
// empty string stays empty; anything else is an error.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	digits := func(t string) bool {
		for _, r := range t {
			if r < '0' || r > '9' {
				return false
			}
		}
		return true
	}
	var y, m, d string
	switch {
	case s == "":
		return "", nil
	case len(s) == 8 && digits(s):
		y, m, d = s[:4], s[4:6], s[6:]
	case len(s) == 6 && digits(s):
		y, m, d = "20"+s[:2], s[2:4], s[4:]
		if s[:2] >= "30" {
			y = "19" + s[:2]
		}
	case len(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s[:4]) && digits(s[5:7]) && digits(s[8:]):
		y, m, d = s[:4], s[5:7], s[8:]
	default:
		return "", fmt.Errorf("date %q: want YYYYMMDD, YYYY-MM-DD or YYMMDD", s)
	}
	if m < "01" || m > "12" || d < "01" || d > "31" {
		return "", fmt.Errorf("date %q: month or day out of range", s)
	}
	return y + "-" + m + "-" + d, nil
}
