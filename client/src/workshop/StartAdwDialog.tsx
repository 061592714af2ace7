/**
 * "Start an ADW from this EDW" (facilitators of an EDW or cEDW): choose ADW or cADW, a title and
 * the transformative activities to copy (by default those with status "selected"), then
 * POST /api/workshops/:id/derive. The new workshop's links are shown with copy buttons, and its
 * tokens are kept in this browser the way the start page keeps a new workshop's.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  WORKSHOP_TITLE_MAX,
  type DeriveWorkshopResponse,
  type Role,
  type WorkshopTemplate,
} from '@shared/domain/workshop';
import { ApiRequestError, NetworkError } from '@client/connection/api/errors';
import { deriveWorkshop } from '@client/connection/api/workshops';
import { Icon } from '@client/ui/Icon';
import { useActionList } from '@client/boards/action-list/actionStore';
import { StatusBadge } from '@client/boards/action-list/actionBadges';
import { ShareLinkRow } from './ShareLinkRow';
import { saveWorkshopAccess } from '@client/store/workshopAccess';
import '@client/styles/action-list.css';
import { CheckList } from '@client/ui/CheckList';
import { ModalDialog } from '@client/ui/ModalDialog';

type AdwTemplate = 'adw' | 'cadw';

interface StartAdwDialogProps {
  workshopId: string;
  /** The facilitator's token of the source workshop. */
  token: string;
  doc: Y.Doc;
  sourceTemplate: WorkshopTemplate;
  sourceTitle: string;
  onClose: () => void;
}

const ROLE_ORDER: Role[] = ['participant', 'projector', 'facilitator'];

