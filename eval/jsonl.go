package eval

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// readRecords reads one JSON record per non-blank line of r with parse.
// A record without an id (id returns a pointer to it) is named "lineN";
// a repeated id gets a "#2", "#3", ... suffix, so that every record of a
// gold file that repeats ids is kept and can be traced. An error starts
// with prefix and the line number ("12: ..." or "line 12: ...").
func readRecords[T any](r io.Reader, prefix string, parse func([]byte) (T, error), id func(*T) *string) ([]T, error) {
	br := bufio.NewReader(r)
	var out []T
	seen := map[string]int{}
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s%d: read: %w", prefix, line, err)
		}
		if t := bytes.TrimSpace(b); len(t) > 0 {
			g, perr := parse(t)
			if perr != nil {
				return nil, fmt.Errorf("%s%d: %w", prefix, line, perr)
			}
			p := id(&g)
			if *p == "" {
				*p = fmt.Sprintf("line%d", line)
			}
			seen[*p]++
			if n := seen[*p]; n > 1 {
				*p = fmt.Sprintf("%s#%d", *p, n)
			}
			out = append(out, g)
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	return out, nil
}

// loadRecords opens path and reads it with read; errors name the file as
// "eval: FILE:LINE: ...".
func loadRecords[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	recs, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("eval: %s:%w", path, err)
	}
	return recs, nil
}

// idAndText reads a gold record's "id" (a string or a number; may be
// absent) and its required, non-blank "text".
func idAndText(rawID any, text *string) (id, txt string, err error) {
	if id, err = optString(map[string]any{"id": rawID}, "id"); err != nil {
		return "", "", err
	}
	if text == nil || strings.TrimSpace(*text) == "" {
		return id, "", fmt.Errorf("record %q: no text", id)
	}
	return id, *text, nil
}
