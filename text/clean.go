package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bodyInfo is where the codable body of a text lies, in bytes.
type bodyInfo struct {
	start, end int
	dateline   *datelineInfo
	// holes are lines inside the body that are not text: promotions such as
	// "Read more: ..." or a photo credit in the middle of an article. No
	// sentence is made from them.
	holes []rng
}

// datelineInfo is a dateline found at the head of the body, in bytes.
type datelineInfo struct {
	place, agency string
	start, end    int
	kind          placeKind
}

// maxHeaderLines bounds how many breadcrumb, byline and time-stamp lines are
// skipped at the head of a text.
const maxHeaderLines = 12

// findBody locates the body of s: the text less the header lines
// (breadcrumbs, bylines, time stamps), the dateline, and trailers with
// everything after them. If cleaning would leave nothing, the body is the
// whole text, trimmed.
func findBody(s string, t *tables) bodyInfo {
	var b bodyInfo
	pos := 0
	lineStart := true
	for n := 0; n < maxHeaderLines; n++ {
		ls := skipSpace(s, pos, len(s))
		if ls >= len(s) {
			break
		}
		if ls > pos && strings.IndexByte(s[pos:ls], '\n') >= 0 {
			lineStart = true
		}
		le := lineEnd(s, ls)
		line := trimSpaceRight(s[ls:le])
		if lineStart && (isBreadcrumb(line) || isByline(line) || isMetaLine(line)) {
			pos = le
			continue
		}
		if b.dateline == nil {
			d, ok := parseDateline(s, ls, t)
			if !ok && lineStart {
				d, ok = bylineDateline(s, ls, le, t)
			}
			if ok {
				b.dateline = d
				pos = d.end
				lineStart = false
				continue
			}
			// A headline, then the dateline: the headline is coded, the
			// lines between and the dateline are left out.
			if d, holes, ok := titleThenDateline(s, ls, le, t); ok {
				b.dateline, b.holes = d, holes
				pos = ls
			}
		}
		break
	}
	b.start = skipSpace(s, pos, len(s))
	var trailerHoles []rng
	b.end, trailerHoles = trailers(s, b.start)
	b.holes = append(b.holes, trailerHoles...)
	b.end = trimEnd(s, b.start, b.end)
	if b.end <= b.start {
		// Only trailers: keep them rather than lose the document.
		b.end, b.holes = trimEnd(s, b.start, len(s)), nil
	}
	if b.end <= b.start {
		// Only header lines: code the whole text.
		b.dateline, b.holes = nil, nil
		b.start = skipSpace(s, 0, len(s))
		b.end = trimEnd(s, b.start, len(s))
	}
	return b
}

// maxTitle bounds the length in bytes of a headline line.
const maxTitle = 250

// titleThenDateline reads a headline on the line [ls, le), alone in its
// paragraph, followed (after any byline or time-stamp lines) by a paragraph
// that opens with a dateline with an agency or a place in capitals:
//
//	Dock workers walk out in Lisbon.
//
//	LISBON, March 4 (AFP) — Dock workers at the port walked off ...
//
// It returns the dateline and the holes to leave out of the body: the lines
// between and the dateline itself.
func titleThenDateline(s string, ls, le int, t *tables) (*datelineInfo, []rng, bool) {
	if le-ls > maxTitle || le >= len(s) {
		return nil, nil, false
	}
	if nl := lineEnd(s, le+1); skipSpace(s, le+1, nl) < nl {
		return nil, nil, false // the headline runs on: a paragraph, not a title
	}
	var holes []rng
	p := le
	for n := 0; n < maxHeaderLines; n++ {
		q := skipSpace(s, p, len(s))
		if q >= len(s) {
			break
		}
		qe := lineEnd(s, q)
		line := trimSpaceRight(s[q:qe])
		if isBreadcrumb(line) || isByline(line) || isMetaLine(line) {
			holes = append(holes, rng{q, qe})
			p = qe
			continue
		}
		d, ok := parseDateline(s, q, t)
		if !ok {
			d, ok = bylineDateline(s, q, qe, t)
		}
		if !ok || d.agency == "" && d.kind != placeCaps {
			break
		}
		return d, append(holes, rng{q, d.end}), true
	}
	return nil, nil, false
}

