/**
 * The People button (top bar) and its panel: everyone who joined with organisation, region, helix,
 * whether they are online and whether their hand is up. Facilitators also get the hand-raise queue
 * (first raised first, with "lower"), per person, promote to co-facilitator and remove (after a
 * confirmation), and the people they removed, to let back in.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PeopleCommand } from '@shared/control/people';
import type { Participant } from '@shared/domain/identity';
import { Icon } from '@client/ui/Icon';
import { PanelHeader } from '@client/ui/PanelHeader';
import { Popover } from '@client/ui/Popover';
import { usePopover } from '@client/ui/usePopover';
import { initialsOf, legibleColor } from '@client/store/personStore';
import { usePeers } from '@client/sync/presence';
import { PeopleOnline } from './PeopleOnline';
import { colorFor, handQueue, matchesQuery, sortPeople } from './peopleList';
import { PeopleAction } from './PeopleAction';
import { RemovedPeople } from './RemovedPeople';
import { useParticipants, usePeopleChannel, useRegions } from '@client/connection/usePeople';
import { serverErrorText } from '@client/connection/api/serverErrorText';

/** More people than this and the panel offers a search field. */
const SEARCH_FROM = 8;

interface PeopleProps {
  workshopId: string;
  /** What the page connects with (a facilitator's reads whom they removed). */
  token: string;
  /** This person (null for a page that did not join). */
  identityId: string | null;
  facilitator: boolean;
  doc: Y.Doc | null;
}

/** Its face: the others on the board now (avatars), and how many people are online. */
export function PeopleButton({
  awareness,
  ...props
}: PeopleProps & { awareness: Awareness | null }) {
  const { t } = useTranslation();
  const popover = usePopover();
  const participants = useParticipants() ?? [];
  const online = participants.filter((p) => p.online).length;
  const hands = props.facilitator ? participants.filter((p) => p.handRaisedAt !== null).length : 0;
  const label = t('people.buttonLabel', { online, total: participants.length });

  return (
    <div className="share-anchor people-anchor" ref={popover.anchorRef}>
      <button
        type="button"
        className="people-button"
        data-testid="people-button"
        aria-expanded={popover.open}
        aria-haspopup="dialog"
        aria-label={hands > 0 ? `${label}, ${t('people.handsBadge', { count: hands })}` : label}
        title={label}
        onClick={popover.toggle}
      >
        <Icon name="people" size={18} />
        {awareness && <PeopleOnline awareness={awareness} max={3} showMore={false} />}
        <span className="people-button__count" data-testid="people-online-count">
          {online}
        </span>
        {hands > 0 && (
          <span className="people-button__hands" data-testid="people-hands-badge">
            <Icon name="hand" size={12} />
            {hands}
          </span>
        )}
      </button>
      {popover.open && (
        <PeoplePanel
          {...props}
          awareness={awareness}
          anchorRef={popover.anchorRef}
          onClose={popover.close}
        />
      )}
    </div>
  );
}

interface PanelProps extends PeopleProps {
  awareness: Awareness | null;
  anchorRef: RefObject<HTMLElement | null>;
  onClose(): void;
}

function PeoplePanel({
  workshopId,
  token,
  identityId,
  facilitator,
  doc,
  awareness,
  anchorRef,
  onClose,
}: PanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const searchId = useId();
  const participants = useParticipants();
  const channel = usePeopleChannel();
  const regions = useRegions(doc);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);

  const regionName = useMemo(() => new Map(regions.map((r) => [r.id, r.name])), [regions]);
  // The colour of a person's cursor and avatar on the board, when they are on it.
  const peers = usePeers(awareness);
  const colorOf = (p: Participant) => {
    const color = peers.find((peer) => peer.name === p.name)?.color;
    return color && legibleColor(color);
  };
  const describe = (p: Participant): string[] =>
    [
      p.organisation,
      p.regionId ? (regionName.get(p.regionId) ?? t('people.unknownRegion')) : '',
      p.helix ? t(`s3.helix.${p.helix}`) : '',
    ].filter(Boolean);

  const all = participants ?? [];
  const queue = facilitator ? handQueue(all) : [];
  const shown = sortPeople(all, identityId).filter((p) =>
    matchesQuery([p.name, ...describe(p)], query),
  );
  const online = all.filter((p) => p.online).length;

  const run = (command: PeopleCommand) => {
    if (!channel) return;
    setError(null);
    void channel.command(command).then((ack) => {
      if (!ack.ok) setError(t('people.actions.failed', { error: serverErrorText(t, ack) }));
    });
  };

  return (
    <Popover
      className="popover people-panel"
      labelledBy={titleId}
      testId="people-panel"
      anchorRef={anchorRef}
      onClose={onClose}
    >
      <PanelHeader
        titleId={titleId}
        title={t('people.panelTitle')}
        closeLabel={t('people.close')}
        onClose={onClose}
      />
      <p className="popover__intro" data-testid="people-summary">
        {participants === null
          ? t('people.loading')
          : t('people.summary', { online, total: all.length })}
      </p>

      {queue.length > 0 && (
        <section className="hand-queue" aria-labelledby={`${titleId}-queue`}>
          <h3 id={`${titleId}-queue`} className="people-panel__heading">
            <Icon name="hand" size={15} />
            {t('people.queue.title')} ({queue.length})
          </h3>
          <ol className="hand-queue__list" data-testid="hand-queue">
            {queue.map((p, index) => (
              <li
                key={p.id}
                className="hand-queue__item"
                data-testid="hand-queue-item"
                data-person-id={p.id}
                data-name={p.name}
              >
                <span className="hand-queue__position">
                  {t('people.queue.position', { position: index + 1 })}
                </span>
                <span className="hand-queue__name">{p.name}</span>
                {!p.online && <span className="hand-queue__offline">{t('people.offline')}</span>}
                <PeopleAction
                  testId="hand-lower"
                  label={t('people.queue.lowerLabel', { name: p.name })}
                  text={t('people.queue.lower')}
                  command={{ type: 'hand:lower', identityId: p.id }}
                  onCommand={run}
                />
              </li>
            ))}
          </ol>
        </section>
      )}

      {all.length > SEARCH_FROM && (
        <div className="people-panel__search">
          <label htmlFor={searchId} className="visually-hidden">
            {t('people.search')}
          </label>
          <input
            id={searchId}
            className="field__input"
            type="search"
            data-testid="people-search"
            placeholder={t('people.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
      )}

      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}

      {participants !== null && all.length === 0 && (
        <p className="people-panel__empty">{t('people.empty')}</p>
      )}
      {all.length > 0 && shown.length === 0 && (
        <p className="people-panel__empty">{t('people.noMatch', { query })}</p>
      )}
      <ul className="people-list" data-testid="people-list" aria-label={t('people.panelTitle')}>
        {shown.map((p) => (
          <PersonRow
            key={p.id}
            person={p}
            color={colorOf(p) ?? colorFor(p.id)}
            details={describe(p)}
            isMe={p.id === identityId}
            facilitator={facilitator}
            onCommand={run}
          />
        ))}
      </ul>
      {facilitator && (
        <RemovedPeople
          workshopId={workshopId}
          token={token}
          participants={participants}
          onCommand={run}
        />
      )}
    </Popover>
  );
}

