/**
 * `/w/:id`: takes the token from the link, learns the role, connects the workshop's doc, has the
 * person join (name, organisation, helix, region) the first time, and shows the board under the top
 * bar. Once joined, the page uses the person's identity token for everything.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaMap, readMeta } from '@shared/doc';
import type { WorkshopSession } from '@shared/domain/workshop';
import {
  ControlContext,
  RoomContext,
  useWorkshopStatus,
  useControlConnection,
  type RoomInfo,
} from '@client/connection/control';
import { FollowPill, useFollowMe } from '@client/facilitation/FollowMe';
import { LockRefusedNotice } from '@client/facilitation/Locks';
import {
  useLockRefusalRecovery,
  usePhaseNavigation,
} from '@client/facilitation/usePhaseNavigation';
import { WallFrame } from '@client/facilitation/WallPanel';
import { PrivateWritingLayer } from '@client/facilitation/private-writing/PrivateWritingLayer';
import { Voting } from '@client/facilitation/voting/Voting';
import { BreakoutLayer } from '@client/facilitation/breakouts/BreakoutLayer';
import { usePersonStore } from '@client/store/personStore';
import { RemovedScreen } from './RemovedScreen';
import { useIdentity, type IdentityHandle } from '@client/connection/useIdentity';
import { useLiveRole, useRegions, useRemoved } from '@client/connection/usePeople';
import { ArchivedBanner } from './WorkshopRecordMenu';
import { useBoardStore } from '@client/store/boardStore';
import { useWorkshopStore } from '@client/store/workshopStore';
import { publishUser, type PresenceUser } from '@client/sync/presence';
import { useYValue } from '@client/sync/useY';
import { setWorkshopLanguage } from '@client/i18n';
import { isLanguage, type Language } from '@shared/i18n/languages';
import {
  useConnectionStatus,
  useSyncRejection,
  useWorkshopSync,
} from '@client/sync/useWorkshopSync';
import type { WorkshopSync } from '@client/sync/workshopSync';
import { ActiveBoard, BoardTabs } from './BoardTabs';
import { CardAdornmentsContext, type CardAdornments } from '@client/boards/cardAdornments';
import { CardVoteDots, VoteRankBadge } from '@client/facilitation/voting/CardVoteDots';
import { JoinDialog } from './JoinDialog';
import { StatusScreen } from '@client/ui/StatusScreen';
import { TopBar } from './TopBar';
import { Announcer } from './Announcer';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useWorkshopSession } from './useWorkshopSession';
import { takeWorkshopToken } from '@client/store/workshopAccess';
import { preloadBodyEditor } from '@client/boards/board/BodyEditor';

/** What facilitation lays over the boards' cards (boards/cardAdornments.tsx): the vote's rank badge and dots. */
const CARD_ADORNMENTS: CardAdornments = { badge: VoteRankBadge, controls: CardVoteDots };

export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const [linkToken] = useState(() => takeWorkshopToken(workshopId));
  const identity = useIdentity(workshopId, linkToken);
  const token = identity.identity?.token ?? linkToken;
  const session = useWorkshopSession(workshopId, token);

  if (identity.identity?.removed) return <RemovedScreen />;
  switch (session.status) {
    case 'loading':
      return <StatusScreen title={t('workshop.loading')} busy testId="workshop-loading" />;
    case 'invalid':
      // A person's own token stops working only when the facilitator removes them.
      return token !== linkToken ? <RemovedScreen /> : <InvalidLinkScreen />;
    case 'notFound':
      return (
        <StatusScreen
          title={t('workshop.notFound.title')}
          body={t('workshop.notFound.body')}
          tone="warning"
          testId="workshop-not-found"
        />
      );
    case 'error':
      return (
        <StatusScreen
          title={t('workshop.loadError.title')}
          body={t('workshop.loadError.body')}
          tone="warning"
          testId="workshop-error"
        >
          <button type="button" className="button button--primary" onClick={session.retry}>
            {t('workshop.loadError.retry')}
          </button>
        </StatusScreen>
      );
    case 'ready':
      return (
        <WorkshopRoom
          session={session.session}
          token={token!}
          linkToken={linkToken!}
          identity={identity}
        />
      );
  }
}

function InvalidLinkScreen() {
  const { t } = useTranslation();
  return (
    <StatusScreen
      title={t('workshop.invalidLink.title')}
      body={t('workshop.invalidLink.body')}
      tone="warning"
      testId="invalid-link"
    />
  );
}

const readTitle = (meta: Y.Map<unknown>) => (meta.doc ? (readMeta(meta.doc)?.title ?? '') : '');

// Not set (or not one of the five) is null: then the browser's language is the default.
const readLanguage = (meta: Y.Map<unknown>): Language | null => {
  const language = meta.get('language');
  return isLanguage(language) ? language : null;
};

/** The workshop's language is the UI language of everyone inside who never chose one. */
function useWorkshopLanguage(sync: WorkshopSync | null): void {
  const language = useYValue(sync ? metaMap(sync.doc) : undefined, readLanguage, {
    fallback: null,
  });
  useEffect(() => {
    setWorkshopLanguage(language);
    return () => setWorkshopLanguage(null);
  }, [language]);
}

function useWorkshopTitle(sync: WorkshopSync | null, fallback: string): string {
  const title = useYValue(sync ? metaMap(sync.doc) : undefined, readTitle, { fallback: '' });
  return title || fallback;
}

interface WorkshopRoomProps {
  session: WorkshopSession;
  /** What the page connects with: the person's identity token once joined, else the link's. */
  token: string;
  /** The link's token (share links and the wall's join link are derived from it). */
  linkToken: string;
  identity: IdentityHandle;
}

