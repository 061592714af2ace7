/** An activity's links to capacities or opportunities: the linked cards, and a picker to link more. */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

import {
  linkToActivity,
  resolveLinks,
  unlinkFromActivity,
  type Activity,
  type LinkKind,
} from '@shared/doc';
import { Icon } from '@client/ui/Icon';
import { asUndoStep } from '@client/sync/undo';
import type { CanvasData } from './canvasData';
import { LinkTitle } from './LinkedCards';

export function LinkSection({
  doc,
  activity,
  kind,
  data,
  canEdit,
}: {
  doc: Y.Doc;
  activity: Activity;
  kind: LinkKind;
  data: CanvasData;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const ids = kind === 'capacity' ? activity.capacityIds : activity.opportunityIds;
  const links = resolveLinks(doc, ids);
  const candidates = (kind === 'capacity' ? data.capacities : data.opportunities).filter(
    (c) => !ids.includes(c.id),
  );
  const headingId = `activity-${activity.id}-${kind}s`;
  return (
    <div className="s3-panel__section" data-testid={`activity-${kind}-links`}>
      <h3 className="s3-panel__section-title" id={headingId}>
        {kind === 'capacity'
          ? t('activityCanvas.panel.capacities')
          : t('activityCanvas.panel.opportunities')}
      </h3>
      {links.length === 0 ? (
        <p className="s3-panel__hint">{t('activityCanvas.panel.noneLinked')}</p>
      ) : (
        <ul className="link-list" aria-labelledby={headingId}>
          {links.map((link) => (
            <li
              key={link.id}
              className={link.removed ? 'link-list__item is-removed' : 'link-list__item'}
            >
              <span
                className="link-list__title"
                title={link.title || t('activityCanvas.list.untitled')}
              >
                <LinkTitle link={link} />
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('activityCanvas.panel.unlink', { title: link.title })}
                  title={t('activityCanvas.panel.unlink', { title: link.title })}
                  onClick={() =>
                    asUndoStep(doc, () => unlinkFromActivity(doc, activity.id, kind, link.id))
                  }
                >
                  <Icon name="close" size={16} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && candidates.length > 0 && (
        <select
          className="field__input field__select"
          aria-label={
            kind === 'capacity'
              ? t('activityCanvas.panel.addCapacity')
              : t('activityCanvas.panel.addOpportunity')
          }
          data-testid={`activity-add-${kind}`}
          value=""
          onChange={(e) => {
            const target = e.target.value;
            if (target) asUndoStep(doc, () => linkToActivity(doc, activity.id, kind, target));
          }}
        >
          <option value="">
            {kind === 'capacity'
              ? t('activityCanvas.panel.addCapacity')
              : t('activityCanvas.panel.addOpportunity')}
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title || t('activityCanvas.list.untitled')}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