// isSpaceRune reports whether r is white space, counting the byte-order
// mark and zero-width spaces that editors and web pages leave behind.
func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	case '\ufeff', '\u200b', '\u200c', '\u200d', '\u2060':
		return true
	}
	return r >= 0x80 && unicode.IsSpace(r)
}

// skipSpace returns the first byte offset in [i, end) that is not white
// space, or end.
func skipSpace(s string, i, end int) int {
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:end])
		if !isSpaceRune(r) {
			return i
		}
		i += n
	}
	return end
}

// trimEnd moves end back over white space, not below start.
func trimEnd(s string, start, end int) int {
	for end > start {
		c := s[end-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				end--
				continue
			}
			return end
		}
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !isSpaceRune(r) {
			return end
		}
		end -= n
	}
	return start
}

// trimSpaceRight returns line without trailing white space.
func trimSpaceRight(line string) string { return line[:trimEnd(line, 0, len(line))] }

// trimSpaceBoth returns line without surrounding white space.
func trimSpaceBoth(line string) string {
	i := skipSpace(line, 0, len(line))
	return line[i:trimEnd(line, i, len(line))]
}

// lineEnd returns the offset of the newline ending the line that holds i,
// or len(s).
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

// hasPrefixFold reports whether s starts with prefix, which must be lower
// case ASCII, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// ---- Header lines ----

// isBreadcrumb reports whether line is a navigation trail such as
// "Home > World > Middle East".
func isBreadcrumb(line string) bool {
	if len(line) == 0 || len(line) > 160 || strings.HasSuffix(line, ".") {
		return false
	}
	for _, sep := range []string{" > ", " » ", " › ", " / ", " | ", " >> "} {
		if !strings.Contains(line, sep) {
			continue
		}
		parts := strings.Split(line, sep)
		ok := len(parts) >= 2
		for _, p := range parts {
			p = trimSpaceBoth(p)
			if p == "" || len(p) > 40 || len(strings.Fields(p)) > 5 || strings.ContainsAny(p, "!?\"“”") {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// bylineLead are openings of credit lines ("Reporting by Jane Smith").
var bylineLead = []string{
	"reporting by ", "additional reporting by ", "writing by ", "written by ",
	"editing by ", "edited by ", "compiled by ", "reported by ", "story by ",
	"words by ", "text by ", "photos by ", "photographs by ", "produced by ",
	"(reporting by ", "(writing by ", "(editing by ",
}

// bylineConnectors are lower-case words a byline may hold.
var bylineConnectors = map[string]bool{
	"and": true, "&": true, "in": true, "of": true, "for": true, "the": true,
	"at": true, "with": true, "de": true, "da": true, "van": true, "von": true,
	"al": true, "bin": true, "el": true, "staff": true, "and/or": true,
}

// isByline reports whether line credits the story's authors: "By Jane
// Smith", "By Jane Smith and John Doe, Reuters", "Reporting by ...".
func isByline(line string) bool {
	if len(line) > 200 {
		return false
	}
	for _, p := range bylineLead {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	if !hasPrefixFold(line, "by ") || len(line) > 120 {
		return false
	}
	rest := trimSpaceBoth(line[3:])
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) || strings.ContainsAny(rest, "\"“”?!;") {
		return false
	}
	words := strings.Fields(rest)
	if len(words) > 16 {
		return false
	}
	lowerWords := 0
	for _, w := range words {
		w = strings.Trim(w, ",.:|()")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !bylineConnectors[w] {
			lowerWords++
		}
	}
	return lowerWords <= 3
}

// metaLead are openings of time-stamp lines.
var metaLead = []string{
	"published", "updated", "last updated", "first published", "posted",
	"modified", "last modified", "date:", "dated",
}

// isMetaLine reports whether line is a time stamp ("Published: 24 July
// 2023 10:32 GMT", "Updated 3 hours ago", "July 24, 2023").
func isMetaLine(line string) bool {
	if len(line) == 0 || len(line) > 100 {
		return false
	}
	for _, p := range metaLead {
		if hasPrefixFold(line, p) {
			return isDateOnly(strings.Trim(line[len(p):], " \t:-|—–"))
		}
	}
	return isDateOnly(line)
}

// isDateOnly reports whether every word of line is part of a date or time.
func isDateOnly(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 10 {
		return false
	}
	digits := false
	for _, w := range words {
		w = strings.Trim(w, ",()")
		switch {
		case w == "" || w == "|" || w == "-" || w == "—" || w == "–" || w == "/":
		case isNumberish(w):
			digits = true
		case isMonth(w) || isWeekday(w):
		case isDateWord(w):
		default:
			return false
		}
	}
	return digits
}

// isNumberish reports whether w is made of digits and date or time
// punctuation ("2023-07-24", "10:32", "24th").
func isNumberish(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "st"), "nd"), "rd"), "th")
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != '-' && c != ':' && c != '.' && c != '/' {
			return false
		}
	}
	return true
}

