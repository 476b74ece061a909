package text

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(dir + "/*")
	var worst time.Duration
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.Split(string(b), "\n")
		if len(lines) < 2 {
			continue
		}
		arg := strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")")
		s, err := strconv.Unquote(arg)
		if err != nil {
			continue
		}
		t0 := time.Now()
		tokenizerMatchesProse(s)
		d := time.Since(t0)
		if d > worst {
			worst = d
			fmt.Println(f, d, len(s))
		}
	}
}
