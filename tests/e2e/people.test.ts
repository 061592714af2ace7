/**
 * End to end, people: joining with a profile (organisation, helix, region), the people panel with
 * who is online, the hand-raise queue, promoting a participant to co-facilitator, removing one,
 * renaming, and the join dialog and top bar on a 375 px phone. Real server, real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { addRegion } from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { connectSynced, type TestClient } from '../support/clients';
import { newPerson, type Person } from '../support/browser';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';

/** The right edge of the rightmost visible thing in the top bar (px). */
const TOP_BAR_RIGHT = `Math.max(...[...document.querySelectorAll('.top-bar *')]
  .map((el) => el.getBoundingClientRect())
  .filter((r) => r.width > 0)
  .map((r) => r.right))`;

function row(page: Page, name: string): Locator {
  return page.locator(
    `[data-testid="people-panel"] [data-testid="person-row"][data-name="${name}"]`,
  );
}

async function openPeople(page: Page): Promise<Locator> {
  const panel = page.getByTestId('people-panel');
  if (!(await panel.isVisible())) await page.getByTestId('people-button').click();
  await panel.waitFor({ timeout: TIMEOUT });
  return panel;
}

describe.skipIf(!hasChromium)('people: join profile, presence, hands, promote, remove', () => {
  let server: RunningServer;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  let organiser: TestClient;
  const people: Person[] = [];
  let fiona: Person;
  let anna: Person;
  let ben: Person;

  beforeAll(async () => {
    env = await startE2e('people');
    server = env.server;
    workshop = await createWorkshop(server.url, 'Alpine health cEDW', 'cedw');
    organiser = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    addRegion(organiser.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    addRegion(organiser.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' });
  });

  afterAll(async () => {
    organiser?.destroy();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(viewport?: { width: number; height: number }): Promise<Person> {
    const created = await newPerson(env.browser, viewport);
    people.push(created);
    return created;
  }

  it('shows a participant who joined with a profile online in the facilitator’s list', async () => {
    fiona = await person();
    anna = await person();
    ben = await person();
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona Facilitator');
    await joinWorkshop(anna, localLink(server, workshop.links.participant), 'Anna Alpine', '', {
      organisation: 'MCI Innsbruck',
      helix: 'research',
      region: 'Tyrol',
    });
    await joinWorkshop(ben, localLink(server, workshop.links.participant), 'Ben Berger');

    const panel = await openPeople(fiona.page);
    const annaRow = row(fiona.page, 'Anna Alpine');
    await expect.poll(() => annaRow.getAttribute('data-online'), { timeout: TIMEOUT }).toBe('true');
    expect(await annaRow.locator('.person-row__details').textContent()).toBe(
      'MCI Innsbruck · Tyrol · Research',
    );
    expect(await annaRow.getAttribute('data-role')).toBe('participant');
    // The facilitator is in the list too, marked as "you".
    expect(await row(fiona.page, 'Fiona Facilitator').textContent()).toContain('(you)');
    await expect
      .poll(() => fiona.page.getByTestId('people-online-count').textContent(), { timeout: TIMEOUT })
      .toBe('3');
    expect(await panel.getByTestId('hand-queue').count()).toBe(0);

    // A reload keeps the person: no second join, same identity.
    await anna.page.reload();
    await anna.page.getByTestId('hand-toggle').waitFor({ timeout: TIMEOUT });
    expect(await anna.page.getByTestId('join-dialog').count()).toBe(0);
    expect(await fiona.page.locator('[data-testid="person-row"]').count()).toBe(3);
  });

  it('queues a raised hand for the facilitator, who lowers it', async () => {
    const hand = anna.page.getByTestId('hand-toggle');
    await hand.click();
    await expect.poll(() => hand.getAttribute('aria-pressed')).toBe('true');

    const badge = fiona.page.getByTestId('people-hands-badge');
    await expect.poll(() => badge.textContent(), { timeout: TIMEOUT }).toBe('1');
    const queue = fiona.page.getByTestId('hand-queue-item');
    await expect
      .poll(() => queue.getAttribute('data-name'), { timeout: TIMEOUT })
      .toBe('Anna Alpine');
    expect(await row(fiona.page, 'Anna Alpine').getAttribute('data-hand')).toBe('true');
    // Participants see raised hands in the list, but no queue and no badge.
    await openPeople(ben.page);
    await expect
      .poll(() => row(ben.page, 'Anna Alpine').getAttribute('data-hand'), { timeout: TIMEOUT })
      .toBe('true');
    expect(await ben.page.getByTestId('hand-queue').count()).toBe(0);
    expect(await ben.page.getByTestId('people-hands-badge').count()).toBe(0);
    expect(await ben.page.getByTestId('person-remove').count()).toBe(0);
    await ben.page.keyboard.press('Escape');

    await fiona.page.screenshot({ path: '/tmp/h1-people-panel.png' });

    await queue.getByTestId('hand-lower').click();
    await expect.poll(() => hand.getAttribute('aria-pressed'), { timeout: TIMEOUT }).toBe('false');
    await expect.poll(() => badge.count(), { timeout: TIMEOUT }).toBe(0);
    expect(await fiona.page.getByTestId('hand-queue').count()).toBe(0);
  });

  it('promotes a participant to co-facilitator: their role badge changes live', async () => {
    expect(await anna.page.getByTestId('role-badge').getAttribute('data-role')).toBe('participant');
    await row(fiona.page, 'Anna Alpine').getByTestId('person-promote').click();
    await expect
      .poll(() => anna.page.getByTestId('role-badge').getAttribute('data-role'), {
        timeout: TIMEOUT,
      })
      .toBe('facilitator');
    await expect
      .poll(() => row(fiona.page, 'Anna Alpine').getAttribute('data-role'), { timeout: TIMEOUT })
      .toBe('facilitator');
    // Now she has the facilitator's controls, and sees the people actions.
    await anna.page.getByTestId('timer-toggle').waitFor({ timeout: TIMEOUT });
    await openPeople(anna.page);
    await row(anna.page, 'Ben Berger').getByTestId('person-remove').waitFor();
    await anna.page.keyboard.press('Escape');
  });

  it('removes a participant after a confirmation; they see that they were removed', async () => {
    const benRow = row(fiona.page, 'Ben Berger');
    await benRow.getByTestId('person-remove').click();
    await benRow.getByTestId('person-remove-confirm').waitFor();
    await fiona.page.screenshot({ path: '/tmp/h1-remove-confirm.png' });
    await benRow.getByTestId('person-remove-confirm-button').click();

    await ben.page.getByTestId('removed-screen').waitFor({ timeout: TIMEOUT });
    await ben.page.screenshot({ path: '/tmp/h1-removed.png' });
    await expect.poll(() => benRow.count(), { timeout: TIMEOUT }).toBe(0);
    // A reload does not let them back in.
    await ben.page.reload();
    await ben.page.getByTestId('removed-screen').waitFor({ timeout: TIMEOUT });
  });

  it('renames from the top bar: everyone sees the new name', async () => {
    await anna.page.getByTestId('edit-name').click();
    const input = anna.page.getByTestId('join-name-input');
    expect(await input.inputValue()).toBe('Anna Alpine');
    expect(await anna.page.getByTestId('join-organisation-input').count()).toBe(0);
    await input.fill('Anna A. Alpine');
    await anna.page.getByTestId('join-submit').click();
    await anna.page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });
    await row(fiona.page, 'Anna A. Alpine').waitFor({ timeout: TIMEOUT });
    expect(await anna.page.getByTestId('edit-name').textContent()).toContain('Anna A. Alpine');
  });

  it('joins on a 375 px phone, and shows people going offline', async () => {
    const phone = await person({ width: 375, height: 740 });
    const page = phone.page;
    await page.goto(localLink(server, workshop.links.participant));
    const dialog = page.getByTestId('join-dialog');
    await page.getByTestId('join-name-input').fill('Pia Phone');
    await page.getByTestId('join-organisation-input').fill('Regional development agency');
    await page.getByTestId('join-helix-select').selectOption('government');
    await page.getByTestId('join-region-select').selectOption({ label: 'Western Slovenia' });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/h1-join-phone.png' });
    await page.getByTestId('join-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), {
        timeout: TIMEOUT,
      })
      .toBe('connected');

    expect(await page.evaluate<number>(TOP_BAR_RIGHT)).toBeLessThanOrEqual(375);
    await page.getByTestId('hand-toggle').click();
    const panel = await openPeople(page);
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(375);
    await expect
      .poll(() => row(page, 'Pia Phone').getAttribute('data-hand'), { timeout: TIMEOUT })
      .toBe('true');
    await page.screenshot({ path: '/tmp/h1-people-phone.png' });

    const piaOnFiona = row(fiona.page, 'Pia Phone');
    await expect
      .poll(() => piaOnFiona.getAttribute('data-online'), { timeout: TIMEOUT })
      .toBe('true');
    expect(await piaOnFiona.locator('.person-row__details').textContent()).toBe(
      'Regional development agency · Western Slovenia · Government',
    );
    await phone.context.close();
    await expect
      .poll(() => piaOnFiona.getAttribute('data-online'), { timeout: TIMEOUT })
      .toBe('false');
    await fiona.page.screenshot({ path: '/tmp/h1-people-offline.png' });
  });

  it('logged no errors (except the removed person’s refused reload)', () => {
    for (const p of [fiona, anna]) expect(p.errors).toEqual([]);
  });
});
