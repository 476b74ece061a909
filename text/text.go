package text

import (
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text/perceptron"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// Errors Analyze returns for text it cannot analyse. They may be wrapped
// with detail; test with errors.Is.
var (
	// ErrEmpty is returned for empty or whitespace-only text.
	ErrEmpty = errors.New("empty document")
	// ErrInvalidUTF8 is returned for text that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrBinary is returned for text with too many NUL, control or
	// replacement characters to be prose.
	ErrBinary = errors.New("text looks binary")
)

// binaryShare is the share of suspicious characters (NUL and other control
// characters, U+FFFD) above which text is taken for binary data.
const binaryShare = 0.10

// models holds what Analyze needs, built once per process.
type models struct {
	seg *segment.Segmenter
	tok *tokenize.Tokenizer
	tag *perceptron.Tagger // prose's English model, scored by text/perceptron
	t   *tables
}

var loadModels = sync.OnceValues(func() (*models, error) {
	tk, err := loadTokenizer()
	if err != nil {
		return nil, err
	}
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("loading sentence model: %w", err)
	}
	tg, err := perceptron.New()
	if err != nil {
		return nil, fmt.Errorf("loading tagger model: %w", err)
	}
	return &models{seg: seg, tok: tk.tok, tag: tg, t: tk.t}, nil
})

// Analyze fills a.Body, a.Dateline and a.Sentences for a.Doc.Text: it finds
// the body to code (leaving out dateline, bylines, breadcrumbs and
// trailers), splits it into sentences and tokens and tags each token with
// its Penn Treebank part of speech, lower-case form and Lemma. Offsets index
// a.Doc.Text unchanged: Start/End in runes, ByteStart/ByteEnd in bytes.
//
// It returns an error, and leaves a unchanged, for invalid UTF-8, text that
// looks binary and empty text (see ErrInvalidUTF8, ErrBinary, ErrEmpty).
// Analyze is safe for concurrent use on different Analysis values.
func Analyze(a *dyad.Analysis) (err error) {
	if a == nil {
		return errors.New("nil analysis")
	}
	s := a.Doc.Text
	ascii, err := validate(s)
	if err != nil {
		return err
	}
	m, err := loadModels()
	if err != nil {
		return err
	}
	defer func() {
		// The stage must not take the process down on odd input; a fault
		// in a dependency becomes this document's error.
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	res := analyze(s, ascii, m)
	a.Body, a.Dateline, a.Sentences = res.body, res.dateline, res.sentences
	return nil
}

// result is what analyze produces; Analyze copies it into the Analysis
// only when all went well.
type result struct {
	body      dyad.Span
	dateline  *dyad.Dateline
	sentences []dyad.Sentence
}

// scratch is per-call working space, pooled so that steady-state analysis
// allocates little beyond its results.
type scratch struct {
	toks  []tokenize.Token // every token of the document, as prose gives them
	tags  []tag.Token      // the same, in the form the tagger sees, then tagged
	sents []sentInfo
}

// sentInfo is a sentence found before its tokens are built.
type sentInfo struct {
	r          rng
	para       int
	tok0, tok1 int // its tokens in scratch.toks
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func analyze(s string, ascii bool, m *models) result {
	var res result
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.toks) // drop references to the text
		clear(sc.tags)
		sc.toks, sc.tags, sc.sents = sc.toks[:0], sc.tags[:0], sc.sents[:0]
		scratchPool.Put(sc)
	}()

	body := findBody(s, m.t)
	for pi, para := range paragraphs(s, body, m.t) {
		for _, sr := range sentenceRanges(s, para, m) {
			lo := len(sc.toks)
			sc.toks = tokenizeRange(m.tok, m.t, s, sr.s, sr.e, sc.toks)
			if len(sc.toks) > lo {
				sc.sents = append(sc.sents, sentInfo{r: sr, para: pi, tok0: lo, tok1: len(sc.toks)})
			}
		}
	}
	for _, si := range sc.sents {
		sc.tags = tagTokens(m.tag, s, sc.toks[si.tok0:si.tok1], sc.tags)
	}

	ri := newRuneIndex(s, ascii)
	if d := body.dateline; d != nil {
		res.dateline = &dyad.Dateline{
			Place: d.place, Agency: d.agency,
			Start: ri.at(d.start), End: ri.at(d.end),
		}
	}
	res.body.Start = ri.at(body.start)
	all := make([]dyad.Token, len(sc.toks))
	res.sentences = make([]dyad.Sentence, len(sc.sents))
	for i, si := range sc.sents {
		sent := &res.sentences[i]
		sent.ByteStart, sent.ByteEnd, sent.Paragraph = si.r.s, si.r.e, si.para
		sent.Start = ri.at(si.r.s)
		for k := si.tok0; k < si.tok1; k++ {
			pt := sc.toks[k]
			lw := lower(pt.Text)
			end := pt.Start + len(pt.Text)
			all[k] = dyad.Token{
				Text:      pt.Text,
				Tag:       sc.tags[k].Tag,
				Start:     ri.at(pt.Start),
				End:       ri.at(end),
				ByteStart: pt.Start,
				ByteEnd:   end,
				Lower:     lw,
				Lemma:     Lemma(lw),
			}
		}
		sent.Tokens = all[si.tok0:si.tok1:si.tok1]
		sent.End = ri.at(si.r.e)
	}
	if len(res.sentences) == 0 {
		res.sentences = nil
	}
	res.body.End = ri.at(body.end)
	return res
}

// validate rejects text the stage cannot analyse and reports whether the
// text is pure ASCII.
func validate(s string) (ascii bool, err error) {
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return false, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, i)
			}
			i += n
		}
		return false, ErrInvalidUTF8
	}
	var runes, bad, content int
	ascii = true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			runes++
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			case c < 0x20 || c == 0x7f:
				bad++
			default:
				content++
			}
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		runes++
		switch {
		case r == utf8.RuneError || (r >= 0x80 && r <= 0x9f):
			bad++
		case isSpaceRune(r):
		default:
			content++
		}
	}
	if content == 0 && bad == 0 {
		return ascii, ErrEmpty
	}
	if float64(bad) > binaryShare*float64(runes) {
		return ascii, fmt.Errorf("%w: %d of %d characters are control or replacement characters",
			ErrBinary, bad, runes)
	}
	if content == 0 {
		return ascii, ErrEmpty
	}
	return ascii, nil
}
