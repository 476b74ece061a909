package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ErrFeed is the kind of error for a feed that cannot be parsed.
var ErrFeed = errors.New("invalid feed")

// fetchWorkers is how many entry links of one feed are fetched at once.
const fetchWorkers = 4

// DefaultFollowEvery is Follow's polling interval when it is given none.
const DefaultFollowEvery = 5 * time.Minute

// followKeep is how many polls an entry stays remembered by Follow after
// it last appeared in its feed.
const followKeep = 50

// parseFeed parses an RSS, RDF or Atom feed.
func parseFeed(data []byte) (*gofeed.Feed, error) {
	fp := gofeed.NewParser()
	var f *gofeed.Feed
	err := safely(func() (err error) {
		f, err = fp.Parse(bytes.NewReader(data))
		return err
	})
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, reasonf(ErrFeed, "invalid feed: not RSS, RDF or Atom")
		}
		return nil, reasonf(ErrFeed, "invalid feed: %v", err)
	}
	return f, nil
}

// feed sends one Item per entry of a feed read from input; base is the
// URL the feed came from (nil for a file).
func (r *reader) feed(input string, data []byte, base *url.URL) bool {
	f, err := parseFeed(data)
	if err != nil {
		return r.fail(input, err)
	}
	if len(f.Items) == 0 {
		return r.fail(input, reasonf(ErrEmpty, "empty feed (no entries)"))
	}
	idx := make([]int, len(f.Items))
	for i := range idx {
		idx[i] = i
	}
	return r.entries(input, f, base, idx)
}

