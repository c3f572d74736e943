// End-to-end tests of the explorer page in a real headless Chromium against
// a real geokg server holding the seed article (Trump to speak with Putin).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launch, baseURL } from '../browser.mjs';

const ARTIFACTS = process.env.GEOKG_ARTIFACTS || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');
const WAIT = { timeout: 15000 };

// Page-side helpers run in the browser; they read Cytoscape through window.cy.
function findCallsEdge() {
  const e = window.cy.edges().filter((x) => x.data('type') === 'CALLS'
    && x.source().data('label') === 'Donald Trump' && x.target().data('label') === 'Vladimir Putin');
  return e.length ? e[0].id() : null;
}

function nodeByLabel(label) {
  const n = window.cy.nodes().filter((x) => x.data('label') === label);
  return n.length ? n[0].id() : null;
}

// api asks the server a GraphQL question directly, not through the page.
async function api(page, query, variables) {
  const res = await page.request.post(`${baseURL()}/graphql`, { data: { query, variables } });
  assert.equal(res.status(), 200);
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const PATH_QUERY = `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { length entities { id } relations { id } } }`;

// isPathRequest matches the page's GraphQL request for a shortest path.
const isPathRequest = (req) => req.url().endsWith('/graphql') && /\bpath\(/.test(req.postData() || '');

// clickElement clicks a node's centre or an edge's midpoint with the mouse,
// as a person would.
async function clickElement(page, id) {
  const at = await page.evaluate((elId) => {
    const el = window.cy.getElementById(elId);
    const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
    const box = window.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(at.x, at.y);
}

describe('explorer', () => {
  let browser;
  let page;
  const problems = [];

  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launch();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  });

  after(async () => {
    if (browser) await browser.close();
  });

  it('serves the page with its library and an empty graph', async () => {
    const res = await page.goto(`${baseURL()}/explore`);
    assert.equal(res.status(), 200);
    assert.equal(await page.title(), 'geokg explorer');
    assert.equal(await page.evaluate(() => typeof window.cytoscape), 'function');
    await page.evaluate(() => window.geokg.ready);
    assert.equal(await page.evaluate(() => window.cy.nodes().length), 0);
    assert.ok(await page.getByText('Search for an actor or place to start.').isVisible());
  });

  it('suggests entities as you type and picks one with the keyboard', async () => {
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('Putin');
    const first = page.locator('#suggestions [role=option]').first();
    await first.waitFor(WAIT);
    assert.match(await first.innerText(), /Vladimir Putin/);
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(await search.getAttribute('aria-expanded'), 'true');
    await search.press('Enter');
    await page.waitForFunction(() => window.cy.nodes().length > 0, null, WAIT);
    assert.equal(await search.getAttribute('aria-expanded'), 'false');
    assert.match(await page.evaluate(() => location.hash), /^#id=/);
  });

  it('draws the neighbourhood with a CALLS edge from Donald Trump to Vladimir Putin', async () => {
    await page.waitForFunction(findCallsEdge, null, WAIT);
    const focus = await page.evaluate(() => window.cy.nodes('.focus').map((n) => n.data('label')));
    assert.deepEqual(focus, ['Vladimir Putin']);
    const edge = await page.evaluate((id) => {
      const e = window.cy.getElementById(id);
      return { cls: e.data('cls'), color: e.style('line-color'), visible: e.visible() };
    }, await page.evaluate(findCallsEdge));
    assert.equal(edge.cls, 'CONSULT');
    assert.equal(edge.color, 'rgb(31,119,180)'); // CONSULT blue
    assert.ok(edge.visible);
  });

  it('expands a node on click, merging its neighbourhood', async () => {
    const before = await page.evaluate(() => window.cy.nodes().length);
    const trump = await page.evaluate(nodeByLabel, 'Donald Trump');
    assert.ok(trump, 'Donald Trump is drawn');
    await clickElement(page, trump);
    await page.waitForFunction((n) => window.cy.nodes().length > n, before, WAIT);
    const after = await page.evaluate(() => window.cy.nodes().length);
    assert.ok(after > before, `got ${after} nodes after expanding, want more than ${before}`);
    assert.ok(await page.evaluate((id) => window.cy.getElementById(id).hasClass('expanded'), trump));
    assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /x=person:/);
    // The details panel names the clicked entity.
    await page.locator('#details h3', { hasText: 'Donald Trump' }).waitFor(WAIT);
  });

  it('shows the evidence sentence of a clicked edge', async () => {
    const id = await page.evaluate(findCallsEdge);
    await page.evaluate(() => { window.cy.fit(undefined, 40); });
    await clickElement(page, id);
    const evidence = page.getByTestId('evidence');
    await evidence.waitFor(WAIT);
    const text = await evidence.innerText();
    assert.match(text, /Putin/);
    assert.match(text, /speak with/);
    const marks = await evidence.locator('mark').allInnerTexts();
    assert.ok(marks.some((m) => /Trump/.test(m)), `got marks ${marks}, want Trump highlighted`);
    assert.ok(marks.some((m) => /Putin/.test(m)), `got marks ${marks}, want Putin highlighted`);
    assert.match(await page.getByTestId('article-title').innerText(), /Trump to speak with Putin/);
    const details = await page.locator('#details').innerText();
    assert.match(details, /planned/);
    assert.match(details, /2025-05-19/);

    // The article view highlights the same sentence at its byte offsets.
    await page.getByRole('button', { name: 'Show the sentence in the article' }).click();
    const inArticle = page.locator('.article-text mark');
    await inArticle.waitFor(WAIT);
    assert.equal((await inArticle.innerText()).trim(), text.trim());

    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
  });

  it('links exports of the drawn neighbourhood', async () => {
    const href = await page.locator('#export-graphml').getAttribute('href');
    assert.match(href, /^\/export\?format=graphml&id=[^&]+&depth=1$/);
    const res = await page.request.get(`${baseURL()}${href}`);
    assert.equal(res.status(), 200);
    const body = await res.text();
    assert.match(body, /<graphml /);
    assert.match(body, /Vladimir Putin/);
    assert.match(body, /CALLS/);
  });

  it('hides edges of an unchecked relation class', async () => {
    const visibleBefore = await page.evaluate(() => window.cy.edges(':visible').length);
    await page.locator('[data-class=CONSULT]').uncheck();
    const consult = await page.evaluate(() => window.cy.edges('[cls = "CONSULT"]').map((e) => e.visible()));
    assert.ok(consult.length > 0);
    assert.ok(consult.every((v) => !v), 'every CONSULT edge is hidden');
    const visibleAfter = await page.evaluate(() => window.cy.edges(':visible').length);
    assert.ok(visibleAfter < visibleBefore, `got ${visibleAfter} visible edges, want fewer than ${visibleBefore}`);
    assert.match(await page.locator('#status').innerText(), /hidden by filters/);
    const hash = decodeURIComponent(await page.evaluate(() => location.hash));
    assert.match(hash, /classes=/);
    assert.doesNotMatch(hash, /classes=[^&]*CONSULT/);
  });

  it('restores entity, expansions and filters from a shared URL', async () => {
    const url = page.url();
    const other = await browser.context.newPage();
    try {
      await other.goto(url);
      await other.evaluate(() => window.geokg.ready);
      await other.waitForFunction(findCallsEdge, null, WAIT);
      const got = await other.evaluate(() => ({
        focus: window.cy.nodes('.focus').map((n) => n.data('label')),
        expanded: window.cy.nodes('.expanded').map((n) => n.data('label')),
        consultHidden: window.cy.edges('[cls = "CONSULT"]').every((e) => !e.visible()),
        checkbox: document.querySelector('[data-class=CONSULT]').checked,
      }));
      assert.deepEqual(got, { focus: ['Vladimir Putin'], expanded: ['Donald Trump'], consultHidden: true, checkbox: false });
    } finally {
      await other.close();
    }
    await page.getByRole('button', { name: 'All', exact: true }).click();
    assert.ok(await page.evaluate(() => window.cy.edges('[cls = "CONSULT"]').every((e) => e.visible())));
  });

  it('finds the shortest path between two clicked entities with the path query', async () => {
    // The drawn entity farthest from Putin, and its distance in the drawing.
    const far = await page.evaluate(() => {
      const root = window.cy.nodes('.focus');
      let best = { id: null, depth: 0 };
      window.cy.elements().bfs({
        roots: root,
        directed: false,
        visit: (v, e, u, i, depth) => { if (depth > best.depth) best = { id: v.id(), depth }; },
      });
      return { ...best, from: root.id() };
    });
    assert.ok(far.depth >= 2, `got farthest node ${far.depth} hops away, want at least 2 after an expansion`);
    await page.evaluate(() => { window.cy.fit(undefined, 40); });
    await page.getByRole('button', { name: 'Path' }).click();
    assert.equal(await page.getByRole('button', { name: 'Path' }).getAttribute('aria-pressed'), 'true');
    const asked = page.waitForRequest(isPathRequest, WAIT);
    await clickElement(page, far.from);
    await clickElement(page, far.id);
    assert.deepEqual(JSON.parse((await asked).postData()).variables, { from: far.from, to: far.id, maxHops: 4 });
    await page.locator('#details h3', { hasText: 'Shortest path' }).waitFor(WAIT);
    // What the page highlights is what the API answers; the graph holds the
    // drawing, so the API's path is never longer than the drawn one.
    const { path: want } = await api(page, PATH_QUERY, { from: far.from, to: far.id });
    assert.ok(want && want.length <= far.depth, `API path ${JSON.stringify(want)}, drawn distance ${far.depth}`);
    const got = await page.evaluate(() => ({
      edges: window.cy.edges('.path').map((e) => e.id()).sort(),
      nodes: window.cy.nodes('.path').map((n) => n.id()).sort(),
    }));
    assert.deepEqual(got, { edges: want.relations.map((r) => r.id).sort(), nodes: want.entities.map((e) => e.id).sort() });
    assert.equal(await page.locator('.path-steps li').count(), want.length);
    assert.match(await page.locator('#status').innerText(), new RegExp(`Path: ${want.length} hops`));
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-path.png') });
    await page.getByRole('button', { name: 'Path' }).click();
  });

  it('draws a shared path that runs beyond the drawn neighbourhood', async () => {
    // An entity Putin's neighbourhood does not hold, that a path reaches.
    const from = 'person:vladimir-putin';
    const { neighborhood } = await api(page, `query($id: ID!) { neighborhood(id: $id) { nodes { id } } }`, { id: from });
    const near = new Set(neighborhood.nodes.map((n) => n.id));
    const { entities } = await api(page, '{ entities(first: 100) { nodes { id } } }');
    let to = null;
    let want = null;
    for (const { id } of entities.nodes) {
      if (near.has(id)) continue;
      ({ path: want } = await api(page, PATH_QUERY, { from, to: id }));
      if (want && want.length >= 2) { to = id; break; }
    }
    assert.ok(to, 'an entity outside the neighbourhood that a path reaches');

    const shared = await browser.context.newPage();
    shared.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    try {
      const asked = shared.waitForRequest(isPathRequest, WAIT);
      await shared.goto(`${baseURL()}/explore#id=${encodeURIComponent(from)}&path=${encodeURIComponent(`${from},${to}`)}`);
      await asked;
      await shared.evaluate(() => window.geokg.ready);
      await shared.locator('#details h3', { hasText: 'Shortest path' }).waitFor(WAIT);
      const got = await shared.evaluate((id) => ({
        drawn: window.cy.getElementById(id).nonempty(),
        edges: window.cy.edges('.path').map((e) => e.id()).sort(),
      }), to);
      assert.deepEqual(got, { drawn: true, edges: want.relations.map((r) => r.id).sort() });
      assert.equal(await shared.locator('.path-steps li').count(), want.length);
    } finally {
      await shared.close();
    }
  });

  it('draws a few thousand nodes', async (t) => {
    const big = await browser.context.newPage();
    try {
      await big.goto(`${baseURL()}/explore`);
      await big.evaluate(() => window.geokg.ready);
      const got = await big.evaluate(() => {
        const n = 3000;
        const kinds = ['PERSON', 'COUNTRY', 'CITY', 'GROUP', 'ORGANIZATION'];
        const g = { nodes: [], edges: [] };
        for (let i = 0; i < n; i++) g.nodes.push({ id: `n${i}`, label: `Node ${i}`, kind: kinds[i % kinds.length] });
        for (let i = 1; i < n; i++) {
          g.edges.push({ id: `e${i}`, source: `n${Math.floor((i - 1) / 4)}`, target: `n${i}`, type: 'MEETS', class: 'CONSULT', date: '2025-05-19', status: 'occurred' });
        }
        const t0 = performance.now();
        window.geokg.mergeGraph(g);
        window.geokg.runLayout(true);
        window.geokg.applyFilters();
        const ms = performance.now() - t0;
        return { nodes: window.cy.nodes().length, edges: window.cy.edges().length, ms: Math.round(ms) };
      });
      assert.equal(got.nodes, 3000);
      assert.equal(got.edges, 2999);
      t.diagnostic(`merge + layout + filters of 3000 nodes, 2999 edges: ${got.ms} ms`);
    } finally {
      await big.close();
    }
  });

  // The server also holds testdata/fusion: four reports of one strike on
  // Sumy (two casualty figures), two of one on Belgorod.
  it('draws one edge per fact, wider with more sources, contested ones marked', async () => {
    const fused = await browser.context.newPage();
    fused.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    try {
      await fused.goto(`${baseURL()}/explore#id=${encodeURIComponent('city:692194')}`);
      await fused.evaluate(() => window.geokg.ready);
      const strike = () => {
        const e = window.cy.edges().filter((x) => x.data('type') === 'STRUCK' && x.source().data('label') === 'Russia');
        return e.length === 1 ? e[0].id() : null;
      };
      await fused.waitForFunction(strike, null, WAIT);
      const got = await fused.evaluate(() => {
        const edges = window.cy.edges();
        const struck = edges.filter((x) => x.data('type') === 'STRUCK')[0];
        const single = edges.filter((x) => x.data('sources') === 1)[0];
        const width = (e) => parseFloat(e.renderedStyle('width')) / window.cy.zoom();
        return {
          struckEdges: edges.filter((x) => x.data('type') === 'STRUCK').length,
          sources: struck.data('sources'), contested: struck.data('contested'),
          style: struck.style('line-style'), singleStyle: single && single.style('line-style'),
          wider: single ? width(struck) > width(single) : null,
          widths: [width(struck), single && width(single)],
        };
      });
      assert.equal(got.struckEdges, 1, 'four reports of one strike draw one edge');
      assert.equal(got.sources, 4);
      assert.equal(got.contested, true);
      assert.equal(got.style, 'dashed');
      assert.equal(got.wider, true, `edge widths (4 sources, 1 source): ${got.widths}`);

      await fused.evaluate(() => { window.cy.fit(undefined, 60); });
      await clickElement(fused, await fused.evaluate(strike));
      const witnesses = fused.getByTestId('witness');
      await witnesses.first().waitFor(WAIT);
      assert.equal(await witnesses.count(), 4);
      const text = await fused.getByTestId('witnesses').innerText();
      assert.match(text, /Drones kill nine in Sumy/);
      assert.match(text, /9 killed/);
      assert.match(text, /11 killed/);
      assert.match(text, /claimed/);
      const details = await fused.locator('#details').innerText();
      assert.match(details, /4 articles, 2025-05-18 to 2025-05-20/);
      assert.match(details, /killed: 9 vs 11/);
      const marks = await fused.getByTestId('witnesses').locator('mark').allInnerTexts();
      assert.ok(marks.some((m) => /Sumy/.test(m)), `got marks ${marks}, want Sumy highlighted in the witnesses' sentences`);
      await fused.screenshot({ path: join(ARTIFACTS, 'explorer-fused.png') });
    } finally {
      await fused.close();
    }
  });

  it('logged no page errors and no failed requests', () => {
    assert.deepEqual(problems, []);
  });
});
