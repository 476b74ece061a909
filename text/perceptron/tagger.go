package perceptron

import (
	"fmt"
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// Tagger scores prose's English averaged-perceptron model with hashed feature
// lookups. It is safe for concurrent use.
type Tagger struct {
	m    *model
	pool sync.Pool // *scratch
}

// scratch is one call's working space.
type scratch struct {
	scores [maxClasses]float32
	norm   []int32 // entry of each normalised word, with two pads each side
	suf    []int32 // entry of each normalised word's suffix, padded alike
	raw    []int32 // entry of each word as written
	rsuf   []int32 // entry of each word's own suffix, or -1 if not looked up yet
	buf    []byte  // lower-casing space
}

// load decodes the built-in model once per process.
var load = sync.OnceValues(func() (*Tagger, error) {
	m, err := decode(aptagmodel.English)
	if err != nil {
		return nil, fmt.Errorf("perceptron: load prose's English model: %w", err)
	}
	return newTagger(m), nil
})

// New returns the tagger for prose's English model. The model is decoded on
// the first call, in a few milliseconds; later calls return the same Tagger.
func New() (*Tagger, error) {
	return load()
}

func newTagger(m *model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return &scratch{buf: make([]byte, 0, 64)} }
	return t
}

// Tag sets tags[i] to the Penn Treebank tag of words[i], exactly as prose's
// tag.Tagger.TagTokens would for the same words. words is one sentence: the
// tagger reads two words either side and the two previous tags, so where the
// sentence starts and ends matters.
//
// tags should have len(words); if it is shorter, only the words that have a
// slot get one (all of them still count as context). Tag allocates nothing
// once its scratch space is pooled.
func (t *Tagger) Tag(words []string, tags []string) {
	n := len(words)
	if n == 0 {
		return
	}
	m := t.m
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.grow(n)

	// First pass: look up every word, so that the second can read the
	// words around each one.
	norm, suf := s.norm[:n+4], s.suf[:n+4]
	norm[0], suf[0] = m.padEntry[0], m.padSuf[0]
	norm[1], suf[1] = m.padEntry[1], m.padSuf[1]
	norm[n+2], suf[n+2] = m.padEntry[2], m.padSuf[2]
	norm[n+3], suf[n+3] = m.padEntry[3], m.padSuf[3]
	raw, rsuf := s.raw[:n], s.rsuf[:n]
	for i, w := range words {
		raw[i], rsuf[i], norm[i+2], suf[i+2] = s.lookup(m, w)
	}

	// Second pass: tag left to right.
	p1, p2 := m.tagStart, m.tagStart2
	for i, w := range words {
		var tag string
		var id int32
		e := &m.entries[raw[i]]
		switch {
		case w == "-":
			tag, id = "-", m.tagDash
		case e.emoti:
			tag, id = "SYM", m.tagSYM
		case len(w) > 0 && w[0] == '@':
			tag, id = "NN", m.tagNN
		case isTrace(w):
			tag, id = "-NONE-", m.tagNone
		case isBracket(w):
			tag, id = w, m.tagID(w)
		case e.class >= 0:
			id = int32(e.class)
			tag = m.classes[id]
		default:
			id = s.predict(m, words, i, p1, p2)
			if id >= 0 {
				tag = m.classes[id]
			} else { // only if every score is NaN
				id = m.tagID("")
			}
		}
		if i < len(tags) {
			tags[i] = tag
		}
		p2, p1 = p1, id
	}
}

// grow makes room for a sentence of n words.
func (s *scratch) grow(n int) {
	if cap(s.raw) < n {
		c := max(n, 2*cap(s.raw))
		s.norm = make([]int32, c+4)
		s.suf = make([]int32, c+4)
		s.raw = make([]int32, c)
		s.rsuf = make([]int32, c)
	}
}

// lookup finds the entries of w as written, of w's last three bytes (or -1
// when that takes a lookup of its own: it is needed only if the model scores
// w), of w's normalised form, and of that form's last three bytes. Absent
// strings get entry 0, which holds no features.
//
// For a string the model knows, the answers were worked out at load.
func (s *scratch) lookup(m *model, w string) (raw, rsuf, norm, suf int32) {
	if k, ok := m.index[w]; ok {
		e := &m.entries[k]
		return k, e.rsuf, e.norm, e.nsuf
	}
	raw, rsuf, norm, suf, s.buf = m.resolve(w, 0, s.buf)
	return raw, rsuf, norm, suf
}

