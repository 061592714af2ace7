/**
 * End to end, the wall at 1920×1080 (issue 10, items 8 and 9): a 20-card board is readable from
 * the back of the room (every card on screen, titles ≥ 18 px, none cut or broken mid-word), the
 * side panel only with something to show; a private-writing reveal brings the revealed ideas on
 * screen; panning by hand pauses auto-fit until Fit (or F); 40 imported opportunities and a card
 * added from the toolbar never lie on another card.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  createCapacity,
  createCard,
  createOpportunity,
  DEFAULT_BOARD_ID,
  listCards,
  listOpportunities,
} from '../../shared/doc';
import { CAPACITY_KINDS } from '../../shared/domain/s3';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { hasChromium } from '../support/chromium';
import { newPerson, type Person } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import {
  ask,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
} from '../support/controlClients';
import { createWorkshop, waitFor } from '../support/server';
import { drag, joinWorkshop, localLink, openTab, TIMEOUT } from '../support/workshopPage';
import { addOpportunity } from '../support/s3Boards';
import { startE2e, type E2eEnvironment } from '../support/e2eEnvironment';

const WALL = { width: 1920, height: 1080 };
const SHOTS = '/tmp/shots';

/** Titles long enough to wrap in a card, with long words (what broke mid-word before). */
const TITLES = [
  'Precision engineering for semiconductor equipment',
  'Alpine hydropower and pumped storage expertise',
  'University hospital clinical research infrastructure',
  'Sustainable timber construction and wood processing',
  'Mountain tourism digitalisation and visitor management',
  'Quantum optics laboratories and photonics startups',
  'Cybersecurity competence centre for manufacturers',
  'Biopharmaceutical production and regulatory know-how',
  'Avalanche and natural hazard forecasting services',
  'Electromobility components for commercial vehicles',
  'Organic dairy farming and cheese cooperatives',
  'Vocational training in mechatronics apprenticeships',
  'Hydrogen electrolysers for industrial heat',
  'Space technology ground segment software',
  'Circular economy recycling of construction materials',
  'Medical device prototyping and certification',
  'Smart grid pilots in mountain municipalities',
  'Food processing automation and packaging',
  'Environmental monitoring with satellite data',
  'Cross-border logistics along the Brenner corridor',
];

interface TitleCheck {
  title: string;
  fontPx: number;
  overflow: boolean;
  brokenWords: string[];
  inView: boolean;
}

/**
 * For every card (selector) on the page: its title's rendered size (computed font size × the
 * scale the board or page zoom applies), whether the text is cut (scrollWidth > clientWidth),
 * which words wrap across lines (a Range over the word has more than one line box; a single word
 * longer than the line may hyphenate), and whether the card lies inside the wall's board area.
 */
function checkTitles(page: Page, card: string, title: string): Promise<TitleCheck[]> {
  return page.evaluate<TitleCheck[]>(`(() => {
    const area = document.querySelector('.wall__board').getBoundingClientRect();
    return [...document.querySelectorAll(${JSON.stringify(card)})].map((el) => {
      const t = el.querySelector(${JSON.stringify(title)});
      const box = el.getBoundingClientRect();
      const scale = t.getBoundingClientRect().width / (t.offsetWidth || 1);
      const text = t.firstChild && t.firstChild.nodeType === 3 ? t.firstChild : null;
      const brokenWords = [];
      const raw = t.textContent || '';
      const lineWidth = t.getBoundingClientRect().width;
      if (text) {
        const re = /\\S+/g;
        let m;
        while ((m = re.exec(raw))) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const wider = range.getBoundingClientRect().width >= lineWidth - 1;
          // A compound ('Cross-border') may wrap after its hyphen, as a person would write it.
          if (rects.length > 1 && !wider && !m[0].includes('-')) brokenWords.push(m[0]);
        }
      }
      return {
        title: raw,
        fontPx: parseFloat(getComputedStyle(t).fontSize) * scale,
        overflow: t.scrollWidth > t.clientWidth + 1,
        brokenWords,
        inView:
          box.left >= area.left - 1 && box.right <= area.right + 1 &&
          box.top >= area.top - 1 && box.bottom <= area.bottom + 1,
      };
    });
  })()`);
}

