package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// storyBody is an invented article body used by the HTML, feed and WARC
// tests.
const storyBody = `<article>
<h1>Sylvania reopens the northern pass</h1>
<p>Sylvanian border guards reopened the northern mountain pass to Freedonian
lorries on Monday, ending a closure that had lasted for six weeks and left
hundreds of drivers waiting in the valley below.</p>
<p>The interior ministry in the Sylvanian capital said the decision followed a
phone call between the two prime ministers, who agreed to share the cost of
repairing the road.</p>
<p>Drivers cheered as the barrier lifted, and the first lorries, loaded with
grain and timber, crossed shortly after noon, a local official said.</p>
</article>`

// page wraps a body in an HTML page with the given head.
func page(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "</head><body>" +
		`<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/shop">Shop</a></li></ul></nav>` +
		body + `<footer><p>All rights reserved. Site map. Careers.</p></footer></body></html>`
}

func TestHTMLArticle(t *testing.T) {
	items := readAll(t, []string{"testdata/article.html"}, Options{DefaultDate: "2000-01-01"})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("got %+v", items)
	}
	d := items[0].Doc
	for _, c := range []struct{ field, got, want string }{
		{"id", d.ID, "https://courier.example/world/2031/05/river-talks"},
		{"url", d.URL, "https://courier.example/world/2031/05/river-talks"},
		{"title", d.Title, "Freedonia and Sylvania agree on river talks"},
		{"date", d.Date, "2031-05-14"},
		{"source", d.Source, "The Marsh Courier"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, s := range []string{
		"OSTRAVEL, Freedonia — The foreign ministers of Freedonia and Sylvania met on Tuesday",
		"Her Sylvanian counterpart, Tomas Verl, called the talks \"a fresh start\"",
		"share the figures every week, a step both capitals had refused for years.",
	} {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q:\n%s", s, d.Text)
		}
	}
	for _, s := range []string{"Subscribe now", "Glimmer phone", "Copyright", "Privacy", "Related:", "Advertisement", "adSlots", "color: red"} {
		if strings.Contains(d.Text, s) {
			t.Errorf("text keeps boilerplate %q:\n%s", s, d.Text)
		}
	}
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) < 4 {
		t.Errorf("%d paragraphs, want at least 4:\n%s", len(paras), d.Text)
	}
	for _, p := range paras {
		if strings.TrimSpace(p) != p || p == "" || strings.Contains(p, "\n") {
			t.Errorf("paragraph %q is not one trimmed line", p)
		}
	}
}

