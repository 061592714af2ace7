/**
 * A revealed vote: the cards ranked by dots as bars, each bar split by helix and, below it, by
 * region (regions named from the workshop, helices from the S3 vocabulary), with legends. `wall`
 * is the projector's large version. Read from the doc, so every screen shows the same record.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CardVoteResult, VoteResult } from '@shared/control/votes';
import { HELICES, type Helix, type Region } from '@shared/domain/s3';
import { HELIX_COLORS, regionColor } from '@client/boards/capacity-map/visuals';
import {
  HELIX_ORDER,
  maxTotal,
  OTHER,
  segmentsOf,
  splitKeys,
  splitLabel,
  splitTotals,
  UNSPECIFIED,
  type SplitBy,
  type Translate,
} from './results';
import { useCardLabels, useRegions } from './useVoting';

const UNSPECIFIED_COLOR = '#adb5bd';
const UNKNOWN_COLOR = '#868e96';
const OTHER_COLOR = '#495057';

interface SplitStyle {
  label: (key: string) => string;
  color: (key: string) => string;
}

/** `minVoters`: the result's privacy threshold; its "other" key holds the groups under it. */
function useSplitStyles(
  regions: Region[],
  minVoters: number | undefined,
): Record<SplitBy, SplitStyle> {
  const { t } = useTranslation();
  const isHelix = (key: string): key is Helix => (HELICES as readonly string[]).includes(key);
  const regionIndex = new Map(regions.map((r, i) => [r.id, i]));
  const isOther = (key: string) => key === OTHER && minVoters !== undefined;
  const translate: Translate = (key, options) => String(t(key as never, options as never));
  return {
    byHelix: {
      label: (key) => splitLabel('byHelix', key, regions, minVoters, translate),
      color: (key) =>
        isOther(key) ? OTHER_COLOR : isHelix(key) ? HELIX_COLORS[key] : UNSPECIFIED_COLOR,
    },
    byRegion: {
      label: (key) => splitLabel('byRegion', key, regions, minVoters, translate),
      color: (key) => {
        if (isOther(key)) return OTHER_COLOR;
        const index = regionIndex.get(key);
        if (index !== undefined) return regionColor(index);
        return key === UNSPECIFIED ? UNSPECIFIED_COLOR : UNKNOWN_COLOR;
      },
    },
  };
}

interface ResultsViewProps {
  result: VoteResult;
  doc: Y.Doc | null;
  wall?: boolean;
  /** The heading's id, for the dialog that labels itself with it. */
  headingId?: string;
}

export function ResultsView({ result, doc, wall = false, headingId }: ResultsViewProps) {
  const { t } = useTranslation();
  const regions = useRegions(doc);
  const labelOf = useCardLabels(doc);
  const minVoters = result.splitMinVoters;
  const styles = useSplitStyles(regions, minVoters);
  const keys: Record<SplitBy, string[]> = {
    byHelix: splitKeys(result.cards, 'byHelix', HELIX_ORDER),
    byRegion: splitKeys(
      result.cards,
      'byRegion',
      regions.map((r) => r.id),
    ),
  };
  const scale = maxTotal(result);
  const title = result.title || t('voting.untitled');
  const anyDots = result.cards.some((c) => c.total > 0);
  // What the privacy rule did, said once: small groups merged, or a split left out entirely.
  const privacyNotes =
    minVoters !== undefined && minVoters > 1 && anyDots
      ? [
          t('voting.results.privacy', { min: minVoters }),
          ...(keys.byHelix.length === 0
            ? [t('voting.results.helixHidden', { min: minVoters })]
            : []),
          ...(keys.byRegion.length === 0
            ? [t('voting.results.regionHidden', { min: minVoters })]
            : []),
        ]
      : [];

  return (
    <div
      className={wall ? 'vote-results vote-results--wall' : 'vote-results'}
      data-testid="vote-results"
      data-vote-id={result.voteId}
    >
      <header className="vote-results__header">
        <h2 id={headingId} className="vote-results__title">
          {t('voting.results.title', { title })}
        </h2>
        <p className="vote-results__summary" data-testid="vote-results-summary">
          {result.voters > 0
            ? t('voting.results.summary', { count: result.voters, budget: result.budget })
            : t('voting.results.nobody')}
        </p>
        {privacyNotes.length > 0 && (
          <p className="vote-results__privacy" data-testid="vote-results-privacy">
            {privacyNotes.join(' ')}
          </p>
        )}
      </header>
      {(['byHelix', 'byRegion'] as const).map(
        (by) =>
          keys[by].length > 0 && (
            <Legend key={by} by={by} keys={keys[by]} cards={result.cards} style={styles[by]} />
          ),
      )}
      <ol className="vote-results__list" aria-label={t('voting.results.chart')}>
        {result.cards.map((card) => {
          const label = labelOf(card.cardId);
          const name = label.title || t('voting.untitledCard');
          return (
            <ResultRow
              key={card.cardId}
              card={card}
              title={label.removed ? t('voting.removedCard', { title: name }) : name}
              scale={scale}
              keys={keys}
              styles={styles}
            />
          );
        })}
      </ol>
    </div>
  );
}

