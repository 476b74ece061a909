package ingest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// rssEntry is one <item> of a test feed.
type rssEntry struct {
	guid, link, title, date, desc string
}

// rss writes an RSS 2.0 feed.
func rss(title string, entries ...rssEntry) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel><title>" + title + "</title><link>https://valley.example/</link><description>Test feed</description>\n")
	for _, e := range entries {
		b.WriteString("<item>")
		if e.guid != "" {
			b.WriteString("<guid>" + e.guid + "</guid>")
		}
		if e.link != "" {
			b.WriteString("<link>" + e.link + "</link>")
		}
		b.WriteString("<title>" + e.title + "</title>")
		if e.date != "" {
			b.WriteString("<pubDate>" + e.date + "</pubDate>")
		}
		if e.desc != "" {
			b.WriteString("<description><![CDATA[" + e.desc + "]]></description>")
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// hits counts requests per path.
type hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hits) add(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n = map[string]int{}
	}
	h.n[path]++
	return h.n[path]
}

func (h *hits) get(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[path]
}

// storyPage is an article page with its own title and date.
func storyPage(title, date, lead string) string {
	return page(`<title>`+title+`</title><meta property="og:title" content="`+title+`"><meta property="og:site_name" content="Valley News"><meta property="article:published_time" content="`+date+`">`,
		strings.Replace(storyBody, "Sylvanian border guards", lead, 1))
}

func TestFeedFromURL(t *testing.T) {
	var h hits
	var srvURL string
	routes := map[string]func(w http.ResponseWriter, r *http.Request){}
	srv := newSite(t, routes)
	srvURL = srv.URL
	feed := rss("Valley News",
		rssEntry{guid: "n-1", link: srvURL + "/news/1", title: "Pass reopens", date: "Mon, 03 Nov 2030 08:00:00 +0000", desc: "<p>Short teaser one.</p>"},
		rssEntry{guid: "n-2", link: "/news/2", title: "Grain prices fall", date: "Tue, 04 Nov 2030 08:00:00 +0000", desc: "<p>Grain prices fell in the valley markets.</p><p>Traders blamed the pass.</p>"},
		rssEntry{guid: "n-3", link: srvURL + "/news/3", title: "Bridge talks", date: "Wed, 05 Nov 2030 08:00:00 +0000", desc: "Bridge talks teaser."},
	)
	routes["/feed.xml"] = func(w http.ResponseWriter, r *http.Request) {
		h.add(r.URL.Path)
		serve("application/rss+xml", feed)(w, r)
	}
	for _, n := range []string{"1", "3"} {
		body := storyPage("Story "+n, "2030-11-0"+n+"T07:00:00Z", "Story "+n+" guards")
		routes["/news/"+n] = func(w http.ResponseWriter, r *http.Request) {
			h.add(r.URL.Path)
			serve("text/html", body)(w, r)
		}
	}
	// /news/2 is missing: the entry falls back to its description.

	items := readAll(t, []string{srvURL + "/feed.xml"}, Options{})
	check(t, items, []want{
		{input: srvURL + "/news/1", id: srvURL + "/news/1", date: "2030-11-01"},
		{input: srvURL + "/news/2", id: srvURL + "/news/2", date: "2030-11-04"},
		{input: srvURL + "/news/3", id: srvURL + "/news/3", date: "2030-11-03"},
	})
	if d := items[0].Doc; d.Title != "Story 1" || d.Source != "Valley News" || !strings.Contains(d.Text, "Story 1 guards reopened") {
		t.Errorf("entry 1: %+v", d)
	}
	if d := items[1].Doc; d.Title != "Grain prices fall" || d.Source != "Valley News" || d.Text != "Grain prices fell in the valley markets.\n\nTraders blamed the pass." {
		t.Errorf("entry 2 (fallback): %+v", d)
	}
	for _, p := range []string{"/feed.xml", "/news/1", "/news/3"} {
		if h.get(p) != 1 {
			t.Errorf("%s fetched %d times", p, h.get(p))
		}
	}

	// NoFetch: the entries' own text, and no page is fetched.
	items = readAll(t, []string{srvURL + "/feed.xml"}, Options{NoFetch: true})
	if len(items) != 3 || items[0].Err != nil || items[0].Doc.Text != "Short teaser one." || items[0].Doc.Title != "Pass reopens" || items[0].Doc.Date != "2030-11-03" {
		t.Errorf("NoFetch: %+v", items)
	}
	if h.get("/news/1") != 1 {
		t.Errorf("NoFetch fetched an entry link")
	}
}