// isDateWord reports whether w is a word of a time stamp other than a
// number, month or weekday: "GMT", "pm", "at", "hours", "ago".
func isDateWord(w string) bool {
	switch strings.ToUpper(strings.Trim(w, ".:")) {
	case "AM", "PM", "A.M", "P.M", "GMT", "UTC", "ET", "EST", "EDT", "CET", "CEST", "BST",
		"IST", "PST", "PDT", "MSK", "IRST", "AST", "AT", "ON", "AGO", "HOURS", "HOUR",
		"HRS", "HR", "MINUTES", "MINUTE", "MINS", "MIN", "DAYS", "DAY", "JUST", "NOW":
		return true
	}
	return false
}

var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

var weekdayNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "sat": true, "sun": true,
}

// isMonth reports whether w names a month ("July", "Jul.", "JULY").
func isMonth(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) >= 3 && len(w) <= 9 && monthNames[strings.ToLower(w)]
}

// isWeekday reports whether w names a day of the week.
func isWeekday(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) >= 3 && len(w) <= 9 && weekdayNames[strings.ToLower(w)]
}

// bylineDateline reads a byline and a dateline run together on one line:
// "By Nate Raymond. BOSTON (Reuters) - ...", "By Jane Smith, Associated
// Press WASHINGTON (AP) — ...". The dateline must have an agency or a place
// in capitals. The byline is left out of the body with the dateline.
func bylineDateline(s string, ls, le int, t *tables) (*datelineInfo, bool) {
	if !hasPrefixFold(s[ls:le], "by ") {
		return nil, false
	}
	for p := ls + 4; p < le && p < ls+150; p++ {
		if s[p-1] != ' ' || !(isUpperByte(s[p]) || s[p] == '(') {
			continue
		}
		if !isByline(trimSpaceRight(s[ls:p])) {
			continue
		}
		if d, ok := parseDateline(s, p, t); ok && (d.agency != "" || d.kind == placeCaps) {
			d.start = p
			return d, true
		}
	}
	return nil, false
}

// ---- Trailers ----

// trailerDelimited are trailer openings that must be followed by a
// delimiter (":", a dash, "»", "|") or end the line: "Related:".
var trailerDelimited = []string{
	"related articles", "related stories", "related news", "related coverage",
	"related content", "related topics", "related links", "related", "recommended",
	"more on this story", "more on this", "more stories", "more from", "further reading",
	"you may also like", "you might also like", "most read", "most popular", "trending",
	"tags", "topics", "share this", "share",
}

