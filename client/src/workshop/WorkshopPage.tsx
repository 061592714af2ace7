/**
 * `/w/:id`: takes the token from the link, learns the role, connects the workshop's doc, asks for a
 * name the first time, and shows the board under the top bar.
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
import { usePersonStore } from '../person/personStore';
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
  const [token] = useState(() => takeWorkshopToken(workshopId));
  const session = useWorkshopSession(workshopId, token);

  switch (session.status) {
    case 'loading':
      return <StatusScreen title={t('workshop.loading')} busy testId="workshop-loading" />;
    case 'invalid':
      return <InvalidLinkScreen />;
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
      return <WorkshopRoom session={session.session} token={token!} />;
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

function WorkshopRoom({ session, token }: { session: WorkshopSession; token: string }) {
  const { t } = useTranslation();
  const sync = useWorkshopSync(session.id, token);
  const control = useControlConnection(session.id, token);
  const awareness = sync?.awareness ?? null;
  const room = useMemo<RoomInfo>(
    () => ({ awareness, role: session.role, template: session.template }),
    [awareness, session.role, session.template],
  );
  const status = useConnectionStatus(sync);
  const rejection = useSyncRejection(sync);
  const title = useWorkshopTitle(sync, session.title);
  const displayName = usePersonStore((s) => s.displayName);
  const color = usePersonStore((s) => s.color);
  const setDisplayName = usePersonStore((s) => s.setDisplayName);
  const [renaming, setRenaming] = useState(false);

  const canEdit = session.role !== 'projector';
  const user = useMemo<PresenceUser | null>(
    () => (canEdit && displayName ? { name: displayName, color, role: session.role } : null),
    [canEdit, displayName, color, session.role],
  );
  useUndoShortcuts(sync?.doc, canEdit && user !== null);

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

  if (rejection) return <InvalidLinkScreen />;

  const askName = canEdit && (!displayName || renaming);
  const board = sync && (
    <ActiveBoard
      template={session.template}
      doc={sync.doc}
      sync={sync}
      role={session.role}
      canEdit={canEdit && user !== null}
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
            token={token}
            title={title}
            template={session.template}
            role={session.role}
            status={status}
            awareness={sync?.awareness ?? null}
            doc={sync?.doc ?? null}
            displayName={displayName}
            color={color}
            onEditName={() => setRenaming(true)}
          />
          <BoardTabs template={session.template} />
          <main className="workshop__board">
            {session.role === 'projector' ? <WallFrame>{board}</WallFrame> : board}
            <FollowPill />
            <LockRefusedNotice workshopId={session.id} />
          </main>
          {askName && (
            <JoinDialog
              mode={displayName ? 'rename' : 'join'}
              workshopTitle={title}
              initialName={displayName}
              onSubmit={(name) => {
                setDisplayName(name);
                setRenaming(false);
              }}
              onCancel={displayName ? () => setRenaming(false) : undefined}
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
