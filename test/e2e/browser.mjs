// Headless Chromium through playwright-core (no browser download): the one the set-up installed.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { toolPaths } from './setup.mjs';

/**
 * The binary and its environment: `$CHROMIUM` when set, else what `setup()` recorded in the cache (the
 * Chromium of an npm package, or Debian's when that one does not start here).
 */
export function chromiumBinary() {
  if (process.env.CHROMIUM) return { executable: process.env.CHROMIUM, env: {} };
  const { chromiumConfig } = toolPaths();
  if (!existsSync(chromiumConfig)) throw new Error(`no Chromium recorded in ${chromiumConfig}: run node test/e2e/setup.mjs (or set CHROMIUM=/path/to/chrome)`);
  return JSON.parse(readFileSync(chromiumConfig, 'utf8'));
}

/** Launches headless Chromium with the flags that keep it offline and quiet. */
export async function launchChromium() {
  const { executable, env } = chromiumBinary();
  if (!existsSync(executable)) throw new Error(`Chromium not found at ${executable}: run node test/e2e/setup.mjs (or set CHROMIUM=/path/to/chrome)`);
  return chromium.launch({
    executablePath: executable,
    env: { ...process.env, ...env },
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