// trailerLead are trailer openings that suffice on their own.
var trailerLead = []string{
	"read more", "read also", "also read", "see also", "subscribe to", "subscribe now",
	"sign up for", "sign up to", "click here", "follow us on", "follow us:",
	"(reporting by", "reporting by", "(writing by", "writing by", "(editing by",
	"editing by", "(additional reporting", "additional reporting by", "(compiled by",
	"compiled by", "our standards:", "all rights reserved", "©", "(c) 19", "(c) 20",
}

// isTrailer reports whether a trimmed line opens the trailer of an article.
func isTrailer(line string) bool {
	if line == "" {
		return false
	}
	c := line[0]
	if c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '(') {
		return false
	}
	for _, p := range trailerLead {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	for _, p := range trailerDelimited {
		if hasPrefixFold(line, p) {
			rest := strings.TrimLeft(line[len(p):], " \t")
			if rest == "" {
				return true
			}
			r, _ := utf8.DecodeRuneInString(rest)
			switch r {
			case ':', '-', '–', '—', '»', '|', '>':
				return true
			}
			return false
		}
	}
	if hasPrefixFold(line, "copyright") {
		rest := strings.TrimLeft(line[len("copyright"):], " \t")
		r, _ := utf8.DecodeRuneInString(rest)
		return r == '©' || r == '(' || (r >= '0' && r <= '9')
	}
	return false
}

// inlineTrailers are credit notes that end a paragraph inline:
// "... he said. (Reporting by Jane Smith; Editing by John Doe)".
var inlineTrailers = []string{
	"(reporting by", "(writing by", "(editing by", "(additional reporting",
	"(compiled by", "(reporting and writing by",
}

// inlineTrailer returns the offset in line of an inline credit note, or -1.
func inlineTrailer(line string) int {
	for i := 0; ; {
		j := strings.IndexByte(line[i:], '(')
		if j < 0 {
			return -1
		}
		i += j
		for _, p := range inlineTrailers {
			if hasPrefixFold(line[i:], p) {
				return i
			}
		}
		i++
	}
}

// trailers finds the trailer of s, scanning the lines from start, and
// returns where it begins (len(s) if there is none). A trailer line ("Read
// more:", "Related:", "Subscribe to ...", "(Reporting by ...") ends the body
// when what follows it is short or is no running prose (lists of headlines,
// links, credits); a trailer line followed by more article, as web pages put
// promotions between paragraphs, is returned as a hole instead. An inline
// credit ("... said. (Reporting by ...)") always ends the body.
func trailers(s string, start int) (end int, holes []rng) {
	proseAt := -1 // a line of running prose found after the last trailer line
	for ls := start; ls < len(s); {
		le := lineEnd(s, ls)
		line := s[ls:le]
		t := skipSpace(line, 0, len(line))
		if isTrailer(line[t:]) {
			if proseAt <= le {
				proseAt = nextProse(s, le)
			}
			if proseAt < 0 {
				return ls, holes
			}
			holes = append(holes, rng{ls, le})
		} else if i := inlineTrailer(line); i >= 0 {
			return ls + i, holes
		}
		ls = le + 1
	}
	return len(s), holes
}

// Limits for nextProse.
const (
	shortRest      = 600 // bytes of text after a trailer that are never article
	proseParagraph = 200 // bytes of a line that make it running prose
)

// nextProse returns the offset of the first line of running prose after
// byte from, or -1 if there is none: then the text after from is at most
// shortRest bytes, or holds no line of at least proseParagraph bytes that
// ends a sentence.
func nextProse(s string, from int) int {
	i := skipSpace(s, from, len(s))
	if trimEnd(s, i, len(s))-i <= shortRest {
		return -1
	}
	for ls := i; ls < len(s); {
		le := lineEnd(s, ls)
		line := trimSpaceBoth(s[ls:le])
		if len(line) >= proseParagraph {
			end := strings.TrimRight(line, "\"'”’)]")
			if strings.HasSuffix(end, ".") || strings.HasSuffix(end, "?") || strings.HasSuffix(end, "!") {
				return ls
			}
		}
		ls = le + 1
	}
	return -1
}

