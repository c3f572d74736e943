// Launches Debian's Chromium (never a downloaded browser build) through
// playwright-core, with a fresh profile in a temporary folder.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'geokg-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// baseURL is the geokg server under test, started by scripts/e2e.sh.
export function baseURL() {
  const url = process.env.GEOKG_URL;
  if (!url) throw new Error('GEOKG_URL is not set: run the tests through scripts/e2e.sh');
  return url.replace(/\/$/, '');
}
