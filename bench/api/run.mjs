// The measuring half of bench/api/run.sh, which starts the servers and
// passes their URLs and pids in the environment: checks that geokg (on
// Neo4j and on its memory store), the @neo4j/graphql peer and the Go-driver
// floor give equal answers to Q1–Q4, then drives each with autocannon in
// interleaved rounds and prints the measurements and their ratios.
//
// Environment: NEO4J_URI, NEO4J_PID, GEOKG_URL, GEOKG_PID, MEMORY_URL,
// MEMORY_PID, PEER_URL, PEER_PID, FLOOR (the floor binary); ROUNDS (3),
// DURATION (seconds per run, 5), AMOUNT (requests per run instead of
// DURATION), CONNECTIONS ("8,32"), SEARCH_TEXT ("Zelensky").
// Exits non-zero when an answer differs or a run has errors.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import neo4j from "neo4j-driver";

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`run.mjs: ${k} is not set`);
  return v;
};
const cfg = {
  rounds: Number(env("ROUNDS", "3")),
  duration: Number(env("DURATION", "5")),
  amount: Number(env("AMOUNT", "0")),
  connections: env("CONNECTIONS", "8,32").split(",").map(Number),
  searchText: env("SEARCH_TEXT", "Zelensky"),
  floor: env("FLOOR"),
  neo4jURI: env("NEO4J_URI"),
  neo4jPID: Number(env("NEO4J_PID")),
};
const servers = {
  geokg: { url: env("GEOKG_URL") + "/graphql", pid: Number(env("GEOKG_PID")) },
  peer: { url: env("PEER_URL") + "/graphql", pid: Number(env("PEER_PID")) },
  memory: { url: env("MEMORY_URL") + "/graphql", pid: Number(env("MEMORY_PID")) },
};
const clkTck = Number(env("CLK_TCK", "100"));

// The peer's relationship fields and their types, from its typeDefs.
const typeDefs = readFileSync(new URL("peer/typeDefs.graphql", import.meta.url), "utf8");
const relFields = [...typeDefs.matchAll(/^\s+(\w+): \[Entity!\]! @relationship\(type: "(\w+)"/gm)].map((m) => ({
  field: m[1],
  type: m[2],
}));
const fieldOf = Object.fromEntries(relFields.map((f) => [f.type, f.field]));

// --- the queries ------------------------------------------------------------

const byID = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (xs) => [...xs].sort();

// Q1: an entity by name with its first 100 outgoing relations by id (one
// page of geokg's), their targets' names and evidence.
const q1 = (name) => ({
  geokg: {
    query: `query Q1($name: String!) { entity(name: $name) { id name
      relations(direction: OUT, first: 100) { nodes { id type target { name } evidence { text } } } } }`,
    variables: { name },
    normal: (d) => ({
      id: d.entity.id,
      name: d.entity.name,
      relations: d.entity.relations.nodes.map((r) => ({
        id: r.id,
        type: r.type,
        target: r.target.name,
        evidence: sorted(r.evidence.map((e) => e.text)),
      })),
    }),
  },
  // The generated API has a connection per relationship type: the client
  // asks for each, then merges them and keeps the first 100 by id.
  peer: {
    query: `query Q1($name: String!) { entities(where: { name: { eq: $name } }) { id name
      outWitnesses { fact text }
      ${relFields.map((f) => `${f.field}Connection(first: 100, sort: [{ edge: { id: ASC } }]) { edges { properties { id } node { name } } }`).join("\n      ")} } }`,
    variables: { name },
    normal: (d) => {
      const e = d.entities[0];
      const evidence = new Map();
      for (const w of e.outWitnesses) {
        evidence.set(w.fact, [...(evidence.get(w.fact) ?? []), ...JSON.parse(w.text).evidence.map((v) => v.text)]);
      }
      const rels = relFields.flatMap((f) =>
        e[`${f.field}Connection`].edges.map((x) => ({
          id: x.properties.id,
          type: f.type,
          target: x.node.name,
          evidence: sorted(evidence.get(x.properties.id) ?? []),
        })),
      );
      return { id: e.id, name: e.name, relations: rels.sort(byID).slice(0, 100) };
    },
  },
  floorName: name,
});

// Q2: the neighbourhood of depth 2 of an entity, at most 500 relations.
const q2 = (id) => ({
  geokg: {
    query: `query Q2($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { id label kind } edges { id source target type } } }`,
    variables: { id },
    normal: (d) => ({
      nodes: d.neighborhood.nodes.map((n) => ({ id: n.id, name: n.label, kind: n.kind })).sort(byID),
      edges: d.neighborhood.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })).sort(byID),
    }),
  },
  peer: {
    query: `query Q2($id: ID!) { entities(where: { id: { eq: $id } }) { id name kind
      neighborhood2(limit: 500) { id type source sourceName sourceKind target targetName targetKind } } }`,
    variables: { id },
    normal: (d) => {
      const c = d.entities[0];
      const nodes = new Map([[c.id, { id: c.id, name: c.name, kind: c.kind }]]);
      for (const e of c.neighborhood2) {
        nodes.set(e.source, { id: e.source, name: e.sourceName, kind: e.sourceKind });
        nodes.set(e.target, { id: e.target, name: e.targetName, kind: e.targetKind });
      }
      return {
        nodes: [...nodes.values()].sort(byID),
        edges: c.neighborhood2.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })).sort(byID),
      };
    },
  },
});

