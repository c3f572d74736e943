package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/graph"
)

// Fused facts in Neo4j. Each group key (graph.RelationGroupKey,
// graph.EventGroupKey) has a (:FactGroup {key}) node, the lock two loaders
// writing reports of one fact queue on. Every article's witness is a node
// of its own holding its JSON text and the fact it is fused into:
//
//	(:RelationWitness {key, group, article, id, published, claimedBy, fact, text})
//	(:EventWitness {id, group, article, published, event, text})
//
// A hot group has hundreds of witnesses; kept as one list on the group (as
// the store once did) each write touching it read and rewrote them all,
// which filled transactions and the store with garbage. Now a write reads
// the group's witnesses, fuses them in Go, and writes only its own
// witnesses, and only the fact of those whose fact changed (a fact's id
// is its smallest witness id, so a new witness sometimes renames it). A relation fact is one typed relationship
//
//	(:Entity)-[:<TYPE> {id, group, class, date, status, event, sources, contested,
//	                    fact}]->(:Entity)
//
// and an event fact one (:Event {id, group, type, date, killed, sources,
// contested, fact}) with its AT and PARTICIPANT links; fact is the fused
// value as JSON without its witnesses, which reads gather from the
// witness nodes (see witnessesOf), and the other properties are what
// queries filter on. Nothing on a fact grows with its witnesses: what
// asks for its articles or claimants asks the witness nodes. (:Article {groups}) lists the groups an article has
// witnesses in, so deleting or replacing it finds them by key.

// lockGroupsQuery locks the fact groups in key order (MERGE on the unique
// key, then a write) and reads their witness nodes, and the witnesses the
// old format kept on the group (see migrateWitnesses).
const lockGroupsQuery = `UNWIND $keys AS key
MERGE (g:FactGroup {key: key})
SET g.key = key
RETURN key, coalesce(g.witnesses, []) AS legacy,
       COLLECT { MATCH (w:RelationWitness {group: key}) RETURN [w.key, w.fact, w.text] } AS relations,
       COLLECT { MATCH (w:EventWitness {group: key}) RETURN [w.id, w.event, w.text] } AS events`

// lockedGroup is one fact group as lockGroups read it.
type lockedGroup struct {
	key    string
	nodes  []witnessNode
	legacy []string // witness texts the old format kept on the group node
}

// witnessNode is a witness as stored: key is its node's identity (article
// and id of a relation witness, the id of an event witness), fact the
// fused fact or event it is in. An event witness node of the old format
// has no text.
type witnessNode struct {
	key, fact, text string
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
		g := lockedGroup{key: str(row, "key"), legacy: strList(row["legacy"])}
		nodes := asList(row["relations"])
		if isEventKey(g.key) {
			nodes = asList(row["events"])
		}
		for _, n := range nodes {
			if p := strList(n); len(p) == 3 {
				g.nodes = append(g.nodes, witnessNode{key: p[0], fact: p[1], text: p[2]})
			}
		}
		groups[i] = g
	}
	return groups, nil
}

// fused is what fusing the locked groups again wrote: the rows of the
// save statement, and the witnesses of the replaced articles it removed.
type fused struct {
	groups, relationWitnesses, relationWitnessMoves, relationWitnessDrops, eventGroups, events, eventWitnesses, eventWitnessMoves,
	relationGroups, facts, refreshes []any

	moved         map[string]bool // event witnesses new or in another fused event
	removed       []graph.RelationWitness
	removedEvents []graph.EventWitness
}

