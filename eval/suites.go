package eval

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/coder"
)

// Skip reasons: why a gold record is not scored (EventGold.SkipReason).
const (
	// SkipNotValid marks records whose valid_flag or evaluate is "false":
	// the suite does not expect them to pass.
	SkipNotValid = `not meant to pass (valid_flag or evaluate "false")`
	// SkipTabariOption marks TABARI option records: they change the
	// options of the records after them and code nothing themselves.
	SkipTabariOption = "TABARI option records (their options apply to the records after them)"
	// SkipTabariComplex marks records TABARI flags as too complex to code
	// ({+++}): the flag is not a coding.
	SkipTabariComplex = "TABARI complex records (flagged as too complex, not a coding)"
	// SkipTabariNoVerification marks TABARI records without a
	// verification line.
	SkipTabariNoVerification = "TABARI records without verification"
	// SkipAfterFinal marks TABARI records after the FINAL record: after
	// the end of the standard records.
	SkipAfterFinal = "after the end of the standard records (after_FINAL)"
)

// TABARI record kinds (the "kind" field of a TABARI validation record).
const (
	tabariEvents         = "events"
	tabariNoEvents       = "noevents"
	tabariDiscard        = "discard"
	tabariComplex        = "complex"
	tabariOption         = "option"
	tabariNoVerification = "no_verification_record"
)

// LoadOptions change how event gold is read.
type LoadOptions struct {
	// TabariOptions are the option lines in force before the first record
	// of a TABARI validation file: the project's .options file
	// (lexicon.Report.Options of a TABARI import). Option records add to
	// them as the file goes on.
	TabariOptions []string
	// RequireDyad is the require_dyad setting for records that carry no
	// suite configuration of their own (PETRARCH and TABARI code only
	// events with both actors; dyad's own default keeps one-actor events).
	RequireDyad bool
}

// parseSuiteFields reads the fields of the PETRARCH and TABARI validation
// suites: PETRARCH's config and expect_error, TABARI's kind, after_FINAL
// and options. File-level state (PETRARCH defaults, TABARI's running
// option list) is applied by applySuiteState.
func parseSuiteFields(g *EventGold) error {
	raw := g.Raw
	if g.Skip {
		g.SkipReason = SkipNotValid
	}
	if v, ok := raw["expect_error"]; ok && v != nil && !isFalse(v) {
		s, _ := v.(string)
		if s == "" {
			s = "true"
		}
		g.ExpectError = strings.TrimSpace(s)
		g.ExpectNoEvents = true
	}
	if cfg, ok := raw["config"]; ok && cfg != nil {
		m, isObj := cfg.(map[string]any)
		if !isObj {
			return fmt.Errorf("record %q: config is %T, want an object", g.ID, cfg)
		}
		if err := applyPetrarchConfig(g, m); err != nil {
			return fmt.Errorf("record %q: config: %w", g.ID, err)
		}
	}

	kind, err := optString(raw, "kind")
	if err != nil {
		return fmt.Errorf("record %q: %w", g.ID, err)
	}
	g.Kind = strings.ToLower(strings.TrimSpace(kind))
	if g.Kind == "" {
		return nil
	}
	if v, ok := raw["options"]; ok && v != nil {
		list, isList := v.([]any)
		if !isList {
			return fmt.Errorf("record %q: options is %T, want a list of strings", g.ID, v)
		}
		for i, item := range list {
			s, isStr := item.(string)
			if !isStr {
				return fmt.Errorf("record %q: options[%d] is %T, want a string", g.ID, i, item)
			}
			g.optionLines = append(g.optionLines, s)
		}
	}
	switch {
	case g.Skip:
	case g.Kind == tabariOption:
		g.Skip, g.SkipReason = true, SkipTabariOption
	case isTrue(raw["after_FINAL"]):
		g.Skip, g.SkipReason = true, SkipAfterFinal
	case g.Kind == tabariComplex:
		g.Skip, g.SkipReason = true, SkipTabariComplex
	case g.Kind == tabariNoVerification:
		g.Skip, g.SkipReason = true, SkipTabariNoVerification
	case g.Kind == tabariNoEvents || g.Kind == tabariDiscard:
		g.ExpectNoEvents = true
	case g.Kind == tabariEvents:
	default:
		return fmt.Errorf("record %q: unknown TABARI kind %q (want %s, %s, %s, %s, %s or %s)", g.ID, kind,
			tabariEvents, tabariNoEvents, tabariDiscard, tabariComplex, tabariOption, tabariNoVerification)
	}
	return nil
}

