/**
 * The side panel of one capacity: every field, edited live (title co-edited character by character,
 * description in the shared rich-text editor, holders, strength, evidence link). Read-only on the
 * wall screen. The holders' list and form are HolderList.tsx.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Region } from '@shared/domain/s3';
import {
  activitiesLinking,
  cardBody,
  cardTitle,
  readCapacity,
  readDiamondAxes,
  updateCapacity,
  type CardMap,
} from '@shared/doc';
import { CAPACITY_KINDS, type CapacityKindOrNotSet } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { useCard } from '@client/sync/useCards';
import { useYValue } from '@client/sync/useY';
import { DraftField } from '@client/ui/DraftField';
import { Field, SelectField } from '@client/ui/Field';
import { PanelHeader } from '@client/ui/PanelHeader';
import { SidePanel } from '@client/ui/SidePanel';
import { StaticRichText } from '../board/StaticRichText';
import { useLinkCount } from './capacityIndex';
import { useCapacityMap } from './capacityMapContext';
import { useCapacityMapStore } from './capacityMapStore';
import { StrengthDots, StrengthPicker } from './capacityParts';
import { HolderList } from './HolderList';
import { TitleField } from './TitleField';
import { BoardIcon } from './visuals';
import { BodyEditor } from '../board/BodyEditor';
import { closedLabel, closedOptions, notSetClass, notSetOption } from '../closedLabel';
import { currentLanguage } from '@client/i18n';
import { formatters } from '@shared/i18n/format';

const URL_PATTERN = /^https?:\/\/\S+$/i;

const readFieldTags = (axes: Y.Array<unknown>) =>
  axes.doc ? [...new Set(readDiamondAxes(axes.doc).flatMap((a) => a.fields))] : [];

/** Mount with `key={id}`: the card subscription below reads by id. */
export function CapacityPanel({ id, regions }: { id: string; regions: Region[] }) {
  const { t } = useTranslation();
  const { doc, canEdit } = useCapacityMap();
  const card = useCard(doc, id);
  const focusTitle = useCapacityMapStore((s) => s.focusTitle);
  const close = useCapacityMapStore((s) => s.open);
  const panelRef = useRef<HTMLElement>(null);
  const headingId = useId();

  // Escape closes the panel (unless a field used it), and the card takes the focus back.
  const closePanel = () => {
    close(null);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(
          `[data-testid="capacity-card"][data-capacity-id="${CSS.escape(id)}"]`,
        )
        ?.focus(),
    );
  };

  return (
    <SidePanel
      ref={panelRef}
      className="cmap-panel"
      aria-labelledby={headingId}
      data-testid="capacity-panel"
      data-capacity-id={id}
      onClose={closePanel}
    >
      <PanelHeader
        className="cmap-panel__header"
        titleId={headingId}
        titleClassName="cmap-panel__heading"
        title={canEdit ? t('capacityMap.panel.editTitle') : t('capacityMap.panel.viewTitle')}
        closeLabel={t('capacityMap.panel.close')}
        closeTestId="capacity-panel-close"
        onClose={closePanel}
      />
      {card ? (
        <PanelBody key={id} id={id} card={card} regions={regions} focusTitle={focusTitle} />
      ) : (
        <p className="cmap-panel__gone" role="status">
          {t('capacityMap.panel.gone')}
        </p>
      )}
    </SidePanel>
  );
}

