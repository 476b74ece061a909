// Package pipeline composes the stages that turn a dyad.Doc into a
// dyad.Record: text (cleaning, sentences, tokens, tags) → actor (mentions,
// entities) → quote (quotations, speakers) → coder (events, each tied to
// the quotation it was said in) → geo (places, and each event's place).
package pipeline

import (
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/gazetteer"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/lexicon"
	"github.com/dyad-events/dyad/quote"
	"github.com/dyad-events/dyad/text"
)

// Options configures a Pipeline.
type Options struct {
	// DefaultDate is used for documents that carry no date (YYYY-MM-DD).
	DefaultDate string
	// Lexicon overrides the embedded dictionaries when set.
	Lexicon *lexicon.Lexicon
	// Coding sets the event coder's options (coder.Options).
	Coding coder.Options
	// Gazetteer overrides the embedded gazetteer when set.
	Gazetteer *gazetteer.Gazetteer
	// DictionaryActorsOnly keeps the gazetteer out of the actor stage: only
	// the dictionaries' actors are actors (places they do not list are not
	// mentions of a country, and lend no country to agents), as PETRARCH
	// and TABARI code with their own dictionaries.
	DictionaryActorsOnly bool
	// TimeStages makes the pipeline add up the time spent in each stage
	// (see StageTimes); the benchmark turns it on.
	TimeStages bool
}

// Stages names the pipeline's stages in the order they run.
var Stages = []string{"text", "actor", "quote", "event", "geo"}

// StageTime is the time spent in one stage over every document analysed.
type StageTime struct {
	Stage string
	Total time.Duration
}

// Pipeline codes documents. It is safe for concurrent use.
type Pipeline struct {
	opts     Options
	lex      *lexicon.Lexicon
	resolver *actor.Resolver
	coder    *coder.Coder
	quotes   *quote.Extractor
	places   *geo.Locator
	spent    [5]atomic.Int64 // nanoseconds per stage, with Options.TimeStages
}

// StageTimes returns the time spent in each stage so far, in stage order;
// all zero unless Options.TimeStages is set.
func (p *Pipeline) StageTimes() []StageTime {
	out := make([]StageTime, len(Stages))
	for i, name := range Stages {
		out[i] = StageTime{Stage: name, Total: time.Duration(p.spent[i].Load())}
	}
	return out
}

// timed runs one stage, adding its time to the stage's total when the
// pipeline times its stages.
func (p *Pipeline) timed(stage int, f func(*dyad.Analysis) error, a *dyad.Analysis) error {
	if !p.opts.TimeStages {
		return f(a)
	}
	t := time.Now()
	err := f(a)
	p.spent[stage].Add(int64(time.Since(t)))
	return err
}

// New loads the dictionaries and returns a ready pipeline.
func New(opts Options) (*Pipeline, error) {
	lex := opts.Lexicon
	if lex == nil {
		var err error
		lex, err = lexicon.Default()
		if err != nil {
			return nil, err
		}
	}
	gz := opts.Gazetteer
	if gz == nil {
		var err error
		if gz, err = gazetteer.Load(); err != nil {
			return nil, fmt.Errorf("loading the gazetteer: %w", err)
		}
	}
	places, err := geo.New(gz)
	if err != nil {
		return nil, err
	}
	resolver := actor.NewWithPlaces(lex, places)
	if opts.DictionaryActorsOnly {
		resolver = actor.New(lex)
	}
	return &Pipeline{opts: opts, lex: lex, resolver: resolver, coder: coder.NewWith(lex, opts.Coding),
		quotes: quote.New(nil), places: places}, nil
}

// Lexicon returns the dictionaries the pipeline codes with.
func (p *Pipeline) Lexicon() *lexicon.Lexicon { return p.lex }

// Analyze runs every stage on one document and returns the full analysis
// (tokens and mentions included). Errors are *dyad.Error values naming the
// document and the stage that failed; a panic in a stage is turned into
// such an error so one bad document never stops a run.
func (p *Pipeline) Analyze(doc dyad.Doc) (a *dyad.Analysis, err error) {
	a = &dyad.Analysis{Doc: doc}
	if a.Doc.Date == "" {
		a.Doc.Date = p.opts.DefaultDate
	}
	stage := "text"
	defer func() {
		if r := recover(); r != nil {
			err = &dyad.Error{Doc: doc.ID, Stage: stage, Err: fmt.Errorf("internal error: %v\n%s", r, debug.Stack())}
		}
	}()
	for i, f := range []func(*dyad.Analysis) error{text.Analyze, p.resolver.Resolve, p.quotes.Extract, p.coder.Code, p.places.Locate} {
		stage = Stages[i]
		if err := p.timed(i, f, a); err != nil {
			return nil, &dyad.Error{Doc: doc.ID, Stage: stage, Err: err}
		}
	}
	return a, nil
}

// Process runs every stage on one document and returns its record.
func (p *Pipeline) Process(doc dyad.Doc) (dyad.Record, error) {
	a, err := p.Analyze(doc)
	if err != nil {
		return dyad.Record{}, err
	}
	return a.Record(), nil
}

// ResolvePlaces resolves given spans of a document to gazetteer entries
// (the gold-span evaluation of toponym resolution): the document goes
// through the text, actor and quote stages for its context, then each span
// is resolved as the geo stage would, one Place per span in order. A span
// the gazetteer does not know gets a Place with GeonameID 0.
func (p *Pipeline) ResolvePlaces(doc dyad.Doc, spans []dyad.Span) (places []dyad.Place, err error) {
	a := &dyad.Analysis{Doc: doc}
	stage := "text"
	defer func() {
		if r := recover(); r != nil {
			err = &dyad.Error{Doc: doc.ID, Stage: stage, Err: fmt.Errorf("internal error: %v\n%s", r, debug.Stack())}
		}
	}()
	for i, f := range []func(*dyad.Analysis) error{text.Analyze, p.resolver.Resolve, p.quotes.Extract} {
		stage = Stages[i]
		if err := f(a); err != nil {
			return nil, &dyad.Error{Doc: doc.ID, Stage: stage, Err: err}
		}
	}
	stage = "geo"
	return p.places.Resolve(a, spans), nil
}
