package neo4j

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Apply writes one article's batch in one transaction; see graph.Store.
func (s *Store) Apply(ctx context.Context, b graph.Batch) error {
	return s.ApplyAll(ctx, []graph.Batch{b})
}

// ApplyAll writes several articles' batches in one transaction; see
// graph.Store. The transaction may also carry other callers' writes (see
// combine.go); the batches are all written or none.
func (s *Store) ApplyAll(ctx context.Context, bs []graph.Batch) error {
	op := fmt.Sprintf("apply %d articles", len(bs))
	if len(bs) == 1 {
		op = "apply article " + bs[0].Article.ID
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4j: %s: %w", op, err)
	}
	for _, b := range bs {
		if err := b.Validate(); err != nil {
			return fmt.Errorf("neo4j: %s: %w", op, err)
		}
	}
	if len(bs) == 0 {
		return nil
	}
	if err := s.submit(ctx, &writeReq{applies: bs}); err != nil {
		return s.fail(ctx, op, err)
	}
	return nil
}

// writePlan writes p in tx: every applied article's batch, every deleted
// article gone; it returns the deleted articles it did not find.
//
// Entities and mentions are MERGEd and overwritten rather than deleted and
// recreated, so re-applying an unchanged article changes nothing a
// concurrent reader could catch half-done. The articles are locked first,
// in id order, which serialises writes of one article by several
// processes. Then the fact groups the articles' old and new witnesses
// belong to are locked in key order, read, fused again in Go and written
// back (see fuse), once for all the articles, so two processes writing
// reports of one fact do not lose each other's witness.
//
// Round trips, not rows, are what a write costs on a busy server (each
// waits for a CPU there and here), so the whole plan is three statements
// whatever its size: lock (articles, entities, mentions), read the
// groups, save (facts, events, deletions); each UNWINDs rows of all the
// articles.
func (s *Store) writePlan(ctx context.Context, tx driver.ManagedTransaction, p plan) (missing map[string]bool, err error) {
	w := prepare(p)
	old, del, err := s.lock(ctx, tx, w, p.deletes)
	if err != nil {
		return nil, err
	}
	for id := range del.found {
		w.replaced[id] = true
	}
	groups, err := s.lockGroups(ctx, tx, union(union(old, w.keys), del.groups))
	if err != nil {
		return nil, err
	}
	f, err := s.fuse(groups, w.replaced, w.rels, w.evs)
	if err != nil {
		return nil, err
	}
	del.touchWitnesses(f.removed, f.removedEvents)
	if err := s.save(ctx, tx, f, del, w.entityIDs); err != nil {
		return nil, err
	}
	return del.missing(p.deletes), nil
}

// lock runs the first statement of a write: it locks and overwrites the
// applied articles (returning the groups of the versions they replace),
// locks the deleted ones (reading what deleting them touches), and writes
// the entities and mentions.
func (s *Store) lock(ctx context.Context, tx driver.ManagedTransaction, w writeRows, deletes []string) (old []string, del deleted, err error) {
	recs, err := s.run(ctx, tx, lockQuery, writeParams(map[string]any{
		"articles": w.articles, "deletes": strs(deletes), "entities": w.entities,
		"mentionDrops": w.mentionDrops, "mentions": w.mentions,
	}))
	if err != nil {
		return nil, del, err
	}
	if len(recs) != 1 {
		return nil, del, fmt.Errorf("lock: got %d rows, want 1", len(recs))
	}
	row := recs[0].AsMap()
	for _, groups := range asList(row["replaced"]) {
		old = append(old, strList(groups)...)
	}
	return old, readDeleted(asList(row["deleted"])), nil
}

// writeRows is a plan turned into the rows of the lock statement, and the
// witnesses fusing needs.
type writeRows struct {
	articles, entities, mentionDrops, mentions []any
	entityIDs                                  []string        // sorted
	keys                                       []string        // the groups of the new versions' witnesses
	replaced                                   map[string]bool // articles whose old witnesses go
	rels                                       []graph.RelationWitness
	evs                                        []graph.EventWitness
}

