/**
 * The rows of the action detail panel: a titled section, a text row and a select row, each a
 * labelled Field; text rows are the one DraftField (saved on pause, blur or Enter, Escape restores).
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftField } from '@client/ui/DraftField';
import { Field, SelectField, type SelectOption } from '@client/ui/Field';
import { notSetClass } from '../closedLabel';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="action-detail__section" aria-labelledby={id}>
      <h3 id={id} className="action-detail__section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  display?: string;
  canEdit: boolean;
  type?: 'text' | 'date';
  inputMode?: 'decimal';
  large?: boolean;
  /** Longest value; reaching it says so under the field. */
  maxLength?: number;
  testId?: string;
  /** False: the value was refused (the field keeps what was typed). */
  onCommit: (value: string) => boolean;
}

export function TextField({
  label,
  value,
  display,
  canEdit,
  type = 'text',
  inputMode,
  large,
  maxLength,
  testId,
  onCommit,
}: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      className={
        large ? 'action-detail__field action-detail__field--large' : 'action-detail__field'
      }
    >
      <DraftField
        className="field__input action-detail__input"
        type={type}
        inputMode={inputMode}
        value={value}
        display={display}
        readOnly={!canEdit}
        maxLength={maxLength}
        limitMessage={
          maxLength !== undefined ? t('actionList.titleLimit', { max: maxLength }) : undefined
        }
        limitTestId="detail-limit"
        testId={testId}
        onCommit={onCommit}
      />
    </Field>
  );
}

interface DetailSelectProps {
  label: string;
  value: string;
  canEdit: boolean;
  options: SelectOption[];
  testId?: string;
  onChange: (value: string) => void;
}

export function DetailSelect({
  label,
  value,
  canEdit,
  options,
  testId,
  onChange,
}: DetailSelectProps) {
  return (
    <Field label={label} className="action-detail__field">
      <SelectField
        className={`field__input field__select action-detail__input${notSetClass(value)}`}
        value={value}
        disabled={!canEdit}
        options={options}
        testId={testId}
        onChange={onChange}
      />
    </Field>
  );
}
