-- dyad store, schema version 1.
--
-- docs: one row per stored document. ident is its identity: 'url:' || url
-- when it has a URL, else 'sha256:' || hash of its text; a second document
-- with a known ident is skipped. n is the insertion order. dup_of links a
-- near-duplicate story to the first stored document of its cluster.
CREATE TABLE docs (
	n         INTEGER PRIMARY KEY,
	id        TEXT    NOT NULL UNIQUE,
	ident     TEXT    NOT NULL UNIQUE,
	hash      TEXT    NOT NULL,
	url       TEXT    NOT NULL DEFAULT '',
	date      TEXT    NOT NULL DEFAULT '',
	source    TEXT    NOT NULL DEFAULT '',
	title     TEXT    NOT NULL DEFAULT '',
	title_key TEXT    NOT NULL DEFAULT '',
	simhash   INTEGER NOT NULL DEFAULT 0,
	dup_of    INTEGER REFERENCES docs(n),
	text      TEXT    NOT NULL,
	record    BLOB    NOT NULL -- the output contract record, JSON
);
CREATE INDEX docs_hash ON docs(hash);
CREATE INDEX docs_title ON docs(title_key) WHERE title_key <> '';
CREATE INDEX docs_dup ON docs(dup_of) WHERE dup_of IS NOT NULL;

-- doc_bands: the four 16-bit bands of each document's simhash, (i << 16) |
-- value, to find candidates within 3 bits (pigeonhole: one band is equal).
CREATE TABLE doc_bands (
	band INTEGER NOT NULL,
	doc  INTEGER NOT NULL REFERENCES docs(n),
	PRIMARY KEY (band, doc)
) WITHOUT ROWID;

-- event_groups: one row per distinct event, the key (date, source code,
-- target code, event code) reported by one or more documents. mentions
-- counts those documents, sources their distinct sources. id is a 63-bit
-- FNV-1a hash of the key (see groupKey.id).
CREATE TABLE event_groups (
	id          INTEGER PRIMARY KEY,
	date        TEXT    NOT NULL,
	src_code    TEXT    NOT NULL,
	tgt_code    TEXT    NOT NULL,
	code        TEXT    NOT NULL,
	src_country TEXT    NOT NULL,
	tgt_country TEXT    NOT NULL,
	root        TEXT    NOT NULL,
	quad        INTEGER NOT NULL,
	goldstein   REAL    NOT NULL,
	mentions    INTEGER NOT NULL,
	sources     INTEGER NOT NULL
);
CREATE INDEX groups_src ON event_groups(src_country, tgt_country, date);
CREATE INDEX groups_tgt ON event_groups(tgt_country, date);

CREATE TABLE group_sources (
	grp    INTEGER NOT NULL REFERENCES event_groups(id),
	source TEXT    NOT NULL,
	PRIMARY KEY (grp, source)
) WITHOUT ROWID;

-- events: one row per coded event of a stored document (idx is its index
-- in the record's events); event is the contract's event object, JSON (the
-- record in docs is stored without its events). An actor's country is the
-- first three letters of its code (country, IGO, or --- for unknown); a
-- filter on a full code goes through the country index.
CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	doc         INTEGER NOT NULL REFERENCES docs(n),
	idx         INTEGER NOT NULL,
	grp         INTEGER NOT NULL REFERENCES event_groups(id),
	date        TEXT    NOT NULL,
	code        TEXT    NOT NULL,
	root        TEXT    NOT NULL,
	quad        INTEGER NOT NULL,
	goldstein   REAL    NOT NULL,
	src_code    TEXT    NOT NULL,
	src_country TEXT    NOT NULL,
	src_name    TEXT    NOT NULL,
	tgt_code    TEXT    NOT NULL,
	tgt_country TEXT    NOT NULL,
	tgt_name    TEXT    NOT NULL,
	text        TEXT    NOT NULL,
	event       BLOB    NOT NULL
);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_code ON events(code, date);
CREATE INDEX events_quad ON events(quad, date);
CREATE INDEX events_src_country ON events(src_country, date);
CREATE INDEX events_tgt_country ON events(tgt_country, date);

-- Full-text search over the events' sentence text.
CREATE VIRTUAL TABLE event_fts USING fts5(text, content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

-- quotes: one row per quotation; quote is the contract's quote object.
CREATE TABLE quotes (
	id          INTEGER PRIMARY KEY,
	doc         INTEGER NOT NULL REFERENCES docs(n),
	idx         INTEGER NOT NULL,
	date        TEXT    NOT NULL,
	spk_code    TEXT    NOT NULL,
	spk_country TEXT    NOT NULL,
	text        TEXT    NOT NULL,
	quote       BLOB    NOT NULL
);
CREATE INDEX quotes_date ON quotes(date, id);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_spk_country ON quotes(spk_country, date);

CREATE VIRTUAL TABLE quote_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
