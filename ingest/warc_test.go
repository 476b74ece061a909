package ingest

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

// warcRec marshals one WARC record built with gowarc.
func warcRec(t *testing.T, typ gowarc.RecordType, target, date, contentType, block string) []byte {
	t.Helper()
	b := gowarc.NewRecordBuilder(typ)
	if _, err := b.WriteString(block); err != nil {
		t.Fatal(err)
	}
	if target != "" {
		b.AddWarcHeader(gowarc.WarcTargetURI, target)
	}
	b.AddWarcHeader(gowarc.WarcDate, date)
	b.AddWarcHeader(gowarc.ContentType, contentType)
	rec, _, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, _, err := gowarc.NewMarshaler().Marshal(&buf, rec, 0); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// httpResponse is an archived HTTP response.
func httpResponse(status, contentType, body string) string {
	return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\n\r\n" + body
}

const warcHTTP = "application/http;msgtype=response"

// testWARC returns the records of a small crawl, one []byte per record:
//
//	#1 warcinfo, #2 request, #3 response 200 HTML (page date), #4 response
//	404, #5 response 200 image, #6 a malformed record, #7 response 200 HTML
//	(no page date: the WARC-Date), #8 metadata, #9 response 200 HTML too
//	large for a small limit.
func testWARC(t *testing.T) [][]byte {
	t.Helper()
	const date = "2030-09-09T12:00:00Z"
	return [][]byte{
		warcRec(t, gowarc.Warcinfo, "", date, "application/warc-fields", "software: dyad-test\r\nformat: WARC File Format 1.1\r\n"),
		warcRec(t, gowarc.Request, "https://valley.example/pass", date, "application/http;msgtype=request", "GET /pass HTTP/1.1\r\nHost: valley.example\r\n\r\n"),
		warcRec(t, gowarc.Response, "https://valley.example/pass", date, warcHTTP,
			httpResponse("200 OK", "text/html; charset=utf-8", storyPage("Pass reopens to lorries", "2030-09-08T18:00:00Z", "Sylvanian border guards"))),
		warcRec(t, gowarc.Response, "https://valley.example/gone", date, warcHTTP, httpResponse("404 Not Found", "text/html", "<p>gone</p>")),
		warcRec(t, gowarc.Response, "https://valley.example/logo.png", date, warcHTTP, httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\n")),
		[]byte("WARC/1.1\r\nWARC-Type: response\r\nthis line is no header\r\nContent-Length: 9\r\n\r\nno record\r\n\r\n"),
		warcRec(t, gowarc.Response, "https://ridge.example/council", "2030-09-10T23:59:00Z", warcHTTP,
			httpResponse("200 OK", "text/html", page(`<meta property="og:title" content="Council approves the valley budget">`, storyBody))),
		warcRec(t, gowarc.Metadata, "https://ridge.example/council", date, "application/warc-fields", "fetchTimeMs: 12\r\n"),
		warcRec(t, gowarc.Response, "https://ridge.example/long", date, warcHTTP,
			httpResponse("200 OK", "text/html", page("", strings.Repeat(storyBody, 30)))),
	}
}

func TestWARC(t *testing.T) {
	recs := testWARC(t)
	plain := bytes.Join(recs, nil)
	var zipped []byte
	for _, r := range recs {
		zipped = append(zipped, gz(t, r)...) // one gzip member per record, as in Common Crawl
	}
	// The offset of the malformed record, in decompressed bytes.
	off := len(bytes.Join(recs[:5], nil))
	for _, tc := range []struct {
		file string
		data []byte
	}{{"crawl.warc", plain}, {"crawl.warc.gz", zipped}, {"whole.warc.gz", gz(t, plain)}} {
		t.Run(tc.file, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tc.file, tc.data)
			write(t, dir, "after.txt", []byte("Reading goes on."))
			t.Chdir(dir)
			items := readAll(t, []string{tc.file, "after.txt"}, Options{MaxBytes: 16 << 10})
			check(t, items, []want{
				{input: tc.file + "#3", id: "https://valley.example/pass", date: "2030-09-08"},
				{input: tc.file + "#6", err: ErrWARC, msg: "malformed WARC record at byte offset " + strconv.Itoa(off) + ": "},
				{input: tc.file + "#7", id: "https://ridge.example/council", date: "2030-09-10"},
				{input: tc.file + "#9", err: ErrTooLarge, msg: "too large: "},
				{input: "after.txt", id: "after.txt"},
			})
			if d := items[0].Doc; d.Title != "Pass reopens to lorries" || d.Source != "Valley News" || d.URL != "https://valley.example/pass" ||
				!strings.Contains(d.Text, "\n\nSylvanian border guards reopened") || strings.Contains(d.Text, "Shop") {
				t.Errorf("record 3: %+v", d)
			}
			if d := items[2].Doc; d.Title != "Council approves the valley budget" || d.Source != "ridge.example" {
				t.Errorf("record 7: %+v", d)
			}
			if !strings.Contains(items[1].Err.Error(), "no header") {
				t.Errorf("record 6 error does not say why: %v", items[1].Err)
			}
		})
	}
}

