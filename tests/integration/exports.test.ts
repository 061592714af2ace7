/**
 * Record exports against the real server: every format downloads with the right headers and
 * content (the CSV ZIP unzipped and parsed, the HTML rendered in Chromium, the PDF's own text
 * read back), who may export, the query's validation, the live export before any record, and the
 * 503 when there is no Chromium to print with.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import type * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  createAction,
  createActivity,
  createCapacity,
  createOpportunity,
  listActions,
  listActivities,
} from '../../shared/doc';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { randomId } from '../../shared/ids';
import type { ArchiveResponse, RecordVersionList } from '../../shared/record/api';
import type { WorkshopRecord } from '../../shared/record/schema';
import { LOCALES } from '../../shared/i18n/locales';
import { launchBrowser } from '../support/browser';
import { connectSynced, type TestClient } from '../support/clients';
import { pdfText } from '../support/pdfText';
import { createWorkshop, startTestServer } from '../support/server';

const ORGANISER = randomId(32);
const ACTIVITY = 'Smart guest services, "year-round"';
const CAPACITY = 'ICT research at the University of Innsbruck';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function setup(overrides: { chromiumPath?: string } = {}): Promise<RunningServer> {
  const server = await startTestServer({ organiserToken: ORGANISER, ...overrides });
  servers.push(server);
  return server;
}

/** A workshop with two regions, a capacity, an opportunity, an activity linking both, an action. */
async function workshopWithContent(s: RunningServer): Promise<CreateWorkshopResponse> {
  const w = await createWorkshop(s.url, 'Tyrol – digital tourism EDW', 'edw');
  const host = await connectSynced(s.url, w.id, w.tokens.facilitator);
  clients.push(host);
  const doc = host.doc;
  const tyrol = addRegion(doc, { name: 'Tyrol', country: 'Austria', nuts: 'AT33' });
  addRegion(doc, { name: 'South Tyrol', country: 'Italy', nuts: 'ITH1' });
  const capacity = createCapacity(doc, {
    title: CAPACITY,
    regionId: tyrol,
    kind: 'research',
    strength: 4,
  });
  const opportunity = createOpportunity(doc, { title: '=Smart guests', kind: 'technology-trend' });
  const activity = createActivity(doc, {
    title: ACTIVITY,
    status: 'selected',
    capacityIds: [capacity],
    opportunityIds: [opportunity],
  });
  createAction(doc, { activityId: activity, title: 'Guest app pilot', regionIds: [tyrol] });
  // The server's copy holds it all before anything is exported.
  await serverHas(s, w.id, (d) => listActions(d).length === 1);
  return w;
}

