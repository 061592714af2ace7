/**
 * End to end, the connection badge (issue 10, item 12): it said "Connected" for ~27 s after the
 * network went away. Now the browser's offline event turns it "Offline" at once, and a network that
 * goes silent without telling the browser (a dead Wi-Fi, a blocked socket: here a proxy that stops
 * forwarding) is noticed by the sync socket's liveness ping within seconds. A quiet room that is
 * still connected stays "Connected".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../server/app';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, screenshot, type Person } from '../support/browser';
import { createWorkshop } from '../support/server';
import { joinWorkshop, TIMEOUT } from '../support/workshopPage';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';
import { SilenceableProxy } from '../support/tcpProxy';
import { LOST_NOTICED_WITHIN_MS } from '../../shared/sync/liveness';

/** Generous: the badge must change within a few seconds, not at an exact time. */
const NOTICE_MS = 8_000;

const badge = (page: Page) => page.getByTestId('connection-status');
const status = (page: Page) => badge(page).getAttribute('data-status');

describe.skipIf(!hasChromium)('the connection badge', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let proxy: SilenceableProxy;
  let proxyUrl: string;
  let workshop: CreateWorkshopResponse;
  const people: Person[] = [];

  beforeAll(async () => {
    env = await startE2e('connection');
    ({ server, browser } = env);
    proxy = new SilenceableProxy(Number(new URL(server.url).port));
    proxyUrl = await proxy.listen();
    workshop = await createWorkshop(server.url, 'Connection', 'edw');
  });

  afterAll(async () => {
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await proxy?.close();
    await env?.close();
  });

  /** A participant who reaches the server through `base`. */
  async function participant(base: string, name: string): Promise<Person> {
    const person = await newPerson(browser);
    people.push(person);
    const link = new URL(workshop.links.participant);
    await joinWorkshop(person, base + link.pathname + link.hash, name, 'notes');
    return person;
  }

  it('says "Offline" as soon as the browser loses the network, and "Connected" when it is back', async () => {
    const anna = await participant(server.url, 'Anna');
    await anna.context.setOffline(true);
    await expect.poll(() => status(anna.page), { timeout: NOTICE_MS }).toBe('offline');
    expect(await badge(anna.page).textContent()).toBe('Offline');
    await screenshot(anna.page, 'connection-01-offline');
    await anna.context.setOffline(false);
    await expect.poll(() => status(anna.page), { timeout: TIMEOUT }).toBe('connected');
  });

  it('stays "Connected" in a quiet room whose server still answers', async () => {
    const ben = await participant(proxyUrl, 'Ben');
    // Every badge change over a quiet stretch longer than the liveness ping's silence threshold.
    await ben.page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="connection-status"]');
      window.__badgeChanges = [];
      new MutationObserver(() => window.__badgeChanges.push(el.dataset.status)).observe(el, {
        attributes: true,
        attributeFilter: ['data-status'],
      });
      return 0;
    })()`);
    await ben.page.waitForTimeout(NOTICE_MS);
    expect(await ben.page.evaluate('window.__badgeChanges')).toEqual([]);
  });

  it('notices within seconds a network that went silent (blocked socket), then reconnects', async () => {
    const ben = people.at(-1)!;
    expect(await status(ben.page)).toBe('connected');
    proxy.goSilent();
    // The browser still thinks it is online: only the liveness check can tell.
    expect(await ben.page.evaluate('navigator.onLine')).toBe(true);
    // At worst the liveness check's own bound (its last word came just before the silence), plus
    // a second for a busy machine's timers.
    await expect
      .poll(() => status(ben.page), { timeout: LOST_NOTICED_WITHIN_MS + 1_000 })
      .toMatch(/^(reconnecting|offline)$/);
    await screenshot(ben.page, 'connection-02-silent');
    proxy.restore();
    await expect.poll(() => status(ben.page), { timeout: TIMEOUT }).toBe('connected');
  });
});
