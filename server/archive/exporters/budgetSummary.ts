/**
 * The budget totals of a record's actions, per transformative activity and per funding source (the
 * report's summary). An amount nobody set is not a zero: a total sums the amounts that were set and
 * says how many were not; a line where no amount was set has no total at all (null).
 */
import {
  FUNDING_SOURCES,
  NOT_SET,
  type FundingSource,
  type NotSet,
} from '../../../shared/domain/s3';
import type { RecordAction, WorkshopRecord } from '../../../shared/record/schema';

export interface BudgetLine {
  /** The actions counted on this line. */
  actions: number;
  /** The sum of the amounts that were set; null when none was. */
  total: number | null;
  /** How many of these actions have no amount. */
  notSet: number;
}

export interface BudgetSummary {
  /** Activities in the order given (the report passes them by rank), then actions with no activity. */
  byActivity: { activityId: string | null; line: BudgetLine }[];
  /** The funding sources that actions name, in the domain's order, then "not set". */
  byFundingSource: { source: FundingSource | NotSet; line: BudgetLine }[];
  total: BudgetLine;
}

function sumUp(actions: RecordAction[]): BudgetLine {
  const amounts = actions.map((a) => a.budget).filter((b): b is number => b !== null);
  return {
    actions: actions.length,
    total: amounts.length === 0 ? null : amounts.reduce((sum, b) => sum + b, 0),
    notSet: actions.length - amounts.length,
  };
}

export function budgetSummary(
  record: WorkshopRecord,
  activityOrder: readonly string[] = record.activities.map((a) => a.id),
): BudgetSummary {
  const { actions } = record;
  const known = new Set(activityOrder);
  const byActivity: BudgetSummary['byActivity'] = activityOrder.map((activityId) => ({
    activityId,
    line: sumUp(actions.filter((a) => a.activityId === activityId)),
  }));
  // Actions of no activity (or of one deleted before the record was taken).
  const unlinked = actions.filter((a) => a.activityId === null || !known.has(a.activityId));
  if (unlinked.length > 0) byActivity.push({ activityId: null, line: sumUp(unlinked) });

  const byFundingSource = [...FUNDING_SOURCES, NOT_SET]
    .map((source) => ({ source, line: sumUp(actions.filter((a) => a.fundingSource === source)) }))
    .filter(({ line }) => line.actions > 0);

  return { byActivity, byFundingSource, total: sumUp(actions) };
}
