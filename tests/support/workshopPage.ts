/**
 * Test support: what a person does on a workshop page in Chromium — join with a name, switch
 * boards, drag — shared by every end-to-end test.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import type { Person } from './browser';

export const TIMEOUT = 15_000;

/** A join link rewritten to the address the test reaches the server on (keeps path and token). */
export function localLink(server: RunningServer, link: string): string {
  const url = new URL(link);
  return server.url + url.pathname + url.hash;
}

/** What a person may say about themselves when joining, besides their name. */
export interface JoinProfile {
  organisation?: string;
  /** A helix value (shared/domain/s3.ts HELICES). */
  helix?: string;
  /** The region's name as the workshop lists it. */
  region?: string;
}

/**
 * Opens a join link, fills in the join dialog (name, and the profile when given), waits until the
 * page is synced as that person; then opens `board` when given.
 */
export async function joinWorkshop(
  person: Person,
  link: string,
  name: string,
  board?: string,
  profile: JoinProfile = {},
): Promise<Page> {
  const { page } = person;
  await page.goto(link);
  await page.getByTestId('join-name-input').fill(name);
  if (profile.organisation) {
    await page.getByTestId('join-organisation-input').fill(profile.organisation);
  }
  if (profile.helix) await page.getByTestId('join-helix-select').selectOption(profile.helix);
  if (profile.region) {
    await page.getByTestId('join-region-select').selectOption({ label: profile.region });
  }
  await page.getByTestId('join-submit').click();
  // Joined: the dialog goes and the page reconnects with the person's own token.
  await page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), {
      timeout: TIMEOUT,
    })
    .toBe('connected');
  if (board) await openTab(page, board);
  return page;
}

export async function openTab(page: Page, board: string): Promise<void> {
  await page.getByTestId(`board-tab-${board}`).click({ timeout: TIMEOUT });
}

export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse in small steps (pointer events, as a person would). */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Drags one element onto another with the mouse, in steps, centre to centre (as a person does). */
export async function dragOnto(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await drag(
    page,
    { x: from.x + from.width / 2, y: from.y + from.height / 2 },
    { x: to.x + to.width / 2, y: to.y + to.height / 2 },
  );
}

/** A card of the free-placement boards (notes, opportunities) by its title. */
export function cardTitled(page: Page, title: string): Locator {
  return page.locator('[data-testid="card"]', {
    has: page.locator('[data-testid="card-title"]', { hasText: title }),
  });
}
