// Command cameo regenerates cameo/data/cameo.tsv, dyad's CAMEO event code
// table, from the public reference tables of CAMEO codes, Goldstein values
// and the 2021 CAMEO-to-PLOVER mapping (../shared/gold/reference in the
// development layout).
//
// Usage (from the repository root):
//
//	go run ./scripts/cameo -ref ../shared/gold/reference -out cameo/data/cameo.tsv
//
// Codes, Goldstein values and PLOVER categories are facts; the labels are
// normalised to dyad's own sentence-case wording (typos fixed, one wording per
// family of codes). The rules applied on top of the reference files are all
// written out below, so a regeneration is reproducible and reviewable.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// codesFile is the shape of cameo_codes.json.
type codesFile struct {
	RootCodes map[string]string `json:"root_codes"`
	Codes     map[string]string `json:"codes"`
}

// goldsteinFile is the shape of cameo_goldstein_quadclass.json.
type goldsteinFile struct {
	Goldstein map[string]float64 `json:"goldstein_by_cameo_code"`
}

// ploverEntry is one value of cameo2plover_2021.json.
type ploverEntry struct {
	Plover string  `json:"plover"`
	Mode   *string `json:"mode"`
}

// rootLabels are the CAMEO 1.1b3 names of the 20 roots in sentence case.
// (1.1b3 renamed root 15 "Exhibit force posture" and root 20 "Use
// unconventional mass violence"; older tables say "Exhibit military
// posture" and "Attack with weapons of mass destruction".)
var rootLabels = map[string]string{
	"01": "Make public statement",
	"02": "Appeal",
	"03": "Express intent to cooperate",
	"04": "Consult",
	"05": "Engage in diplomatic cooperation",
	"06": "Engage in material cooperation",
	"07": "Provide aid",
	"08": "Yield",
	"09": "Investigate",
	"10": "Demand",
	"11": "Disapprove",
	"12": "Reject",
	"13": "Threaten",
	"14": "Protest",
	"15": "Exhibit force posture",
	"16": "Reduce relations",
	"17": "Coerce",
	"18": "Assault",
	"19": "Fight",
	"20": "Use unconventional mass violence",
}

// labels replaces reference labels that are misspelt or worded differently
// from the rest of their family.
var labels = map[string]string{
	"018":  "Make empathetic comment",
	"028":  "Appeal to engage in or accept mediation",
	"031":  "Express intent to engage in material cooperation",
	"034":  "Express intent to institute political reform",
	"044":  "Meet at a third location",
	"055":  "Apologize",
	"0811": "Ease restrictions on freedom of speech and expression",
	"1051": "Demand easing of administrative sanctions",
	"1221": "Reject request for economic aid",
	"1222": "Reject request for military aid",
	"1223": "Reject request for humanitarian aid",
	"1224": "Reject request for military protection or peacekeeping",
	"1231": "Reject request for change in leadership",
	"1232": "Reject request for policy change",
	"1233": "Reject request for rights",
	"1234": "Reject request for change in institutions, regime",
	"1444": "Obstruct passage to demand change in institutions, regime",
	"175":  "Use tactics of violent repression",
	"181":  "Abduct, hijack, or take hostage",
}

// gdelt holds the Goldstein values where GDELT's published CAMEO scale
// (CAMEO.goldsteinscale.txt, the table behind GDELT 1.0/2.0 event files)
// differs from the Phoenix table in the reference directory. dyad writes a
// GDELT-style table and uses GDELT's QuadClass, so it follows GDELT's
// scale throughout: a consumer comparing dyad with GDELT sees the same
// value for the same code.
var gdelt = map[string]float64{
	"016":  -2.0, // deny responsibility (Phoenix: 3.4)
	"022":  3.2,  // appeal for diplomatic cooperation (Phoenix: 3.4)
	"124":  -4.0, // decline to yield (Phoenix: -5.0)
	"1246": -4.0, // decline to de-escalate military engagement (Phoenix: -5.0)
	"163":  -8.0, // impose embargo, boycott, sanctions (Phoenix: -6.5)
	"165":  -6.5, // halt mediation (Phoenix: -7.0)
	"166":  -7.0, // expel or withdraw (Phoenix: -8.0)
}

// missingGoldstein holds values for codes the reference scale lacks. GDELT
// gives 019 3.4 and 116 -2.0 and 129 -5.0; every other missing code is a
// 4-digit code that takes the value of its 3-digit parent (the rule GDELT's
// table follows for every sub-code).
var missingGoldstein = map[string]float64{
	"019": 3.4,
	"116": -2.0,
	"129": -5.0,
}

func main() {
	ref := flag.String("ref", "../shared/gold/reference", "directory holding the reference JSON tables")
	out := flag.String("out", "cameo/data/cameo.tsv", "TSV file to write")
	flag.Parse()
	if err := run(*ref, *out); err != nil {
		fmt.Fprintln(os.Stderr, "cameo:", err)
		os.Exit(1)
	}
}

