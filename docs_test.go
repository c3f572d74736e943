package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the answers in docs/api.md from what the server gives")

const apiDoc = "docs/api.md"

// docToken is the GEOKG_API_TOKEN the doc's mutation examples use.
const docToken = "change-me"

// docExample is one GraphQL example of the API doc: the query, its
// variables and headers, and the answer shown, with the lines the answer
// occupies so -update can replace them.
type docExample struct {
	heading    string
	line       int    // of the query block, 1-based
	serveArgs  string // extra `geokg serve` arguments ("" for the seed alone)
	query      string
	variables  string
	header     []string
	status     int
	answer     string
	answerFrom int // first line of the answer's JSON, 0-based
	answerTo   int // line after it
}

var (
	answerLine = regexp.MustCompile(`^Answer(?: \(HTTP (\d+)\))?`)
	headerLine = regexp.MustCompile("^Headers: `([^:`]+): ([^`]+)`")
	serveLine  = regexp.MustCompile(`^<!-- examples below are served by: geokg serve (.*) -->$`)
)

// parseDoc reads the examples of the API doc: a ```graphql block, then
// the ```json blocks that follow it before the next query or heading,
// variables when a line "Variables:" introduces them, else the answer.
// "Answer (HTTP 401):" sets the status; "Headers: `K: V`" a header; a
// comment "<!-- examples below are served by: geokg serve ARGS -->" the
// server of the examples up to the next heading.
func parseDoc(lines []string) ([]docExample, error) {
	var (
		out       []docExample
		cur       *docExample
		heading   string
		serveArgs string
		lastText  string
	)
	block := func(i int) (string, int, error) { // the fenced block opening at line i
		for j := i + 1; j < len(lines); j++ {
			if lines[j] == "```" {
				return strings.Join(lines[i+1:j], "\n"), j, nil
			}
		}
		return "", 0, fmt.Errorf("line %d: block never closes", i+1)
	}
	flush := func() error {
		if cur != nil {
			if cur.answer == "" {
				return fmt.Errorf("line %d (%s): a query without an answer", cur.line, cur.heading)
			}
			out = append(out, *cur)
		}
		cur = nil
		return nil
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.HasPrefix(l, "#"):
			if err := flush(); err != nil {
				return nil, err
			}
			heading, serveArgs = strings.TrimLeft(l, "# "), ""
		case serveLine.MatchString(l):
			serveArgs = serveLine.FindStringSubmatch(l)[1]
		case l == "```graphql":
			if err := flush(); err != nil {
				return nil, err
			}
			q, end, err := block(i)
			if err != nil {
				return nil, err
			}
			cur = &docExample{heading: heading, line: i + 1, serveArgs: serveArgs, query: q, status: 200}
			i = end
		case l == "```json" && cur != nil:
			body, end, err := block(i)
			if err != nil {
				return nil, err
			}
			switch {
			case strings.HasPrefix(lastText, "Variables:"):
				cur.variables = body
			case cur.answer != "":
				return nil, fmt.Errorf("line %d (%s): a second answer", i+1, heading)
			default:
				cur.answer, cur.answerFrom, cur.answerTo = body, i+1, end
				if m := answerLine.FindStringSubmatch(lastText); m != nil && m[1] != "" {
					cur.status, _ = strconv.Atoi(m[1])
				}
			}
			i = end
		case strings.HasPrefix(l, "```"):
			_, end, err := block(i)
			if err != nil {
				return nil, err
			}
			i = end
		case cur != nil && headerLine.MatchString(l):
			m := headerLine.FindStringSubmatch(l)
			cur.header = append(cur.header, m[1], m[2])
		}
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "```") {
			lastText = l
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// TestAPIDocExamples runs every GraphQL example of docs/api.md against
// `geokg serve` (the embedded store with the seed article, and the token
// the doc uses) and checks the server answers what the doc shows, in the
// same order. Examples run in doc order, so the mutations' ingest and
// delete leave the graph as they found it. -update rewrites the answers.
func TestAPIDocExamples(t *testing.T) {
	raw, err := os.ReadFile(apiDoc)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	examples, err := parseDoc(lines)
	if err != nil {
		t.Fatalf("%s: %v", apiDoc, err)
	}
	if len(examples) < 20 {
		t.Fatalf("%s: found %d examples, want them all (20 and more)", apiDoc, len(examples))
	}
	servers := map[string]string{} // serve arguments -> base URL
	for _, ex := range examples {
		if _, ok := servers[ex.serveArgs]; !ok {
			servers[ex.serveArgs] = startServer(t, map[string]string{"GEOKG_API_TOKEN": docToken}, strings.Fields(ex.serveArgs)...)
		}
	}
	for i := range examples {
		ex := &examples[i]
		t.Run(fmt.Sprintf("line %d %s", ex.line, ex.heading), func(t *testing.T) {
			base := servers[ex.serveArgs]
			req := map[string]any{"query": ex.query}
			if ex.variables != "" {
				req["variables"] = json.RawMessage(ex.variables)
			}
			body, _ := json.Marshal(req)
			got := do(t, "POST", base+"/graphql", "application/json", bytes.NewReader(body), ex.header...)
			if got.status != ex.status {
				t.Errorf("HTTP status: got %d, want %d", got.status, ex.status)
			}
			gotJSON, err := formatJSON(got.body)
			if err != nil {
				t.Fatalf("answer %.200s: %v", got.body, err)
			}
			wantJSON, err := formatJSON(ex.answer)
			if err != nil {
				t.Fatalf("the doc's answer is not JSON: %v", err)
			}
			if *update {
				ex.answer = gotJSON
				return
			}
			if gotJSON != wantJSON {
				t.Errorf("%s line %d: the server answers\n%s\nthe doc shows\n%s\n(go test -run TestAPIDocExamples -update rewrites the doc)", apiDoc, ex.line, gotJSON, wantJSON)
			}
		})
	}
	if *update {
		for i := len(examples) - 1; i >= 0; i-- {
			ex := examples[i]
			lines = append(lines[:ex.answerFrom], append(strings.Split(ex.answer, "\n"), lines[ex.answerTo:]...)...)
		}
		if err := os.WriteFile(apiDoc, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// jsonValue is a decoded JSON value that keeps the order of object keys,
// which is the order of the fields a GraphQL query selects.
type jsonValue struct {
	object []jsonField // when an object (fields in order)
	array  []jsonValue // when an array
	scalar string      // when neither: the value as JSON
	kind   byte        // '{', '[' or 0
}

type jsonField struct {
	key   string
	value jsonValue
}

func decodeJSON(d *json.Decoder) (jsonValue, error) {
	tok, err := d.Token()
	if err != nil {
		return jsonValue{}, err
	}
	switch tok {
	case json.Delim('{'):
		v := jsonValue{kind: '{', object: []jsonField{}}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return v, err
			}
			val, err := decodeJSON(d)
			if err != nil {
				return v, err
			}
			v.object = append(v.object, jsonField{k.(string), val})
		}
		_, err := d.Token()
		return v, err
	case json.Delim('['):
		v := jsonValue{kind: '[', array: []jsonValue{}}
		for d.More() {
			val, err := decodeJSON(d)
			if err != nil {
				return v, err
			}
			v.array = append(v.array, val)
		}
		_, err := d.Token()
		return v, err
	}
	return jsonValue{scalar: quote(tok)}, nil
}

// quote writes a scalar token as JSON, leaving <, > and & as they are.
func quote(tok json.Token) string {
	if n, ok := tok.(json.Number); ok {
		return string(n)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(tok) // a string, bool or nil cannot fail
	return strings.TrimSuffix(b.String(), "\n")
}

// docWidth is how wide a line of a formatted answer may grow before a
// value is spread over several lines.
const docWidth = 88

// formatJSON lays out a JSON document the way the doc shows answers: the
// top object one field a line, any value that fits on its line inline.
func formatJSON(s string) (string, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	v, err := decodeJSON(d)
	if err != nil {
		return "", err
	}
	if _, err := d.Token(); err != io.EOF {
		return "", fmt.Errorf("more than one JSON value")
	}
	var b strings.Builder
	v.write(&b, "", "", true)
	return b.String(), nil
}

func (v jsonValue) inline() string {
	switch v.kind {
	case '{':
		parts := make([]string, len(v.object))
		for i, f := range v.object {
			parts[i] = quote(f.key) + ": " + f.value.inline()
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case '[':
		parts := make([]string, len(v.array))
		for i, e := range v.array {
			parts[i] = e.inline()
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return v.scalar
}

// write writes v at indent after prefix (a key, or ""), inline when it fits
// and top is false.
func (v jsonValue) write(b *strings.Builder, indent, prefix string, top bool) {
	b.WriteString(prefix)
	if one := v.inline(); !top && len(indent)+len(prefix)+len(one)+1 <= docWidth || v.kind == 0 || len(v.object)+len(v.array) == 0 {
		b.WriteString(one)
		return
	}
	open, end := "{", "}"
	n := len(v.object)
	if v.kind == '[' {
		open, end, n = "[", "]", len(v.array)
	}
	b.WriteString(open + "\n")
	for i := range n {
		b.WriteString(indent + "  ")
		if v.kind == '{' {
			v.object[i].value.write(b, indent+"  ", quote(v.object[i].key)+": ", false)
		} else {
			v.array[i].write(b, indent+"  ", "", false)
		}
		if i < n-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(indent + end)
}
