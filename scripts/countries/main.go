// Command countries writes lexicon/data/actors/countries.txt, dyad's country
// dictionary (names, adjectives and demonyms, capitals), from the
// countries.json file of the npm package world-countries (mledoze/countries,
// ODbL 1.0). gen.sh installs the package into a temporary directory and runs
// this program; see NOTICE for the attribution.
//
//	go run ./scripts/countries -in .../world-countries/countries.json -out lexicon/data/actors/countries.txt
//
// With -check it instead checks the syntax of actor dictionary files (the
// format of docs/DICTIONARIES.md) and reports phrases that two lines map to
// different codes:
//
//	go run ./scripts/countries -check lexicon/data/actors/*.txt
//
// What is kept from the package and what is dropped is decided by the rules
// and tables below (curation of a derived database, so that a regeneration
// reproduces the committed file exactly).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

// country is the part of a world-countries record this program reads.
type country struct {
	Name struct {
		Common   string                       `json:"common"`
		Official string                       `json:"official"`
		Native   map[string]map[string]string `json:"native"`
	} `json:"name"`
	CCA3         string                       `json:"cca3"`
	Independent  *bool                        `json:"independent"`
	Capital      []string                     `json:"capital"`
	AltSpellings []string                     `json:"altSpellings"`
	Translations map[string]map[string]string `json:"translations"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
}

// skip lists territories with no population of their own, which never act
// in news: Antarctica, Bouvet Island, Heard and McDonald Islands, US Minor
// Outlying Islands.
var skip = map[string]bool{"ATA": true, "BVT": true, "HMD": true, "UMI": true}

// codeFix maps the package's codes to the ones dyad uses: Kosovo has no ISO
// code; the package says UNK, dyad uses the common user-assigned XKX.
var codeFix = map[string]string{"UNK": "XKX"}

// dropName lists names (common, official or alternative) that are unsafe or
// useless as matches, per country code.
var dropName = map[string][]string{
	"ALB": {"Shqipëri", "Shqipëria", "Shqipnia"},
	"ARM": {"Hayastan"},
	"BLR": {"Bielaruś"},
	"BRN": {"Abode of Peace", "Nation of Brunei"},
	"CHN": {"Zhōngguó", "Zhongguo", "Zhonghua", "Zhōnghuá Rénmín Gònghéguó"},
	"COG": {"Congo"}, // bare "Congo" means DR Congo in most news: countries-extra.txt
	"DJI": {"Jabuuti", "Gabuuti"},
	"DMA": {"Wai‘tu kubuli"},
	"DZA": {"Dzayer"},
	"ERI": {"ʾErtrā", "Iritriyā"},
	"GUF": {"Guiana"}, // also the whole Guiana region
	"SJM": {"Svalbard og Jan Mayen"},
	"VGB": {"Virgin Islands"}, // British or US
	"IMN": {"Mann", "Mannin", "Ellan Vannin"},
	"ISL": {"Island"},
	"JPN": {"Nihon"},
	"LAO": {"Lao"}, // an adjective: countries-extra.txt
	"MEX": {"Mexicanos"},
	"NER": {"Nijar"},
	"NGA": {"Nijeriya", "Naíjíríà"},
	"NRU": {"Naoero", "Pleasant Island"},
	"PRT": {"Portuguesa"},
	"SAU": {"Saudi"}, // an adjective: countries-extra.txt
	"SUR": {"Sarnam", "Sranangron"},
	"SWZ": {"weSwatini", "Swatini", "Ngwane"},
	"THA": {"Prathet", "Thai"},
	"TGO": {"Togolese"},
	"TLS": {"Timor", "Timor Lorosae"},
	"TWN": {"Republic of China"}, // a suffix of "People's Republic of China"
	"UKR": {"Ukrayina"},
	"WSM": {"Sāmoa"},
}

// dropCapital lists capitals that would match far more often as something
// else (a person's name, a common word, another city) than as the state.
var dropCapital = map[string][]string{
	"AIA": {"The Valley"},
	"BES": {"Oranjestad", "The Bottom"}, // Oranjestad is Aruba's
	"BMU": {"Hamilton"},
	"CCK": {"West Island"},
	"CYM": {"George Town"},
	"FLK": {"Stanley"},
	"HKG": {"City of Victoria"},
	"IMN": {"Douglas"},
	"IOT": {"Diego Garcia"},
	"MSR": {"Plymouth"},
	"NFK": {"Kingston"}, // Jamaica's
	"REU": {"Saint-Denis"},
	"SHN": {"Jamestown"},
	"SPM": {"Saint-Pierre"},
	"SYC": {"Victoria"},
}

// caseSensitive lists names that are also ordinary lower-case English
// words; they match only when capitalised as written.
var caseSensitive = map[string]bool{
	// countries
	"Bermuda": true, "Brazil": true, "Chad": true, "Chile": true, "China": true,
	"Curacao": true, "Georgia": true, "Guernsey": true, "Guinea": true, "Japan": true,
	"Jersey": true, "Jordan": true, "Panama": true, "Reunion": true,
	// adjectives
	"Danish": true, "Dutch": true, "French": true, "Georgian": true, "Maltese": true,
	"Manx": true, "Polish": true, "Swiss": true,
	// capitals
	"Cayenne": true, "Lima": true, "Moroni": true,
}

// noFold lists accented names whose unaccented form is another common word
// or place: Malé/male, San José/San Jose (California).
var noFold = map[string]bool{"Malé": true, "San José": true}

// demonymOwner settles demonyms that two sovereign states share.
var demonymOwner = map[string]string{"Congolese": "COD", "Dominican": "DOM"}

// dropDemonym lists demonyms that are not words news uses.
var dropDemonym = map[string]bool{
	"South Georgian South Sandwich Islander": true,
	"Channel Islander":                       true, // Guernsey and Jersey
	"Virgin Islander":                        true, // British and US Virgin Islands
}

// plural gives the plural (the people) of demonyms that do not just add -s;
// "" means the adjective has no plural noun of its own.
var plural = map[string]string{
	"Czech": "Czechs", "Motswana": "Batswana", "Mosotho": "Basotho",
	"I-Kiribati": "", "Ni-Vanuatu": "", "Malagasy": "", "Burkinabe": "",
	"Kirghiz": "", "Greenlandic": "", "Ålandish": "",
	"Central African": "", // "Central Africans" are the people of the region
}

func main() {
	in := flag.String("in", "", "world-countries countries.json")
	out := flag.String("out", "lexicon/data/actors/countries.txt", "dictionary file to write")
	check := flag.Bool("check", false, "check the syntax of the actor dictionary files given as arguments")
	flag.Parse()
	if *check {
		if n := checkFiles(flag.Args()); n > 0 {
			fmt.Fprintf(os.Stderr, "countries: %d problem(s)\n", n)
			os.Exit(1)
		}
		return
	}
	if *in == "" {
		fmt.Fprintln(os.Stderr, "countries: -in is required (see gen.sh)")
		os.Exit(2)
	}
	if err := generate(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "countries:", err)
		os.Exit(1)
	}
}

// entry is what is written for one country.
type entry struct {
	code, name                  string
	names, adjectives, capitals []string
}

func generate(inPath, outPath string) error {
	b, err := os.ReadFile(inPath)
	if err != nil {
		return fmt.Errorf("read package data: %w", err)
	}
	var cs []country
	if err := json.Unmarshal(b, &cs); err != nil {
		return fmt.Errorf("parse %s: %w", inPath, err)
	}

	// Who uses each demonym, to keep shared ones only for the state they
	// usually mean.
	users := map[string][]country{}
	for _, c := range cs {
		if skip[c.CCA3] {
			continue
		}
		for _, d := range demonyms(c) {
			users[d] = append(users[d], c)
		}
	}

	var entries []entry
	for _, c := range cs {
		if skip[c.CCA3] {
			continue
		}
		code := c.CCA3
		if f, ok := codeFix[code]; ok {
			code = f
		}
		e := entry{code: code, name: c.Name.Common}
		native := nativeNames(c)
		drop := set(dropName[c.CCA3])

		var names []string
		names = append(names, c.Name.Common, c.Name.Official)
		for _, a := range c.AltSpellings {
			a = strings.TrimPrefix(strings.TrimPrefix(a, "The "), "the ")
			if !usefulAlt(a, c, native) {
				continue
			}
			names = append(names, a)
		}
		for _, n := range names {
			if drop[n] || strings.ContainsAny(n, ",()") {
				continue
			}
			e.names = appendFolded(e.names, n)
		}
		isName := set(e.names)

		for _, d := range demonyms(c) {
			if dropDemonym[d] || isName[d] || !ownsDemonym(d, c, users[d]) {
				continue
			}
			e.adjectives = appendFolded(e.adjectives, d)
			p, special := plural[d]
			if !special {
				p = pluralOf(d)
			}
			if p != "" {
				e.adjectives = appendFolded(e.adjectives, p)
			}
		}

		dropCap := set(dropCapital[c.CCA3])
		for _, cap := range c.Capital {
			if dropCap[cap] || isName[cap] || isName[fold(cap)] {
				continue
			}
			e.capitals = appendFolded(e.capitals, cap)
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].code < entries[j].code })
	return write(outPath, entries)
}

// demonyms returns a country's English demonyms, masculine then feminine,
// split where the package lists several ("Antiguan, Barbudan").
func demonyms(c country) []string {
	eng := c.Demonyms["eng"]
	var out []string
	for _, g := range []string{eng["m"], eng["f"]} {
		for _, part := range strings.Split(strings.ReplaceAll(g, " or ", ", "), ",") {
			if part = strings.TrimSpace(part); part != "" && !contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

// ownsDemonym decides whether c keeps demonym d that others may share:
// a sovereign state beats a dependency; two sovereign states need an
// explicit owner.
func ownsDemonym(d string, c country, users []country) bool {
	if len(users) <= 1 {
		return true
	}
	if owner, ok := demonymOwner[d]; ok {
		return owner == c.CCA3
	}
	indep := 0
	for _, u := range users {
		if isIndependent(u) {
			indep++
		}
	}
	return indep == 1 && isIndependent(c)
}

func isIndependent(c country) bool { return c.Independent != nil && *c.Independent }

// nativeNames collects the names the package gives in other languages, so
// that alternative spellings that are just foreign names can be dropped.
func nativeNames(c country) map[string]bool {
	m := map[string]bool{}
	for _, n := range c.Name.Native {
		m[strings.ToLower(n["common"])] = true
		m[strings.ToLower(n["official"])] = true
	}
	for _, n := range c.Translations {
		m[strings.ToLower(n["common"])] = true
		m[strings.ToLower(n["official"])] = true
	}
	delete(m, strings.ToLower(c.Name.Common))
	delete(m, strings.ToLower(c.Name.Official))
	return m
}

// usefulAlt keeps an alternative spelling that news in English uses: one
// listed in keepAlt, or one made only of English words (the words of the
// country's English names and the generic words of state names). That drops
// 2-letter codes, names in other scripts, foreign-language and transliterated
// native names ("Jomhuri-ye Eslami-ye Iran", "Osterreich") and inverted list
// forms ("Iran, Islamic Republic of").
func usefulAlt(a string, c country, native map[string]bool) bool {
	if keepAlt[a] {
		return true
	}
	if len([]rune(a)) <= 2 || native[strings.ToLower(a)] || strings.Contains(a, ",") {
		return false
	}
	vocab := map[string]bool{}
	for _, n := range []string{c.Name.Common, c.Name.Official, fold(c.Name.Common), fold(c.Name.Official)} {
		for _, w := range strings.Fields(n) {
			vocab[strings.ToLower(w)] = true
		}
	}
	for _, w := range strings.Fields(a) {
		lw := strings.ToLower(w)
		if !vocab[lw] && !stateWords[lw] {
			return false
		}
	}
	return true
}

// stateWords are the generic English words of official state names.
var stateWords = set(strings.Fields(`of the and republic kingdom state states federal federation
	democratic people's commonwealth union united principality grand duchy sultanate islamic arab
	socialist federated independent territory collectivity islands island department`))

// keepAlt lists alternative spellings that are not built from the English
// name but are current in English-language news.
var keepAlt = set([]string{
	"Aland", "BES islands", "Bosnia-Herzegovina", "Burma", "Cabo Verde", "Chinese Taipei",
	"Congo-Brazzaville", "Congo-Kinshasa", "Côte d'Ivoire", "Cote d'Ivoire", "DPRK", "DRC",
	"East Timor", "Emirates", "Faeroe Islands", "Great Britain", "Holland", "Keeling Islands",
	"Cocos Islands", "Macao", "Macedonia", "Maldive Islands", "RSA", "St. Barthelemy",
	"Swaziland", "UAE", "Viet Nam", "Curacao", "Reunion", "Sao Tome and Principe",
	"Saint Helena", "Vatican", "Republic of Turkey", "Turkiye",
})

// pluralOf forms the plural noun of a demonym: Iranian → Iranians. Words in
// -ese, -ish, -ch, -sh, -ss, -x, -s, -y and -ic have none of that form.
func pluralOf(d string) string {
	for _, suf := range []string{"ese", "ish", "ch", "sh", "ss", "x", "s", "y", "ic", "ois"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

// fold strips diacritics: Bogotá → Bogota, Türkiye → Turkiye. (A table
// rather than Unicode normalisation keeps the program on the standard
// library; it covers every accented Latin letter of the package's names.)
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if base, ok := foldTable[r]; ok {
			b.WriteString(base)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for base, accented := range map[string]string{
		"A": "ÀÁÂÃÄÅĀĂĄ", "a": "àáâãäåāăą", "C": "ÇĆČ", "c": "çćč", "D": "Ď", "d": "ď",
		"E": "ÈÉÊËĒĔĖĘĚ", "e": "èéêëēĕėęěệ", "G": "ĞĠ", "g": "ğġ", "I": "ÌÍÎÏĨĪĬİ", "i": "ìíîïĩīĭı",
		"L": "ĹĻĽŁ", "l": "ĺļľł", "N": "ÑŃŅŇ", "n": "ñńņňṅṇ", "O": "ÒÓÔÕÖØŌŎŐ", "o": "òóôõöøōŏőộ",
		"R": "ŔŘ", "r": "ŕř", "S": "ŚŞŠȘṢ", "s": "śşšșṣ", "T": "ŢŤȚ", "t": "ţťțṭ",
		"U": "ÙÚÛÜŨŪŬŮŰ", "u": "ùúûüũūŭůűủ", "Y": "ÝŸ", "y": "ýÿ", "Z": "ŹŻŽ", "z": "źżžẓ",
		"h": "ḥ", "p": "ṗ",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

// appendFolded adds s and, when it has diacritics, its unaccented form,
// skipping duplicates.
func appendFolded(list []string, s string) []string {
	if !contains(list, s) {
		list = append(list, s)
	}
	if f := fold(s); f != s && !noFold[s] && !contains(list, f) {
		list = append(list, f)
	}
	return list
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

func write(path string, entries []entry) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, fileHeader)
	for _, e := range entries {
		fmt.Fprintf(w, "\n# %s\n", e.name)
		writeKind(w, "country", e.code, e.names)
		writeKind(w, "adjective", e.code, e.adjectives)
		writeKind(w, "capital", e.code, e.capitals)
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

// writeKind writes one line for the phrases matched in any case and one
// "; case" line for those that are also common words.
func writeKind(w *bufio.Writer, kind, code string, phrases []string) {
	var plain, cased []string
	for _, p := range phrases {
		if caseSensitive[p] {
			cased = append(cased, p)
		} else {
			plain = append(plain, p)
		}
	}
	if len(plain) > 0 {
		fmt.Fprintf(w, "%s %s: %s\n", kind, code, strings.Join(plain, " | "))
	}
	if len(cased) > 0 {
		fmt.Fprintf(w, "%s %s: %s ; case\n", kind, code, strings.Join(cased, " | "))
	}
}

const fileHeader = `# dyad country dictionary: country names, adjectives and demonyms, capitals.
#
# GENERATED FILE - do not edit by hand. Regenerate with scripts/countries/gen.sh, which installs
# npm world-countries@5.1.0 into a temporary directory and runs scripts/countries/main.go; the
# curation rules (names, demonyms and capitals dropped as unsafe matches, case-sensitive names) are
# in that program. Hand-written additions belong in countries-extra.txt.
#
# Derived from world-countries (https://github.com/mledoze/countries) by Mohammed Le Doze,
# made available under the Open Database License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1-0/
# This derived database is likewise available under the ODbL 1.0 (see NOTICE).
#
# Codes are ISO 3166-1 alpha-3, with XKX for Kosovo. Format: docs/DICTIONARIES.md.
`