// fuse replaces the witnesses the replaced articles had in groups with
// rels and evs and fuses each group again.
//
// The other articles' witnesses are read as JSON texts, decoded through
// the store's cache (a hot group's texts come back on every write to it)
// and left as they are, unless the fact they are in changed. Facts and
// events that fuse as they did are not written either.
func (s *Store) fuse(groups []lockedGroup, replaced map[string]bool, rels []graph.RelationWitness, evs []graph.EventWitness) (fused, error) {
	f := fused{moved: map[string]bool{}}
	relWit := map[string][]graph.RelationWitness{}
	for _, w := range rels {
		key := graph.RelationGroupKey(w.Relation)
		relWit[key] = append(relWit[key], w)
	}
	evWit := map[string][]graph.EventWitness{}
	for _, w := range evs {
		key := graph.EventGroupKey(w.Event)
		evWit[key] = append(evWit[key], w)
	}
	oldFused := map[string]string{} // event witness id -> its fused event, in every group
	for _, g := range groups {
		if isEventKey(g.key) {
			for _, n := range g.nodes {
				oldFused[n.key] = n.fact
			}
		}
	}
	var facts []factRow
	for _, g := range groups {
		left := 0
		if isEventKey(g.key) {
			gw, err := sortWitnesses(g, &s.eventTexts, replaced, evWit[g.key], eventKey)
			if err != nil {
				return f, err
			}
			f.removedEvents = append(f.removedEvents, gw.removed...)
			if err := f.addEventGroup(g.key, gw, oldFused, replaced); err != nil {
				return f, err
			}
			left = len(gw.ws)
		} else {
			gw, err := sortWitnesses(g, &s.relationTexts, replaced, relWit[g.key], relationKey)
			if err != nil {
				return f, err
			}
			f.removed = append(f.removed, gw.removed...)
			rows, err := f.addRelationGroup(g.key, gw)
			if err != nil {
				return f, err
			}
			facts = append(facts, rows...)
			left = len(gw.ws)
		}
		// A group left without witnesses goes (see saveQuery); one of the
		// old format loses the witnesses it kept, now nodes.
		if left == 0 || len(g.legacy) > 0 {
			f.groups = append(f.groups, map[string]any{"key": g.key, "drop": left == 0})
		}
	}
	// A fact as it was is written again only when the fused event of its
	// first report's event changed: fusedEvent is read in the save.
	for _, r := range facts {
		if !r.same || f.moved[r.event] {
			f.facts = append(f.facts, r.row)
		}
	}
	return f, nil
}

// groupWitnesses is a group's witnesses sorted out: those its nodes hold
// (olds, which the stored facts are the fusion of), those fused now (ws:
// the stored and old-format ones of articles not replaced, and the new
// ones), the replaced articles' (removed), the text of each witness fused
// now and the group's nodes, both by node key.
type groupWitnesses[W any] struct {
	olds, ws, removed []W
	text              map[string]string
	node              map[string]witnessNode
}

// sortWitnesses sorts out a locked group's witnesses and the new ones
// added to it; keyOf gives a witness's node key and article.
func sortWitnesses[W any](g lockedGroup, texts *textCache[W], replaced map[string]bool, added []W, keyOf func(W) (key, article string)) (groupWitnesses[W], error) {
	gw := groupWitnesses[W]{text: map[string]string{}, node: map[string]witnessNode{}}
	take := func(text string, stored bool) error {
		w, err := texts.decode(text)
		if err != nil {
			return fmt.Errorf("group %s: bad witness: %w", g.key, err)
		}
		if stored {
			gw.olds = append(gw.olds, w)
		}
		key, article := keyOf(w)
		if replaced[article] {
			gw.removed = append(gw.removed, w)
			return nil
		}
		gw.ws = append(gw.ws, w)
		gw.text[key] = text
		return nil
	}
	for _, n := range g.nodes {
		gw.node[n.key] = n
		if n.text == "" { // an event witness node of the old format: its text is in legacy
			continue
		}
		if err := take(n.text, true); err != nil {
			return gw, err
		}
	}
	for _, text := range g.legacy {
		if err := take(text, false); err != nil {
			return gw, err
		}
	}
	for _, w := range added {
		b, err := json.Marshal(w)
		if err != nil {
			return gw, fmt.Errorf("group %s: encode witness: %w", g.key, err)
		}
		key, _ := keyOf(w)
		gw.ws = append(gw.ws, w)
		gw.text[key] = string(b)
	}
	return gw, nil
}

