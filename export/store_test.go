package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func storedEvent() *dyad.StoredEvent {
	return &dyad.StoredEvent{
		Event: dyad.Event{Sentence: 0, Code: "0231", Root: "02", Label: "Appeal for aid", QuadClass: 1, Goldstein: 3.4,
			Source: &dyad.Actor{Text: "the Sylvanian\tcabinet", Code: "SYLGOV", Country: "SYL", Sectors: []string{"GOV"}},
			Target: &dyad.Actor{Text: "Freedonia", Code: "FRD", Country: "FRD"},
			Verb:   dyad.TextSpan{Text: "asked"},
			Place:  &dyad.Place{Name: "Springfield", Country: "USA", Admin1: "IL", Lat: 39.8, Lon: -89.64, GeonameID: 4250542, Feature: "PPLA"}},
		ID: 42, DocID: "doc-1", Date: "2024-03-01", URL: "https://news.example/a", Text: "The Sylvanian cabinet\nasked Freedonia for aid.",
		NumMentions: 3, NumSources: 2,
	}
}

func TestEventWriters(t *testing.T) {
	tests := []struct {
		format string
		check  func(t *testing.T, out string)
	}{
		{"jsonl", func(t *testing.T, out string) {
			var ev dyad.StoredEvent
			if err := json.Unmarshal([]byte(out), &ev); err != nil || ev.ID != 42 || ev.NumMentions != 3 || ev.Source.Code != "SYLGOV" {
				t.Errorf("%v: %s", err, out)
			}
		}},
		{"csv", func(t *testing.T, out string) {
			rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil || len(rows) != 2 || len(rows[1]) != len(CSVColumns) {
				t.Fatalf("%v %v", err, rows)
			}
			row := map[string]string{}
			for i, c := range CSVColumns {
				row[c] = rows[1][i]
			}
			if row["source_code"] != "SYLGOV" || row["target_country"] != "FRD" || row["num_sources"] != "2" ||
				row["sentence"] != "The Sylvanian cabinet asked Freedonia for aid." || row["geonameid"] != "4250542" {
				t.Errorf("row %v", row)
			}
		}},
		{"gdelt", func(t *testing.T, out string) {
			f := strings.Split(strings.TrimSuffix(out, "\n"), "\t")
			if len(f) != len(GDELTColumns) || len(GDELTColumns) != 61 {
				t.Fatalf("%d columns", len(f))
			}
			col := map[string]string{}
			for i, c := range GDELTColumns {
				col[c] = f[i]
			}
			want := map[string]string{"GlobalEventID": "42", "Day": "20240301", "MonthYear": "202403", "Year": "2024",
				"Actor1Code": "SYLGOV", "Actor1Name": "THE SYLVANIAN CABINET", "Actor1CountryCode": "SYL", "Actor1Type1Code": "GOV",
				"Actor2Code": "FRD", "Actor2CountryCode": "FRD", "IsRootEvent": "1", "EventCode": "0231", "EventBaseCode": "023",
				"EventRootCode": "02", "QuadClass": "1", "GoldsteinScale": "3.4", "NumMentions": "3", "NumSources": "2",
				"ActionGeo_Type": "3", "ActionGeo_CountryCode": "USA", "ActionGeo_ADM1Code": "USAIL", "ActionGeo_FeatureID": "4250542",
				"DATEADDED": "20240301000000", "SOURCEURL": "https://news.example/a"}
			for k, v := range want {
				if col[k] != v {
					t.Errorf("%s = %q, want %q", k, col[k], v)
				}
			}
		}},
		{"plover", func(t *testing.T, out string) {
			var p map[string]any
			if err := json.Unmarshal([]byte(out), &p); err != nil || p["cameo_code"] != "0231" || p["event_type"] == "" {
				t.Errorf("%v: %s", err, out)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			w, err := NewEventWriter(tt.format, &b)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(storedEvent()); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tt.check(t, b.String())
		})
	}
	if _, err := NewEventWriter("xml", nil); err == nil {
		t.Error("xml accepted")
	}
	// An event without a PLOVER category is left out of plover.
	var b bytes.Buffer
	w := NewPLOVER(&b)
	ev := storedEvent()
	ev.Code, ev.Plover = "010", ""
	w.Write(ev)
	w.Close()
	if b.Len() != 0 {
		t.Errorf("plover wrote %s", b.String())
	}
	// CSV writes its header even with no event.
	b.Reset()
	c := NewCSV(&b)
	c.Close()
	if strings.TrimSpace(b.String()) != strings.Join(CSVColumns, ",") {
		t.Errorf("empty csv: %q", b.String())
	}
}
