package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
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

// fuseGroups locks the groups of keys in key order, replaces the witnesses
// the replaced articles had there with rels and evs, fuses each group
// again and writes its facts. It returns the witnesses it removed.
//
// The other articles' witnesses are read as JSON texts, decoded through
// the store's cache (a hot group's texts come back on every write to it)
// and written back, into the group and into the facts, as the same texts,
// never encoded again. Event witnesses are written only where their fused
// event changed.
func (s *Store) fuseGroups(ctx context.Context, tx driver.ManagedTransaction, replaced map[string]bool, keys []string,
	rels []graph.RelationWitness, evs []graph.EventWitness) (removed []graph.RelationWitness, removedEvents []graph.EventWitness, err error) {
	if len(keys) == 0 {
		return nil, nil, nil
	}
	recs, err := s.run(ctx, tx, lockGroupsQuery, map[string]any{"keys": keys})
	if err != nil {
		return nil, nil, err
	}
	relWit := map[string][]graph.RelationWitness{}
	evWit := map[string][]graph.EventWitness{}
	texts := map[string][]string{}               // group key -> its witnesses' texts
	textOf := map[string]string{}                // witnessKey -> its text
	oldFused := map[string]string{}              // event witness id -> fused event id, before
	oldMembers := map[string]map[string]string{} // group key -> event witness id -> fused event id, before
	for _, rec := range recs {
		row := rec.AsMap()
		key := str(row, "key")
		members := map[string]string{}
		for _, pair := range asList(row["fused"]) {
			if p := strList(pair); len(p) == 2 {
				oldFused[p[0]] = p[1]
				members[p[0]] = p[1]
			}
		}
		oldMembers[key] = members
		for _, text := range strList(row["witnesses"]) {
			if isEventKey(key) {
				w, err := s.eventTexts.decode(text)
				if err != nil {
					return nil, nil, fmt.Errorf("group %s: bad witness: %w", key, err)
				}
				if replaced[w.Article] {
					removedEvents = append(removedEvents, w)
					continue
				}
				evWit[key] = append(evWit[key], w)
				textOf[witnessKey(w.Article, w.ID)] = text
			} else {
				w, err := s.relationTexts.decode(text)
				if err != nil {
					return nil, nil, fmt.Errorf("group %s: bad witness: %w", key, err)
				}
				if replaced[w.Article] {
					removed = append(removed, w)
					continue
				}
				relWit[key] = append(relWit[key], w)
				textOf[witnessKey(w.Article, w.ID)] = text
			}
			texts[key] = append(texts[key], text)
		}
	}
	for _, w := range rels {
		key := graph.RelationGroupKey(w.Relation)
		b, err := json.Marshal(w)
		if err != nil {
			return nil, nil, fmt.Errorf("encode witness %s: %w", w.ID, err)
		}
		relWit[key] = append(relWit[key], w)
		textOf[witnessKey(w.Article, w.ID)] = string(b)
		texts[key] = append(texts[key], string(b))
	}
	for _, w := range evs {
		key := graph.EventGroupKey(w.Event)
		b, err := json.Marshal(w)
		if err != nil {
			return nil, nil, fmt.Errorf("encode witness %s: %w", w.ID, err)
		}
		evWit[key] = append(evWit[key], w)
		textOf[witnessKey(w.Article, w.ID)] = string(b)
		texts[key] = append(texts[key], string(b))
	}

	var groupRows, dropRows, dropEventRows, witnessRows, eventRows, refreshRows []any
	factRows := map[graph.RelType][]any{}
	for _, key := range keys {
		if isEventKey(key) {
			var keep []string
			gone := oldMembers[key]
			for _, ev := range graph.FuseEvents(evWit[key]) {
				keep = append(keep, ev.ID)
				wt := make([]string, len(ev.Witnesses))
				for i, w := range ev.Witnesses {
					wt[i] = textOf[witnessKey(w.Article, w.ID)]
					if old, ok := gone[w.ID]; !ok || old != ev.ID {
						witnessRows = append(witnessRows, map[string]any{"id": w.ID, "event": ev.ID, "group": key})
					}
					delete(gone, w.ID)
					if old, ok := oldFused[w.ID]; ok && old != ev.ID && !replaced[w.Article] {
						refreshRows = append(refreshRows, map[string]any{"article": w.Article, "event": w.ID, "fused": ev.ID})
					}
				}
				row, err := eventRow(ev, key, wt)
				if err != nil {
					return nil, nil, err
				}
				eventRows = append(eventRows, row)
			}
			dropEventRows = append(dropEventRows, map[string]any{"key": key, "keep": strs(keep), "gone": strs(slices.Sorted(maps.Keys(gone)))})
		} else {
			a, b := relationEnds(key)
			keep := []string{}
			want := map[string]any{}
			for _, r := range graph.FuseRelations(relWit[key]) {
				keep = append(keep, r.ID)
				want[r.ID] = r.Source
				wt := make([]string, len(r.Witnesses))
				for i, w := range r.Witnesses {
					wt[i] = textOf[witnessKey(w.Article, w.ID)]
				}
				props, err := factProps(r, key, wt)
				if err != nil {
					return nil, nil, err
				}
				factRows[r.Type] = append(factRows[r.Type], map[string]any{"id": r.ID, "source": r.Source, "target": r.Target, "props": props})
			}
			dropRows = append(dropRows, map[string]any{"key": key, "a": a, "b": b, "keep": keep, "want": want})
		}
		slices.Sort(texts[key]) // the same witnesses, the same node, whatever order they came in
		groupRows = append(groupRows, map[string]any{"key": key, "witnesses": strs(texts[key])})
	}

	// Events and their witnesses before the facts that point at them, so a
	// reader catching the commit half-applied finds the event of a fact.
	stmts := []statement{{saveGroupsQuery, map[string]any{"rows": groupRows}}}
	if len(dropEventRows) > 0 {
		stmts = append(stmts,
			statement{dropEventsQuery, map[string]any{"rows": dropEventRows}},
			statement{dropEventWitnessesQuery, map[string]any{"rows": dropEventRows}})
	}
	if len(eventRows) > 0 {
		stmts = append(stmts, statement{mergeEventsQuery, map[string]any{"rows": eventRows}})
	}
	if len(witnessRows) > 0 {
		stmts = append(stmts, statement{mergeEventWitnessesQuery, map[string]any{"rows": witnessRows}})
	}
	if len(dropRows) > 0 {
		stmts = append(stmts, statement{dropFacts, map[string]any{"rows": dropRows}})
	}
	types := make([]graph.RelType, 0, len(factRows))
	for t := range factRows {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		stmts = append(stmts, statement{mergeFacts[t], map[string]any{"rows": factRows[t]}})
	}
	if len(refreshRows) > 0 {
		stmts = append(stmts, statement{refreshFactEvents, map[string]any{"rows": refreshRows}})
	}
	for _, st := range stmts {
		if _, err := s.run(ctx, tx, st.query, st.params); err != nil {
			return nil, nil, err
		}
	}
	return removed, removedEvents, nil
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
