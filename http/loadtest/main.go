// Command loadtest measures the HTTP API under load: it fills an SQLite
// event store with synthetic coded documents up to --events events (once;
// later runs reuse the file), serves it on a loopback port and runs
// --clients concurrent clients for --duration, each sending filtered
// GET /api/events and GET /api/dyads requests. It prints the latency
// percentiles per endpoint and exits 1 when a p99 exceeds --max-p99 or a
// request fails.
//
// Usage (the bar of issue 6: p99 ≤ 100 ms, 64 clients, 1,000,000 events):
//
//	go run ./http/loadtest --db /tmp/load.db --events 1000000 --clients 64 --duration 30s
//
// The clients send requests back to back (no think time), half of them to
// each endpoint, with the filters of the UI:
//
//   - source: always, a country ("IRN", 4 in 5) or a full actor code
//     ("IRNMIL", 1 in 5);
//   - one more filter, each 1 in 5: target (a country), root (a CAMEO root),
//     quad (a QuadClass), code (a CAMEO code), or none;
//   - a date range (from, to) of 30 to 210 days, 1 in 2;
//   - /api/events: limit 50, a later page (offset 50 to 200) 1 in 5, and a
//     full-text q 1 in 4: a name-like term (an actor token of the synthetic
//     text, "USAGOV", in about 0.25% of the sentences). The synthetic text
//     has a vocabulary of 20 topic words, so each of them is in 10% of the
//     sentences, far more than a search word of real news; the mix leaves
//     them out;
//   - /api/dyads: no interval (the map) 1 in 3, interval=month 1 in 3,
//     week 1 in 6, and 1 in 6 day when a date range is set (a daily series
//     over a few months), else week.
//
// Before the clock starts the store is opened and queried once, so that
// its in-memory index is loaded, as "dyad serve" does when it starts.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	nethttp "net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	dhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/sqlite"
)

var (
	countries = strings.Fields("USA RUS CHN IRN SYR ISR UKR TUR IND PAK AFG IRQ SAU EGY FRA DEU GBR JPN KOR PRK BRA VEN COL MEX NGA KEN ETH SOM SDN MLI NER POL SRB XKX ARM AZE QAT LBN YEM PHL")
	sectors   = strings.Fields("GOV MIL REB OPP BUS MED JUD LEG COP CVL")
	codes     = []struct {
		code string
		quad int
		g    float64
	}{
		{"010", 1, 0}, {"020", 1, 3}, {"036", 1, 4}, {"040", 1, 1}, {"042", 1, 1.9}, {"043", 1, 2.8}, {"051", 1, 3.4},
		{"057", 1, 8}, {"061", 2, 6.4}, {"071", 2, 7.4}, {"081", 2, 5}, {"111", 3, -2}, {"112", 3, -2}, {"120", 3, -4},
		{"130", 3, -4.4}, {"138", 3, -7}, {"163", 4, -8}, {"172", 4, -5}, {"173", 4, -5}, {"190", 4, -10}, {"193", 4, -10}, {"195", 4, -10},
	}
	words = strings.Fields("talks border ceasefire sanctions troops ministers summit protest strike aid drones election envoy trade embassy militants refugees pipeline tariffs hostages")
)

