// Runs graphql-http's GraphQL-over-HTTP conformance audits against a running
// geokg server and prints one line per audit. Exits 1 when any MUST audit
// fails (status "error"); SHOULD and MAY failures are printed, not fatal.
//
//   GEOKG_URL=http://127.0.0.1:8080 node audit.mjs
import { auditServer } from 'graphql-http';

const base = process.env.GEOKG_URL;
if (!base) {
  console.error('audit: set GEOKG_URL to the server, e.g. http://127.0.0.1:8080');
  process.exit(2);
}
const url = base.replace(/\/+$/, '') + '/graphql';

const results = await auditServer({ url });
let passed = 0;
let failed = 0;
let mustFailed = 0;
for (const r of results) {
  if (r.status === 'ok') {
    passed++;
    console.log(`ok     ${r.id} ${r.name}`);
    continue;
  }
  failed++;
  if (r.status === 'error') mustFailed++;
  let body = '';
  try {
    body = (await r.response.text()).slice(0, 300);
  } catch {
    // the body was already read by the audit
  }
  console.log(`${r.status.padEnd(6)} ${r.id} ${r.name}: ${r.reason}`);
  console.log(`       got ${r.response.status} ${r.response.headers.get('content-type') ?? ''} ${body}`);
}
console.log(`${passed} passed, ${failed} failed (${mustFailed} MUST)`);
process.exit(mustFailed > 0 ? 1 : 0);
