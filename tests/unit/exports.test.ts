/**
 * The record exporters as pure functions: the CSV ZIP parsed back with a real CSV parser (BOM,
 * CRLF, headers, awkward values round-trip, formula cells defused), the Markdown and HTML reports'
 * content and escaping. The record is the golden fixture's, with hostile values added.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import { cardBody, createCapacity, createOpportunity, getCard } from '../../shared/doc';
import { writePlainText } from '../../shared/import/rows';
import { extractRecord } from '../../shared/record/extract';
import {
  FIXTURE_ARCHIVED_AT,
  buildFixtureWorkshop,
  fixtureFacts,
} from '../fixtures/recordWorkshop';
import {
  CSV_FILES,
  exportCsvZip,
  exportHtml,
  exportJson,
  exportMarkdown,
  slugify,
} from '../../server/archive/exporters';
import { exportVocabulary, VOCABULARY_EN } from '../../server/archive/exporters/vocabulary';

const golden = recordSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/record-golden.json'), 'utf8')),
);

const AWKWARD = 'Guest apps, "smart" and local\nsecond line; third';
const FORMULAS = [
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd',
  '\tTAB',
  '=1+1\n=2+2',
];

/** The fixture with a comma/quote/newline title, formula-like values and an XSS attempt. */
function hostileRecord(): WorkshopRecord {
  const record = structuredClone(golden);
  record.workshop.title = 'Alpine <script>alert(1)</script> & "tourism"';
  record.activities[0]!.title = AWKWARD;
  record.activities[1]!.structuralChange = FORMULAS[0]!;
  record.actions[0]!.lead = FORMULAS[1]!;
  record.actions[0]!.partners = [FORMULAS[2]!];
  record.capacities[2]!.title = FORMULAS[3]!;
  record.opportunities[0]!.title = FORMULAS[4]!;
  record.opportunities[1]!.title = FORMULAS[5]!;
  return recordSchema.parse(record);
}

function unzipCsv(record: WorkshopRecord): Record<string, string> {
  const files = unzipSync(exportCsvZip(record));
  // ignoreBOM: keep the BOM in the text, to check it is there.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, utf8.decode(bytes)]),
  );
}

