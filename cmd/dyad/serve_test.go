package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/http/memstore"
)

// syncBuffer is a bytes.Buffer safe to write from the server goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeFlags(t *testing.T) {
	var got *serveConfig
	old := serveWith
	serveWith = func(_ context.Context, cfg serveConfig, _, _ io.Writer) int { got = &cfg; return 0 }
	defer func() { serveWith = old }()
	tests := []struct {
		args   []string
		env    string
		code   int
		want   serveConfig
		output string
	}{
		{nil, "", 0, serveConfig{db: "dyad.db", addr: "127.0.0.1:8080"}, ""},
		{[]string{"--db", "x.db", "--addr", ":9999", "--token", "t1"}, "t2", 0, serveConfig{db: "x.db", addr: ":9999", token: "t1"}, ""},
		{[]string{"--db=y.db"}, "from-env", 0, serveConfig{db: "y.db", addr: "127.0.0.1:8080", token: "from-env"}, ""},
		{[]string{"--help"}, "", 0, serveConfig{}, "Usage: dyad serve"},
		{[]string{"--port", "1"}, "", 2, serveConfig{}, "flag provided but not defined"},
		{[]string{"extra"}, "", 2, serveConfig{}, "unexpected argument"},
	}
	for _, tt := range tests {
		got = nil
		t.Setenv("DYAD_TOKEN", tt.env)
		code, stdout, stderr := runCmd(t, "", "", append([]string{"serve"}, tt.args...)...)
		if code != tt.code || !strings.Contains(stdout+stderr, tt.output) {
			t.Errorf("%v: code %d, output %q", tt.args, code, stdout+stderr)
		}
		if tt.want.db != "" && (got == nil || *got != tt.want) {
			t.Errorf("%v: config %+v, want %+v", tt.args, got, tt.want)
		}
	}
	if code, stdout, _ := runCmd(t, "", "", "help", "serve"); code != 0 || !strings.Contains(stdout, "/api/events") {
		t.Errorf("dyad help serve: %d %q", code, stdout)
	}
}

func TestServeRuns(t *testing.T) {
	st := memstore.New()
	old := openStore
	openStore = func(string) (dyad.Store, error) { return st, nil }
	defer func() { openStore = old }()

	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- serve(ctx, serveConfig{db: "mem", addr: "127.0.0.1:0", token: "tok"}, &stdout, &stderr)
	}()
	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case code := <-exit:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = urlRE.FindString(stdout.String())
	}
	if base == "" {
		t.Fatalf("no URL printed: %q %q", stdout.String(), stderr.String())
	}

	req, _ := http.NewRequest("POST", base+"api/docs", strings.NewReader(`{"id":"d1","date":"2024-01-02","text":"Iran's foreign minister met his Syrian counterpart."}`))
	req.Header.Set("Authorization", "Bearer tok")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("POST: %s", res.Status)
	}
	res, err = http.Get(base + "api/events?source=IRN")
	if err != nil {
		t.Fatal(err)
	}
	var body struct{ Total int }
	err = json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	if err != nil || body.Total == 0 {
		t.Errorf("GET /api/events: %v %+v", err, body)
	}

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit %d: %s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeOpenFails(t *testing.T) {
	old := openStore
	openStore = func(string) (dyad.Store, error) { return nil, errors.New("locked") }
	defer func() { openStore = old }()
	var stdout, stderr bytes.Buffer
	if code := serve(context.Background(), serveConfig{db: "x.db", addr: "127.0.0.1:0"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "x.db: locked") {
		t.Errorf("code %d, stderr %q", code, stderr.String())
	}
}
