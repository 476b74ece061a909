package quote

import "unicode"

// region is one top-level quotation found by its marks: the runes from the
// opening mark to the closing mark, both included. A quotation that runs
// over several paragraphs (each new paragraph reopening the mark) has one
// segment per paragraph.
type region struct {
	start, end int // [start, end) in runes, marks included
	segs       [][2]int
	// closed is false when the paragraph ended before a closing mark came
	// (the region then stops at the paragraph end instead of swallowing
	// the rest of the article); orphan is true when a closing mark came
	// without an opening one (the region starts at its paragraph).
	closed, orphan bool
}

// words counts the words inside the region.
func (r region) words(rs []rune) int {
	n, in := 0, false
	for i := r.start; i < r.end && i < len(rs); i++ {
		w := unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

const (
	kindDouble = 'd'
	kindSingle = 's'

	roleOpen   = 'o'
	roleClose  = 'c'
	roleEither = 'e'
)

// markAt classifies the rune at i as a quotation mark: its kind (double or
// single), its role (opening, closing, either: decided by context) and its
// width in runes. ok is false when the rune is not a quotation mark there
// (an apostrophe inside a word, for instance).
func markAt(rs []rune, i int) (kind, role byte, width int, ok bool) {
	r := rs[i]
	next := func(k int) rune {
		if i+k < len(rs) {
			return rs[i+k]
		}
		return ' '
	}
	prev := ' '
	if i > 0 {
		prev = rs[i-1]
	}
	switch r {
	case '“', '„', '«':
		return kindDouble, roleOpen, 1, true
	case '”', '»':
		return kindDouble, roleClose, 1, true
	case '"':
		return kindDouble, roleEither, 1, true
	case '`':
		if next(1) == '`' {
			return kindDouble, roleOpen, 2, true
		}
	case '\'':
		if next(1) == '\'' {
			return kindDouble, roleEither, 2, true
		}
		if isWordRune(prev) && isWordRune(next(1)) {
			return 0, 0, 0, false // don't, Iran's
		}
		if isWordRune(prev) && !isWordRune(next(1)) {
			return kindSingle, roleClose, 1, true
		}
		if !isWordRune(prev) && isWordRune(next(1)) {
			return kindSingle, roleOpen, 1, true
		}
	case '‘':
		if isWordRune(prev) {
			return 0, 0, 0, false
		}
		return kindSingle, roleOpen, 1, true
	case '’':
		if isWordRune(prev) && isWordRune(next(1)) {
			return 0, 0, 0, false // won’t, Clinton’s
		}
		if !isWordRune(prev) && isWordRune(next(1)) {
			return 0, 0, 0, false // ’90s
		}
		return kindSingle, roleClose, 1, true
	}
	return 0, 0, 0, false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// opensHere reports whether an ambiguous mark at i (width w) reads as an
// opening mark: space or opening punctuation before it, a word after it.
func opensHere(rs []rune, i, w int) (open, sure bool) {
	before := i == 0 || unicode.IsSpace(rs[i-1]) || isOpener(rs[i-1])
	after := i+w >= len(rs) || unicode.IsSpace(rs[i+w]) || isCloser(rs[i+w])
	switch {
	case before && !after:
		return true, true
	case after && !before:
		return false, true
	}
	return false, false
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', ':':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '”', '’':
		return true
	}
	return false
}

// findRegions returns the top-level quotations in rs[from:to], in text
// order. Paragraphs are the lines of the text: a quotation still open at
// the end of a line continues into the next one only when that line starts
// with an opening mark (the newswire convention for quotations over
// several paragraphs); otherwise it stops at the line end.
func findRegions(rs []rune, from, to int) []region {
	type open struct {
		kind byte
		pos  int
	}
	var out []region
	var cur *region // a multi-paragraph region being continued
	var stack []open
	paraStart := from
	flush := func(paraEnd int) {
		// end of a paragraph: close or carry the outermost open quotation
		if len(stack) == 0 {
			if cur != nil && paraEnd > paraStart+countSpace(rs, paraStart, paraEnd) {
				out = append(out, *cur)
				cur = nil
			}
			return // a blank line keeps a carried quotation open
		}
		bottom := stack[0]
		stack = stack[:0]
		end := trimRight(rs, bottom.pos, paraEnd)
		if bottom.kind != kindDouble {
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			return // an unclosed single mark is an apostrophe, most likely
		}
		seg := [2]int{bottom.pos, end}
		if cur == nil {
			cur = &region{start: bottom.pos}
		}
		cur.segs = append(cur.segs, seg)
		cur.end = end
		if !reopens(rs, paraEnd, to) {
			cur.closed = false
			out = append(out, *cur)
			cur = nil
		}
	}
	for i := from; i < to; i++ {
		if rs[i] == '\n' {
			flush(i)
			paraStart = i + 1
			continue
		}
		kind, role, w, ok := markAt(rs, i)
		if !ok {
			continue
		}
		if role == roleClose && kind == kindDouble && len(stack) == 0 && i+w < to && isWordRune(rs[i+w]) && countSpace(rs, paraStart, i) == i-paraStart {
			role = roleOpen // a closing mark opening a paragraph: a typo for an opening one
		}
		if role == roleEither {
			// a straight mark closes the innermost open mark of its kind
			// when one is open and the context allows it
			o, sure := opensHere(rs, i, w)
			top := -1
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].kind == kind {
					top = k
					break
				}
			}
			switch {
			case top >= 0 && (!sure || !o):
				role = roleClose
			case top < 0 && (!sure || o):
				role = roleOpen
			case o:
				role = roleOpen
			default:
				role = roleClose
			}
		}
		switch role {
		case roleOpen:
			if kind == kindSingle && len(stack) == 0 && cur == nil {
				// a top-level single mark: only if it closes on this line
				if !closesOnLine(rs, i+w, to) {
					continue
				}
			}
			if len(stack) == 0 && cur != nil && i > paraStart+countSpace(rs, paraStart, i) {
				// text before the reopening mark: the carried quotation ended
				out = append(out, *cur)
				cur = nil
			}
			stack = append(stack, open{kind, i})
		case roleClose:
			k := len(stack) - 1
			for k >= 0 && stack[k].kind != kind {
				k--
			}
			if k < 0 {
				if kind == kindDouble && len(stack) == 0 {
					// a closing mark without an opening one: the quotation
					// started with its paragraph (scraped text drops marks)
					if cur != nil {
						cur.segs = append(cur.segs, [2]int{skipSpace(rs, paraStart, i), i + w})
						cur.end = i + w
						cur.closed = true
						out = append(out, *cur)
						cur = nil
					} else {
						s := skipSpace(rs, paraStart, i)
						out = append(out, region{start: s, end: i + w, segs: [][2]int{{s, i + w}}, closed: true, orphan: true})
					}
				}
				continue
			}
			if k == 0 {
				if cur != nil {
					cur.segs = append(cur.segs, [2]int{stack[0].pos, i + w})
					cur.end = i + w
					cur.closed = true
					out = append(out, *cur)
					cur = nil
				} else {
					out = append(out, region{start: stack[0].pos, end: i + w, segs: [][2]int{{stack[0].pos, i + w}}, closed: true})
				}
			}
			stack = stack[:k]
		}
		i += w - 1
	}
	flush(to)
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// reopens reports whether the next non-blank line after position i starts
// with an opening double mark.
func reopens(rs []rune, i, to int) bool {
	for i < to && unicode.IsSpace(rs[i]) {
		i++
	}
	if i >= to {
		return false
	}
	kind, role, w, ok := markAt(rs, i)
	if !ok || kind != kindDouble {
		return false
	}
	if role == roleEither {
		o, _ := opensHere(rs, i, w)
		return o
	}
	return role == roleOpen
}

// closesOnLine reports whether a closing single mark follows i on the same
// line.
func closesOnLine(rs []rune, i, to int) bool {
	for ; i < to && rs[i] != '\n'; i++ {
		if rs[i] == '’' || rs[i] == '\'' {
			if kind, role, _, ok := markAt(rs, i); ok && kind == kindSingle && role == roleClose {
				return true
			}
		}
	}
	return false
}

func trimRight(rs []rune, from, to int) int {
	for to > from && unicode.IsSpace(rs[to-1]) {
		to--
	}
	return to
}

func skipSpace(rs []rune, from, to int) int {
	for from < to && unicode.IsSpace(rs[from]) {
		from++
	}
	return from
}

func countSpace(rs []rune, from, to int) int {
	return skipSpace(rs, from, to) - from
}
