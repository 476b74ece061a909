package text

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Lemma returns the dictionary key of a lower-case word. Irregular forms are
// first mapped to their base from data/irregular.txt ("held" -> "hold",
// "met" -> "meet", "children" -> "child"), then the Snowball English stemmer
// is applied, so "held", "holds", "holding" and "hold" all give "hold", and
// "talks" gives "talk". Tokens without letters (punctuation, numbers) and
// words of one or two bytes are returned unchanged.
//
// Lemma is safe for concurrent use. Stems are cached in a bounded,
// sharded cache, so a word seen before costs one map lookup and no
// allocation.
func Lemma(lower string) string {
	if v, ok := irregularLemmas()[lower]; ok {
		return v
	}
	if len(lower) <= 2 || !hasLetter(lower) {
		return lower
	}
	return stemCached(lower)
}

// irregularLemmas maps each irregular form straight to the stem of its base.
var irregularLemmas = sync.OnceValue(func() map[string]string {
	t, err := loadTables()
	if err != nil {
		// The embedded table is checked by the tests; without it Lemma
		// still stems.
		return map[string]string{}
	}
	m := make(map[string]string, len(t.irregular))
	for form, base := range t.irregular {
		m[form] = stem(base)
	}
	return m
})

// stem applies the Snowball English stemmer, stop words included (so
// "having" -> "have", "doing" -> "do").
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	if st := english.Stem(w, true); st != "" {
		return undouble(st)
	}
	return w // the stemmer strips apostrophes: "’" would vanish
}

// undouble reduces a final doubled consonant, so that a base ending in one
// ("add", "boycott", "rebuff") and its inflections, whose double the
// stemmer undoes ("added" → "ad"), share a key.
func undouble(st string) string {
	if st == "off" {
		return st // not "of"
	}
	n := len(st)
	if n >= 3 && st[n-1] == st[n-2] {
		switch st[n-1] {
		case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
			return st[:n-1]
		}
	}
	return st
}

// hasLetter reports whether s contains a letter, in any script.
func hasLetter(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			return true
		}
		i += n
	}
	return false
}

// The stem cache: a fixed number of shards, each a map guarded by a
// read-write lock and cleared when it reaches shardLimit entries, so memory
// stays bounded on an endless stream of new names.
const (
	cacheShards = 32
	shardLimit  = 1 << 13
)

type stemShard struct {
	mu sync.RWMutex
	m  map[string]string
}

var (
	stemSeed   = maphash.MakeSeed()
	stemShards [cacheShards]stemShard
)

// stemCached returns stem(w), computing it at most once per cache lifetime.
func stemCached(w string) string {
	sh := &stemShards[maphash.String(stemSeed, w)%cacheShards]
	sh.mu.RLock()
	v, ok := sh.m[w]
	sh.mu.RUnlock()
	if ok {
		return v
	}
	v = stem(w)
	// w is often a substring of a whole document: copy it so the cache does
	// not keep documents alive.
	k := strings.Clone(w)
	if v == w {
		v = k
	}
	sh.mu.Lock()
	if sh.m == nil || len(sh.m) >= shardLimit {
		sh.m = make(map[string]string, 256)
	}
	sh.m[k] = v
	sh.mu.Unlock()
	return v
}
