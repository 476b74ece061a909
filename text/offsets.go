package text

// runeIndex converts byte offsets of one text into rune offsets. Offsets
// asked for in increasing order (as the stage produces them) cost one pass
// over the text in all; a step backwards restarts from the beginning. On
// ASCII text a byte offset is its rune offset and nothing is counted.
type runeIndex struct {
	s     string
	ascii bool
	b, r  int // the last position converted: byte b is rune r
}

// newRuneIndex returns a converter for s; ascii says s has no multi-byte
// runes.
func newRuneIndex(s string, ascii bool) *runeIndex {
	return &runeIndex{s: s, ascii: ascii}
}

// at returns the rune offset of byte offset b, which must lie on a rune
// boundary in [0, len(s)].
func (x *runeIndex) at(b int) int {
	if x.ascii {
		return b
	}
	if b < x.b {
		x.b, x.r = 0, 0
	}
	r := x.r
	s := x.s[x.b:b]
	for i := 0; i < len(s); i++ {
		// Count every byte that starts a rune (is not a continuation byte).
		if s[i]&0xC0 != 0x80 {
			r++
		}
	}
	x.b, x.r = b, r
	return r
}