// entries sends the Items of the chosen entries of a feed, in feed order.
// Entry links are fetched a few at a time.
func (r *reader) entries(input string, f *gofeed.Feed, base *url.URL, idx []int) bool {
	for _, l := range []string{f.FeedLink, f.Link} {
		if base == nil && isURL(l) {
			base, _ = url.Parse(l)
		}
	}
	items := make([]Item, len(idx))
	done := make([]chan struct{}, len(idx))
	for i := range done {
		done[i] = make(chan struct{})
	}
	ctx, cancel := context.WithCancel(r.ctx)
	jobs := make(chan int)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	for w := 0; w < min(fetchWorkers, len(idx)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				items[j] = entryItem(ctx, &r.opts, input, f, base, idx[j])
				close(done[j])
			}
		}()
	}
	go func() {
		defer close(jobs)
		for j := range idx {
			select {
			case jobs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	for j := range idx {
		select {
		case <-done[j]:
		case <-r.ctx.Done():
			return false
		}
		if !r.send(items[j]) {
			return false
		}
	}
	return true
}

// entryItem makes the Item of the i-th entry of a feed: the page its link
// points to, or, when that cannot be fetched or fetching is off, the
// entry's own content or description.
func entryItem(ctx context.Context, opts *Options, input string, f *gofeed.Feed, base *url.URL, i int) Item {
	e := f.Items[i]
	link := resolveLink(base, e.Link)
	if !isURL(link) {
		link = "" // a relative link with nothing to resolve it against
	}
	at := link
	if at == "" {
		at = fmt.Sprintf("%s#%d", input, i+1)
	}
	var fetchErr error
	if link != "" && !opts.NoFetch {
		doc, err := fetchPage(ctx, opts, link)
		if err == nil {
			if doc.Title == "" {
				doc.Title = oneLine(e.Title)
			}
			if doc.Date == "" {
				doc.Date = entryDate(e)
			}
			if doc.Source == "" {
				doc.Source = oneLine(f.Title)
			}
			finishDoc(&doc, link)
			return Item{Input: at, Doc: doc}
		}
		if ctx.Err() != nil {
			return Item{Input: at, Err: ctx.Err()}
		}
		fetchErr = err
	}
	text := entryText(e)
	if text == "" {
		if fetchErr != nil {
			return Item{Input: at, Err: fmt.Errorf("%w (and the entry has no text of its own)", fetchErr)}
		}
		return Item{Input: at, Err: reasonf(ErrEmpty, "empty document (the feed entry has no content or description)")}
	}
	if int64(len(text)) > opts.MaxBytes {
		return Item{Input: at, Err: tooLarge(int64(len(text)), opts.MaxBytes)}
	}
	doc := dyad.Doc{
		Text:   text,
		Title:  oneLine(e.Title),
		Date:   entryDate(e),
		Source: oneLine(f.Title),
		URL:    link,
	}
	finishDoc(&doc, link)
	if doc.ID == "" {
		doc.ID = strings.TrimSpace(e.GUID)
	}
	if doc.ID == "" {
		doc.ID = fmt.Sprintf("%s#%d", input, i+1)
	}
	return Item{Input: at, Doc: doc}
}

// finishDoc sets the source (the host when the page names none) and the id
// (the URL) of a document.
func finishDoc(doc *dyad.Doc, fetched string) {
	if doc.Source == "" {
		doc.Source = hostName(doc.URL)
	}
	if doc.Source == "" {
		doc.Source = hostName(fetched)
	}
	if doc.ID == "" {
		doc.ID = doc.URL
	}
}

// resolveLink makes an entry link absolute.
func resolveLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// entryDate is the entry's publication (else update) date as written.
func entryDate(e *gofeed.Item) string {
	for _, t := range []*time.Time{e.PublishedParsed, e.UpdatedParsed} {
		if t != nil && plausibleYear(t.Year()) {
			return t.Format("2006-01-02")
		}
	}
	for _, s := range []string{e.Published, e.Updated} {
		if d := parseWebDate(s); d != "" {
			return d
		}
	}
	return ""
}

// entryText is the plain text of an entry's content, else its description
// (both may hold HTML).
func entryText(e *gofeed.Item) string {
	for _, s := range []string{e.Content, e.Description} {
		if strings.TrimSpace(s) == "" {
			continue
		}
		if t := fragmentText(s); t != "" {
			return t
		}
	}
	return ""
}

// fragmentText renders an HTML fragment (or plain text) as text.
func fragmentText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	nodes, err := html.ParseFragment(strings.NewReader(s), nil)
	if err != nil {
		return tidyParagraphs(s)
	}
	var parts []string
	for _, n := range nodes {
		if t := renderText(n); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

// fetchPage fetches an article page and extracts it.
func fetchPage(ctx context.Context, opts *Options, link string) (dyad.Doc, error) {
	resp, err := fetch(ctx, opts, link)
	if err != nil {
		return dyad.Doc{}, err
	}
	if !isHTMLType(resp.contentType) && !(looseType(resp.contentType) && sniffMarkup(resp.body) == formatHTML) {
		return dyad.Doc{}, reasonf(ErrNotHTML, "not an HTML page (%s)", describeType(resp.contentType))
	}
	return extractHTML(resp.body, resp.contentType, resp.url, link)
}

// looseType reports a content type that says nothing about the content:
// none, plain text or bytes. Such bodies are sniffed.
func looseType(contentType string) bool {
	ct := strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	return ct == "" || ct == "text/plain" || ct == "application/octet-stream"
}

// feedType reports a content type that may hold an RSS, RDF or Atom feed.
func feedType(contentType string) bool {
	ct := strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	return strings.HasSuffix(ct, "+xml") || ct == "application/xml" || ct == "text/xml"
}

// Follow polls feeds (RSS, RDF or Atom, by http(s) URL or file path) every
// interval (DefaultFollowEvery when every <= 0) until ctx is done, and sends an Item for each entry not seen in
// an earlier poll: the page its link points to (or the entry's own text, as
// Read does), newest polls last and entries in feed order within a poll.
// An entry is known by its GUID, else its link, else its title and text. A
// feed that cannot be fetched or parsed is reported as an Item with Err
// (Input is the feed) and polled again next time. The first poll happens
// at once and sends every entry. Follow closes out when it returns.
func Follow(ctx context.Context, feeds []string, every time.Duration, opts Options, out chan<- Item) {
	defer close(out)
	r := newReader(ctx, opts, out)
	if every <= 0 {
		every = DefaultFollowEvery
	}
	seen := make([]map[string]int, len(feeds))
	for i := range seen {
		seen[i] = map[string]int{}
	}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for poll := 1; ; poll++ {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		for i, f := range feeds {
			if !r.poll(f, seen[i], poll) {
				return
			}
		}
		timer.Reset(every)
	}
}

// poll reads a feed once and sends its entries not in seen.
func (r *reader) poll(input string, seen map[string]int, poll int) bool {
	data, base, err := r.loadFeed(input)
	if err != nil {
		if r.ctx.Err() != nil {
			return false
		}
		return r.fail(input, err)
	}
	f, err := parseFeed(data)
	if err != nil {
		return r.fail(input, err)
	}
	var fresh []int
	for i, e := range f.Items {
		k := entryKey(e)
		if _, ok := seen[k]; !ok {
			fresh = append(fresh, i)
		}
		seen[k] = poll
	}
	for k, last := range seen {
		if last < poll-followKeep {
			delete(seen, k)
		}
	}
	if len(fresh) == 0 {
		return true
	}
	return r.entries(input, f, base, fresh)
}

// loadFeed reads a feed from a URL or a file.
func (r *reader) loadFeed(input string) ([]byte, *url.URL, error) {
	if isURL(input) {
		resp, err := fetch(r.ctx, &r.opts, input)
		if err != nil {
			return nil, nil, err
		}
		return resp.body, resp.url, nil
	}
	fh, err := os.Open(input)
	if err != nil {
		return nil, nil, pathError(err)
	}
	defer fh.Close()
	data, err := r.readBody(input, fh)
	return data, nil, err
}

// entryKey identifies an entry across polls.
func entryKey(e *gofeed.Item) string {
	if g := strings.TrimSpace(e.GUID); g != "" {
		return "g:" + g
	}
	if l := strings.TrimSpace(e.Link); l != "" {
		return "l:" + l
	}
	h := sha256.Sum256([]byte(e.Title + "\x00" + e.Content + "\x00" + e.Description))
	return "h:" + hex.EncodeToString(h[:16])
}