// resolve does lookup's work for w, whose own entry is raw, using buf for
// lower-casing; it returns buf for reuse.
func (m *model) resolve(w string, raw int32, buf []byte) (_, rsuf, norm, suf int32, _ []byte) {
	if len(w) <= 3 {
		rsuf = raw
	} else {
		rsuf = -1
	}
	if w == "" {
		return raw, rsuf, raw, raw, buf
	}
	switch c := w[0]; {
	case c != '-' && strings.IndexByte(w, '-') >= 0:
		return raw, rsuf, m.hyphenEntry, m.hyphenSuf, buf
	case len(w) == 4 && isYear(w):
		return raw, rsuf, m.yearEntry, m.yearSuf, buf
	case c >= '0' && c <= '9':
		return raw, rsuf, m.digitsEntry, m.digitsSuf, buf
	}
	if !needsLower(w) {
		if len(w) <= 3 {
			return raw, rsuf, raw, raw, buf
		}
		suf = m.index[w[len(w)-3:]]
		return raw, suf, raw, suf, buf
	}
	buf = appendLower(buf[:0], w)
	norm = m.index[string(buf)]
	if len(buf) <= 3 {
		return raw, rsuf, norm, norm, buf
	}
	suf = m.index[string(buf[len(buf)-3:])]
	if rsuf < 0 && string(buf[len(buf)-3:]) == w[len(w)-3:] {
		rsuf = suf // "Iran" ends as "iran" does
	}
	return raw, rsuf, norm, suf, buf
}

// predict scores word i with the model and returns the best class, or -1 if
// no score beats minus infinity, exactly as prose would.
//
// prose adds each token's fourteen feature weights to its float32 scores in a
// fixed order, and float32 addition is not associative, so another order can
// round differently and, in a near tie, pick another class. This path takes
// the quicker order: it starts from the pre-summed row of the four features
// that depend only on the previous two tags, then adds the rest. When its
// best class leads by more than the model's margin, rounding cannot have
// changed the winner (see setMargin); otherwise it rescores in prose's order.
func (s *scratch) predict(m *model, words []string, i int, p1, p2 int32) int32 {
	sc := &s.scores
	nc := len(m.classes)
	nt := m.numTags + 1
	copy(sc[:nc], m.tagRows[int(p1*nt+p2)*nc:][:nc])
	s.addStatic(m, words, i, p1)

	// Accept the best class if the runner-up trails it by more than the
	// margin. (The margin is finite only if the weights are, so no score
	// is NaN here.) A tie leaves no lead, and goes to the exact path.
	if nc >= 2 {
		v := sc[:nc]
		inf := float32(math.Inf(-1))
		best, second, id := inf, inf, 0
		for k, x := range v {
			if x > second {
				if x > best {
					best, second, id = x, best, k
				} else {
					second = x
				}
			}
		}
		if float64(best)-float64(second) > m.margin {
			return int32(id)
		}
	}
	return s.predictExact(m, words, i, p1, p2)
}

// addStatic adds to the scores the ten features of word i that are not in
// the previous tags' row: everything but bias, i-1 tag, i-2 tag and i tag+i-2
// tag. Where it can, it adds a known word's packs instead of two features.
func (s *scratch) addStatic(m *model, words []string, i int, p1 int32) {
	sc := &s.scores
	w := words[i]
	c := i + 2 // index into norm and suf
	cur := &m.entries[s.norm[c]]
	if !m.packed {
		m.add(sc, m.entries[s.rawSuffix(m, w, i)].suf[sI])
		m.add(sc, cur.word[wI])
		m.add(sc, m.entries[s.norm[c-1]].word[wPrev])
		m.add(sc, m.entries[s.suf[c-1]].suf[sPrev])
		m.add(sc, m.entries[s.norm[c+1]].word[wNext])
		m.add(sc, m.entries[s.suf[c+1]].suf[sNext])
	} else {
		// A pack is keyed on the normalised word, so an unknown word
		// (entry 0) still needs its suffix's feature on its own.
		if s.norm[c] != 0 && s.rsuf[i] == s.suf[c] {
			m.add(sc, cur.self)
		} else {
			m.add(sc, cur.word[wI])
			m.add(sc, m.entries[s.rawSuffix(m, w, i)].suf[sI])
		}
		if k := s.norm[c-1]; k != 0 {
			m.add(sc, m.entries[k].prev)
		} else {
			m.add(sc, m.entries[s.suf[c-1]].suf[sPrev])
		}
		if k := s.norm[c+1]; k != 0 {
			m.add(sc, m.entries[k].next)
		} else {
			m.add(sc, m.entries[s.suf[c+1]].suf[sNext])
		}
	}
	m.add(sc, m.pref1[pref(w)])
	m.add(sc, m.tagWord(cur, p1))
	m.add(sc, m.entries[s.norm[c-2]].word[wPrev2])
	m.add(sc, m.entries[s.norm[c+2]].word[wNext2])
}

