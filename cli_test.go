package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/cli"
	"github.com/geokg/geokg/loader"
)

const seedPath = "articles/2025-05-17-trump-putin-call.txt"

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runCLI runs geokg with args and no environment.
func runCLI(args ...string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, func(string) string { return "" }, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestCLIErrors(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", "")
	blank := writeFile(t, dir, "blank.txt", " \n\t\n")
	latin1 := writeFile(t, dir, "latin1.txt", "Caf\xe9 talks in Gen\xe8ve.\n")
	big := writeFile(t, dir, "big.txt", strings.Repeat("Russia struck Kyiv. ", loader.MaxArticleBytes/20+1))
	tests := []struct {
		name     string
		args     []string
		wantErr  string // substring
		wantCode int
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`, 2},
		{"unknown serve flag", []string{"serve", "--bogus"}, "flag provided but not defined: -bogus", 2},
		{"unknown flag without command", []string{"--bogus"}, "flag provided but not defined: -bogus", 2},
		{"serve argument", []string{"serve", "extra"}, "serve takes no arguments", 2},
		{"version argument", []string{"version", "x"}, "version takes no arguments", 2},
		{"extract without file", []string{"extract"}, "extract takes exactly one FILE, got 0", 2},
		{"extract two files", []string{"extract", "a", "b"}, "extract takes exactly one FILE, got 2", 2},
		{"extract missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, "no such file", 1},
		{"extract a folder", []string{"extract", dir}, "is a directory", 1},
		{"extract empty file", []string{"extract", empty}, "article is empty", 1},
		{"extract blank file", []string{"extract", blank}, "article is empty", 1},
		{"extract not UTF-8", []string{"extract", latin1}, "not valid UTF-8", 1},
		{"extract too big", []string{"extract", big}, "larger than the 1048576-byte limit", 1},
		{"load without paths", []string{"load"}, "load needs at least one file or folder", 2},
		{"load missing file", []string{"load", filepath.Join(dir, "nope.txt")}, "1 of 1 file failed", 1},
		{"load batch zero", []string{"load", "--batch", "0", dir}, "--batch 0: want 1 to 1000 articles", 2},
		{"load batch negative", []string{"load", "--batch", "-5", dir}, "--batch -5: want 1 to 1000 articles", 2},
		{"load batch too large", []string{"load", "--batch", "1001", dir}, "--batch 1001: want 1 to 1000 articles", 2},
		{"load batch not a number", []string{"load", "--batch", "many", dir}, `invalid value "many" for flag -batch`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runCLI(tc.args...)
			if err == nil {
				t.Fatalf("run %q: got nil error, want one containing %q", tc.args, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("run %q: got %q, want it to contain %q", tc.args, err, tc.wantErr)
			}
			if got := cli.ExitCode(err); got != tc.wantCode {
				t.Errorf("run %q: exit code got %d, want %d", tc.args, got, tc.wantCode)
			}
		})
	}
}

func TestBadEnvironment(t *testing.T) {
	tests := []struct {
		env     map[string]string
		wantErr string
	}{
		{map[string]string{"GEOKG_LOG_LEVEL": "loud"}, `GEOKG_LOG_LEVEL="loud"`},
		{map[string]string{"GEOKG_LOG_FORMAT": "xml"}, `GEOKG_LOG_FORMAT="xml"`},
		{map[string]string{"GEOKG_INTROSPECTION": "maybe"}, `GEOKG_INTROSPECTION="maybe"`},
	}
	for _, tc := range tests {
		err := run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"}, func(k string) string { return tc.env[k] }, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.wantErr) || cli.ExitCode(err) != 2 {
			t.Errorf("env %v: got %v, want a usage error containing %q", tc.env, err, tc.wantErr)
		}
	}
}

func TestExtract(t *testing.T) {
	stdout, _, err := runCLI("extract", seedPath)
	if err != nil {
		t.Fatalf("extract: got %v, want nil", err)
	}
	var doc loader.Document
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("extract output is not an extraction document: %v\n%s", err, stdout)
	}
	if doc.Article.Published != "2025-05-17" || !strings.HasPrefix(doc.Article.Title, "Trump to speak with Putin") {
		t.Errorf("article: got %+v, want the seed article's title and date", doc.Article)
	}
	if len(doc.Entities) == 0 || len(doc.Relations) == 0 {
		t.Errorf("got %d entities and %d relations, want some of each", len(doc.Entities), len(doc.Relations))
	}
	if !strings.HasPrefix(stdout, "{\n  \"article\": {") {
		t.Errorf("output: got %.40q, want indented JSON", stdout)
	}
}

func TestLoad(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "b/seed.md", string(seed))
	writeFile(t, dir, "a.txt", "---\ntitle: Drills\npublished: 2025-06-02\n---\nChina held military drills around Taiwan on Monday.\n")
	writeFile(t, dir, "c/empty.txt", "")
	writeFile(t, dir, "notes.json", "{}")           // not an article: skipped
	writeFile(t, dir, ".hidden/x.txt", "Hidden.\n") // hidden: skipped
	one := writeFile(t, t.TempDir(), "single.text", "Putin met Xi in Moscow.\n")

	for _, batch := range []string{"1", "2", "50"} {
		t.Run("batch "+batch, func(t *testing.T) {
			_, stderr, err := runCLI("load", "--batch", batch, dir, one)
			if err == nil || !strings.Contains(err.Error(), "1 of 4 files failed") {
				t.Errorf("load: got %v, want 1 of 4 files failed", err)
			}
			checkLoadLines(t, stderr, dir, one)
		})
	}
}

// checkLoadLines checks the plain progress lines and the summary of
// TestLoad's load.
func checkLoadLines(t *testing.T, stderr, dir, one string) {
	t.Helper()
	for _, want := range []string{
		"[1/4] " + filepath.Join(dir, "a.txt") + ": ",
		"[2/4] " + filepath.Join(dir, "b/seed.md") + ": ",
		"[3/4] " + filepath.Join(dir, "c/empty.txt") + ": FAILED: ",
		"article is empty",
		"[4/4] " + one + ": ",
		"loaded 3 articles (",
		"; 1 failed; ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr: got\n%s\nwant it to contain %q", stderr, want)
		}
	}
	if strings.Contains(stderr, "notes.json") || strings.Contains(stderr, ".hidden") {
		t.Errorf("stderr: got\n%s\nwant non-articles and hidden folders skipped", stderr)
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	_, _, err := runCLI("load", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "1 of 1 file failed") {
		t.Errorf("load of an empty folder: got %v, want a failure", err)
	}
}

func TestVersionAndHelp(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"version"}, "geokg "},
		{[]string{"help"}, "Usage:\n  geokg [serve] [flags]"},
	}
	for _, tc := range tests {
		stdout, _, err := runCLI(tc.args...)
		if err != nil || !strings.Contains(stdout, tc.want) {
			t.Errorf("run %q: got %q, %v; want output containing %q", tc.args, stdout, err, tc.want)
		}
	}
	// -h is a request for help, not a mistake.
	_, stderr, err := runCLI("extract", "-h")
	if err != nil || !strings.Contains(stderr, "Usage: geokg extract FILE") {
		t.Errorf("extract -h: got %v, stderr %q; want flag help and no error", err, stderr)
	}
}

// TestLoadProgressBar feeds a load's reports to the terminal display: the
// bar counts N of Total with a rate, a failure is a line of its own, and
// the bar's line ends before the summary.
func TestLoadProgressBar(t *testing.T) {
	var out bytes.Buffer
	p := newLoadProgress(&out, true)
	for n, err := range []error{nil, errors.New("article is empty"), nil, nil} {
		p.report(ingest.Progress{N: n + 1, Total: 4, Path: fmt.Sprintf("%d.txt", n+1), Err: err})
	}
	p.finish()
	got := out.String()
	for _, want := range []string{"\r[2/4] 2.txt: FAILED: article is empty\n", "(4/4, ", " articles/s", "100%"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "1.txt") || !strings.HasSuffix(got, "\n") {
		t.Errorf("got %q, want lines for failures only and a final newline", got)
	}
}
