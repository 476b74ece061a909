package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

var (
	reCountryCode = regexp.MustCompile(`^[A-Z]{3}$`)
	reActorCode   = regexp.MustCompile(`^(---|[A-Z]{3})([A-Z]{3}){0,4}$`)
	reAgentCode   = regexp.MustCompile(`^([A-Z]{3}){1,3}$`)
	reDate        = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	entityTypes   = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "GROUP": true}
)

// use is one line's claim on a phrase, for the cross-line conflict check.
type use struct {
	where, code, from, to string
}

// checkFiles checks actor dictionary files line by line and across lines
// and returns the number of problems it printed.
func checkFiles(paths []string) int {
	problems := 0
	report := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
		problems++
	}
	names := map[string][]use{} // lower-cased phrase (non-agent) → uses
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			report("%s: %v", path, err)
			continue
		}
		for i, raw := range strings.Split(string(b), "\n") {
			where := fmt.Sprintf("%s:%d", path, i+1)
			s := raw
			if j := strings.IndexByte(s, '#'); j >= 0 {
				s = s[:j]
			}
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			head, rest, ok := strings.Cut(s, ":")
			if !ok {
				report("%s: missing ':'", where)
				continue
			}
			kind, code, ok := strings.Cut(strings.TrimSpace(head), " ")
			code = strings.TrimSpace(code)
			if !ok {
				report("%s: want 'KIND CODE:'", where)
				continue
			}
			switch kind {
			case "country", "adjective", "capital":
				if !reCountryCode.MatchString(code) {
					report("%s: %s code %q is not 3 capital letters", where, kind, code)
				}
			case "actor", "person":
				if !reActorCode.MatchString(code) {
					report("%s: %s code %q is not a run of 3-letter groups", where, kind, code)
				}
			case "agent":
				if !reAgentCode.MatchString(code) {
					report("%s: agent code %q is not a run of 3-letter sectors", where, code)
				}
			default:
				report("%s: unknown kind %q", where, kind)
				continue
			}
			parts := strings.Split(rest, ";")
			var phrases []string
			seen := map[string]bool{}
			for _, p := range strings.Split(parts[0], "|") {
				p = strings.TrimSpace(p)
				if p == "" {
					report("%s: empty phrase", where)
					continue
				}
				if seen[strings.ToLower(p)] {
					report("%s: phrase %q repeated", where, p)
				}
				seen[strings.ToLower(p)] = true
				phrases = append(phrases, p)
			}
			var from, to string
			for _, o := range parts[1:] {
				o = strings.TrimSpace(o)
				k, v, hasV := strings.Cut(o, "=")
				switch k {
				case "case":
					if hasV {
						report("%s: option case takes no value", where)
					}
				case "from", "to":
					if !reDate.MatchString(v) {
						report("%s: %s=%q is not YYYY-MM-DD", where, k, v)
					}
					if k == "from" {
						from = v
					} else {
						to = v
					}
				case "type":
					if !entityTypes[v] {
						report("%s: type=%q is not PERSON, ORG, GPE or GROUP", where, v)
					}
				case "note":
				default:
					report("%s: unknown option %q", where, o)
				}
			}
			if from != "" && to != "" && from > to {
				report("%s: from=%s is after to=%s", where, from, to)
			}
			if kind == "agent" {
				continue
			}
			for _, p := range phrases {
				key := strings.ToLower(strings.Join(strings.Fields(p), " "))
				names[key] = append(names[key], use{where: where, code: code, from: from, to: to})
			}
		}
	}
	// A phrase two lines map to different codes over overlapping dates is
	// ambiguous: the loader would pick one arbitrarily.
	for key, us := range names {
		for i := 0; i < len(us); i++ {
			for j := i + 1; j < len(us); j++ {
				a, b := us[i], us[j]
				if a.code != b.code && overlap(a, b) {
					report("%s and %s: %q maps to %s and %s", a.where, b.where, key, a.code, b.code)
				}
			}
		}
	}
	return problems
}

// overlap reports whether two date ranges (empty = open) share a day.
func overlap(a, b use) bool {
	lo := func(x use) string { return x.from }
	hi := func(x use) string {
		if x.to == "" {
			return "9999-99-99"
		}
		return x.to
	}
	return lo(a) <= hi(b) && lo(b) <= hi(a)
}