// predictExact scores word i adding the features in prose's order, so that
// every float32 sum rounds as prose's does, and breaks ties as prose does,
// toward the lowest class.
func (s *scratch) predictExact(m *model, words []string, i int, p1, p2 int32) int32 {
	sc := &s.scores
	nc := len(m.classes)
	clear(sc[:nc])
	w := words[i]
	c := i + 2
	cur := &m.entries[s.norm[c]]
	nt := m.numTags + 1

	m.add(sc, m.bias)
	m.add(sc, m.entries[s.rawSuffix(m, w, i)].suf[sI])
	m.add(sc, m.pref1[pref(w)])
	m.add(sc, m.prevTag[p1])
	m.add(sc, m.prev2Tag[p2])
	m.add(sc, m.tagPair[p1*nt+p2])
	m.add(sc, cur.word[wI])
	m.add(sc, m.tagWord(cur, p1))
	m.add(sc, m.entries[s.norm[c-1]].word[wPrev])
	m.add(sc, m.entries[s.suf[c-1]].suf[sPrev])
	m.add(sc, m.entries[s.norm[c-2]].word[wPrev2])
	m.add(sc, m.entries[s.norm[c+1]].word[wNext])
	m.add(sc, m.entries[s.suf[c+1]].suf[sNext])
	m.add(sc, m.entries[s.norm[c+2]].word[wNext2])

	best, id := float32(math.Inf(-1)), int32(-1)
	for k, v := range sc[:nc] {
		if v > best {
			best, id = v, int32(k)
		}
	}
	return id
}

// tagWord returns the "i-1 tag+i word" feature of word e after tag p1.
func (m *model) tagWord(e *entry, p1 int32) feature {
	if m.tagMasks {
		bit := uint64(1) << p1
		if e.twMask&bit == 0 {
			return 0
		}
		return m.tagWords[e.twLo+int32(bits.OnesCount64(e.twMask&(bit-1)))].feat
	}
	for _, tw := range m.tagWords[e.twLo:e.twHi] {
		if tw.tag == p1 {
			return tw.feat
		}
	}
	return 0
}

// rawSuffix returns the entry of the last three bytes of word i, w, as
// written.
func (s *scratch) rawSuffix(m *model, w string, i int) int32 {
	if r := s.rsuf[i]; r >= 0 {
		return r
	}
	return m.index[w[len(w)-3:]]
}

// pref returns the index into model.pref1 for w: its first byte, or 256 for
// the empty word.
func pref(w string) int {
	if w == "" {
		return 256
	}
	return int(w[0])
}

// add adds feature f's weights to the scores.
func (m *model) add(sc *[maxClasses]float32, f feature) {
	ps := m.pairs[f>>refBits:][:f&refMask]
	// Two at a time: a feature's classes are distinct, so the order of its
	// adds does not matter.
	for len(ps) >= 2 {
		a, b := ps[0], ps[1]
		sc[a.class] += a.w
		sc[b.class] += b.w
		ps = ps[2:]
	}
	if len(ps) == 1 {
		sc[ps[0].class] += ps[0].w
	}
}

// tagID returns the number of a tag that is not a class: a bracket token
// passed through as its own tag. Tags no feature mentions share the unknown
// number.
func (m *model) tagID(tag string) int32 {
	if t, ok := m.tagIndex[tag]; ok {
		return t
	}
	return m.numTags
}

// isTrace reports whether w is a Penn Treebank empty element, which prose
// tags -NONE-: "0", "*", "*" + one letter, digit, '_' or '?' + "*" ("*U*",
// "*?*"), "*-" + one to three digits ("*-1"), or "*" + capitals + "*-" + one
// to three digits ("*T*-2", "*EXP*-1").
func isTrace(w string) bool {
	switch {
	case w == "0" || w == "*":
		return true
	case len(w) < 3 || w[0] != '*':
		return false
	case len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?'):
		return true
	case w[1] == '-':
		return isIndex(w[2:])
	}
	j := 1
	for j < len(w) && w[j] >= 'A' && w[j] <= 'Z' {
		j++
	}
	return j > 1 && j+2 < len(w) && w[j] == '*' && w[j+1] == '-' && isIndex(w[j+2:])
}

// isIndex reports whether s is one to three ASCII digits.
func isIndex(s string) bool {
	if len(s) < 1 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isWordByte reports whether c is an ASCII letter, digit or underscore.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// isBracket reports whether w is a bracket token such as -LRB- or -RCB-: a
// hyphen, three capitals, a hyphen. prose passes these through as their own
// tags.
func isBracket(w string) bool {
	return len(w) == 5 && w[0] == '-' && w[4] == '-' &&
		w[1] >= 'A' && w[1] <= 'Z' && w[2] >= 'A' && w[2] <= 'Z' && w[3] >= 'A' && w[3] <= 'Z'
}

// isYear reports whether a four-byte w is what strconv.Atoi accepts: an
// optional sign and digits. prose normalises those to !YEAR.
func isYear(w string) bool {
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i = 1
	}
	for ; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// needsLower reports whether prose lower-cases w with strings.ToLower: it has
// an ASCII capital or any non-ASCII byte. (The result may equal w.)
func needsLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// appendLower appends strings.ToLower(w) to b: byte for byte the same,
// including the U+FFFD that replaces each invalid UTF-8 byte.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n - 1
	}
	return b
}
