package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildPostalPlaces(t *testing.T) {
	// US postal-code rows (country, zip, place, state, state code, county,
	// county code, community, community code, lat, lon, accuracy): invented
	// places at made-up coordinates.
	zips := filepath.Join(t.TempDir(), "US.txt")
	rows := []string{
		"US\t00001\tMarlow Ford\tVirginia\tVA\tNorth County\t101\t\t\t37.40\t-76.90\t4",
		"US\t00002\tMarlow Ford\tVirginia\tVA\tNorth County\t101\t\t\t37.42\t-76.92\t4",
		"US\t00003\tBigtown\tVirginia\tVA\tNorth County\t101\t\t\t37.00\t-77.00\t4",
		"US\t00004\tPO Box 12\tVirginia\tVA\tNorth County\t101\t\t\t37.00\t-77.00\t4",
		"US\t00005\tMarlow Ford\tOhio\tOH\tSouth County\t202\t\t\t40.00\t-82.00\t4",
		"US\t00006\tSmallville\tVirginia\tVA\tNorth County\t101\t\t\t37.10\t-77.10\t4",
	}
	if err := os.WriteFile(zips, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// cities500's Bigtown is kept; its Smallville falls under the cut-off,
	// so the postal codes' Smallville is added
	known := []cityRow{{id: 1, name: "Bigtown", ascii: "Bigtown", cc: "US", admin1: "VA", feature: "PPL", pop: 30000},
		{id: 2, name: "Smallville", ascii: "Smallville", cc: "US", admin1: "VA", feature: "PPL", pop: 600}}
	es, err := buildPostalPlaces(zips, known, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Name+" "+e.Admin1)
		if !IsPostalPlace(e) {
			t.Errorf("%+v: not a postal place", e)
		}
	}
	// cities500's Bigtown and the numbered name are left out; one entry
	// per state
	if strings.Join(got, "|") != "Marlow Ford OH|Marlow Ford VA|Smallville VA" {
		t.Errorf("postal places %q", got)
	}
	if _, err := buildPostalPlaces(filepath.Join(t.TempDir(), "none"), nil, 1000); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestHandCounties(t *testing.T) {
	es, err := handCounties()
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 100 {
		t.Errorf("%d counties, want over 100", len(es))
	}
	for _, e := range es {
		// (a typo in a coordinate would put a county off the islands)
		if e.Lat < 49.8 || e.Lat > 61 || e.Lon < -10.7 || e.Lon > 1.8 {
			t.Errorf("%s at (%v, %v): not in Great Britain or Ireland", e.Name, e.Lat, e.Lon)
		}
		if e.Country != "GBR" && e.Country != "IRL" || e.Admin1 == "" || e.Population <= 0 || e.Feature != "ADM2" {
			t.Errorf("%+v", e)
		}
	}
}

func TestExtentCentre(t *testing.T) {
	// two hundred towns crowd a division's south, two dot its north: its
	// point lies midway between them, not among the crowd
	var pts [][2]float64
	for i := range 200 {
		pts = append(pts, [2]float64{49 + float64(i%10)*0.01, -123 + float64(i/10)*0.01})
	}
	for _, lat := range []float64{54, 59.5} {
		pts = append(pts, [2]float64{lat, -123})
	}
	lat, _ := extentCentre(pts)
	if lat < 53.5 || lat > 55 {
		t.Errorf("extent centre at latitude %.2f, want about 54.3", lat)
	}
	if dl, _ := centre(pts); dl > 51 {
		t.Errorf("density centre at %.2f: the crowd should pull it south", dl)
	}
}
