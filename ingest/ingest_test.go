package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAll runs Read and collects its items.
func readAll(t *testing.T, inputs []string, opts Options) []Item {
	t.Helper()
	out := make(chan Item)
	go Read(context.Background(), inputs, opts, out)
	var items []Item
	for it := range out {
		items = append(items, it)
	}
	return items
}

// write creates a file under dir and returns its path.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// want is the expected shape of one item.
type want struct {
	input string
	id    string // when no error
	date  string
	err   error  // errors.Is target, or nil
	msg   string // substring of the error message; with err nil, "" means a good document
}

func TestReadFiles(t *testing.T) {
	big := bytes.Repeat([]byte("The minister met the envoy. "), (20<<20)/28+1)[:20<<20]
	bigLine := append([]byte(`{"id":"big","text":"`), big...)
	bigLine = append(bigLine, `"}`...)
	tests := []struct {
		name  string
		file  string
		data  []byte
		opts  Options
		wants []want
	}{
		{name: "plain text", file: "a.txt", data: []byte("TEHRAN (Reuters) - Iran met Syria.\n"),
			opts:  Options{DefaultDate: "20230724"},
			wants: []want{{input: "a.txt", id: "a.txt", date: "2023-07-24"}}},
		{name: "byte-order mark", file: "bom.txt", data: []byte("\xEF\xBB\xBFIran met Syria."),
			wants: []want{{input: "bom.txt", id: "bom.txt"}}},
		{name: "empty file", file: "empty.txt", data: nil,
			wants: []want{{input: "empty.txt", err: ErrEmpty, msg: "empty document"}}},
		{name: "white space only", file: "blank.md", data: []byte(" \n\t\n"),
			wants: []want{{input: "blank.md", err: ErrEmpty, msg: "empty document"}}},
		{name: "random bytes", file: "noise.txt", data: randomBytes(4096),
			wants: []want{{input: "noise.txt", err: ErrBinary, msg: "binary data"}}},
		{name: "random bytes without NUL", file: "noise2.txt", data: bytes.ReplaceAll(randomBytes(4096), []byte{0}, []byte{1}),
			wants: []want{{input: "noise2.txt", err: ErrBinary, msg: "not UTF-8 text"}}},
		{name: "pdf", file: "paper.txt", data: []byte("%PDF-1.7\n..."),
			wants: []want{{input: "paper.txt", err: ErrBinary, msg: "PDF"}}},
		{name: "latin-1", file: "latin1.txt", data: []byte("Line one.\nPresident Macron a rencontr\xe9 le ministre."),
			wants: []want{{input: "latin1.txt", err: ErrInvalidUTF8, msg: "invalid UTF-8 at byte 37 (line 2)"}}},
		{name: "20 MB document", file: "big.txt", data: big,
			wants: []want{{input: "big.txt", err: ErrTooLarge, msg: "document is 20.0 MB, over the 5 MB limit; raise --max-bytes"}}},
		{name: "just over the limit", file: "over.txt", data: bytes.Repeat([]byte("a"), 1025),
			opts:  Options{MaxBytes: 1024},
			wants: []want{{input: "over.txt", err: ErrTooLarge, msg: "document is 1025 bytes, over the 1024-byte limit"}}},
		{name: "20 MB JSONL line", file: "big.jsonl", data: bigLine,
			wants: []want{{input: "big.jsonl:1", err: ErrTooLarge, msg: "document is 20.0 MB, over the 5 MB limit"}}},
		{name: "broken JSONL line among good ones", file: "mixed.jsonl", data: []byte(
			`{"id":"d1","text":"Iran met Syria.","date":"2023-07-24"}` + "\n" +
				`{"text":"Russia accused Ukraine.","date":"20230725"}` + "\r\n" +
				`{"id":"d3","text":"broken` + "\n" +
				"\n" +
				`{"id":7,"text":"China hosted Brazil.","date":"2023-07-26T10:00:00+08:00","title":" T "}` + "\n"),
			opts: Options{DefaultDate: "2000-01-01"},
			wants: []want{
				{input: "mixed.jsonl:1", id: "d1", date: "2023-07-24"},
				{input: "mixed.jsonl:2", id: "mixed.jsonl:2", date: "2023-07-25"},
				{input: "mixed.jsonl:3", err: ErrInvalidJSON, msg: "invalid JSON"},
				{input: "mixed.jsonl:5", id: "7", date: "2023-07-26"},
			}},
		{name: "JSONL line without text", file: "notext.jsonl", data: []byte(`{"id":"x","body":"Iran met Syria."}` + "\n" + `{"text":"ok"}`),
			wants: []want{
				{input: "notext.jsonl:1", err: ErrNoText, msg: `no "text" field (fields: body, id)`},
				{input: "notext.jsonl:2", id: "notext.jsonl:2"},
			}},
		{name: "JSONL wrong types", file: "types.jsonl", data: []byte(`{"text":42}` + "\n" + `[1,2]` + "\n" + `{"text":"a","id":{}}` + "\n" + `{"text":"  "}`),
			wants: []want{
				{input: "types.jsonl:1", err: ErrInvalidJSON, msg: `field "text" is a number, want a string`},
				{input: "types.jsonl:2", err: ErrInvalidJSON, msg: "want an article object, got array"},
				{input: "types.jsonl:3", err: ErrInvalidJSON, msg: `field "id" is an object`},
				{input: "types.jsonl:4", err: ErrEmpty, msg: "empty document"},
			}},
		{name: "JSONL bad date", file: "date.jsonl", data: []byte(`{"text":"Iran met Syria.","date":"July 24"}`),
			wants: []want{{input: "date.jsonl:1", err: ErrDate, msg: `invalid date "July 24"`}}},
		{name: "JSONL invalid UTF-8", file: "bad.jsonl", data: []byte("{\"text\":\"caf\xe9\"}\n{\"text\":\"ok\"}\n"),
			wants: []want{
				{input: "bad.jsonl:1", err: ErrInvalidUTF8, msg: "invalid UTF-8 at byte 12"},
				{input: "bad.jsonl:2", id: "bad.jsonl:2"},
			}},
		{name: "empty JSONL", file: "none.jsonl", data: []byte("\n\n"),
			wants: []want{{input: "none.jsonl", err: ErrEmpty}}},
		{name: "JSON array", file: "arr.json", data: []byte(`[{"id":"a","text":"one"}, {"text":"two"}, {"title":"no text"}]`),
			wants: []want{
				{input: "arr.json#1", id: "a"},
				{input: "arr.json#2", id: "arr.json#2"},
				{input: "arr.json#3", err: ErrNoText},
			}},
		{name: "JSON object", file: "one.json", data: []byte(` {"text":"Iran met Syria.","source":"Wire"}`),
			wants: []want{{input: "one.json", id: "one.json"}}},
		{name: "JSON array cut short", file: "cut.json", data: []byte(`[{"text":"one"}, {"text":`),
			wants: []want{
				{input: "cut.json#1", id: "cut.json#1"},
				{input: "cut.json#2", err: ErrInvalidJSON},
			}},
		{name: "JSONL with a byte-order mark", file: "bom.jsonl", data: []byte("\xEF\xBB\xBF{\"text\":\"Iran met Syria.\"}\n"),
			wants: []want{{input: "bom.jsonl:1", id: "bom.jsonl:1"}}},
		{name: "gzipped JSONL", file: "z.jsonl.gz", data: gz(t, []byte(`{"text":"Iran met Syria."}`+"\n")),
			wants: []want{{input: "z.jsonl.gz:1", id: "z.jsonl.gz:1"}}},
		{name: "unknown extension sniffed as JSONL", file: "feed", data: []byte(`  {"text":"Iran met Syria."}`),
			wants: []want{{input: "feed:1", id: "feed:1"}}},
		{name: "unknown extension sniffed as text", file: "story", data: []byte(`Iran met Syria.`),
			wants: []want{{input: "story", id: "story"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tc.file, tc.data)
			t.Chdir(dir)
			items := readAll(t, []string{tc.file}, tc.opts)
			check(t, items, tc.wants)
		})
	}
}