// applyPetrarchConfig maps a PETRARCH unit-test config onto coder
// options: require_dyad and new_actor_length; comma_* settings are kept
// in Unsupported. A missing require_dyad is PETRARCH's default, true.
func applyPetrarchConfig(g *EventGold, cfg map[string]any) error {
	g.petrarch = true
	g.Options.RequireDyad = true
	g.Options.LinearTarget = true
	g.Options.Possessive = coder.PossessiveOwnerTitles
	g.Options.PhraseVerbs = true
	sawComma := false
	keys := make([]string, 0, len(cfg))
	for k := range cfg {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, err := optString(cfg, k)
		if err != nil {
			return err
		}
		v = strings.TrimSpace(v)
		switch name := strings.ToLower(k); {
		case name == "require_dyad":
			switch {
			case strings.EqualFold(v, "true"):
				g.Options.RequireDyad = true
			case strings.EqualFold(v, "false"):
				g.Options.RequireDyad = false
			default:
				return fmt.Errorf("require_dyad %q: want true or false", v)
			}
		case name == "new_actor_length":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("new_actor_length %q: want a whole number, 0 or more", v)
			}
			g.Options.NewActorLength = n
		case strings.HasPrefix(name, "comma_"):
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return fmt.Errorf("%s %q: want a whole number, 0 or more", name, v)
			}
			if !sawComma {
				g.Options.Comma = petrarchCommaDefaults
				sawComma = true
			}
			if f := commaField(&g.Options.Comma, strings.TrimPrefix(name, "comma_")); f != nil {
				*f = n
			} else {
				g.Unsupported = append(g.Unsupported, name+"="+v)
			}
		default:
			g.Unsupported = append(g.Unsupported, name+"="+v)
		}
	}
	return nil
}

// petrarchCommaDefaults are PETRARCH-1's comma-clause lengths, in force for
// the comma_* settings a record's config does not give once it gives one.
var petrarchCommaDefaults = coder.CommaRule{Min: 2, Max: 8, EMin: 2, EMax: 8}

// tabariMinWords is TABARI's default "SET: MINIMUM WORDS": shorter
// sentences are not coded.
const tabariMinWords = 8

// tabariCommaDefaults are TABARI's comma-clause lengths before a "COMMA:"
// option line changes them.
var tabariCommaDefaults = coder.CommaRule{Min: 2, Max: 10, BMin: 255, EMin: 2, EMax: 10}

// commaField returns the field of r that a comma setting names ("min",
// "bmax", …; PETRARCH's comma_ suffix or TABARI's COMMA: keyword, lower
// case), or nil.
func commaField(r *coder.CommaRule, name string) *int {
	switch name {
	case "min":
		return &r.Min
	case "max":
		return &r.Max
	case "bmin":
		return &r.BMin
	case "bmax":
		return &r.BMax
	case "emin":
		return &r.EMin
	case "emax":
		return &r.EMax
	}
	return nil
}

