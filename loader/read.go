package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/geokg/geokg/graph"
)

// rawArticle is an article file split into its header and body.
type rawArticle struct {
	Title     string
	Source    string
	Published string // ISO day, "" when unknown
	Body      string // the text the offsets point into
}

// frontMatter is the YAML header; unknown keys are ignored so sources can
// carry notes without breaking the loader.
type frontMatter struct {
	Title     string `yaml:"title"`
	Source    string `yaml:"source"`
	Published string `yaml:"published"`
}

// ReadArticle reads an article file, refusing directories and files larger
// than MaxArticleBytes without reading them whole.
func ReadArticle(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read article %s: no such file: %w", path, err)
		}
		return nil, fmt.Errorf("read article: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read article: %w", err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%w: read article %s: is a directory, not an article file", graph.ErrInvalid, path)
	}
	if st.Size() > MaxArticleBytes {
		return nil, fmt.Errorf("%w: read article %s: %d bytes is larger than the %d-byte limit", graph.ErrInvalid, path, st.Size(), MaxArticleBytes)
	}
	// The size can change after Stat (or lie, for special files): read at most
	// one byte past the limit to notice.
	data, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read article %s: %w", path, err)
	}
	if len(data) > MaxArticleBytes {
		return nil, fmt.Errorf("%w: read article %s: larger than the %d-byte limit", graph.ErrInvalid, path, MaxArticleBytes)
	}
	return data, nil
}

// readArticle validates raw article bytes and splits off the front matter.
// name supplies fallbacks: a leading YYYY-MM-DD in the base name for the
// published date and the base name itself for the title.
func readArticle(name string, data []byte) (rawArticle, error) {
	if len(data) > MaxArticleBytes {
		return rawArticle{}, fmt.Errorf("%w: article is %d bytes, larger than the %d-byte limit", graph.ErrInvalid, len(data), MaxArticleBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return rawArticle{}, fmt.Errorf("%w: article is empty", graph.ErrInvalid)
	}
	if !utf8.Valid(data) {
		return rawArticle{}, fmt.Errorf("%w: article is not valid UTF-8 (first bad byte at offset %d)", graph.ErrInvalid, invalidUTF8Offset(data))
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	var a rawArticle
	body := text
	if header, rest, ok, err := splitFrontMatter(text); err != nil {
		return rawArticle{}, err
	} else if ok {
		fm, err := parseFrontMatter(header)
		if err != nil {
			return rawArticle{}, err
		}
		a.Title = strings.TrimSpace(fm.Title)
		a.Source = strings.TrimSpace(fm.Source)
		if p := strings.TrimSpace(fm.Published); p != "" {
			day, ok := leadingDay(p)
			if !ok {
				return rawArticle{}, fmt.Errorf("%w: malformed front matter: published %q is not a date (want YYYY-MM-DD, optionally followed by words)", graph.ErrInvalid, p)
			}
			a.Published = day
		}
		body = rest
	}
	if strings.TrimSpace(body) == "" {
		return rawArticle{}, fmt.Errorf("%w: article has front matter but no body text", graph.ErrInvalid)
	}
	a.Body = body
	base := filepath.Base(name)
	if a.Published == "" {
		if day, ok := leadingDay(base); ok {
			a.Published = day
		}
	}
	if a.Title == "" && name != "" {
		a.Title = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return a, nil
}

// parseFrontMatter decodes a YAML header within MaxFrontMatterBytes and
// MaxFrontMatterKeys; the key count is checked on the parsed document,
// before decoding compares every key with every other.
func parseFrontMatter(header string) (frontMatter, error) {
	var fm frontMatter
	if len(header) > MaxFrontMatterBytes {
		return fm, fmt.Errorf("%w: front matter is %d bytes, larger than the %d-byte limit", graph.ErrInvalid, len(header), MaxFrontMatterBytes)
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(header), &root); err != nil {
		return fm, fmt.Errorf("%w: malformed front matter: %s", graph.ErrInvalid, yamlMessage(err))
	}
	if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		if n := len(root.Content[0].Content) / 2; n > MaxFrontMatterKeys {
			return fm, fmt.Errorf("%w: front matter has %d keys, more than the limit of %d", graph.ErrInvalid, n, MaxFrontMatterKeys)
		}
	}
	if len(root.Content) == 0 {
		return fm, nil // only comments or blank lines
	}
	if err := root.Decode(&fm); err != nil {
		return fm, fmt.Errorf("%w: malformed front matter: %s", graph.ErrInvalid, yamlMessage(err))
	}
	return fm, nil
}

// splitFrontMatter returns the YAML between a first line "---" and the next
// line "---", and the text after that closing line. ok is false when the text
// does not start with front matter.
func splitFrontMatter(text string) (header, body string, ok bool, err error) {
	first, rest, found := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t\r") != "---" {
		return "", text, false, nil
	}
	if !found {
		return "", "", false, fmt.Errorf("%w: malformed front matter: no closing --- line", graph.ErrInvalid)
	}
	off := 0
	for off <= len(rest) {
		line, _, more := strings.Cut(rest[off:], "\n")
		if strings.TrimRight(line, " \t\r") == "---" {
			header = rest[:off]
			after := off + len(line)
			if more {
				after++
			}
			return header, rest[after:], true, nil
		}
		if !more {
			break
		}
		off += len(line) + 1
	}
	return "", "", false, fmt.Errorf("%w: malformed front matter: no closing --- line", graph.ErrInvalid)
}

// leadingDay parses a YYYY-MM-DD at the start of s that is followed by the
// end of s or a non-digit ("2025-05-20 (estimated)", "2025-05-20T10:00Z",
// "2025-05-17-trump.txt").
func leadingDay(s string) (string, bool) {
	if len(s) < 10 {
		return "", false
	}
	if len(s) > 10 && s[10] >= '0' && s[10] <= '9' {
		return "", false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// invalidUTF8Offset returns the byte offset of the first invalid UTF-8
// sequence in b (len(b) when there is none).
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// yamlMessage drops the library prefix from a YAML error.
func yamlMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}
