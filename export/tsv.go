package export

import (
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// TSVColumns are the columns of the TSV format, in order.
var TSVColumns = []string{"date", "source", "target", "code", "root", "quad_class", "goldstein", "sentence", "verb", "doc_id",
	"action_geo_name", "action_geo_country", "action_geo_adm1", "action_geo_lat", "action_geo_lon", "action_geo_featureid"}

// tsvWriter writes one event per line.
type tsvWriter struct {
	flusher
	header bool // written
	row    []string
}

// NewTSV returns a writer of a GDELT-like event table: a header line of
// TSVColumns, then one tab-separated line per event. source and target are
// actor codes (empty when the event has none); sentence is the text of the
// event's sentence; the action_geo_* columns give the event's place (the
// gazetteer's name, ISO3 country, ADM1 code, latitude, longitude and
// GeoNames id), empty when it has none. White space runs inside a cell (tabs and newlines
// included) become single spaces, so every line has exactly len(TSVColumns)
// cells. Documents without events write nothing; the header is written even
// when no event is.
func NewTSV(w io.Writer) Writer {
	return &tsvWriter{flusher: newFlusher(w), row: make([]string, len(TSVColumns))}
}

func (t *tsvWriter) writeHeader() {
	if !t.header {
		t.header = true
		t.bw.WriteString(strings.Join(TSVColumns, "\t"))
		t.bw.WriteByte('\n')
	}
}

// Write writes rec's events.
func (t *tsvWriter) Write(doc dyad.Doc, rec dyad.Record) error {
	if t.err != nil {
		return t.err
	}
	t.writeHeader()
	sp := newSpanner(doc.Text)
	for i := range rec.Events {
		ev := &rec.Events[i]
		r := t.row
		r[0] = string(rec.Doc.Date)
		r[1] = actorCode(ev.Source)
		r[2] = actorCode(ev.Target)
		r[3] = ev.Code
		r[4] = ev.Root
		r[5] = strconv.Itoa(ev.QuadClass)
		r[6] = strconv.FormatFloat(ev.Goldstein, 'f', -1, 64)
		r[7] = sentenceText(sp, &rec, ev.Sentence)
		r[8] = ev.Verb.Text
		r[9] = rec.Doc.ID
		// GDELT-style action geography: where the event took place
		if p := ev.Place; p != nil {
			r[10], r[11], r[12] = p.Gazetteer, p.Country, p.Admin1
			r[13] = strconv.FormatFloat(p.Lat, 'f', 4, 64)
			r[14] = strconv.FormatFloat(p.Lon, 'f', 4, 64)
			r[15] = strconv.Itoa(p.GeonameID)
			if r[10] == "" {
				r[10] = p.Name
			}
		} else {
			for j := 10; j <= 15; j++ {
				r[j] = ""
			}
		}
		for j, cell := range r {
			if j > 0 {
				t.bw.WriteByte('\t')
			}
			t.bw.WriteString(cleanField(cell))
		}
		t.bw.WriteByte('\n')
	}
	return t.flush()
}

// Close writes the header if nothing was written, and flushes.
func (t *tsvWriter) Close() error {
	if t.err != nil {
		return t.err
	}
	t.writeHeader()
	return t.flush()
}

func actorCode(a *dyad.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}