// relationKey is a relation witness's node key: an article states each id
// once, but two articles may state one id.
func relationKey(w graph.RelationWitness) (key, article string) {
	return w.Article + "\x00" + w.ID, w.Article
}

// eventKey is an event witness's node key: event ids are unique.
func eventKey(w graph.EventWitness) (key, article string) { return w.ID, w.Article }

// gone lists the keys of the nodes a group keeps none of the witnesses of.
func gone(nodes map[string]witnessNode, kept map[string]bool) []string {
	out := []string{}
	for key := range nodes {
		if !kept[key] {
			out = append(out, key)
		}
	}
	slices.Sort(out)
	return out
}

// addEventGroup fuses an event group's witnesses into its events, and
// notes the event witnesses to write (new, changed or in another fused
// event), those to delete, and the facts outside the write whose event
// moved to another fused event (refreshes). An event that fuses as it did
// from the witnesses the group had (olds) is not written again: the
// stored events are the fusion of the stored witnesses, which every write
// keeps true, and fusing does not depend on the witnesses' order.
func (f *fused) addEventGroup(key string, gw groupWitnesses[graph.EventWitness], oldFused map[string]string, replaced map[string]bool) error {
	before := map[string]map[string]any{}
	for _, ev := range graph.FuseEvents(gw.olds) {
		row, err := eventRow(ev, key)
		if err != nil {
			return err
		}
		before[ev.ID] = row
	}
	keep := []string{}
	kept := map[string]bool{}
	for _, ev := range graph.FuseEvents(gw.ws) {
		keep = append(keep, ev.ID)
		for _, w := range ev.Witnesses {
			kept[w.ID] = true
			text := gw.text[w.ID]
			n, ok := gw.node[w.ID]
			if !ok || n.fact != ev.ID {
				f.moved[w.ID] = true
			}
			switch {
			case !ok || n.text != text:
				f.eventWitnesses = append(f.eventWitnesses, eventWitnessRow(w, ev.ID, key, text))
			case n.fact != ev.ID:
				f.eventWitnessMoves = append(f.eventWitnessMoves, map[string]any{"id": w.ID, "event": ev.ID})
			}
			if old, ok := oldFused[w.ID]; ok && old != ev.ID && !replaced[w.Article] {
				f.refreshes = append(f.refreshes, map[string]any{"event": w.ID, "fused": ev.ID})
			}
		}
		row, err := eventRow(ev, key)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(row, before[ev.ID]) {
			f.events = append(f.events, row)
		}
	}
	f.eventGroups = append(f.eventGroups, map[string]any{"key": key, "keep": keep, "gone": gone(gw.node, kept)})
	return nil
}

func eventWitnessRow(w graph.EventWitness, event, group, text string) map[string]any {
	props := map[string]any{"id": w.ID, "group": group, "article": w.Article, "event": event, "text": text}
	setIf(props, "published", w.Published)
	return map[string]any{"id": w.ID, "props": props}
}

// factRow is a fused fact's row of the save statement; same says it fuses
// as it did from the witnesses its group had.
type factRow struct {
	id, event string
	row       map[string]any
	same      bool
}

