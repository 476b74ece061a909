package perceptron

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
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

// A feature is where its weights are: pairs[f>>refBits:][:f&refMask].
// Feature 0 has no weights, so "absent" needs no branch when scoring.
type feature = uint32

const (
	refBits = 9 // a feature has at most maxClasses weights
	refMask = 1<<refBits - 1
	// maxPairs bounds the weights a model may have, so that a feature's
	// first weight fits in the rest of its 32 bits. prose's English model
	// has 271,206.
	maxPairs = 1 << (32 - refBits)
)

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
	word [5]feature
	suf  [3]feature
	twLo int32 // tagWords[twLo:twHi] are this word's "i-1 tag+i word" features
	twHi int32
	// twMask has bit t set if tagWords[twLo:twHi], which is sorted by tag,
	// holds tag t (when model.tagMasks).
	twMask uint64
	norm   int32 // what lookup gives for this string: its normalised form's entry,
	nsuf   int32 // that form's suffix's entry,
	rsuf   int32 // and its own suffix's entry

	// Packs: the weights of the features this string brings to a token as
	// a normalised word, pre-summed per place, for the fast path. self is
	// "i word" plus "i suffix" of the string's last three bytes (valid when
	// the raw word ends in those bytes too); prev is "i-1 word" plus "i-1
	// suffix"; next is "i+1 word" plus "i+1 suffix".
	self, prev, next feature
	class            int16 // class from the model's unambiguous-word list, or -1
	emoti            bool  // the string is an emoticon
}

// tagWord is one "i-1 tag+i word" feature of a word, under one previous tag.
type tagWord struct {
	tag  int32
	feat feature
}

// The templates, numbered for the per-template weight bounds.
const (
	tBias = iota
	tSuffix
	tPref1
	tPrevTag
	tPrev2Tag
	tTagPair
	tWord
	tTagWord
	tPrevWord
	tPrevSuffix
	tPrev2Word
	tNextWord
	tNextSuffix
	tNext2Word
	numTemplates
)

