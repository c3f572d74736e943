package resolvers

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/geokg/geokg/graph"
)

// TestSchemaDescribed keeps the public schema self-documenting: every type,
// field, argument and enum value of ours carries a description.
func TestSchemaDescribed(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	checked := 0
	for name, def := range schema.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		checked++
		if strings.TrimSpace(def.Description) == "" {
			t.Errorf("type %s has no description", name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if strings.TrimSpace(f.Description) == "" {
				t.Errorf("field %s.%s has no description", name, f.Name)
			}
			for _, a := range f.Arguments {
				if strings.TrimSpace(a.Description) == "" {
					t.Errorf("argument %s.%s(%s) has no description", name, f.Name, a.Name)
				}
			}
		}
		if def.Kind == ast.Enum {
			for _, v := range def.EnumValues {
				if strings.TrimSpace(v.Description) == "" {
					t.Errorf("enum value %s.%s has no description", name, v.Name)
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("checked %d types, want the whole schema", checked)
	}
}

// TestEntityKindEnum keeps the EntityKind enum in step with graph.Kinds: a
// kind the schema lacks would fail every query that returns such an entity.
func TestEntityKindEnum(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: &Resolver{}}).Schema()
	var got []string
	for _, v := range schema.Types["EntityKind"].EnumValues {
		got = append(got, v.Name)
	}
	var want []string
	for _, k := range graph.Kinds {
		want = append(want, string(k))
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("EntityKind values: got %v, want graph.Kinds %v", got, want)
	}
}
