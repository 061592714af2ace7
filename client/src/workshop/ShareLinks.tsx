/**
 * The facilitator's share panel: the join links of the three roles, each with a copy button, and
 * resetting the participant or wall link. Links come from the server (GET /links); the tokens this
 * browser stored are the offline fallback (kept current when a link is reset).
 */
import { lazy, Suspense, useEffect, useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { joinPath, type Role, type RoleMap, type WorkshopTemplate } from '@shared/domain/workshop';
import { fetchWorkshopLinks } from '@client/connection/api/workshops';
import { PanelHeader } from '@client/ui/PanelHeader';
import { Popover } from '@client/ui/Popover';
import { LinkReset } from './LinkReset';
import { ShareLinkRow } from './ShareLinkRow';
import { readWorkshopAccess, updateWorkshopAccess } from '@client/store/workshopAccess';

const ROLE_ORDER: Role[] = ['participant', 'projector', 'facilitator'];

const StartAdwDialog = lazy(() => import('./StartAdwDialog'));

interface ShareLinksProps {
  workshopId: string;
  token: string;
  onClose: () => void;
  /** The share toggle's wrapper: a press there is not "outside". */
  anchorRef?: RefObject<HTMLElement | null>;
  /** With these, an EDW or cEDW offers "Start an ADW from this EDW". */
  doc?: Y.Doc | null;
  template?: WorkshopTemplate;
  title?: string;
}

function storedLinks(workshopId: string): RoleMap<string> | null {
  const tokens = readWorkshopAccess(workshopId)?.tokens;
  if (!tokens) return null;
  const link = (role: Role) => window.location.origin + joinPath(workshopId, tokens[role]);
  return {
    facilitator: link('facilitator'),
    participant: link('participant'),
    projector: link('projector'),
  };
}

export function ShareLinks({
  workshopId,
  token,
  onClose,
  anchorRef,
  doc,
  template,
  title,
}: ShareLinksProps) {
  const { t } = useTranslation();
  const [startingAdw, setStartingAdw] = useState(false);
  const canStartAdw = !!doc && (template === 'edw' || template === 'cedw');
  const titleId = useId();
  const [links, setLinks] = useState<RoleMap<string> | null>(() => storedLinks(workshopId));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetchWorkshopLinks(workshopId, token).then(
      (result) => {
        if (!cancelled) setLinks(result.links);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId, token]);

  return (
    <Popover
      className="popover share"
      labelledBy={titleId}
      testId="share-links"
      anchorRef={anchorRef}
      onClose={onClose}
    >
      <PanelHeader
        titleId={titleId}
        title={t('share.title')}
        closeLabel={t('share.close')}
        onClose={onClose}
      />
      <p className="popover__intro">{t('share.explanation')}</p>
      {!links && <p className="muted">{failed ? t('share.loadError') : t('share.loading')}</p>}
      {links &&
        ROLE_ORDER.map((role) => <ShareLinkRow key={role} role={role} link={links[role]} />)}
      {links && (
        <LinkReset
          workshopId={workshopId}
          token={token}
          onReset={(reset) => {
            setLinks(reset.links);
            if (readWorkshopAccess(workshopId)?.tokens) {
              updateWorkshopAccess(workshopId, { tokens: reset.tokens });
            }
          }}
        />
      )}
      {canStartAdw && (
        <div className="share__derive">
          <button
            type="button"
            className="button"
            data-testid="start-adw"
            title={t('actionList.startAdw.openHint')}
            onClick={() => setStartingAdw(true)}
          >
            {t('actionList.startAdw.open')}
          </button>
        </div>
      )}
      {canStartAdw && startingAdw && (
        <Suspense fallback={null}>
          <StartAdwDialog
            workshopId={workshopId}
            token={token}
            doc={doc}
            sourceTemplate={template}
            sourceTitle={title ?? ''}
            onClose={() => setStartingAdw(false)}
          />
        </Suspense>
      )}
    </Popover>
  );
}