// applySuiteState applies what depends on a record's place in its file:
// in a PETRARCH unit-test file (one whose records carry a config), a
// record without config gets PETRARCH's defaults (require_dyad true); in a
// TABARI validation file, every record requires a dyad, as TABARI does, and
// gets the option list in force, which
// starts from opts.TabariOptions and which each option record changes.
func applySuiteState(gold []EventGold, opts LoadOptions) {
	petrarchFile := false
	for i := range gold {
		if gold[i].petrarch {
			petrarchFile = true
			break
		}
	}
	running := setOptions(nil, opts.TabariOptions)
	for i := range gold {
		g := &gold[i]
		if petrarchFile && !g.petrarch || !petrarchFile && opts.RequireDyad {
			g.Options.RequireDyad = true
		}
		if !petrarchFile {
			// the CAMEO gold standards derived from PETRARCH-2's output
			// (gsr78) keep its "---" for an actor it found none for
			for j := range g.Expected {
				e := &g.Expected[j]
				if e.Source == "---" {
					e.Source = ""
				}
				if e.Target == "---" {
					e.Target = ""
				}
			}
		}
		if petrarchFile {
			g.Options.LinearTarget = true
			g.Options.Possessive = coder.PossessiveOwnerTitles
			g.Options.PhraseVerbs = true
			// PETRARCH writes "---" where it found no actor (a new actor
			// too, where new_actor_length lets it code one)
			for j := 0; j < len(g.Expected) && g.Options.NewActorLength == 0; j++ {
				e := &g.Expected[j]
				if e.Source == "---" {
					e.Source = ""
				}
				if e.Target == "---" {
					e.Target = ""
				}
			}
		}
		if g.Kind == "" {
			continue
		}
		// TABARI codes an event only between a source and a target
		g.Options.RequireDyad = true
		if g.Kind == tabariOption {
			running = setOptions(running, g.optionLines)
		}
		g.TabariOptions = applyTabariOptions(&g.Options, running)
		g.forward = ""
		for _, line := range running {
			if optionKey(line) == "FORWARD:" {
				g.forward, _ = parseTabariForward(line)
			}
		}
	}
}

// parseTabariForward reads "FORWARD: PATTERN" (forwarding on, with the
// record-id pattern that says which characters of an id number the story:
// N) or "FORWARD: PATTERN OFF"; it returns the pattern, "" when forwarding
// is off, and whether the line made sense. TABARI's patterns may carry
// words after the pattern (DOC) that concern only its output.
func parseTabariForward(line string) (string, bool) {
	_, rest, _ := strings.Cut(line, ":")
	f := strings.Fields(strings.ToUpper(rest))
	if len(f) == 0 || !strings.Contains(f[0], "N") {
		return "", false
	}
	for _, w := range f[1:] {
		if w == "OFF" {
			return "", true
		}
	}
	return f[0], true
}

// storyKey returns the characters of id that a FORWARD pattern marks N
// (the story number), the pattern aligned with the end of the id, or ""
// when the id is too short to hold them.
func storyKey(pattern, id string) string {
	off := len(id) - len(pattern)
	var b strings.Builder
	for i := 0; i < len(pattern); i++ {
		if pattern[i] != 'N' {
			continue
		}
		if off+i < 0 {
			return ""
		}
		b.WriteByte(id[off+i])
	}
	return b.String()
}

// parseTabariDefault reads "DEFAULT: SOURCE [CODE] PRIOR TARGET [CODE]
// AFTER" (either half and either keyword may be left out) or "DEFAULT:
// OFF".
func parseTabariDefault(line string) (coder.Defaults, bool) {
	_, rest, _ := strings.Cut(line, ":")
	if i := strings.Index(rest, "*/"); i >= 0 {
		rest = rest[:i]
	}
	f := strings.Fields(strings.ToUpper(strings.NewReplacer("[", " [", "]", "] ").Replace(rest)))
	var d coder.Defaults
	if len(f) == 1 && f[0] == "OFF" {
		return d, true
	}
	var cur *string
	var flag *bool
	for i := 0; i < len(f); i++ {
		switch w := f[i]; {
		case w == "SOURCE":
			cur, flag = &d.Source, &d.SourcePrior
		case w == "TARGET":
			cur, flag = &d.Target, &d.TargetAfter
		case strings.HasPrefix(w, "[") && strings.HasSuffix(w, "]") && len(w) > 2 && cur != nil && *cur == "":
			*cur = w[1 : len(w)-1]
		case w == "PRIOR" && flag == &d.SourcePrior, w == "AFTER" && flag == &d.TargetAfter:
			*flag = true
		default:
			return coder.Defaults{}, false
		}
	}
	return d, len(f) > 0 && (d.Source != "" || d.Target != "")
}

