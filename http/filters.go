package http

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// MaxLimit is the largest page a request may ask for.
const MaxLimit = 1000

// maxQuery is the longest full-text query accepted, in bytes.
const maxQuery = 500

// parseEventFilter reads the event filters of a query string. Unknown
// parameters are ignored; a bad value is an error naming the parameter.
func parseEventFilter(v url.Values) (dyad.EventFilter, error) {
	var f dyad.EventFilter
	var err error
	if f.Source, err = actorParam(v, "source"); err != nil {
		return f, err
	}
	if f.Target, err = actorParam(v, "target"); err != nil {
		return f, err
	}
	if f.Code = strings.TrimSpace(v.Get("code")); f.Code != "" && !digits(f.Code, 2, 4) {
		return f, fmt.Errorf("code: %q is not a CAMEO code (2 to 4 digits)", f.Code)
	}
	if f.Root = strings.TrimSpace(v.Get("root")); f.Root != "" && !digits(f.Root, 2, 2) {
		return f, fmt.Errorf("root: %q is not a CAMEO root (2 digits, 01 to 20)", f.Root)
	}
	if s := strings.TrimSpace(v.Get("quad")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return f, fmt.Errorf("quad: %q is not a QuadClass (1 to 4)", s)
		}
		f.Quad = n
	}
	if f.From, err = dateParam(v, "from"); err != nil {
		return f, err
	}
	if f.To, err = dateParam(v, "to"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, fmt.Errorf("from: %s is after to: %s", f.From, f.To)
	}
	if f.Q = strings.TrimSpace(v.Get("q")); len(f.Q) > maxQuery {
		return f, fmt.Errorf("q: the query is longer than %d bytes", maxQuery)
	}
	f.Doc = v.Get("doc")
	if f.Limit, err = intParam(v, "limit", 0, MaxLimit); err != nil {
		return f, err
	}
	if f.Offset, err = intParam(v, "offset", 0, 1<<31-1); err != nil {
		return f, err
	}
	return f, nil
}

// parseDyadFilter reads the event filters and the interval.
func parseDyadFilter(v url.Values) (dyad.DyadFilter, error) {
	ef, err := parseEventFilter(v)
	if err != nil {
		return dyad.DyadFilter{}, err
	}
	f := dyad.DyadFilter{EventFilter: ef, Interval: strings.ToLower(strings.TrimSpace(v.Get("interval")))}
	switch f.Interval {
	case "", "day", "week", "month":
	default:
		return f, fmt.Errorf("interval: %q is not one of day, week, month", v.Get("interval"))
	}
	return f, nil
}

// actorParam reads a country ("IRN") or a full actor code ("IRNMIL",
// "---GOV"): letters, digits and '-', 3 to 30 of them, in upper case.
func actorParam(v url.Values, name string) (string, error) {
	s := strings.ToUpper(strings.TrimSpace(v.Get(name)))
	if s == "" {
		return "", nil
	}
	ok := len(s) >= 3 && len(s) <= 30
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
	}
	if !ok {
		return "", fmt.Errorf("%s: %q is not a country or actor code (3 to 30 letters, such as IRN or IRNMIL)", name, v.Get(name))
	}
	return s, nil
}

// dateParam reads a YYYY-MM-DD date.
func dateParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return "", fmt.Errorf("%s: %q is not a date (YYYY-MM-DD)", name, s)
	}
	return s, nil
}

// intParam reads an integer in [lo, hi]; absent means 0.
func intParam(v url.Values, name string, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s: %q is not a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// digits reports whether s is between lo and hi ASCII digits long.
func digits(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
