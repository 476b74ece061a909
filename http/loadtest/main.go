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
package main

import (
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
	"slices"
	"strings"
	"sync"
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
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "loadtest: --db is required")
		os.Exit(2)
	}
	if err := run(*db, *events, *clients, *duration, *maxP99); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

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

	client := &nethttp.Client{Timeout: 30 * time.Second, Transport: &nethttp.Transport{MaxIdleConnsPerHost: clients}}
	type sample struct {
		endpoint string
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
				mine = append(mine, sample{endpoint, time.Since(t), err})
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
// would send them: a country or a pair, a code root or QuadClass, a date
// range, sometimes a full-text word; a page of 50 events.
func request(r *rand.Rand) (string, string) {
	v := url.Values{}
	v.Set("source", countries[r.IntN(len(countries))])
	switch r.IntN(4) {
	case 0:
		v.Set("target", countries[r.IntN(len(countries))])
	case 1:
		v.Set("root", codes[r.IntN(len(codes))].code[:2])
	case 2:
		v.Set("quad", fmt.Sprint(1+r.IntN(4)))
	}
	if r.IntN(2) == 0 {
		from := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(900))
		v.Set("from", from.Format("2006-01-02"))
		v.Set("to", from.AddDate(0, 0, 30+r.IntN(180)).Format("2006-01-02"))
	}
	if r.IntN(2) == 0 {
		v.Set("limit", "50")
		if r.IntN(4) == 0 {
			v.Set("q", words[r.IntN(len(words))])
		}
		return "/api/events", v.Encode()
	}
	v.Set("interval", []string{"day", "week", "month"}[r.IntN(3)])
	return "/api/dyads", v.Encode()
}

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
	var v json.RawMessage
	return json.NewDecoder(res.Body).Decode(&v)
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