func check(t *testing.T, items []Item, wants []want) {
	t.Helper()
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("item %q id=%q err=%v", it.Input, it.Doc.ID, it.Err)
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if it.Input != w.input {
			t.Errorf("item %d: input %q, want %q", i, it.Input, w.input)
		}
		if w.err == nil && w.msg == "" {
			if it.Err != nil {
				t.Errorf("item %d (%s): unexpected error %v", i, it.Input, it.Err)
				continue
			}
			if it.Doc.ID != w.id {
				t.Errorf("item %d: id %q, want %q", i, it.Doc.ID, w.id)
			}
			if w.date != "" && it.Doc.Date != w.date {
				t.Errorf("item %d: date %q, want %q", i, it.Doc.Date, w.date)
			}
			if strings.TrimSpace(it.Doc.Text) == "" {
				t.Errorf("item %d: empty text", i)
			}
			continue
		}
		if it.Err == nil {
			t.Errorf("item %d (%s): no error, want %v", i, it.Input, w.err)
			continue
		}
		if w.err != nil && !errors.Is(it.Err, w.err) {
			t.Errorf("item %d: error %v, want kind %v", i, it.Err, w.err)
		}
		if !strings.Contains(it.Err.Error(), w.msg) {
			t.Errorf("item %d: error %q does not contain %q", i, it.Err, w.msg)
		}
	}
}