interface PersonRowProps {
  person: Participant;
  color: string;
  details: string[];
  isMe: boolean;
  facilitator: boolean;
  onCommand: (command: PeopleCommand) => void;
}

function PersonRow({ person: p, color, details, isMe, facilitator, onCommand }: PersonRowProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const raised = p.handRaisedAt !== null;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <li
      className="person-row"
      data-testid="person-row"
      data-person-id={p.id}
      data-name={p.name}
      data-online={p.online}
      data-role={p.role}
      data-hand={raised}
    >
      <span
        className={
          p.online ? 'person-row__avatar person-row__avatar--online' : 'person-row__avatar'
        }
        style={{ backgroundColor: color }}
        aria-hidden="true"
      >
        {initialsOf(p.name)}
      </span>
      <div className="person-row__main">
        <div className="person-row__name">
          <span className="person-row__text">{p.name}</span>
          {isMe && <span className="person-row__you">({t('people.you')})</span>}
          <span className="visually-hidden">
            , {p.online ? t('people.online') : t('people.offline')}
          </span>
          {p.role === 'facilitator' && (
            <span className="person-row__role" data-testid="person-role">
              {t('people.facilitator')}
            </span>
          )}
          {raised && (
            <span className="person-row__hand" title={t('people.handRaised')}>
              <Icon name="hand" size={14} />
              <span className="visually-hidden">{t('people.handRaised')}</span>
            </span>
          )}
        </div>
        {details.length > 0 && <div className="person-row__details">{details.join(' · ')}</div>}
      </div>
      {facilitator && !isMe && !confirming && (
        <div
          className="person-row__actions"
          role="group"
          aria-label={t('people.actions.label', { name: p.name })}
        >
          {p.role === 'participant' && (
            <button
              type="button"
              className="button button--ghost people-action"
              data-testid="person-promote"
              aria-label={t('people.actions.promoteLabel', { name: p.name })}
              title={t('people.actions.promoteLabel', { name: p.name })}
              onClick={() => onCommand({ type: 'participant:promote', identityId: p.id })}
            >
              {t('people.actions.promote')}
            </button>
          )}
          <button
            type="button"
            className="button button--ghost people-action people-action--danger"
            data-testid="person-remove"
            aria-label={t('people.actions.removeLabel', { name: p.name })}
            title={t('people.actions.removeLabel', { name: p.name })}
            onClick={() => setConfirming(true)}
          >
            {t('people.actions.remove')}
          </button>
        </div>
      )}
      {confirming && (
        <div className="person-row__confirm" role="alert" data-testid="person-remove-confirm">
          <span>{t('people.actions.confirmRemove', { name: p.name })}</span>
          <span className="person-row__confirm-actions">
            <button
              type="button"
              className="button button--ghost people-action"
              onClick={() => setConfirming(false)}
            >
              {t('people.actions.cancel')}
            </button>
            <button
              ref={confirmRef}
              type="button"
              className="button people-action people-action--confirm"
              data-testid="person-remove-confirm-button"
              onClick={() => {
                setConfirming(false);
                onCommand({ type: 'participant:remove', identityId: p.id });
              }}
            >
              {t('people.actions.confirm')}
            </button>
          </span>
        </div>
      )}
    </li>
  );
}