func main() {
	db := flag.String("db", "", "the SQLite database `FILE` (filled when it holds fewer events than --events)")
	events := flag.Int("events", 1_000_000, "fill the store up to `N` events")
	clients := flag.Int("clients", 64, "`N` concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long the load runs")
	maxP99 := flag.Duration("max-p99", 100*time.Millisecond, "fail when an endpoint's p99 exceeds this")
	flag.IntVar(&slowest, "slowest", 0, "print the `N` slowest requests")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the load phase to `FILE`")
	flag.Usage = func() {
		fmt.Fprint(flag.CommandLine.Output(), `usage: loadtest --db FILE [flags]

Fills FILE with synthetic events (once), serves it on a loopback port and
sends filtered requests from --clients clients, back to back, half to
/api/events and half to /api/dyads; prints p50/p95/p99 per endpoint and
fails when a p99 is above --max-p99.

The mix: source always (a country, or 1 in 5 a full actor code); one of
target, root, quad, code or nothing (1 in 5 each); a 30-210 day date range
1 in 2. Events: limit 50, a later page 1 in 5, q 1 in 4 (an actor token,
in about 0.25% of the sentences). Dyads: no interval 1 in 3, month 1 in 3,
week 1 in 6, day 1 in 6 when a date range is set (else week).

`)
		flag.PrintDefaults()
	}
	flag.Parse()
	profile = *cpuProfile
	if *db == "" {
		fmt.Fprintln(os.Stderr, "loadtest: --db is required")
		os.Exit(2)
	}
	if err := run(*db, *events, *clients, *duration, *maxP99); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// profile is the --cpuprofile file, "" for none; slowest the number of
// slowest requests to print.
var (
	profile string
	slowest int
)

func run(db string, events, clients int, duration, maxP99 time.Duration) error {
	st, err := sqlite.Open(db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if err := fill(ctx, st, events); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &nethttp.Server{Handler: dhttp.NewServer(st, nil, dhttp.Options{Log: log.New(os.Stderr, "", 0)})}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	client := &nethttp.Client{Timeout: 30 * time.Second, Transport: &nethttp.Transport{MaxIdleConnsPerHost: clients}}
	type sample struct {
		endpoint string
		query    string
		d        time.Duration
		err      error
	}
	var mu sync.Mutex
	var samples []sample
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 7))
			var mine []sample
			for time.Now().Before(deadline) {
				endpoint, query := request(r)
				t := time.Now()
				err := get(client, base+endpoint+"?"+query)
				mine = append(mine, sample{endpoint, query, time.Since(t), err})
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()

	byEndpoint := map[string][]time.Duration{}
	failed := 0
	for _, s := range samples {
		if s.err != nil {
			if failed < 5 {
				fmt.Fprintln(os.Stderr, "loadtest:", s.endpoint, s.err)
			}
			failed++
			continue
		}
		byEndpoint[s.endpoint] = append(byEndpoint[s.endpoint], s.d)
	}
	fmt.Printf("store %s, %d clients, %s, %d requests (%.0f/s), %d failed\n", db, clients, duration, len(samples),
		float64(len(samples))/duration.Seconds(), failed)
	if slowest > 0 {
		slices.SortFunc(samples, func(a, b sample) int { return int(b.d - a.d) })
		for _, s := range samples[:min(slowest, len(samples))] {
			fmt.Printf("slow: %-9s %s?%s\n", s.d.Round(time.Millisecond), s.endpoint, s.query)
		}
	}
	over := false
	for _, ep := range []string{"/api/events", "/api/dyads"} {
		ds := byEndpoint[ep]
		slices.Sort(ds)
		if len(ds) == 0 {
			return fmt.Errorf("%s: no successful request", ep)
		}
		pct := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		fmt.Printf("%-12s n=%-7d p50=%-9s p95=%-9s p99=%-9s max=%s\n", ep, len(ds), pct(.50).Round(time.Microsecond*100),
			pct(.95).Round(time.Microsecond*100), pct(.99).Round(time.Microsecond*100), ds[len(ds)-1].Round(time.Millisecond))
		if pct(.99) > maxP99 {
			over = true
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d requests failed", failed)
	}
	if over {
		return fmt.Errorf("p99 above %s", maxP99)
	}
	return nil
}

// request picks an endpoint and a filtered query, as a user of the UI
// sends them (see the package documentation for the mix).
func request(r *rand.Rand) (string, string) {
	v := url.Values{}
	src := countries[r.IntN(len(countries))]
	if r.IntN(5) == 0 { // a full actor code
		src += sectors[r.IntN(len(sectors))]
	}
	v.Set("source", src)
	c := codes[r.IntN(len(codes))]
	switch r.IntN(5) {
	case 0:
		v.Set("target", countries[r.IntN(len(countries))])
	case 1:
		v.Set("root", c.code[:2])
	case 2:
		v.Set("quad", fmt.Sprint(c.quad))
	case 3:
		v.Set("code", c.code)
	}
	ranged := r.IntN(2) == 0
	if ranged {
		from := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(900))
		v.Set("from", from.Format("2006-01-02"))
		v.Set("to", from.AddDate(0, 0, 30+r.IntN(180)).Format("2006-01-02"))
	}
	if r.IntN(2) == 0 {
		v.Set("limit", "50")
		if r.IntN(4) == 0 {
			// A name-like term: an actor token of the synthetic text
			// ("USAGOV"), in about 0.25% of the sentences.
			v.Set("q", countries[r.IntN(len(countries))]+sectors[r.IntN(len(sectors))])
		}
		if r.IntN(5) == 0 {
			v.Set("offset", fmt.Sprint(50*(1+r.IntN(4)))) // a later page
		}
		return "/api/events", v.Encode()
	}
	switch r.IntN(6) {
	case 0, 1: // the map: no interval
	case 2, 3:
		v.Set("interval", "month")
	case 4:
		v.Set("interval", "week")
	case 5: // days over a range, weeks otherwise
		if ranged {
			v.Set("interval", "day")
		} else {
			v.Set("interval", "week")
		}
	}
	return "/api/dyads", v.Encode()
}

// checked counts the answers get has read.
var checked atomic.Int64

func get(c *nethttp.Client, u string) error {
	res, err := c.Get(u)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("%s: %s", res.Status, b)
	}
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	// Every answer must be a JSON object; one in 16 is checked fully (the
	// checker runs in this process, beside the server it measures).
	if t := bytes.TrimSpace(b); len(t) < 2 || t[0] != '{' || t[len(t)-1] != '}' || checked.Add(1)%16 == 0 && !json.Valid(t) {
		return fmt.Errorf("%s: the answer is not a JSON object", u)
	}
	return nil
}