function WorkshopRoom({ session: fetched, token, linkToken, identity }: WorkshopRoomProps) {
  const { t } = useTranslation();
  const opened = useWorkshopSync(fetched.id, token);
  // Joining switches the token: the link's connection is not shown while the person's replaces it.
  const sync = opened?.provider.params.token === token ? opened : null;
  const control = useControlConnection(fetched.id, token);
  // A promotion to co-facilitator arrives live on the control connection.
  const liveRole = useLiveRole(control);
  const session = useMemo(
    () => (liveRole && liveRole !== fetched.role ? { ...fetched, role: liveRole } : fetched),
    [fetched, liveRole],
  );
  const awareness = sync?.awareness ?? null;
  const status = useConnectionStatus(sync);
  const rejection = useSyncRejection(sync);
  const title = useWorkshopTitle(sync, session.title);
  useWorkshopLanguage(sync);
  const rememberedName = usePersonStore((s) => s.displayName);
  const displayName = identity.identity?.name ?? '';
  const color = usePersonStore((s) => s.color);
  const regions = useRegions(sync?.doc ?? null);
  const removed = useRemoved(control, rejection?.code ?? null);
  const [renaming, setRenaming] = useState(false);
  // Archived: read-only for everyone until a facilitator reopens it (the relay refuses edits too).
  const workshopStatus = useWorkshopStatus(control, fetched.status ?? 'open');
  const archived = workshopStatus === 'archived';
  const identityId = identity.identity?.id ?? null;
  const room = useMemo<RoomInfo>(
    () => ({
      awareness,
      doc: sync?.doc ?? null,
      role: session.role,
      template: session.template,
      identityId,
      archived,
    }),
    [awareness, sync, session.role, session.template, identityId, archived],
  );
  const canEdit = session.role !== 'projector';
  const user = useMemo<PresenceUser | null>(
    () => (canEdit && displayName ? { name: displayName, color, role: session.role } : null),
    [canEdit, displayName, color, session.role],
  );
  useUndoShortcuts(sync?.doc, canEdit && user !== null && !archived);

  // Load the rich-text editor's code while the person is still looking around, so the first
  // "Edit description" opens at once and no early keystroke is lost to the download.
  useEffect(() => {
    if (!canEdit) return;
    const preload = preloadBodyEditor;
    const idle = window.requestIdleCallback?.(preload, { timeout: 2000 });
    const timer = idle === undefined ? window.setTimeout(preload, 500) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [canEdit]);

  // A fresh board for each workshop.
  useEffect(() => {
    useBoardStore.getState().reset();
    useWorkshopStore.getState().reset();
  }, [session.id]);

  useEffect(() => {
    document.title = t('app.documentTitle', { workshop: title });
  }, [t, title]);

  // Presence: who we are. The wall screen stays invisible.
  useEffect(() => {
    if (!sync) return;
    publishUser(sync.awareness, user);
  }, [sync, user]);

  // Remembered, so a reload says so too.
  const { markRemoved } = identity;
  useEffect(() => {
    if (removed) markRemoved();
  }, [removed, markRemoved]);

  if (removed) return <RemovedScreen />;
  if (rejection) return <InvalidLinkScreen />;

  const joining = canEdit && identity.check === 'notJoined';
  const askName = joining || (renaming && displayName !== '');
  const board = sync && (
    <ActiveBoard
      template={session.template}
      doc={sync.doc}
      sync={sync}
      role={session.role}
      canEdit={canEdit && user !== null && !archived}
      user={user}
    />
  );
  return (
    <ControlContext value={control}>
      <RoomContext value={room}>
        <RoomEffects sync={sync} />
        <CardAdornmentsContext value={CARD_ADORNMENTS}>
          <div className="workshop" data-role={session.role}>
            <TopBar
              workshopId={session.id}
              token={linkToken}
              identityId={identity.identity?.id ?? null}
              title={title}
              template={session.template}
              role={session.role}
              status={status}
              awareness={sync?.awareness ?? null}
              doc={sync?.doc ?? null}
              displayName={displayName}
              color={color}
              onEditName={() => setRenaming(true)}
              workshopStatus={workshopStatus}
              sessionToken={token}
            />
            {archived && (
              <ArchivedBanner
                workshopId={session.id}
                token={token}
                facilitator={session.role === 'facilitator'}
              />
            )}
            <BoardTabs template={session.template} />
            {session.role !== 'projector' && <Announcer status={status} />}
            <main className="workshop__board">
              {session.role === 'projector' ? <WallFrame>{board}</WallFrame> : board}
              <FollowPill />
              <PrivateWritingLayer />
              <LockRefusedNotice workshopId={session.id} />
              <Voting doc={sync?.doc ?? null} />
              <BreakoutLayer identityId={identity.identity?.id ?? null} />
            </main>
            {askName && (
              <JoinDialog
                mode={joining ? 'join' : 'rename'}
                workshopTitle={title}
                initialName={joining ? rememberedName : displayName}
                regions={regions}
                onSubmit={async (profile) => {
                  if (joining) return identity.join(profile);
                  await identity.rename(profile.name);
                  setRenaming(false);
                }}
                onCancel={joining ? undefined : () => setRenaming(false)}
              />
            )}
          </div>
        </CardAdornmentsContext>
      </RoomContext>
    </ControlContext>
  );
}

/** The control plane's room-wide effects: phase navigation, follow-me, lock refusals. */
function RoomEffects({ sync }: { sync: WorkshopSync | null }) {
  usePhaseNavigation();
  useFollowMe();
  useLockRefusalRecovery(sync);
  return null;
}
