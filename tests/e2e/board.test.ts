/**
 * End to end: the real server (in-process, serving the built client) and Debian's Chromium.
 * A facilitator creates a workshop on the start page and shares the participant link; two
 * participants in separate browser contexts co-edit one card (title, rich-text body, position,
 * deletion) and see each other; the wall screen is read-only; a bad link shows the invalid screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { joinWorkshop, openTab, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

async function join(person: Person, link: string, name: string): Promise<void> {
  await joinWorkshop(person, link, name);
  await openNotes(person.page);
}

/** The free card board of a workshop is its Notes tab. */
async function openNotes(page: Page): Promise<void> {
  await openTab(page, 'notes');
  await page.getByTestId('board').waitFor({ timeout: TIMEOUT });
}

function cardById(page: Page, cardId: string): Locator {
  return page.locator(`[data-testid="card"][data-card-id="${cardId}"]`);
}

async function boxOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x, y: box.y };
}

describe.skipIf(!hasChromium)('board, live between browsers', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: E2eEnvironment;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('board');
    ({ server, browser } = env);
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  async function person(): Promise<Person> {
    const created = await newPerson(browser);
    people.push(created);
    return created;
  }

  let participantLink = '';
  let projectorLink = '';
  let workshopId = '';

  it('creates a workshop from the start page and shares its links', async () => {
    const facilitator = await person();
    const { page } = facilitator;
    await page.goto(server.url + '/');
    await page.getByTestId('create-workshop-form').waitFor();
    await screenshot(page, '01-start-page');

    await page.getByTestId('workshop-title-input').fill('Digital services for alpine tourism');
    await page.getByTestId('workshop-template-select').selectOption('cedw');
    await page.getByTestId('create-workshop-submit').click();

    await page.waitForURL(/\/w\/[A-Za-z0-9_-]{22}$/, { timeout: TIMEOUT });
    workshopId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByTestId('join-name-input').fill('Fiona Facilitator');
    await screenshot(page, '02-join-dialog');
    await page.getByTestId('join-submit').click();
    await expect
      .poll(() => page.getByTestId('role-badge').getAttribute('data-role'))
      .toBe('facilitator');
    expect(await page.getByTestId('workshop-title').textContent()).toBe(
      'Digital services for alpine tourism',
    );

    await page.getByTestId('share-button').click();
    const share = page.getByTestId('share-links');
    await share.waitFor();
    const participantInput = page.getByTestId('share-link-input-participant');
    await expect.poll(() => participantInput.inputValue()).toContain('#token=');
    participantLink = await participantInput.inputValue();
    projectorLink = await page.getByTestId('share-link-input-projector').inputValue();
    expect(participantLink).toContain(`/w/${workshopId}#token=`);
    await page.getByTestId('share-link-participant').getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('share-link-participant').getByRole('button').textContent())
      .toBe('Copied');
    await screenshot(page, '03-share-links');

    // Links point at the server's origin; the test reaches it at server.url.
    const toServer = (link: string) => server.url + new URL(link).pathname + new URL(link).hash;
    participantLink = toServer(participantLink);
    projectorLink = toServer(projectorLink);

    // Reload: the token left the address bar but the session survives.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('role-badge').getAttribute('data-role'), { timeout: TIMEOUT })
      .toBe('facilitator');
    await facilitator.context.close();
    people.splice(people.indexOf(facilitator), 1);
  });

  it('lets two participants co-edit a card live', async () => {
    const anna = await person();
    const ben = await person();
    await join(anna, participantLink, 'Anna Alpine');
    await join(ben, participantLink, 'Ben Berger');
    const a = anna.page;
    const b = ben.page;

    // Presence: each sees the other in the top bar.
    await a.locator('[data-testid="person"][data-name="Ben Berger"]').waitFor({ timeout: TIMEOUT });
    await b
      .locator('[data-testid="person"][data-name="Anna Alpine"]')
      .waitFor({ timeout: TIMEOUT });
    expect(await a.getByTestId('role-badge').getAttribute('data-role')).toBe('participant');

    // A adds a card and types its title; B sees it.
    await a.getByTestId('add-card').click();
    const titleInput = a.getByTestId('card-title-input');
    await titleInput.waitFor();
    await titleInput.pressSequentially('Digital services for tourism', { delay: 10 });
    await titleInput.press('Enter');
    const cardId = (await a.getByTestId('card').first().getAttribute('data-card-id'))!;
    expect(cardId).toBeTruthy();
    const cardOnB = cardById(b, cardId);
    await expect
      .poll(() => cardOnB.getByTestId('card-title').textContent(), { timeout: TIMEOUT })
      .toBe('Digital services for tourism');
    expect(await cardOnB.getByTestId('card-title').textContent()).toBe(
      'Digital services for tourism',
    );
    expect(await cardOnB.textContent()).toContain('by Anna Alpine');

    // B writes the body as rich text; A sees it (static rendering, with the bold mark).
    await cardOnB.getByTestId('card-body').dblclick();
    const editor = cardOnB.getByTestId('card-body-editor');
    await editor.waitFor({ timeout: TIMEOUT });
    await b.keyboard.type('Hotels and ICT start-ups ', { delay: 5 });
    await b.keyboard.press('Control+b');
    await b.keyboard.type('build it together', { delay: 5 });
    await b.keyboard.press('Control+b');
    await b.keyboard.press('Enter');
    await b.keyboard.type('- ', { delay: 5 });
    await b.keyboard.type('booking platform', { delay: 5 });
    const cardOnA = cardById(a, cardId);
    await expect
      .poll(() => cardOnA.getByTestId('card-body').textContent(), { timeout: TIMEOUT })
      .toContain('booking platform');
    expect(await cardOnA.locator('[data-testid="card-body"] strong').textContent()).toBe(
      'build it together',
    );
    expect(await cardOnA.locator('[data-testid="card-body"] li').count()).toBe(1);
    await b.mouse.move(700, 520);
    await screenshot(b, '04-body-editing');
    await b.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // B moves the card; A sees the new position.
    const before = await boxOf(cardOnA);
    const handle = await cardOnB.locator('.card__author').boundingBox();
    if (!handle) throw new Error('no drag handle');
    const start = { x: handle.x + 20, y: handle.y + handle.height / 2 };
    await b.mouse.move(start.x, start.y);
    await b.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await b.mouse.move(start.x + 24 * i, start.y + 14 * i);
      await b.waitForTimeout(16);
    }
    await b.mouse.up();
    await expect
      .poll(
        async () => {
          const after = await boxOf(cardOnA);
          return [Math.round(after.x - before.x), Math.round(after.y - before.y)];
        },
        { timeout: TIMEOUT },
      )
      .toEqual([240, 140]);

    // Live cursors: A sees B's pointer with B's name, never its own.
    await b.mouse.move(400, 300);
    await b.mouse.move(420, 320);
    await a
      .locator('[data-testid="remote-cursor"][data-name="Ben Berger"]')
      .waitFor({ timeout: TIMEOUT });
    expect(await a.locator('[data-testid="remote-cursor"][data-name="Anna Alpine"]').count()).toBe(
      0,
    );

    // Ben renames himself from the top bar; Anna sees the new name.
    await b.getByTestId('edit-name').click();
    await b.getByTestId('join-name-input').fill('Ben B.');
    await b.getByTestId('join-submit').click();
    await a.locator('[data-testid="person"][data-name="Ben B."]').waitFor({ timeout: TIMEOUT });

    // A second card and a colour, for a board that looks used.
    await a.mouse.dblclick(980, 260);
    const secondTitle = a.getByTestId('card-title-input');
    await secondTitle.waitFor();
    await secondTitle.pressSequentially('Cross-regional testbeds', { delay: 5 });
    await secondTitle.press('Escape');
    await a.getByTestId('card-color-blue').click();
    await expect.poll(() => b.getByTestId('card').count(), { timeout: TIMEOUT }).toBe(2);
    await a.mouse.move(640, 420);
    await a.mouse.move(660, 430);
    await b.locator('[data-testid="remote-cursor"][data-name="Anna Alpine"]').waitFor();
    await screenshot(a, '05-board-anna');
    await screenshot(b, '06-board-ben');

    // The wall screen shows the cards but offers no editing.
    const wall = await person();
    await wall.page.goto(projectorLink);
    await openNotes(wall.page);
    await cardById(wall.page, cardId).waitFor({ timeout: TIMEOUT });
    expect(await wall.page.getByTestId('role-badge').getAttribute('data-role')).toBe('projector');
    expect(await wall.page.getByTestId('add-card').count()).toBe(0);
    expect(await wall.page.getByTestId('join-name-input').count()).toBe(0);
    await cardById(wall.page, cardId).getByTestId('card-title').click();
    expect(await wall.page.getByTestId('card-title-input').count()).toBe(0);
    await screenshot(wall.page, '07-projector');

    // A deletes the card (select, Delete key); B sees it disappear.
    await cardOnA.locator('.card__author').click();
    await a.keyboard.press('Delete');
    await cardOnB.waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(await b.getByTestId('card').count()).toBe(1);

    for (const p of [anna, ben, wall]) expect(p.errors).toEqual([]);
  });

  it('shows the invalid-link screen for a bad token', async () => {
    const stranger = await person();
    await stranger.page.goto(`${server.url}/w/${workshopId}#token=not-a-real-token`);
    await stranger.page.getByTestId('invalid-link').waitFor({ timeout: TIMEOUT });
    expect(await stranger.page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This link is invalid or expired',
    );
    await screenshot(stranger.page, '08-invalid-link');
  });

  it('stops syncing and shows the invalid-link screen when the sync server refuses the token', async () => {
    const stranger = await person();
    const { page } = stranger;
    // The REST check passes (faked here), so only the sync socket sees the forged token: 4401.
    await page.route('**/api/workshops/*', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          id: workshopId,
          title: 'Forged',
          template: 'edw',
          createdAt: new Date().toISOString(),
          role: 'participant',
        }),
      }),
    );
    // Sync sockets only: the control plane's socket may open a moment later, refused on its own.
    let sockets = 0;
    page.on('websocket', (ws) => {
      if (ws.url().includes('/yjs/')) sockets++;
    });
    await page.goto(`${server.url}/w/${workshopId}#token=forged-token`);
    await page.getByTestId('invalid-link').waitFor({ timeout: TIMEOUT });
    const afterRefusal = sockets;
    await page.waitForTimeout(1500);
    expect(afterRefusal).toBeGreaterThan(0);
    expect(sockets).toBe(afterRefusal);
  });
});
