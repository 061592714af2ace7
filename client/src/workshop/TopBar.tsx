/**
 * Workshop title, connection, people online and the people list, raise hand, your name and role,
 * and (facilitators) Share.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role, WorkshopStatus, WorkshopTemplate } from '@shared/domain/workshop';
import { WorkshopRecordMenu } from './WorkshopRecordMenu';
import { Icon } from '@client/ui/Icon';
import { LanguageSwitcher } from '@client/ui/LanguageSwitcher';
import { useDismiss } from '@client/ui/Popover';
import { usePopover } from '@client/ui/usePopover';
import { PhaseIndicator } from '@client/facilitation/AgendaPanel';
import { TimerWidget } from '@client/facilitation/TimerWidget';
import { HandButton } from '@client/facilitation/people/HandButton';
import { PeopleButton } from '@client/facilitation/people/PeoplePanel';
import { initialsOf } from '@client/store/personStore';
import type { ConnectionStatus } from '@client/sync/workshopSync';
import { ConnectionBadge } from './ConnectionBadge';
import { PeopleOnline } from '@client/facilitation/people/PeopleOnline';
import { ShareLinks } from './ShareLinks';
import { WorkshopSettingsButton } from './WorkshopSettingsButton';

interface TopBarProps {
  workshopId: string;
  /** The workshop link's token (share and wall links derive from it). */
  token: string;
  /** This person once they joined (hands, "you" in the people list). */
  identityId: string | null;
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
  /** Open or archived (read-only). */
  workshopStatus: WorkshopStatus;
  /** What the page connects with: the person's token once joined (snapshot, archive, outcome). */
  sessionToken: string;
}

export function TopBar(props: TopBarProps) {
  const { workshopId, token, title, template, role, status, awareness } = props;
  const { t } = useTranslation();
  const [shareOpen, setShareOpen] = useState(false);
  const closeShare = useCallback(() => setShareOpen(false), []);
  const shareAnchorRef = useRef<HTMLDivElement>(null);
  // On a phone the secondary items (name, outcome, language, settings, share) fold into a menu.
  const more = usePopover();
  useDismiss(
    more.open,
    (reason) => {
      more.close();
      if (reason === 'escape') moreToggleRef.current?.focus();
    },
    [more.anchorRef],
  );
  const moreToggleRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const languageId = useId();

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
        {role === 'projector' && awareness && <PeopleOnline awareness={awareness} />}
        {role !== 'projector' && (
          <PeopleButton
            workshopId={workshopId}
            token={props.sessionToken}
            awareness={awareness}
            identityId={props.identityId}
            facilitator={role === 'facilitator'}
            doc={props.doc}
          />
        )}
        {/* Hands are for participants: the facilitator is the one who takes them. */}
        {role === 'participant' && props.identityId && <HandButton identityId={props.identityId} />}
        <span
          className={`role-badge role-badge--${role}`}
          data-testid="role-badge"
          data-role={role}
          title={t('topBar.roleBadge', { role: t(`role.${role}`) })}
        >
          {role === 'projector' && <Icon name="eye" size={14} />}
          {t(`role.${role}`)}
        </span>
        <div className="top-bar__more" ref={more.anchorRef}>
          <button
            type="button"
            ref={moreToggleRef}
            className="top-bar__more-toggle"
            data-testid="top-bar-more"
            aria-expanded={more.open}
            aria-controls={menuId}
            aria-label={t('topBar.more')}
            title={t('topBar.more')}
            onClick={more.toggle}
          >
            <Icon name="menu" size={18} />
          </button>
          <div
            id={menuId}
            role="group"
            aria-label={t('topBar.more')}
            className={more.open ? 'top-bar__secondary is-open' : 'top-bar__secondary'}
            data-testid="top-bar-menu"
          >
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
            {role !== 'projector' && (
              <WorkshopRecordMenu
                workshopId={workshopId}
                token={props.sessionToken}
                facilitator={role === 'facilitator'}
                status={props.workshopStatus}
              />
            )}
            <div className="top-bar__language">
              <label htmlFor={languageId} className="top-bar__language-label">
                {t('app.language')}
              </label>
              <LanguageSwitcher id={languageId} testId="language-switcher" />
            </div>
            {role === 'facilitator' && <WorkshopSettingsButton doc={props.doc} />}
            {role === 'facilitator' && (
              <div className="share-anchor" ref={shareAnchorRef}>
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="share-button"
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
                    anchorRef={shareAnchorRef}
                    doc={props.doc}
                    template={template}
                    title={title}
                  />
                )}
              </div>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
