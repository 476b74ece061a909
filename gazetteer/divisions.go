package gazetteer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

// cscState is a state of the countries-states-cities package.
type cscState struct {
	ID          int    `json:"id"`
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
	StateCode   string `json:"state_code"`
}

// cscCity is a city of the countries-states-cities package.
type cscCity struct {
	Name        string `json:"name"`
	StateID     int    `json:"state_id"`
	CountryCode string `json:"country_code"`
	Latitude    string `json:"latitude"`
	Longitude   string `json:"longitude"`
}

// cityStateFix moves the package's towns from one division to another
// (country, from, to) where it files them under the wrong one: its
// Northern Irish towns carry North Yorkshire's id.
var cityStateFix = [][3]string{
	{"GB", "North Yorkshire", "Northern Ireland"},
}

// readJSON reads a JSON file into v.
func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// buildDivisions makes the first-level divisions. Each state of the
// division package is matched to a GeoNames admin1 code by its cities: a
// city of the package that cities500 has under the same name within 30 km
// votes for that place's admin1 code, and a state takes the code that most
// of its votes name when it is also the state most of that code's votes come
// from and it has at least half of that code's votes, and when the
// centres of the state's cities and of the code's places are within 300 km. A state left without votes takes the code of a division seat (PPLA)
// or capital of the same name. Matched states become ADM1 entries placed at
// the midpoint of the bounding box of their code's places (the 2nd to 98th
// percentile, so that a far islet does not move it); the others become ADMD
// entries placed by the package's own cities.
func buildDivisions(src Sources, rows []cityRow, iso3 map[string]string, st *BuildStats) ([]Entry, error) {
	var states []cscState
	if err := readJSON(src.States, &states); err != nil {
		return nil, fmt.Errorf("states: %w", err)
	}
	var cities []cscCity
	if src.StateCities != "" {
		if err := readJSON(src.StateCities, &cities); err != nil {
			return nil, fmt.Errorf("state cities: %w", err)
		}
	}
	// the package's own slips: towns filed under another division's id
	stateID := map[[2]string]int{}
	for _, s := range states {
		stateID[[2]string{s.CountryCode, s.Name}] = s.ID
	}
	for i, c := range cities {
		for _, f := range cityStateFix {
			from, ok1 := stateID[[2]string{f[0], f[1]}]
			to, ok2 := stateID[[2]string{f[0], f[2]}]
			if ok1 && ok2 && c.StateID == from && c.CountryCode == f[0] {
				cities[i].StateID = to
			}
		}
	}
	byName := map[string][]int32{}
	placeKeys := map[string]bool{} // cc + key of every place name
	for i := range rows {
		r := &rows[i]
		for _, k := range []string{Key(r.name), Key(r.ascii)} {
			ck := r.cc + "\x00" + k
			if l := byName[ck]; len(l) == 0 || l[len(l)-1] != int32(i) {
				byName[ck] = append(byName[ck], int32(i))
			}
			placeKeys[ck] = true
		}
	}
	votes := map[int]map[string]int{}
	stateCities := map[int][][2]float64{}
	for _, c := range cities {
		lat, err1 := strconv.ParseFloat(c.Latitude, 64)
		lon, err2 := strconv.ParseFloat(c.Longitude, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		stateCities[c.StateID] = append(stateCities[c.StateID], [2]float64{lat, lon})
		code := ""
		for _, i := range byName[c.CountryCode+"\x00"+Key(c.Name)] {
			r := &rows[i]
			if r.admin1 == "" || r.admin1 == "00" || km(lat, lon, r.lat, r.lon) > 30 {
				continue
			}
			if code != "" && code != r.admin1 {
				code = "?"
				break
			}
			code = r.admin1
		}
		if code != "" && code != "?" {
			if votes[c.StateID] == nil {
				votes[c.StateID] = map[string]int{}
			}
			votes[c.StateID][code]++
		}
	}
	// The state each code's votes mostly come from.
	type best struct {
		state, n int
	}
	codeBest := map[string]best{}
	codeTotal := map[string]int{}
	for _, s := range states {
		for code, n := range votes[s.ID] {
			k := s.CountryCode + "\x00" + code
			codeTotal[k] += n
			if b, ok := codeBest[k]; !ok || n > b.n || (n == b.n && s.ID < b.state) {
				codeBest[k] = best{s.ID, n}
			}
		}
	}
	// Places by admin1 code, for the seat fallback and the coordinates.
	seats := map[string]string{} // cc + key → admin1 code of a PPLA/PPLC of that name
	places := map[string][]int32{}
	for i := range rows {
		r := &rows[i]
		if r.admin1 == "" || r.admin1 == "00" {
			continue
		}
		places[r.cc+"\x00"+r.admin1] = append(places[r.cc+"\x00"+r.admin1], int32(i))
		if r.feature == "PPLA" || r.feature == "PPLC" {
			seats[r.cc+"\x00"+Key(r.name)] = r.admin1
			seats[r.cc+"\x00"+Key(r.ascii)] = r.admin1
		}
	}

	stateCode := map[int]string{}
	taken := map[string]bool{}
	for _, s := range states {
		vs := votes[s.ID]
		code, n, total := "", 0, 0
		for c, v := range vs {
			total += v
			if v > n || (v == n && c < code) {
				code, n = c, v
			}
		}
		ck := s.CountryCode + "\x00" + code
		if code == "" || 2*n < total || 2*n < codeTotal[ck] || codeBest[ck].state != s.ID {
			continue
		}
		if pts := stateCities[s.ID]; len(pts) > 0 {
			// The package's cities of the state and the code's places
			// must lie in the same area.
			var ps [][2]float64
			for _, i := range places[ck] {
				ps = append(ps, [2]float64{rows[i].lat, rows[i].lon})
			}
			la, lo := centre(pts)
			lb, lc := centre(ps)
			if km(la, lo, lb, lc) > 300 {
				continue
			}
		}
		stateCode[s.ID] = code
		taken[ck] = true
	}
	for _, s := range states {
		if _, ok := stateCode[s.ID]; ok || len(votes[s.ID]) > 0 {
			continue
		}
		for _, n := range append([]string{s.Name}, divisionAliases(s.Name)...) {
			if code, ok := seats[s.CountryCode+"\x00"+Key(n)]; ok && !taken[s.CountryCode+"\x00"+code] {
				stateCode[s.ID] = code
				taken[s.CountryCode+"\x00"+code] = true
				break
			}
		}
	}

	var out []Entry
	for _, s := range states {
		cc := iso3[s.CountryCode]
		if cc == "" || !isLatin(s.Name) {
			continue
		}
		st.StatesTotal++
		names := []string{s.Name}
		for _, a := range divisionAliases(s.Name) {
			if !placeKeys[s.CountryCode+"\x00"+Key(a)] {
				names = append(names, a)
			}
		}
		if s.CountryCode == "US" {
			names = append(names, usAbbrev[s.StateCode]...)
		}
		names = append(names, divisionExtra[s.CountryCode+"-"+s.StateCode]...)
		e := Entry{Name: s.Name, Names: dedupKeys(withASCII(names...)), Country: cc}
		if code, ok := stateCode[s.ID]; ok {
			st.StatesMatched++
			e.Feature, e.Admin1 = "ADM1", code
			var pts [][2]float64
			for _, i := range places[s.CountryCode+"\x00"+code] {
				r := &rows[i]
				pts = append(pts, [2]float64{r.lat, r.lon})
				if !strings.HasPrefix(r.feature, "PPLX") {
					e.Population += r.pop
				}
			}
			e.Lat, e.Lon = extentCentre(pts)
		} else {
			pts := stateCities[s.ID]
			if len(pts) == 0 {
				continue
			}
			e.Feature = "ADMD"
			e.Lat, e.Lon = extentCentre(pts)
		}
		e.Lat, e.Lon = round4(e.Lat), round4(e.Lon)
		out = append(out, e)
	}
	return out, nil
}

// extentCentre is centre over one point per half-degree cell: the middle
// of a division's extent, not of the density of its towns (British
// Columbia's towns crowd its south).
func extentCentre(pts [][2]float64) (lat, lon float64) {
	seen := map[[2]int]bool{}
	var cells [][2]float64
	for _, p := range pts {
		k := [2]int{int(math.Floor(p[0] * 2)), int(math.Floor(p[1] * 2))}
		if !seen[k] {
			seen[k] = true
			cells = append(cells, p)
		}
	}
	return centre(cells)
}

// centre returns the midpoint of the bounding box of the 2nd to 98th
// percentile of the points' latitudes and longitudes (longitudes taken
// across the antimeridian when that makes the box narrower).
func centre(pts [][2]float64) (lat, lon float64) {
	if len(pts) == 0 {
		return 0, 0
	}
	lats := make([]float64, len(pts))
	lons := make([]float64, len(pts))
	lons2 := make([]float64, len(pts))
	for i, p := range pts {
		lats[i], lons[i] = p[0], p[1]
		lons2[i] = p[1]
		if lons2[i] < 0 {
			lons2[i] += 360
		}
	}
	mid := func(xs []float64) (float64, float64) {
		sort.Float64s(xs)
		lo := xs[int(0.02*float64(len(xs)-1)+0.5)]
		hi := xs[int(0.98*float64(len(xs)-1)+0.5)]
		return (lo + hi) / 2, hi - lo
	}
	lat, _ = mid(lats)
	lon, w := mid(lons)
	if lon2, w2 := mid(lons2); w2 < w {
		lon = lon2
		if lon > 180 {
			lon -= 360
		}
	}
	return lat, lon
}

// km is the great-circle distance in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// divisionAliases returns a division's name without its generic word
// ("Murmansk Oblast" → "Murmansk", "Republic of Dagestan" → "Dagestan").
func divisionAliases(name string) []string {
	var out []string
	for _, p := range divisionPrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p)+2 {
			out = append(out, name[len(p):])
		}
	}
	for _, s := range divisionSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s)+2 {
			out = append(out, name[:len(name)-len(s)])
		}
	}
	return out
}