function Legend(props: {
  by: SplitBy;
  keys: string[];
  cards: CardVoteResult[];
  style: SplitStyle;
}) {
  const { t } = useTranslation();
  const totals = splitTotals(props.cards, props.by);
  const heading =
    props.by === 'byHelix' ? t('voting.results.byHelix') : t('voting.results.byRegion');
  return (
    <div className="vote-legend" data-testid={`vote-legend-${props.by}`}>
      <span className="vote-legend__heading">{heading}</span>
      <ul className="vote-legend__items">
        {props.keys.map((key) => (
          <li key={key} className="vote-legend__item" data-key={key}>
            <span
              className="vote-legend__swatch"
              style={{ background: props.style.color(key) }}
              aria-hidden="true"
            />
            {props.style.label(key)}
            <span className="vote-legend__count">{totals.get(key) ?? 0}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ResultRow(props: {
  card: CardVoteResult;
  title: string;
  scale: number;
  keys: Record<SplitBy, string[]>;
  styles: Record<SplitBy, SplitStyle>;
}) {
  const { t } = useTranslation();
  const { card, title, scale, keys, styles } = props;
  const podium = card.rank <= 3 && card.total > 0 ? ` vote-result--${card.rank}` : '';
  const describe = (by: SplitBy) =>
    segmentsOf(card, by, keys[by])
      .map((s) => t('voting.results.split', { label: styles[by].label(s.key), count: s.value }))
      .join(', ');
  return (
    <li
      className={`vote-result${podium}`}
      data-testid="vote-result"
      data-card-id={card.cardId}
      data-rank={card.rank}
      data-total={card.total}
    >
      <span className="vote-result__rank" aria-hidden="true">
        {t('voting.results.rank', { rank: card.rank })}
      </span>
      <span className="vote-result__title">
        <span className="visually-hidden">
          {t('voting.results.row', { rank: card.rank, title, total: card.total })}
        </span>
        <span aria-hidden="true">{title}</span>
      </span>
      <span className="vote-result__total" aria-hidden="true" data-testid="vote-result-total">
        {t('voting.results.total', { count: card.total })}
      </span>
      {card.total > 0 && (
        <div className="vote-result__bars">
          {(['byHelix', 'byRegion'] as const)
            .filter((by) => keys[by].length > 0)
            .map((by) => (
              <div key={by} className="vote-bar-line">
                <span className="vote-bar-line__label" aria-hidden="true">
                  {by === 'byHelix' ? t('voting.results.helix') : t('voting.results.region')}
                </span>
                <div className="vote-bar-line__track">
                  <div
                    className={`vote-bar-chart vote-bar-chart--${by}`}
                    style={{ width: `${(card.total / scale) * 100}%` } as CSSProperties}
                    data-testid={`vote-split-${by}`}
                  >
                    <span className="visually-hidden">
                      {by === 'byHelix'
                        ? t('voting.results.byHelix')
                        : t('voting.results.byRegion')}
                      : {describe(by)}
                    </span>
                    {segmentsOf(card, by, keys[by]).map((segment) => (
                      <span
                        key={segment.key}
                        className="vote-bar-chart__segment"
                        style={{
                          flexGrow: segment.value,
                          background: styles[by].color(segment.key),
                        }}
                        title={t('voting.results.split', {
                          label: styles[by].label(segment.key),
                          count: segment.value,
                        })}
                        data-key={segment.key}
                        data-value={segment.value}
                        aria-hidden="true"
                      >
                        {segment.value}
                      </span>
                    ))}
                  </div>
                </div>
              </div>
            ))}
          {keys.byHelix.length === 0 && keys.byRegion.length === 0 && (
            // No split could be shown safely: the total alone, as one bar.
            <div className="vote-bar-line">
              <span className="vote-bar-line__label" aria-hidden="true" />
              <div className="vote-bar-line__track">
                <div
                  className="vote-bar-chart"
                  style={{ width: `${(card.total / scale) * 100}%` } as CSSProperties}
                  data-testid="vote-split-none"
                  aria-hidden="true"
                >
                  <span
                    className="vote-bar-chart__segment"
                    style={{ flexGrow: 1, background: OTHER_COLOR }}
                  >
                    {card.total}
                  </span>
                </div>
              </div>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
