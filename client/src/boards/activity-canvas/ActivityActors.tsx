/** The actors of an activity: name (a DraftField), helix and region per actor, and a row to add one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

import { addActor, removeActor, updateActor, type Activity, type Actor } from '@shared/doc';
import { HELICES, NOT_SET, type HelixOrNotSet, type Region } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { asUndoStep } from '@client/sync/undo';
import { DraftField } from '@client/ui/DraftField';
import { SelectField } from '@client/ui/Field';
import { closedOptions, notSetOption } from '../closedLabel';
import { RegionSelect } from './RegionSelect';

/** What the panel gives each of its list sections (actors, cross-regional needs). */
export interface ActivitySectionProps {
  doc: Y.Doc;
  activity: Activity;
  regions: Region[];
  canEdit: boolean;
}

export function ActorsSection({ doc, activity, regions, canEdit }: ActivitySectionProps) {
  const { t } = useTranslation();
  const helixOptions = [notSetOption(t), ...closedOptions(t, 'helix', HELICES)];
  const [name, setName] = useState('');
  const [helix, setHelix] = useState<HelixOrNotSet>(NOT_SET);
  const [regionId, setRegionId] = useState('');
  const update = (actor: Actor, patch: Partial<Actor>) =>
    updateActor(doc, activity.id, { ...actor, ...patch });
  const add = () => {
    if (!name.trim()) return;
    asUndoStep(doc, () => addActor(doc, activity.id, { name: name.trim(), helix, regionId }));
    setName('');
  };
  return (
    <div className="s3-panel__section" data-testid="activity-actors">
      <h3 className="s3-panel__section-title">{t('activityCanvas.panel.actors')}</h3>
      {activity.actors.map((actor) => (
        <div key={actor.id} className="row-editor">
          <DraftField
            id={`actor-${actor.id}`}
            placeholder={t('activityCanvas.panel.actorName')}
            aria-label={t('activityCanvas.panel.actorName')}
            value={actor.name}
            maxLength={200}
            readOnly={!canEdit}
            onCommit={(value) => {
              // An actor keeps a name: an emptied field is not saved.
              if (value.trim()) update(actor, { name: value.trim() });
            }}
          />
          <SelectField
            className="field__input field__select"
            aria-label={t('activityCanvas.panel.helix')}
            value={actor.helix}
            options={helixOptions}
            disabled={!canEdit}
            onChange={(value) => update(actor, { helix: value as HelixOrNotSet })}
          />
          <RegionSelect
            value={actor.regionId}
            regions={regions}
            disabled={!canEdit}
            label={t('activityCanvas.panel.region')}
            allowNone
            onChange={(value) => update(actor, { regionId: value })}
          />
          {canEdit && (
            <button
              type="button"
              className="icon-button"
              aria-label={t('activityCanvas.panel.removeActor', { name: actor.name })}
              title={t('activityCanvas.panel.removeActor', { name: actor.name })}
              onClick={() => asUndoStep(doc, () => removeActor(doc, activity.id, actor.id))}
            >
              <Icon name="trash" size={16} />
            </button>
          )}
        </div>
      ))}
      {canEdit && (
        <form
          className="row-editor row-editor--new"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input
            className="field__input"
            aria-label={t('activityCanvas.panel.actorName')}
            placeholder={t('activityCanvas.panel.actorNamePlaceholder')}
            value={name}
            maxLength={200}
            data-testid="actor-name-input"
            onChange={(e) => setName(e.target.value)}
          />
          <SelectField
            className="field__input field__select"
            aria-label={t('activityCanvas.panel.helix')}
            value={helix}
            options={helixOptions}
            onChange={(value) => setHelix(value as HelixOrNotSet)}
          />
          <RegionSelect
            value={regionId}
            regions={regions}
            disabled={false}
            label={t('activityCanvas.panel.region')}
            allowNone
            onChange={setRegionId}
          />
          <button
            type="submit"
            className="icon-button"
            aria-label={t('activityCanvas.panel.addActor')}
            title={t('activityCanvas.panel.addActor')}
            disabled={!name.trim()}
            data-testid="actor-add"
          >
            <Icon name="plus" size={16} />
          </button>
        </form>
      )}
    </div>
  );
}
