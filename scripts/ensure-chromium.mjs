#!/usr/bin/env node
// Finds the Chromium that browser tests use. Never downloads a browser build: it takes CHROME_PATH,
// or Debian's /usr/bin/chromium, and as root on Debian installs that package with apt-get.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const DEFAULT_CHROME = '/usr/bin/chromium';

/**
 * Flags of every headless Chromium the project starts (tests, benches, screenshots): no sandbox (root in
 * CI), no GPU, and none of the background connections this machine's closed network refuses.
 */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromePath() {
  return process.env.CHROME_PATH || DEFAULT_CHROME;
}

function tryInstall() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return false;
  console.error('ensure-chromium: installing Debian package "chromium" with apt-get ...');
  try {
    execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    return false;
  }
  return existsSync(DEFAULT_CHROME);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = chromePath();
  if (existsSync(path)) process.exit(0);
  if (!process.env.CHROME_PATH && tryInstall()) process.exit(0);
  console.error(
    `No Chromium at ${path}: install Debian's "chromium" package or set CHROME_PATH=/path/to/chromium (browsers are never downloaded).`,
  );
  process.exit(1);
}