export default function StartAdwDialog(props: StartAdwDialogProps) {
  const { workshopId, token, doc, sourceTemplate, sourceTitle, onClose } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const inputId = useId();
  const errorId = useId();
  const { activities } = useActionList(doc);
  const [template, setTemplate] = useState<AdwTemplate>(sourceTemplate === 'cedw' ? 'cadw' : 'adw');
  const defaultTitle = (tpl: AdwTemplate) =>
    t('actionList.startAdw.titleDefault', {
      title: sourceTitle,
      template: t(`templateShort.${tpl}`),
    }).slice(0, WORKSHOP_TITLE_MAX);
  const [title, setTitle] = useState(() => defaultTitle(template));
  const [titleEdited, setTitleEdited] = useState(false);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<DeriveWorkshopResponse | null>(null);

  // Until the facilitator changes it, the choice follows the activities' status.
  const selectedByStatus = useMemo(
    () => new Set(activities.filter((a) => a.status === 'selected').map((a) => a.id)),
    [activities],
  );
  const choice = useMemo(() => {
    const base = chosen ?? selectedByStatus;
    return new Set([...base].filter((id) => activities.some((a) => a.id === id)));
  }, [chosen, selectedByStatus, activities]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (!title.trim()) {
      setError(t('actionList.startAdw.titleRequired'));
      return;
    }
    if (choice.size === 0) {
      setError(t('actionList.startAdw.noneChosen'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const result = await deriveWorkshop(workshopId, token, {
        template,
        title: title.trim(),
        activityIds: [...choice],
      });
      saveWorkshopAccess(result.id, { token: result.tokens.facilitator, tokens: result.tokens });
      setCreated(result);
    } catch (caught) {
      if (caught instanceof NetworkError) setError(t('actionList.startAdw.errors.network'));
      else if (caught instanceof ApiRequestError && caught.status === 409)
        setError(t('actionList.startAdw.errors.conflict', { message: caught.message }));
      else if (
        caught instanceof ApiRequestError &&
        (caught.status === 403 || caught.status === 401)
      )
        setError(t('actionList.startAdw.errors.forbidden'));
      else
        setError(
          t('actionList.startAdw.errors.generic', {
            message: caught instanceof Error ? caught.message : String(caught),
          }),
        );
    } finally {
      setSubmitting(false);
    }
  };

  const links = created?.links ?? null;

  return (
    <ModalDialog
      className="dialog start-adw"
      labelledBy={titleId}
      testId="start-adw-dialog"
      onClose={onClose}
    >
      <div className="start-adw__header">
        <h2 id={titleId} className="dialog__title">
          {created
            ? t('actionList.startAdw.created', { title: created.title })
            : t('actionList.startAdw.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('actionList.startAdw.close')}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </div>

      {created && links ? (
        <div className="start-adw__done" data-testid="start-adw-done">
          <p className="start-adw__success" role="status">
            <Icon name="check" size={18} />
            {t('actionList.startAdw.copied', { count: created.copiedActivities })}
          </p>
          <p className="dialog__text">{t('actionList.startAdw.linksIntro')}</p>
          <div className="share start-adw__links">
            {ROLE_ORDER.map((role) => (
              <ShareLinkRow key={role} role={role} link={links[role]} />
            ))}
          </div>
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('actionList.startAdw.close')}
            </button>
            <a
              className="button button--primary"
              href={`/w/${encodeURIComponent(created.id)}`}
              target="_blank"
              rel="noopener"
              data-testid="start-adw-open"
            >
              <Icon name="link" size={16} />
              {t('actionList.startAdw.openNew')}
            </a>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="dialog__text">{t('actionList.startAdw.intro')}</p>
          <fieldset className="start-adw__templates">
            <legend className="field__label">{t('actionList.startAdw.template')}</legend>
            {(['adw', 'cadw'] as const).map((tpl) => (
              <label
                key={tpl}
                className={
                  template === tpl
                    ? 'start-adw__template start-adw__template--on'
                    : 'start-adw__template'
                }
              >
                <input
                  type="radio"
                  name="template"
                  value={tpl}
                  checked={template === tpl}
                  data-testid={`start-adw-template-${tpl}`}
                  onChange={() => {
                    setTemplate(tpl);
                    if (!titleEdited) setTitle(defaultTitle(tpl));
                  }}
                />
                <span>{t(`template.${tpl}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={inputId} className="field__label">
              {t('actionList.startAdw.titleLabel')}
            </label>
            <input
              id={inputId}
              className="field__input"
              value={title}
              maxLength={WORKSHOP_TITLE_MAX}
              data-testid="start-adw-title"
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleEdited(true);
                setError(null);
              }}
            />
          </div>
          <fieldset className="start-adw__activities">
            <legend className="field__label start-adw__legend">
              <span>{t('actionList.startAdw.activities')}</span>
              <span className="muted" data-testid="start-adw-count">
                {t('actionList.startAdw.chosen', { count: choice.size, total: activities.length })}
              </span>
            </legend>
            {activities.length === 0 ? (
              <p className="muted">{t('actionList.startAdw.noActivities')}</p>
            ) : (
              <CheckList
                items={activities}
                chosen={choice}
                onChange={(next) => {
                  setChosen(next);
                  setError(null);
                }}
                hint={<span className="muted">{t('actionList.startAdw.activitiesHint')}</span>}
                allLabel={t('actionList.startAdw.selectAll')}
                noneLabel={t('actionList.startAdw.selectNone')}
                presets={[
                  { label: t('actionList.startAdw.selectSelected'), ids: selectedByStatus },
                ]}
                listTestId="start-adw-activities"
                itemTestId="start-adw-activity"
                itemIdAttribute="activity"
                classPrefix="start-adw"
                itemClassName="start-adw__activity"
                renderItem={(activity) => (
                  <>
                    <span className="start-adw__activity-title">
                      {activity.title || t('actionList.untitledActivity')}
                    </span>
                    <StatusBadge kind="activity" status={activity.status} />
                  </>
                )}
              />
            )}
          </fieldset>
          {error && (
            <p id={errorId} className="field__error" role="alert" data-testid="start-adw-error">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('actionList.startAdw.cancel')}
            </button>
            <button
              type="submit"
              className="button button--primary"
              data-testid="start-adw-submit"
              disabled={submitting || choice.size === 0}
              aria-describedby={error ? errorId : undefined}
            >
              {submitting
                ? t('actionList.startAdw.submitting')
                : t('actionList.startAdw.submit', {
                    count: choice.size,
                    template: t(`templateShort.${template}`),
                  })}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