func TestHTMLMetadata(t *testing.T) {
	tests := []struct {
		name                         string
		file, head, body             string
		id, url, date, source, title string
		textHas                      string
		contentBytes                 []byte // raw file content instead of head+body
	}{
		{name: "JSON-LD date in a graph, og:url", file: "a.html",
			head: `<title>Pass reopens</title><meta property="og:url" content="https://news.example/pass">` +
				`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Valley News"},{"@type":"NewsArticle","headline":"Pass reopens","datePublished":"2030-11-02T06:00:00Z"}]}</script>`,
			body: storyBody, id: "https://news.example/pass", url: "https://news.example/pass", date: "2030-11-02", source: "news.example", title: "Pass reopens"},
		{name: "time element only, no URL", file: "b.htm",
			head: `<title>Pass reopens - Valley News</title>`,
			body: strings.Replace(storyBody, "<h1>", `<time datetime="2030-11-03T09:00:00+01:00">3 Nov</time><h1>`, 1),
			id:   "b.htm", date: "2030-11-03", textHas: "Drivers cheered as the barrier lifted"},
		{name: "itemprop and meta name date", file: "c.html",
			head: `<meta name="date" content="2030/11/04"><meta property="og:site_name" content="Ridge Post">`,
			body: storyBody, id: "c.html", date: "2030-11-04", source: "Ridge Post"},
		{name: "relative canonical is not a URL for a file", file: "d.html",
			head: `<link rel="canonical" href="/pass"><meta name="application-name" content="Hill Times">`,
			body: storyBody, id: "d.html", source: "Hill Times"},
		{name: "unreadable date is dropped", file: "e.html",
			head: `<meta property="article:published_time" content="sometime soon">`,
			body: storyBody, id: "e.html", date: "1999-12-31"},
		{name: "windows-1252 page", file: "f.html",
			contentBytes: []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article><p>The caf\xe9 owners of the old town met the mayor on Friday to discuss rents, which have doubled since the spring, and asked for a freeze.</p><p>The mayor promised an answer within a month.</p></article></body></html>"),
			id:           "f.html", title: "Café", textHas: "The café owners"},
		{name: "no extension, sniffed as HTML", file: "saved-page",
			head: `<title>Pass reopens</title>`, body: storyBody, id: "saved-page", textHas: "northern mountain pass"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			data := tc.contentBytes
			if data == nil {
				data = []byte(page(tc.head, tc.body))
			}
			write(t, dir, tc.file, data)
			t.Chdir(dir)
			items := readAll(t, []string{tc.file}, Options{DefaultDate: "1999-12-31"})
			if len(items) != 1 || items[0].Err != nil {
				t.Fatalf("got %+v", items)
			}
			d := items[0].Doc
			if d.ID != tc.id || d.URL != tc.url || (tc.date != "" && d.Date != tc.date) || d.Source != tc.source || (tc.title != "" && d.Title != tc.title) {
				t.Errorf("got id=%q url=%q date=%q source=%q title=%q\nwant id=%q url=%q date=%q source=%q title=%q",
					d.ID, d.URL, d.Date, d.Source, d.Title, tc.id, tc.url, tc.date, tc.source, tc.title)
			}
			if tc.textHas != "" && !strings.Contains(d.Text, tc.textHas) {
				t.Errorf("text lacks %q:\n%s", tc.textHas, d.Text)
			}
			if strings.Contains(d.Text, "All rights reserved") || strings.Contains(d.Text, "Shop") {
				t.Errorf("text keeps boilerplate:\n%s", d.Text)
			}
		})
	}
}

func TestHTMLBadPages(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "nav.html", []byte(`<html><head><title>Index</title><script>var a = "long enough words here to be read as prose by mistake";</script></head><body><img src="x.png"></body></html>`))
	write(t, dir, "pic.html", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	write(t, dir, "empty.htm", []byte("  \n"))
	write(t, dir, "big.html", []byte(page("", strings.Repeat(storyBody, 40))))
	write(t, dir, "good.html", []byte(page("", storyBody)))
	t.Chdir(dir)
	items := readAll(t, []string{"nav.html", "pic.html", "empty.htm", "big.html", "good.html"}, Options{MaxBytes: 8 << 10})
	check(t, items, []want{
		{input: "nav.html", err: ErrEmpty, msg: "no article text"},
		{input: "pic.html", err: ErrBinary, msg: "PNG"},
		{input: "empty.htm", err: ErrEmpty},
		{input: "big.html", err: ErrTooLarge, msg: "over the 8 KB limit"},
		{input: "good.html", id: "good.html"},
	})
}