var divisionPrefixes = []string{"Republic of ", "Autonomous Republic of ", "Province of ", "Canton of ",
	"Emirate of ", "State of ", "Region of ", "Department of ", "Governorate of ", "Municipality of "}

var divisionSuffixes = []string{" Province", " Governorate", " Region", " State", " District", " Prefecture",
	" Oblast", " Krai", " Kray", " Voivodeship", " Department", " Division", " Municipality", " County",
	" Autonomous Okrug", " Autonomous Oblast", " Autonomous Region", " Autonomous Province", " Emirate",
	" Canton", " Parish", " Territory", " Republic", " Special Administrative Region", " Capital District",
	" Federal District", " Metropolitan City", " City", " Island", " Islands"}

// buildCounties makes the US counties, parishes and boroughs from GeoNames'
// US postal codes (country, zip, place, state, state code, county, county
// code, …, lat, lon, accuracy): each is placed at the midpoint of the
// bounding box of its postal codes and takes the population of its
// cities500 places. Independent cities are left out (they are places).
func buildCounties(path string, rows []cityRow) ([]Entry, error) {
	type county struct {
		state, code, name string
		pts               [][2]float64
	}
	byKey := map[string]*county{}
	var order []string
	err := readZips(path, func(z zipRow) {
		if z.county == "" || z.countyCode == "" {
			return
		}
		k := z.state + "." + z.countyCode
		c := byKey[k]
		if c == nil {
			c = &county{state: z.state, code: z.countyCode, name: z.county}
			byKey[k] = c
			order = append(order, k)
		}
		c.pts = append(c.pts, [2]float64{z.lat, z.lon})
	})
	if err != nil {
		return nil, err
	}
	pop := map[string]int64{}
	placeKeys := map[string]bool{}
	for _, r := range rows {
		if r.cc != "US" {
			continue
		}
		if !strings.HasPrefix(r.feature, "PPLX") {
			pop[r.admin1+"."+r.admin2] += r.pop
		}
		placeKeys[r.admin1+"\x00"+Key(r.name)] = true
	}
	sort.Strings(order)
	var out []Entry
	for _, k := range order {
		c := byKey[k]
		full, bare, ok := countyName(c.state, c.name)
		if !ok {
			continue
		}
		names := []string{full}
		if bare != full && !placeKeys[c.state+"\x00"+Key(bare)] {
			names = append(names, bare)
		}
		if strings.HasPrefix(bare, "St. ") {
			names = append(names, "Saint "+bare[4:]+strings.TrimPrefix(full, bare))
		}
		lat, lon := centre(c.pts)
		out = append(out, Entry{Name: full, Names: dedupKeys(withASCII(names...)), Lat: round4(lat), Lon: round4(lon),
			Country: "USA", Feature: "ADM2", Admin1: c.state, Population: pop[k]})
	}
	return out, nil
}