// applyTabariOptions maps the TABARI option lines in force onto o and
// returns the lines it cannot map. Every TABARI record takes its target
// as TABARI does (LinearTarget), deletes comma clauses with TABARI's
// default lengths until a "COMMA:" line changes them ("COMMA: OFF" turns
// deletion off), and makes an agent of no country no actor unless "SET:
// CONVERT AGENT = TRUE" codes it "~SECTOR".
func applyTabariOptions(o *coder.Options, lines []string) []string {
	o.LinearTarget = true
	o.Comma = tabariCommaDefaults
	o.Countryless = coder.AgentDrop
	o.MinWords = tabariMinWords
	o.CodeBy = coder.CodeByClause // TABARI's default
	o.Dominance = true
	o.ClauseActors = true
	o.Possessive = coder.PossessiveOwner
	o.DiscardCode = true
	var rest []string
	for _, line := range lines {
		if k := optionKey(line); k == "SET: MINIMUM WORDS" {
			v := strings.Fields(tabariSetValue(line))
			if n, err := strconv.Atoi(strings.Join(v[:min(len(v), 1)], "")); err == nil && n >= 0 {
				o.MinWords = n
			} else {
				rest = append(rest, line)
			}
			continue
		}
		if k := optionKey(line); k == "SET: CONVERT AGENT" {
			switch v := tabariSetValue(line); v {
			case "TRUE":
				o.Countryless = coder.AgentTilde
			case "FALSE":
				o.Countryless = coder.AgentDrop
			default:
				rest = append(rest, line)
			}
			continue
		}
		if k := optionKey(line); k == "SET: CODE" {
			switch strings.Join(strings.Fields(strings.ToUpper(line)), " ") {
			case "SET: CODE BY CLAUSE":
				o.CodeBy = coder.CodeByClause
			case "SET: CODE BY SENTENCE":
				o.CodeBy = coder.CodeBySentence
			case "SET: CODE ALL":
				o.CodeBy = coder.CodeAll
			default:
				rest = append(rest, line)
			}
			continue
		}
		if k := optionKey(line); k == "DEFAULT:" {
			if d, ok := parseTabariDefault(line); ok {
				o.Default = d
			} else {
				rest = append(rest, line)
			}
			continue
		}
		if k := optionKey(line); k == "FORWARD:" {
			if _, ok := parseTabariForward(line); !ok {
				rest = append(rest, line)
			}
			continue // applySuiteState and ScoreEventsWith carry the actor
		}
		if optionKey(line) != "COMMA:" {
			rest = append(rest, line)
			continue
		}
		if r, ok := parseTabariComma(line); ok {
			o.Comma = r
		} else {
			rest = append(rest, line)
		}
	}
	return rest
}

// tabariSetValue returns the value of a "SET: NAME = VALUE" line, upper
// case, without a trailing comment.
func tabariSetValue(line string) string {
	_, v, _ := strings.Cut(line, "=")
	if i := strings.Index(v, "*/"); i >= 0 {
		v = v[:i]
	}
	return strings.ToUpper(strings.TrimSpace(v))
}

