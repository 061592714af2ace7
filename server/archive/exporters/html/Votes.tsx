// @jsxRuntime automatic
/** Each revealed vote: its facts, the privacy rule it ran under, and one bar per card by helix. */
import type { ReactNode } from 'react';
import { VOTE_SPLIT_OTHER } from '../../../../shared/control/votes';
import type { RecordVote } from '../../../../shared/record/schema';
import { splitKeyName, tallyText, voteFacts } from '../recordIndex';
import type { ExportVocabulary } from '../vocabulary';
import {
  Bars,
  HELIX_COLORS,
  HELIX_KEYS,
  HelixLegend,
  Section,
  type BarRow,
  type ReportProps,
} from './blocks';

function helixSegments(tally: Record<string, number>, words: ExportVocabulary, other: string) {
  return [
    ...HELIX_KEYS.map((h) => ({
      value: tally[h] ?? 0,
      color: HELIX_COLORS[h]!,
      name: words.helix[h],
    })),
    { value: tally[VOTE_SPLIT_OTHER] ?? 0, color: HELIX_COLORS[VOTE_SPLIT_OTHER]!, name: other },
  ];
}

function Vote({ vote, index, words }: Omit<ReportProps, 'record'> & { vote: RecordVote }) {
  const { t } = words;
  // Not Math.max(...cards): a peer-written vote can hold more cards than a call takes arguments.
  const max = vote.cards.reduce((most, c) => Math.max(most, c.total), 1);
  const other = words.voteOther(vote.splitMinVoters ?? 0);
  const rows: BarRow[] = vote.cards.map((c) => {
    const helix = Object.values(c.byHelix).some((n) => n > 0);
    const regions = tallyText(c.byRegion, (r) =>
      splitKeyName(r, vote, words, (key) => index.regionName(key)),
    );
    return {
      label: `${c.rank}. ${c.removed ? `${c.title} (${words.removed})` : c.title}`,
      total: c.total,
      // A split left out (vote privacy) draws the total as one bar.
      segments: helix ? helixSegments(c.byHelix, words, other) : undefined,
      note: regions || (c.total > 0 ? words.voteSplitHidden : ''),
    };
  });
  const rule =
    typeof vote.splitMinVoters === 'number' && vote.splitMinVoters > 1
      ? ` ${t('votes.splitRule', { count: vote.splitMinVoters })}`
      : '';
  return (
    <div className="vote">
      <h3>{vote.title || t('votes.untitled')}</h3>
      <p className="muted">{voteFacts(vote, words) + rule}</p>
      <Bars rows={rows} max={max} />
    </div>
  );
}

export function Votes({ record, index, words }: ReportProps): ReactNode {
  if (record.votes.length === 0) return null;
  const merged = record.votes.find((v) =>
    v.cards.some((c) => (c.byHelix[VOTE_SPLIT_OTHER] ?? 0) > 0),
  );
  return (
    <Section id="votes" title={words.t('votes.heading')}>
      <HelixLegend
        words={words}
        other={merged ? words.voteOther(merged.splitMinVoters ?? 0) : null}
      />
      {record.votes.map((vote, i) => (
        <Vote key={i} vote={vote} index={index} words={words} />
      ))}
    </Section>
  );
}
