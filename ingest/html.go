package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/dyad-events/dyad"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNotHTML is the kind of error for a page that is not an HTML article:
// another content type, or a page in which no article text was found.
var ErrNotHTML = errors.New("not an HTML article")

// ErrHTTP is the kind of error for a failed fetch: a network error, a
// timeout or a status other than 200.
var ErrHTTP = errors.New("fetch failed")

// extractHTML turns an HTML page into a document: the article text by
// readability, and the title, date, URL and source from the page's
// metadata. contentType is the HTTP Content-Type (or "") for the charset;
// base is the URL the page came from, nil for a local file. The document's
// ID is its URL when known, else fallbackID.
func extractHTML(data []byte, contentType string, base *url.URL, fallbackID string) (dyad.Doc, error) {
	if err := sniffBinaryHTML(data); err != nil {
		return dyad.Doc{}, err
	}
	enc, _, _ := charset.DetermineEncoding(data, contentType)
	src := enc.NewDecoder().Reader(bytes.NewReader(data))
	root, err := html.Parse(src)
	if err != nil {
		return dyad.Doc{}, reasonf(ErrNotHTML, "invalid HTML: %v", err)
	}
	meta := scanMeta(root)
	dropAds(root)

	p := readability.NewParser()
	p.MaxElemsToParse = 200000
	var art readability.Article
	err = safely(func() (err error) {
		art, err = p.ParseAndMutate(root, base)
		return err
	})
	if err != nil {
		return dyad.Doc{}, reasonf(ErrNotHTML, "no article in the page: %v", err)
	}
	var text string
	if art.Node != nil {
		text = renderText(art.Node)
	}
	if strings.TrimSpace(text) == "" {
		return dyad.Doc{}, reasonf(ErrEmpty, "empty document (no article text found in the HTML page)")
	}

	doc := dyad.Doc{Text: text}
	doc.Title = oneLine(art.Title())
	if doc.Title == "" {
		doc.Title = meta.title
	}
	doc.Date = meta.date()
	if doc.Date == "" {
		if t, err := art.PublishedTime(); err == nil && plausibleYear(t.Year()) {
			doc.Date = t.Format("2006-01-02")
		}
	}
	doc.URL = meta.pageURL(base)
	doc.Source = oneLine(art.SiteName())
	if doc.Source == "" {
		doc.Source = meta.get("application-name")
	}
	if doc.Source == "" {
		doc.Source = hostName(doc.URL)
	}
	doc.ID = doc.URL
	if doc.ID == "" {
		doc.ID = fallbackID
	}
	return doc, nil
}

// safely runs f, turning a panic in a library into an error: bad input
// must never stop the stream.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return f()
}

// sniffBinaryHTML rejects data that is clearly not a web page: the binary
// formats and NUL bytes sniffBinary knows. Invalid UTF-8 is not an error in
// HTML, which declares its charset.
func sniffBinaryHTML(data []byte) error {
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) && !strings.HasPrefix(m.name, "UTF-16") {
			return reasonf(ErrBinary, "binary data, not HTML (%s)", m.name)
		}
	}
	sample := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(sample, 0) >= 0 && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return reasonf(ErrBinary, "binary data, not HTML (contains NUL bytes)")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return reasonf(ErrEmpty, "empty document (an empty HTML page)")
	}
	return nil
}

// pageMeta is the metadata read from a page before readability changes it.
type pageMeta struct {
	values    map[string]string // meta name/property/itemprop (lower case) → first content
	canonical string            // <link rel=canonical href>
	title     string            // <title>
	jsonLD    []string          // datePublished values from JSON-LD, in order
	timeTag   string            // the best <time datetime>
}

// get returns a meta value by lower-case key.
func (m *pageMeta) get(key string) string { return m.values[key] }

// publishedKeys are meta names and properties that give the publication
// date, best first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"published_time", "datepublished",
}

// otherDateKeys are weaker date meta names, tried after JSON-LD.
var otherDateKeys = []string{
	"pubdate", "publishdate", "publish-date", "publish_date", "date",
	"dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
	"dcterms.created", "parsely-pub-date", "sailthru.date", "article.published",
	"original-publish-date", "cxenseparse:recs:publishtime",
}

// date returns the page's publication date as YYYY-MM-DD, or "".
func (m *pageMeta) date() string {
	var cands []string
	for _, k := range publishedKeys {
		cands = append(cands, m.values[k])
	}
	cands = append(cands, m.jsonLD...)
	for _, k := range otherDateKeys {
		cands = append(cands, m.values[k])
	}
	cands = append(cands, m.timeTag)
	for _, c := range cands {
		if d := parseWebDate(c); d != "" {
			return d
		}
	}
	return ""
}

// pageURL is the page's URL: its canonical link (or og:url) when that is
// an absolute http(s) URL that does not point at the site's front page
// from an article, else the URL it was fetched from.
func (m *pageMeta) pageURL(base *url.URL) string {
	for _, c := range []string{m.canonical, m.values["og:url"]} {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		if base != nil && strings.Trim(u.Path, "/") == "" && strings.Trim(base.Path, "/") != "" {
			continue // a front page given as every article's canonical link
		}
		u.Fragment = ""
		return u.String()
	}
	if base != nil {
		u := *base
		u.Fragment = ""
		return u.String()
	}
	return ""
}

