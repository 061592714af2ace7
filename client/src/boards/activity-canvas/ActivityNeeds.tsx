/** What an activity needs from each region: the region and its contribution (a DraftField), and a row to add one. */
import { useTranslation } from 'react-i18next';

import {
  addCrossRegionalNeed,
  removeCrossRegionalNeed,
  updateCrossRegionalNeed,
  type CrossRegionalNeed,
} from '@shared/doc';
import { Icon } from '@client/ui/Icon';
import { asUndoStep } from '@client/sync/undo';
import { DraftField } from '@client/ui/DraftField';
import { RegionSelect } from './RegionSelect';
import type { ActivitySectionProps } from './ActivityActors';

export function NeedsSection({ doc, activity, regions, canEdit }: ActivitySectionProps) {
  const { t } = useTranslation();
  const regionName = (id: string) =>
    regions.find((r) => r.id === id)?.name ?? t('activityCanvas.matrix.unknownRegion');
  const update = (need: CrossRegionalNeed, patch: Partial<CrossRegionalNeed>) =>
    updateCrossRegionalNeed(doc, activity.id, { ...need, ...patch });
  const unused = regions.filter(
    (r) => !activity.crossRegionalNeeds.some((n) => n.regionId === r.id),
  );
  return (
    <div className="s3-panel__section" data-testid="activity-needs">
      <h3 className="s3-panel__section-title">{t('activityCanvas.panel.crossRegional')}</h3>
      <p className="s3-panel__hint">
        {regions.length === 0
          ? t('activityCanvas.panel.noRegionsYet')
          : t('activityCanvas.panel.crossRegionalHint')}
      </p>
      {activity.crossRegionalNeeds.map((need) => (
        <div key={need.id} className="row-editor row-editor--need">
          <RegionSelect
            value={need.regionId}
            regions={regions}
            disabled={!canEdit}
            label={t('activityCanvas.panel.region')}
            allowNone={false}
            onChange={(value) => value && update(need, { regionId: value })}
          />
          <DraftField
            id={`need-${need.id}`}
            placeholder={t('activityCanvas.panel.contributionPlaceholder')}
            aria-label={t('activityCanvas.panel.contributionPlaceholder')}
            value={need.contribution}
            maxLength={1000}
            readOnly={!canEdit}
            onCommit={(value) => update(need, { contribution: value.trim() })}
          />
          {canEdit && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('activityCanvas.panel.removeNeed', {
                region: regionName(need.regionId),
              })}
              title={t('activityCanvas.panel.removeNeed', { region: regionName(need.regionId) })}
              onClick={() =>
                asUndoStep(doc, () => removeCrossRegionalNeed(doc, activity.id, need.id))
              }
            >
              <Icon name="trash" size={16} />
            </button>
          )}
        </div>
      ))}
      {canEdit && unused.length > 0 && (
        <select
          className="field__input field__select"
          aria-label={t('activityCanvas.panel.addRegion')}
          value=""
          data-testid="need-add-region"
          onChange={(e) => {
            const regionId = e.target.value;
            if (regionId)
              asUndoStep(doc, () =>
                addCrossRegionalNeed(doc, activity.id, { regionId, contribution: '' }),
              );
          }}
        >
          <option value="">{t('activityCanvas.panel.addRegion')}</option>
          {unused.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
