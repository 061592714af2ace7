/** Test support: adding capacities and opportunities through the boards' UI, as a participant would. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Person } from './browser';
import { cardTitled, joinWorkshop, TIMEOUT } from './workshopPage';

/** The capacity card that has the keyboard focus (browser-side code as a string: no DOM types). */
const ACTIVE_CAPACITY = 'document.activeElement?.dataset?.capacityId ?? null';
export const activeCapacity = (page: Page) => page.evaluate<string | null>(ACTIVE_CAPACITY);

/** Joins and opens the capacity map. */
export async function joinCapacityMap(person: Person, link: string, name: string): Promise<void> {
  await joinWorkshop(person, link, name, 'capacity-map');
  await person.page.getByTestId('capacity-map').waitFor({ timeout: TIMEOUT });
}

export function capacityCell(page: Page, regionId: string, kind: string): Locator {
  return page.locator(
    `[data-testid="capacity-cell"][data-cell-row="${regionId}"][data-cell-kind="${kind}"]`,
  );
}

/** The opportunity board's group frame with this name. */
export function frameNamed(page: Page, name: string): Locator {
  return page.locator('[data-testid="group-frame"]', {
    has: page.locator('[data-testid="group-frame-name"]', { hasText: name }),
  });
}

export function capacityCard(page: Page, id: string): Locator {
  return page.locator(`[data-testid="capacity-card"][data-capacity-id="${id}"]`);
}

/** Adds a capacity in a region × kind cell, names it and adds holders; returns its id. */
export async function addCapacity(
  page: Page,
  regionId: string,
  kind: string,
  title: string,
  holders: { name: string; helix: string }[],
): Promise<string> {
  const target = capacityCell(page, regionId, kind);
  await target.hover();
  await target.getByTestId('capacity-cell-add').click();
  const panel = page.getByTestId('capacity-panel');
  await panel.waitFor();
  const titleInput = panel.getByTestId('capacity-title-input');
  await expect
    .poll(() => titleInput.evaluate((el) => el.ownerDocument.activeElement === el))
    .toBe(true);
  await titleInput.pressSequentially(title, { delay: 5 });
  for (const holder of holders) {
    await panel.getByTestId('holder-add-name').fill(holder.name);
    await panel.getByTestId('holder-add-helix').selectOption(holder.helix);
    await panel.getByTestId('holder-add-submit').click();
  }
  const id = (await panel.getAttribute('data-capacity-id'))!;
  await expect.poll(() => panel.getByTestId('holder-row').count()).toBe(holders.length);
  return id;
}

/** Adds an opportunity card from the toolbar and names it; returns its id. */
export async function addOpportunity(page: Page, title: string): Promise<string> {
  await page.getByTestId('add-card').click();
  const input = page.getByTestId('card-title-input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.pressSequentially(title, { delay: 5 });
  await input.press('Enter');
  const card = cardTitled(page, title);
  return (await card.getAttribute('data-card-id'))!;
}
