/**
 * Draws the app's PNG icons (client/public/icons/) from client/public/favicon.svg with Chromium,
 * for the web app manifest (vite.config.ts): 192 and 512 px on a transparent background, and a
 * 512 px "maskable" one (full-bleed background, the logo inside the central safe zone) for
 * launchers that crop icons to a circle or a squircle. Run after changing the favicon:
 *
 *   npx tsx scripts/make-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'client/public/favicon.svg'), 'utf8');
const outDir = path.join(root, 'client/public/icons');

/** The favicon drawn at `size` px, scaled to `logo` of it, on `background` (or transparent). */
function page(size: number, logo: number, background: string | null): string {
  const inner = Math.round(size * logo);
  return `<!doctype html><html><body style="margin:0">
    <div style="width:${size}px;height:${size}px;display:grid;place-items:center;background:${background ?? 'transparent'}">
      <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>
    </div></body></html>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, logo: 1, background: null },
  { file: 'icon-512.png', size: 512, logo: 1, background: null },
  // The maskable safe zone is the central circle of 80 % of the width: keep the logo within it.
  { file: 'icon-maskable-512.png', size: 512, logo: 0.62, background: '#f4f5f7' },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  fs.mkdirSync(outDir, { recursive: true });
  for (const icon of ICONS) {
    const tab = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    await tab.setContent(page(icon.size, icon.logo, icon.background));
    await tab.screenshot({
      path: path.join(outDir, icon.file),
      omitBackground: icon.background === null,
    });
    await tab.close();
    console.log(`client/public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
