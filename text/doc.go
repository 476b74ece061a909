// Package text is the first stage of the dyad pipeline: it turns a
// document's raw text into the sentences and tokens every later stage reads.
//
// Analyze does four things, in order, and never changes the text: every
// offset it writes indexes dyad.Doc.Text exactly as given (runes in Start
// and End, bytes in ByteStart and ByteEnd).
//
//  1. Validation. Invalid UTF-8, text that looks binary and empty text are
//     rejected with a plain error (ErrInvalidUTF8, ErrBinary, ErrEmpty,
//     possibly wrapped); the pipeline adds the document id.
//  2. Cleaning. The body to code is found by leaving out what is not
//     reporting: breadcrumbs ("Home > World > Middle East"), bylines
//     ("By Jane Smith", "Reporting by ..."), time stamps ("Published: ..."),
//     a wire dateline ("TEHRAN, July 24 (Reuters) -", "Tehran(IP)-",
//     "Damascus, SANA_", "LYON:"), which is kept apart in dyad.Dateline, and
//     trailers ("Read more:", "Related:", "Subscribe to ...",
//     "(Reporting by ...)") together with everything after them. The body is
//     one dyad.Span; sentences come only from inside it.
//  3. Sentences. The body is cut into paragraphs (blank lines, and single
//     newlines that start a new paragraph in plain-text articles); each
//     paragraph is segmented with prose's Punkt segmenter, then repaired:
//     titles and ranks ("Brig. Gen.", "Sgt.", "Mr."), initials
//     ("George W. Bush"), acronyms before a name ("the U.S. Treasury") and
//     dates ("Jan. 5") do not end a sentence, a closing quotation mark stays
//     with the sentence it closes, and a sentence never starts with a
//     lower-case word or crosses a paragraph.
//  4. Tokens. Each sentence is tokenized with prose's tokenizer (acronyms
//     and known abbreviations stay whole, "'s" is split off, dashes and
//     curly quotes are tokens of their own) and tagged with prose's
//     averaged-perceptron Penn Treebank tagger. Every token carries its
//     lower-case form and its Lemma, the key the dictionaries are matched on.
//
// The word lists the stage relies on (abbreviations, news agencies,
// irregular forms) are data files under data/, embedded in the binary.
// The prose models are loaded once per process and shared; Analyze, Lemma
// and Tokenize are safe for concurrent use.
package text