/** What is wrong with the titles: unreadable, cut, broken mid-word or off screen ([] when none). */
async function unreadable(page: Page, card: string, title: string, count: number) {
  const checks = await checkTitles(page, card, title);
  if (checks.length !== count) return [`${checks.length} cards`];
  return checks
    .filter((c) => c.overflow || c.brokenWords.length > 0 || !c.inView || c.fontPx < 18)
    .map((c) => JSON.stringify(c));
}

/** Pairs of cards (by title) whose on-screen boxes overlap. */
function overlappingCards(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const cards = [...document.querySelectorAll('.board__world [data-card-id]')].map((el) => ({
      id: el.dataset.cardId,
      r: el.getBoundingClientRect(),
    }));
    const pairs = [];
    cards.forEach((a, i) =>
      cards.slice(i + 1).forEach((b) => {
        const p = a.r;
        const q = b.r;
        if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
          pairs.push(a.id + '×' + b.id);
      }),
    );
    return pairs;
  })()`);
}

/** Ids of the free board's cards rendered whole (not as previews). */
function renderedCardIds(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `[...document.querySelectorAll('.board__world [data-card-id]')].map((el) => el.dataset.cardId)`,
  );
}

/** Ids of the free board's cards lying (wholly) inside the wall's board area. */
function cardsInView(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const area = document.querySelector('.wall__board').getBoundingClientRect();
    return [...document.querySelectorAll('.board__world [data-card-id]')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= area.left - 1 && r.right <= area.right + 1 && r.top >= area.top - 1 && r.bottom <= area.bottom + 1;
      })
      .map((el) => el.dataset.cardId);
  })()`);
}