func TestFeedFiles(t *testing.T) {
	dir := t.TempDir()
	atomFeed := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ridge Post</title>
  <id>urn:ridge</id>
  <updated>2030-12-01T10:00:00Z</updated>
  <entry>
    <title>Council meets</title>
    <id>urn:ridge:1</id>
    <updated>2030-12-01T10:00:00Z</updated>
    <content type="html">&lt;p&gt;The valley council met on Monday.&lt;/p&gt;&lt;p&gt;It approved a budget.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>No words</title>
    <id>urn:ridge:2</id>
    <updated>2030-12-02T10:00:00Z</updated>
  </entry>
</feed>`
	write(t, dir, "ridge.atom", []byte(atomFeed))
	write(t, dir, "broken.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Cut`))
	write(t, dir, "notafeed.xml", []byte(`<?xml version="1.0"?><catalog><book>x</book></catalog>`))
	write(t, dir, "empty.rss", []byte(rss("Nothing")))
	write(t, dir, "after.txt", []byte("The reading goes on."))
	t.Chdir(dir)
	items := readAll(t, []string{"ridge.atom", "broken.rss", "notafeed.xml", "empty.rss", "after.txt"}, Options{NoFetch: true})
	check(t, items, []want{
		{input: "ridge.atom#1", id: "urn:ridge:1", date: "2030-12-01"},
		{input: "ridge.atom#2", err: ErrEmpty, msg: "no content or description"},
		{input: "broken.rss", err: ErrFeed, msg: "invalid feed"},
		{input: "notafeed.xml", err: ErrFeed, msg: "not RSS, RDF or Atom"},
		{input: "empty.rss", err: ErrEmpty, msg: "no entries"},
		{input: "after.txt", id: "after.txt"},
	})
	if d := items[0].Doc; d.Text != "The valley council met on Monday.\n\nIt approved a budget." || d.Source != "Ridge Post" || d.Title != "Council meets" {
		t.Errorf("atom entry: %+v", d)
	}
}