// model is the decoded model, arranged for lookup. It is immutable once built.
type model struct {
	classes []string // class ID -> Penn tag

	pairs     []pair
	nFeatures int

	index    map[string]int32 // key string -> entries index
	entries  []entry          // entries[0] is the empty entry
	tagWords []tagWord
	tagMasks bool // tags fit entry.twMask

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

	// tagRows holds, for each pair of previous tags, the scores of the four
	// features that depend on nothing else (bias, i-1 tag, i-2 tag, i tag+i-2
	// tag), summed: row p1*(numTags+1)+p2, len(classes) wide.
	tagRows []float32

	// packed reports whether the entries' packs are built.
	packed bool

	// margin is how far the fast scores' best must lead the runner-up for
	// the exact scores to be sure to agree; +Inf turns the fast path off.
	// See (*scratch).predict.
	margin float64

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
		seen := make(map[string]bool, nClasses)
		for i := range m.classes {
			c := r.str16("class name")
			if seen[c] && r.err == nil {
				// Tags are compared by name; two classes with one name
				// would make a class number ambiguous.
				return nil, fmt.Errorf("decode model: class %q listed twice", c)
			}
			seen[c] = true
			m.classes[i] = c
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

	if nPairs >= maxPairs {
		return nil, fmt.Errorf("decode model: %d weights, this tagger handles %d", nPairs, maxPairs-1)
	}
	m.nFeatures = nFeat
	b := newBuilder(m, nFeat)
	var prevF, prevP uint32
	prev := ""
	for i := 0; i < nFeat; i++ {
		f0 := binary.LittleEndian.Uint32(featOff[4*i:])
		f1 := binary.LittleEndian.Uint32(featOff[4*i+4:])
		p0 := binary.LittleEndian.Uint32(pairOff[4*i:])
		p1 := binary.LittleEndian.Uint32(pairOff[4*i+4:])
		if f0 != prevF || f1 < f0 || uint64(f1) > uint64(len(blob)) ||
			p0 != prevP || p1 < p0 || uint64(p1) > uint64(nPairs) || p1-p0 > maxClasses {
			return nil, fmt.Errorf("decode model: feature %d has bad offsets", i)
		}
		// prose requires the strings sorted and distinct (it binary-searches
		// them); so does this, which means each feature has a slot of its own.
		fs := blob[f0:f1]
		if i > 0 && fs <= prev {
			return nil, fmt.Errorf("decode model: feature %d (%q) out of order", i, fs)
		}
		prevF, prevP, prev = f1, p1, fs
		b.add(fs, p0<<refBits|(p1-p0))
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
	keys     []string    // entry -> its string
	tagWords [][]tagWord // per entry, before flattening
	tagFeats []tagFeat
	maxW     [numTemplates]float64 // largest |weight| of each template
	fastOK   bool                  // every weight is finite, at most one per class and feature
}

// tagFeat is a feature keyed on one or two tags, kept until the tag count is
// known.
type tagFeat struct {
	kind   int // tPrevTag, tPrev2Tag or tTagPair
	t1, t2 int32
	f      feature
}

func newBuilder(m *model, nFeat int) *builder {
	m.index = make(map[string]int32, nFeat/3)
	m.entries = make([]entry, 1, nFeat/3+1)
	m.entries[0] = entry{class: -1}
	m.tagIndex = make(map[string]int32, 64)
	for i, c := range m.classes {
		m.tagIndex[c] = int32(i)
	}
	m.numTags = int32(len(m.classes))
	b := &builder{m: m, tagWords: make([][]tagWord, 1, nFeat/3+1), keys: make([]string, 1, nFeat/3+1), fastOK: true}
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
	b.keys = append(b.keys, s)
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

// set stores f in *slot. Each slot stands for one feature string, and the
// strings are distinct, so no slot is set twice; if one were, the first
// would win, as it would in prose's binary search.
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
		b.bound(tBias, f)
	case strings.HasPrefix(s, tplSuffix):
		b.suffix(s[len(tplSuffix):], sI, tSuffix, f)
	case strings.HasPrefix(s, tplPrevSuffix):
		b.suffix(s[len(tplPrevSuffix):], sPrev, tPrevSuffix, f)
	case strings.HasPrefix(s, tplNextSuffix):
		b.suffix(s[len(tplNextSuffix):], sNext, tNextSuffix, f)
	case strings.HasPrefix(s, tplPref1):
		switch v := s[len(tplPref1):]; len(v) {
		case 0:
			set(&m.pref1[256], f)
		case 1:
			set(&m.pref1[v[0]], f)
		}
		b.bound(tPref1, f)
	case strings.HasPrefix(s, tplWord):
		b.word(s[len(tplWord):], wI, tWord, f)
	case strings.HasPrefix(s, tplPrevWord):
		b.word(s[len(tplPrevWord):], wPrev, tPrevWord, f)
	case strings.HasPrefix(s, tplPrev2Word):
		b.word(s[len(tplPrev2Word):], wPrev2, tPrev2Word, f)
	case strings.HasPrefix(s, tplNextWord):
		b.word(s[len(tplNextWord):], wNext, tNextWord, f)
	case strings.HasPrefix(s, tplNext2Word):
		b.word(s[len(tplNext2Word):], wNext2, tNext2Word, f)
	case strings.HasPrefix(s, tplPrevTag):
		if v := s[len(tplPrevTag):]; !strings.Contains(v, " ") {
			b.tagFeats = append(b.tagFeats, tagFeat{kind: tPrevTag, t1: b.tag(v), f: f})
			b.bound(tPrevTag, f)
		}
	case strings.HasPrefix(s, tplPrev2Tag):
		if v := s[len(tplPrev2Tag):]; !strings.Contains(v, " ") {
			b.tagFeats = append(b.tagFeats, tagFeat{kind: tPrev2Tag, t1: b.tag(v), f: f})
			b.bound(tPrev2Tag, f)
		}
	case strings.HasPrefix(s, tplTagPair):
		t1, t2, ok := strings.Cut(s[len(tplTagPair):], " ")
		if ok && !strings.Contains(t2, " ") {
			b.tagFeats = append(b.tagFeats, tagFeat{kind: tTagPair, t1: b.tag(t1), t2: b.tag(t2), f: f})
			b.bound(tTagPair, f)
		}
	case strings.HasPrefix(s, tplTagWord):
		t, w, ok := strings.Cut(s[len(tplTagWord):], " ")
		if ok {
			e := b.key(w)
			b.tagWords[e] = append(b.tagWords[e], tagWord{tag: b.tag(t), feat: f})
			b.bound(tTagWord, f)
		}
	}
}

// bound notes feature f's weights in its template's bound, and whether they
// are fit for the fast path: finite, and at most one per class.
func (b *builder) bound(tpl int, f feature) {
	var seen [maxClasses / 64]uint64
	for _, p := range b.m.pairs[f>>refBits:][:f&refMask] {
		w := float64(p.w)
		bit := &seen[p.class/64]
		if math.IsInf(w, 0) || math.IsNaN(w) || *bit&(1<<(p.class%64)) != 0 {
			b.fastOK = false
		}
		*bit |= 1 << (p.class % 64)
		b.maxW[tpl] = max(b.maxW[tpl], math.Abs(w))
	}
}

func (b *builder) suffix(v string, slot, tpl int, f feature) {
	if len(v) <= 3 {
		b.bound(tpl, f)
		k := b.key(v) // may grow entries: index it afterwards
		set(&b.m.entries[k].suf[slot], f)
	}
}

func (b *builder) word(v string, slot, tpl int, f feature) {
	b.bound(tpl, f)
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
		case tPrevTag:
			set(&m.prevTag[tf.t1], tf.f)
		case tPrev2Tag:
			set(&m.prev2Tag[tf.t1], tf.f)
		case tTagPair:
			set(&m.tagPair[tf.t1*n+tf.t2], tf.f)
		}
	}
	b.layTagRows()
	b.setMargin()

	// Resolve every key as lookup would, so that a known string costs one
	// map lookup.
	var buf []byte
	for k := 1; k < len(m.entries); k++ {
		w := b.keys[k]
		var rsuf, norm, nsuf int32
		_, rsuf, norm, nsuf, buf = m.resolve(w, int32(k), buf)
		if rsuf < 0 {
			rsuf = m.index[w[len(w)-3:]]
		}
		e := &m.entries[k]
		e.rsuf, e.norm, e.nsuf = rsuf, norm, nsuf
	}
	b.pack()

	total := 0
	for _, tw := range b.tagWords {
		total += len(tw)
	}
	m.tagWords = make([]tagWord, 0, total)
	for i, tw := range b.tagWords {
		e := &m.entries[i]
		e.twLo = int32(len(m.tagWords))
		m.tagWords = append(m.tagWords, tw...) // distinct tags: distinct strings
		e.twHi = int32(len(m.tagWords))
		list := m.tagWords[e.twLo:e.twHi]
		slices.SortFunc(list, func(a, b tagWord) int { return cmp.Compare(a.tag, b.tag) })
		for _, x := range list {
			if x.tag < 64 {
				e.twMask |= 1 << x.tag
			}
		}
	}
	m.tagMasks = m.numTags < 64 // every tag, the unknown one too, has a bit
}

