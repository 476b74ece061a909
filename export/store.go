package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

// EventWriter writes events read from the event database (dyad export).
// It is not safe for concurrent use.
type EventWriter interface {
	// Write writes one event.
	Write(ev *dyad.StoredEvent) error
	// Close flushes buffered output (and writes the CSV header if no event
	// came); it does not close the underlying writer.
	Close() error
}

// EventFormats lists the names NewEventWriter accepts, the default first.
var EventFormats = []string{"jsonl", "csv", "gdelt", "plover"}

// NewEventWriter returns the writer of stored events for a format name:
//
//   - jsonl: one dyad.StoredEvent JSON object per line (the contract's event
//     plus id, doc_id, url, date, text, num_mentions, num_sources);
//   - csv: a header line of CSVColumns, then one row per event;
//   - gdelt: GDELT 2.0 event table rows, tab-separated, no header
//     (GDELTColumns; see NewGDELT for what is filled);
//   - plover: one PLOVER-style JSON object per event (see NewPLOVER).
func NewEventWriter(format string, w io.Writer) (EventWriter, error) {
	switch strings.ToLower(format) {
	case "jsonl", "json", "ndjson":
		return &eventJSONL{flusher: newFlusher(w)}, nil
	case "csv":
		return NewCSV(w), nil
	case "gdelt", "gdelt2":
		return NewGDELT(w), nil
	case "plover":
		return NewPLOVER(w), nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(EventFormats, ", "))
}

// eventJSONL writes one StoredEvent per line.
type eventJSONL struct {
	flusher
	n int
}

func (j *eventJSONL) Write(ev *dyad.StoredEvent) error {
	if j.err != nil {
		return j.err
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encoding event %d: %w", ev.ID, err)
	}
	j.bw.Write(b)
	j.bw.WriteByte('\n')
	if j.n++; j.n%256 == 0 {
		return j.flush()
	}
	return nil
}

func (j *eventJSONL) Close() error { return j.flush() }

// CSVColumns are the columns of the csv format.
var CSVColumns = []string{"id", "date", "doc_id", "url", "source_code", "source_country", "source_text",
	"target_code", "target_country", "target_text", "code", "root", "label", "quad_class", "goldstein", "plover",
	"verb", "negated", "num_mentions", "num_sources", "place", "place_country", "lat", "lon", "geonameid", "sentence", "rule"}

type csvWriter struct {
	w      *csv.Writer
	header bool
	row    []string
	n      int
}

// NewCSV returns a writer of events as CSV (RFC 4180): a header of
// CSVColumns, then one row per event. Actor, place and coordinate cells
// are empty when the event has none; sentence is the event's sentence
// text.
func NewCSV(w io.Writer) EventWriter {
	return &csvWriter{w: csv.NewWriter(w), row: make([]string, len(CSVColumns))}
}

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	return c.w.Write(CSVColumns)
}

