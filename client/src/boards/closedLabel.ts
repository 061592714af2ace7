/**
 * The label of a closed (enum) field of the S3 vocabulary, or "Not set" for '' (nobody chose a
 * value; see NOT_SET in shared/domain/s3.ts). One place, so no board shows a guessed value.
 */
import type { TFunction } from 'i18next';
import {
  NOT_SET,
  type ActionStatus,
  type ActionType,
  type CapacityKind,
  type FundingSource,
  type Helix,
  type IndicatorKind,
  type NotSet,
  type OpportunityKind,
  type TimeHorizon,
} from '@shared/domain/s3';

interface ClosedVocabulary {
  helix: Helix;
  capacityKind: CapacityKind;
  opportunityKind: OpportunityKind;
  horizon: TimeHorizon;
  actionType: ActionType;
  fundingSource: FundingSource;
  actionStatus: ActionStatus;
  indicatorKind: IndicatorKind;
}

export function closedLabel<V extends keyof ClosedVocabulary>(
  t: TFunction,
  vocabulary: V,
  value: ClosedVocabulary[V] | NotSet,
): string {
  if (value === NOT_SET) return t('s3.notSet');
  // The key is one of s3.<vocabulary>.<value> by the types above.
  return t(`s3.${vocabulary}.${value}` as 's3.notSet');
}

/** Class for a value shown in a muted style when not set. */
export function notSetClass(value: string): string {
  return value === NOT_SET ? ' is-not-set' : '';
}

/** The "Not set" entry of a select over a closed list: choosing it clears the value. */
export function notSetOption(t: TFunction): { value: NotSet; label: string } {
  return { value: NOT_SET, label: t('s3.notSet') };
}

/** The options of a select over a closed list, each with its label. */
export function closedOptions<V extends keyof ClosedVocabulary>(
  t: TFunction,
  vocabulary: V,
  values: readonly ClosedVocabulary[V][],
): { value: ClosedVocabulary[V]; label: string }[] {
  return values.map((value) => ({ value, label: closedLabel(t, vocabulary, value) }));
}
