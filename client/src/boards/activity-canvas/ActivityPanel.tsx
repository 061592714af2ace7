/**
 * Every field of one transformative activity: name, rich-text description, field, status, the
 * capacities combined and opportunities targeted (add / remove; a deleted source shows "source
 * removed"), actors, structural change, critical mass with rationale, cross-regional need, and
 * where it was copied from. Text fields are co-edited live (Y.Text); each change is one doc operation.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import {
  addActor,
  addCrossRegionalNeed,
  cardBody,
  cardsMap,
  cardTitle,
  deleteCard,
  linkToActivity,
  readActivity,
  removeActor,
  removeCrossRegionalNeed,
  resolveLinks,
  setActivityStatus,
  setActivityText,
  setCardTitle,
  unlinkFromActivity,
  updateActivity,
  updateActor,
  updateCrossRegionalNeed,
  type Activity,
  type Actor,
  type CardMap,
  type CrossRegionalNeed,
  type LinkKind,
} from '../../../../shared/doc';
import { ACTIVITY_STATUSES, HELICES, type Helix, type Region } from '../../../../shared/domain/s3';
import { Icon } from '../../app/Icon';
import { asUndoStep } from '../../sync/undo';
import { useYValue } from '../../sync/useY';
import { RichTextField } from '../board/RichTextField';
import { YTextField } from '../board/YTextField';
import type { CanvasData } from './canvasData';
import { useCanvasStore } from './canvasStore';
import { LinkTitle } from './LinkedCards';
import { ProvenanceNote } from './ProvenanceNote';
import { CardVoteDots } from '../../facilitation/voting/CardVoteDots';

interface ActivityPanelProps {
  doc: Y.Doc;
  activityId: string;
  data: CanvasData;
  canEdit: boolean;
}

const readActivityCard = (id: string) => (cards: Y.Map<CardMap>) => {
  const card = cards.get(id);
  return card instanceof Y.Map && card.get('type') === 'activity' ? card : undefined;
};

export function ActivityPanel({ doc, activityId, data, canEdit }: ActivityPanelProps) {
  const { t } = useTranslation();
  const [read] = useState(() => readActivityCard(activityId));
  const card = useYValue(cardsMap(doc), read);
  const close = () => useCanvasStore.getState().openActivity(null);
  return (
    <section
      className="activity-panel"
      aria-label={t('activityCanvas.panel.label')}
      data-testid="activity-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) close();
      }}
    >
      <header className="s3-panel__header">
        <button
          type="button"
          className="button button--ghost"
          data-testid="activity-panel-back"
          onClick={close}
        >
          ← {t('activityCanvas.panel.back')}
        </button>
        {card && (
          <CardVoteDots
            cardId={activityId}
            title={data.activityById.get(activityId)?.title ?? ''}
          />
        )}
      </header>
      {card ? (
        <ActivityFields doc={doc} card={card} data={data} canEdit={canEdit} />
      ) : (
        <p className="s3-panel__empty">{t('activityCanvas.panel.gone')}</p>
      )}
    </section>
  );
}

interface FieldsProps {
  doc: Y.Doc;
  card: CardMap;
  data: CanvasData;
  canEdit: boolean;
}

function ActivityFields({ doc, card, data, canEdit }: FieldsProps) {
  const { t } = useTranslation();
  const activity = useYValue(card, readActivity, { deep: true });
  const id = activity.id;
  const body = cardBody(card);
  const titleText = cardTitle(card);
  const structural = card.get('structuralChange');
  const rationale = card.get('criticalMassRationale');
  const fieldId = (name: string) => `activity-${id}-${name}`;
  const nameRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    nameRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [id]);

  return (
    <div className="s3-panel__body">
      {activity.provenance && <ProvenanceNote provenance={activity.provenance} />}
      <div className="field" ref={nameRef}>
        <label className="field__label" htmlFor={fieldId('name')}>
          {t('activityCanvas.panel.name')}
        </label>
        {titleText && (
          <YTextField
            id={fieldId('name')}
            className="field__input activity-panel__name"
            testId="activity-name-input"
            text={titleText}
            maxLength={500}
            readOnly={!canEdit}
            placeholder={t('activityCanvas.panel.namePlaceholder')}
            onText={(value) => setCardTitle(doc, id, value)}
          />
        )}
      </div>

      <div className="field">
        <span className="field__label" id={fieldId('status')}>
          {t('activityCanvas.panel.status')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={fieldId('status')}>
          {ACTIVITY_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              role="radio"
              aria-checked={activity.status === status}
              disabled={!canEdit}
              className={`segmented__option segmented__option--${status}`}
              data-testid={`activity-status-${status}`}
              onClick={() => asUndoStep(doc, () => setActivityStatus(doc, id, status))}
            >
              {t(`s3.activityStatus.${status}`)}
            </button>
          ))}
        </div>
      </div>

      <PlainField
        id={fieldId('field')}
        label={t('activityCanvas.panel.field')}
        placeholder={t('activityCanvas.panel.fieldPlaceholder')}
        value={activity.field}
        maxLength={200}
        readOnly={!canEdit}
        onCommit={(value) => updateActivity(doc, id, { field: value })}
        testId="activity-field-input"
      />

      <div className="field">
        <span className="field__label" id={fieldId('description')}>
          {t('activityCanvas.panel.description')}
        </span>
        <RichTextField
          body={body}
          canEdit={canEdit}
          labelledBy={fieldId('description')}
          placeholder={t('activityCanvas.panel.descriptionEmpty')}
          editLabel={t('activityCanvas.panel.editDescription')}
          editTestId="activity-edit-description"
        />
      </div>

      <LinkSection doc={doc} activity={activity} kind="capacity" data={data} canEdit={canEdit} />
      <LinkSection doc={doc} activity={activity} kind="opportunity" data={data} canEdit={canEdit} />

      <ActorsSection doc={doc} activity={activity} regions={data.regions} canEdit={canEdit} />

      <div className="field">
        <label className="field__label" htmlFor={fieldId('structural')}>
          {t('activityCanvas.panel.structuralChange')}
        </label>
        {structural instanceof Y.Text && (
          <YTextField
            id={fieldId('structural')}
            className="field__input s3-textarea"
            multiline
            rows={3}
            text={structural}
            readOnly={!canEdit}
            placeholder={t('activityCanvas.panel.structuralChangePlaceholder')}
            onText={(value) => setActivityText(doc, id, 'structuralChange', value)}
          />
        )}
      </div>

      <div className="s3-panel__section">
        <h3 className="s3-panel__section-title" id={fieldId('mass')}>
          {t('activityCanvas.panel.criticalMass')}
        </h3>
        <div
          className="segmented segmented--score"
          role="radiogroup"
          aria-labelledby={fieldId('mass')}
        >
          {[0, 1, 2, 3, 4, 5].map((score) => (
            <button
              key={score}
              type="button"
              role="radio"
              aria-checked={activity.criticalMass === score}
              aria-label={
                score === 0
                  ? t('activityCanvas.panel.notJudged')
                  : t('activityCanvas.panel.criticalMassScore', { score })
              }
              disabled={!canEdit}
              className="segmented__option"
              data-testid={`activity-mass-${score}`}
              onClick={() =>
                asUndoStep(doc, () => updateActivity(doc, id, { criticalMass: score }))
              }
            >
              {score === 0 ? '–' : score}
            </button>
          ))}
        </div>
        <label className="field__label" htmlFor={fieldId('rationale')}>
          {t('activityCanvas.panel.rationale')}
        </label>
        {rationale instanceof Y.Text && (
          <YTextField
            id={fieldId('rationale')}
            className="field__input s3-textarea"
            multiline
            rows={2}
            text={rationale}
            readOnly={!canEdit}
            placeholder={t('activityCanvas.panel.rationalePlaceholder')}
            onText={(value) => setActivityText(doc, id, 'criticalMassRationale', value)}
          />
        )}
      </div>

      <NeedsSection doc={doc} activity={activity} regions={data.regions} canEdit={canEdit} />

      {canEdit && (
        <footer className="s3-panel__footer">
          <button
            type="button"
            className="button s3-button-danger"
            data-testid="activity-delete"
            onClick={() => {
              asUndoStep(doc, () => deleteCard(doc, id));
              useCanvasStore.getState().openActivity(null);
            }}
          >
            <Icon name="trash" size={16} />
            {t('activityCanvas.panel.delete')}
          </button>
        </footer>
      )}
    </div>
  );
}

/** A plain string field: local while typing, written on blur or Enter (last writer wins). */
const COMMIT_AFTER_MS = 600;

