// Headless Debian Chromium through playwright-core (no browser download).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The real binary: the `/usr/bin/chromium` wrapper script prints a shell error under Playwright. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/lib/chromium/chromium';

/** Launches headless Chromium with the flags that keep it offline and quiet. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