func (c *csvWriter) Write(ev *dyad.StoredEvent) error {
	if err := c.writeHeader(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	r := c.row
	r[0] = strconv.FormatInt(ev.ID, 10)
	r[1], r[2], r[3] = ev.Date, ev.DocID, ev.URL
	r[4], r[5], r[6] = actorCells(ev.Source)
	r[7], r[8], r[9] = actorCells(ev.Target)
	r[10], r[11], r[12] = ev.Code, ev.Root, ev.Label
	r[13] = strconv.Itoa(ev.QuadClass)
	r[14] = strconv.FormatFloat(ev.Goldstein, 'f', -1, 64)
	r[15], r[16] = ev.Plover, ev.Verb.Text
	r[17] = strconv.FormatBool(ev.Negated)
	r[18], r[19] = strconv.Itoa(ev.NumMentions), strconv.Itoa(ev.NumSources)
	if p := ev.Place; p != nil {
		r[20], r[21] = placeName(p), p.Country
		r[22], r[23] = coord(p.Lat), coord(p.Lon)
		r[24] = strconv.Itoa(p.GeonameID)
	} else {
		r[20], r[21], r[22], r[23], r[24] = "", "", "", "", ""
	}
	r[25], r[26] = cleanField(ev.Text), ev.Rule
	if err := c.w.Write(r); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if c.n++; c.n%256 == 0 {
		c.w.Flush()
		if err := c.w.Error(); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
	}
	return nil
}

func (c *csvWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

func actorCells(a *dyad.Actor) (code, country, text string) {
	if a == nil {
		return "", "", ""
	}
	return a.Code, string(a.Country), cleanField(a.Text)
}

func placeName(p *dyad.Place) string {
	if p.Gazetteer != "" {
		return p.Gazetteer
	}
	return p.Name
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in order.
var GDELTColumns = []string{"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"}

// Indexes of the GDELT columns the writer fills.
const (
	gID, gDay, gMonthYear, gYear, gFraction = 0, 1, 2, 3, 4
	gActor1, gActor2                        = 5, 15 // Code, Name, CountryCode, …, Type1..3
	gIsRoot, gCode, gBase, gRoot, gQuad     = 25, 26, 27, 28, 29
	gGoldstein, gMentions, gSources, gArts  = 30, 31, 32, 33
	gActionGeo, gAdded, gURL                = 51, 59, 60
)

type gdeltWriter struct {
	flusher
	row []string
	n   int
}

// NewGDELT returns a writer of GDELT 2.0 event table rows: 61
// tab-separated columns (GDELTColumns), no header, as GDELT's own files.
// Filled: GlobalEventID (the store's event id), Day, MonthYear, Year,
// FractionDate, Actor1/2 Code, Name (the text naming the actor),
// CountryCode (the code's country part; empty for an unknown country or an
// IGO), Type1..3Code (the code's sectors), IsRootEvent (1 for an event in
// the first sentence), EventCode, EventBaseCode, EventRootCode, QuadClass,
// GoldsteinScale, NumMentions, NumSources, NumArticles (= NumMentions),
// ActionGeo_* from the event's place (Type 1 country, 2 US state, 3 US
// city, 4 world city, 5 world state; CountryCode is ISO 3166 alpha-3, not
// FIPS; ADM1Code is the country code followed by the GeoNames admin1
// code; FeatureID the GeoNames id), DATEADDED (the event date at
// 000000) and SOURCEURL (the document URL, else its id). Empty: the known
// group, ethnic and religion codes, AvgTone, Actor1Geo_* and Actor2Geo_*.
func NewGDELT(w io.Writer) EventWriter {
	return &gdeltWriter{flusher: newFlusher(w), row: make([]string, len(GDELTColumns))}
}

func (g *gdeltWriter) Write(ev *dyad.StoredEvent) error {
	if g.err != nil {
		return g.err
	}
	r := g.row
	for i := range r {
		r[i] = ""
	}
	r[gID] = strconv.FormatInt(ev.ID, 10)
	if t, err := time.Parse("2006-01-02", ev.Date); err == nil {
		r[gDay] = t.Format("20060102")
		r[gMonthYear] = t.Format("200601")
		r[gYear] = t.Format("2006")
		r[gFraction] = strconv.FormatFloat(float64(t.Year())+float64(t.YearDay())/365, 'f', 4, 64)
		r[gAdded] = t.Format("20060102") + "000000"
	}
	gdeltActor(r[gActor1:gActor1+10], ev.Source)
	gdeltActor(r[gActor2:gActor2+10], ev.Target)
	if ev.Sentence == 0 {
		r[gIsRoot] = "1"
	} else {
		r[gIsRoot] = "0"
	}
	r[gCode] = ev.Code
	r[gBase] = ev.Code
	if len(ev.Code) > 3 {
		r[gBase] = ev.Code[:3]
	}
	r[gRoot] = ev.Root
	r[gQuad] = strconv.Itoa(ev.QuadClass)
	r[gGoldstein] = strconv.FormatFloat(ev.Goldstein, 'f', 1, 64)
	r[gMentions] = strconv.Itoa(ev.NumMentions)
	r[gSources] = strconv.Itoa(ev.NumSources)
	r[gArts] = strconv.Itoa(ev.NumMentions)
	if p := ev.Place; p != nil {
		geo := r[gActionGeo : gActionGeo+8]
		geo[0] = strconv.Itoa(geoType(p))
		geo[1] = placeName(p)
		geo[2] = p.Country
		if p.Admin1 != "" {
			geo[3] = p.Country + p.Admin1
		}
		geo[5], geo[6] = coord(p.Lat), coord(p.Lon)
		if p.GeonameID != 0 {
			geo[7] = strconv.Itoa(p.GeonameID)
		}
	}
	r[gURL] = ev.URL
	if r[gURL] == "" {
		r[gURL] = ev.DocID
	}
	for i, cell := range r {
		if i > 0 {
			g.bw.WriteByte('\t')
		}
		g.bw.WriteString(cleanField(cell))
	}
	g.bw.WriteByte('\n')
	if g.n++; g.n%256 == 0 {
		return g.flush()
	}
	return nil
}

func (g *gdeltWriter) Close() error { return g.flush() }

// gdeltActor fills Code, Name, CountryCode and Type1..3Code of one actor
// (cells: the actor's 10 columns).
func gdeltActor(cells []string, a *dyad.Actor) {
	if a == nil || a.Code == "" {
		return
	}
	cells[0] = a.Code
	cells[1] = strings.ToUpper(cleanField(a.Text))
	c := string(a.Country)
	if c == "" && len(a.Code) >= 3 {
		c = a.Code[:3]
	}
	if c != "---" && c != "IGO" {
		cells[2] = c
	}
	for i, s := range a.Sectors {
		if i == 3 {
			break
		}
		cells[7+i] = s
	}
}

// geoType is GDELT's Geo_Type of a place.
func geoType(p *dyad.Place) int {
	f := p.Feature
	switch {
	case strings.HasPrefix(f, "PCL"):
		return 1
	case strings.HasPrefix(f, "ADM1"):
		if p.Country == "USA" {
			return 2
		}
		return 5
	case p.Country == "USA":
		return 3
	}
	return 4
}

// ploverEvent is one event in the PLOVER-style JSON format.
type ploverEvent struct {
	ID          int64          `json:"id"`
	Date        string         `json:"date"`
	EventType   string         `json:"event_type"`
	Mode        string         `json:"mode,omitempty"`
	Context     []string       `json:"context"`
	Actor       *ploverActor   `json:"actor"`
	Recipient   *ploverActor   `json:"recipient"`
	Location    *ploverPlace   `json:"location"`
	CAMEO       string         `json:"cameo_code"`
	Goldstein   float64        `json:"goldstein"`
	QuadClass   int            `json:"quad_class"`
	Negated     bool           `json:"negated,omitempty"`
	NumMentions int            `json:"num_mentions"`
	NumSources  int            `json:"num_sources"`
	DocID       string         `json:"doc_id"`
	URL         dyad.OptString `json:"url"`
	Text        string         `json:"text"`
}

type ploverActor struct {
	Text    string         `json:"text"`
	Code    string         `json:"code"`
	Country dyad.OptString `json:"country"`
	Sectors []string       `json:"sectors"`
}

type ploverPlace struct {
	Name      string  `json:"name"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int     `json:"geonameid,omitempty"`
}

type ploverWriter struct {
	flusher
	n int
}

// NewPLOVER returns a writer of PLOVER-style JSON lines, one object per
// event: id, date, event_type (the PLOVER category), mode (PLOVER's mode
// where the CAMEO mapping gives one), context (empty: dyad does not code
// contexts yet), actor and recipient (text, code, country, sectors),
// location (the event's place), the CAMEO code, Goldstein value,
// QuadClass, negated, num_mentions, num_sources, doc_id, url and the
// sentence text. Events whose code has no PLOVER category (most
// statements and appeals, 01x and 02x) are left out.
func NewPLOVER(w io.Writer) EventWriter {
	return &ploverWriter{flusher: newFlusher(w)}
}

func (p *ploverWriter) Write(ev *dyad.StoredEvent) error {
	if p.err != nil {
		return p.err
	}
	typ := ev.Plover
	info, ok := cameo.Lookup(ev.Code)
	if typ == "" && ok {
		typ = info.Plover
	}
	if typ == "" {
		return nil
	}
	out := ploverEvent{ID: ev.ID, Date: ev.Date, EventType: typ, Context: []string{},
		Actor: ploverActorOf(ev.Source), Recipient: ploverActorOf(ev.Target), CAMEO: ev.Code,
		Goldstein: ev.Goldstein, QuadClass: ev.QuadClass, Negated: ev.Negated,
		NumMentions: ev.NumMentions, NumSources: ev.NumSources, DocID: ev.DocID, URL: dyad.OptString(ev.URL),
		Text: cleanField(ev.Text)}
	if ok {
		out.Mode = info.PloverMode
	}
	if pl := ev.Place; pl != nil {
		out.Location = &ploverPlace{Name: placeName(pl), Country: pl.Country, Admin1: pl.Admin1,
			Lat: pl.Lat, Lon: pl.Lon, GeonameID: pl.GeonameID}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encoding event %d: %w", ev.ID, err)
	}
	p.bw.Write(b)
	p.bw.WriteByte('\n')
	if p.n++; p.n%256 == 0 {
		return p.flush()
	}
	return nil
}

func (p *ploverWriter) Close() error { return p.flush() }

func ploverActorOf(a *dyad.Actor) *ploverActor {
	if a == nil {
		return nil
	}
	sectors := a.Sectors
	if sectors == nil {
		sectors = []string{}
	}
	return &ploverActor{Text: a.Text, Code: a.Code, Country: a.Country, Sectors: sectors}
}