func TestWARCDamaged(t *testing.T) {
	recs := testWARC(t)
	good := recs[2]
	tests := []struct {
		name  string
		data  []byte
		wants []want
	}{
		{name: "garbage between records",
			data: bytes.Join([][]byte{good, []byte("stray bytes\r\n"), good}, nil),
			wants: []want{
				{input: "x.warc#1", id: "https://valley.example/pass"},
				{input: "x.warc#2", err: ErrWARC, msg: "skipped"},
				{input: "x.warc#2", id: "https://valley.example/pass"},
			}},
		{name: "trailing garbage",
			data: bytes.Join([][]byte{good, []byte("the end, cut short")}, nil),
			wants: []want{
				{input: "x.warc#1", id: "https://valley.example/pass"},
				{input: "x.warc#2", err: ErrWARC, msg: "no WARC record found"},
			}},
		{name: "content length past the end",
			data: bytes.Join([][]byte{good, []byte("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0>\r\nWARC-Date: 2030-01-01T00:00:00Z\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\nshort\r\n\r\n")}, nil),
			wants: []want{
				{input: "x.warc#1", id: "https://valley.example/pass"},
				{input: "x.warc#2", err: ErrWARC, msg: "content length mismatch"},
			}},
		{name: "not a WARC file at all",
			data: []byte("WARC/ is how this text begins, but it is prose.\n"),
			wants: []want{
				{input: "x.warc#1", err: ErrWARC},
			}},
		{name: "empty",
			data:  nil,
			wants: []want{{input: "x.warc", err: ErrEmpty}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "x.warc", tc.data)
			t.Chdir(dir)
			check(t, readAll(t, []string{"x.warc"}, Options{}), tc.wants)
		})
	}
}

func TestWARCTruncatedGzip(t *testing.T) {
	recs := testWARC(t)
	data := gz(t, bytes.Join(recs, nil))
	dir := t.TempDir()
	write(t, dir, "cut.warc.gz", data[:len(data)*2/3])
	t.Chdir(dir)
	items := readAll(t, []string{"cut.warc.gz"}, Options{})
	if len(items) == 0 {
		t.Fatal("no items")
	}
	last := items[len(items)-1]
	if last.Err == nil || !strings.HasPrefix(last.Input, "cut.warc.gz#") {
		t.Errorf("last item %q: %v, want an error", last.Input, last.Err)
	}
	for _, it := range items[:len(items)-1] {
		if it.Err != nil && !errors.Is(it.Err, ErrWARC) {
			t.Errorf("%s: %v", it.Input, it.Err)
		}
	}
	t.Logf("%d items, last: %s: %v", len(items), last.Input, last.Err)
}
