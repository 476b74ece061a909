// Package pipeline composes the stages that turn a dyad.Doc into a
// dyad.Record: text (cleaning, sentences, tokens, tags) → actor (mentions,
// entities) → coder (events). Later stages (quotes, places) plug in here.
package pipeline

import (
	"fmt"
	"runtime/debug"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/lexicon"
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
}

// Pipeline codes documents. It is safe for concurrent use.
type Pipeline struct {
	opts     Options
	lex      *lexicon.Lexicon
	resolver *actor.Resolver
	coder    *coder.Coder
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
	return &Pipeline{opts: opts, lex: lex, resolver: actor.New(lex), coder: coder.NewWith(lex, opts.Coding)}, nil
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
	if err := text.Analyze(a); err != nil {
		return nil, &dyad.Error{Doc: doc.ID, Stage: stage, Err: err}
	}
	stage = "actor"
	if err := p.resolver.Resolve(a); err != nil {
		return nil, &dyad.Error{Doc: doc.ID, Stage: stage, Err: err}
	}
	stage = "event"
	if err := p.coder.Code(a); err != nil {
		return nil, &dyad.Error{Doc: doc.ID, Stage: stage, Err: err}
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
