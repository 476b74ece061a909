package gazetteer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// The index section ends a gazetteer file, after the entry lines; it is
// computed by Write, so that Load builds no map of names. Its first line is
//
//	#@index KEYS COUNTRIES ADMIN1 DEMONYMS
//
// (the number of lines of each part), then come KEYS lines "key<TAB>d r r…":
// each key's entries, numbered from 0 in file order, in lookup order, the
// first as the difference d from the first of the line before, the others
// as differences r from the first (so that the numbers stay small and an
// added entry changes few lines); the lines are ordered by their first
// entry, then by key. Then "#@countries" and COUNTRIES lines "ISO3<TAB>n",
// "#@admin1" and ADMIN1 lines "ISO3<TAB>code<TAB>n", "#@demonyms" and
// DEMONYMS lines "key<TAB>n", each of these parts sorted.

// indexMarker starts the index section.
const indexMarker = "#@index "

// index is the index of a list of entries, as Write stores it.
type index struct {
	keys      []string           // in the order of their first entry, then sorted
	lists     map[string][]int32 // key → entry numbers, in lookup order
	countries map[string]int32
	admin1    map[admin1Key]int32
	demonyms  map[string]int32
}

// makeIndex indexes entries (in file order).
func makeIndex(entries []Entry) *index {
	x := &index{lists: map[string][]int32{}, countries: map[string]int32{},
		admin1: map[admin1Key]int32{}, demonyms: map[string]int32{}}
	for i := range entries {
		e := &entries[i]
		add := func(name string) {
			k := Key(name)
			if k == "" {
				return
			}
			l := x.lists[k]
			if len(l) > 0 && l[len(l)-1] == int32(i) {
				return // another name of this entry with the same key
			}
			x.lists[k] = append(l, int32(i))
		}
		add(e.Name)
		for _, n := range e.Names {
			add(n)
		}
		switch {
		case isCountry(e.Feature) && e.Country != "":
			if _, ok := x.countries[e.Country]; !ok {
				x.countries[e.Country] = int32(i)
			}
			for _, d := range e.Demonyms {
				if k := Key(d); k != "" {
					if _, ok := x.demonyms[k]; !ok {
						x.demonyms[k] = int32(i)
					}
				}
			}
		case e.Feature == "ADM1" && e.Admin1 != "" && e.Country != "":
			k := admin1Key{e.Country, e.Admin1}
			if _, ok := x.admin1[k]; !ok {
				x.admin1[k] = int32(i)
			}
		}
	}
	less := func(a, b int32) bool {
		x, y := &entries[a], &entries[b]
		if x.Population != y.Population {
			return x.Population > y.Population
		}
		if rx, ry := featureRank(x.Feature), featureRank(y.Feature); rx != ry {
			return rx < ry
		}
		return x.ID < y.ID
	}
	x.keys = sortedKeys(x.lists)
	for _, k := range x.keys {
		if l := x.lists[k]; len(l) > 1 {
			sort.SliceStable(l, func(a, b int) bool { return less(l[a], l[b]) })
		}
	}
	sort.SliceStable(x.keys, func(a, b int) bool { return x.lists[x.keys[a]][0] < x.lists[x.keys[b]][0] })
	return x
}

// appendKeys appends the key lines.
func (x *index) appendKeys(dst []byte) []byte {
	prev := int32(0)
	for _, k := range x.keys {
		l := x.lists[k]
		dst = append(dst, k...)
		dst = append(dst, '\t')
		dst = strconv.AppendInt(dst, int64(l[0]-prev), 10)
		for _, n := range l[1:] {
			dst = append(dst, ' ')
			dst = strconv.AppendInt(dst, int64(n-l[0]), 10)
		}
		dst = append(dst, '\n')
		prev = l[0]
	}
	return dst
}

// appendTo appends the index section (for entries that a file's lines
// give: no tab or newline in a country or admin1 code).
func (x *index) appendTo(dst []byte) []byte {
	dst = fmt.Appendf(dst, "%s%d %d %d %d\n", indexMarker, len(x.keys), len(x.countries), len(x.admin1), len(x.demonyms))
	dst = x.appendKeys(dst)
	admin1 := map[string]int32{}
	for k, v := range x.admin1 {
		admin1[k.country+"\t"+k.code] = v
	}
	for _, part := range []struct {
		name string
		m    map[string]int32
	}{{"countries", x.countries}, {"admin1", admin1}, {"demonyms", x.demonyms}} {
		dst = append(dst, "#@"+part.name+"\n"...)
		for _, k := range sortedKeys(part.m) {
			dst = append(dst, k...)
			dst = append(dst, '\t')
			dst = strconv.AppendInt(dst, int64(part.m[k]), 10)
			dst = append(dst, '\n')
		}
	}
	return dst
}

// sortedKeys returns the keys of m in byte order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// admin1Key is a country and one of its admin1 codes.
type admin1Key struct{ country, code string }