// layTagRows sums, for each pair of previous tags, the four features that
// depend only on those tags.
func (b *builder) layTagRows() {
	m := b.m
	nc := len(m.classes)
	n := int(m.numTags + 1)
	m.tagRows = make([]float32, n*n*nc)
	for p1 := range n {
		for p2 := range n {
			row := m.tagRows[(p1*n+p2)*nc:][:nc]
			m.addTo(row, m.bias)
			m.addTo(row, m.prevTag[p1])
			m.addTo(row, m.prev2Tag[p2])
			m.addTo(row, m.tagPair[p1*n+p2])
		}
	}
}

// addTo adds feature f's weights to the scores in row.
func (m *model) addTo(row []float32, f feature) {
	for _, p := range m.pairs[f>>refBits:][:f&refMask] {
		row[p.class] += p.w
	}
}

// setMargin works out how far ahead the fast path's best class must be for
// prose's float32 arithmetic to be sure to pick it too.
//
// A token's score for a class is a sum of at most numTemplates weights, one
// per template, so no sum of a subset of them exceeds B, the sum over
// templates of the largest |weight| in each. Any order of adding n terms in
// float32 lands within gamma(n-1)*B of the exact sum, where gamma(k) is
// k*u/(1-k*u) and u = 2^-24 (Higham, Accuracy and Stability of Numerical
// Algorithms, sec. 4.2). prose's scores and the fast path's are two such
// orders, so each of prose's scores is within 2*gamma*B of the fast one;
// if the fast best leads every other class by more than 4*gamma*B, prose's
// best is the same class and strictly ahead, so its tie-break never comes
// into it.
func (b *builder) setMargin() {
	b.m.margin = math.Inf(1)
	if !b.fastOK {
		return // the fast path's reasoning needs finite weights
	}
	var sum float64
	for _, w := range b.maxW {
		sum += w
	}
	const u = 1.0 / (1 << 24)
	k := float64(numTemplates - 1)
	gamma := k * u / (1 - k*u)
	if sum < 1e30 { // far from float32 overflow
		b.m.margin = 4 * gamma * sum * 1.0001 // and a little for the float64 subtraction
	}
}

