package text

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
)

// fuzzSeeds are inputs that exercise the cleaning and splitting rules.
var fuzzSeeds = []string{
	"TEHRAN, July 24 (Reuters) - Iran's defence minister met his Syrian counterpart.",
	"Tehran(IP)-Iran's defence minister met Brig. Gen. Ali.\n\nRead More: other",
	"Damascus, SANA_ President al-Assad received “the delegation.” Then he left.",
	"Home > World\nBy Jane Smith\n\nWASHINGTON (AP) — The U.S. Treasury acted. (Reporting by X)",
	"GAZA CITY, Palestinian Territories: Jets struck. \"We will respond. Soon,\" he said.",
	"J. R. R. Tolkien and George W. Bush met in Zürich’s old town — 3.5 percent…",
	"(Reuters) -",
	"LYON:",
	"By\n\n",
	"\ufeff\u200b — “ ” ' \" -- — .",
	"a.\n\n.b\n\n'c.' D",
	"MEXICO CITY (AP) Mexico's Senate (AP) (",
	"الرئيس محمد جواد ظریف — said. ”",
}

// FuzzAnalyze checks that Analyze never panics, and that on any text it
// accepts every span lies inside the text, in order, with byte and rune
// offsets that agree:
//
//	go test -fuzz FuzzAnalyze -fuzztime 30s ./text
func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if raw, err := os.ReadFile("testdata/news.txt"); err == nil {
		f.Add(string(raw))
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &dyad.Analysis{Doc: dyad.Doc{Text: text}}
		err := Analyze(a)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrInvalidUTF8) {
				t.Fatalf("Analyze(%q): unexpected error %v", text, err)
			}
			return
		}
		if err := checkInvariants(a); err != nil {
			t.Fatalf("Analyze(%q): %v", text, err)
		}
		_ = Tokenize(text)
	})
}

// FuzzTokenizerMatchesProse holds the tokenizer's fast path to prose's
// output on the same text.
func FuzzTokenizerMatchesProse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("Iran's, (Iran \"Iran\" “Iran” ‘Iran’ Iran’s Gen. Sea. Iran. Iran: 8-) :-) XD, D: xD. Ab. ABC. a-b- -ab 'ab' ab' ab's ab’s")
	f.Fuzz(func(t *testing.T, text string) {
		if err := tokenizerMatchesProse(text); err != nil {
			t.Fatal(err)
		}
	})
}

// TestTokenizerMatchesProse checks the fast path against prose on the news
// sample and on tricky words.
func TestTokenizerMatchesProse(t *testing.T) {
	texts := append([]string{
		"Iran's, (Iran \"Iran\" “Iran” ‘Iran’ Iran’s Gen. Sea. Iran. Iran: 8-) :-) XD, D: xD. Ab. ABC. a-b- -ab 'ab' ab' ab's ab’s",
		"$3.5 (AP) U.S.-backed al-Assad's 2019. Jr.) Calif., Brig.",
	}, fuzzSeeds...)
	if raw, err := os.ReadFile("testdata/news.txt"); err == nil {
		texts = append(texts, string(raw))
	}
	for _, text := range texts {
		if err := tokenizerMatchesProse(text); err != nil {
			t.Error(err)
		}
	}
}

func tokenizerMatchesProse(text string) error {
	tk, err := loadTokenizer()
	if err != nil {
		return err
	}
	fast := appendTokens(tk.tok, tk.t, text, 0, nil)
	slow := appendProse(tk.tok, text, 0, nil)
	if len(fast) == 0 && len(slow) == 0 {
		return nil
	}
	if !reflect.DeepEqual(fast, slow) {
		return fmt.Errorf("tokenizer fast path differs from prose on %q:\nfast  %+v\nprose %+v", text, fast, slow)
	}
	return nil
}