function parseCsv(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV export', () => {
  const record = hostileRecord();
  const files = unzipCsv(record);

  it('zips the four tables, each UTF-8 with a BOM and CRLF line ends', () => {
    expect(Object.keys(files).sort()).toEqual([...CSV_FILES].sort());
    for (const name of CSV_FILES) {
      const text = files[name]!;
      expect(text.startsWith('\uFEFF'), name).toBe(true);
      // Every line break outside quoted cells is CRLF: the header row ends with one.
      expect(text.split('\r\n')[0]).not.toContain('\n');
      expect(text.endsWith('\r\n')).toBe(true);
    }
  });

  it('lists the activities by rank with their links resolved to titles', () => {
    const rows = parseCsv(files['activities.csv']!);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining([
        'ID',
        'Rank',
        'Title',
        'Capacities combined',
        'Opportunities targeted',
      ]),
    );
    expect(rows.map((r) => r.Rank)).toEqual(['1', '2', '']);
    const first = rows[0]!;
    expect(first['Capacity IDs']).toBe('#1; #2');
    expect(first['Capacities combined']).toBe(
      'Alpine tourism industry; ICT research at the University of Innsbruck; Old ski lifts (deleted)',
    );
    // The linked opportunity's title is a formula-like one: defused here too.
    expect(first['Opportunities targeted']).toBe(`'${FORMULAS[4]}`);
    expect(first['Cross-regional needs']).toBe('South Tyrol: Mountain rescue sensors');
    expect(first.Status).toBe('Selected');
  });

  it('round-trips a value with quotes, commas and newlines', () => {
    const rows = parseCsv(files['activities.csv']!);
    expect(rows[0]!.Title).toBe(AWKWARD);
    expect(files['activities.csv']).toContain(
      '"Guest apps, ""smart"" and local\nsecond line; third"',
    );
  });

  it("prefixes cells a spreadsheet would run as a formula with '", () => {
    const activities = parseCsv(files['activities.csv']!);
    const actions = parseCsv(files['actions.csv']!);
    const capacities = parseCsv(files['capacities.csv']!);
    const opportunities = parseCsv(files['opportunities.csv']!);
    expect(activities[1]!['Structural change']).toBe(`'${FORMULAS[0]}`);
    expect(actions[0]!.Lead).toBe(`'${FORMULAS[1]}`);
    expect(actions[0]!.Partners).toBe(`'${FORMULAS[2]}`);
    expect(capacities[2]!.Title).toBe(`'${FORMULAS[3]}`);
    expect(opportunities[0]!.Title).toBe(`'${FORMULAS[4]}`);
    // A multi-line cell is defused too (papaparse's own pattern misses those).
    expect(opportunities[1]!.Title).toBe(`'${FORMULAS[5]}`);
    // Numbers stay numbers; plain text is untouched.
    expect(actions[0]!['Budget (EUR)']).toBe('850000');
    expect(capacities[0]!.Title).toBe('Alpine tourism industry');
    for (const text of Object.values(files)) {
      const cells = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data.flat();
      for (const cell of cells)
        expect(cell, 'an undefused formula cell').not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('names regions, not ids, and says which activities use a card', () => {
    const capacities = parseCsv(files['capacities.csv']!);
    expect(capacities.map((c) => c.Region)).toEqual(['Tyrol', 'Tyrol', 'South Tyrol']);
    expect(capacities[0]!['Used by activities']).toBe(
      `${AWKWARD}; Climate-resilient mountain tourism`,
    );
    expect(capacities[0]!.Holders).toBe(
      'Tirol Werbung (Government); Hotel cluster Tyrol (Cluster organisation)',
    );
    const actions = parseCsv(files['actions.csv']!);
    expect(actions[0]!.Regions).toBe('Tyrol; South Tyrol');
    expect(actions[0]!.Activity).toBe(AWKWARD);
    const opportunities = parseCsv(files['opportunities.csv']!);
    expect(opportunities.map((o) => o.Group)).toEqual(['Digitalisation', 'Climate', '']);
  });
});

describe('Markdown export', () => {
  const md = exportMarkdown(golden);

  it('has the title, the activities in rank order and their links', () => {
    expect(md.startsWith('# Alpine digital tourism EDW\n')).toBe(true);
    const first = md.indexOf('### 1. Digital services for tourism (rank 1)');
    const second = md.indexOf('### 2. Climate-resilient mountain tourism (rank 2)');
    const third = md.indexOf('### 3. Ski lift museum');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(md).toContain('- ICT research at the University of Innsbruck');
    expect(md).toContain('- Old ski lifts (deleted)');
    // The activity's description keeps its list as Markdown.
    expect(md).toContain(
      'Guest apps built with local start-ups, strong link\n- booking\n- guiding',
    );
    expect(md).toContain('| Joint R&D project on guest apps | Digital services for tourism |');
    // Template phases by their names, with the times they actually ran.
    expect(md).toContain(
      '| Map capacities | 40 min | 2026-11-23 09:20 UTC | 2026-11-23 10:05 UTC | 45 min |',
    );
  });

  it("names a vote's merged small groups and says why", () => {
    expect(md).toContain(
      'To keep the vote secret, helices and regions with fewer than 3 voters are counted together as “other”.',
    );
    expect(md).toMatch(
      /\| 1 \| Digital services for tourism \| 9 \| Business 5, Other \(groups under 3 voters\) 4 \| Tyrol 6, South Tyrol 3 \|/,
    );
    const html = exportHtml(golden);
    expect(html).toContain('Other (groups under 3 voters)');
    expect(html).not.toContain('Removed region');
  });

  it('escapes Markdown in values so a title cannot break a table', () => {
    const out = exportMarkdown(hostileRecord());
    expect(out).toContain('# Alpine \\<script\\>alert(1)\\</script\\> & "tourism"');
    // The newline inside the activity title does not split its action table row.
    const row = out.split('\n').find((line) => line.startsWith('| Joint R&D project'));
    expect(row).toContain('Guest apps, "smart" and local / second line; third');
  });
});

/** The fixture workshop with cards imported from a spreadsheet: accents, line breaks, parentheses. */
function importedWorkshopRecord(): WorkshopRecord {
  const { doc, control, people } = buildFixtureWorkshop();
  const capacity = createCapacity(doc, {
    title: 'Lawinenforschung (SLF) – Südtirol',
    regionId: 'ITH1',
    kind: 'research',
    evidenceUrl: 'https://example.org/Südtirol_(2024)/report',
    holders: [{ name: 'Eurac Research (Bozen)', helix: 'research' }],
  });
  writePlainText(
    cardBody(getCard(doc, capacity)!)!,
    'Forschung für Skigebiete (Lawinen, Schnee) — 40 Forschende\nZweite Zeile: Hütten & Pässe',
  );
  const opportunity = createOpportunity(doc, {
    title: 'Tourisme d’été (après 2030)',
    kind: 'societal-challenge',
    horizon: 'long',
    sourceUrl: 'https://example.org/tendances?année=2035',
  });
  writePlainText(
    cardBody(getCard(doc, opportunity)!)!,
    'Étés plus longs, glaciers en recul (−40 %)\nDeuxième ligne : randonnée',
  );
  return recordSchema.parse(
    extractRecord(doc, control, people, {
      version: 1,
      kind: 'archive',
      archivedAt: FIXTURE_ARCHIVED_AT,
      workshop: fixtureFacts(),
    }),
  );
}

describe('Markdown export of every card field', () => {
  const record = importedWorkshopRecord();
  const out = exportMarkdown(record);

  it("carries each capacity's and opportunity's description and evidence or source link", () => {
    const cards = [
      ...record.capacities.map((c) => ({ ...c, url: c.evidenceUrl })),
      ...record.opportunities.map((o) => ({ ...o, url: o.sourceUrl })),
    ];
    for (const card of cards) {
      expect(out).toContain(`#### ${card.title}\n`);
      // Every line of the description, in order, each block its own paragraph or list item.
      const lines = card.description.text.split('\n');
      let at = out.indexOf(`#### ${card.title}\n`);
      for (const line of lines) {
        const next = out.indexOf(`\n${line.replace(/_/g, '\\_')}\n`, at);
        expect(next, `${card.title}: ${line}`).toBeGreaterThan(at);
        at = next;
      }
      const target = card.url.replace(/\(/g, '%28').replace(/\)/g, '%29');
      if (card.url) expect(out).toContain(`](${target})`);
    }
  });

  it('keeps accents, line breaks and parentheses intact', () => {
    expect(out).toContain(
      '#### Lawinenforschung (SLF) – Südtirol\n\n' +
        '- **Kind:** Research\n' +
        '- **Field:** not set\n' +
        '- **Strength:** not set\n' +
        '- **Holders:** Eurac Research (Bozen) (Research)\n' +
        '- **Evidence:** [https://example.org/Südtirol\\_(2024)/report](https://example.org/Südtirol_%282024%29/report)\n' +
        '- **Used by:** not set\n\n' +
        'Forschung für Skigebiete (Lawinen, Schnee) — 40 Forschende\n\n' +
        'Zweite Zeile: Hütten & Pässe\n',
    );
    expect(out).toContain(
      '#### Tourisme d’été (après 2030)\n\n' +
        '- **Kind:** Societal challenge\n' +
        '- **Time horizon:** More than 5 years\n' +
        '- **Source:** [https://example.org/tendances?année=2035](https://example.org/tendances?année=2035)\n' +
        '- **Targeted by:** not set\n\n' +
        'Étés plus longs, glaciers en recul (−40 %)\n\n' +
        'Deuxième ligne : randonnée\n',
    );
    // The fixture's own capacity: its body's list, holders with helix, strength, field, users.
    expect(out).toContain(
      '#### Alpine tourism industry\n\n' +
        '- **Kind:** Industry\n' +
        '- **Field:** Tourism\n' +
        '- **Strength:** 5/5\n' +
        '- **Holders:** Tirol Werbung (Government), Hotel cluster Tyrol (Cluster organisation)\n' +
        '- **Evidence:** [https://www.tirol.gv.at/statistik](https://www.tirol.gv.at/statistik)\n' +
        '- **Used by:** Digital services for tourism, Climate-resilient mountain tourism\n\n' +
        'Eleven million guests a year, strong link\n- ski resorts\n- summer hiking\n',
    );
  });

  it('carries every action field and links only http(s) URLs', () => {
    expect(out).toContain(
      '#### Joint R&D project on guest apps\n\n' +
        '- **Activity:** Digital services for tourism\n' +
        '- **Type:** R&D project\n' +
        '- **Status:** Planned\n' +
        '- **Lead:** University of Innsbruck\n' +
        '- **Partners:** Start-up Tyrol, EURAC Research\n' +
        '- **Regions:** Tyrol, South Tyrol\n' +
        '- **Start:** 2027-01-01\n' +
        '- **End:** 2028-12-31\n' +
        '- **Budget:** EUR 850,000\n' +
        '- **Funding source:** Synchronised cross-regional call\n' +
        '- **Cluster service:** Matchmaking\n' +
        '- **Indicators:**\n' +
        '  - Output: Apps piloted (apps) 0 → 3\n' +
        '  - Result: Off-season overnight stays (%) not set → 10\n',
    );
    expect(out).toContain('- EURAC Research (Research, South Tyrol)');
    const hostile = structuredClone(record);
    hostile.capacities[0]!.evidenceUrl = 'javascript:alert(1)';
    hostile.opportunities[0]!.sourceUrl = 'https://evil.example/a) [x](javascript:alert(1)';
    const text = exportMarkdown(recordSchema.parse(hostile));
    // No link to javascript: (an escaped \\] in link text is not the end of one).
    expect(text).not.toMatch(/[^\\]\]\(javascript:/);
    expect(text).toContain('- **Evidence:** javascript:alert(1)\n');
    expect(text).toContain('(https://evil.example/a%29%20[x]%28javascript:alert%281%29)');
  });
});

describe('HTML export', () => {
  it('escapes every value and carries the diamond as inline SVG', () => {
    const html = exportHtml(hostileRecord());
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      'Alpine &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tourism&quot;',
    );
    expect(html).toMatch(/<svg[^>]*class="diamond-chart"/);
    // One overlay polygon per region, plus one small chart per region.
    expect(html.match(/class="diamond-series"/g)).toHaveLength(2 * golden.diamond.series.length);
    expect(html).toContain('<a href="https://s3platform.jrc.ec.europa.eu">');
  });

  it('drops links that are not http(s) or mailto', () => {
    const record = structuredClone(golden);
    record.capacities[0]!.evidenceUrl = 'javascript:alert(1)';
    const html = exportHtml(recordSchema.parse(record));
    expect(html).not.toContain('javascript:');
  });
});

