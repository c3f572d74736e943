package main

import (
	"os"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestQueriesValidate: every operation the load program sends is valid
// against the schema, so a schema change cannot turn the benchmark into a
// run of validation errors.
func TestQueriesValidate(t *testing.T) {
	src, err := os.ReadFile("../../schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	schema, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	queries := map[string]string{opIngest: ingestQuery, opDelete: deleteQuery}
	for _, r := range reads {
		queries[r.op] = r.query
	}
	for op, q := range queries {
		if _, errs := gqlparser.LoadQuery(schema, q); len(errs) > 0 {
			t.Errorf("%s: %v", op, errs)
		}
	}
}