// Q3: the first 50 relations of one type by id, with their ends' names.
const q3 = (type) => {
  const f = fieldOf[type];
  return {
    geokg: {
      query: `query Q3($type: String!) { relations(where: { types: [$type] }, first: 50) { nodes { id source { name } target { name } } } }`,
      variables: { type },
      normal: (d) => d.relations.nodes.map((r) => ({ id: r.id, source: r.source.name, target: r.target.name })),
    },
    // No query lists relationships: the client asks every entity with one
    // for its first 50, then merges.
    peer: {
      query: `{ entities(where: { ${f}Aggregate: { count: { gt: 0 } } }) { name
        ${f}Connection(first: 50, sort: [{ edge: { id: ASC } }]) { edges { properties { id } node { name } } } } }`,
      variables: {},
      normal: (d) =>
        d.entities
          .flatMap((e) => e[`${f}Connection`].edges.map((x) => ({ id: x.properties.id, source: e.name, target: x.node.name })))
          .sort(byID)
          .slice(0, 50),
    },
  };
};

// Q4: search. geokg scores its own candidates; the peer asks the same
// full-text index with the same edit distance (graph.FuzzyEdits: 1 for
// three to five letters, 2 from six). Compared as sets of entities.
const q4 = (text) => ({
  geokg: {
    query: `query Q4($text: String!) { search(text: $text, first: 10) { entity { id name } } }`,
    variables: { text },
    normal: (d) => d.search.map((h) => ({ id: h.entity.id, name: h.entity.name })).sort(byID),
  },
  peer: {
    query: `query Q4($phrase: String!) { searchEntities(phrase: $phrase, first: 10) { edges { node { id name } } } }`,
    variables: { phrase: `${text.toLowerCase()}~${[...text].length >= 6 ? 2 : 1}` },
    normal: (d) => d.searchEntities.edges.map((x) => ({ id: x.node.id, name: x.node.name })).sort(byID),
  },
});

// --- picking what to ask, and checking answers ------------------------------

// pick finds the entities and type the queries ask about: the hub (most
// outgoing relations), an ordinary entity (outgoing relations nearest 13)
// and the most common relation type.
async function pick() {
  const driver = neo4j.driver(cfg.neo4jURI);
  try {
    const one = async (cypher) => (await driver.executeQuery(cypher)).records[0].toObject();
    const degree = `MATCH (e:Entity) WITH e, COUNT { (e)-[]->(:Entity) } AS out`;
    const hub = await one(`${degree} RETURN e.id AS id, e.name AS name, out ORDER BY out DESC, e.id LIMIT 1`);
    const small = await one(`${degree} WHERE out > 0 RETURN e.id AS id, e.name AS name, out ORDER BY abs(out - 13), e.id LIMIT 1`);
    const type = await one(`MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(*) AS n ORDER BY n DESC, type LIMIT 1`);
    return { hub, small, type: type.type };
  } finally {
    await driver.close();
  }
}

