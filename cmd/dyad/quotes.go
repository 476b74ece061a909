package main

import "io"

const quotesHead = `Usage: dyad quotes [flags] PATH... | -

Finds the quotations in news documents and prints them for people: who
said what, with the speaker's actor code and entity, the word that
attributes the quotation (said, told, according to) and its text. Indirect
speech ("X said that ...") is listed too, marked [indirect]. It is
"dyad code --format quotes"; --format jsonl gives the full records.

Example:
  dyad quotes examples/34_ghana_togo_border_talks_quotes.txt

  ── examples/34_ghana_togo_border_talks_quotes.txt · Accra (Reuters) · 17 sentences, 11 quotes
  ...
  Asante (GHAGOV, e1) told:
      "We did not come here to score points. We came to put our traders back to
      work,"
  he (GHAGOV, e1) said:
      "For three months, lorries have queued for kilometres on both sides of the
      border. Families have been cut off from their markets and their relatives. …
      "That ends now,"

Inputs are those of dyad code:
  FILE.txt, FILE.jsonl, DIR (recursively), - for standard input.
`

const quotesTail = dictHelp + `
Exit status: 0 all documents coded, 1 some failed, 2 usage error.
`

// runQuotes implements "dyad quotes": dyad code with the quotes format.
func runQuotes(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCoding(codeCommand{name: "quotes", head: quotesHead, tail: quotesTail, format: "quotes"}, args, stdin, stdout, stderr)
}
