// Package perceptron is a fast re-implementation of the scoring half of
// prose's English part-of-speech tagger.
//
// # Why this exists
//
// dyad tags every token it codes, and profiling showed that most of its time
// went into github.com/jdkato/prose/v3/tag.(*Tagger).TagTokens. prose keeps its
// averaged-perceptron model as one sorted blob of ~75,000 feature strings and
// finds each of the fourteen features of a token by binary search, so tagging a
// token costs some 230 string comparisons.
//
// This package decodes the same model once and rearranges it for lookup:
//
//   - every string that a feature is keyed on (a normalised word, a suffix, a
//     raw word of the model's unambiguous-word list) becomes one key of a Go
//     map, whose value is a small record holding all the features that string
//     takes part in, so a lower-case word costs one or two map lookups in all;
//   - the features keyed on the two previous tags become dense tables indexed
//     by tag number;
//   - a feature's weights are a contiguous run of (class, weight) pairs.
//
// # The tags and the model are prose's
//
// The model is prose's own (github.com/jdkato/prose/v3/tag/aptagmodel, in
// prose's documented "flat" format), and Tag gives exactly the tags prose's
// tag.New().TagTokens gives: the same special cases (the "-" token,
// emoticons, "@" handles, Penn Treebank traces, bracket tokens such as
// -LRB-), the same unambiguous-word list, the same word normalisation, the
// same fourteen feature templates, and the same argmax, including the float32
// summation order and the tie-break toward the lowest class number. The
// equivalence tests tag thousands of sentences with both taggers and require
// every tag to agree.
//
// Only the code is new. The design it reproduces (Honnibal's averaged
// perceptron as ported by prose) and the model data are prose's, which is
// Copyright (c) 2017-2026 Joseph Kato and MIT-licensed; see
// the repository's NOTICE file.
//
// # Cost
//
// Decoding the model takes a few milliseconds and a few megabytes of heap; it
// happens once per process, on the first call to New. Tagging allocates
// nothing once a scratch buffer is pooled.
package perceptron
