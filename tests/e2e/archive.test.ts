/**
 * The archive in Chromium: an organiser signs in with the organiser token, searches, opens a record
 * and downloads its CSV ZIP, puts two workshops side by side; a facilitator archives a workshop
 * from its Outcome menu and every board turns read-only (for a participant too) until reopened.
 * Screenshots of the record view and the HTML report go to /tmp/h4-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import {
  addRegion,
  createActivity,
  createCapacity,
  createOpportunity,
  listActivities,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { randomId } from '../../shared/ids';
import { launchBrowser, newPerson, type Person } from '../support/browser';
import { connectSynced } from '../support/clients';
import { E2E_CLIENT_DIR } from '../support/e2eEnvironment';
import { createWorkshop, TEST_LIMITS } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';

const ORGANISER = randomId(32);

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const people: Person[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'transforma-e2e-archive-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    clientDir: E2E_CLIENT_DIR,
    organiserToken: ORGANISER,
    ...TEST_LIMITS,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
  await browser?.close().catch(() => {});
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function person(viewport?: { width: number; height: number }): Promise<Person> {
  const p = await newPerson(browser, viewport);
  people.push(p);
  return p;
}

/** A workshop of one region with a capacity, an opportunity and an activity, archived by API. */
async function archivedWorkshop(
  title: string,
  region: { name: string; nuts: string },
  capacity: string,
  activity: string,
): Promise<CreateWorkshopResponse> {
  const w = await createWorkshop(server.url, title, 'edw');
  const host = await connectSynced(server.url, w.id, w.tokens.facilitator);
  try {
    const regionId = addRegion(host.doc, { ...region, country: '' });
    const capacityId = createCapacity(host.doc, {
      title: capacity,
      regionId,
      kind: 'research',
      strength: 4,
    });
    const opportunityId = createOpportunity(host.doc, { title: 'Energy transition' });
    createActivity(host.doc, {
      title: activity,
      status: 'selected',
      capacityIds: [capacityId],
      opportunityIds: [opportunityId],
    });
    await expect
      .poll(() => server.rooms.withDocument(w.id, (d) => listActivities(d).length), {
        timeout: TIMEOUT,
      })
      .toBe(1);
  } finally {
    host.destroy();
  }
  const res = await fetch(`${server.url}/api/workshops/${w.id}/archive`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.tokens.facilitator}` },
  });
  expect(res.status).toBe(201);
  return w;
}

describe('the organisers’ archive', () => {
  it('signs in with the organiser token, searches, opens a record, downloads its CSV and compares', async () => {
    const tyrol = await archivedWorkshop(
      'Tyrol geothermal EDW',
      { name: 'Tyrol', nuts: 'AT33' },
      'Geothermal research at MCI',
      'Geothermal heat for hotels',
    );
    await archivedWorkshop(
      'Slovenia hydrogen EDW',
      { name: 'Western Slovenia', nuts: 'SI04' },
      'Hydrogen valley',
      'Hydrogen buses for tourists',
    );
    const organiser = await person();
    const { page } = organiser;

    await page.goto(server.url);
    await page.getByTestId('archive-link').click();
    await page.getByTestId('organiser-gate').waitFor({ timeout: TIMEOUT });
    await page.getByTestId('organiser-token-input').fill('not-the-organiser-token-at-all');
    await page.getByTestId('organiser-token-submit').click();
    await expect
      .poll(() => page.getByTestId('organiser-token-error').textContent(), { timeout: TIMEOUT })
      .toBe('This is not the organiser token of this server.');
    await page.getByTestId('organiser-token-input').fill(ORGANISER);
    await page.getByTestId('organiser-token-submit').click();

    const results = page.getByTestId('archive-result');
    await expect.poll(() => results.count(), { timeout: TIMEOUT }).toBe(2);
    await page.screenshot({ path: '/tmp/h4-archive-search.png' });
    await page.getByTestId('archive-search-q').fill('geothermal');
    await page.getByTestId('archive-search-submit').click();
    await expect.poll(() => results.count(), { timeout: TIMEOUT }).toBe(1);
    expect(await results.first().textContent()).toContain('Tyrol geothermal EDW');
    expect(await results.first().textContent()).toContain('Archived');

    await page.getByTestId('archive-result-link').first().click();
    await page.getByTestId('record-view').waitFor({ timeout: TIMEOUT });
    expect(page.url()).toBe(`${server.url}/archive/${tyrol.id}`);
    expect(await page.getByTestId('record-title').textContent()).toBe('Tyrol geothermal EDW');
    const activity = page.getByTestId('record-activity');
    expect(await activity.count()).toBe(1);
    expect(await activity.textContent()).toContain('Geothermal heat for hotels');
    expect(await activity.textContent()).toContain('Geothermal research at MCI');
    expect(await page.getByTestId('record-diamond').locator('svg').count()).toBe(1);
    await page.screenshot({ path: '/tmp/h4-record-view.png', fullPage: true });

    const downloading = page.waitForEvent('download', { timeout: TIMEOUT });
    await page.getByTestId('export-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('tyrol-geothermal-edw-v1.zip');
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect
      .poll(() => page.getByTestId('export-status').textContent(), { timeout: TIMEOUT })
      .toMatch(/^Downloaded tyrol-geothermal-edw-v1\.zip \(\d+(\.\d)? (B|kB)\)$/);

    // The files' language: the workshop's by default, carried by every download as `&lang=`.
    const language = page.getByTestId('export-language');
    expect(await language.inputValue()).toBe('en');
    await language.selectOption('de');
    const asked = page.waitForRequest((r) => r.url().includes('format=xlsx'), { timeout: TIMEOUT });
    const workbook = page.waitForEvent('download', { timeout: TIMEOUT });
    await page.getByTestId('export-xlsx').click();
    expect(new URL((await asked).url()).searchParams.get('lang')).toBe('de');
    expect((await workbook).suggestedFilename()).toBe('tyrol-geothermal-edw-v1.xlsx');
    await page.getByTestId('export-panel').screenshot({ path: '/tmp/h4-export-panel.png' });

    // Both workshops side by side, one column per region.
    await page.getByText('Back to the search').click();
    await page.getByTestId('archive-search-q').waitFor({ timeout: TIMEOUT });
    await expect.poll(() => results.count(), { timeout: TIMEOUT }).toBe(2);
    for (const box of await page.getByTestId('archive-select').all()) await box.check();
    await page.getByTestId('archive-compare').click();
    const columns = page.getByTestId('compare-region');
    await expect.poll(() => columns.count(), { timeout: TIMEOUT }).toBe(2);
    const texts = await columns.allTextContents();
    await page.screenshot({ path: '/tmp/h4-compare.png', fullPage: true });
    expect(texts.find((t) => t.startsWith('Tyrol'))).toContain('Geothermal heat for hotels');
    expect(texts.find((t) => t.startsWith('Western Slovenia'))).toContain('Hydrogen valley');
    // The one refusal is the wrong token typed first.
    expect(organiser.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
  });

  it('renders the HTML report with its diamond', async () => {
    const w = await archivedWorkshop(
      'Alpine tourism report',
      { name: 'South Tyrol', nuts: 'ITH1' },
      'Mountain rescue technology',
      'Digital mountain safety',
    );
    const res = await fetch(`${server.url}/api/workshops/${w.id}/export?format=html`, {
      headers: { authorization: `Bearer ${w.tokens.participant}` },
    });
    const { page } = await person({ width: 900, height: 1200 });
    await page.setContent(await res.text());
    expect(await page.locator('body').innerText()).toContain('Digital mountain safety');
    await page.locator('#diamond').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/h4-html-report.png', fullPage: true });
    expect(await page.locator('svg.diamond-chart').count()).toBeGreaterThan(0);
  });
});

describe('a facilitator archives the workshop', () => {
  it('makes every board read-only, for participants too, until it is reopened', async () => {
    const w = await createWorkshop(server.url, 'Live archiving', 'edw');
    const facilitator = await person();
    const participant = await person({ width: 390, height: 800 });
    const host = await joinWorkshop(
      facilitator,
      localLink(server, w.links.facilitator),
      'Fiona',
      'notes',
    );
    const guest = await joinWorkshop(
      participant,
      localLink(server, w.links.participant),
      'Pia',
      'notes',
    );
    await host.getByTestId('add-card').waitFor({ timeout: TIMEOUT });
    await guest.getByTestId('add-card').waitFor({ timeout: TIMEOUT });
    // Nothing to see yet for the participant: the Outcome menu appears with the first record.
    expect(await guest.getByTestId('record-menu-button').count()).toBe(0);

    await host.getByTestId('record-menu-button').click();
    await host.getByTestId('record-menu-archive').click();
    await host.getByTestId('archive-confirm').waitFor({ timeout: TIMEOUT });
    await host.getByTestId('archive-confirm-button').click();

    for (const page of [host, guest]) {
      await page.getByTestId('archived-banner').waitFor({ timeout: TIMEOUT });
      await page.getByTestId('add-card').waitFor({ state: 'detached', timeout: TIMEOUT });
    }
    expect(await guest.getByTestId('archived-reopen').count()).toBe(0);
    await guest.screenshot({ path: '/tmp/h4-archived-phone.png' });
    // On the participant's phone the Outcome menu is in the top bar's menu.
    await guest.getByTestId('top-bar-more').click();
    await guest.getByTestId('record-menu-button').waitFor({ timeout: TIMEOUT });
    await guest.keyboard.press('Escape');
    const versions = await fetch(`${server.url}/api/workshops/${w.id}/records`, {
      headers: { authorization: `Bearer ${w.tokens.participant}` },
    });
    expect(((await versions.json()) as { versions: { kind: string }[] }).versions).toMatchObject([
      { kind: 'archive' },
    ]);

    await host.getByTestId('archived-reopen').click();
    for (const page of [host, guest]) {
      await page.getByTestId('archived-banner').waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.getByTestId('add-card').waitFor({ timeout: TIMEOUT });
    }

    // The participant sees the outcome with the token this browser holds for the workshop.
    await guest.goto(`${server.url}/archive/${w.id}`);
    await guest.getByTestId('record-view').waitFor({ timeout: TIMEOUT });
    expect(await guest.getByTestId('record-title').textContent()).toBe('Live archiving');
    expect(await guest.getByTestId('record-version').inputValue()).toBe('1');
    await guest.screenshot({ path: '/tmp/h4-outcome-phone.png', fullPage: true });
    expect(facilitator.errors).toEqual([]);
    expect(participant.errors).toEqual([]);
  });
});
