/**
 * End to end (real server in-process, built client, Debian's Chromium), issue 10's import: a
 * facilitator brings a 12-region, 80-row capacity file and a trend list with years, straight from
 * a spreadsheet, into a two-region workshop without editing them; a participant, who may not add
 * regions, imports the rows that are fine and keeps the report of the skipped ones.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { addRegion, listCapacities, listOpportunities, listRegions } from '../../shared/doc';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, waitFor } from '../support/server';
import { joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`);

describe.skipIf(!hasChromium)('import from real spreadsheets, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  const people: Person[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    env = await startE2e('import');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function twoRegionWorkshop(title: string) {
    const created = await createWorkshop(server.url, title, 'edw');
    const client = await connectSynced(server.url, created.id, created.tokens.facilitator);
    clients.push(client);
    addRegion(client.doc, { name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
    addRegion(client.doc, { name: 'Western Slovenia', country: 'Slovenia', nuts: 'SI04' });
    return { created, client };
  }

  async function person(): Promise<Person> {
    const created = await newPerson(browser, { width: 1440, height: 1000 });
    people.push(created);
    return created;
  }

  async function chooseFile(page: Page, name: string, mimeType = 'text/csv') {
    await page.getByTestId('import-file-input').setInputFiles({
      name,
      mimeType,
      buffer: fixture(name),
    });
    await page.getByTestId('import-preview').waitFor({ timeout: TIMEOUT });
  }

  it('a facilitator adds the ten new regions in one step and imports all 80 capacities, then the trend list', async () => {
    const { created, client } = await twoRegionWorkshop('Alpine EDW');
    const organiser = await person();
    const page = await joinWorkshop(
      organiser,
      localLink(server, created.links.facilitator),
      'Olga Organiser',
      'capacity-map',
    );

    await page.getByTestId('capacity-import').click({ timeout: TIMEOUT });
    await chooseFile(page, 'capacities-12-regions.csv');

    // The ten regions the workshop lacks, with country and NUTS code; no problem to fix.
    const newRegions = page.getByTestId('import-new-region');
    expect(await newRegions.count()).toBe(10);
    expect(await newRegions.nth(0).textContent()).toMatch(/Kärnten.*Austria.*AT21/);
    expect(await newRegions.nth(9).textContent()).toMatch(/Auvergne-Rhône-Alpes.*France.*FRK/);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    const submit = page.getByTestId('import-submit');
    expect(await submit.textContent()).toBe('Add 10 regions and import 80 capacities');
    expect(await page.getByTestId('import-map-nuts').inputValue()).toBe('3');
    expect(await page.getByTestId('import-map-evidenceUrl').inputValue()).toBe('9');

    // Per row, what is not set or read in another form.
    const notes = page.getByTestId('import-row-notes');
    expect(await notes.nth(0).textContent()).toContain('helix not set: Infineon (Villach)');
    expect(await notes.nth(1).textContent()).toContain('“company” → Industry');
    expect(await notes.nth(3).textContent()).toContain('not set: Strength');
    await page.getByTestId('import-show-all').click();
    expect(await notes.count()).toBe(80);
    expect(await notes.nth(11).textContent()).toContain('not set: Kind');
    await page.getByTestId('import-show-all').click();
    await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-01-capacities-preview');

    await submit.click();
    await page.getByTestId('import-done').waitFor({ timeout: TIMEOUT });
    expect(await page.getByTestId('import-done').textContent()).toContain(
      '80 capacities imported.',
    );
    expect(await page.getByTestId('import-regions-added').textContent()).toMatch(
      /^10 regions added: Kärnten, Steiermark/,
    );
    await waitFor(() => listCapacities(client.doc).length === 80, 'the capacities', TIMEOUT);
    const regions = listRegions(client.doc);
    expect(regions.map((r) => r.nuts)).toEqual([
      'AT33',
      'SI04',
      'AT21',
      'AT22',
      'AT32',
      'AT34',
      'DE2',
      'DE1',
      'ITH1',
      'ITH2',
      'ITH4',
      'FRK',
    ]);
    const inRegion = new Set(listCapacities(client.doc).map((c) => c.regionId));
    expect(inRegion).toEqual(new Set(regions.map((r) => r.id)));
    await page.getByTestId('import-close').click();

    // The trend list with years, on the opportunity board.
    await openTab(page, 'opportunity-board');
    await page.getByTestId('import-opportunities').click({ timeout: TIMEOUT });
    await chooseFile(page, 'trends-with-years.csv');
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(await page.getByTestId('import-submit').textContent()).toBe('Import 12 opportunities');
    expect(await page.getByTestId('import-row-notes').nth(2).textContent()).toContain(
      '“2050” → More than 5 years',
    );
    await page.getByTestId('import-show-all').click();
    expect(await page.getByTestId('import-row-notes').nth(7).textContent()).toContain(
      'not set: Time horizon',
    );
    await page.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-02-trends-preview');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor({ timeout: TIMEOUT });
    await waitFor(() => listOpportunities(client.doc).length === 12, 'the trends', TIMEOUT);
    const opportunities = listOpportunities(client.doc);
    const snow = opportunities.find((o) => o.title === 'Less snow below 1,500 m')!;
    expect([snow.kind, snow.horizon]).toEqual(['societal-challenge', 'long']);
    expect(opportunities.find((o) => o.title === 'Digital product passport')!.horizon).toBe('');
    expect(organiser.errors).toEqual([]);
  });

  it('a participant may not add regions: skipping rows imports the rest and reports the skipped', async () => {
    const { created, client } = await twoRegionWorkshop('Alpine EDW 2');
    const participant = await person();
    const page = await joinWorkshop(
      participant,
      localLink(server, created.links.participant),
      'Pia Participant',
      'capacity-map',
    );
    await page.getByTestId('capacity-import').click({ timeout: TIMEOUT });
    await chooseFile(page, 'capacities-12-regions.csv');
    expect(await page.getByTestId('import-new-regions').count()).toBe(0);
    expect(await page.getByTestId('import-error').count()).toBe(66);
    const submit = page.getByTestId('import-submit');
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.textContent()).toBe('Fix the problems to import');

    await page.getByTestId('import-skip-rows').check();
    expect(await submit.textContent()).toBe('Import 14 capacities');
    await submit.click();
    await page.getByTestId('import-done').waitFor({ timeout: TIMEOUT });
    const skipped = page.getByTestId('import-skipped-row');
    expect(await skipped.count()).toBe(66);
    expect(await skipped.nth(0).textContent()).toMatch(
      /Row 4.*Region: unknown region "Kärnten": a facilitator can add it/,
    );
    await screenshot(page, 'import-03-skipped-report');
    await waitFor(() => listCapacities(client.doc).length === 14, 'the good rows', TIMEOUT);
    expect(listRegions(client.doc)).toHaveLength(2);
    expect(participant.errors).toEqual([]);
  });
});
