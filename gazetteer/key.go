package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Key returns the lookup key of a name: lower case, accents folded ("é" →
// "e", "ß" → "ss", "Ł" → "l"), "." and apostrophes (' ’ ʻ ʼ `) dropped, runs
// of white space collapsed to one space and trimmed: "U.S." → "us",
// "Saint-Étienne" → "saint-etienne", "Côte d’Ivoire" → "cote divoire".
func Key(name string) string {
	// Fast path: ASCII lower case letters, digits, single spaces and hyphens
	// are already a key.
	clean := true
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf || c == '.' || c == '\'' || c == '`' || (c >= 'A' && c <= 'Z') ||
			(c == ' ' && (i == 0 || i == len(name)-1 || name[i+1] == ' ')) || c == '\t' || c == '\n' || c == '\r' ||
			c == '\v' || c == '\f' {
			clean = false
			break
		}
	}
	if clean {
		return name
	}
	return string(appendKey(make([]byte, 0, len(name)+4), name))
}

// appendKey appends the key of name to dst.
func appendKey(dst []byte, name string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(name); {
		r, size := rune(name[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(name[i:])
		}
		i += size
		switch r {
		case '.', '\'', '’', 'ʻ', 'ʼ', '`', '‘', 'ʿ', 'ʾ':
			continue
		case ' ', '\t', '\n', '\r', '\v', '\f':
			space = len(dst) > start
			continue
		}
		if r >= utf8.RuneSelf && unicode.IsSpace(r) {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		if f, ok := foldTable[r]; ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// foldTable maps accented and special Latin letters (either case) to their
// lower-case ASCII base.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for base, letters := range map[string]string{
		"a":  "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦẠẢẤẦẨẪẬẮẰẲẴẶḀàáâãäåāăąǎǟǡǻȁȃȧạảấầẩẫậắằẳẵặḁ",
		"ae": "ÆǼǢæǽǣ",
		"b":  "ḂḄḆƁbḃḅḇɓ",
		"c":  "ÇĆĈĊČḈƇçćĉċčḉƈ",
		"d":  "ĎĐḊḌḎḐḒƊÐďđḋḍḏḑḓɗð",
		"e":  "ÈÉÊËĒĔĖĘĚȄȆȨẸẺẼẾỀỂỄỆḔḖḘḚḜƏèéêëēĕėęěȅȇȩẹẻẽếềểễệḕḗḙḛḝə",
		"f":  "Ḟƒḟ",
		"g":  "ĜĞĠĢǦǴḠƓĝğġģǧǵḡɠ",
		"h":  "ĤĦȞḢḤḦḨḪĥħȟḣḥḧḩḫẖ",
		"i":  "ÌÍÎÏĨĪĬĮİǏȈȊỈỊḬḮìíîïĩīĭįıǐȉȋỉịḭḯ",
		"ij": "Ĳĳ",
		"j":  "Ĵǰĵ",
		"k":  "ĶǨḰḲḴƘķǩḱḳḵƙĸ",
		"l":  "ĹĻĽĿŁḶḸḺḼĺļľŀłḷḹḻḽ",
		"m":  "ḾṀṂḿṁṃ",
		"n":  "ÑŃŅŇǸṄṆṈṊŊñńņňǹṅṇṉṋŋŉ",
		"o":  "ÒÓÔÕÖØŌŎŐƠǑǪǬǾȌȎȪȬȮȰỌỎỐỒỔỖỘỚỜỞỠỢṌṎṐṒòóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱọỏốồổỗộớờởỡợṍṏṑṓ",
		"oe": "Œœ",
		"p":  "ṔṖƤṕṗƥ",
		"r":  "ŔŖŘȐȒṘṚṜṞŕŗřȑȓṙṛṝṟ",
		"s":  "ŚŜŞŠȘṠṢṤṦṨśŝşšșṡṣṥṧṩſ",
		"ss": "ßẞ",
		"t":  "ŢŤŦȚṪṬṮṰţťŧțṫṭṯṱẗ",
		"th": "Þþ",
		"u":  "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖỤỦỨỪỬỮỰṲṴṶṸṺùúûüũūŭůűųưǔǖǘǚǜȕȗụủứừửữựṳṵṷṹṻ",
		"v":  "Ṽṿṽṿ",
		"w":  "ŴẀẂẄẆẈŵẁẃẅẇẉẘ",
		"x":  "Ẋẋẍ",
		"y":  "ÝŶŸȲẎỲỴỶỸýÿŷȳẏỳỵỷỹẙ",
		"z":  "ŹŻŽẐẒẔƵźżžẑẓẕƶ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// isLatin reports whether every letter of s is in the Latin script (digits,
// spaces and punctuation are allowed).
func isLatin(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
