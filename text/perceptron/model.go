package perceptron

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
)

// The model file layout is prose's "flat" format (documented in prose's
// internal/flat package). All integers are little-endian:
//
//	"PROSETAG"  8-byte magic
//	version     uint32, 1
//	nClasses    uint32, then per class a uint16 length and the name
//	nFeatures   uint32
//	nPairs      uint32
//	blobLen     uint32, then the feature strings, concatenated
//	featOff     nFeatures+1 uint32 offsets into the blob
//	pairOff     nFeatures+1 uint32 offsets into the two arrays below
//	classIDs    nPairs uint8
//	weights     nPairs float32
//	nTagMap     uint32, then per entry a uint16 length, the word, a uint8 class
const (
	modelMagic   = "PROSETAG"
	modelVersion = 1
	maxClasses   = 256 // class IDs are stored as uint8
)

// The feature templates, as prose spells them. A feature string is one of
// these prefixes followed by its value.
const (
	tplBias       = "bias"
	tplSuffix     = "i suffix "
	tplPref1      = "i pref1 "
	tplPrevTag    = "i-1 tag "
	tplPrev2Tag   = "i-2 tag "
	tplTagPair    = "i tag+i-2 tag "
	tplWord       = "i word "
	tplTagWord    = "i-1 tag+i word "
	tplPrevWord   = "i-1 word "
	tplPrevSuffix = "i-1 suffix "
	tplPrev2Word  = "i-2 word "
	tplNextWord   = "i+1 word "
	tplNextSuffix = "i+1 suffix "
	tplNext2Word  = "i+2 word "
)

// The context padding and the previous-tag sentinels at a sentence's edges.
const (
	startWord  = "-START-"
	start2Word = "-START2-"
	endWord    = "-END-"
	end2Word   = "-END2-"
)

// The forms that normalisation maps whole classes of words to.
const (
	hyphenWord = "!HYPHEN"
	yearWord   = "!YEAR"
	digitsWord = "!DIGITS"
)

// Indices into entry.word, one per word-valued template.
const (
	wI = iota // "i word"
	wPrev
	wPrev2
	wNext
	wNext2
)

// Indices into entry.suf, one per suffix-valued template.
const (
	sI = iota // "i suffix" (of the raw word)
	sPrev
	sNext
)

// A feature is an index into model.start; feature 0 is the empty feature,
// which has no weights, so "absent" needs no branch when scoring.
type feature = int32

// pair is one class's weight for a feature.
type pair struct {
	w     float32
	class uint8
}

// entry gathers every feature keyed on one string: the features where the
// string is a normalised word (at each of the five positions), a suffix (at
// each of the three), the word of a previous-tag+word feature, and the
// string's own unambiguous tag.
type entry struct {
	word  [5]feature
	suf   [3]feature
	twLo  int32 // tagWords[twLo:twHi] are this word's "i-1 tag+i word" features
	twHi  int32
	class int16 // class from the model's unambiguous-word list, or -1
	emoti bool  // the string is an emoticon
}

// tagWord is one "i-1 tag+i word" feature of a word, under one previous tag.
type tagWord struct {
	tag  int32
	feat feature
}

// model is the decoded model, arranged for lookup. It is immutable once built.
type model struct {
	classes []string // class ID -> Penn tag

	start []uint32 // feature f's weights are pairs[start[f]:start[f+1]]
	pairs []pair

	index    map[string]int32 // key string -> entries index
	entries  []entry          // entries[0] is the empty entry
	tagWords []tagWord

	bias  feature
	pref1 [257]feature // by first byte; [256] for the empty word

	// Tags, numbered: classes first, then the sentinels and any other tag
	// the features mention; numTags is the "unknown tag", which no feature
	// mentions.
	tagIndex map[string]int32
	numTags  int32
	prevTag  []feature // "i-1 tag", by tag
	prev2Tag []feature // "i-2 tag", by tag
	tagPair  []feature // "i tag+i-2 tag", by tag1*(numTags+1)+tag2

	// Tag numbers of the special-case outputs and the sentence-start
	// sentinels.
	tagDash, tagSYM, tagNN, tagNone, tagStart, tagStart2 int32

	// Entries of the context padding and the normalised forms, and of their
	// three-byte suffixes, looked up once.
	padEntry, padSuf       [4]int32 // -START-, -START2-, -END-, -END2-
	hyphenEntry, hyphenSuf int32
	yearEntry, yearSuf     int32
	digitsEntry, digitsSuf int32
}