func TestReadDirectoryAndStdin(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "corpus/b.txt", []byte("B."))
	write(t, dir, "corpus/a.md", []byte("A."))
	write(t, dir, "corpus/sub/c.jsonl", []byte(`{"id":"c1","text":"C1."}`+"\n"+`{"id":"c2","text":"C2."}`))
	write(t, dir, "corpus/.hidden.txt", []byte("hidden"))
	write(t, dir, "corpus/.git/x.txt", []byte("hidden"))
	write(t, dir, "corpus/image.png", []byte("\x89PNG"))
	write(t, dir, "corpus/empty.text", nil)
	write(t, dir, "nothing/readme.rst", []byte("x"))
	t.Chdir(dir)

	stdin := strings.NewReader("  \n{\"text\":\"S1.\"}\n{\"text\":\"S2.\",\"id\":\"s2\"}\n")
	items := readAll(t, []string{"corpus", "-", "missing.txt", "nothing"}, Options{Stdin: stdin})
	check(t, items, []want{
		{input: "corpus/a.md", id: "corpus/a.md"},
		{input: "corpus/b.txt", id: "corpus/b.txt"},
		{input: "corpus/empty.text", err: ErrEmpty},
		{input: "corpus/sub/c.jsonl:1", id: "c1"},
		{input: "corpus/sub/c.jsonl:2", id: "c2"},
		{input: "-:2", id: "stdin:2"},
		{input: "-:3", id: "s2"},
		{input: "missing.txt", err: os.ErrNotExist, msg: "no such file"},
		{input: "nothing", msg: "no .txt"},
	})

	items = readAll(t, []string{"-", "-"}, Options{Stdin: strings.NewReader("Iran met Syria.\n")})
	if len(items) != 2 || items[0].Err != nil || items[0].Doc.ID != "stdin" || items[0].Doc.Text != "Iran met Syria.\n" || items[1].Err == nil {
		t.Errorf("stdin text: got %+v", items)
	}
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for range 100 {
		lines = append(lines, `{"text":"x"}`)
	}
	p := write(t, dir, "many.jsonl", []byte(strings.Join(lines, "\n")))
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan Item)
	go Read(ctx, []string{p}, Options{}, out)
	<-out
	cancel()
	n := 0
	for range out {
		n++
	}
	if n > 1 {
		t.Errorf("read %d items after cancel", n)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"2023-07-24", "2023-07-24"},
		{" 20230724 ", "2023-07-24"},
		{"2023-07-24T23:30:00Z", "2023-07-24"},
		{"2023-07-24T01:30:00.123+09:00", "2023-07-24"},
		{"2023-07-24 10:15:00", "2023-07-24"},
		{"2023-07-24T10:15", "2023-07-24"},
	}
	for _, tc := range tests {
		got, err := ParseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"24/07/2023", "2023-13-01", "July 24, 2023", "2023-02-30"} {
		if _, err := ParseDate(bad); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q): err %v, want ErrDate", bad, err)
		}
	}
}

func TestSizes(t *testing.T) {
	parse := []struct {
		in   string
		want int64
	}{
		{"1024", 1024}, {"500k", 500 << 10}, {"5MB", 5 << 20}, {"5 MiB", 5 << 20}, {"1.5g", 3 << 29}, {"10b", 10},
	}
	for _, tc := range parse {
		if got, err := ParseSize(tc.in); err != nil || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "MB", "5 parsecs", "-1", "five"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q): no error", bad)
		}
	}
	format := []struct {
		in   int64
		want string
	}{
		{12, "12 bytes"}, {5 << 20, "5 MB"}, {1536, "1.5 KB"}, {3 << 30, "3 GB"},
	}
	for _, tc := range format {
		if got := FormatSize(tc.in); got != tc.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDirectoryWalkSkipsReadme(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Examples\nThese are examples."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Iran condemned Israel."), 0o644); err != nil {
		t.Fatal(err)
	}
	out := make(chan Item, 10)
	go Read(context.Background(), []string{dir}, Options{}, out)
	var ids []string
	for it := range out {
		ids = append(ids, filepath.Base(it.Input))
	}
	if len(ids) != 1 || ids[0] != "a.txt" {
		t.Fatalf("read %v, want only a.txt", ids)
	}
}