describe.skipIf(!hasChromium)('the wall at 1920×1080', () => {
  let env: E2eEnvironment;
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreateWorkshopResponse;
  let seed: TestClient;
  const sockets: Socket[] = [];
  const clients: TestClient[] = [];
  const people: Person[] = [];
  let wall: Person;
  let control: ControlClient;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    env = await startE2e('wall');
    ({ server, browser } = env);
    workshop = await createWorkshop(server.url, 'Alpine EDW', 'edw');
    seed = await connectSynced(server.url, workshop.id, workshop.tokens.facilitator);
    const regions = [
      addRegion(seed.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' }),
      addRegion(seed.doc, { name: 'Western Slovenia', country: 'SI', nuts: 'SI04' }),
    ];
    seed.doc.transact(() => {
      TITLES.forEach((title, i) => {
        createCapacity(seed.doc, {
          title,
          regionId: regions[i % 2],
          kind: CAPACITY_KINDS[Math.floor(i / 2) % CAPACITY_KINDS.length],
        });
        createOpportunity(seed.doc, {
          title,
          x: (i % 5) * 260,
          y: Math.floor(i / 5) * 200,
        });
      });
      // A wide notes board: too much to show at a readable size all at once.
      for (let i = 0; i < 36; i++) {
        createCard(seed.doc, {
          title: `Earlier note ${i + 1}`,
          x: (i % 9) * 260,
          y: Math.floor(i / 9) * 220,
        });
      }
    });
    control = await connectControl(server.url, workshop.id, workshop.tokens.facilitator, sockets);
    wall = await newPerson(browser, WALL);
    people.push(wall);
    await wall.page.goto(localLink(server, workshop.links.projector));
    await wall.page.getByTestId('wall').waitFor({ timeout: TIMEOUT });
  });

  afterAll(async () => {
    seed?.destroy();
    for (const c of clients) c.destroy();
    for (const s of sockets) s.disconnect();
    await Promise.all(people.map((p) => p.context.close().catch(() => {})));
    await env?.close();
  });

  it('shows a 20-card capacity map whole and readable, without the side panel while nothing runs', async () => {
    const page = wall.page;
    await openTab(page, 'capacity-map');
    await expect
      .poll(() => page.getByTestId('capacity-card').count(), { timeout: TIMEOUT })
      .toBe(20);
    expect(await page.getByTestId('wall-panel').count()).toBe(0);
    await page.evaluate('document.fonts.ready.then(() => true)');
    await expect
      .poll(() => unreadable(page, '[data-testid="capacity-card"]', '.capacity-card__title', 20), {
        timeout: TIMEOUT,
      })
      .toEqual([]);
    await page.screenshot({ path: `${SHOTS}/wall-1920.png` });
  });

  it('shows a 20-card opportunity board whole and readable', async () => {
    const page = wall.page;
    await openTab(page, 'opportunity-board');
    await expect.poll(async () => (await cardsInView(page)).length, { timeout: TIMEOUT }).toBe(20);
    expect(await page.getByTestId('wall-panel').count()).toBe(0);
    await expect
      .poll(
        () => unreadable(page, '.board__world [data-card-id]', '[data-testid="card-title"]', 20),
        { timeout: TIMEOUT },
      )
      .toEqual([]);
    await page.screenshot({ path: `${SHOTS}/wall-1920-opportunities.png` });
  });

  it('brings every idea of a private-writing reveal on screen', async () => {
    const page = wall.page;
    await openTab(page, 'notes');
    await expect
      .poll(() => page.locator('.board__world [data-card-id]').count(), { timeout: TIMEOUT })
      .toBeGreaterThan(0);
    const round = (await commandOk(control, { type: 'private:open', board: 'notes' }))
      .privateRound!;
    const anna = await joinAs(server.url, workshop, { name: 'Anna' });
    const annaControl = await connectControl(server.url, workshop.id, anna.identityToken, sockets);
    for (let i = 1; i <= 8; i++) {
      const reply = await ask(annaControl, 'draft:put', {
        roundId: round.id,
        draftId: `idea-${i}`,
        text: `Revealed idea ${i}`,
      });
      expect(reply.ok).toBe(true);
    }
    await commandOk(control, { type: 'private:reveal', showAuthors: false });
    const revealedIds = () =>
      listCards(seed.doc, DEFAULT_BOARD_ID)
        .filter((c) => c.title.startsWith('Revealed idea'))
        .map((c) => c.id);
    await waitFor(() => revealedIds().length === 8, 'the revealed ideas');
    const revealed = revealedIds();
    await expect
      .poll(
        async () => {
          const inView = new Set(await cardsInView(page));
          return revealed.filter((id) => !inView.has(id));
        },
        { timeout: TIMEOUT },
      )
      .toEqual([]);
    // On screen at a readable size (a fit of the whole board would show them tiny or not at all).
    const revealedCards = revealed.map((id) => `.board__world [data-card-id="${id}"]`).join(', ');
    await expect
      .poll(() => unreadable(page, revealedCards, '[data-testid="card-title"]', 8), {
        timeout: TIMEOUT,
      })
      .toEqual([]);
    await page.screenshot({ path: `${SHOTS}/wall-reveal.png` });
  });

  it('stops fitting while someone pans the wall by hand; Fit and F fit again', async () => {
    const page = wall.page;
    const fit = page.getByTestId('wall-fit');
    const world = page.locator('.board__world');
    const revealedIds = listCards(seed.doc, DEFAULT_BOARD_ID)
      .filter((c) => c.title.startsWith('Revealed idea'))
      .map((c) => c.id);
    const allRevealedInView = async () => {
      const inView = new Set(await cardsInView(page));
      return revealedIds.every((id) => inView.has(id));
    };
    expect(await fit.getAttribute('data-paused')).toBe('false');

    // Scrolling the board pans it: auto-fit pauses, and a change on the board does not undo the pan.
    const area = (await page.locator('.wall__board').boundingBox())!;
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, 900);
    await expect.poll(() => fit.getAttribute('data-paused'), { timeout: TIMEOUT }).toBe('true');
    expect(await fit.textContent()).toBe('Fit (auto-fit paused)');
    await expect.poll(allRevealedInView, { timeout: TIMEOUT }).toBe(false);
    const panned = await world.getAttribute('style');
    const note = listCards(seed.doc, DEFAULT_BOARD_ID).find((c) => c.title === 'Earlier note 1')!;
    seed.doc.transact(() => {
      (seed.doc.getMap('cards').get(note.id) as Y.Map<unknown>).set('x', note.x + 20);
    });
    // The wall has the change (its card moved) and time to refit, yet keeps the person's view.
    await expect
      .poll(() => page.locator(`[data-card-id="${note.id}"]`).getAttribute('style'), {
        timeout: TIMEOUT,
      })
      .toContain(`${note.x + 20}`);
    await page.waitForTimeout(1500);
    expect(await world.getAttribute('style')).toBe(panned);

    // Fit brings the revealed ideas back and resumes.
    await fit.click();
    await expect.poll(allRevealedInView, { timeout: TIMEOUT }).toBe(true);
    expect(await fit.getAttribute('data-paused')).toBe('false');

    // Dragging the board pauses too; the F key fits again.
    await drag(
      page,
      { x: area.x + 60, y: area.y + area.height - 60 },
      { x: area.x + 60, y: area.y + 40 },
    );
    await expect.poll(() => fit.getAttribute('data-paused'), { timeout: TIMEOUT }).toBe('true');
    await expect.poll(allRevealedInView, { timeout: TIMEOUT }).toBe(false);
    await page.keyboard.press('f');
    await expect.poll(allRevealedInView, { timeout: TIMEOUT }).toBe(true);
    expect(await fit.getAttribute('data-paused')).toBe('false');
  });

  it('lays 40 imported opportunities out without overlaps, and a new card in free space', async () => {
    const fresh = await createWorkshop(server.url, 'Trend scan', 'edw');
    const freshDoc = await connectSynced(server.url, fresh.id, fresh.tokens.facilitator);
    clients.push(freshDoc);
    const fiona = await newPerson(browser, WALL);
    people.push(fiona);
    const page = await joinWorkshop(
      fiona,
      localLink(server, fresh.links.facilitator),
      'Fiona',
      'opportunity-board',
    );
    const lengths = [0, 40, 120, 260, 480];
    const rows = Array.from({ length: 40 }, (_, i) => {
      const description = 'Evidence from regional studies, interviews and statistics. '
        .repeat(10)
        .slice(0, lengths[i % lengths.length])
        .trim();
      return `"Trend ${i + 1}: ${TITLES[i % TITLES.length]}","${description}",technology,2030`;
    });
    const csv = ['Title,Description,Kind,Horizon', ...rows].join('\n');
    await page.getByTestId('import-opportunities').click({ timeout: TIMEOUT });
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'trends.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-preview').waitFor({ timeout: TIMEOUT });
    expect(await page.getByTestId('import-submit').textContent()).toBe('Import 40 opportunities');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor({ timeout: TIMEOUT });
    await page.getByTestId('import-close').click();
    // Settled (every card measured and packed), and close enough for every card to render whole
    // (zoomed far out they are fixed-size previews): no two overlap.
    await waitFor(() => listOpportunities(freshDoc.doc).length === 40, 'the import', TIMEOUT);
    await page.getByTestId('zoom-fit').click();
    await page.getByTestId('zoom-in').click();
    await expect
      .poll(async () => (await renderedCardIds(page)).length, { timeout: TIMEOUT })
      .toBe(40);
    await expect.poll(() => overlappingCards(page), { timeout: TIMEOUT }).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/opportunities-40.png` });

    // A card from the toolbar lands in free space, not on another card.
    const id = await addOpportunity(page, 'Labour shortage in care');
    await expect
      .poll(() => page.locator(`[data-card-id="${id}"]`).count(), { timeout: TIMEOUT })
      .toBe(1);
    await expect.poll(() => overlappingCards(page), { timeout: TIMEOUT }).toEqual([]);
    const placed = await page.locator(`[data-card-id="${id}"]`).boundingBox();
    expect(placed).not.toBeNull();
  });

  it("never breaks the wall's current phase mid-word ('Map capaciti es' at 1600×900)", async () => {
    await commandOk(control, { type: 'phase:start', phaseId: 'map-capacities', startTimer: false });
    for (const size of [{ width: 1600, height: 900 }, WALL, { width: 1280, height: 800 }]) {
      const screen = await newPerson(browser, size);
      people.push(screen);
      const page = screen.page;
      await page.goto(localLink(server, workshop.links.projector));
      await expect
        .poll(() => page.getByTestId('wall-phase').textContent(), { timeout: TIMEOUT })
        .toBe('Map capacities');
      await page.evaluate('document.fonts.ready.then(() => true)');
      const [phase] = await checkTitles(
        page,
        '[data-testid="wall-panel"]',
        '[data-testid="wall-phase"]',
      );
      expect(phase, `${size.width}×${size.height}`).toMatchObject({
        brokenWords: [],
        overflow: false,
      });
      expect(phase!.fontPx).toBeGreaterThanOrEqual(20);
      if (size.width === 1600) await page.screenshot({ path: `${SHOTS}/wall-phase-1600.png` });
    }
  });
});
