/** Where Debian's chromium lives, and the flags it needs here (root, no GPU, closed network). */
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when end-to-end tests can run; CI never gets here without Chromium (global setup fails). */
export const hasChromium = fs.existsSync(CHROMIUM_PATH);