// reader walks the model bytes, remembering the first error.
type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) take(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.pos {
		r.err = fmt.Errorf("model truncated reading %s: need %d bytes at offset %d, have %d",
			what, n, r.pos, len(r.b)-r.pos)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *reader) u32(what string) int {
	b := r.take(4, what)
	if b == nil {
		return 0
	}
	v := binary.LittleEndian.Uint32(b)
	if uint64(v) > math.MaxInt32 {
		r.err = fmt.Errorf("model %s is %d, too large", what, v)
		return 0
	}
	return int(v)
}

func (r *reader) str16(what string) string {
	b := r.take(2, what)
	if b == nil {
		return ""
	}
	return string(r.take(int(binary.LittleEndian.Uint16(b)), what))
}

// decode builds a model from bytes in prose's flat format. data is not
// retained.
func decode(data []byte) (*model, error) {
	r := &reader{b: data}
	if string(r.take(len(modelMagic), "magic")) != modelMagic {
		return nil, errors.New("decode model: not a prose flat tagger model")
	}
	if v := r.u32("version"); r.err == nil && v != modelVersion {
		return nil, fmt.Errorf("decode model: unsupported version %d (want %d)", v, modelVersion)
	}
	nClasses := r.u32("class count")
	if r.err == nil && nClasses > maxClasses {
		return nil, fmt.Errorf("decode model: %d classes, the format allows %d", nClasses, maxClasses)
	}
	m := &model{}
	if r.err == nil {
		m.classes = make([]string, nClasses)
		for i := range m.classes {
			m.classes[i] = r.str16("class name")
		}
	}
	nFeat := r.u32("feature count")
	nPairs := r.u32("pair count")
	blobLen := r.u32("blob length")
	blobBytes := r.take(blobLen, "feature strings")
	featOff := r.take(4*(nFeat+1), "feature offsets")
	pairOff := r.take(4*(nFeat+1), "pair offsets")
	classIDs := r.take(nPairs, "class IDs")
	weights := r.take(4*nPairs, "weights")
	nTagMap := r.u32("tag map size")
	if r.err != nil {
		return nil, fmt.Errorf("decode model: %w", r.err)
	}

	// One copy of the feature strings; every key below is a substring of it.
	blob := string(blobBytes)

	m.pairs = make([]pair, nPairs)
	for i := range m.pairs {
		c := classIDs[i]
		if int(c) >= nClasses {
			return nil, fmt.Errorf("decode model: weight %d has class %d, only %d classes", i, c, nClasses)
		}
		m.pairs[i] = pair{
			w:     math.Float32frombits(binary.LittleEndian.Uint32(weights[4*i:])),
			class: c,
		}
	}

	// Feature numbers are shifted by one so that 0 is the empty feature.
	m.start = make([]uint32, nFeat+2)
	b := newBuilder(m, nFeat)
	var prevF, prevP uint32
	for i := 0; i < nFeat; i++ {
		f0 := binary.LittleEndian.Uint32(featOff[4*i:])
		f1 := binary.LittleEndian.Uint32(featOff[4*i+4:])
		p0 := binary.LittleEndian.Uint32(pairOff[4*i:])
		p1 := binary.LittleEndian.Uint32(pairOff[4*i+4:])
		if f0 != prevF || f1 < f0 || uint64(f1) > uint64(len(blob)) ||
			p0 != prevP || p1 < p0 || uint64(p1) > uint64(nPairs) {
			return nil, fmt.Errorf("decode model: feature %d has bad offsets", i)
		}
		prevF, prevP = f1, p1
		m.start[i+1] = p0
		m.start[i+2] = p1
		b.add(blob[f0:f1], feature(i+1))
	}

	for i := 0; i < nTagMap; i++ {
		w := r.str16("tag map word")
		c := r.take(1, "tag map class")
		if r.err != nil {
			return nil, fmt.Errorf("decode model: %w", r.err)
		}
		if int(c[0]) >= nClasses {
			return nil, fmt.Errorf("decode model: tag map word %q has class %d, only %d classes", w, c[0], nClasses)
		}
		k := b.key(w)
		if e := &m.entries[k]; e.class < 0 {
			e.class = int16(c[0])
		}
	}
	b.finish()
	return m, nil
}

// builder accumulates the features as they are read, then lays out the tag
// tables once every tag is known.
type builder struct {
	m        *model
	tagWords [][]tagWord // per entry, before flattening
	tagFeats []tagFeat
}

// tagFeat is a feature keyed on one or two tags, kept until the tag count is
// known.
type tagFeat struct {
	kind   byte // 1: i-1 tag, 2: i-2 tag, 3: tag pair
	t1, t2 int32
	f      feature
}

func newBuilder(m *model, nFeat int) *builder {
	m.index = make(map[string]int32, nFeat/3)
	m.entries = make([]entry, 1, nFeat/3)
	m.entries[0].class = -1
	m.tagIndex = make(map[string]int32, 64)
	for i, c := range m.classes {
		if _, dup := m.tagIndex[c]; !dup {
			m.tagIndex[c] = int32(i)
		}
	}
	m.numTags = int32(len(m.classes))
	b := &builder{m: m, tagWords: make([][]tagWord, 1, nFeat/3)}
	m.tagStart = b.tag(startWord)
	m.tagStart2 = b.tag(start2Word)
	return b
}

// key returns the entry of s, creating it if need be.
func (b *builder) key(s string) int32 {
	if i, ok := b.m.index[s]; ok {
		return i
	}
	i := int32(len(b.m.entries))
	b.m.entries = append(b.m.entries, entry{class: -1})
	b.tagWords = append(b.tagWords, nil)
	b.m.index[s] = i
	return i
}

// tag returns the number of tag s, assigning the next one if need be.
func (b *builder) tag(s string) int32 {
	if t, ok := b.m.tagIndex[s]; ok {
		return t
	}
	t := b.m.numTags
	b.m.tagIndex[s] = t
	b.m.numTags++
	return t
}

// set stores f in *slot unless an earlier feature with the same string got
// there first (a binary search finds the first of equal strings).
func set(slot *feature, f feature) {
	if *slot == 0 {
		*slot = f
	}
}

// add files feature f, whose string is s, under the key its lookup will use.
// A feature whose string no lookup can ever produce is dropped: a suffix of
// more than three bytes, a first byte of more than one, a tag with a space
// (prose's tags have none, so the first space splits a two-part value).
func (b *builder) add(s string, f feature) {
	m := b.m
	switch {
	case s == tplBias:
		set(&m.bias, f)
	case strings.HasPrefix(s, tplSuffix):
		b.suffix(s[len(tplSuffix):], sI, f)
	case strings.HasPrefix(s, tplPrevSuffix):
		b.suffix(s[len(tplPrevSuffix):], sPrev, f)
	case strings.HasPrefix(s, tplNextSuffix):
		b.suffix(s[len(tplNextSuffix):], sNext, f)
	case strings.HasPrefix(s, tplPref1):
		switch v := s[len(tplPref1):]; len(v) {
		case 0:
			set(&m.pref1[256], f)
		case 1:
			set(&m.pref1[v[0]], f)
		}
	case strings.HasPrefix(s, tplWord):
		b.word(s[len(tplWord):], wI, f)
	case strings.HasPrefix(s, tplPrevWord):
		b.word(s[len(tplPrevWord):], wPrev, f)
	case strings.HasPrefix(s, tplPrev2Word):
		b.word(s[len(tplPrev2Word):], wPrev2, f)
	case strings.HasPrefix(s, tplNextWord):
		b.word(s[len(tplNextWord):], wNext, f)
	case strings.HasPrefix(s, tplNext2Word):
		b.word(s[len(tplNext2Word):], wNext2, f)
	case strings.HasPrefix(s, tplPrevTag):
		if v := s[len(tplPrevTag):]; !strings.Contains(v, " ") {
			b.tagFeats = append(b.tagFeats, tagFeat{kind: 1, t1: b.tag(v), f: f})
		}
	case strings.HasPrefix(s, tplPrev2Tag):
		if v := s[len(tplPrev2Tag):]; !strings.Contains(v, " ") {
			b.tagFeats = append(b.tagFeats, tagFeat{kind: 2, t1: b.tag(v), f: f})
		}
	case strings.HasPrefix(s, tplTagPair):
		t1, t2, ok := strings.Cut(s[len(tplTagPair):], " ")
		if ok && !strings.Contains(t2, " ") {
			b.tagFeats = append(b.tagFeats, tagFeat{kind: 3, t1: b.tag(t1), t2: b.tag(t2), f: f})
		}
	case strings.HasPrefix(s, tplTagWord):
		t, w, ok := strings.Cut(s[len(tplTagWord):], " ")
		if ok {
			e := b.key(w)
			b.tagWords[e] = append(b.tagWords[e], tagWord{tag: b.tag(t), feat: f})
		}
	}
}

func (b *builder) suffix(v string, slot int, f feature) {
	if len(v) <= 3 {
		k := b.key(v) // may grow entries: index it afterwards
		set(&b.m.entries[k].suf[slot], f)
	}
}

func (b *builder) word(v string, slot int, f feature) {
	k := b.key(v)
	set(&b.m.entries[k].word[slot], f)
}

// finish lays out the tag tables and the flattened tag+word lists, adds the
// emoticons, and looks up the fixed strings.
func (b *builder) finish() {
	m := b.m
	for _, e := range emoticons {
		k := b.key(e)
		m.entries[k].emoti = true
	}

	// Tags the special cases return; they get numbers even if no feature
	// mentions them, which is harmless.
	m.tagDash = b.tag("-")
	m.tagSYM = b.tag("SYM")
	m.tagNN = b.tag("NN")
	m.tagNone = b.tag("-NONE-")

	// Look up the fixed strings last, so that their entries exist.
	for i, w := range [4]string{startWord, start2Word, endWord, end2Word} {
		m.padEntry[i], m.padSuf[i] = b.key(w), b.key(suffix3(w))
	}
	m.hyphenEntry, m.hyphenSuf = b.key(hyphenWord), b.key(suffix3(hyphenWord))
	m.yearEntry, m.yearSuf = b.key(yearWord), b.key(suffix3(yearWord))
	m.digitsEntry, m.digitsSuf = b.key(digitsWord), b.key(suffix3(digitsWord))

	n := m.numTags + 1 // one more: the unknown tag
	m.prevTag = make([]feature, n)
	m.prev2Tag = make([]feature, n)
	m.tagPair = make([]feature, n*n)
	for _, tf := range b.tagFeats {
		switch tf.kind {
		case 1:
			set(&m.prevTag[tf.t1], tf.f)
		case 2:
			set(&m.prev2Tag[tf.t1], tf.f)
		case 3:
			set(&m.tagPair[tf.t1*n+tf.t2], tf.f)
		}
	}

	total := 0
	for _, tw := range b.tagWords {
		total += len(tw)
	}
	m.tagWords = make([]tagWord, 0, total)
	for i, tw := range b.tagWords {
		e := &m.entries[i]
		e.twLo = int32(len(m.tagWords))
		for _, x := range tw {
			if !hasTag(m.tagWords[e.twLo:], x.tag) { // first of equal strings wins
				m.tagWords = append(m.tagWords, x)
			}
		}
		e.twHi = int32(len(m.tagWords))
	}
}

func hasTag(tw []tagWord, t int32) bool {
	for _, x := range tw {
		if x.tag == t {
			return true
		}
	}
	return false
}

// suffix3 returns the last three bytes of w, or w if it is shorter.
func suffix3(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}
