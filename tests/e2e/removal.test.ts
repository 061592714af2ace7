/**
 * End to end, removal sticks: a removed participant who comes back through the participant link
 * on the same browser is told to ask the facilitator; the facilitator lets them back in from the
 * People panel; then resets the participant link, and the old one no longer opens the workshop.
 * Real server, real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, type Person } from '../support/browser';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { createWorkshop } from '../support/server';
import { joinWorkshop, localLink, TIMEOUT } from '../support/workshopPage';

describe.skipIf(!hasChromium)('removal sticks: rejoin refused, let back in, link reset', () => {
  let server: RunningServer;
  let env: E2eEnvironment;
  let workshop: CreateWorkshopResponse;
  const people: Person[] = [];
  let fiona: Person;
  let ben: Person;

  beforeAll(async () => {
    env = await startE2e('removal');
    server = env.server;
    workshop = await createWorkshop(server.url, 'Alpine health EDW', 'edw');
    fiona = await newPerson(env.browser);
    ben = await newPerson(env.browser);
    people.push(fiona, ben);
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  const panel = async () => {
    const people = fiona.page.getByTestId('people-panel');
    if (!(await people.isVisible())) await fiona.page.getByTestId('people-button').click();
    return people;
  };

  it('refuses a removed participant who comes back on the same browser, until let back in', async () => {
    await joinWorkshop(fiona, localLink(server, workshop.links.facilitator), 'Fiona Facilitator');
    await joinWorkshop(ben, localLink(server, workshop.links.participant), 'Ben Berger');
    const benRow = (await panel()).locator('[data-testid="person-row"][data-name="Ben Berger"]');
    await benRow.getByTestId('person-remove').click();
    await benRow.getByTestId('person-remove-confirm-button').click();
    await ben.page.getByTestId('removed-screen').waitFor({ timeout: TIMEOUT });

    // The browser forgets the workshop; its device cookie still says who it was.
    await ben.page.evaluate('localStorage.clear()');
    await ben.page.goto('about:blank'); // a link differing only in its fragment would not reload
    await ben.page.goto(localLink(server, workshop.links.participant));
    await ben.page.getByTestId('join-name-input').fill('Ben B.');
    await ben.page.getByTestId('join-submit').click();
    const error = ben.page.getByTestId('join-error');
    await error.waitFor({ timeout: TIMEOUT });
    expect(await error.textContent()).toContain('Ask the facilitator to let you back in');

    const removed = (await panel()).getByTestId('removed-person');
    await expect
      .poll(() => removed.getAttribute('data-name'), { timeout: TIMEOUT })
      .toBe('Ben Berger');
    await removed.getByTestId('person-readmit').click();
    await expect.poll(() => removed.count(), { timeout: TIMEOUT }).toBe(0);

    await ben.page.getByTestId('join-submit').click();
    await ben.page.getByTestId('join-dialog').waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  it('resets the participant link: the old one stops opening the workshop, Ben stays in', async () => {
    await fiona.page.keyboard.press('Escape');
    await fiona.page.getByTestId('share-button').click();
    const input = fiona.page.getByTestId('share-link-input-participant');
    const oldLink = await input.inputValue();
    await fiona.page.getByTestId('share-reset-participant').click();
    await fiona.page.getByTestId('share-reset-confirm-button').click();
    await expect.poll(() => input.inputValue(), { timeout: TIMEOUT }).not.toBe(oldLink);
    expect(await fiona.page.getByTestId('share-reset-status').textContent()).toContain(
      'New participant link',
    );

    const late = await newPerson(env.browser);
    people.push(late);
    await late.page.goto(localLink(server, oldLink));
    await late.page.getByTestId('invalid-link').waitFor({ timeout: TIMEOUT });
    await late.page.goto('about:blank');
    await joinWorkshop(late, localLink(server, await input.inputValue()), 'Lena Late');
    expect(await ben.page.getByTestId('connection-status').getAttribute('data-status')).toBe(
      'connected',
    );
  });
});
