package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultTimeout bounds one HTTP request of the default client, from
// connecting to reading the whole body.
const DefaultTimeout = 20 * time.Second

// UserAgent is the User-Agent header sent with every request.
const UserAgent = "dyad/1 (news event coder; +https://github.com/dyad-events/dyad)"

// defaultClient is the client used when Options.Client is nil.
var defaultClient = &http.Client{Timeout: DefaultTimeout}

// isURL reports whether an input names an http(s) URL.
func isURL(in string) bool {
	l := strings.ToLower(in)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// response is a fetched body.
type response struct {
	body        []byte
	contentType string
	url         *url.URL // after redirects
}

// fetch GETs an http(s) URL. Errors (status other than 200, a body over
// opts.MaxBytes, a network failure or timeout) do not name the URL: the
// caller does.
func fetch(ctx context.Context, opts *Options, raw string) (*response, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, reasonf(ErrHTTP, "invalid URL: %v", errors.Unwrap(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, reasonf(ErrHTTP, "unsupported URL scheme %q (want http or https)", u.Scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, reasonf(ErrHTTP, "invalid request: %v", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
	client := opts.Client
	if client == nil {
		client = defaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, httpError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, reasonf(ErrHTTP, "HTTP status %s", statusText(resp))
	}
	if resp.ContentLength > opts.MaxBytes {
		return nil, bodyTooLarge(resp.ContentLength, opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return nil, httpError(ctx, err)
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, bodyTooLarge(-1, opts.MaxBytes)
	}
	return &response{body: body, contentType: resp.Header.Get("Content-Type"), url: resp.Request.URL}, nil
}

// statusText is "404 Not Found" for a response.
func statusText(resp *http.Response) string {
	if resp.Status != "" {
		return resp.Status
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
}

// httpError turns a client error into an Item error without the URL.
func httpError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return reasonf(ErrHTTP, "timed out: %v", ue.Err)
		}
		err = ue.Err
	}
	return reasonf(ErrHTTP, "fetch failed: %v", err)
}

// bodyTooLarge is the error for a body over the limit; size is -1 when
// the body was cut at the limit without knowing its length.
func bodyTooLarge(size, limit int64) error {
	if size < 0 {
		return reasonf(ErrTooLarge, "too large: body over the %s limit (%d bytes); raise --max-bytes", FormatSize(limit), limit)
	}
	return reasonf(ErrTooLarge, "too large: %d bytes, limit %d (%s); raise --max-bytes", size, limit, FormatSize(limit))
}