// ---- Datelines ----

// maxDateline bounds the length in bytes of a dateline before its
// separator.
const maxDateline = 120

// parseDateline reads a dateline at s[pos:]: a place, optional regions, a
// date and an agency, then a separator ("-", "—", "_", ":"), as in
// "TEHRAN, July 24 (Reuters) -", "Tehran(IP)-", "WASHINGTON (AP) —",
// "Damascus, SANA_", "GAZA CITY, Palestinian Territories:", "LYON:",
// "KYIV, Ukraine (AP) —", or a place in capitals and an agency with no
// separator ("ATLANTA (AP) An aide ..."). The text after it must start a
// sentence. A place in title case needs an agency, a dash or a colon, and,
// like any dateline with a colon and no agency, a sentence after it rather
// than a headline ("Iran: Five things to know"); so a first sentence such
// as "Paris has condemned ..." is left alone.
func parseDateline(s string, pos int, t *tables) (*datelineInfo, bool) {
	le := lineEnd(s, pos)
	line := s[pos:le]
	if len(line) > maxDateline+8 {
		line = line[:maxDateline+8]
	}
	sepStart, sepEnd, sep := findSeparator(line)
	if sepStart > maxDateline {
		sepStart = -1
	}
	// "ATLANTA (AP) An aide": an agency, then the sentence.
	noSep := false
	if c := strings.IndexByte(line, ')'); c > 0 && c < maxDateline &&
		(sepStart < 0 || sepStart > c && trimSpaceBoth(line[c+1:sepStart]) != "") {
		if c+1 < len(line) && line[c+1] == ' ' {
			sepStart, sepEnd, sep, noSep = c+1, c+1, separator{}, true
		}
	}
	if sepStart <= 0 {
		return nil, false
	}
	prefix := trimSpaceRight(line[:sepStart])
	if prefix == "" {
		return nil, false
	}
	// What follows must be the start of a sentence.
	next := skipSpace(s, pos+sepEnd, len(s))
	if next >= len(s) {
		return nil, false
	}
	nr, _ := utf8.DecodeRuneInString(s[next:])
	if unicode.IsLower(nr) {
		return nil, false
	}
	sentenceStart := unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpenQuote(nr)

	var agency, parenPlace string
	if strings.HasSuffix(prefix, ")") {
		open := strings.LastIndexByte(prefix, '(')
		if open < 0 {
			return nil, false
		}
		agency = trimSpaceBoth(prefix[open+1 : len(prefix)-1])
		if !isAgencyName(agency) {
			return nil, false
		}
		prefix = strings.TrimSuffix(trimSpaceRight(prefix[:open]), ",") // "BAGHDAD, (INA) --"
		if prefix == "" && strings.Contains(agency, " ") && !t.agencies[strings.ToUpper(firstWord(agency))] {
			// "(NEW YORK) —": a place in brackets, not an agency.
			parenPlace, agency = agency, ""
		}
	}
	if strings.ContainsAny(prefix, "()") {
		return nil, false
	}

	var (
		place  []string
		kind   placeKind
		parts  = strings.Split(prefix, ",")
		nparts = len(parts)
	)
	if prefix == "" {
		nparts = 0
	}
	if nparts > 5 {
		return nil, false
	}
	for i := 0; i < nparts; i++ {
		p := trimSpaceBoth(parts[i])
		if p == "" {
			return nil, false
		}
		if isDateLike(p) {
			continue
		}
		k := classifyPlace(p)
		if i > 0 && agency == "" && i == nparts-1 && isCapsWord(p) && (kind == placeTitle && len(p) >= 3 || t.agencies[p]) {
			agency = p
			continue
		}
		if k == placeNone || len(place) >= 3 {
			return nil, false
		}
		if len(place) == 0 {
			if t.notPlace[strings.ToUpper(firstWord(p))] || len(strings.Fields(p)) > 4 {
				return nil, false
			}
			kind = k
		}
		place = append(place, p)
	}
	if len(place) == 1 && agency == "" && t.agencies[place[0]] {
		// "AFP -- ...": the agency alone.
		place, agency = nil, place[0]
	}
	if parenPlace != "" {
		if len(place) > 0 || classifyPlace(parenPlace) == placeNone {
			return nil, false
		}
		place, kind = []string{parenPlace}, placeCaps
	}
	switch {
	case noSep:
		if agency == "" || kind != placeCaps || !sentenceStart {
			return nil, false
		}
	case len(place) == 0:
		if agency == "" {
			return nil, false
		}
	case kind == placeCaps:
	default: // title case
		// With a colon only when the dateline stands on its own line:
		// "Trump: ..." and "The Latest: ..." are headlines.
		if agency == "" && (!sep.dash && !(sep.colon && restOfLineBlank(s, pos+sepEnd)) || !sentenceStart) {
			return nil, false
		}
	}
	if agency == "" && ((kind == placeTitle || sep.colon) && headlineFollows(s, pos+sepEnd) || headlineCase(s, pos+sepEnd)) {
		return nil, false
	}
	for i, p := range place {
		place[i] = titleCaps(p)
	}
	return &datelineInfo{
		place:  strings.Join(place, ", "),
		agency: agency,
		start:  pos,
		end:    pos + sepEnd,
		kind:   kind,
	}, true
}