// addRelationGroup fuses a relation group's witnesses into its facts,
// noting them with whether they fuse as they did from the witnesses the
// group had (olds), and the witnesses to write (new, changed or in another
// fact) and to delete.
func (f *fused) addRelationGroup(key string, gw groupWitnesses[graph.RelationWitness]) ([]factRow, error) {
	before := map[string]map[string]any{}
	for _, r := range graph.FuseRelations(gw.olds) {
		row, err := factRowOf(r, key)
		if err != nil {
			return nil, err
		}
		before[r.ID] = row
	}
	var rows []factRow
	kept := map[string]bool{}
	keep, want := []string{}, map[string]any{}
	for _, r := range graph.FuseRelations(gw.ws) {
		for _, w := range r.Witnesses {
			k, _ := relationKey(w)
			kept[k] = true
			text := gw.text[k]
			switch n, ok := gw.node[k]; {
			case !ok || n.text != text:
				props := map[string]any{"key": k, "group": key, "article": w.Article, "id": w.ID, "fact": r.ID, "text": text}
				setIf(props, "published", w.Published)
				setIf(props, "claimedBy", w.ClaimedBy)
				f.relationWitnesses = append(f.relationWitnesses, map[string]any{"key": k, "props": props})
			case n.fact != r.ID:
				f.relationWitnessMoves = append(f.relationWitnessMoves, map[string]any{"key": k, "fact": r.ID})
			}
		}
		row, err := factRowOf(r, key)
		if err != nil {
			return nil, err
		}
		rows = append(rows, factRow{id: r.ID, event: r.Event, row: row, same: reflect.DeepEqual(row, before[r.ID])})
		keep = append(keep, r.ID)
		want[r.ID] = r.Source
	}
	for _, k := range gone(gw.node, kept) {
		f.relationWitnessDrops = append(f.relationWitnessDrops, map[string]any{"key": k, "group": key})
	}
	f.relationGroups = append(f.relationGroups, map[string]any{"key": key, "keep": keep, "want": want})
	return rows, nil
}

func factRowOf(r graph.Relation, key string) (map[string]any, error) {
	props, err := factProps(r, key)
	if err != nil {
		return nil, err
	}
	return map[string]any{"id": r.ID, "type": string(r.Type), "source": r.Source, "target": r.Target, "props": props}, nil
}

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

// witnessesOf is the JSON of a fact as stored, without its witnesses,
// with its witness nodes' texts put back as its witnesses in report order:
// what encoding the fact whole gives. rows are [published, article, id,
// text] lists (witnessesProjection); a fact without any (one of the old
// format, or not a fact) is as stored.
func witnessesOf(slim string, rows any) string {
	list := asList(rows)
	ws := make([][]string, 0, len(list))
	for _, x := range list {
		if w := strList(x); len(w) == 4 && w[3] != "" {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 || !strings.HasSuffix(slim, "}") {
		return slim
	}
	slices.SortFunc(ws, func(a, b []string) int { return graph.ReportOrder(a[0], a[1], a[2], b[0], b[1], b[2]) })
	var b strings.Builder
	b.WriteString(slim[:len(slim)-1]) // the closing brace
	b.WriteString(`,"witnesses":[`)
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(w[3])
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
func factProps(r graph.Relation, group string) (map[string]any, error) {
	slim := r
	slim.Evidence = nil  // every witness's, rebuilt on reading (see decodeRelation)
	slim.Witnesses = nil // nodes of their own (see witnessesOf)
	b, err := json.Marshal(slim)
	if err != nil {
		return nil, fmt.Errorf("encode fact %s: %w", r.ID, err)
	}
	m := map[string]any{
		"id": r.ID, "group": group, "confidence": r.Confidence, "sources": int64(r.Sources), "contested": r.Contested,
		"fact": string(b),
	}
	setIf(m, "class", string(r.Class))
	setIf(m, "date", r.Date)
	setIf(m, "status", r.Status)
	setIf(m, "event", r.Event)
	return m, nil
}

func eventRow(ev graph.Event, group string) (map[string]any, error) {
	slim := ev
	slim.Evidence = nil  // every witness's, rebuilt on reading (see decodeEvent)
	slim.Witnesses = nil // nodes of their own (see witnessesOf)
	b, err := json.Marshal(slim)
	if err != nil {
		return nil, fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	props := map[string]any{
		"id": ev.ID, "group": group, "sources": int64(ev.Sources), "contested": ev.Contested, "fact": string(b),
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
