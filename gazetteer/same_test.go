package gazetteer

import (
	"reflect"
	"sort"
	"testing"
)

// refIndex is the map index the package built before the index section
// existed (every key of every name, lists sorted at load), kept to check
// that the embedded index answers the same.
type refIndex struct {
	entries   []Entry
	byKey     map[string][]int32
	maxWords  int
	countries map[string]int32
	admin1    map[string]int32
	demonyms  map[string]int32
}

func newRef(entries []Entry) *refIndex {
	x := &refIndex{entries: entries, byKey: map[string][]int32{}, countries: map[string]int32{},
		admin1: map[string]int32{}, demonyms: map[string]int32{}}
	for i := range entries {
		e := &entries[i]
		for _, name := range append([]string{e.Name}, e.Names...) {
			k := Key(name)
			if k == "" {
				continue
			}
			l := x.byKey[k]
			if len(l) > 0 && l[len(l)-1] == int32(i) {
				continue
			}
			x.byKey[k] = append(l, int32(i))
			words := 1
			for j := 0; j < len(k); j++ {
				if k[j] == ' ' {
					words++
				}
			}
			x.maxWords = max(x.maxWords, words)
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
			k := e.Country + "\x00" + e.Admin1
			if _, ok := x.admin1[k]; !ok {
				x.admin1[k] = int32(i)
			}
		}
	}
	for _, l := range x.byKey {
		sort.SliceStable(l, func(a, b int) bool {
			p, q := &entries[l[a]], &entries[l[b]]
			if p.Population != q.Population {
				return p.Population > q.Population
			}
			if rp, rq := featureRank(p.Feature), featureRank(q.Feature); rp != rq {
				return rp < rq
			}
			return p.ID < q.ID
		})
	}
	return x
}

// TestEmbeddedIndexSame checks every key, country, division and demonym of
// the embedded file against the reference index built from its entries.
func TestEmbeddedIndexSame(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	es, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	checkSame(t, g, newRef(es))
}

// TestNewIndexSame does the same for New on the small gazetteer.
func TestNewIndexSame(t *testing.T) {
	g := small()
	checkSame(t, g, newRef(g.Entries()))
}

func checkSame(t *testing.T, g *Gazetteer, ref *refIndex) {
	t.Helper()
	if g.Len() != len(ref.entries) || g.MaxWords() != ref.maxWords {
		t.Fatalf("Len %d MaxWords %d, want %d %d", g.Len(), g.MaxWords(), len(ref.entries), ref.maxWords)
	}
	if !reflect.DeepEqual(g.Entries(), ref.entries) {
		t.Error("Entries differ")
	}
	bad := 0
	for k, l := range ref.byKey {
		got := g.Lookup(k)
		ok := len(got) == len(l) && g.Has(k)
		for i := 0; ok && i < len(l); i++ {
			ok = reflect.DeepEqual(got[i], ref.entries[l[i]])
		}
		if !ok {
			if bad++; bad <= 5 {
				t.Errorf("Lookup(%q): %d entries, want %d", k, len(got), len(l))
			}
		}
	}
	for _, k := range []string{"no such place anywhere", "zz", "x y z w"} {
		if g.Lookup(k) != nil || g.Has(k) {
			t.Errorf("Lookup(%q) found entries", k)
		}
	}
	for c, i := range ref.countries {
		if e, ok := g.Country(c); !ok || !reflect.DeepEqual(e, ref.entries[i]) {
			t.Errorf("Country(%q) = %v %v", c, e.Name, ok)
		}
	}
	for k, i := range ref.admin1 {
		c, a := k[:3], k[4:]
		if e, ok := g.Admin1(c, a); !ok || !reflect.DeepEqual(e, ref.entries[i]) {
			t.Errorf("Admin1(%q, %q) = %v %v", c, a, e.Name, ok)
		}
	}
	for k, i := range ref.demonyms {
		if e, ok := g.Demonym(k); !ok || !reflect.DeepEqual(e, ref.entries[i]) {
			t.Errorf("Demonym(%q) = %v %v", k, e.Name, ok)
		}
	}
}