async function post(url, { query, variables }) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (res.status !== 200 || body.errors) throw new Error(`${url}: ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

function firstDifference(a, b, path = "") {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${path || "."}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[k], b[k], `${path}.${k}`);
    if (d) return d;
  }
  return `${path}: differ`;
}

// check asks every server (and the floor, for Q1) and fails on the first
// answer that differs from geokg's on Neo4j; it returns a size to print.
async function check(label, q) {
  const want = q.geokg.normal(await post(servers.geokg.url, q.geokg));
  const answers = {
    memory: q.geokg.normal(await post(servers.memory.url, q.geokg)),
    peer: q.peer.normal(await post(servers.peer.url, q.peer)),
  };
  if (q.floorName) {
    const f = JSON.parse(execFileSync(cfg.floor, ["-name", q.floorName, "-dump"], { encoding: "utf8" }));
    answers.floor = { ...f, relations: f.relations.map((r) => ({ ...r, evidence: sorted(r.evidence) })) };
  }
  for (const [who, got] of Object.entries(answers)) {
    const d = firstDifference(want, got);
    if (d) throw new Error(`${label}: ${who}'s answer differs from geokg's on Neo4j at ${d}`);
  }
  const size = want.relations?.length ?? want.edges?.length ?? want.length;
  console.log(`equal: ${label}: geokg on Neo4j, geokg memory, peer${q.floorName ? ", floor" : ""} (${size} items)`);
  if (size === 0) throw new Error(`${label}: the answer is empty; nothing to compare`);
}

// --- measuring ----------------------------------------------------------------

function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / clkTck;
}

// hammer drives one server with one query. A run of DURATION seconds that
// completes fewer than two requests per connection (a slow query at 32
// connections may complete none: autocannon drops the requests still in
// flight at the end) is run again as a fixed number of requests.
async function hammer(server, q, connections) {
  const r = await autocannonRun(server, q, connections, cfg.amount > 0 ? { amount: cfg.amount } : { duration: cfg.duration });
  if (cfg.amount > 0 || r.requests >= 2 * connections) return r;
  return autocannonRun(server, q, connections, { amount: 2 * connections });
}

async function autocannonRun(server, q, connections, length) {
  const cpu0 = cpuMs(server.pid);
  const db0 = cpuMs(cfg.neo4jPID);
  let graphqlErrors = 0;
  let firstError = "";
  const opts = {
    url: server.url,
    connections,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: q.query, variables: q.variables }),
    // A GraphQL error comes with status 200: look for it in every body.
    requests: [
      {
        onResponse: (status, body) => {
          if (!body.includes('"errors":[')) return;
          graphqlErrors++;
          firstError ||= body.slice(body.indexOf('"errors":['), body.indexOf('"errors":[') + 300);
        },
      },
    ],
    timeout: 120, // seconds; a slow answer is measured, not dropped
    ...length,
  };
  const r = await autocannon(opts);
  const out = {
    requests: r.requests.total,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpu: cpuMs(server.pid) - cpu0,
    db: cpuMs(cfg.neo4jPID) - db0,
  };
  // Failures under load are results: counted, printed, and the exit
  // status says so once the table is out.
  out.failed = r.errors + r.timeouts + r.non2xx + graphqlErrors;
  if (out.failed > 0 || (length.amount && out.requests < length.amount)) {
    failures.push(`${server.url} at ${connections} connections: ${out.requests} requests, ${r.errors} errors, ${r.timeouts} timeouts, ` +
      `${r.non2xx} not 2xx, ${graphqlErrors} GraphQL errors ${firstError}`);
  }
  return out;
}

const failures = [];

function floorRun(name, connections) {
  const db0 = cpuMs(cfg.neo4jPID);
  const args = ["-name", name, "-c", String(connections)];
  args.push(...(cfg.amount > 0 ? ["-n", String(cfg.amount)] : ["-d", `${cfg.duration}s`]));
  const r = JSON.parse(execFileSync(cfg.floor, args, { encoding: "utf8" }));
  return { requests: r.requests, seconds: r.seconds, p50: r.p50, p99: r.p99, cpu: r.cpu_ms, db: cpuMs(cfg.neo4jPID) - db0, failed: 0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summarise(runs) {
  const req = runs.reduce((n, r) => n + r.requests, 0);
  return {
    rps: req / runs.reduce((n, r) => n + r.seconds, 0),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpu: runs.reduce((n, r) => n + r.cpu, 0) / req,
    db: runs.reduce((n, r) => n + r.db, 0) / req,
    failed: runs.reduce((n, r) => n + r.failed, 0),
  };
}

const fmt = (x, digits = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : "–");

async function main() {
  const p = await pick();
  console.log(`hub: ${p.hub.name} (${p.hub.out} outgoing), ordinary: ${p.small.name} (${p.small.out} outgoing), type: ${p.type}, search: ${cfg.searchText}`);
  const queries = [
    { label: `Q1 ${p.small.name}`, ...q1(p.small.name) },
    { label: `Q1 hub ${p.hub.name}`, ...q1(p.hub.name) },
    { label: `Q2 depth 2 of ${p.hub.name}`, ...q2(p.hub.id) },
    { label: `Q3 first 50 ${p.type}`, ...q3(p.type) },
    { label: `Q4 search "${cfg.searchText}"`, ...q4(cfg.searchText) },
  ];
  for (const q of queries) await check(q.label, q);

  const order = ["geokg", "peer", "memory"];
  const results = []; // {label, connections, who, summary}
  for (const q of queries) {
    for (const c of cfg.connections) {
      const runs = { geokg: [], peer: [], memory: [], floor: [] };
      for (let round = 0; round < cfg.rounds; round++) {
        // Interleaved, each round in the other order, so drift in the
        // machine's load falls on every server alike.
        for (const who of round % 2 ? [...order].reverse() : order) {
          runs[who].push(await hammer(servers[who], who === "peer" ? q.peer : q.geokg, c));
        }
        if (q.floorName) runs.floor.push(floorRun(q.floorName, c));
      }
      for (const [who, rs] of Object.entries(runs)) {
        if (rs.length) results.push({ label: q.label, connections: c, who, s: summarise(rs) });
      }
      process.stderr.write(`measured ${q.label} at ${c} connections\n`);
    }
  }
  print(results);
  if (failures.length) {
    console.error(`\nbench/api: requests failed:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
}