func TestRenderText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One  two\n three.</p><p>Four.</p>", "One two three.\n\nFour."},
		{"<div>A<br>B</div><div><span>C</span> <b>D</b></div>", "A\nB\n\nC D"},
		{"<ul><li>x</li><li>y</li></ul><h2>Head</h2>text", "x\n\ny\n\nHead\n\ntext"},
		{"<p>Shown</p><p hidden>gone</p><script>var x;</script><p aria-hidden=true>gone too</p>", "Shown"},
		{"Plain &amp; simple", "Plain & simple"},
	}
	for _, tc := range tests {
		if got := fragmentText(tc.in); got != tc.want {
			t.Errorf("fragmentText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSniffMarkup(t *testing.T) {
	tests := []struct {
		in   string
		want format
	}{
		{"<!DOCTYPE html><html>", formatHTML},
		{"\xEF\xBB\xBF  <html lang=en>", formatHTML},
		{"<!-- saved --><html>", formatHTML},
		{`<?xml version="1.0"?><rss version="2.0">`, formatFeed},
		{`<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">`, formatFeed},
		{`<rdf:RDF xmlns:rdf="x">`, formatFeed},
		{"WARC/1.1\r\n", formatWARC},
		{"<note>hi</note>", formatNone},
		{"Plain text.", formatNone},
	}
	for _, tc := range tests {
		if got := sniffMarkup([]byte(tc.in)); got != tc.want {
			t.Errorf("sniffMarkup(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// newSite serves pages for the URL tests; it counts requests by path and
// records the User-Agent headers.
func newSite(t *testing.T, routes map[string]func(w http.ResponseWriter, r *http.Request)) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := routes[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func serve(ct, body string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		_, _ = w.Write([]byte(body))
	}
}

func TestURLInputs(t *testing.T) {
	article, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	var agents []string
	block := make(chan struct{})
	t.Cleanup(func() { close(block) })
	srv := newSite(t, map[string]func(w http.ResponseWriter, r *http.Request){
		"/courier": func(w http.ResponseWriter, r *http.Request) {
			agents = append(agents, r.UserAgent())
			serve("text/html; charset=utf-8", string(article))(w, r)
		},
		"/plain-page": serve("", page("<title>Pass</title>", storyBody)),
		"/redirect": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/plain-page", http.StatusFound)
		},
		"/image": serve("image/png", "\x89PNG\r\n"),
		"/error": func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		},
		"/huge": serve("text/html", page("", strings.Repeat(storyBody, 50))),
		"/huge-chunked": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for range 50 {
				_, _ = w.Write([]byte(storyBody))
				w.(http.Flusher).Flush()
			}
		},
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-block:
			case <-r.Context().Done():
			}
		},
	})
	client := &http.Client{Timeout: 300 * time.Millisecond}
	items := readAll(t, []string{
		srv.URL + "/courier", srv.URL + "/redirect", srv.URL + "/missing", srv.URL + "/error",
		srv.URL + "/image", srv.URL + "/huge", srv.URL + "/huge-chunked", srv.URL + "/slow",
	}, Options{Client: client, MaxBytes: 16 << 10})
	check(t, items, []want{
		{input: srv.URL + "/courier", id: "https://courier.example/world/2031/05/river-talks", date: "2031-05-14"},
		{input: srv.URL + "/redirect", id: srv.URL + "/plain-page"},
		{input: srv.URL + "/missing", err: ErrHTTP, msg: "HTTP status 404 Not Found"},
		{input: srv.URL + "/error", err: ErrHTTP, msg: "HTTP status 500"},
		{input: srv.URL + "/image", err: ErrNotHTML, msg: `content type "image/png"`},
		{input: srv.URL + "/huge", err: ErrTooLarge, msg: "too large: "},
		{input: srv.URL + "/huge-chunked", err: ErrTooLarge, msg: "too large: body over the 16 KB limit"},
		{input: srv.URL + "/slow", err: ErrHTTP, msg: "timed out"},
	})
	if d := items[1].Doc; d.Source != "127.0.0.1" || d.URL != srv.URL+"/plain-page" {
		t.Errorf("redirected page: source %q url %q", d.Source, d.URL)
	}
	if len(agents) != 1 || agents[0] != UserAgent {
		t.Errorf("User-Agent %q, want %q", agents, UserAgent)
	}
}

func TestURLCancel(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	srv := newSite(t, map[string]func(w http.ResponseWriter, r *http.Request){
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-block:
			case <-r.Context().Done():
			}
		},
	})
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan Item)
	go Read(ctx, []string{srv.URL + "/slow", srv.URL + "/slow"}, Options{}, out)
	time.AfterFunc(50*time.Millisecond, cancel)
	n := 0
	for it := range out {
		if !errors.Is(it.Err, context.Canceled) {
			n++
		}
	}
	if n != 0 {
		t.Errorf("%d items after cancel", n)
	}
}

func TestParseWebDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2031-05-14T08:30:00+02:00", "2031-05-14"},
		{"Wed, 14 May 2031 23:30:00 -0500", "2031-05-14"},
		{"Wed, 14 May 2031 23:30:00 GMT", "2031-05-14"},
		{"May 14, 2031", "2031-05-14"},
		{"2031/05/14", "2031-05-14"},
		{"0001-01-01", ""},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := parseWebDate(tc.in); got != tc.want {
			t.Errorf("parseWebDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
