package cameo

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestTableLoads(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	if n := len(Codes()); n < 300 {
		t.Fatalf("table has %d codes, want the full CAMEO set (>300)", n)
	}
}

func TestEveryRootPresent(t *testing.T) {
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		in, ok := Lookup(root)
		if !ok {
			t.Errorf("root %s missing", root)
			continue
		}
		if in.Root != root || in.Label == "" {
			t.Errorf("root %s: %+v", root, in)
		}
		if !Valid(root + "0") {
			t.Errorf("base code %s0 missing", root)
		}
	}
}

func TestKnownValues(t *testing.T) {
	tests := []struct {
		code       string
		root       string
		quad       int
		goldstein  float64
		plover     string
		ploverMode string
	}{
		{"010", "01", 1, 0.0, "", ""},
		{"0211", "02", 1, 3.4, "REQUEST", ""},
		{"036", "03", 1, 4.0, "AGREE", ""},
		{"042", "04", 1, 1.9, "CONSULT", "visit"},
		{"043", "04", 1, 2.8, "CONSULT", "visit"},
		{"057", "05", 1, 8.0, "SUPPORT", ""},
		{"073", "07", 2, 7.4, "AID", ""},
		{"0874", "08", 2, 10.0, "RETREAT", "disarm"},
		{"111", "11", 3, -2.0, "ACCUSE", "disapprove"},
		{"125", "12", 3, -5.0, "REJECT", "meet"},
		{"138", "13", 3, -7.0, "THREATEN", "violence"},
		{"141", "14", 4, -6.5, "PROTEST", "demo"},
		{"163", "16", 4, -8.0, "COERCE", "restrict"},
		{"173", "17", 4, -5.0, "COERCE", "arrest"},
		{"190", "19", 4, -10.0, "ASSAULT", ""},
		{"2042", "20", 4, -10.0, "ASSAULT", "unconventional"},
	}
	for _, tt := range tests {
		in, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("%s: missing", tt.code)
			continue
		}
		if in.Code != tt.code || in.Root != tt.root || in.QuadClass != tt.quad ||
			in.Goldstein != tt.goldstein || in.Plover != tt.plover || in.PloverMode != tt.ploverMode {
			t.Errorf("%s: got %+v", tt.code, in)
		}
	}
}

func TestInvalidCodes(t *testing.T) {
	for _, c := range []string{"", "0", "21", "00", "1", "0811i", "13y", "abc", "04300", "999", "0431"} {
		if Valid(c) {
			t.Errorf("Valid(%q) = true", c)
		}
		if _, ok := Lookup(c); ok {
			t.Errorf("Lookup(%q) found", c)
		}
		if Intent(c) != "" || Refusal(c) != "" {
			t.Errorf("%q: modality of an unknown code", c)
		}
	}
}

func TestCodesConsistent(t *testing.T) {
	codes := Codes()
	if !sort.StringsAreSorted(codes) {
		t.Error("Codes not sorted")
	}
	for _, c := range codes {
		in, _ := Lookup(c)
		if !Valid(in.Root) {
			t.Errorf("%s: root %s missing", c, in.Root)
		}
		if len(c) == 4 && !Valid(c[:3]) {
			t.Errorf("%s: parent %s missing", c, c[:3])
		}
		var want int
		switch r := in.Root; {
		case r <= "05":
			want = 1
		case r <= "08":
			want = 2
		case r <= "13":
			want = 3
		default:
			want = 4
		}
		if in.QuadClass != want {
			t.Errorf("%s: quad class %d, want %d", c, in.QuadClass, want)
		}
		if in.Goldstein < -10 || in.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of range", c, in.Goldstein)
		}
		if in.Label == "" || strings.ToUpper(in.Label) == in.Label {
			t.Errorf("%s: label %q", c, in.Label)
		}
		if in.Root >= "03" && in.Plover == "" {
			t.Errorf("%s: no PLOVER category", c)
		}
	}
	// Returned slices are copies.
	codes[0] = "xx"
	if Codes()[0] == "xx" {
		t.Error("Codes returns the internal slice")
	}
}

