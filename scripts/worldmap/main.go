// Command worldmap writes the web UI's world map: one SVG path per country,
// keyed by ISO 3166-1 alpha-3 code, from the TopoJSON country outlines of
// npm world-atlas (Natural Earth 1:110m) and the numeric-to-alpha-3 codes of
// npm world-countries. See gen.sh, which installs both and runs this.
//
// Usage:
//
//	go run ./scripts/worldmap -atlas countries-110m.json -countries countries.json -out http/ui/static/world.json
//
// The projection is equirectangular, cropped to latitudes 84°N..58°S
// (Antarctica is left out); coordinates are rounded to 0.1 px and points
// closer than minStep px to the previous one are dropped.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

const (
	scale   = 2.5   // pixels per degree
	latTop  = 84.0  // northernmost latitude drawn
	latBot  = -58.0 // southernmost latitude drawn
	minStep = 0.6   // pixels
)

// unnumbered maps world-atlas features without a numeric code to a code:
// Kosovo has its user-assigned XKX (as in the actor dictionary), the
// others are drawn as part of the state that claims them.
var unnumbered = map[string]string{"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				ID         string          `json:"id"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

type country struct {
	Name string `json:"name"`
	D    string `json:"d"`
}

type output struct {
	Source    string              `json:"source"`
	Width     float64             `json:"width"`
	Height    float64             `json:"height"`
	Countries map[string]*country `json:"countries"`
}

func main() {
	atlas := flag.String("atlas", "", "world-atlas countries-110m.json")
	countries := flag.String("countries", "", "world-countries countries.json")
	out := flag.String("out", "http/ui/static/world.json", "output file")
	version := flag.String("version", "", "world-atlas version, recorded in the output")
	flag.Parse()
	if err := run(*atlas, *countries, *out, *version); err != nil {
		fmt.Fprintln(os.Stderr, "worldmap:", err)
		os.Exit(1)
	}
}

func run(atlasPath, countriesPath, outPath, version string) error {
	var topo topology
	if err := readJSON(atlasPath, &topo); err != nil {
		return err
	}
	var wc []struct {
		CCN3 string `json:"ccn3"`
		CCA3 string `json:"cca3"`
	}
	if err := readJSON(countriesPath, &wc); err != nil {
		return err
	}
	iso3 := map[string]string{}
	for _, c := range wc {
		if c.CCN3 != "" {
			iso3[c.CCN3] = c.CCA3
		}
	}
	// Decode the quantized, delta-encoded arcs to longitude and latitude.
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, arc := range topo.Arcs {
		var x, y float64
		for _, p := range arc {
			x += p[0]
			y += p[1]
			lon := x*topo.Transform.Scale[0] + topo.Transform.Translate[0]
			lat := y*topo.Transform.Scale[1] + topo.Transform.Translate[1]
			arcs[i] = append(arcs[i], [2]float64{lon, lat})
		}
	}
	res := output{
		Source: "world-atlas " + version + " (Natural Earth 1:110m), ISO codes from world-countries; made by scripts/worldmap",
		Width:  360 * scale, Height: (latTop - latBot) * scale, Countries: map[string]*country{},
	}
	for _, g := range topo.Objects.Countries.Geometries {
		code := iso3[g.ID]
		if g.ID == "" {
			code = unnumbered[g.Properties.Name]
		}
		if code == "" {
			return fmt.Errorf("%s: no ISO code for %q (id %q)", atlasPath, g.Properties.Name, g.ID)
		}
		if code == "ATA" {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return fmt.Errorf("%s: %s: %v", atlasPath, g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return fmt.Errorf("%s: %s: %v", atlasPath, g.Properties.Name, err)
			}
		default:
			continue
		}
		var d strings.Builder
		for _, poly := range polys {
			for _, ring := range poly {
				for _, pts := range project(ringPoints(arcs, ring)) {
					writeRing(&d, pts)
				}
			}
		}
		if c := res.Countries[code]; c != nil {
			c.D += d.String()
		} else {
			res.Countries[code] = &country{Name: g.Properties.Name, D: d.String()}
		}
	}
	b, err := json.Marshal(res)
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, append(b, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d countries, %d bytes\n", outPath, len(res.Countries), len(b)+1)
	return nil
}

// ringPoints joins a ring's arcs (~i is arc i reversed), dropping the
// first point of each arc after the first.
func ringPoints(arcs [][][2]float64, ring []int) [][2]float64 {
	var pts [][2]float64
	for k, i := range ring {
		var a [][2]float64
		if i >= 0 {
			a = arcs[i]
		} else {
			src := arcs[^i]
			for j := len(src) - 1; j >= 0; j-- {
				a = append(a, src[j])
			}
		}
		if k > 0 && len(a) > 0 {
			a = a[1:]
		}
		pts = append(pts, a...)
	}
	return pts
}

// project turns a ring of longitudes and latitudes into pixels. A ring
// that crosses the antimeridian is unwrapped into one continuous outline
// and drawn twice, 360° apart, so that each side of the map shows its part
// (the SVG viewport clips the rest).
func project(ring [][2]float64) [][][2]float64 {
	if len(ring) == 0 {
		return nil
	}
	lons := make([]float64, len(ring))
	lo, hi := ring[0][0], ring[0][0]
	for i, p := range ring {
		lons[i] = p[0]
		if i > 0 {
			for lons[i]-lons[i-1] > 180 {
				lons[i] -= 360
			}
			for lons[i]-lons[i-1] < -180 {
				lons[i] += 360
			}
		}
		lo, hi = math.Min(lo, lons[i]), math.Max(hi, lons[i])
	}
	shifts := []float64{0}
	if lo < -180 {
		shifts = append(shifts, 360)
	}
	if hi > 180 {
		shifts = append(shifts, -360)
	}
	var out [][][2]float64
	for _, sh := range shifts {
		pts := make([][2]float64, len(ring))
		for i, p := range ring {
			lat := math.Max(latBot, math.Min(latTop, p[1]))
			pts[i] = [2]float64{(lons[i] + sh + 180) * scale, (latTop - lat) * scale}
		}
		out = append(out, pts)
	}
	return out
}

// writeRing writes a closed path with relative moves in tenths of a pixel.
func writeRing(d *strings.Builder, pts [][2]float64) {
	var kept [][2]int
	for i, p := range pts {
		q := [2]int{int(math.Round(p[0] * 10)), int(math.Round(p[1] * 10))}
		if len(kept) > 0 && i < len(pts)-1 {
			last := kept[len(kept)-1]
			if math.Hypot(float64(q[0]-last[0]), float64(q[1]-last[1])) < minStep*10 {
				continue
			}
		}
		kept = append(kept, q)
	}
	if len(kept) < 3 {
		return
	}
	num := func(v int) string { return strconv.FormatFloat(float64(v)/10, 'f', -1, 64) }
	fmt.Fprintf(d, "M%s %s", num(kept[0][0]), num(kept[0][1]))
	for i := 1; i < len(kept); i++ {
		dx, dy := kept[i][0]-kept[i-1][0], kept[i][1]-kept[i-1][1]
		if dx == 0 && dy == 0 {
			continue
		}
		fmt.Fprintf(d, "l%s %s", num(dx), num(dy))
	}
	d.WriteString("z")
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}
