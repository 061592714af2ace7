/** Workshop title, connection, people online, your name and role, and (facilitators) Share. */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role, WorkshopTemplate } from '../../../shared/domain/workshop';
import { Icon } from '../app/Icon';
import { PhaseIndicator } from '../facilitation/AgendaPanel';
import { TimerWidget } from '../facilitation/TimerWidget';
import { initialsOf } from '../person/personStore';
import type { ConnectionStatus } from '../sync/workshopSync';
import { ConnectionBadge } from './ConnectionBadge';
import { PeopleOnline } from './PeopleOnline';
import { ShareLinks } from './ShareLinks';
import { WorkshopSettingsButton } from './WorkshopSettingsButton';

interface TopBarProps {
  workshopId: string;
  token: string;
  title: string;
  template: WorkshopTemplate;
  role: Role;
  status: ConnectionStatus;
  awareness: Awareness | null;
  /** The workshop's doc once connected (the facilitator's settings edit it). */
  doc: Y.Doc | null;
  displayName: string;
  color: string;
  onEditName: () => void;
}

export function TopBar(props: TopBarProps) {
  const { workshopId, token, title, template, role, status, awareness } = props;
  const { t } = useTranslation();
  const [shareOpen, setShareOpen] = useState(false);
  const closeShare = useCallback(() => setShareOpen(false), []);

  return (
    <header className="top-bar">
      <div className="top-bar__start">
        <a className="brand-mark" href="/" aria-label={t('topBar.home')} title={t('app.name')}>
          <span className="brand-mark__logo" aria-hidden="true" />
        </a>
        <div className="top-bar__titles">
          <h1 className="top-bar__title" data-testid="workshop-title">
            {title}
          </h1>
          <span className="top-bar__template" title={t(`template.${template}`)}>
            {t(`templateShort.${template}`)}
          </span>
        </div>
      </div>
      <div className="top-bar__middle">
        {role !== 'projector' && (
          <>
            <PhaseIndicator
              facilitator={role === 'facilitator'}
              workshopId={workshopId}
              token={token}
              template={template}
            />
            <TimerWidget facilitator={role === 'facilitator'} />
          </>
        )}
      </div>
      <div className="top-bar__end">
        <ConnectionBadge status={status} />
        {awareness && <PeopleOnline awareness={awareness} />}
        <span
          className={`role-badge role-badge--${role}`}
          data-testid="role-badge"
          data-role={role}
          title={t('topBar.roleBadge', { role: t(`role.${role}`) })}
        >
          {role === 'projector' && <Icon name="eye" size={14} />}
          {t(`role.${role}`)}
        </span>
        {role !== 'projector' && props.displayName && (
          <button
            type="button"
            className="name-button"
            data-testid="edit-name"
            aria-label={t('topBar.editName', { name: props.displayName })}
            title={t('topBar.editName', { name: props.displayName })}
            onClick={props.onEditName}
          >
            <span className="name-button__avatar" style={{ backgroundColor: props.color }}>
              {initialsOf(props.displayName)}
            </span>
            <span className="name-button__name">{props.displayName}</span>
            <Icon name="pencil" size={14} />
          </button>
        )}
        {role === 'facilitator' && <WorkshopSettingsButton doc={props.doc} />}
        {role === 'facilitator' && (
          <div className="share-anchor">
            <button
              type="button"
              className="button button--primary"
              data-testid="share-button"
              data-share-toggle
              aria-expanded={shareOpen}
              aria-haspopup="dialog"
              onClick={() => setShareOpen((open) => !open)}
            >
              <Icon name="share" size={16} />
              {t('topBar.share')}
            </button>
            {shareOpen && (
              <ShareLinks
                workshopId={workshopId}
                token={token}
                onClose={closeShare}
                doc={props.doc}
                template={template}
                title={title}
              />
            )}
          </div>
        )}
      </div>
    </header>
  );
}