// parseTabariComma reads "COMMA: MIN = 2 MAX = 10 BMIN = 255 BMAX = 0 EMIN =
// 2 EMAX = 10" (settings it leaves out keep TABARI's defaults) or "COMMA:
// OFF".
func parseTabariComma(line string) (coder.CommaRule, bool) {
	_, rest, _ := strings.Cut(strings.ToLower(line), ":")
	if i := strings.Index(rest, "*/"); i >= 0 {
		rest = rest[:i]
	}
	f := strings.Fields(strings.ReplaceAll(rest, "=", " = "))
	if len(f) == 1 && f[0] == "off" {
		return coder.CommaRule{}, true
	}
	r := tabariCommaDefaults
	if len(f) == 0 {
		return r, false
	}
	for i := 0; i < len(f); i += 3 {
		if i+2 >= len(f) || f[i+1] != "=" {
			return r, false
		}
		n, err := strconv.Atoi(f[i+2])
		p := commaField(&r, f[i])
		if err != nil || n < 0 || p == nil {
			return r, false
		}
		*p = n
	}
	return r, true
}

// setOptions returns list with each line of set applied: a line replaces
// an earlier line that sets the same option (optionKey) and goes to the
// end.
func setOptions(list, set []string) []string {
	out := append([]string(nil), list...)
	for _, line := range set {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		key := optionKey(line)
		kept := out[:0]
		for _, l := range out {
			if optionKey(l) != key {
				kept = append(kept, l)
			}
		}
		out = append(kept, line)
	}
	return out
}

// optionKey names the option a TABARI option line sets: "SET: TIME SHIFT"
// for "SET: TIME SHIFT = TRUE", "SET: CODE" for "SET: CODE BY CLAUSE" and
// "SET: CODE ALL", "LABEL: 010" for "LABEL: 010=SAY SOMETHING", else the command
// ("COMPLEX:", "DEFAULT:", "FORWARD:", "COMMA:", "OUTPUT:").
func optionKey(line string) string {
	up := strings.Join(strings.Fields(strings.ToUpper(line)), " ")
	colon := strings.IndexByte(up, ':')
	if colon < 0 {
		return up
	}
	cmd, rest := up[:colon+1], strings.TrimSpace(up[colon+1:])
	if cmd != "SET:" && cmd != "LABEL:" {
		return cmd
	}
	if eq := strings.IndexByte(rest, '='); eq >= 0 {
		return cmd + " " + strings.TrimSpace(rest[:eq])
	}
	if cmd == "SET:" && (rest == "CODE ALL" || strings.HasPrefix(rest, "CODE BY")) {
		return "SET: CODE"
	}
	return cmd + " " + rest
}

// Count is a named count in a report.
type Count struct {
	// What is counted (a skip reason, an option name).
	What string
	// N is how many.
	N int
}

// addCount adds one to the entry named what, keeping first-seen order.
func addCount(list []Count, what string) []Count {
	for i := range list {
		if list[i].What == what {
			list[i].N++
			return list
		}
	}
	return append(list, Count{What: what, N: 1})
}

// optionsKey is a map key for coder options.
func optionsKey(o coder.Options) string { return fmt.Sprintf("%#v", o) }

// describeOptions writes coder options for a miss listing ("" for the
// defaults).
func describeOptions(o coder.Options) string {
	var parts []string
	if o.RequireDyad {
		parts = append(parts, "require_dyad")
	}
	if o.NewActorLength > 0 {
		parts = append(parts, fmt.Sprintf("new_actor_length=%d", o.NewActorLength))
	}
	if c := o.Comma; c != (coder.CommaRule{}) {
		parts = append(parts, fmt.Sprintf("comma=%d-%d/b%d-%d/e%d-%d", c.Min, c.Max, c.BMin, c.BMax, c.EMin, c.EMax))
	}
	if o.MinWords > 0 {
		parts = append(parts, fmt.Sprintf("min_words=%d", o.MinWords))
	}
	switch o.Countryless {
	case coder.AgentDrop:
		parts = append(parts, "countryless_agents=none")
	case coder.AgentTilde:
		parts = append(parts, "countryless_agents=~")
	}
	return strings.Join(parts, " ")
}