// countyName turns a postal-code county name into the county's full name
// ("Laurel" → "Laurel County", "Caddo Parish", "Bethel Census Area") and
// its bare name; ok is false for independent cities.
func countyName(state, name string) (full, bare string, ok bool) {
	l := strings.ToLower(name)
	if strings.Contains(l, "(city") || strings.HasPrefix(l, "city of") || strings.HasPrefix(l, "city and county") {
		return "", "", false
	}
	name = strings.Replace(name, " (CA)", " Census Area", 1)
	for _, s := range []string{" County", " Parish", " Borough", " Census Area", " Municipality", " City and Borough"} {
		if strings.HasSuffix(name, s) {
			return name, strings.TrimSuffix(name, s), true
		}
	}
	switch state {
	case "LA":
		return name + " Parish", name, true
	case "AK":
		return name + " Borough", name, true
	}
	return name + " County", name, true
}

// buildPostalPlaces makes the US places that GeoNames' US postal codes name
// and the kept cities500 places (see keptCity) lack: villages and
// unincorporated communities local news names ("Lanexa", "Harwinton").
// Each is placed at the midpoint of its postal codes, with no GeoNames id
// and no population, so that a town of the table outranks it.
func buildPostalPlaces(path string, rows []cityRow, minPop int64) ([]Entry, error) {
	known := map[string]bool{}
	for i := range rows {
		if r := &rows[i]; r.cc == "US" && keptCity(r, minPop) {
			known[r.admin1+"\x00"+Key(r.name)] = true
			known[r.admin1+"\x00"+Key(r.ascii)] = true
		}
	}
	type place struct {
		name, state string
		pts         [][2]float64
	}
	byKey := map[string]*place{}
	err := readZips(path, func(z zipRow) {
		if z.place == "" || z.state == "" || strings.ContainsAny(z.place, "()0123456789") {
			return
		}
		k := z.state + "\x00" + Key(z.place)
		if known[k] {
			return
		}
		pl := byKey[k]
		if pl == nil {
			pl = &place{name: z.place, state: z.state}
			byKey[k] = pl
		}
		pl.pts = append(pl.pts, [2]float64{z.lat, z.lon})
	})
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Entry, 0, len(keys))
	for _, k := range keys {
		pl := byKey[k]
		lat, lon := centre(pl.pts)
		out = append(out, Entry{Name: pl.name, Names: dedupKeys(withASCII(pl.name)), Lat: round4(lat), Lon: round4(lon),
			Country: "USA", Feature: "PPL", Admin1: pl.state})
	}
	return out, nil
}

// IsPostalPlace reports whether e is a US place only the postal codes name
// (no GeoNames id, no population): worth resolving a name known to be a
// place to, too obscure to make a word a place.
func IsPostalPlace(e Entry) bool {
	return e.ID == 0 && e.Feature == "PPL" && e.Country == "USA"
}

// zipRow is one line of GeoNames' US postal codes (country, zip, place,
// state, state code, county, county code, community, community code, lat,
// lon, accuracy), the fields the builders read.
type zipRow struct {
	place, state, county, countyCode string
	lat, lon                         float64
}

// readZips calls fn for each line of the postal-code file at path that has
// a position; a line with fewer than 11 fields is an error.
func readZips(path string, fn func(zipRow)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("zips: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 11 {
			return fmt.Errorf("%s:%d: %d fields, want at least 11", path, line, len(p))
		}
		lat, err1 := strconv.ParseFloat(p[9], 64)
		lon, err2 := strconv.ParseFloat(p[10], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		fn(zipRow{place: strings.TrimSpace(p[2]), state: p[4], county: strings.TrimSpace(p[5]), countyCode: p[6], lat: lat, lon: lon})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", path, line+1, err)
	}
	return nil
}
