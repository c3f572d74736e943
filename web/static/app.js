// geokg explorer: search an entity, draw its neighbourhood with Cytoscape,
// expand nodes, read the evidence behind an edge, filter, find paths. Talks
// only to /graphql on the same origin. All data goes into the DOM as text
// (textContent), never as HTML.
'use strict';

(() => {
  // Node look by entity kind: colour and shape (shapes echo in the legend).
  const KINDS = {
    PERSON: { color: '#4e79a7', shape: 'ellipse', label: 'person' },
    COUNTRY: { color: '#59a14f', shape: 'round-rectangle', label: 'country' },
    GOVERNMENT_BODY: { color: '#9c755f', shape: 'hexagon', label: 'government body' },
    MILITARY: { color: '#6f4e7c', shape: 'triangle', label: 'military' },
    ORGANIZATION: { color: '#3fa7a0', shape: 'diamond', label: 'organization' },
    GROUP: { color: '#d9b526', shape: 'octagon', label: 'group' },
    CITY: { color: '#f28e2b', shape: 'star', label: 'city' },
    REGION: { color: '#c979b0', shape: 'pentagon', label: 'region' },
    LOCATION: { color: '#a39990', shape: 'rhomboid', label: 'location' },
  };

  // Edge colour by PLOVER class; STRUCTURAL edges are grey and dashed.
  const CLASSES = {
    CONSULT: '#1f77b4', AGREE: '#2ca02c', COOPERATE: '#17a589', SUPPORT: '#17becf',
    AID: '#4fb99f', REQUEST: '#9467bd', ACCUSE: '#ff7f0e', REJECT: '#c4622d',
    THREATEN: '#a83232', SANCTION: '#8c564b', ASSAULT: '#d62728', MOBILIZE: '#7b4fa0',
    CONCEDE: '#bcbd22', RETREAT: '#8a8a2a', STATEMENT: '#7f7f7f', ELECTION: '#e377c2',
    PROTEST: '#f2a93b', COERCE: '#5b3a29',
    STRUCTURAL: '#9aa0a8',
  };
  const CLASS_NAMES = Object.keys(CLASSES);
  // '' is a relation with no status (structural facts).
  const STATUSES = ['occurred', 'planned', 'claimed', 'reported', 'denied', 'failed', ''];

  // Above this many nodes the page switches to cheap layouts.
  const LARGE = 300;
  const SUGGEST_DELAY_MS = 180;
  const NEIGHBOURHOOD_LIMIT = 1000;

  const $ = (id) => document.getElementById(id);

  const state = {
    focus: '', // entity id at the centre
    depth: 1,
    expanded: [], // entity ids expanded by clicks, in order
    classes: new Set(CLASS_NAMES),
    statuses: new Set(STATUSES),
    from: '',
    to: '',
    undated: true,
    path: [], // [from, to] entity ids
  };

  // ---- GraphQL ----------------------------------------------------------

  async function gql(query, variables) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    let body;
    try {
      body = await res.json();
    } catch {
      throw new Error(`GraphQL: HTTP ${res.status}`);
    }
    if (body.errors && body.errors.length) {
      throw new Error(body.errors.map((e) => e.message).join('; '));
    }
    if (!res.ok) throw new Error(`GraphQL: HTTP ${res.status}`);
    return body.data;
  }

  // Typo-tolerant relevance search, so "Zelensky" still suggests Zelenskyy.
  const Q_SEARCH = `query Suggest($s: String!) {
    search(text: $s, first: 10) { entity { id name kind aliases } }
  }`;
  const Q_NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      nodes { id label kind }
      edges { id source target type class date status sources contested }
    }
  }`;
  const Q_ENTITY = `query Entity($id: ID!) {
    entity(id: $id) { id name kind aliases country relations(first: 0) { totalCount } }
  }`;
  // The API has no relation(id:) query: list the relations of the edge's
  // type between its ends (a handful at most) and pick the edge's id.
  const Q_RELATION = `query Relation($source: ID!, $target: ID!, $types: [String!]) {
    relations(first: 100, where: {source: $source, target: $target, types: $types}) {
      nodes {
        id type class title date dateText status confidence
        source { id name kind aliases }
        target { id name kind aliases }
        claimedBy { id name }
        event { id type label mode killed injured place { name } }
        article { id title source published }
        evidence { text start end article { id title } }
        sources contested firstReported lastReported
        disagreements { field values }
        witnesses {
          id status date dateText confidence
          claimedBy { name }
          casualties { killed injured }
          article { id title source published }
          evidence { text start end }
        }
      }
    }
  }`;
  const Q_ARTICLE = `query Article($id: ID!) { article(id: $id) { id title text } }`;
  // Shortest paths come from the API, over the whole graph.
  const PATH_MAX_HOPS = 4;
  const Q_PATH = `query Path($from: ID!, $to: ID!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) {
      length
      entities { id name kind }
      relations { id type class date status sources contested source { id } target { id } }
    }
  }`;

  // ---- Cytoscape --------------------------------------------------------

  function styles() {
    const s = [
      {
        selector: 'node',
        style: {
          label: 'data(label)', 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4,
          'text-wrap': 'wrap', 'text-max-width': 140, color: '#1d2330',
          'text-outline-color': '#fbfcfd', 'text-outline-width': 2, 'min-zoomed-font-size': 7,
          width: 26, height: 26, 'background-color': '#888', 'border-width': 1, 'border-color': '#fff',
        },
      },
      {
        selector: 'edge',
        style: {
          // One edge per fact: the more articles report it, the wider.
          width: 'mapData(sources, 1, 6, 2.2, 9)', 'curve-style': 'bezier', 'control-point-step-size': 36,
          'target-arrow-shape': 'triangle', 'arrow-scale': 1.1,
          'line-color': '#888', 'target-arrow-color': '#888',
          label: 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', color: '#333',
          'text-background-color': '#fbfcfd', 'text-background-opacity': 0.85, 'text-background-padding': 1,
          'min-zoomed-font-size': 8,
        },
      },
    ];
    for (const [kind, k] of Object.entries(KINDS)) {
      s.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': k.color, shape: k.shape } });
    }
    for (const [cls, color] of Object.entries(CLASSES)) {
      s.push({ selector: `edge[cls = "${cls}"]`, style: { 'line-color': color, 'target-arrow-color': color } });
    }
    s.push(
      { selector: 'edge[cls = "STRUCTURAL"]', style: { 'line-style': 'dashed', width: 1.5, 'line-dash-pattern': [6, 4] } },
      { selector: 'edge[status = "planned"]', style: { 'line-style': 'dotted', width: 2.6 } },
      { selector: 'edge[status = "denied"], edge[status = "failed"]', style: { opacity: 0.45 } },
      // Witnesses disagree: dashed, with a hollow diamond where it lands.
      { selector: 'edge[?contested]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 3], 'target-arrow-shape': 'diamond', 'target-arrow-fill': 'hollow' } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2330' } },
      { selector: 'node.focus', style: { width: 40, height: 40, 'border-width': 4, 'border-color': '#1d2330', 'font-size': 14, 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffb000' } },
      { selector: 'edge:selected', style: { 'underlay-color': '#1d2330', 'underlay-opacity': 0.18, 'underlay-padding': 5, 'z-index': 10 } },
      { selector: '.path', style: { 'underlay-color': '#ffb000', 'underlay-opacity': 0.55, 'underlay-padding': 6, 'z-index': 20 } },
      { selector: 'node.path', style: { 'underlay-shape': 'ellipse' } },
      { selector: 'node.path-start', style: { 'border-width': 5, 'border-color': '#ffb000' } },
      { selector: '.filtered', style: { display: 'none' } },
    );
    return s;
  }

  const cy = cytoscape({
    container: $('cy'),
    style: styles(),
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    // Cheap rendering while panning or zooming large graphs.
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    selectionType: 'single',
  });
  window.cy = cy; // for the end-to-end tests and for poking around in devtools

  function nodeData(n) {
    return { group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind } };
  }

  function edgeData(e) {
    return {
      group: 'edges',
      data: {
        id: e.id, source: e.source, target: e.target, type: e.type, cls: e.class,
        date: e.date || '', status: e.status || '',
        sources: e.sources || 1, contested: !!e.contested,
        label: e.type + (e.sources > 1 ? ` ×${e.sources}` : '') + (e.contested ? ' ⚠' : ''),
      },
    };
  }

  // mergeGraph adds the nodes and edges of g that are not drawn yet, in one
  // batch, placing new nodes around `around` (a position) when given. It
  // returns the added elements.
  function mergeGraph(g, around) {
    const add = [];
    const have = (id) => cy.getElementById(id).nonempty();
    const ids = new Set();
    for (const n of g.nodes) {
      if (have(n.id) || ids.has(n.id)) continue;
      ids.add(n.id);
      const el = nodeData(n);
      if (around) {
        const a = Math.random() * 2 * Math.PI;
        const r = 60 + Math.random() * 60;
        el.position = { x: around.x + r * Math.cos(a), y: around.y + r * Math.sin(a) };
      }
      add.push(el);
    }
    for (const e of g.edges) {
      if (have(e.id)) continue;
      // An edge needs both endpoints drawn; the API sends them, but a
      // truncated neighbourhood must not make Cytoscape throw.
      if (!(have(e.source) || ids.has(e.source)) || !(have(e.target) || ids.has(e.target))) continue;
      add.push(edgeData(e));
    }
    let added = cy.collection();
    cy.batch(() => { added = cy.add(add); });
    return added;
  }

  function layoutOptions(randomize) {
    if (cy.nodes().length > LARGE) {
      // cose costs O(n^2) per iteration; concentric by degree is instant.
      return {
        name: 'concentric', animate: false, fit: true, padding: 30, minNodeSpacing: 8,
        concentric: (n) => n.degree(), levelWidth: () => 2,
      };
    }
    return {
      name: 'cose', animate: false, randomize, fit: true, padding: 40,
      nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 110, nodeRepulsion: () => 9000,
      edgeElasticity: () => 100, gravity: 0.3, numIter: 1000, componentSpacing: 80,
    };
  }

  function runLayout(randomize = true) {
    cy.layout(layoutOptions(randomize)).run();
  }

  // placeAround puts new nodes on a ring around a node without moving the
  // rest, for expansions of large graphs.
  function placeAround(nodes, centre) {
    const c = centre.position();
    const r = 80 + 6 * nodes.length;
    cy.batch(() => {
      nodes.forEach((n, i) => {
        const a = (2 * Math.PI * i) / nodes.length;
        n.position({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
      });
    });
  }

  // ---- Filters ----------------------------------------------------------

  function edgeVisible(d) {
    if (d.cls in CLASSES && !state.classes.has(d.cls)) return false;
    if (!state.statuses.has(d.status)) return false;
    if (!d.date) return state.undated;
    if (state.from && d.date < state.from) return false;
    if (state.to && d.date > state.to) return false;
    return true;
  }

  // applyFilters hides filtered edges, and nodes left with only hidden
  // edges, except the entities the user put on the page.
  function applyFilters() {
    const pinned = new Set([state.focus, ...state.expanded]);
    cy.batch(() => {
      cy.edges().forEach((e) => { e.toggleClass('filtered', !edgeVisible(e.data())); });
      cy.nodes().forEach((n) => {
        const es = n.connectedEdges();
        const hide = !pinned.has(n.id()) && es.length > 0 && es.every((e) => e.hasClass('filtered'));
        n.toggleClass('filtered', hide);
      });
    });
    updateCounts();
  }

  function updateCounts() {
    const counts = {};
    cy.edges().forEach((e) => { counts[e.data('cls')] = (counts[e.data('cls')] || 0) + 1; });
    for (const cls of CLASS_NAMES) {
      const el = document.querySelector(`[data-count="${cls}"]`);
      if (el) el.textContent = counts[cls] ? ` ${counts[cls]}` : '';
    }
    const hidden = cy.edges('.filtered').length;
    $('empty').hidden = cy.nodes().length > 0;
    say(cy.nodes().length ? `${cy.nodes().length} nodes, ${cy.edges().length} edges` + (hidden ? ` (${hidden} hidden by filters)` : '') : '');
  }

  function buildFilters() {
    const classBox = $('class-filters');
    for (const cls of CLASS_NAMES) {
      const label = document.createElement('label');
      label.className = 'check';
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.value = cls;
      cb.checked = true;
      cb.dataset.class = cls;
      cb.addEventListener('change', () => {
        if (cb.checked) state.classes.add(cls); else state.classes.delete(cls);
        filtersChanged();
      });
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = CLASSES[cls];
      const name = document.createElement('span');
      name.textContent = cls.toLowerCase();
      const count = document.createElement('span');
      count.className = 'hint';
      count.dataset.count = cls;
      label.append(cb, sw, name, count);
      classBox.append(label);
    }
    $('classes-all').addEventListener('click', () => setClasses(CLASS_NAMES));
    $('classes-none').addEventListener('click', () => setClasses([]));

    const statusBox = $('status-filters');
    for (const st of STATUSES) {
      const label = document.createElement('label');
      label.className = 'check';
      const cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.checked = true;
      cb.dataset.status = st;
      cb.addEventListener('change', () => {
        if (cb.checked) state.statuses.add(st); else state.statuses.delete(st);
        filtersChanged();
      });
      label.append(cb, document.createTextNode(st || 'none'));
      statusBox.append(label);
    }
    $('date-from').addEventListener('change', (e) => { state.from = e.target.value; filtersChanged(); });
    $('date-to').addEventListener('change', (e) => { state.to = e.target.value; filtersChanged(); });
    $('undated').addEventListener('change', (e) => { state.undated = e.target.checked; filtersChanged(); });
  }

  function setClasses(list) {
    state.classes = new Set(list);
    syncFilterInputs();
    filtersChanged();
  }

  function syncFilterInputs() {
    document.querySelectorAll('[data-class]').forEach((cb) => { cb.checked = state.classes.has(cb.dataset.class); });
    document.querySelectorAll('[data-status]').forEach((cb) => { cb.checked = state.statuses.has(cb.dataset.status); });
    $('date-from').value = state.from;
    $('date-to').value = state.to;
    $('undated').checked = state.undated;
    $('depth').value = String(state.depth);
  }

  function filtersChanged() {
    applyFilters();
    writeHash(false);
  }

  // ---- Legend -----------------------------------------------------------

  const SVG_NS = 'http://www.w3.org/2000/svg';
  // Unit polygons for the legend, matching Cytoscape's node shapes.
  function polygon(shape) {
    const reg = (n, rot) => Array.from({ length: n }, (_, i) => {
      const a = rot + (2 * Math.PI * i) / n;
      return [Math.cos(a), Math.sin(a)];
    });
    switch (shape) {
      case 'triangle': return reg(3, -Math.PI / 2);
      case 'diamond': return [[0, -1], [1, 0], [0, 1], [-1, 0]];
      case 'pentagon': return reg(5, -Math.PI / 2);
      case 'hexagon': return reg(6, 0);
      case 'octagon': return reg(8, Math.PI / 8);
      case 'rhomboid': return [[-0.5, -0.8], [1, -0.8], [0.5, 0.8], [-1, 0.8]];
      case 'star': return Array.from({ length: 10 }, (_, i) => {
        const a = -Math.PI / 2 + (Math.PI * i) / 5;
        const r = i % 2 ? 0.45 : 1;
        return [r * Math.cos(a), r * Math.sin(a)];
      });
    }
    return null;
  }

  function shapeIcon(shape, color) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('viewBox', '-1.1 -1.1 2.2 2.2');
    svg.setAttribute('aria-hidden', 'true');
    let el;
    const pts = polygon(shape);
    if (pts) {
      el = document.createElementNS(SVG_NS, 'polygon');
      el.setAttribute('points', pts.map((p) => p.join(',')).join(' '));
    } else if (shape === 'round-rectangle') {
      el = document.createElementNS(SVG_NS, 'rect');
      for (const [k, v] of Object.entries({ x: -1, y: -0.8, width: 2, height: 1.6, rx: 0.4 })) el.setAttribute(k, v);
    } else {
      el = document.createElementNS(SVG_NS, 'circle');
      el.setAttribute('r', '1');
    }
    el.setAttribute('fill', color);
    svg.append(el);
    return svg;
  }

  function lineIcon(color, dash, opacity, width) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', '22');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    const l = document.createElementNS(SVG_NS, 'line');
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 21, y2: 5, stroke: color, 'stroke-width': width || 3, opacity })) l.setAttribute(k, v);
    if (dash) l.setAttribute('stroke-dasharray', dash);
    svg.append(l);
    return svg;
  }

  function buildLegend() {
    const kinds = $('legend-kinds');
    for (const k of Object.values(KINDS)) {
      const s = document.createElement('span');
      s.append(shapeIcon(k.shape, k.color), document.createTextNode(k.label));
      kinds.append(s);
    }
    // Line styles match the edge styles in styles().
    const edges = $('legend-edges');
    for (const [label, color, dash, opacity, width] of [
      ['occurred', CLASSES.CONSULT, '', 1],
      ['planned', CLASSES.CONSULT, '1.5 2', 1],
      ['denied, failed', CLASSES.CONSULT, '', 0.45],
      ['structural', CLASSES.STRUCTURAL, '5 3', 1],
      ['reported by 4+ articles', CLASSES.CONSULT, '', 1, 8],
      ['contested (×n: sources)', CLASSES.CONSULT, '6 2', 1],
    ]) {
      const s = document.createElement('span');
      s.append(lineIcon(color, dash, opacity, width), document.createTextNode(label));
      edges.append(s);
    }
  }

  // ---- Status line and details panel ------------------------------------

  function say(msg, isError) {
    const el = $('status');
    el.textContent = msg;
    el.classList.toggle('error', !!isError);
  }

  function fail(err) {
    console.error(err);
    say(String(err.message || err), true);
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  function details(...children) {
    const body = $('details-body');
    body.replaceChildren(...children);
  }

  function dl(rows) {
    const list = el('dl');
    for (const [k, v] of rows) {
      if (v == null || v === '') continue;
      list.append(el('dt', null, k), el('dd', null, v));
    }
    return list;
  }

  // highlight returns text as nodes with every name or alias of the
  // source and target marked, longest names first.
  function highlight(text, source, target) {
    const names = [];
    for (const [ent, cls] of [[source, 'source'], [target, 'target']]) {
      for (const n of [ent.name, ...(ent.aliases || [])]) if (n && n.length > 1) names.push([n, cls]);
    }
    names.sort((a, b) => b[0].length - a[0].length);
    const lower = text.toLowerCase();
    const marks = []; // [start, end, cls], non-overlapping
    for (const [n, cls] of names) {
      const ln = n.toLowerCase();
      for (let i = lower.indexOf(ln); i >= 0; i = lower.indexOf(ln, i + ln.length)) {
        const end = i + ln.length;
        if (!marks.some(([s, e]) => i < e && end > s)) marks.push([i, end, cls]);
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
    const out = [];
    let at = 0;
    for (const [s, e, cls] of marks) {
      if (s > at) out.push(document.createTextNode(text.slice(at, s)));
      out.push(el('mark', { class: cls }, text.slice(s, e)));
      at = e;
    }
    if (at < text.length) out.push(document.createTextNode(text.slice(at)));
    return out;
  }

  // byteToIndex turns a UTF-8 byte offset of text into a JS string index.
  function byteToIndex(bytes, offset) {
    return new TextDecoder().decode(bytes.subarray(0, offset)).length;
  }

  async function showArticle(id, ev, box) {
    try {
      const { article } = await gql(Q_ARTICLE, { id });
      if (!article) { box.replaceChildren('Article not found.'); return; }
      const bytes = new TextEncoder().encode(article.text);
      const s = byteToIndex(bytes, ev.start);
      const e = byteToIndex(bytes, ev.end);
      const mark = el('mark', null, article.text.slice(s, e));
      box.replaceChildren(el('div', { class: 'article-text' }, article.text.slice(0, s), mark, article.text.slice(e)));
      mark.scrollIntoView({ block: 'center' });
    } catch (err) { fail(err); }
  }

  async function showEdge(edge) {
    const d = edge.data();
    details(el('p', { class: 'hint' }, 'Loading…'));
    try {
      const data = await gql(Q_RELATION, { source: d.source, target: d.target, types: [d.type] });
      const r = data.relations.nodes.find((x) => x.id === d.id);
      if (!r) { details(el('p', null, 'This relation is no longer in the graph.')); return; }
      const parts = [
        el('h3', null, `${r.source.name} `, el('span', { class: 'pill', style: `background:${CLASSES[r.class] || '#888'}` }, r.type), ` ${r.target.name}`),
      ];
      const ev = r.evidence[0];
      if (ev) parts.push(el('blockquote', { class: 'evidence', 'data-testid': 'evidence' }, ...highlight(ev.text, r.source, r.target)));
      let when = r.date || '';
      if (r.dateText) when += when ? ` (“${r.dateText}”)` : r.dateText;
      parts.push(dl([
        ['class', r.class.toLowerCase()],
        ['date', when],
        ['status', r.status],
        ['claimed by', r.claimedBy && r.claimedBy.name],
        ['title', r.title],
        ['confidence', r.confidence.toFixed(2)],
        ['sources', r.sources > 1 ? `${r.sources} articles, ${r.firstReported || '?'} to ${r.lastReported || '?'}` : '1 article'],
        ['contested', r.contested ? r.disagreements.map((d) => `${d.field}: ${d.values.join(' vs ')}`).join('; ') : ''],
        ['event', r.event && [r.event.label, r.event.mode, r.event.place && `at ${r.event.place.name}`,
          r.event.killed != null && `${r.event.killed} killed`, r.event.injured != null && `${r.event.injured} injured`].filter(Boolean).join(', ')],
      ]));
      const a = r.article;
      const src = a.source && /^https?:\/\//i.test(a.source)
        ? el('a', { href: a.source, target: '_blank', rel: 'noopener noreferrer' }, a.source)
        : a.source;
      const articleBox = el('div');
      parts.push(
        el('h2', null, 'Article'),
        el('p', { 'data-testid': 'article-title' }, el('strong', null, a.title || a.id)),
        dl([['published', a.published], ['source', src], ['id', a.id]]),
      );
      if (ev) parts.push(el('button', { type: 'button', onclick: () => showArticle(a.id, ev, articleBox) }, 'Show the sentence in the article'));
      parts.push(articleBox);
      parts.push(witnessList(r));
      details(...parts);
    } catch (err) { fail(err); }
  }

  // witnessList shows what every article says about the fact, in report
  // order: title, date, status, figures, and its sentence highlighted.
  function witnessList(r) {
    const list = el('ol', { class: 'witnesses', 'data-testid': 'witnesses' });
    for (const w of r.witnesses) {
      const when = [w.date, w.dateText && `“${w.dateText}”`].filter(Boolean).join(' ');
      const figures = w.casualties && [w.casualties.killed != null && `${w.casualties.killed} killed`,
        w.casualties.injured != null && `${w.casualties.injured} injured`].filter(Boolean).join(', ');
      const box = el('div');
      const ev = w.evidence[0];
      list.append(el('li', { class: `witness status-${w.status || 'none'}`, 'data-testid': 'witness' },
        el('strong', null, w.article.title || w.article.id),
        el('span', { class: 'meta' }, [w.article.published, w.status, when, figures, w.claimedBy && `claimed by ${w.claimedBy.name}`].filter(Boolean).join(' · ')),
        ev && el('blockquote', { class: 'evidence' }, ...highlight(ev.text, r.source, r.target)),
        ev && el('button', { type: 'button', onclick: () => showArticle(w.article.id, ev, box) }, 'Show in the article'),
        box));
    }
    return el('section', null, el('h2', null, `Witnesses (${r.witnesses.length})`), list);
  }

  async function showNode(node) {
    const id = node.id();
    try {
      const { entity } = await gql(Q_ENTITY, { id });
      if (!entity) { details(el('p', null, 'This entity is no longer in the graph.')); return; }
      const parts = [
        el('h3', null, entity.name),
        dl([
          ['kind', (KINDS[entity.kind] || { label: entity.kind }).label],
          ['id', entity.id],
          ['aliases', entity.aliases.join(', ')],
          ['country', entity.country],
          ['relations', `${entity.relations.totalCount} in the graph, ${node.connectedEdges().length} drawn`],
        ]),
      ];
      if (id !== state.focus) {
        parts.push(el('button', { type: 'button', onclick: () => focusEntity(id, entity.name) }, 'Centre on this entity'));
      }
      details(...parts);
    } catch (err) { fail(err); }
  }

  // ---- Loading and expanding ---------------------------------------------

  async function fetchNeighbourhood(id, depth) {
    const data = await gql(Q_NEIGHBOURHOOD, { id, depth, limit: NEIGHBOURHOOD_LIMIT });
    return data.neighborhood || { nodes: [], edges: [] };
  }

  // focusEntity clears the view and draws the neighbourhood of id.
  async function focusEntity(id, name) {
    state.focus = id;
    state.expanded = [];
    state.path = [];
    if (name) $('search').value = name;
    writeHash(true);
    await render();
  }

  // render draws the state from scratch: the focus, then each expansion.
  async function render() {
    cy.elements().remove();
    updateExportLinks();
    if (!state.focus) { applyFilters(); details(el('p', { class: 'hint' }, 'Click a node to expand it, an edge to read its evidence.')); return; }
    say('Loading…');
    try {
      const graphs = await Promise.all([state.focus, ...state.expanded].map((id, i) => fetchNeighbourhood(id, i === 0 ? state.depth : 1)));
      for (const g of graphs) mergeGraph(g);
      cy.getElementById(state.focus).addClass('focus');
      for (const id of state.expanded) cy.getElementById(id).addClass('expanded');
      const focusNode = cy.getElementById(state.focus);
      if (focusNode.nonempty() && !$('search').value) $('search').value = focusNode.data('label');
      runLayout(true);
      applyFilters();
      if (state.path.length === 2) await showPath(state.path[0], state.path[1]);
    } catch (err) { fail(err); }
  }

  async function expand(node) {
    const id = node.id();
    if (id === state.focus || state.expanded.includes(id)) return;
    say(`Expanding ${node.data('label')}…`);
    try {
      const g = await fetchNeighbourhood(id, 1);
      const before = cy.nodes().length;
      const added = mergeGraph(g, node.position());
      node.addClass('expanded');
      state.expanded.push(id);
      writeHash(false);
      if (before > LARGE) placeAround(added.nodes(), node); else if (added.nodes().length) runLayout(false);
      applyFilters();
    } catch (err) { fail(err); }
  }

  function updateExportLinks() {
    const scope = state.focus ? `&id=${encodeURIComponent(state.focus)}&depth=${state.depth}` : '';
    for (const f of ['graphml', 'json', 'csv']) $(`export-${f}`).href = `/export?format=${f}${scope}`;
    $('export-scope').textContent = state.focus ? `Neighbourhood of ${state.focus}, depth ${state.depth}.` : 'Whole graph.';
  }

  // ---- Shortest path ------------------------------------------------------

  let pathMode = false;
  let pathStart = null;

  function setPathMode(on) {
    pathMode = on;
    pathStart = null;
    $('path-mode').setAttribute('aria-pressed', String(on));
    cy.elements().removeClass('path path-start');
    say(on ? 'Path mode: click the first entity.' : '');
  }

  // showPath asks the API for a shortest path over the whole graph, draws
  // whatever of it is not drawn yet and highlights it.
  async function showPath(fromId, toId) {
    cy.elements().removeClass('path path-start');
    say('Looking for a path…');
    let p;
    try {
      ({ path: p } = await gql(Q_PATH, { from: fromId, to: toId, maxHops: PATH_MAX_HOPS }));
    } catch (err) { fail(err); return; }
    const name = (id) => cy.getElementById(id).data('label') || id;
    if (!p) {
      say(`No path of at most ${PATH_MAX_HOPS} relations between ${name(fromId)} and ${name(toId)}.`, true);
      details(el('h3', null, 'Shortest path'), el('p', null, `No path of at most ${PATH_MAX_HOPS} relations between ${name(fromId)} and ${name(toId)} in the graph.`));
      return;
    }
    const added = mergeGraph({
      nodes: p.entities.map((e) => ({ id: e.id, label: e.name, kind: e.kind })),
      edges: p.relations.map((r) => ({ ...r, source: r.source.id, target: r.target.id })),
    }, cy.getElementById(fromId).position());
    if (added.nodes().length) runLayout(false);
    applyFilters();
    const ids = [...p.entities.map((e) => e.id), ...p.relations.map((r) => r.id)];
    cy.collection(ids.map((id) => cy.getElementById(id))).addClass('path');
    // Relations run either way along the path: each step shows its own direction.
    const steps = el('ol', { class: 'path-steps' });
    p.relations.forEach((r, i) => {
      const [a, b] = [p.entities[i], p.entities[i + 1]];
      steps.append(el('li', null, r.source.id === a.id ? `${a.name} —${r.type}→ ${b.name}` : `${a.name} ←${r.type}— ${b.name}`));
    });
    const [first, last] = [p.entities[0].name, p.entities[p.entities.length - 1].name];
    details(
      el('h3', null, 'Shortest path'),
      el('p', null, `${first} to ${last}: ${p.length} hop${p.length === 1 ? '' : 's'}.`),
      steps,
      el('p', { class: 'hint' }, `Found by the API over the whole graph (at most ${PATH_MAX_HOPS} relations), drawn or not; relations hidden by the filters stay hidden.`),
    );
    say(`Path: ${p.length} hops.`);
  }

  function pathClick(node) {
    if (!pathStart) {
      pathStart = node.id();
      cy.elements().removeClass('path path-start');
      node.addClass('path-start');
      say(`Path from ${node.data('label')}: click the second entity.`);
      return;
    }
    state.path = [pathStart, node.id()];
    pathStart = null;
    writeHash(false);
    showPath(state.path[0], state.path[1]);
  }

  // ---- Search box -------------------------------------------------------

  const search = $('search');
  const list = $('suggestions');
  let suggestions = [];
  let active = -1;
  let timer = 0;
  let seq = 0;

  function closeSuggestions() {
    list.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      search.setAttribute('aria-activedescendant', `suggestion-${i}`);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      search.removeAttribute('aria-activedescendant');
    }
  }

  function showSuggestions(items, q) {
    suggestions = items;
    list.replaceChildren();
    if (!items.length) {
      list.append(el('li', { role: 'option', 'aria-disabled': 'true', class: 'hint' }, `No entity matches “${q}”.`));
    }
    items.forEach((it, i) => {
      const ql = q.toLowerCase();
      const alias = it.name.toLowerCase().includes(ql) ? '' : (it.aliases.find((a) => a.toLowerCase().includes(ql)) || '');
      const li = el('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': it.id },
        el('span', null, it.name),
        alias ? el('span', { class: 'alias' }, `“${alias}”`) : null,
        el('span', { class: 'kind' }, (KINDS[it.kind] || { label: it.kind }).label));
      // mousedown, not click, so the input's blur does not close the list first.
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(i); });
      list.append(li);
    });
    list.hidden = false;
    search.setAttribute('aria-expanded', 'true');
    setActive(items.length ? 0 : -1);
  }

  async function suggest(q) {
    const mine = ++seq;
    try {
      const data = await gql(Q_SEARCH, { s: q });
      if (mine !== seq || search.value.trim() !== q) return; // a newer keystroke won
      showSuggestions(data.search.map((h) => h.entity), q);
    } catch (err) { fail(err); }
  }

  function pick(i) {
    const it = suggestions[i];
    if (!it) return;
    closeSuggestions();
    search.value = it.name;
    focusEntity(it.id, it.name);
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    const q = search.value.trim();
    if (!q) { seq++; closeSuggestions(); return; }
    timer = setTimeout(() => suggest(q), SUGGEST_DELAY_MS);
  });
  search.addEventListener('keydown', (ev) => {
    const n = suggestions.length;
    switch (ev.key) {
      case 'ArrowDown':
        ev.preventDefault();
        if (list.hidden && search.value.trim()) { suggest(search.value.trim()); return; }
        if (n) setActive((active + 1) % n);
        break;
      case 'ArrowUp':
        ev.preventDefault();
        if (n) setActive((active - 1 + n) % n);
        break;
      case 'Enter':
        ev.preventDefault();
        if (!list.hidden && active >= 0) pick(active);
        else if (search.value.trim()) { clearTimeout(timer); suggest(search.value.trim()); }
        break;
      case 'Escape':
        closeSuggestions();
        break;
    }
  });
  search.addEventListener('blur', () => setTimeout(closeSuggestions, 100));

  // ---- URL state --------------------------------------------------------
  // #id=<entity>&depth=2&x=<expanded,...>&classes=A,B&status=a,b&from=&to=&undated=0&path=a,b

  let lastHash = '';

  function writeHash(push) {
    const p = new URLSearchParams();
    if (state.focus) p.set('id', state.focus);
    if (state.depth !== 1) p.set('depth', String(state.depth));
    if (state.expanded.length) p.set('x', state.expanded.join(','));
    if (state.classes.size !== CLASS_NAMES.length) p.set('classes', CLASS_NAMES.filter((c) => state.classes.has(c)).join(','));
    if (state.statuses.size !== STATUSES.length) p.set('status', STATUSES.filter((s) => state.statuses.has(s)).map((s) => s || 'none').join(','));
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (!state.undated) p.set('undated', '0');
    if (state.path.length === 2) p.set('path', state.path.join(','));
    const hash = p.toString() ? `#${p}` : '';
    if (hash === lastHash) return;
    lastHash = hash;
    const url = `${location.pathname}${location.search}${hash}`;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }

  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const list = (k) => (p.get(k) || '').split(',').filter(Boolean);
    state.focus = p.get('id') || '';
    const depth = parseInt(p.get('depth') || '1', 10);
    state.depth = depth >= 1 && depth <= 3 ? depth : 1;
    state.expanded = list('x');
    state.classes = p.has('classes') ? new Set(list('classes').filter((c) => c in CLASSES)) : new Set(CLASS_NAMES);
    state.statuses = p.has('status') ? new Set(list('status').map((s) => (s === 'none' ? '' : s)).filter((s) => STATUSES.includes(s))) : new Set(STATUSES);
    const day = (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v || '') ? v : '');
    state.from = day(p.get('from'));
    state.to = day(p.get('to'));
    state.undated = p.get('undated') !== '0';
    const path = list('path');
    state.path = path.length === 2 ? path : [];
    lastHash = location.hash;
  }

  async function restore() {
    readHash();
    syncFilterInputs();
    $('search').value = '';
    await render();
  }

  window.addEventListener('popstate', () => { if (location.hash !== lastHash) restore(); });
  window.addEventListener('hashchange', () => { if (location.hash !== lastHash) restore(); });

  // ---- Wiring -----------------------------------------------------------

  cy.on('tap', 'node', (ev) => {
    const node = ev.target;
    if (pathMode) { pathClick(node); return; }
    showNode(node);
    expand(node);
  });
  cy.on('tap', 'edge', (ev) => { if (!pathMode) showEdge(ev.target); });

  $('fit').addEventListener('click', () => cy.fit(cy.elements().not('.filtered'), 30));
  $('zoom-in').addEventListener('click', () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }));
  $('zoom-out').addEventListener('click', () => cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }));
  $('relayout').addEventListener('click', () => runLayout(true));
  $('path-mode').addEventListener('click', () => setPathMode(!pathMode));
  $('clear').addEventListener('click', () => {
    state.focus = '';
    state.expanded = [];
    state.path = [];
    $('search').value = '';
    writeHash(true);
    render();
  });
  $('depth').addEventListener('change', (e) => {
    state.depth = parseInt(e.target.value, 10) || 1;
    writeHash(false);
    if (state.focus) render();
  });

  buildFilters();
  buildLegend();

  // Exposed for the end-to-end tests and benchmarks.
  window.geokg = { state, mergeGraph, runLayout, applyFilters, showPath, ready: restore() };
})();