function PanelBody({
  id,
  card,
  regions,
  focusTitle,
}: {
  id: string;
  card: CardMap;
  regions: Region[];
  focusTitle: boolean;
}) {
  const { t } = useTranslation();
  const { doc, canEdit, index, deleteCapacity } = useCapacityMap();
  const capacity = useYValue(card, readCapacity, { deep: true });
  const links = useLinkCount(index, id);
  const fieldTags = useYValue(doc.getArray('diamondAxes'), readFieldTags);
  const ids = {
    title: useId(),
    region: useId(),
    kind: useId(),
    field: useId(),
    fieldList: useId(),
    strength: useId(),
    holders: useId(),
    evidence: useId(),
    description: useId(),
  };
  const titleText = cardTitle(card);
  const body = cardBody(card);
  const [editingBody, setEditingBody] = useState(false);
  const linking = useMemo(
    () => (links > 0 ? activitiesLinking(doc, id) : []),
    // The count changes whenever a link to this capacity is made or removed.
    [doc, id, links],
  );

  const set = (patch: Parameters<typeof updateCapacity>[2]) => updateCapacity(doc, id, patch);
  const regionName = regions.find((r) => r.id === capacity.regionId)?.name;
  const created = capacity.createdAt
    ? formatters(currentLanguage()).dateTime(new Date(capacity.createdAt).getTime())
    : '';

  return (
    <div className="cmap-panel__body">
      <div className="field">
        <label className="field__label" htmlFor={ids.title}>
          {t('capacityMap.panel.title')}
        </label>
        {canEdit && titleText ? (
          <TitleField
            id={ids.title}
            doc={doc}
            cardId={id}
            text={titleText}
            autoFocus={focusTitle}
            placeholder={t('capacityMap.panel.titlePlaceholder')}
            onEnter={() => document.getElementById(ids.region)?.focus()}
          />
        ) : (
          <p
            id={ids.title}
            className="cmap-panel__title-static"
            data-testid="capacity-title-static"
          >
            {capacity.title || t('capacityMap.card.untitled')}
          </p>
        )}
      </div>

      <div className="cmap-panel__pair">
        <Field id={ids.region} label={t('capacityMap.panel.region')}>
          {canEdit ? (
            <SelectField
              className="field__input field__select"
              testId="capacity-region"
              value={regions.some((r) => r.id === capacity.regionId) ? capacity.regionId : ''}
              options={[
                { value: '', label: t('capacityMap.grid.noRegion') },
                ...regions.map((r) => ({ value: r.id, label: r.name })),
              ]}
              onChange={(regionId) => {
                set({ regionId });
                if (regionId) useCapacityMapStore.getState().setLastRegionId(regionId);
              }}
            />
          ) : (
            <p id={ids.region} className="cmap-panel__static">
              {regionName ?? t('capacityMap.grid.noRegion')}
            </p>
          )}
        </Field>
        <Field id={ids.kind} label={t('capacityMap.panel.kind')}>
          {canEdit ? (
            <SelectField
              className="field__input field__select"
              testId="capacity-kind"
              value={capacity.kind}
              options={[notSetOption(t), ...closedOptions(t, 'capacityKind', CAPACITY_KINDS)]}
              onChange={(kind) => set({ kind: kind as CapacityKindOrNotSet })}
            />
          ) : (
            <p id={ids.kind} className={`cmap-panel__static${notSetClass(capacity.kind)}`}>
              {closedLabel(t, 'capacityKind', capacity.kind)}
            </p>
          )}
        </Field>
      </div>

      <div className="field">
        <span className="field__label" id={ids.strength}>
          {t('capacityMap.panel.strength')}
        </span>
        {canEdit ? (
          <StrengthPicker
            value={capacity.strength}
            labelledBy={ids.strength}
            onChange={(strength) => set({ strength })}
          />
        ) : (
          <StrengthDots value={capacity.strength} />
        )}
        <span className="cmap-panel__hint">
          {capacity.strength > 0
            ? t(`capacityMap.strength.scale.s${capacity.strength as 1 | 2 | 3 | 4 | 5}`)
            : t('capacityMap.strength.notJudgedHint')}
        </span>
      </div>

      <HolderList id={id} holders={capacity.holders} labelId={ids.holders} />

      <div className="field">
        <span className="field__label" id={ids.description}>
          {t('capacityMap.panel.description')}
        </span>
        {body && (
          <div
            className={
              editingBody ? 'cmap-panel__description is-editing' : 'cmap-panel__description'
            }
            role="group"
            aria-labelledby={ids.description}
            data-testid="capacity-description"
          >
            {editingBody && canEdit ? (
              <BodyEditor body={body} onDone={() => setEditingBody(false)} />
            ) : (
              <>
                <StaticRichText
                  body={body}
                  placeholder={
                    canEdit
                      ? t('capacityMap.panel.descriptionPlaceholder')
                      : t('capacityMap.panel.none')
                  }
                />
                {canEdit && (
                  <button
                    type="button"
                    className="button cmap-panel__edit-description"
                    data-testid="capacity-description-edit"
                    onClick={() => setEditingBody(true)}
                  >
                    <Icon name="pencil" size={14} />
                    {t('capacityMap.panel.editDescription')}
                  </button>
                )}
              </>
            )}
          </div>
        )}
      </div>

      <div className="cmap-panel__pair">
        <Field id={ids.field} label={t('capacityMap.panel.fieldTag')}>
          {canEdit ? (
            <>
              <DraftField
                data-testid="capacity-field"
                value={capacity.field}
                maxLength={120}
                list={ids.fieldList}
                placeholder={t('capacityMap.panel.fieldTagPlaceholder')}
                onCommit={(field) => {
                  set({ field });
                }}
              />
              <datalist id={ids.fieldList}>
                {fieldTags.map((tag) => (
                  <option key={tag} value={tag} />
                ))}
              </datalist>
            </>
          ) : (
            <p id={ids.field} className="cmap-panel__static">
              {capacity.field || t('capacityMap.panel.none')}
            </p>
          )}
        </Field>
      </div>

      <div className="field">
        <label className="field__label" htmlFor={ids.evidence}>
          {t('capacityMap.panel.evidence')}
        </label>
        <div className="cmap-panel__evidence">
          {canEdit ? (
            <DraftField
              id={ids.evidence}
              type="url"
              inputMode="url"
              data-testid="capacity-evidence"
              value={capacity.evidenceUrl}
              maxLength={2000}
              placeholder="https://"
              onCommit={(value) => {
                const url = value.trim();
                if (url !== '' && !URL_PATTERN.test(url))
                  return t('capacityMap.panel.evidenceInvalid');
                set({ evidenceUrl: url });
                return null;
              }}
            />
          ) : (
            !capacity.evidenceUrl && (
              <p id={ids.evidence} className="cmap-panel__static">
                {t('capacityMap.panel.none')}
              </p>
            )
          )}
          {capacity.evidenceUrl && URL_PATTERN.test(capacity.evidenceUrl) && (
            <a
              className={canEdit ? 'icon-button' : 'cmap-panel__link'}
              href={capacity.evidenceUrl}
              target="_blank"
              rel="noopener noreferrer nofollow"
              aria-label={t('capacityMap.panel.openEvidence')}
              title={capacity.evidenceUrl}
            >
              <BoardIcon name="external" size={16} />
              {!canEdit && <span>{capacity.evidenceUrl}</span>}
            </a>
          )}
        </div>
      </div>

      <div className="field">
        <span className="field__label">{t('capacityMap.panel.usedIn')}</span>
        {linking.length === 0 ? (
          <p className="cmap-panel__hint">{t('capacityMap.panel.notUsed')}</p>
        ) : (
          <ul className="cmap-panel__activities" data-testid="capacity-activities">
            {linking.map((a) => (
              <li key={a.id}>
                <span className="cmap-panel__activity-title">
                  {a.title || t('capacityMap.card.untitled')}
                </span>
                <span className="cmap-panel__activity-status">
                  {t(`s3.activityStatus.${a.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <footer className="cmap-panel__footer">
        <span className="cmap-panel__meta">
          {capacity.createdBy
            ? t('capacityMap.panel.createdBy', { author: capacity.createdBy, when: created })
            : created}
        </span>
        {canEdit && (
          <button
            type="button"
            className="button cmap-panel__delete"
            data-testid="capacity-delete"
            onClick={() => deleteCapacity(id)}
          >
            <Icon name="trash" size={16} />
            {t('capacityMap.panel.delete')}
          </button>
        )}
      </footer>
    </div>
  );
}