func TestFollow(t *testing.T) {
	var h hits
	routes := map[string]func(w http.ResponseWriter, r *http.Request){}
	srv := newSite(t, routes)
	a := rssEntry{guid: "a", link: srv.URL + "/a", title: "A", desc: "Entry A."}
	b := rssEntry{guid: "b", link: srv.URL + "/b", title: "B", desc: "Entry B."}
	c := rssEntry{link: srv.URL + "/c", title: "C", desc: "Entry C."} // no GUID: known by link
	routes["/feed"] = func(w http.ResponseWriter, r *http.Request) {
		switch h.add("/feed") {
		case 1:
			serve("application/rss+xml", rss("F", b, a))(w, r)
		case 2:
			http.Error(w, "down", http.StatusServiceUnavailable)
		case 3:
			serve("application/rss+xml", rss("F", c, b, a))(w, r)
		default:
			serve("application/rss+xml", rss("F", c, b))(w, r)
		}
	}
	for _, p := range []string{"/a", "/b", "/c"} {
		routes[p] = serve("text/html", storyPage("Page "+p[1:], "2030-10-10", "Guards of "+p[1:]))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out := make(chan Item)
	go Follow(ctx, []string{srv.URL + "/feed"}, 10*time.Millisecond, Options{}, out)
	var got []string
	for it := range out {
		switch {
		case it.Err != nil:
			got = append(got, "error: "+it.Err.Error())
		default:
			got = append(got, it.Doc.Title)
		}
		if len(got) == 4 {
			// Let a few more polls of the same entries pass, then stop.
			go func() {
				for h.get("/feed") < 6 && ctx.Err() == nil {
					time.Sleep(5 * time.Millisecond)
				}
				cancel()
			}()
		}
	}
	want := []string{"Page b", "Page a", "error: HTTP status 503 Service Unavailable", "Page c"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Follow sent %q, want %q", got, want)
	}
}

func TestFollowFile(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "local.rss", []byte(rss("L", rssEntry{guid: "1", title: "One", desc: "First entry."})))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out := make(chan Item)
	go Follow(ctx, []string{path, dir + "/missing.rss"}, 10*time.Millisecond, Options{NoFetch: true}, out)
	var got []string
	errs := 0
	for it := range out {
		if it.Err != nil {
			errs++
			if errs == 1 {
				write(t, dir, "local.rss", []byte(rss("L", rssEntry{guid: "2", title: "Two", desc: "Second entry."}, rssEntry{guid: "1", title: "One", desc: "First entry."})))
			}
			continue
		}
		got = append(got, it.Doc.Text)
		if it.Doc.Text == "Second entry." {
			cancel()
		}
	}
	if fmt.Sprint(got) != fmt.Sprint([]string{"First entry.", "Second entry."}) || errs < 1 {
		t.Errorf("got %q and %d errors", got, errs)
	}
}

func TestDeterministicOrder(t *testing.T) {
	// Entry pages answer in reverse order; items still come in feed order.
	routes := map[string]func(w http.ResponseWriter, r *http.Request){}
	srv := newSite(t, routes)
	var entries []rssEntry
	for i := range 10 {
		p := fmt.Sprintf("/s/%d", i)
		entries = append(entries, rssEntry{guid: p, link: srv.URL + p, title: "T" + p, desc: "Teaser."})
		body := storyPage("Story number "+p, "2030-01-01", "Guards "+p)
		delay := time.Duration(10-i) * 3 * time.Millisecond
		routes[p] = func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(delay)
			serve("text/html", body)(w, r)
		}
	}
	routes["/feed"] = serve("application/rss+xml", rss("Order", entries...))

	dir := t.TempDir()
	write(t, dir, "in/b.html", []byte(page("", storyBody)))
	write(t, dir, "in/a.rss", []byte(rss("Local", rssEntry{guid: "x", title: "X", desc: "Local entry."})))
	write(t, dir, "in/c.warc", bytes.Join(testWARC(t), nil))
	write(t, dir, "in/d.txt", []byte("Plain text."))
	write(t, dir, "in/e.xml", []byte("<not-read/>"))
	t.Chdir(dir)
	run := func() string {
		var b strings.Builder
		for _, it := range readAll(t, []string{srv.URL + "/feed", "in"}, Options{NoFetch: false}) {
			fmt.Fprintf(&b, "%s|%s|%v\n", it.Input, it.Doc.ID, it.Err)
		}
		return b.String()
	}
	first := run()
	for range 3 {
		if again := run(); again != first {
			t.Fatalf("order changed:\n%s\nthen:\n%s", first, again)
		}
	}
	lines := strings.Split(strings.TrimSpace(first), "\n")
	var inputs []string
	for _, l := range lines {
		inputs = append(inputs, strings.TrimPrefix(l[:strings.Index(l, "|")], srv.URL))
	}
	want := []string{"/s/0", "/s/1", "/s/2", "/s/3", "/s/4", "/s/5", "/s/6", "/s/7", "/s/8", "/s/9",
		"in/a.rss#1", "in/b.html", "in/c.warc#3", "in/c.warc#6", "in/c.warc#7", "in/c.warc#9", "in/d.txt"}
	if fmt.Sprint(inputs) != fmt.Sprint(want) {
		t.Errorf("inputs %q\nwant %q", inputs, want)
	}
}
