// @jsxRuntime automatic
/** The building blocks every section of the HTML report uses: section, facts, bars, legend, chips. */
import type { ReactNode } from 'react';
import { HELICES } from '../../../../shared/domain/s3';
import { VOTE_SPLIT_OTHER } from '../../../../shared/control/votes';
import type { WorkshopRecord } from '../../../../shared/record/schema';
import type { RecordIndex } from '../recordIndex';
import type { ExportVocabulary } from '../vocabulary';

/** What every section is drawn from. */
export interface ReportProps {
  record: WorkshopRecord;
  index: RecordIndex;
  words: ExportVocabulary;
}

/** One colour per helix for the participants' and the votes' split bars. */
export const HELIX_COLORS: Record<string, string> = {
  business: '#3b5bdb',
  research: '#2b8a3e',
  government: '#e8590c',
  'civil-society': '#c2255c',
  cluster: '#0c8599',
  unspecified: '#adb5bd',
  /** The vote split's merged small groups. */
  [VOTE_SPLIT_OTHER]: '#495057',
};
export const HELIX_KEYS = [...HELICES, 'unspecified'] as const;

/** A major section: a page of its own when printed. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}): ReactNode {
  return (
    <section className="report-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Label and value pairs; pairs with an empty value are left out. */
export function Facts({ facts }: { facts: [string, string][] }): ReactNode {
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value !== '')
        .map(([label, value]) => [
          <dt key={`${label}-dt`}>{label}</dt>,
          <dd key={`${label}-dd`}>{value}</dd>,
        ])}
    </dl>
  );
}

export interface BarSegment {
  value: number;
  color: string;
  name: string;
}

export interface BarRow {
  label: string;
  total: number;
  /** The bar split into coloured segments (one segment of the total when absent). */
  segments?: BarSegment[] | undefined;
  note?: string;
}

/** Horizontal bars: label, bar (optionally split into coloured segments), total. */
export function Bars({ rows, max }: { rows: BarRow[]; max: number }): ReactNode {
  const scale = Math.max(1, max);
  return (
    <div className="bars">
      {rows.map((row, i) => {
        const segments = row.segments ?? [{ value: row.total, color: '#3b5bdb', name: row.label }];
        return [
          <div key={`${i}-label`}>{row.label}</div>,
          <div key={`${i}-bar`} className="bar" role="presentation">
            {segments
              .filter((s) => s.value > 0)
              .map((s, k) => (
                <span
                  key={k}
                  style={{ width: `${((100 * s.value) / scale).toFixed(2)}%`, background: s.color }}
                  title={`${s.name}: ${s.value}`}
                />
              ))}
          </div>,
          <div key={`${i}-total`} className="bar__total">
            {row.total}
          </div>,
          row.note ? (
            <div key={`${i}-note`} className="split">
              {row.note}
            </div>
          ) : null,
        ];
      })}
    </div>
  );
}

/** Colour keys: the helices, and the merged small groups' when a vote has them. */
export function Legend({ items }: { items: { name: string; color: string }[] }): ReactNode {
  return (
    <ul className="legend">
      {items.map((item, i) => (
        <li key={i}>
          <i style={{ background: item.color }} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

/** The helices' legend, with the merged small groups (`other`: their name) when there are any. */
export function HelixLegend({
  words,
  other = null,
}: {
  words: ExportVocabulary;
  other?: string | null;
}): ReactNode {
  const items = HELIX_KEYS.map((h) => ({ name: words.helix[h], color: HELIX_COLORS[h]! }));
  if (other) items.push({ name: other, color: HELIX_COLORS[VOTE_SPLIT_OTHER]! });
  return <Legend items={items} />;
}

export function Chips({ items }: { items: { text: string; removed?: boolean }[] }): ReactNode {
  return (
    <ul className="chips">
      {items.map((item, i) => (
        <li key={i} className={item.removed ? 'removed' : undefined}>
          {item.text}
        </li>
      ))}
    </ul>
  );
}