// pack builds every entry's packs. (A model so big that they would not fit
// in feature references does without them; the scorer then adds the
// features one by one.)
func (b *builder) pack() {
	m := b.m
	var dense [maxClasses]float32
	var has [maxClasses]bool
	var touched []uint8
	merge := func(f1, f2 feature) feature {
		if f1&refMask == 0 {
			return f2
		}
		if f2&refMask == 0 {
			return f1
		}
		lo := len(m.pairs)
		touched = touched[:0]
		for _, f := range [2]feature{f1, f2} {
			for _, p := range m.pairs[f>>refBits:][:f&refMask] {
				if !has[p.class] {
					has[p.class] = true
					touched = append(touched, p.class)
				}
				dense[p.class] += p.w
			}
		}
		for _, c := range touched {
			m.pairs = append(m.pairs, pair{w: dense[c], class: c})
			dense[c], has[c] = 0, false
		}
		return feature(lo)<<refBits | feature(len(m.pairs)-lo)
	}
	// Size the packs first, so that the weights are copied once.
	sufs := make([]int32, len(m.entries))
	base, extra := len(m.pairs), 0
	for k := 1; k < len(m.entries); k++ {
		sufs[k] = m.index[suffix3(b.keys[k])]
		e, s := &m.entries[k], &m.entries[sufs[k]]
		for _, fs := range [3][2]feature{
			{e.word[wI], s.suf[sI]}, {e.word[wPrev], s.suf[sPrev]}, {e.word[wNext], s.suf[sNext]},
		} {
			if fs[0]&refMask != 0 && fs[1]&refMask != 0 {
				extra += int(fs[0]&refMask + fs[1]&refMask)
			}
		}
	}
	if base+extra >= maxPairs {
		return // m.packed stays false
	}
	m.pairs = append(make([]pair, 0, base+extra), m.pairs...)
	for k := 1; k < len(m.entries); k++ {
		e, s := &m.entries[k], &m.entries[sufs[k]]
		e.self = merge(e.word[wI], s.suf[sI])
		e.prev = merge(e.word[wPrev], s.suf[sPrev])
		e.next = merge(e.word[wNext], s.suf[sNext])
	}
	m.packed = true
}

// suffix3 returns the last three bytes of w, or w if it is shorter.
func suffix3(w string) string {
	if len(w) <= 3 {
		return w
	}
	return w[len(w)-3:]
}