// row is one line of the output table.
type row struct {
	code, root, label  string
	goldstein          float64
	quad               int
	plover, ploverMode string
}

func run(refDir, outPath string) error {
	var codes codesFile
	var gold goldsteinFile
	plover := map[string]ploverEntry{}
	if err := readJSON(filepath.Join(refDir, "cameo_codes.json"), &codes); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(refDir, "cameo_goldstein_quadclass.json"), &gold); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(refDir, "cameo2plover_2021.json"), &plover); err != nil {
		return err
	}

	// The code set: the 20 roots plus every all-digit 3- and 4-digit code
	// of the reference list. Variant keys such as "0811i" or "13y" (ICEWS
	// label variants, not codes) are skipped.
	set := map[string]string{}
	for r := range rootLabels {
		set[r] = rootLabels[r]
	}
	for c, l := range codes.Codes {
		if !allDigits(c) || (len(c) != 3 && len(c) != 4) {
			continue
		}
		if _, ok := rootLabels[c[:2]]; !ok {
			return fmt.Errorf("code %q has no root", c)
		}
		set[c] = l
	}

	var rows []row
	for c, l := range set {
		r := row{code: c, root: c[:2], label: label(c, l)}
		g, ok := goldstein(c, gold.Goldstein)
		if !ok {
			return fmt.Errorf("no Goldstein value for %s", c)
		}
		r.goldstein = g
		r.quad = quadClass(r.root)
		if p, ok := plover[c]; ok {
			r.plover = p.Plover
			if p.Mode != nil {
				r.ploverMode = *p.Mode
			}
		} else if len(c) == 4 {
			// Later sub-codes (1951, 1952) inherit their parent's category.
			if p, ok := plover[c[:3]]; ok {
				r.plover = p.Plover
				if p.Mode != nil {
					r.ploverMode = *p.Mode
				}
			}
		}
		if r.plover == "" && r.root == "02" {
			// The 2021 mapping leaves appeals unmapped, but the PLOVER
			// codebook's REQUEST covers "all requests, demands, and
			// orders": an appeal is a request.
			r.plover = "REQUEST"
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	return write(outPath, rows)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read reference: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// goldstein returns a code's value: GDELT's where it differs, else the
// reference value, else the documented fill-in, else the parent's.
func goldstein(code string, ref map[string]float64) (float64, bool) {
	if v, ok := gdelt[code]; ok {
		return v, true
	}
	if v, ok := ref[code]; ok {
		return v, true
	}
	if v, ok := missingGoldstein[code]; ok {
		return v, true
	}
	if len(code) == 4 {
		return goldstein(code[:3], ref)
	}
	return 0, false
}

// quadClass is GDELT's QuadClass of a root: 1 verbal cooperation (01-05),
// 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material
// conflict (14-20). (Phoenix's 0-4 "quad class" differs: it puts 01-02 in a
// neutral class 0 and 16 in verbal conflict.)
func quadClass(root string) int {
	n, _ := strconv.Atoi(root)
	switch {
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	case n <= 13:
		return 3
	default:
		return 4
	}
}

// label gives dyad's wording: the override if any, else the reference label
// in sentence case with stray spaces removed.
func label(code, ref string) string {
	if l, ok := labels[code]; ok {
		return l
	}
	if len(code) == 2 {
		return ref // already ours (rootLabels)
	}
	l := strings.Join(strings.Fields(ref), " ")
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}

func write(path string, rows []row) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, header)
	fmt.Fprintln(w, "code\troot\tlabel\tgoldstein\tquad_class\tplover\tplover_mode")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.code, r.root, r.label,
			strconv.FormatFloat(r.goldstein, 'f', 1, 64), r.quad, r.plover, r.ploverMode)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write output: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close output: %w", err)
	}
	return nil
}

const header = `# dyad CAMEO event code table (CAMEO 1.1b3: roots 01-20 and every 3- and 4-digit code).
# GENERATED by scripts/cameo (go run ./scripts/cameo -ref ../shared/gold/reference -out cameo/data/cameo.tsv);
# edit the script's rules, not this file.
#
# Columns (tab-separated; lines starting with # are comments; the first other line is this header):
#   code        CAMEO event code, 2 digits (root) or 3-4 digits
#   root        its 2-digit root
#   label       dyad's label for the code (sentence case)
#   goldstein   Goldstein conflict-cooperation value, -10..+10 (GDELT's published CAMEO scale;
#               4-digit codes missing from it take their 3-digit parent's value)
#   quad_class  GDELT QuadClass: 1 verbal cooperation (roots 01-05), 2 material cooperation
#               (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)
#   plover      PLOVER event category per the 2021 CAMEO-to-PLOVER mapping (empty where PLOVER
#               has none: statements 01x); appeals 02x, which the mapping leaves out, are
#               REQUEST as the PLOVER codebook defines it ("all requests, demands, and orders")
#   plover_mode PLOVER mode where the mapping gives one
`
