// Command dyad turns news text into CAMEO political event data: who did what
// to whom, when and where.
//
// Usage:
//
//	dyad code [flags] PATH... | -    code documents, write one record each
//	dyad quotes [flags] PATH...      list quotations with their speakers
//	dyad eval KIND [flags] FILE...   score the coder against gold data
//	dyad bench [flags] [PATH...]     measure speed on a generated corpus
//	dyad dict import|check [flags]   import and check dictionaries
//	dyad version                     print the version
//	dyad help [COMMAND]              show help
//
// Run "dyad help COMMAND" for the flags and examples of a command.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3"; when
// empty, the module version or VCS revision from the build info is shown.
var version = ""

const mainUsage = `dyad turns news text into political event data: who did what to whom, where,
and who said what.

Usage:
  dyad COMMAND [flags] [arguments]

Commands:
  code      code documents (text files, directories, JSONL, or - for stdin)
  quotes    list who said what in documents: quotations, speakers, cues
  eval      score the coder against gold-standard data
  bench     measure speed and memory on a generated corpus
  dict      import PETRARCH/TABARI dictionaries, check dictionaries
  gazetteer build the embedded gazetteer from GeoNames and country data
  serve     serve the event database: JSON API and web UI
  ingest    code documents and store them in the event database
  export    write events from the event database: jsonl, csv, gdelt, plover
  version   print the version
  help      show help for a command

Run "dyad help COMMAND" or "dyad COMMAND --help" for its flags and examples.

Examples:
  dyad code --format pretty article.txt
  dyad code -o events.jsonl corpus/
  dyad quotes article.txt
  dyad eval geo --gold-spans ../shared/gold/geo/lgl.jsonl
  cat articles.jsonl | dyad code --format tsv - > events.tsv
  dyad bench --docs 500 --workers 1
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command: args are the arguments after the program name.
// It returns the exit status: 0 on success, 1 when some document or file
// failed, 2 on a usage error.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "code":
		return runCode(rest, stdin, stdout, stderr)
	case "quotes":
		return runQuotes(rest, stdin, stdout, stderr)
	case "eval":
		return runEval(rest, stdout, stderr)
	case "bench":
		return runBench(rest, stdout, stderr)
	case "dict":
		return runDict(rest, stdout, stderr)
	case "gazetteer":
		return runGazetteer(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "ingest":
		return runIngest(rest, stdin, stdout, stderr)
	case "export":
		return runExport(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "dyad %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return 0
	case "help", "-h", "-help", "--help":
		return runHelp(rest, stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "dyad: unknown command %q\nRun \"dyad help\" for the list of commands.\n", cmd)
	return 2
}

// runHelp prints the help of the main command or of one subcommand.
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, mainUsage)
		return 0
	}
	switch args[0] {
	case "code", "quotes", "eval", "bench", "serve", "ingest", "export":
		return run([]string{args[0], "--help"}, stdin, stdout, stderr)
	case "dict":
		return runDict([]string{"--help"}, stdout, stderr)
	case "gazetteer":
		return run([]string{"gazetteer", "--help"}, stdin, stdout, stderr)
	case "version", "help":
		fmt.Fprint(stdout, mainUsage)
		return 0
	}
	fmt.Fprintf(stderr, "dyad help: unknown command %q\n\n%s", args[0], mainUsage)
	return 2
}

// versionString finds the version of this binary.
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "dev-" + rev + modified
}

// parseCommandLine parses flags that may come before, between or after the
// positional arguments and returns the positional ones. Everything after
// "--" is positional; "-" is positional (standard input).
func parseCommandLine(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return pos, nil
}

// newFlagSet returns a flag set that reports nothing itself: parseFlags
// prints errors and help.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args with fs. On --help it prints the usage (head, the
// flag list, then tail) to stdout and returns code 0 and done; on a bad flag
// it prints the error and a hint to stderr and returns 2 and done.
func parseFlags(fs *flag.FlagSet, args []string, head, tail string, stdout, stderr io.Writer) (pos []string, code int, done bool) {
	pos, err := parseCommandLine(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, fs, head, tail)
		return nil, 0, true
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad %s: %v\nRun \"dyad %s --help\" for usage.\n", fs.Name(), err, fs.Name())
		return nil, 2, true
	}
	return pos, 0, false
}

// printUsage writes a command's help.
func printUsage(w io.Writer, fs *flag.FlagSet, head, tail string) {
	fmt.Fprint(w, head)
	fmt.Fprint(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if tail != "" {
		fmt.Fprint(w, "\n"+tail)
	}
}

// usageError reports a usage error and returns its exit status.
func usageError(stderr io.Writer, cmd, format string, args ...any) int {
	fmt.Fprintf(stderr, "dyad %s: %s\nRun \"dyad %s --help\" for usage.\n", cmd, fmt.Sprintf(format, args...), cmd)
	return 2
}

// isTerminal reports whether f is an *os.File open on a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok || file == nil {
		return false
	}
	fi, err := file.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// plural writes "1 document", "2 documents".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// commandLine writes the command line for reports.
func commandLine(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$*?") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		quoted[i] = a
	}
	return strings.Join(append([]string{"dyad"}, quoted...), " ")
}