// headlineFollows reports whether the rest of the line from byte i is a
// headline rather than the first sentence of an article: it does not end
// with a period and no continuation follows on the next line.
func headlineFollows(s string, i int) bool {
	le := lineEnd(s, i)
	rest := trimSpaceBoth(s[i:le])
	if rest == "" {
		return false // the dateline stands on its own line
	}
	// Headlines may end with "?" or "!"; a first sentence ends with ".".
	end := strings.TrimRight(rest, "\"'”’)]»")
	if strings.HasSuffix(end, ".") {
		return false
	}
	if le >= len(s) {
		return true
	}
	nl := lineEnd(s, le+1)
	next := trimSpaceBoth(s[le+1 : nl])
	r, _ := utf8.DecodeRuneInString(next)
	return next == "" || !unicode.IsLower(r)
}

// restOfLineBlank reports whether nothing but white space follows byte i on
// its line.
func restOfLineBlank(s string, i int) bool {
	le := lineEnd(s, i)
	return skipSpace(s, i, le) >= le
}

// headlineBytes bounds how much of a line headlineCase reads.
const headlineBytes = 300

// headlineWords are the short words headlines leave in lower case.
var headlineWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"to": true, "in": true, "on": true, "at": true, "by": true, "for": true, "with": true,
	"as": true, "from": true, "vs": true, "vs.": true, "is": true, "are": true, "be": true,
}

// headlineCase reports whether the rest of the line from byte i is written
// in headline case: at least four words that count, and four in five of
// them capitalised ("PBS Moderators Ignore Clinton Scandals").
func headlineCase(s string, i int) bool {
	le := lineEnd(s, i)
	if le > i+headlineBytes {
		le = i + headlineBytes
	}
	words := strings.Fields(s[i:le])
	counted, capital := 0, 0
	for _, w := range words {
		w = strings.Trim(w, "\"'“”‘’()[],.:;!?")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || headlineWords[strings.ToLower(w)] {
			continue
		}
		counted++
		if unicode.IsUpper(r) {
			capital++
		}
	}
	return counted >= 4 && capital*5 >= counted*4
}

// separator describes the mark that ends a dateline.
type separator struct{ dash, colon bool }

