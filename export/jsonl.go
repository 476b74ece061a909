package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/dyad-events/dyad"
)

// jsonlWriter writes one record per line.
type jsonlWriter struct {
	flusher
	enc *json.Encoder
}

// NewJSONL returns a writer of the output contract: one JSON object per
// document, one per line, in the order written. HTML characters are not
// escaped.
func NewJSONL(w io.Writer) Writer {
	j := &jsonlWriter{flusher: newFlusher(w)}
	j.enc = json.NewEncoder(j.bw)
	j.enc.SetEscapeHTML(false)
	return j
}

// Write encodes rec; doc is not needed.
func (j *jsonlWriter) Write(_ dyad.Doc, rec dyad.Record) error {
	if j.err != nil {
		return j.err
	}
	if err := j.enc.Encode(rec); err != nil {
		// json.Encoder marshals the whole value before writing, so an
		// unencodable record (a NaN, say) leaves the stream valid.
		return fmt.Errorf("encoding record %q: %w", rec.Doc.ID, err)
	}
	return j.flush()
}

// Close flushes the output.
func (j *jsonlWriter) Close() error { return j.flush() }