// groupKeys lists the groups of an article's witnesses, sorted.
func groupKeys(rels []graph.RelationWitness, evs []graph.EventWitness) []string {
	var keys []string
	for _, w := range rels {
		keys = append(keys, graph.RelationGroupKey(w.Relation))
	}
	for _, w := range evs {
		keys = append(keys, graph.EventGroupKey(w.Event))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

func union(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// lockQuery is a write's first statement, its parts in the order they
// lock. Each part is a subquery over rows of all the articles; a part
// with no rows does nothing.
//
// The applied articles: SET with a map replaces every property and takes
// the node's write lock; the groups of the version it replaces come back.
// Rows come in id order, so concurrent writes lock shared articles in one
// order. The deleted articles, in id order too: their groups and the
// entities they mention come back (their own groups cannot change while
// their nodes are locked).
//
// Entities, in id order: MERGE creates the new ones; existing ones are
// written, and so locked, only when their name, kind, place or aliases
// change, so the entities most articles name are not a lock every write
// queues on. The kind's label is set and the other kinds' removed
// (row.label, row.others; labels are never user input, see entityRow).
// Names are lower-cased in Go (row.lowerName, row.lowerAliases), not by
// Cypher's toLower, which differs from Go's for İ and final Σ; the
// embedded store and every lookup lower-case in Go.
//
// Mentions: those of entities the new version no longer mentions go, the
// others are merged and overwritten.
const lockQuery = noReplan + `CALL () {
  UNWIND $w.articles AS row
  MERGE (a:Article {id: row.id})
  WITH a, row, coalesce(a.groups, []) AS old
  SET a = row.props
  RETURN collect(old) AS replaced
}
CALL () {
  UNWIND $w.deletes AS id
  MATCH (a:Article {id: id})
  SET a.id = a.id
  RETURN collect({id: a.id, groups: coalesce(a.groups, []),
                  mentioned: COLLECT { MATCH (a)-[:MENTIONS]->(e:Entity) RETURN e.id }}) AS deleted
}
CALL () {
  UNWIND $w.entities AS row
  MERGE (e:Entity {id: row.id})
  WITH e, row
  WHERE e.name IS NULL OR e.name <> row.name OR e.lowerName IS NULL OR e.lowerName <> row.lowerName OR e.kind <> row.kind
     OR coalesce(e.country <> row.country, e.country IS NULL AND row.country IS NOT NULL)
     OR coalesce(e.lat <> row.lat, e.lat IS NULL AND row.lat IS NOT NULL)
     OR coalesce(e.lon <> row.lon, e.lon IS NULL AND row.lon IS NOT NULL)
     OR NOT row.label IN labels(e) OR any(l IN labels(e) WHERE l IN row.others)
     OR any(a IN row.aliases WHERE NOT a IN coalesce(e.aliases, []))
     OR any(a IN row.lowerAliases WHERE NOT a IN coalesce(e.lowerAliases, []))
  SET e.name = row.name, e.lowerName = row.lowerName, e.kind = row.kind,
      e.country = coalesce(row.country, e.country),
      e.lat = coalesce(row.lat, e.lat),
      e.lon = coalesce(row.lon, e.lon)
  SET e:$(row.label)
  REMOVE e:$(row.others)
  WITH e, row
  CALL (e, row) {
    UNWIND coalesce(e.aliases, []) + row.aliases AS alias
    WITH DISTINCT alias ORDER BY alias
    RETURN collect(alias) AS aliases
  }
  CALL (e, row) {
    UNWIND coalesce(e.lowerAliases, []) + row.lowerAliases AS alias
    WITH DISTINCT alias ORDER BY alias
    RETURN collect(alias) AS lowerAliases
  }
  SET e.aliases = aliases, e.lowerAliases = lowerAliases,
      e.aliasesText = reduce(t = '', a IN aliases | t + a + '\n'),
      e.searchText = reduce(t = e.lowerName, a IN lowerAliases | t + '\n' + a)
}
CALL () {
  UNWIND $w.mentionDrops AS row
  MATCH (:Article {id: row.article})-[m:MENTIONS]->(e:Entity)
  WHERE NOT e.id IN row.entities
  DELETE m
}
CALL () {
  UNWIND $w.mentions AS row
  MATCH (a:Article {id: row.article})
  MATCH (e:Entity {id: row.entity})
  MERGE (a)-[m:MENTIONS]->(e)
  SET m.starts = row.starts, m.ends = row.ends, m.texts = row.texts
}
RETURN replaced, deleted`

// noReplan keeps a write statement's cached plan when the graph's
// statistics change. Under a steady load of writes they change every few
// seconds, and the server then plans the statement again, which for the
// lock and save statements costs it a second of CPU each time, and the
// write waits for it. Every node their plans look up is found by a unique
// id or key, or by an indexed group, so a plan made on an empty graph
// stays right at any size (TestWritePlansIndexBacked).
const noReplan = "CYPHER replan=skip\n"

// writeParams passes the rows of a write statement as one map, $w. The
// server caches a plan per query and parameter types, and an empty list
// is of another type than a list of rows, so rows as parameters of their
// own would make every mix of empty and non-empty parts a query planned
// anew (a second of the server's CPU for the save statement); one map is
// one type.
func writeParams(rows map[string]any) map[string]any {
	return map[string]any{"w": rows}
}

// kindLabels holds each kind's node label and the other kinds' labels,
// built once from the closed list of kinds.
var kindLabels = map[graph.Kind]struct {
	label  string
	others []string
}{}

func init() {
	for _, k := range graph.Kinds {
		var others []string
		for _, o := range graph.Kinds {
			if o != k {
				others = append(others, kindLabel(o))
			}
		}
		kindLabels[k] = struct {
			label  string
			others []string
		}{kindLabel(k), others}
	}
}

// kindLabel is the node label of an entity kind: PERSON is Person,
// GOVERNMENT_BODY is GovernmentBody.
func kindLabel(k graph.Kind) string {
	var b strings.Builder
	for word := range strings.SplitSeq(string(k), "_") {
		if word != "" {
			b.WriteString(word[:1] + strings.ToLower(word[1:]))
		}
	}
	return b.String()
}

// prepare turns a plan's valid batches into the rows of its lock
// statement and the witnesses to fuse. An article given twice is its last
// version, though every version's entities merge, as applying them in turn
// would: entities fold over every batch in order, as the embedded store
// folds them (an entity's later non-empty values win and its aliases add
// up); the mentions of each article are those of its last version.
func prepare(p plan) writeRows {
	last := map[string]graph.Batch{}
	for _, b := range p.applies {
		last[b.Article.ID] = b
	}
	ids := slices.Sorted(maps.Keys(last))
	w := writeRows{articles: []any{}, replaced: make(map[string]bool, len(ids)+len(p.deletes))}
	for _, id := range ids {
		w.replaced[id] = true
		r, e := graph.Witnesses(last[id])
		own := groupKeys(r, e)
		w.rels, w.evs, w.keys = append(w.rels, r...), append(w.evs, e...), append(w.keys, own...)
		props := articleProps(last[id].Article)
		props["groups"], props["relationCount"], props["eventCount"] = strs(own), int64(len(r)), int64(len(e))
		w.articles = append(w.articles, map[string]any{"id": id, "props": props})
	}
	w.entities, w.entityIDs = entityRows(p.applies)
	w.mentionDrops, w.mentions = mentionRows(ids, last)
	return w
}

// entityRows merges the batches' entities per id, in id order.
func entityRows(bs []graph.Batch) ([]any, []string) {
	merged := map[string]*graph.Entity{}
	var ids []string
	for _, b := range bs {
		for _, e := range b.Entities {
			m := merged[e.ID]
			if m == nil {
				c := e
				c.Aliases = append([]string(nil), e.Aliases...)
				c.Mentions = nil
				merged[e.ID] = &c
				ids = append(ids, e.ID)
				continue
			}
			m.Name, m.Kind = e.Name, e.Kind
			m.TakeLocation(e)
			m.Aliases = append(m.Aliases, e.Aliases...)
		}
	}
	sort.Strings(ids)
	rows := make([]any, len(ids))
	for i, id := range ids {
		rows[i] = entityRow(merged[id])
	}
	return rows, ids
}

// mentionRows lists, per article, the entities it mentions (the others'
// mentions are dropped) and a row per mentioned entity: an entity listed
// twice keeps both listings' mentions.
func mentionRows(ids []string, last map[string]graph.Batch) (drops, rows []any) {
	drops, rows = []any{}, []any{}
	for _, art := range ids {
		mentions := map[string][]graph.Mention{}
		var mentioned []string
		for _, e := range last[art].Entities {
			if len(e.Mentions) == 0 {
				continue
			}
			if mentions[e.ID] == nil {
				mentioned = append(mentioned, e.ID)
			}
			mentions[e.ID] = append(mentions[e.ID], e.Mentions...)
		}
		sort.Strings(mentioned)
		drops = append(drops, map[string]any{"article": art, "entities": strs(mentioned)})
		for _, id := range mentioned {
			rows = append(rows, mentionRow(art, id, mentions[id]))
		}
	}
	return drops, rows
}

// strs makes a nil slice an empty list: a null list parameter would make
// `NOT x IN $ids` null and delete nothing.
func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// setIf adds a string property only when it has a value: absent and empty
// read back the same, and absent keeps the node small.
func setIf(m map[string]any, key, value string) {
	if value != "" {
		m[key] = value
	}
}

func articleProps(a graph.Article) map[string]any {
	m := map[string]any{"id": a.ID}
	setIf(m, "title", a.Title)
	setIf(m, "source", a.Source)
	setIf(m, "published", a.Published)
	setIf(m, "sha256", a.SHA256)
	setIf(m, "text", a.Text)
	return m
}

func entityRow(e *graph.Entity) map[string]any {
	aliases := append([]string(nil), e.Aliases...)
	sort.Strings(aliases)
	lower := make([]string, len(aliases))
	for i, a := range aliases {
		lower[i] = strings.ToLower(a)
	}
	kl := kindLabels[e.Kind] // batches are valid: the kind is one of graph.Kinds
	row := map[string]any{
		"id": e.ID, "name": e.Name, "kind": string(e.Kind), "aliases": strs(aliases),
		"label": kl.label, "others": kl.others,
		"lowerName": strings.ToLower(e.Name), "lowerAliases": strs(lower),
		"country": nil, "lat": nil, "lon": nil,
	}
	if e.Country != "" {
		row["country"] = e.Country
	}
	if e.Lat != nil {
		row["lat"] = *e.Lat
	}
	if e.Lon != nil {
		row["lon"] = *e.Lon
	}
	return row
}

// mentionRow stores one entity's mentions in an article sorted by offset;
// any article a mention names is replaced by the batch's.
func mentionRow(article, entity string, mentions []graph.Mention) map[string]any {
	ms := append([]graph.Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End < ms[j].End
	})
	starts := make([]int64, len(ms))
	ends := make([]int64, len(ms))
	texts := make([]string, len(ms))
	for i, m := range ms {
		starts[i], ends[i], texts[i] = int64(m.Start), int64(m.End), m.Text
	}
	return map[string]any{"article": article, "entity": entity, "starts": starts, "ends": ends, "texts": texts}
}