describe('JSON export and file names', () => {
  it('is the record itself', () => {
    expect(JSON.parse(exportJson(golden))).toEqual(golden);
  });

  it('slugs titles to ASCII file names', () => {
    expect(slugify('Südtirol: Digitale Dienste / 2026!')).toBe('sudtirol-digitale-dienste-2026');
    expect(slugify('<>')).toBe('workshop');
  });
});

describe('HTML report rendered from components', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>';
  const CLOSE_SCRIPT = '</script><script>alert(2)</script>';
  /** Text that must come out as written: accents, a line break, replacement and i18next syntax. */
  const FAITHFUL = 'Südtirol – été “ok”\nzweite Zeile $& $1 {{count}} $t(exports.notSet)';

  function hostileHtmlRecord(): WorkshopRecord {
    const record = structuredClone(golden);
    record.capacities[0]!.title = HOSTILE;
    record.capacities[0]!.evidenceUrl = 'https://example.org/?q="><img src=x onerror=alert(3)>';
    record.capacities[1]!.title = CLOSE_SCRIPT;
    record.capacities[1]!.holders = [{ name: `${HOSTILE} Ltd`, helix: 'business' }];
    record.workshop.regions[0]!.name = CLOSE_SCRIPT;
    record.votes[0]!.title = HOSTILE;
    record.activities[0]!.votes[0]!.title = HOSTILE;
    record.activities[1]!.title = FAITHFUL;
    record.activities[1]!.structuralChange = `${HOSTILE}\n${CLOSE_SCRIPT}`;
    record.opportunities[0]!.description.doc.content = [
      { type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: CLOSE_SCRIPT,
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }],
          },
        ],
      },
    ];
    record.opportunities[0]!.description.text = `${HOSTILE}\n${CLOSE_SCRIPT}`;
    return recordSchema.parse(record);
  }

  it('escapes a hostile title, name, vote, rich text and link: no element, script or handler gets through', () => {
    const html = exportHtml(hostileHtmlRecord());
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<\/script/i);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    // In an attribute the quote cannot end the value.
    expect(html).toContain(
      'href="https://example.org/?q=&quot;&gt;&lt;img src=x onerror=alert(3)&gt;"',
    );
    // Every tag in the report is one the report itself writes.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!));
    for (const tag of ['img', 'script', 'iframe', 'object']) expect(tags).not.toContain(tag);
  });

  it('keeps user text as written (accents, line breaks, $ patterns, i18next syntax)', () => {
    const record = hostileHtmlRecord();
    const escaped = FAITHFUL.replace(/&/g, '&amp;');
    expect(exportHtml(record)).toContain(escaped);
    expect(exportMarkdown(record)).toContain(
      'Südtirol – été “ok” / zweite Zeile $& $1 {{count}} $t(exports.notSet)',
    );
    const activities = parseCsv(unzipCsv(record)['activities.csv']!);
    expect(activities.map((a) => a.Title)).toContain(FAITHFUL);
  });

  it('counts with i18next plurals: 0, 1 and 2', () => {
    const outputs = [0, 1, 2].map((n) => {
      const record = structuredClone(golden);
      record.participants.total = n;
      record.votes[0]!.voters = n;
      // At least one dot each: a vote cannot be set up with none.
      record.votes[0]!.budget = Math.max(1, n);
      record.votes[0]!.splitMinVoters = 2;
      record.activities[0]!.votes[0]!.total = n;
      const parsed = recordSchema.parse(record);
      return {
        html: exportHtml(parsed),
        md: exportMarkdown(parsed),
        csv: parseCsv(unzipCsv(parsed)['activities.csv']!),
      };
    });
    const [zero, one, two] = outputs as [
      (typeof outputs)[0],
      (typeof outputs)[0],
      (typeof outputs)[0],
    ];
    for (const [out, words] of [
      [zero, ['0 participants took part.', '0 voters, 1 dot each', 'Which activities? — 0 dots']],
      [one, ['1 participant took part.', '1 voter, 1 dot each', 'Which activities? — 1 dot,']],
      [two, ['2 participants took part.', '2 voters, 2 dots each', 'Which activities? — 2 dots']],
    ] as const) {
      for (const text of words) {
        expect(out.html).toContain(text);
        expect(out.md).toContain(text);
      }
    }
    expect(one.csv[0]!.Votes).toBe('Which activities? — 1 dot, rank 1');
    expect(two.csv[0]!.Votes).toBe('Which activities? — 2 dots, rank 1');
    expect(one.md).not.toMatch(/\b1 (participants|voters|dots)\b/);
    expect(one.html).not.toMatch(/\b1 (participants|voters|dots)\b/);
    // The vote's merged small groups under a rule of 2 voters.
    expect(two.md).toContain('fewer than 2 voters are counted together');
  });

  it('says "still running" for a phase not ended, in HTML and Markdown alike', () => {
    const html = exportHtml(golden);
    const md = exportMarkdown(golden);
    expect(md).toContain('| still running |');
    expect(html).toContain('<td class="num">still running</td>');
  });
});

describe('export vocabulary', () => {
  it('falls back to English for a language without resources, and says so in the report', () => {
    const words = exportVocabulary('xx');
    expect(words).toBe(VOCABULARY_EN);
    expect(words.t('participants.total', { count: 1 })).toBe('1 participant took part.');
    expect(exportHtml(golden, words)).toContain('<html lang="en">');
  });
});