// findSeparator returns the position of the first dateline separator in
// line: a dash (a hyphen only after a space or ")", before a space, or
// doubled), an underscore, or a colon not inside a time. sepStart is -1 if
// none comes before sentence punctuation.
func findSeparator(line string) (sepStart, sepEnd int, sep separator) {
	for i := 0; i < len(line) && i <= maxDateline; {
		c := line[i]
		switch {
		case c == '-':
			j := i
			for j < len(line) && line[j] == '-' {
				j++
			}
			if j-i >= 2 || (i > 0 && (line[i-1] == ' ' || line[i-1] == ')')) || (j < len(line) && line[j] == ' ') {
				return i, j, separator{dash: true}
			}
			i = j
			continue
		case c == '_':
			j := i
			for j < len(line) && line[j] == '_' {
				j++
			}
			return i, j, separator{dash: true}
		case c == ':':
			if i > 0 && i+1 < len(line) && isDigitByte(line[i-1]) && isDigitByte(line[i+1]) {
				break
			}
			return i, i + 1, separator{colon: true}
		case c == 0xE2 && i+2 < len(line) && line[i+1] == 0x80 && line[i+2] >= 0x93 && line[i+2] <= 0x95:
			// U+2013 en dash, U+2014 em dash, U+2015 horizontal bar.
			return i, i + 3, separator{dash: true}
		case c == 0xEF && i+2 < len(line) && line[i+1] == 0xBF && line[i+2] == 0xBD &&
			i > 0 && (line[i-1] == ' ' || line[i-1] == ')'):
			// U+FFFD where a dash was lost to a bad conversion.
			return i, i + 3, separator{dash: true}
		case c == '.' || c == '"' || c == '!' || c == '?' || c == ';':
			// Sentence punctuation before any separator: not a dateline.
			if c == '.' && i > 0 && i+1 < len(line) && line[i+1] != ' ' {
				break // "D.C.", "U.S."
			}
			if c == '.' && i > 0 && (isUpperByte(line[i-1]) || isAbbrevEnd(line[:i])) {
				break // "ST. PETERSBURG", "Jan. 5"
			}
			return -1, -1, separator{}
		}
		i++
	}
	return -1, -1, separator{}
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// isAbbrevEnd reports whether s ends with a short capitalised word such as
// "Jan" or "St", which a period may follow inside a dateline.
func isAbbrevEnd(s string) bool {
	i := len(s)
	for i > 0 && (s[i-1] >= 'a' && s[i-1] <= 'z') {
		i--
	}
	return i > 0 && len(s)-i <= 3 && isUpperByte(s[i-1]) && (i == 1 || s[i-2] == ' ')
}

// isOpenQuote reports whether r opens a quotation.
func isOpenQuote(r rune) bool {
	return r == '"' || r == '“' || r == '‘' || r == '\'' || r == '«'
}

// isAgencyName reports whether a parenthesised name can be a news agency:
// a few words of letters, "(Reuters)", "(AP)", "(IP)", "(Reuters Health)".
func isAgencyName(a string) bool {
	if a == "" || len(a) > 40 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsUpper(r) && !unicode.IsLetter(r) {
		return false
	}
	words := 0
	for _, w := range strings.Fields(a) {
		words++
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '&' && r != '-' && r != '\'' && r != '/' {
				return false
			}
		}
	}
	return words >= 1 && words <= 4
}

// isDateLike reports whether every word of p is part of a date ("July 24",
// "Jan. 5, 2024", "Monday").
func isDateLike(p string) bool {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",")
		if !(isMonth(w) || isWeekday(w) || isDayOrYear(w)) {
			return false
		}
	}
	return true
}

// isDayOrYear reports whether w is a day of the month or a year ("24",
// "24th", "2023").
func isDayOrYear(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return true
}

// placeKind is how a dateline place is written.
type placeKind uint8

const (
	placeNone  placeKind = iota
	placeCaps            // "GAZA CITY"
	placeTitle           // "Gaza City"
)

