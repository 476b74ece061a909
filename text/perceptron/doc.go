// Package perceptron is a fast re-implementation of the scoring half of
// prose's English part-of-speech tagger.
//
// # Why this exists
//
// dyad tags every token it codes, and profiling showed that most of its time
// went into github.com/jdkato/prose/v3/tag.(*Tagger).TagTokens. prose keeps its
// averaged-perceptron model as one sorted blob of ~75,000 feature strings and
// finds each of a token's fourteen features by binary search, some 230 string
// comparisons a token.
//
// This package decodes the same model once and rearranges it for lookup:
//
//   - every string a feature is keyed on (a normalised word, a suffix, a word
//     of the model's unambiguous-word list) is one key of a Go map, whose
//     value is a record of all the features that string takes part in and
//     of what normalisation makes of it, so a known lower-case word costs
//     one map lookup;
//   - the four features that depend only on the two previous tags (bias,
//     i-1 tag, i-2 tag, i tag+i-2 tag) are pre-summed into one dense row per
//     pair of tags;
//   - the two features a word brings to each neighbouring place (its word and
//     its suffix) are pre-summed into one run of (class, weight) pairs.
//
// # The tags and the model are prose's
//
// The model is prose's own (github.com/jdkato/prose/v3/tag/aptagmodel, in
// prose's documented "flat" format), and Tag gives exactly the tags prose's
// tag.New().TagTokens gives: the same special cases (the "-" token,
// emoticons, "@" handles, Penn Treebank traces, bracket tokens such as
// -LRB-), the same unambiguous-word list, the same word normalisation, the
// same fourteen feature templates and the same argmax with its tie-break
// toward the lowest class.
//
// Pre-summing changes the order of float32 additions, which can change a
// score's last bit. So a class the fast path picks is accepted only when it
// leads the runner-up by more than a margin derived from the model's largest
// weights (a rounding-error bound; see setMargin); otherwise the token is
// rescored adding the features in prose's order, which reproduces prose's
// float32 sums bit for bit. The tests tag a quarter of a million tokens with
// both taggers and require every tag to agree, on each path.
//
// Only the code is new. The design it reproduces (Honnibal's averaged
// perceptron as ported by prose) and the model data are prose's, which is
// Copyright (c) 2017-2026 Joseph Kato and MIT-licensed; see the repository's
// NOTICE file.
//
// # Cost
//
// Decoding the model takes some 15-30 ms and 11 MB of heap, once per process,
// on the first call to New. Tagging allocates nothing once a scratch buffer
// is pooled, and runs about ten times as fast as prose's TagTokens.
package perceptron
