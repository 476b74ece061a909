package quote

import (
	"strings"
	"testing"
)

func TestFindRegions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the text of each region, pieces joined by "|"
	}{
		{"straight pairs", `He said "no" and then "yes".`, []string{`"no"`, `"yes"`}},
		{"curly", `“We are ready,” she said.`, []string{`“We are ready,”`}},
		{"apostrophes are not marks", `Iran’s envoy said the talks won’t resume in the ’90s style.`, nil},
		{"nested single inside double", `"They call it 'peace', we call it surrender," he said.`, []string{`"They call it 'peace', we call it surrender,"`}},
		{"top-level single marks", `Officials called it a 'temporary measure' on Monday.`, []string{`'temporary measure'`}},
		{"possessive plural is not a closing mark", `The workers' union said it would strike.`, nil},
		{"doubled apostrophes", `He called it ''a mistake'' at once.`, []string{`''a mistake''`}},
		{"unclosed stops at the line end", "He said \"we will stay.\nThe next line is narrative.", []string{`"we will stay.`}},
		{"reopened paragraph continues", "\"First paragraph.\n\n\"Second paragraph,\" he said.", []string{"\"First paragraph.|\"Second paragraph,\""}},
		{"closing mark opening a paragraph", "”Typo at the start,” she wrote.", []string{`”Typo at the start,”`}},
		{"orphan closing mark", "No opening mark here,\" he said.", []string{`No opening mark here,"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := []rune(tc.text)
			var got []string
			for _, r := range findRegions(rs, 0, len(rs)) {
				var parts []string
				for _, g := range r.segs {
					parts = append(parts, string(rs[g[0]:g[1]]))
				}
				got = append(got, strings.Join(parts, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("regions\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParseCues(t *testing.T) {
	c, err := ParseCues("test", "# comment\nverb say\nverb tell object\nverb add weak\nphrase according to\norg ministry\n")
	if err != nil {
		t.Fatal(err)
	}
	if !c.verbs[lemmaOf("said")] || !c.objects[lemmaOf("told")] || !c.weak(lemmaOf("added")) || c.weak(lemmaOf("said")) {
		t.Errorf("verbs not parsed: %+v", c)
	}
	if len(c.phrases) != 1 || !c.orgs["ministry"] {
		t.Errorf("phrases/orgs not parsed: %+v", c)
	}
	for _, bad := range []string{"verb", "verb say loudly", "phrase", "org a b", "noun statement"} {
		if _, err := ParseCues("bad.txt", bad); err == nil || !strings.HasPrefix(err.Error(), "bad.txt:1:") {
			t.Errorf("%q: error %v, want bad.txt:1: ...", bad, err)
		}
	}
	if _, err := ParseCues("quote/data/cues.txt", defaultCues); err != nil {
		t.Errorf("embedded cues: %v", err)
	}
}
