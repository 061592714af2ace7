/**
 * One group in the setup dialog's preview: its name, its area (board and activity) and its members.
 * A person moves by dragging their chip onto another group (mouse, touch, or the keyboard from the
 * chip's grip), or with the group menu on the chip.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@shared/doc';
import type { Participant } from '@shared/domain/identity';
import type { Region } from '@shared/domain/s3';
import type { BoardKind } from '@shared/templates/templates';
import { Icon } from '@client/ui/Icon';
import { useDraggableItem, useDropZone } from '@client/ui/dragAndDrop';
import { ACTIVITY_AREAS, GROUP_NAME_MAX, type DraftGroup } from './plan';

/** The drop zone of those in no group (groups are zones by their id). */
const WAITING_ZONE = 'plan-waiting';

interface PlanGroupProps {
  group: DraftGroup;
  index: number;
  groups: DraftGroup[];
  people: Map<string, Participant>;
  regions: Region[];
  activities: Activity[];
  boards: readonly BoardKind[];
  onRename: (name: string) => void;
  onArea: (area: { board: BoardKind; cardId: string | null }) => void;
  onMove: (personId: string, groupId: string | null) => void;
}

export function PlanGroup(props: PlanGroupProps) {
  const { group, index, groups, people, regions, activities, boards, onMove } = props;
  const { t } = useTranslation();
  const name = group.name.trim() || t('breakouts.defaultName', { index: index + 1 });
  const withCard = ACTIVITY_AREAS.includes(group.board);
  return (
    <DropZone
      id={group.id}
      label={name}
      className="breakout-plan__group"
      testId="plan-group"
      onDropPerson={(id) => onMove(id, group.id)}
    >
      <input
        className="field__input breakout-plan__name"
        value={group.name}
        maxLength={GROUP_NAME_MAX}
        aria-label={t('breakouts.setup.groupName', { index: index + 1 })}
        aria-invalid={group.name.trim() === ''}
        data-testid="plan-group-name"
        onChange={(e) => props.onRename(e.target.value)}
      />
      <div className="breakout-plan__area">
        <select
          className="field__input field__select"
          aria-label={t('breakouts.setup.board', { name })}
          value={group.board}
          data-testid="plan-group-board"
          onChange={(e) =>
            props.onArea({ board: e.target.value as BoardKind, cardId: group.cardId })
          }
        >
          {boards.map((board) => (
            <option key={board} value={board}>
              {t(`boards.names.${board}`)}
            </option>
          ))}
        </select>
        {withCard && (
          <select
            className="field__input field__select"
            aria-label={t('breakouts.setup.card', { name })}
            value={group.cardId ?? ''}
            data-testid="plan-group-card"
            onChange={(e) => props.onArea({ board: group.board, cardId: e.target.value || null })}
          >
            <option value="">{t('breakouts.setup.wholeBoard')}</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title.trim() || t('breakouts.area.untitled')}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="breakout-plan__count">
        {t('breakouts.setup.members', { count: group.memberIds.length })}
      </p>
      {group.memberIds.length === 0 ? (
        <p className="breakout-plan__empty">{t('breakouts.setup.empty')}</p>
      ) : (
        <ul
          className="breakout-plan__members"
          aria-label={t('breakouts.panel.membersOf', { name })}
        >
          {group.memberIds.map((id) => (
            <PersonChip
              key={id}
              id={id}
              person={people.get(id)}
              regions={regions}
              groups={groups}
              groupId={group.id}
              onMove={onMove}
            />
          ))}
        </ul>
      )}
    </DropZone>
  );
}

/** Those in no group, as a column people can be dragged to and from. */
export function WaitingPeople(props: {
  waiting: Participant[];
  groups: DraftGroup[];
  regions: Region[];
  onMove: (personId: string, groupId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <DropZone
      id={WAITING_ZONE}
      label={t('breakouts.setup.unassigned')}
      className="breakout-plan__group breakout-plan__group--waiting"
      testId="plan-waiting"
      onDropPerson={(id) => props.onMove(id, null)}
    >
      <h3 className="breakout-plan__heading">
        {t('breakouts.setup.unassigned')}
        <span className="breakout-plan__badge">{props.waiting.length}</span>
      </h3>
      <ul className="breakout-plan__members" aria-label={t('breakouts.setup.unassigned')}>
        {props.waiting.map((p) => (
          <PersonChip
            key={p.id}
            id={p.id}
            person={p}
            regions={props.regions}
            groups={props.groups}
            groupId={null}
            onMove={props.onMove}
          />
        ))}
      </ul>
    </DropZone>
  );
}

function DropZone(props: {
  id: string;
  label: string;
  className: string;
  testId: string;
  onDropPerson: (personId: string) => void;
  children: ReactNode;
}) {
  const drop = useDropZone({ id: props.id, label: props.label, onDrop: props.onDropPerson });
  return (
    <li
      ref={drop.ref}
      className={drop.isOver ? `${props.className} is-drop-target` : props.className}
      data-testid={props.testId}
    >
      {props.children}
    </li>
  );
}

function PersonChip(props: {
  id: string;
  person: Participant | undefined;
  regions: Region[];
  groups: DraftGroup[];
  groupId: string | null;
  onMove: (personId: string, groupId: string | null) => void;
}) {
  const { id, person, groups, groupId } = props;
  const { t } = useTranslation();
  const name = person?.name ?? t('breakouts.removedPerson');
  const region = props.regions.find((r) => r.id === person?.regionId)?.name;
  const detail = [region, person?.helix ? t(`s3.helix.${person.helix}`) : null]
    .filter(Boolean)
    .join(' · ');
  const drag = useDraggableItem({ id, label: name, from: groupId ?? WAITING_ZONE });
  const className = [
    'person-chip',
    person?.online === false && 'person-chip--offline',
    drag.isDragging && 'is-dragging',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={drag.ref}
      {...drag.listeners}
      className={className}
      title={t('breakouts.setup.dragHint')}
      data-testid="plan-person"
      data-person-id={id}
    >
      <button
        type="button"
        ref={drag.handleRef}
        {...drag.handleProps}
        className="person-chip__grip"
        aria-label={t('dragAndDrop.handle', { item: name })}
        data-testid="plan-person-drag"
      >
        <Icon name="grip" size={14} />
      </button>
      <span className="person-chip__text">
        <span className="person-chip__name">{name}</span>
        {detail && <span className="person-chip__detail">{detail}</span>}
      </span>
      <select
        className="person-chip__move"
        aria-label={t('breakouts.setup.moveLabel', { name })}
        value={groupId ?? ''}
        data-testid="plan-person-group"
        onChange={(e) => props.onMove(id, e.target.value || null)}
      >
        <option value="">{t('breakouts.setup.unassigned')}</option>
        {groups.map((g, i) => (
          <option key={g.id} value={g.id}>
            {g.name.trim() || t('breakouts.defaultName', { index: i + 1 })}
          </option>
        ))}
      </select>
    </li>
  );
}