function print(results) {
  const serverName = { geokg: "geokg on Neo4j", peer: "@neo4j/graphql", memory: "geokg memory store", floor: "one Cypher (Go driver)" };
  console.log(`\n${cfg.amount > 0 ? `${cfg.amount} requests` : `${cfg.duration} s`} per run, ${cfg.rounds} interleaved rounds\n`);
  console.log("| query | conns | server | req/s | p50 ms | p99 ms | server CPU ms/req | Neo4j CPU ms/req | failed |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const s = r.s;
    console.log(`| ${r.label} | ${r.connections} | ${serverName[r.who]} | ${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.cpu, 2)} | ${r.who === "memory" ? "–" : fmt(s.db, 2)} | ${s.failed} |`);
  }
  console.log("\n| query | conns | geokg/peer req/s | geokg/peer p99 | geokg/floor req/s | memory/peer req/s |");
  console.log("|---|---|---|---|---|---|");
  const get = (label, c, who) => results.find((r) => r.label === label && r.connections === c && r.who === who)?.s;
  for (const r of results.filter((r) => r.who === "geokg")) {
    const peer = get(r.label, r.connections, "peer");
    const floor = get(r.label, r.connections, "floor");
    const mem = get(r.label, r.connections, "memory");
    console.log(`| ${r.label} | ${r.connections} | ${ratio(r.s.rps, peer.rps)} | ${ratio(r.s.p99, peer.p99)} | ${floor ? ratio(r.s.rps, floor.rps) : "–"} | ${ratio(mem.rps, peer.rps)} |`);
  }
}

main().catch((err) => {
  console.error(`bench/api: ${err.message}`);
  process.exit(1);
});