function PlainField({
  id,
  label,
  placeholder,
  value,
  maxLength,
  readOnly,
  onCommit,
  testId,
}: {
  id: string;
  label?: string;
  placeholder?: string;
  value: string;
  maxLength: number;
  readOnly: boolean;
  onCommit: (value: string) => void;
  testId?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setDraft(value);
  }, [value, focused]);
  // Saved a moment after typing stops, not only on blur: others see it live, and an archive or a
  // lock that comes while the caret is still in the field does not lose it.
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };
  const commitText = (text: string) => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    if (text.trim() !== latest.current.value) latest.current.onCommit(text.trim());
  };
  const commit = () => commitText(draft);
  const edit = (text: string) => {
    setDraft(text);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { timer: setTimeout(() => commitText(text), COMMIT_AFTER_MS), text };
  };
  // Closing the panel mid-word keeps the word.
  useEffect(
    () => () => {
      if (pending.current) commitText(pending.current.text);
    },
    [],
  );
  const input = (
    <input
      id={id}
      className="field__input"
      value={draft}
      placeholder={placeholder}
      maxLength={maxLength}
      readOnly={readOnly}
      data-testid={testId}
      aria-label={label ? undefined : placeholder}
      onFocus={() => setFocused(true)}
      onChange={(e) => edit(e.target.value)}
      onBlur={() => {
        setFocused(false);
        commit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
  if (!label) return input;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {input}
    </div>
  );
}

function LinkSection({
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

function RegionSelect({
  value,
  regions,
  onChange,
  disabled,
  label,
  allowNone,
}: {
  value: string;
  regions: Region[];
  onChange: (regionId: string) => void;
  disabled: boolean;
  label: string;
  allowNone: boolean;
}) {
  const { t } = useTranslation();
  const known = regions.some((r) => r.id === value);
  return (
    <select
      className="field__input field__select"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    >
      {(allowNone || !known) && (
        <option value={known ? '' : value}>
          {value && !known
            ? t('activityCanvas.matrix.unknownRegion')
            : t('activityCanvas.panel.noRegion')}
        </option>
      )}
      {regions.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}

function ActorsSection({
  doc,
  activity,
  regions,
  canEdit,
}: {
  doc: Y.Doc;
  activity: Activity;
  regions: Region[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [helix, setHelix] = useState<Helix>('business');
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
          <PlainField
            id={`actor-${actor.id}`}
            placeholder={t('activityCanvas.panel.actorName')}
            value={actor.name}
            maxLength={200}
            readOnly={!canEdit}
            onCommit={(value) => value && update(actor, { name: value })}
          />
          <select
            className="field__input field__select"
            aria-label={t('activityCanvas.panel.helix')}
            value={actor.helix}
            disabled={!canEdit}
            onChange={(e) => update(actor, { helix: e.target.value as Helix })}
          >
            {HELICES.map((h) => (
              <option key={h} value={h}>
                {t(`s3.helix.${h}`)}
              </option>
            ))}
          </select>
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
          <select
            className="field__input field__select"
            aria-label={t('activityCanvas.panel.helix')}
            value={helix}
            onChange={(e) => setHelix(e.target.value as Helix)}
          >
            {HELICES.map((h) => (
              <option key={h} value={h}>
                {t(`s3.helix.${h}`)}
              </option>
            ))}
          </select>
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

function NeedsSection({
  doc,
  activity,
  regions,
  canEdit,
}: {
  doc: Y.Doc;
  activity: Activity;
  regions: Region[];
  canEdit: boolean;
}) {
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
          <PlainField
            id={`need-${need.id}`}
            placeholder={t('activityCanvas.panel.contributionPlaceholder')}
            value={need.contribution}
            maxLength={1000}
            readOnly={!canEdit}
            onCommit={(value) => update(need, { contribution: value })}
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
