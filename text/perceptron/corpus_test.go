package perceptron

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// This file gathers the sentences the equivalence tests and the benchmarks
// tag: text shipped with the repository, prose's own public-domain test text
// where the module cache has it, the shared gold data where present, and
// generated sentences meant to reach every branch of the tagger.

// textSentences splits text into rough sentences and tokenizes each with
// prose's tokenizer. The split need not be good: both taggers see the same
// words.
func textSentences(text string) [][]string {
	tk := tokenize.New()
	var out [][]string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		for len(para) > 0 {
			cut := len(para)
			for _, end := range []string{". ", "? ", "! ", "; "} {
				if i := strings.Index(para, end); i >= 0 && i+1 < cut {
					cut = i + 1
				}
			}
			var words []string
			for _, tok := range tk.Tokenize(para[:cut]) {
				words = append(words, tok.Text)
			}
			if len(words) > 0 {
				out = append(out, words)
			}
			para = strings.TrimSpace(para[cut:])
		}
	}
	return out
}

// repoSentences tokenizes the example articles and the text package's test
// data.
func repoSentences(tb testing.TB) [][]string {
	tb.Helper()
	files, _ := filepath.Glob("../../examples/*.txt")
	files = append(files, "../testdata/news.txt")
	var out [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		out = append(out, textSentences(string(b))...)
	}
	if len(out) == 0 {
		tb.Log("no example text found under ../../examples or ../testdata")
	}
	return out
}

// proseDir returns the directory prose's module was built from, found through
// the source position of tag.New, or "" if the binary does not say.
func proseDir() string {
	fn := runtime.FuncForPC(reflect.ValueOf(tag.New).Pointer())
	if fn == nil {
		return ""
	}
	file, _ := fn.FileLine(fn.Entry())
	dir := filepath.Dir(filepath.Dir(file)) // .../prose/v3@v3.2.3/tag/tag.go
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return ""
	}
	return dir
}

// sherlockSentences tokenizes prose's copy of the Sherlock Holmes stories
// (public domain), if the module cache holds it.
func sherlockSentences(tb testing.TB) [][]string {
	tb.Helper()
	dir := proseDir()
	if dir == "" {
		tb.Log("prose's module source not found; skipping its test text")
		return nil
	}
	b, err := os.ReadFile(filepath.Join(dir, "testdata", "sherlock.txt"))
	if err != nil {
		tb.Logf("prose's test text not readable: %v", err)
		return nil
	}
	return textSentences(string(b))
}

// goldSentences tokenizes the "text" field of the shared gold data's event
// files, when they are present. Nothing is kept: the text is only tagged.
func goldSentences(tb testing.TB) [][]string {
	tb.Helper()
	files, _ := filepath.Glob("../../../shared/gold/events/*.jsonl")
	if len(files) == 0 {
		tb.Log("../../../shared/gold not present; skipping the gold sentences")
		return nil
	}
	var out [][]string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
				out = append(out, textSentences(rec.Text)...)
			}
		}
		fh.Close()
	}
	return out
}

// oddWords are tokens that exercise the special cases and the normalisation.
var oddWords = []string{
	// special cases
	"-", "--", "---", "@", "@user", "@_@", "@@", "*", "**", "***", "0", "00", "*-1", "*-12", "*-123",
	"*-1234", "*-", "*-a", "*T*-2", "*EXP*-1", "*T*", "*U*", "*?*", "*a*", "*_*", "*-*", "*AB*",
	"*AB*-", "*ab*-1", "*A*-12", "-LRB-", "-RRB-", "-LCB-", "-RCB-", "-NONE-", "-XYZ-", "-lrb-",
	"-AB-", "-ABCD-", "-L1B-",
	":)", ";)", ":D", "<3", ":-)", ":(", "xD", "XD", "O.o", "(:", "8D", ":P", ":p", "=)",
	"\u00af\\(\u30c4)/\u00af", "(\u0ca0_\u0ca0)",
	// numbers and hyphens
	"2023", "1999", "+123", "-123", "12", "3.5", "1,000", "12345", "0.5", "-5", "+5", "1-2",
	"123a", "12th", "1990s", "$", "%", "state-run", "U.S.-backed", "-foo", "a-", "-a-b",
	"well-known", "Al-Shabaab", "e-mail",
	// case and Unicode
	"", " ", "a b", "The", "THE", "Iran", "IRAN", "NATO", "UN", "U.S.", "Mr.", "Zürich",
	"ZÜRICH", "İstanbul", "STRASSE", "straße", "ΣΊΣΥΦΟΣ", "\u023ax", "ABC\u023a", "日本",
	"\xff\xfeab", "abc\x80", "ABC\xc3", "\xc3", "ＡＢＣ", "Ǆemal", "ǅ", "KELVIN\u212a",
	// punctuation
	".", ",", "(", ")", "``", "''", "'s", "n't", "...", ":", ";", "?", "!", "\"", "'", "&",
}

// genSentences makes n sentences from the model's own words, in every case,
// mixed with oddWords. The same seed gives the same sentences.
func genSentences(tb testing.TB, n int, seed uint64) [][]string {
	tb.Helper()
	tg, err := New()
	if err != nil {
		tb.Fatal(err)
	}
	vocab := make([]string, 0, len(tg.m.index))
	for k := range tg.m.index {
		vocab = append(vocab, k)
	}
	sort.Strings(vocab) // map order is random; the seed must decide
	// Plain words, so that sentences look more like text than noise.
	var plain []string
	for _, w := range vocab {
		if len(w) > 1 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
			plain = append(plain, w)
		}
	}

	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	out := make([][]string, n)
	for i := range out {
		size := 1 + rng.IntN(30)
		if rng.IntN(50) == 0 {
			size = 100 + rng.IntN(200)
		}
		words := make([]string, size)
		for j := range words {
			var w string
			switch r := rng.IntN(100); {
			case r < 55:
				w = pick(plain)
			case r < 75:
				w = pick(vocab)
			case r < 85:
				w = pick(oddWords)
			default:
				w = pick(emoticons)
				if r < 97 {
					w = pick(plain)
				}
			}
			switch rng.IntN(10) {
			case 0:
				w = strings.ToUpper(w)
			case 1, 2:
				if w != "" {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			words[j] = w
		}
		if rng.IntN(2) == 0 && size > 1 {
			words[size-1] = "."
		}
		out[i] = words
	}
	return out
}