// placeConnectors are lower-case words inside place names ("Rio de
// Janeiro", "Dar es Salaam").
var placeConnectors = map[string]bool{
	"de": true, "da": true, "del": true, "di": true, "du": true, "des": true,
	"do": true, "dos": true, "das": true, "es": true, "el": true, "al": true,
	"la": true, "le": true, "of": true, "on": true, "upon": true, "sur": true,
	"am": true, "an": true, "im": true, "bin": true, "ibn": true, "van": true,
	"von": true, "y": true, "the": true,
}

// classifyPlace says whether p reads as a place name, and how it is
// written: one to five words in capitals or in title case.
func classifyPlace(p string) placeKind {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 5 {
		return placeNone
	}
	caps, letters := true, 0
	capsWords, titleWords := 0, 0
	for i, w := range words {
		if placeConnectors[w] && i > 0 && i < len(words)-1 {
			caps = false
			continue
		}
		first := true
		hasLower := false
		for j, r := range w {
			switch {
			case unicode.IsLetter(r):
				letters++
				if first {
					// "al-Arish": a lower-case article before a hyphen.
					if !unicode.IsUpper(r) && !hasArticlePrefix(w) {
						return placeNone
					}
					first = false
				}
				if unicode.IsLower(r) {
					hasLower = true
				}
			case r == '.' || r == '-' || r == '\'' || r == '’' || r == '/':
				if j == 0 {
					return placeNone
				}
			default:
				return placeNone
			}
		}
		if hasLower {
			caps = false
			titleWords++
		} else if !strings.Contains(w, ".") && len(w) >= 3 {
			capsWords++
		}
	}
	if capsWords > 0 && titleWords > 0 {
		// "Associated Press WASHINGTON": two things run together.
		return placeNone
	}
	if letters < 2 {
		return placeNone
	}
	if caps {
		return placeCaps
	}
	return placeTitle
}

// hasArticlePrefix reports whether w starts with an Arabic article written
// in lower case: "al-", "el-", "ad-", "as-", "ar-", "an-", "ash-".
func hasArticlePrefix(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 1 || i > 3 || i+1 >= len(w) {
		return false
	}
	switch w[:i] {
	case "al", "el", "ad", "as", "ar", "an", "ash", "at", "az", "ul":
		r, _ := utf8.DecodeRuneInString(w[i+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// isCapsWord reports whether p is one word in capital letters ("SANA").
func isCapsWord(p string) bool {
	if len(p) < 2 || len(p) > 12 {
		return false
	}
	for i := 0; i < len(p); i++ {
		if !isUpperByte(p[i]) {
			return false
		}
	}
	return true
}

// firstWord returns the first word of p.
func firstWord(p string) string {
	if i := strings.IndexAny(p, " -"); i > 0 {
		return p[:i]
	}
	return p
}

// titleCaps writes a place in capitals in title case ("GAZA CITY" -> "Gaza
// City", "ST. PETERSBURG" -> "St. Petersburg"), leaving words of one or two
// letters ("SC", "D.C.") in capitals and connectors ("DE") in lower case;
// other places are returned unchanged.
func titleCaps(p string) string {
	for _, r := range p {
		if unicode.IsLower(r) {
			return p
		}
	}
	words := strings.Fields(p)
	for i, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		lw := strings.ToLower(w)
		switch {
		case i > 0 && i < len(words)-1 && placeConnectors[lw]:
			words[i] = lw
		case letters <= 2 && !strings.Contains(w, "-") && strings.Count(w, ".") != 1:
			// "SC", "N.C." stay in capitals; "ST." becomes "St.".
		default:
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// titleWord capitalises the first letter of w and of each part after a
// hyphen or period, and lower-cases the rest.
func titleWord(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	start := true
	for _, r := range w {
		if unicode.IsLetter(r) {
			if start {
				b.WriteRune(r)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = false
			continue
		}
		b.WriteRune(r)
		start = r != '\'' && r != '’'
	}
	return b.String()
}
