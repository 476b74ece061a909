package gazetteer

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// The file format (data/gazetteer.tsv.lz) is UTF-8 text compressed by this
// package's LZ codec (lz.go; Read also takes gzip'd or plain text). Lines
// starting with "#" are comments (the header says where the data comes
// from); every other line up to the index section is one entry of ten
// tab-separated fields:
//
//	id  feature  country  admin1  lat  lon  population  name  names  demonyms
//
// names are the alternate names (Name left out) and demonyms the country's
// demonyms, each list separated by "|"; empty fields are empty. Lines are
// sorted by country, feature, name and id, so that two versions diff well.
// The index section that follows them (index.go) lists the keys, sorted,
// each with its entries, so that Load neither parses entries nor builds a
// map of names: it decodes the file into one string, notes where each entry
// line starts and hashes the key lines; Lookup parses the entries it
// returns.

// DataFile is the path of the embedded gazetteer inside the repository.
const DataFile = "gazetteer/data/gazetteer.tsv.lz"

//go:embed data/gazetteer.tsv.lz
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

// loadEmbedded reads the embedded file.
func loadEmbedded() (*Gazetteer, error) {
	g, err := parseFile(embedded)
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", DataFile, err)
	}
	return g, nil
}

// parseFile decodes a compressed file and indexes it: the offsets of its
// entry lines and the index section's hash table.
func parseFile(b []byte) (*Gazetteer, error) {
	text, err := lzDecompress(b)
	if err != nil {
		return nil, err
	}
	if len(text) >= 1<<31-1 {
		return nil, fmt.Errorf("%d bytes: too large", len(text))
	}
	// text is never written again: share it as the gazetteer's string.
	data := unsafe.String(unsafe.SliceData(text), len(text))
	g := &Gazetteer{recs: make([]int32, 0, 1<<17)}
	pos, line := 0, 1
	for ; ; line++ {
		if pos >= len(data) {
			return nil, fmt.Errorf("line %d: no index section", line)
		}
		if data[pos] == '#' && strings.HasPrefix(data[pos:], indexMarker) {
			break
		}
		if data[pos] != '#' && data[pos] != '\n' {
			g.recs = append(g.recs, int32(pos))
		}
		i := strings.IndexByte(data[pos:], '\n')
		if i < 0 {
			return nil, fmt.Errorf("line %d: no index section", line)
		}
		pos += i + 1
	}
	g.cache = make([]atomic.Pointer[Entry], len(g.recs))
	if err := g.parseIndex(data, pos, len(g.recs)); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
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

// Read reads a gazetteer file (compressed as Write writes it, gzip'd or
// plain TSV) and returns its entries.
func Read(r io.Reader) ([]Entry, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	switch {
	case isLZ(b):
		if b, err = lzDecompress(b); err != nil {
			return nil, err
		}
	case len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b:
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
	}
	var out []Entry
	data := string(b)
	for line := 1; data != ""; line++ {
		var s string
		s, data, _ = strings.Cut(data, "\n")
		s = strings.TrimSuffix(s, "\r")
		if strings.HasPrefix(s, indexMarker) {
			break
		}
		if s == "" || s[0] == '#' {
			continue
		}
		e, err := parseLine(s)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, e)
	}
	return out, nil
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

// Write writes entries in the file format, sorted, after the header (each of
// its lines is written with a "# " prefix), with the index section, and
// compressed.
func Write(w io.Writer, entries []Entry, header string) error {
	es := append([]Entry(nil), entries...)
	SortEntries(es)
	var buf bytes.Buffer
	for _, h := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		if h == "" {
			buf.WriteString("#\n")
		} else {
			buf.WriteString("# " + h + "\n")
		}
	}
	// Index the entries as the file gives them back (names cleaned, Name
	// first among Names).
	back := make([]Entry, len(es))
	for i, e := range es {
		start := buf.Len()
		if err := writeLine(&buf, e); err != nil {
			return err
		}
		var err error
		if back[i], err = parseLine(strings.TrimSuffix(string(buf.Bytes()[start:]), "\n")); err != nil {
			return fmt.Errorf("entry %d %q: %w", e.ID, e.Name, err)
		}
	}
	text := makeIndex(back).appendTo(buf.Bytes())
	if _, err := w.Write(lzCompress(text)); err != nil {
		return fmt.Errorf("write: %w", err)
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
func writeLine(w io.Writer, e Entry) error {
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
