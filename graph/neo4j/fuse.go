package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Fused facts in Neo4j. Each group key (graph.RelationGroupKey,
// graph.EventGroupKey) has a (:FactGroup {key, witnesses}) node holding
// every article's witnesses as JSON, one string each; it is the lock two
// loaders writing reports of one fact queue on, and the truth the facts
// are fused from. A relation fact is one typed relationship
//
//	(:Entity)-[:<TYPE> {id, group, class, date, status, event, sources, contested,
//	                    articles, claimants, fact}]->(:Entity)
//
// and an event fact one (:Event {id, group, type, date, killed, sources,
// contested, articles, fact}) with its AT and PARTICIPANT links; fact is
// the whole fused value as JSON, read back as is, and the other
// properties are what queries filter on. (:EventWitness {id, group,
// event}) maps an article's own event id to the fused event holding it.
// (:Article {groups}) lists the groups an article has witnesses in, so
// deleting or replacing it finds them by key.

// lockGroupsQuery locks the fact groups in key order (MERGE on the unique
// key, then a write) and reads their witnesses and which fused event each
// event witness is in.
const lockGroupsQuery = `UNWIND $keys AS key
MERGE (g:FactGroup {key: key})
SET g.key = key
RETURN key, coalesce(g.witnesses, []) AS witnesses,
       COLLECT { MATCH (w:EventWitness {group: key}) RETURN [w.id, w.event] } AS fused`

// lockedGroup is one fact group as lockGroups read it.
type lockedGroup struct {
	key       string
	witnesses []string          // JSON texts
	fused     map[string]string // event witness id -> fused event id
}

// lockGroups locks and reads the groups of keys, which are sorted.
func (s *Store) lockGroups(ctx context.Context, tx driver.ManagedTransaction, keys []string) ([]lockedGroup, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	recs, err := s.run(ctx, tx, lockGroupsQuery, map[string]any{"keys": keys})
	if err != nil {
		return nil, err
	}
	groups := make([]lockedGroup, len(recs))
	for i, rec := range recs {
		row := rec.AsMap()
		g := lockedGroup{key: str(row, "key"), witnesses: strList(row["witnesses"]), fused: map[string]string{}}
		for _, pair := range asList(row["fused"]) {
			if p := strList(pair); len(p) == 2 {
				g.fused[p[0]] = p[1]
			}
		}
		groups[i] = g
	}
	return groups, nil
}

// fused is what fusing the locked groups again wrote: the rows of the
// save statement, and the witnesses of the replaced articles it removed.
type fused struct {
	groups, eventGroups, events, eventWitnesses, relationGroups, facts, refreshes []any

	removed       []graph.RelationWitness
	removedEvents []graph.EventWitness
}

// fuse replaces the witnesses the replaced articles had in groups with
// rels and evs and fuses each group again.
//
// The other articles' witnesses are read as JSON texts, decoded through
// the store's cache (a hot group's texts come back on every write to it)
// and written back, into the group and into the facts, as the same texts,
// never encoded again. Event witnesses are written only where their fused
// event changed.
func (s *Store) fuse(groups []lockedGroup, replaced map[string]bool, rels []graph.RelationWitness, evs []graph.EventWitness) (fused, error) {
	var f fused
	relWit := map[string][]graph.RelationWitness{}
	evWit := map[string][]graph.EventWitness{}
	oldRel := map[string][]graph.RelationWitness{} // every witness a group had, the replaced ones too
	oldEv := map[string][]graph.EventWitness{}
	texts := map[string][]string{} // group key -> its witnesses' texts
	textOf := map[string]string{}  // witnessKey -> its text
	oldFused := map[string]string{}
	for _, g := range groups {
		maps.Copy(oldFused, g.fused)
		for _, text := range g.witnesses {
			if isEventKey(g.key) {
				w, err := s.eventTexts.decode(text)
				if err != nil {
					return f, fmt.Errorf("group %s: bad witness: %w", g.key, err)
				}
				oldEv[g.key] = append(oldEv[g.key], w)
				textOf[oldKey(w.Article, w.ID)] = text
				if replaced[w.Article] {
					f.removedEvents = append(f.removedEvents, w)
					continue
				}
				evWit[g.key] = append(evWit[g.key], w)
				textOf[witnessKey(w.Article, w.ID)] = text
			} else {
				w, err := s.relationTexts.decode(text)
				if err != nil {
					return f, fmt.Errorf("group %s: bad witness: %w", g.key, err)
				}
				oldRel[g.key] = append(oldRel[g.key], w)
				textOf[oldKey(w.Article, w.ID)] = text
				if replaced[w.Article] {
					f.removed = append(f.removed, w)
					continue
				}
				relWit[g.key] = append(relWit[g.key], w)
				textOf[witnessKey(w.Article, w.ID)] = text
			}
			texts[g.key] = append(texts[g.key], text)
		}
	}
	for _, w := range rels {
		key := graph.RelationGroupKey(w.Relation)
		b, err := json.Marshal(w)
		if err != nil {
			return f, fmt.Errorf("encode witness %s: %w", w.ID, err)
		}
		relWit[key] = append(relWit[key], w)
		textOf[witnessKey(w.Article, w.ID)] = string(b)
		texts[key] = append(texts[key], string(b))
	}
	for _, w := range evs {
		key := graph.EventGroupKey(w.Event)
		b, err := json.Marshal(w)
		if err != nil {
			return f, fmt.Errorf("encode witness %s: %w", w.ID, err)
		}
		evWit[key] = append(evWit[key], w)
		textOf[witnessKey(w.Article, w.ID)] = string(b)
		texts[key] = append(texts[key], string(b))
	}
	var facts []factRow
	for _, g := range groups {
		if isEventKey(g.key) {
			if err := f.addEventGroup(g, evWit[g.key], oldEv[g.key], textOf, oldFused, replaced); err != nil {
				return f, err
			}
		} else {
			rows, err := relationGroup(g.key, relWit[g.key], oldRel[g.key], textOf)
			if err != nil {
				return f, err
			}
			facts = append(facts, rows...)
			a, b := relationEnds(g.key)
			keep, want := []string{}, map[string]any{}
			for _, r := range rows {
				keep = append(keep, r.id)
				want[r.id] = r.row["source"]
			}
			f.relationGroups = append(f.relationGroups, map[string]any{"key": g.key, "a": a, "b": b, "keep": keep, "want": want})
		}
		slices.Sort(texts[g.key]) // the same witnesses, the same node, whatever order they came in
		// A group left without witnesses goes (see saveQuery); one whose
		// witnesses are as they were (an article applied again unchanged)
		// is not written.
		if len(texts[g.key]) == 0 || !slices.Equal(texts[g.key], g.witnesses) {
			f.groups = append(f.groups, map[string]any{"key": g.key, "witnesses": strs(texts[g.key])})
		}
	}
	// A fact as it was is written again only when the fused event of its
	// first report's event changed: fusedEvent is read in the save.
	moved := map[string]bool{}
	for _, w := range f.eventWitnesses {
		moved[w.(map[string]any)["id"].(string)] = true
	}
	for _, r := range facts {
		if !r.same || moved[r.event] {
			f.facts = append(f.facts, r.row)
		}
	}
	return f, nil
}

// oldKey identifies a witness as the group had it, whose text may differ
// from the new version's of the same article and id.
func oldKey(article, id string) string { return "old\x00" + article + "\x00" + id }

// addEventGroup fuses an event group's witnesses into its events, and
// notes the event witnesses whose fused event changed, and the facts
// outside the write whose event did (refreshes). An event that fuses as it
// did from the witnesses the group had (olds) is not written again: the
// stored events are the fusion of the stored witnesses, which every write
// keeps true, and fusing does not depend on the witnesses' order.
func (f *fused) addEventGroup(g lockedGroup, ws, olds []graph.EventWitness, textOf, oldFused map[string]string, replaced map[string]bool) error {
	before := map[string]map[string]any{}
	for _, ev := range graph.FuseEvents(olds) {
		row, err := eventRow(ev, g.key, eventTexts(ev.Witnesses, textOf, true))
		if err != nil {
			return err
		}
		before[ev.ID] = row
	}
	keep := []string{}
	gone := maps.Clone(g.fused)
	for _, ev := range graph.FuseEvents(ws) {
		keep = append(keep, ev.ID)
		for _, w := range ev.Witnesses {
			if old, ok := gone[w.ID]; !ok || old != ev.ID {
				f.eventWitnesses = append(f.eventWitnesses, map[string]any{"id": w.ID, "event": ev.ID, "group": g.key})
			}
			delete(gone, w.ID)
			if old, ok := oldFused[w.ID]; ok && old != ev.ID && !replaced[w.Article] {
				f.refreshes = append(f.refreshes, map[string]any{"article": w.Article, "event": w.ID, "fused": ev.ID})
			}
		}
		row, err := eventRow(ev, g.key, eventTexts(ev.Witnesses, textOf, false))
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(row, before[ev.ID]) {
			f.events = append(f.events, row)
		}
	}
	f.eventGroups = append(f.eventGroups, map[string]any{"key": g.key, "keep": keep, "gone": strs(slices.Sorted(maps.Keys(gone)))})
	return nil
}

// factRow is a fused fact's row of the save statement; same says it fuses
// as it did from the witnesses its group had.
type factRow struct {
	id, event string
	row       map[string]any
	same      bool
}

// relationGroup fuses a relation group's witnesses into its facts, and
// from the witnesses it had (olds) as it was.
func relationGroup(key string, ws, olds []graph.RelationWitness, textOf map[string]string) ([]factRow, error) {
	before := map[string]map[string]any{}
	for _, r := range graph.FuseRelations(olds) {
		row, err := factRowOf(r, key, relationTexts(r.Witnesses, textOf, true))
		if err != nil {
			return nil, err
		}
		before[r.ID] = row
	}
	var rows []factRow
	for _, r := range graph.FuseRelations(ws) {
		row, err := factRowOf(r, key, relationTexts(r.Witnesses, textOf, false))
		if err != nil {
			return nil, err
		}
		rows = append(rows, factRow{id: r.ID, event: r.Event, row: row, same: reflect.DeepEqual(row, before[r.ID])})
	}
	return rows, nil
}

func factRowOf(r graph.Relation, key string, texts []string) (map[string]any, error) {
	props, err := factProps(r, key, texts)
	if err != nil {
		return nil, err
	}
	return map[string]any{"id": r.ID, "type": string(r.Type), "source": r.Source, "target": r.Target, "props": props}, nil
}

// witnessTexts lists the texts of a fact's witnesses, as the group had
// them (old) or as they are now; at gives witness i's article and id.
func witnessTexts(n int, at func(i int) (string, string), textOf map[string]string, old bool) []string {
	out := make([]string, n)
	for i := range n {
		article, id := at(i)
		if old {
			out[i] = textOf[oldKey(article, id)]
		} else {
			out[i] = textOf[witnessKey(article, id)]
		}
	}
	return out
}

func eventTexts(ws []graph.EventWitness, textOf map[string]string, old bool) []string {
	return witnessTexts(len(ws), func(i int) (string, string) { return ws[i].Article, ws[i].ID }, textOf, old)
}

func relationTexts(ws []graph.RelationWitness, textOf map[string]string, old bool) []string {
	return witnessTexts(len(ws), func(i int) (string, string) { return ws[i].Article, ws[i].ID }, textOf, old)
}

// witnessKey identifies a witness among all: an article states each id once.
func witnessKey(article, id string) string { return article + "\x00" + id }

// textCache decodes witness texts once per process: a text always decodes
// to the same witness. Values handed out share memory with the cache and
// are only read. Bounded: emptied when full.
type textCache[W any] struct {
	mu sync.Mutex
	m  map[string]W
}

const textCacheSize = 1 << 16

func (c *textCache[W]) decode(text string) (W, error) {
	c.mu.Lock()
	w, ok := c.m[text]
	c.mu.Unlock()
	if ok {
		return w, nil
	}
	if err := json.Unmarshal([]byte(text), &w); err != nil {
		return w, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= textCacheSize {
		c.m = make(map[string]W)
	}
	c.m[text] = w
	c.mu.Unlock()
	return w, nil
}

// withWitnesses is the JSON of a fact, encoded without its witnesses, with
// the witnesses' own texts added as its witnesses: what encoding the fact
// whole gives, without encoding each witness again.
func withWitnesses(slim []byte, texts []string) string {
	if len(texts) == 0 {
		return string(slim)
	}
	var b strings.Builder
	b.Write(slim[:len(slim)-1]) // the closing brace
	b.WriteString(`,"witnesses":[`)
	for i, t := range texts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(t)
	}
	b.WriteString("]}")
	return b.String()
}

func asList(v any) []any {
	list, _ := v.([]any)
	return list
}

func isEventKey(key string) bool { return strings.HasPrefix(key, "ev|") }

// relationEnds reads the endpoint ids out of a relation group key.
func relationEnds(key string) (a, b string) {
	parts := strings.SplitN(key, "|", 4)
	if len(parts) != 4 {
		return "", ""
	}
	return parts[2], parts[3]
}

// factProps are a relation fact's properties: the fused value as JSON and
// what queries filter on.
func factProps(r graph.Relation, group string, texts []string) (map[string]any, error) {
	slim := r
	slim.Evidence = nil // every witness's, rebuilt on reading (see decodeRelation)
	slim.Witnesses = nil
	b, err := json.Marshal(slim)
	if err != nil {
		return nil, fmt.Errorf("encode fact %s: %w", r.ID, err)
	}
	var articles, claimants []string
	for _, w := range r.Witnesses {
		articles = append(articles, w.Article)
		if w.ClaimedBy != "" {
			claimants = append(claimants, w.ClaimedBy)
		}
	}
	slices.Sort(articles)
	slices.Sort(claimants)
	m := map[string]any{
		"id": r.ID, "group": group, "confidence": r.Confidence, "sources": int64(r.Sources), "contested": r.Contested,
		"articles": strs(slices.Compact(articles)), "claimants": strs(slices.Compact(claimants)), "fact": withWitnesses(b, texts),
	}
	setIf(m, "class", string(r.Class))
	setIf(m, "date", r.Date)
	setIf(m, "status", r.Status)
	setIf(m, "event", r.Event)
	return m, nil
}

func eventRow(ev graph.Event, group string, texts []string) (map[string]any, error) {
	slim := ev
	slim.Evidence = nil // every witness's, rebuilt on reading (see decodeEvent)
	slim.Witnesses = nil
	b, err := json.Marshal(slim)
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	var articles []string
	for _, w := range ev.Witnesses {
		articles = append(articles, w.Article)
	}
	slices.Sort(articles)
	props := map[string]any{
		"id": ev.ID, "group": group, "sources": int64(ev.Sources), "contested": ev.Contested,
		"articles": strs(slices.Compact(articles)), "fact": withWitnesses(b, texts),
	}
	setIf(props, "type", string(ev.Type))
	setIf(props, "date", ev.Date)
	setIf(props, "status", ev.Status)
	if ev.Killed != nil {
		props["killed"] = int64(*ev.Killed)
	}
	parts := make([]any, len(ev.Participants))
	for i, p := range ev.Participants {
		parts[i] = map[string]any{"entity": p.Entity, "role": p.Role}
	}
	var place any
	if ev.Place != "" {
		place = ev.Place
	}
	return map[string]any{"id": ev.ID, "props": props, "place": place, "participants": parts}, nil
}