/** Waits until the server's copy of the doc passes `check`. */
async function serverHas(s: RunningServer, id: string, check: (doc: Y.Doc) => boolean) {
  for (let i = 0; i < 500; i++) {
    if (await s.rooms.withDocument(id, check)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the content never reached the server');
}

function exportUrl(s: RunningServer, id: string, query: string): string {
  return `${s.url}/api/workshops/${id}/export?${query}`;
}

function download(s: RunningServer, id: string, query: string, token?: string) {
  return fetch(exportUrl(s, id, query), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function snapshot(s: RunningServer, w: CreateWorkshopResponse): Promise<ArchiveResponse> {
  const res = await fetch(`${s.url}/api/workshops/${w.id}/snapshot`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.tokens.facilitator}` },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ArchiveResponse;
}

describe('export formats', () => {
  it('downloads each format of the latest record with the right headers and content', async () => {
    const s = await setup();
    const w = await workshopWithContent(s);
    await snapshot(s, w);
    const token = w.tokens.participant;

    const json = await download(s, w.id, 'format=json', token);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe(
      'attachment; filename="tyrol-digital-tourism-edw-v1.json"',
    );
    expect(json.headers.get('x-record-version')).toBe('1');
    const record = (await json.json()) as WorkshopRecord;
    expect(record.provenance).toMatchObject({ recordVersion: 1, kind: 'snapshot' });
    expect(record.activities.map((a) => a.title)).toEqual([ACTIVITY]);

    const csv = await download(s, w.id, 'format=csv', token);
    expect(csv.headers.get('content-type')).toBe('application/zip');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="tyrol-digital-tourism-edw-v1.zip"',
    );
    const files = unzipSync(new Uint8Array(await csv.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'actions.csv',
      'activities.csv',
      'capacities.csv',
      'opportunities.csv',
    ]);
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
    const activitiesCsv = utf8.decode(files['activities.csv']);
    expect(activitiesCsv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(activitiesCsv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Title: ACTIVITY,
      Status: 'Selected',
      'Capacities combined': CAPACITY,
      'Opportunities targeted': "'=Smart guests",
    });
    const capacities = Papa.parse<Record<string, string>>(
      utf8.decode(files['capacities.csv']).slice(1),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(capacities[0]).toMatchObject({ Title: CAPACITY, Region: 'Tyrol', Kind: 'Research' });

    const md = await download(s, w.id, 'format=md', token);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toMatch(
      /filename="tyrol-digital-tourism-edw-v1\.md"$/,
    );
    const markdown = await md.text();
    expect(markdown).toContain('# Tyrol – digital tourism EDW');
    expect(markdown).toContain('### 1. Smart guest services, "year-round"');

    const html = await download(s, w.id, 'format=html', token);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toMatch(
      /filename="tyrol-digital-tourism-edw-v1\.html"$/,
    );
    const page = await browser.newPage();
    try {
      await page.setContent(await html.text());
      const text = await page.locator('body').innerText();
      expect(text).toContain(ACTIVITY);
      expect(text).toContain(CAPACITY);
      // The diamond: an overlay chart plus one per region, each polygon drawn.
      expect(await page.locator('svg.diamond-chart').count()).toBe(3);
      expect(await page.locator('svg.diamond-chart polygon[stroke-width="2.5"]').count()).toBe(4);
      const box = await page.locator('svg.diamond-chart').first().boundingBox();
      expect(box?.width).toBeGreaterThan(200);
    } finally {
      await page.close();
    }

    const pdf = await download(s, w.id, 'format=pdf', token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(
      /filename="tyrol-digital-tourism-edw-v1\.pdf"$/,
    );
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = pdfText(bytes).replace(/\s+/g, '');
    expect(printed).toContain(ACTIVITY.replace(/\s+/g, ''));
    expect(printed).toContain('Tyrol–digitaltourismEDW');
    // Page numbers in the footer, a tagged PDF (structure tree) with an outline (bookmarks).
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    expect(printed).toContain(`Page1of${pages}`);
    expect(printed).toContain(`Page${pages}of${pages}`);
    expect(bytes.toString('latin1')).toMatch(/\/StructTreeRoot/);
    expect(bytes.toString('latin1')).toMatch(/\/Outlines/);

    const xlsx = await download(s, w.id, 'format=xlsx', token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers.get('content-disposition')).toMatch(
      /filename="tyrol-digital-tourism-edw-v1\.xlsx"$/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(book.getWorksheet('Activities')!.getRow(2).getCell(3).value).toBe(ACTIVITY);
  });

  it('exports in the language asked for, else the workshop’s, with its CSV separator', async () => {
    const s = await setup();
    const w = await workshopWithContent(s);
    const token = w.tokens.facilitator;
    // The workshop's language (en at creation) unless `lang` says otherwise.
    const english = await download(s, w.id, 'format=html', token);
    expect(english.headers.get('content-language')).toBe('en');
    expect(await english.text()).toContain('<html lang="en">');
    const german = await download(s, w.id, 'format=html&lang=de', token);
    expect(german.headers.get('content-language')).toBe('de');
    const html = await german.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`<h2 id="summary-title">${LOCALES.de.exports.summary.heading}</h2>`);

    const csvOf = async (query: string) => {
      const res = await download(s, w.id, query, token);
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      return new TextDecoder().decode(files['capacities.csv']).split('\r\n')[0]!;
    };
    const fields = LOCALES.fr.exports.fields;
    const firstThree = [fields.id, fields.title, fields.region];
    expect((await csvOf('format=csv&lang=fr')).split(';').slice(0, 3)).toEqual(firstThree);
    expect((await csvOf('format=csv&lang=fr&sep=tab')).split('\t').slice(0, 3)).toEqual(firstThree);
  });

  it('exports an older version on request, and 404s for one that does not exist', async () => {
    const s = await setup();
    const w = await workshopWithContent(s);
    await snapshot(s, w);
    createActivity(clients[0]!.doc, { title: 'Added later' });
    await serverHas(s, w.id, (doc) => listActivities(doc).length === 2);
    await snapshot(s, w);
    const v1 = (await (
      await download(s, w.id, 'format=json&version=1', w.tokens.facilitator)
    ).json()) as WorkshopRecord;
    const v2 = (await (
      await download(s, w.id, 'format=json', w.tokens.facilitator)
    ).json()) as WorkshopRecord;
    expect(v1.activities.map((a) => a.title)).toEqual([ACTIVITY]);
    expect(v2.provenance.recordVersion).toBe(2);
    expect(v2.activities.map((a) => a.title).sort()).toEqual(['Added later', ACTIVITY].sort());

    const missing = await download(s, w.id, 'format=json&version=9', w.tokens.facilitator);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: 'no record version 9',
      code: 'invalidInput',
      requestId: expect.any(String),
    });
  });

  it('exports the live state, without storing it, when there is no record yet', async () => {
    const s = await setup();
    const w = await workshopWithContent(s);
    const res = await download(s, w.id, 'format=json', w.tokens.participant);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-record-version')).toBe('live');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="tyrol-digital-tourism-edw-live.json"',
    );
    const record = (await res.json()) as WorkshopRecord;
    expect(record.activities.map((a) => a.title)).toEqual([ACTIVITY]);
    const versions = (await (
      await fetch(`${s.url}/api/workshops/${w.id}/records`, {
        headers: { authorization: `Bearer ${w.tokens.participant}` },
      })
    ).json()) as RecordVersionList;
    expect(versions.versions).toEqual([]);
  });
});

describe('who may export', () => {
  it('takes any token of the workshop or the organiser token, by header or ?token=, and nothing else', async () => {
    const s = await setup();
    const w = await workshopWithContent(s);
    const other = await createWorkshop(s.url, 'Another workshop');

    const none = await download(s, w.id, 'format=md');
    expect(none.status).toBe(401);
    expect((await none.json()) as { error: string }).toEqual({
      error: 'missing token (Authorization: Bearer, or ?token=)',
      code: 'missingToken',
      requestId: expect.any(String),
    });
    for (const wrong of ['not-a-token', other.tokens.facilitator, randomId(32)]) {
      const res = await download(s, w.id, 'format=md', wrong);
      expect(res.status, wrong).toBe(401);
      expect(await res.json()).toEqual({
        error: 'invalid token for this workshop',
        code: 'invalidToken',
        requestId: expect.any(String),
      });
    }
    for (const token of [
      w.tokens.facilitator,
      w.tokens.participant,
      w.tokens.projector,
      ORGANISER,
    ]) {
      expect((await download(s, w.id, 'format=md', token)).status).toBe(200);
    }
    // A link opened in a browser tab.
    const link = await fetch(exportUrl(s, w.id, `format=md&token=${w.tokens.participant}`));
    expect(link.status).toBe(200);
    expect(await link.text()).toContain(ACTIVITY);
  });

  it('answers 400 for a bad query and 404 for an unknown workshop', async () => {
    const s = await setup();
    const w = await workshopWithContent(s);
    const token = w.tokens.facilitator;
    const cases: [string, string][] = [
      ['', 'format must be one of json, csv, xlsx, md, html, pdf'],
      ['format=docx', 'format must be one of json, csv, xlsx, md, html, pdf'],
      ['format=html&lang=xx', 'lang must be one of en, de, fr, it, sl'],
      ['format=html&lang=DE', 'lang must be one of en, de, fr, it, sl'],
      ['format=csv&sep=pipe', 'sep must be one of comma, semicolon, tab'],
      ['format=json&version=0', 'version must be a whole number from 1'],
      ['format=json&version=two', 'version must be a whole number from 1'],
      ['format=json&colour=red', 'Unrecognized key: "colour"'],
    ];
    for (const [query, error] of cases) {
      const res = await download(s, w.id, query, token);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toBe(error);
    }
    const malformed = await download(s, 'no-such-workshop', 'format=json', token);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: 'not a workshop id',
      code: 'invalidInput',
      requestId: expect.any(String),
    });
    const unknown = await download(s, randomId(), 'format=json', token);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: 'no such workshop',
      code: 'noSuchWorkshop',
      requestId: expect.any(String),
    });
  });
});

describe('PDF without Chromium', () => {
  it('answers 503 with a clear message, and the other formats still work', async () => {
    const s = await setup({ chromiumPath: '/nonexistent/chromium' });
    const w = await workshopWithContent(s);
    const res = await download(s, w.id, 'format=pdf', w.tokens.facilitator);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error:
        'PDF export is not available: Chromium was not found at /nonexistent/chromium (set CHROMIUM_PATH)',
      code: 'pdfUnavailable',
      requestId: expect.any(String),
    });
    // Failed prints give their slot back: more requests than the two slots all get their answer.
    const many = await Promise.all(
      Array.from({ length: 5 }, () => download(s, w.id, 'format=pdf', w.tokens.facilitator)),
    );
    expect(many.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect((await download(s, w.id, 'format=html', w.tokens.facilitator)).status).toBe(200);
  });
});
