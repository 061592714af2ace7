/**
 * `/w/:id`: takes the token from the link, learns the role, connects the workshop's doc, has the
 * person join (name, organisation, helix, region) the first time, and shows the board under the top
 * bar. Once joined, the page uses the person's identity token for everything.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { metaMap, readMeta } from '../../../shared/doc';
import type { WorkshopSession } from '../../../shared/domain/workshop';
import {
  ControlContext,
  RoomContext,
  useControlConnection,
  type RoomInfo,
} from '../facilitation/control';
import { FollowPill, useFollowMe } from '../facilitation/FollowMe';
import { LockRefusedNotice } from '../facilitation/Locks';
import { useLockRefusalRecovery, usePhaseNavigation } from '../facilitation/usePhaseNavigation';
import { WallFrame } from '../facilitation/WallPanel';
import { PrivateWritingLayer } from '../facilitation/private-writing/PrivateWritingLayer';
import { Voting } from '../facilitation/voting/Voting';
import { BreakoutLayer } from '../facilitation/breakouts/BreakoutLayer';
import { usePersonStore } from '../person/personStore';
import { RemovedScreen } from '../people/RemovedScreen';
import { useIdentity, type IdentityHandle } from '../people/useIdentity';
import { useLiveRole, useRegions, useRemoved } from '../people/usePeople';
import { ArchivedBanner } from '../archive/WorkshopRecordMenu';
import { useWorkshopStatus } from '../archive/workshopStatus';
import { useBoardStore } from '../store/boardStore';
import { useWorkshopStore } from '../store/workshopStore';
import { publishUser, type PresenceUser } from '../sync/presence';
import { useYValue } from '../sync/useY';
import { useConnectionStatus, useSyncRejection, useWorkshopSync } from '../sync/useWorkshopSync';
import type { WorkshopSync } from '../sync/workshopSync';
import { ActiveBoard, BoardTabs } from './BoardTabs';
import { JoinDialog } from './JoinDialog';
import { StatusScreen } from './StatusScreen';
import { TopBar } from './TopBar';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useWorkshopSession } from './useWorkshopSession';
import { takeWorkshopToken } from './workshopAccess';
import { preloadBodyEditor } from '../boards/board/BodyEditor';

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
  const room = useMemo<RoomInfo>(
    () => ({ awareness, doc: sync?.doc ?? null, role: session.role, template: session.template }),
    [awareness, sync, session.role, session.template],
  );
  const status = useConnectionStatus(sync);
  const rejection = useSyncRejection(sync);
  const title = useWorkshopTitle(sync, session.title);
  const rememberedName = usePersonStore((s) => s.displayName);
  const displayName = identity.identity?.name ?? '';
  const color = usePersonStore((s) => s.color);
  const regions = useRegions(sync?.doc ?? null);
  const removed = useRemoved(control, rejection?.code ?? null);
  const [renaming, setRenaming] = useState(false);
  // Archived: read-only for everyone until a facilitator reopens it (the relay refuses edits too).
  const workshopStatus = useWorkshopStatus(control, fetched.status ?? 'open');
  const archived = workshopStatus === 'archived';

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