// scanMeta walks the page for its metadata.
func scanMeta(root *html.Node) *pageMeta {
	m := &pageMeta{values: map[string]string{}}
	var firstTime, articleTime string
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					content = strings.TrimSpace(attr(n, "datetime"))
				}
				if content != "" {
					for _, k := range []string{"property", "name", "itemprop"} {
						for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
							if _, ok := m.values[key]; !ok {
								m.values[key] = content
							}
						}
					}
				}
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = attr(n, "href")
				}
			case atom.Title:
				if m.title == "" {
					m.title = oneLine(textOf(n))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					m.jsonLD = append(m.jsonLD, jsonLDDates(textOf(n))...)
				}
				return
			case atom.Time:
				dt := strings.TrimSpace(attr(n, "datetime"))
				if dt != "" {
					if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
						if _, ok := m.values["datepublished"]; !ok {
							m.values["datepublished"] = dt
						}
					}
					if firstTime == "" {
						firstTime = dt
					}
					if inArticle && articleTime == "" {
						articleTime = dt
					}
				}
			case atom.Article:
				inArticle = true
			default:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if v := strings.TrimSpace(attr(n, "content") + attr(n, "datetime")); v != "" {
						if _, ok := m.values["datepublished"]; !ok {
							m.values["datepublished"] = v
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(root, false)
	m.timeTag = articleTime
	if m.timeTag == "" {
		m.timeTag = firstTime
	}
	return m
}

// adTokens are class and id tokens of advertisements and promotions, which
// readability keeps when they sit inside the article.
var adTokens = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true,
	"ad-slot": true, "ad-container": true, "ad-unit": true, "sponsored": true,
	"promo": true, "newsletter-signup": true,
}

// dropAds removes the elements whose class or id is an ad token.
func dropAds(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom != atom.Body && c.DataAtom != atom.Html && isAd(c) {
			n.RemoveChild(c)
		} else {
			dropAds(c)
		}
		c = next
	}
}

func isAd(n *html.Node) bool {
	for _, tok := range strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id"))) {
		if adTokens[tok] {
			return true
		}
	}
	return false
}

// jsonLDDates returns the datePublished values of a JSON-LD script, in
// document order (objects, arrays and @graph lists are searched).
func jsonLDDates(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "<![CDATA[")
	s = strings.TrimSuffix(s, "]]>")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil
	}
	var out []string
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok {
				out = append(out, d)
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
				if c, ok := x[k]; ok {
					walk(c, depth+1)
				}
			}
		case []any:
			for _, c := range x {
				walk(c, depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

// webDateLayouts are date forms seen in page metadata beyond ParseDate's.
var webDateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05.999999999",
	"2006/01/02", "2006/01/02 15:04:05", "2006.01.02",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
}

// parseWebDate reads a date found in a page, a feed or a WARC header; "" when
// it is missing, unreadable or implausible.
func parseWebDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if d, err := ParseDate(s); err == nil {
		if y := d[:4]; y >= "1900" && y <= "2199" {
			return d
		}
		return ""
	}
	for _, layout := range webDateLayouts {
		if t, err := time.Parse(layout, s); err == nil && plausibleYear(t.Year()) {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

func plausibleYear(y int) bool { return y >= 1900 && y < 2200 }

// hostName is the host of a URL without "www.", the source of a page that
// names none.
func hostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf is the concatenated text below n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// oneLine collapses white space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// blockTags start and end a paragraph in renderText.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true,
	atom.Nav: true, atom.Figure: true, atom.Figcaption: true, atom.Table: true, atom.Tr: true,
	atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true, atom.Form: true,
	atom.Fieldset: true, atom.Caption: true, atom.Center: true, atom.Body: true, atom.Html: true,
}

// skipTags hold no readable text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Button: true,
	atom.Select: true, atom.Input: true, atom.Textarea: true,
}

// renderText writes the text below n: block elements become paragraphs
// separated by a blank line, <br> a line break, and white space inside a
// paragraph collapses to single spaces (but for <pre>).
func renderText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				b.WriteString(strings.ReplaceAll(n.Data, "\r\n", "\n"))
				return
			}
			t := strings.Map(func(r rune) rune {
				switch r {
				case '\n', '\r', '\t', '\f', '\v', '\u00a0':
					return ' '
				}
				return r
			}, n.Data)
			b.WriteString(t)
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] || hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") {
				return
			}
			switch n.DataAtom {
			case atom.Br:
				b.WriteByte('\n')
				return
			case atom.Td, atom.Th:
				b.WriteByte(' ')
			case atom.Pre:
				pre = true
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n, false)
	return tidyParagraphs(b.String())
}

// tidyParagraphs trims every line, collapses runs of spaces and of blank
// lines, and joins the paragraphs with one blank line.
func tidyParagraphs(s string) string {
	var paras []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\n"))
			lines = lines[:0]
		}
	}
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// describeType names a content type in an error.
func describeType(contentType string) string {
	if contentType == "" {
		return "no content type"
	}
	return fmt.Sprintf("content type %q", contentType)
}
