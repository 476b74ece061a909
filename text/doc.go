// Package text is the first stage of the dyad pipeline: it turns a
// document's raw text into the sentences and tokens every later stage reads.
//
// Analyze does four things, in order, and never changes the text: every
// offset it writes indexes dyad.Doc.Text exactly as given (runes in Start
// and End, bytes in ByteStart and ByteEnd).
//
//  1. Validation. Invalid UTF-8, text that looks binary (more than 10% NUL,
//     control or replacement characters) and empty text are rejected with a
//     plain error (ErrInvalidUTF8, ErrBinary, ErrEmpty, possibly wrapped);
//     the pipeline adds the document id.
//  2. Cleaning. The body to code is found by leaving out what is not
//     reporting. At the head: breadcrumbs ("Home > World > Middle East"),
//     bylines ("By Jane Smith", "Reporting by ..."), time stamps
//     ("Published: ...") and a wire dateline ("TEHRAN, July 24 (Reuters) -",
//     "Tehran(IP)-", "Damascus, SANA_", "LYON:"), which is kept apart in
//     dyad.Dateline. At the tail: trailers ("Read more:", "Related:",
//     "Subscribe to ...", "(Reporting by ...)") and everything after them.
//     The body is one dyad.Span and sentences come only from inside it. Two
//     web-page shapes leave holes in it that no sentence covers: a headline
//     kept as the first sentence above the byline and dateline, and a
//     promotion line ("Read more: ...") with the article going on after it.
//  3. Sentences. The body is cut into paragraphs (blank lines, and single
//     newlines that start a new paragraph in plain-text articles: after a
//     sentence end, after a short heading line, before a list item); each
//     paragraph is segmented with prose's Punkt segmenter, then repaired:
//     titles and ranks ("Brig. Gen.", "Sgt.", "Mr."), initials
//     ("George W. Bush"), acronyms before a name ("the U.S. Treasury") and
//     dates ("Jan. 5") do not end a sentence; a closing quotation mark stays
//     with the sentence it closes; a lower-case word does not start one; and
//     a boundary Punkt misses after "U.S." or a closing single quote is
//     added. A sentence never crosses a paragraph; dyad.Sentence.Paragraph
//     counts the paragraphs of the body from 0.
//  4. Tokens. Each sentence is tokenized as prose's tokenizer does (acronyms
//     and listed abbreviations stay whole, "'s" and "’s" are split off) with
//     dashes and curly quotes as tokens of their own, and tagged with prose's
//     averaged-perceptron Penn Treebank tagger. Every token carries its
//     lower-case form and its Lemma, the key the dictionaries are matched on.
//
// The word lists the stage relies on (abbreviations, news agencies,
// irregular forms) are data files under data/, embedded in the binary.
// The prose models are loaded once per process and shared; Analyze, Lemma
// and Tokenize are safe for concurrent use.
//
// Speed: BenchmarkAnalyze reports sentences per second on testdata/news.txt;
// prose's tagger takes about three quarters of the time.
package text