func TestIntent(t *testing.T) {
	tests := []struct{ code, want string }{
		{"040", "036"}, {"042", "036"}, {"046", "036"}, {"045", "039"},
		{"051", "032"}, {"057", "030"},
		{"060", "031"}, {"061", "0311"}, {"064", "0314"},
		{"070", "033"}, {"073", "0333"}, {"075", "033"},
		{"080", "035"}, {"0811", "0351"}, {"0841", "0353"}, {"0871", "0356"}, {"0832", "0342"},
		{"090", "030"},
		{"141", "133"}, {"1411", "133"},
		{"154", ""},
		{"161", "1313"}, {"163", "1312"}, {"166", "136"},
		{"173", "137"}, {"1723", "1323"},
		{"180", "1383"}, {"186", "1383"},
		{"190", "138"}, {"191", "1381"}, {"192", "1382"}, {"193", "1384"},
		{"202", "138"}, {"2041", "1385"},
		// no intent form: keep the code
		{"010", ""}, {"020", ""}, {"036", ""}, {"0311", ""}, {"111", ""}, {"120", ""}, {"138", ""},
	}
	for _, tt := range tests {
		if got := Intent(tt.code); got != tt.want {
			t.Errorf("Intent(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestRefusal(t *testing.T) {
	tests := []struct{ code, want string }{
		{"010", "011"}, {"013", ""},
		{"030", "120"}, {"031", "121"}, {"0312", "1212"}, {"033", "122"}, {"036", "125"},
		{"040", "125"}, {"043", "125"}, {"045", "126"},
		{"050", "120"}, {"057", "120"},
		{"060", "121"}, {"062", "1212"},
		{"070", "122"}, {"073", "1223"}, {"075", "122"},
		{"080", "124"}, {"0831", "1231"}, {"0841", "1243"}, {"085", "1244"}, {"0871", "1246"},
		{"090", ""}, {"100", ""}, {"111", ""}, {"120", ""}, {"130", ""},
		{"141", ""}, {"163", ""}, {"173", ""}, {"190", ""}, {"204", ""},
	}
	for _, tt := range tests {
		if got := Refusal(tt.code); got != tt.want {
			t.Errorf("Refusal(%s) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

// TestModalityTargets checks that every code maps to a code of the right
// family: intents into 03/13, refusals into 12 (or 011).
func TestModalityTargets(t *testing.T) {
	for _, c := range Codes() {
		if i := Intent(c); i != "" && !strings.HasPrefix(i, "03") && !strings.HasPrefix(i, "13") {
			t.Errorf("Intent(%s) = %s, not a 03x/13x code", c, i)
		}
		if r := Refusal(c); r != "" && !strings.HasPrefix(r, "12") && r != "011" {
			t.Errorf("Refusal(%s) = %s, not a 12x code", c, r)
		}
	}
}

// TestAgainstReference compares the table with the reference files in the
// shared evaluation data when present: every code there must be here, and
// every code the PLOVER mapping covers must carry its category.
func TestAgainstReference(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "gold", "reference")
	codesPath := filepath.Join(dir, "cameo_codes.json")
	if _, err := os.Stat(codesPath); err != nil {
		t.Skipf("reference tables not found at %s (shared evaluation data absent)", dir)
	}
	var codes struct {
		Codes map[string]string `json:"codes"`
	}
	readJSON(t, codesPath, &codes)
	for c := range codes.Codes {
		if wellFormed(c) && !Valid(c) {
			t.Errorf("reference code %s missing", c)
		}
	}
	plover := map[string]struct {
		Plover string `json:"plover"`
	}{}
	readJSON(t, filepath.Join(dir, "cameo2plover_2021.json"), &plover)
	for c, p := range plover {
		in, ok := Lookup(c)
		if !ok {
			t.Errorf("PLOVER-mapped code %s missing", c)
			continue
		}
		if in.Plover != p.Plover {
			t.Errorf("%s: PLOVER %q, reference %q", c, in.Plover, p.Plover)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
