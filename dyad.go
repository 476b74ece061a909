// Package dyad holds the domain types every stage of the dyad pipeline shares:
// the input document, the analysis each stage adds to, and the output record
// (the output contract documented in docs/ARCHITECTURE.md).
//
// All positions are half-open spans of Unicode code points (runes) into the
// document text as given to the pipeline. Tokens carry byte offsets as well,
// so stages can slice Go strings without recounting.
package dyad

import (
	"encoding/json"
	"fmt"
)

// Doc is one input article.
type Doc struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD when known
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Span is a half-open range [Start, End) of runes in a document's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of runes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one rune.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// OptString is a string that encodes as JSON null when empty.
type OptString string

// MarshalJSON writes null for the empty string.
func (s OptString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON accepts a string or null.
func (s *OptString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = OptString(v)
	return nil
}

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text string `json:"text"`
	// Tag is the Penn Treebank part-of-speech tag (NNP, VBD, ...).
	Tag string `json:"tag"`
	// Start and End are rune offsets into the document text.
	Start int `json:"start"`
	End   int `json:"end"`
	// ByteStart and ByteEnd are byte offsets into the document text.
	ByteStart int `json:"-"`
	ByteEnd   int `json:"-"`
	// Lower is Text in lower case; Lemma is its dictionary key (see
	// text.Lemma): "held" → "hold", "talks" → "talk".
	Lower string `json:"-"`
	Lemma string `json:"-"`
}

// Sentence is one sentence of the coded body, with its tokens.
type Sentence struct {
	Start     int     `json:"start"`
	End       int     `json:"end"`
	ByteStart int     `json:"-"`
	ByteEnd   int     `json:"-"`
	Tokens    []Token `json:"-"`
	// Paragraph is the index of the paragraph (blank-line separated block)
	// the sentence starts in.
	Paragraph int `json:"paragraph"`
}

// Dateline is the "TEHRAN, July 24 (Reuters) -" prefix of a wire story.
type Dateline struct {
	Place  string `json:"place"`
	Agency string `json:"agency,omitempty"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Error is a failure tied to one input document and the stage that failed.
type Error struct {
	Doc   string // document id or input name
	Stage string // "read", "text", "actor", "event", ...
	Err   error
}

// Error formats the failure as "doc: stage: reason".
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s: %v", e.Doc, e.Stage, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
