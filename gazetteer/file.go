package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The file format (data/gazetteer.tsv.gz) is gzip'd UTF-8 text: lines
// starting with "#" are comments (the header says where the data comes
// from); every other line is one entry of ten tab-separated fields:
//
//	id  feature  country  admin1  lat  lon  population  name  names  demonyms
//
// names are the alternate names (Name left out) and demonyms the country's
// demonyms, each list separated by "|"; empty fields are empty. Lines are
// sorted by country, feature, name and id, so that two versions diff well
// before compression.

// DataFile is the path of the embedded gazetteer inside the repository.
const DataFile = "gazetteer/data/gazetteer.tsv.gz"

//go:embed data/gazetteer.tsv.gz
var embedded []byte

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// Load returns the embedded gazetteer, read on the first call.
func Load() (*Gazetteer, error) {
	loadOnce.Do(func() { loaded, loadErr = loadEmbedded() })
	return loaded, loadErr
}

// loadEmbedded reads the embedded file in one goroutine and indexes its
// entries in batches in another, so that decompressing and parsing overlap
// with indexing.
func loadEmbedded() (*Gazetteer, error) {
	batches := make(chan []Entry, 8)
	var readErr error
	go func() {
		defer close(batches)
		readErr = readBatches(bytes.NewReader(embedded), 8192, func(b []Entry) { batches <- b })
	}()
	g := newEmpty(300000)
	for b := range batches {
		from := len(g.entries)
		g.entries = append(g.entries, b...)
		g.index(from)
	}
	if readErr != nil {
		return nil, fmt.Errorf("embedded %s: %w", DataFile, readErr)
	}
	g.finish()
	return g, nil
}

// Embedded returns the entries of the embedded file, read anew (a build
// keeps its divisions when it is given no division sources).
func Embedded() ([]Entry, error) {
	es, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", DataFile, err)
	}
	return es, nil
}

// Read reads a gazetteer file (gzip'd or plain TSV).
func Read(r io.Reader) ([]Entry, error) {
	var out []Entry
	err := readBatches(r, 1<<30, func(b []Entry) { out = append(out, b...) })
	return out, err
}

// readBatches reads a gazetteer file and hands its entries to emit in
// batches of up to n.
func readBatches(r io.Reader, n int, emit func([]Entry)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var batch []Entry
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		e, err := parseLine(s)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if batch == nil {
			batch = make([]Entry, 0, min(n, 8192))
		}
		batch = append(batch, e)
		if len(batch) >= n {
			emit(batch)
			batch = nil
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	if len(batch) > 0 {
		emit(batch)
	}
	return nil
}

// parseLine parses one entry line.
func parseLine(s string) (Entry, error) {
	var f [10]string
	for i := 0; i < 9; i++ {
		var ok bool
		f[i], s, ok = strings.Cut(s, "\t")
		if !ok {
			return Entry{}, fmt.Errorf("%d fields, want 10", i+1)
		}
	}
	f[9] = s
	var e Entry
	var err error
	if f[0] != "" {
		if e.ID, err = strconv.Atoi(f[0]); err != nil {
			return e, fmt.Errorf("id %q: %w", f[0], err)
		}
	}
	e.Feature, e.Country, e.Admin1 = f[1], f[2], f[3]
	if e.Lat, err = strconv.ParseFloat(f[4], 64); err != nil {
		return e, fmt.Errorf("lat %q: %w", f[4], err)
	}
	if e.Lon, err = strconv.ParseFloat(f[5], 64); err != nil {
		return e, fmt.Errorf("lon %q: %w", f[5], err)
	}
	if f[6] != "" {
		if e.Population, err = strconv.ParseInt(f[6], 10, 64); err != nil {
			return e, fmt.Errorf("population %q: %w", f[6], err)
		}
	}
	e.Name = f[7]
	if e.Name == "" {
		return e, fmt.Errorf("empty name")
	}
	n := 1
	if f[8] != "" {
		n += strings.Count(f[8], "|") + 1
	}
	e.Names = make([]string, 1, n)
	e.Names[0] = e.Name
	if f[8] != "" {
		e.Names = appendSplit(e.Names, f[8])
	}
	if f[9] != "" {
		e.Demonyms = appendSplit(nil, f[9])
	}
	return e, nil
}

// appendSplit appends the "|"-separated parts of s.
func appendSplit(dst []string, s string) []string {
	for {
		part, rest, ok := strings.Cut(s, "|")
		dst = append(dst, part)
		if !ok {
			return dst
		}
		s = rest
	}
}

// Write writes entries in the file format, sorted, gzip'd, after the header
// (each of its lines is written with a "# " prefix).
func Write(w io.Writer, entries []Entry, header string) error {
	es := append([]Entry(nil), entries...)
	SortEntries(es)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gzip: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	for _, h := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		if h == "" {
			bw.WriteString("#\n")
		} else {
			bw.WriteString("# " + h + "\n")
		}
	}
	for _, e := range es {
		if err := writeLine(bw, e); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gzip: %w", err)
	}
	return nil
}

// SortEntries sorts entries in file order: country, feature, name, id.
func SortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		if a.Feature != b.Feature {
			return a.Feature < b.Feature
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Admin1 != b.Admin1 {
			return a.Admin1 < b.Admin1
		}
		return a.ID < b.ID
	})
}

// writeLine writes one entry line.
func writeLine(w *bufio.Writer, e Entry) error {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' || r == '|' {
				return ' '
			}
			return r
		}, s)
	}
	if strings.TrimSpace(e.Name) == "" {
		return fmt.Errorf("entry %d: empty name", e.ID)
	}
	id := ""
	if e.ID != 0 {
		id = strconv.Itoa(e.ID)
	}
	pop := ""
	if e.Population != 0 {
		pop = strconv.FormatInt(e.Population, 10)
	}
	name := clean(e.Name)
	var alts []string
	for _, n := range e.Names {
		if n = clean(n); n != "" && n != name {
			alts = append(alts, n)
		}
	}
	var dems []string
	for _, d := range e.Demonyms {
		if d = clean(d); d != "" {
			dems = append(dems, d)
		}
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, clean(e.Feature), clean(e.Country), clean(e.Admin1),
		strconv.FormatFloat(e.Lat, 'f', -1, 64), strconv.FormatFloat(e.Lon, 'f', -1, 64), pop, name,
		strings.Join(alts, "|"), strings.Join(dems, "|"))
	return nil
}
