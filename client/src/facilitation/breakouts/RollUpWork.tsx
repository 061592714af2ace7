/**
 * What one group produced, in its roll-up column. For a transformative activity: its title, its
 * description (read-only rich text), the capacities and opportunities it combines, its actions, and
 * counts. For a board without a card: the cards added there since the groups started.
 */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { BreakoutGroup } from '@shared/control/breakouts';
import {
  ACTION_BOARD,
  ACTIVITY_BOARD,
  CAPACITY_BOARD,
  DEFAULT_BOARD_ID,
  OPPORTUNITY_BOARD,
  cardBody,
  cardsMap,
  getCard,
  listCards,
  resolveLinks,
  type Activity,
  type CardMap,
  type LinkedCard,
} from '@shared/doc';
import { isCardBoard, type BoardKind, type CardBoardKind } from '@shared/templates/templates';
import type { ActionListSnapshot } from '@client/boards/action-list/actionStore';
import { StaticRichText } from '@client/boards/board/StaticRichText';
import { useYValue } from '@client/sync/useY';
import { useCardTitle } from './useCardTitle';

/** Which cards' `boardId` each board kind shows. */
const BOARD_IDS: Record<CardBoardKind, string> = {
  'capacity-map': CAPACITY_BOARD,
  'opportunity-board': OPPORTUNITY_BOARD,
  'activity-canvas': ACTIVITY_BOARD,
  'action-list': ACTION_BOARD,
  notes: DEFAULT_BOARD_ID,
};
const CARDS_SHOWN = 8;

interface RollUpWorkProps {
  group: BreakoutGroup;
  doc: Y.Doc;
  snapshot: ActionListSnapshot;
  /** When the groups started (server time): what was added since is the groups' work. */
  since: number;
}

export function RollUpWork({ group, doc, snapshot, since }: RollUpWorkProps) {
  const activity = group.cardId ? snapshot.activityById.get(group.cardId) : undefined;
  if (activity) {
    const named = sameText(activity.title, group.name);
    return <ActivityWork activity={activity} doc={doc} snapshot={snapshot} showTitle={!named} />;
  }
  if (group.cardId) return <OtherCard doc={doc} cardId={group.cardId} />;
  return <BoardWork board={group.board} doc={doc} since={since} />;
}

/** A group named after its activity needs no second title. */
const sameText = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function ActivityWork(props: {
  activity: Activity;
  doc: Y.Doc;
  snapshot: ActionListSnapshot;
  showTitle: boolean;
}) {
  const { activity, doc, snapshot } = props;
  const { t } = useTranslation();
  const card = getCard(doc, activity.id);
  const body = card ? cardBody(card) : undefined;
  const capacities = resolveLinks(doc, activity.capacityIds);
  const opportunities = resolveLinks(doc, activity.opportunityIds);
  const actions = snapshot.actions.filter((a) => a.activityId === activity.id);
  return (
    <div className="rollup__work" data-testid="rollup-activity" data-activity-id={activity.id}>
      {props.showTitle && (
        <h4 className="rollup__card-title">
          {activity.title.trim() || t('breakouts.area.untitled')}
        </h4>
      )}
      <ul className="rollup__counts" aria-label={t('breakouts.rollUp.counts')}>
        <li>{t('breakouts.rollUp.capacitiesCount', { count: capacities.length })}</li>
        <li>{t('breakouts.rollUp.opportunitiesCount', { count: opportunities.length })}</li>
        <li data-testid="rollup-actions-count">
          {t('breakouts.rollUp.actionsCount', { count: actions.length })}
        </li>
        {activity.actors.length > 0 && (
          <li>{t('breakouts.rollUp.actorsCount', { count: activity.actors.length })}</li>
        )}
      </ul>
      <section className="rollup__part">
        <h5 className="rollup__label">{t('breakouts.rollUp.description')}</h5>
        {body ? (
          <StaticRichText body={body} placeholder={t('breakouts.rollUp.noDescription')} />
        ) : (
          <p className="rich-text__placeholder">{t('breakouts.rollUp.noDescription')}</p>
        )}
      </section>
      <LinkList label={t('breakouts.rollUp.capacities')} links={capacities} kind="capacity" />
      <LinkList
        label={t('breakouts.rollUp.opportunities')}
        links={opportunities}
        kind="opportunity"
      />
      <section className="rollup__part">
        <h5 className="rollup__label">{t('breakouts.rollUp.actions')}</h5>
        {actions.length === 0 ? (
          <p className="rollup__none">{t('breakouts.rollUp.noneYet')}</p>
        ) : (
          <ol className="rollup__actions-list" data-testid="rollup-actions">
            {actions.map((a) => (
              <li key={a.id}>{a.title.trim() || t('breakouts.area.untitled')}</li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function LinkList(props: { label: string; links: LinkedCard[]; kind: 'capacity' | 'opportunity' }) {
  const { t } = useTranslation();
  return (
    <section className="rollup__part">
      <h5 className="rollup__label">{props.label}</h5>
      {props.links.length === 0 ? (
        <p className="rollup__none">{t('breakouts.rollUp.noneYet')}</p>
      ) : (
        <ul className="rollup__chips">
          {props.links.map((link) => (
            <li
              key={link.id}
              className={`rollup__chip rollup__chip--${props.kind}${link.removed ? ' is-removed' : ''}`}
            >
              {link.removed
                ? t('breakouts.area.removedCard', { title: link.title })
                : link.title.trim() || t('breakouts.area.untitled')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A card that is not an activity (or no longer exists): its title. */
function OtherCard({ doc, cardId }: { doc: Y.Doc; cardId: string }) {
  const { t } = useTranslation();
  const card = useCardTitle(doc, cardId);
  return (
    <div className="rollup__work">
      <h4 className="rollup__card-title">{card?.title.trim() || t('breakouts.area.untitled')}</h4>
      {card?.removed && <p className="rollup__none">{t('breakouts.rollUp.cardRemoved')}</p>}
    </div>
  );
}

/** A fresh box per change anywhere in the cards (titles included). */
const boxed = (cards: Y.Map<CardMap>) => ({ cards });

function BoardWork({ board, doc, since }: { board: BoardKind; doc: Y.Doc; since: number }) {
  const { t } = useTranslation();
  useYValue(cardsMap(doc), boxed, { deep: true });
  const added = (isCardBoard(board) ? listCards(doc, BOARD_IDS[board]) : [])
    .filter((c) => c.createdAt >= since)
    .sort((a, b) => a.createdAt - b.createdAt);
  const boardName = t(`boards.names.${board}`);
  return (
    <div className="rollup__work" data-testid="rollup-board">
      <p className="rollup__none">{t('breakouts.rollUp.wholeBoard', { board: boardName })}</p>
      <ul className="rollup__counts">
        <li>{t('breakouts.rollUp.cardsAddedCount', { count: added.length })}</li>
      </ul>
      {added.length > 0 && (
        <section className="rollup__part">
          <h5 className="rollup__label">{t('breakouts.rollUp.cardsAdded')}</h5>
          <ul className="rollup__cards">
            {added.slice(0, CARDS_SHOWN).map((c) => (
              <li key={c.id}>{c.title.trim() || t('breakouts.area.untitled')}</li>
            ))}
          </ul>
          {added.length > CARDS_SHOWN && (
            <p className="rollup__none">
              {t('breakouts.rollUp.moreCards', { count: added.length - CARDS_SHOWN })}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