// parseIndex reads the index section of data, which starts at pos, into g
// for n entries: a hash table of the key lines, without copying them, and
// the maps of countries, divisions and demonyms (their keys are substrings
// of data).
func (g *Gazetteer) parseIndex(data string, pos, n int) error {
	line, pos, _ := nextLine(data, pos)
	f := strings.Fields(strings.TrimPrefix(line, indexMarker))
	if !strings.HasPrefix(line, indexMarker) || len(f) != 4 {
		return fmt.Errorf("index header %q", line)
	}
	var counts [4]int
	for i, s := range f {
		c, err := strconv.Atoi(s)
		if err != nil || c < 0 || c > len(data) {
			return fmt.Errorf("index header %q", line)
		}
		counts[i] = c
	}
	pos, err := g.parseKeys(data, pos, counts[0])
	if err != nil {
		return err
	}
	entry := func(s string) (int32, error) {
		v, err := strconv.Atoi(s)
		if err != nil || v < 0 || v >= n {
			return 0, fmt.Errorf("index: entry %q", s)
		}
		return int32(v), nil
	}
	g.countries = make(map[string]int32, counts[1])
	g.admin1 = make(map[admin1Key]int32, counts[2])
	g.demonyms = make(map[string]int32, counts[3])
	for part, name := range []string{"countries", "admin1", "demonyms"} {
		line, pos, _ = nextLine(data, pos)
		if line != "#@"+name {
			return fmt.Errorf("index: %q, want #@%s", line, name)
		}
		for range counts[part+1] {
			line, pos, _ = nextLine(data, pos)
			k, num, ok := cutLast(line)
			v, err := entry(num)
			if !ok || err != nil {
				return fmt.Errorf("index: %s line %q", name, line)
			}
			switch part {
			case 0:
				g.countries[k] = v
			case 1:
				c, a, ok := strings.Cut(k, "\t")
				if !ok {
					return fmt.Errorf("index: admin1 line %q", line)
				}
				g.admin1[admin1Key{c, a}] = v
			case 2:
				g.demonyms[k] = v
			}
		}
	}
	return nil
}

// parseKeys reads count key lines of data from pos into g's hash table,
// without copying them, and returns the position after them.
func (g *Gazetteer) parseKeys(data string, pos, count int) (int, error) {
	size := 1
	for size < 2*count {
		size <<= 1
	}
	g.data = data
	g.slots = make([]uint64, size)
	g.firstWords = make([]uint64, firstWordBits/64)
	mask := uint32(size - 1)
	words, base := 0, 0
	for k := range count {
		if pos >= len(data) || pos >= 1<<32-2 {
			return 0, fmt.Errorf("index: %d keys, want %d", k, count)
		}
		start := pos
		h, spaces := uint32(fnvOffset), 0
		for pos < len(data) && data[pos] != '\t' && data[pos] != '\n' {
			c := data[pos]
			if c == ' ' {
				if spaces == 0 {
					g.firstWords[(h>>6)&(firstWordBits/64-1)] |= 1 << (h & 63)
				}
				spaces++
			}
			h = (h ^ uint32(c)) * fnvPrime
			pos++
		}
		if pos == start || pos >= len(data) || data[pos] != '\t' {
			return 0, fmt.Errorf("index: bad key line at byte %d", start)
		}
		words = max(words, spaces+1)
		pos++
		d := 0
		for ; pos < len(data) && data[pos] >= '0' && data[pos] <= '9' && d < 1<<31; pos++ {
			d = d*10 + int(data[pos]-'0')
		}
		if base += d; base >= 1<<31 {
			return 0, fmt.Errorf("index: bad key line at byte %d", start)
		}
		for j := h & mask; ; j = (j + 1) & mask {
			if g.slots[j] == 0 {
				g.slots[j] = uint64(base)<<32 | uint64(start+1)
				break
			}
		}
		i := strings.IndexByte(data[pos:], '\n')
		if i < 0 {
			return 0, fmt.Errorf("index: unterminated key line at byte %d", start)
		}
		pos += i + 1
	}
	g.maxWords = words
	return pos, nil
}

// cutLast splits s at its last tab.
func cutLast(s string) (before, after string, ok bool) {
	i := strings.LastIndexByte(s, '\t')
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+1:], true
}

// nextLine returns the line of data at pos (without its newline) and the
// position after it; ok is false at the end of data.
func nextLine(data string, pos int) (line string, next int, ok bool) {
	if pos >= len(data) {
		return "", pos, false
	}
	i := strings.IndexByte(data[pos:], '\n')
	if i < 0 {
		return data[pos:], len(data), true
	}
	return data[pos : pos+i], pos + i + 1, true
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// find returns the first entry of key k and the differences of the others
// from it (" r r", or ""), or ok false.
func (g *Gazetteer) find(k string) (first int, rest string, ok bool) {
	if len(g.slots) == 0 || k == "" {
		return 0, "", false
	}
	h := uint32(fnvOffset)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint32(k[i])) * fnvPrime
	}
	mask := uint32(len(g.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := g.slots[j]
		if s == 0 {
			return 0, "", false
		}
		off := int(uint32(s) - 1)
		if end := off + len(k); end < len(g.data) && g.data[end] == '\t' && g.data[off:end] == k {
			rest := g.data[end+1:]
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				rest = rest[:i]
			}
			if i := strings.IndexByte(rest, ' '); i >= 0 {
				return int(s >> 32), rest[i:], true
			}
			return int(s >> 32), "", true
		}
	}
}

// firstWordBits is the size of the bit set of the first words of
// multi-word names.
const firstWordBits = 1 << 18

// MayStartName reports whether some name of two or more words may start
// with this word (it may answer true wrongly, never false wrongly), so that
// a caller scanning text for names can skip longer lookups.
func (g *Gazetteer) MayStartName(word string) bool {
	if g.firstWords == nil {
		return true // no index
	}
	k := Key(word)
	h := uint32(fnvOffset)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint32(k[i])) * fnvPrime
	}
	return g.firstWords[(h>>6)&(firstWordBits/64-1)]&(1<<(h&63)) != 0
}
