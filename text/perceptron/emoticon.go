package perceptron

// emoticons are the tokens tagged SYM without consulting the model.
//
// Membership decides a tag, so to give prose's tags this has to be the set
// prose's tagger recognises, no more and no less: notably it lacks ":)", ";)"
// and ":D", which prose leaves to the model. TestEmoticons checks every entry
// against prose.
var emoticons = []string{
	// Sideways faces, eyes first.
	":(", ":((", ":(((", ":()", ":)))",
	":-)", ":-))", ":-)))", ":-*", ":-/", ":-X", ":-x", ":-]", ":-o", ":-p", ":-|", ":-}",
	":0", ":3", ":P", ":]", ":o", ":o)",
	":`(", ":`)", ":`-(",
	"=(", "=)", "=D", "=|",
	"8-)", "8-D", "8D",
	"xD", "xDD", "XDD",
	// Sideways faces, mouth first.
	"(-8", "(-;", "(:", "(=", "(o:", "[-:",
	// Upright faces.
	"-__-", "^___^", "@_@",
	"O.o", "O_o", "o_0", "o_O", "o_o", "V_V", "v_v",
	"(-_-)", "(._.)",
	"(\u00ac_\u00ac)",         // (¬_¬)
	"(\u0ca0_\u0ca0)",         // look of disapproval
	"\u00af\\(\u30c4)/\u00af", // shrug
	"(\u256f\u00b0\u25a1\u00b0\uff09\u256f\ufe35\u253b\u2501\u253b", // table flip
}