// fill adds synthetic documents of 10 events each until the store holds
// n events.
func fill(ctx context.Context, st dyad.Store, n int) error {
	_, have, err := st.Events(ctx, dyad.EventFilter{Limit: 1})
	if err != nil {
		return err
	}
	if have >= n {
		fmt.Printf("store holds %d events\n", have)
		return nil
	}
	r := rand.New(rand.NewPCG(uint64(have), 1))
	start := time.Now()
	const perDoc, batch = 10, 500
	for docNo := have / perDoc; have < n; {
		docs := make([]dyad.StoredDoc, 0, batch)
		for range batch {
			docs = append(docs, synthDoc(r, docNo, perDoc))
			docNo++
		}
		added, err := st.Put(ctx, docs)
		if err != nil {
			return err
		}
		have += added * perDoc
		fmt.Fprintf(os.Stderr, "\rfilling: %d events (%.0f docs/s)", have, float64(have/perDoc)/time.Since(start).Seconds())
	}
	fmt.Fprintln(os.Stderr)
	return nil
}

// synthDoc makes one document of k one-event sentences between random
// countries; its text is unique (its number is in it).
func synthDoc(r *rand.Rand, no, k int) dyad.StoredDoc {
	date := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(1095)).Format("2006-01-02")
	var text strings.Builder
	rec := dyad.Record{Doc: dyad.DocInfo{ID: fmt.Sprintf("load-%07d", no), Date: dyad.OptString(date)}}
	for i := range k {
		src, tgt := countries[r.IntN(len(countries))], countries[r.IntN(len(countries))]
		c := codes[r.IntN(len(codes))]
		start := len([]rune(text.String()))
		s := fmt.Sprintf("Report %d.%d: officials of %s%s acted on %s over %s and %s. ", no, i, src,
			sectors[r.IntN(len(sectors))], tgt, words[r.IntN(len(words))], words[r.IntN(len(words))])
		text.WriteString(s)
		end := start + len([]rune(s)) - 1
		srcCode := src + sectors[r.IntN(len(sectors))]
		rec.Sentences = append(rec.Sentences, dyad.Sentence{Start: start, End: end})
		rec.Events = append(rec.Events, dyad.Event{Sentence: i, Code: c.code, Root: c.code[:2], QuadClass: c.quad, Goldstein: c.g,
			Source: &dyad.Actor{Text: "officials", Start: start, End: start + 9, Code: srcCode, Country: dyad.OptString(src)},
			Target: &dyad.Actor{Text: tgt, Start: start + 10, End: start + 13, Code: tgt, Country: dyad.OptString(tgt)},
			Verb:   dyad.TextSpan{Text: "acted", Start: start + 14, End: start + 19}, Rule: "synthetic"})
	}
	doc := dyad.Doc{ID: rec.Doc.ID, Text: text.String(), Date: date, Source: fmt.Sprintf("Source %d", no%50),
		URL: fmt.Sprintf("https://load.example/%d", no)}
	return dyad.StoredDoc{Doc: doc, Record: rec}
}
