/**
 * The preview's per-row note: what a row did not set, and what it said in another form, so nothing
 * the file did not say reaches the board unseen ("not set: kind · “2035” → More than 5 years").
 */
import type { TFunction } from 'i18next';
import type { ColumnMapping, ImportPlan, RowNote } from '@shared/import';
import type { ImportTarget } from '@shared/import';
import { closedLabel } from '../closedLabel';

type FieldName = (key: string) => string;

function valueLabel(t: TFunction, target: ImportTarget, note: RowNote & { note: 'read-as' }) {
  if (note.field === 'horizon') return closedLabel(t, 'horizon', note.to as 'now');
  if (note.field === 'kind')
    return target === 'capacity'
      ? closedLabel(t, 'capacityKind', note.to as 'industry')
      : closedLabel(t, 'opportunityKind', note.to as 'market');
  return note.to;
}

/** A field no column fills: said once above the preview, not on every row. */
function fieldNotInFile(field: string, mapping: ColumnMapping): boolean {
  if (field === 'region') return mapping.region == null && mapping.nuts == null;
  return mapping[field] == null;
}

/** Fields no column fills that some row leaves not set ("Not in the file: kind, horizon"). */
export function fieldsNotInFile(plan: ImportPlan, mapping: ColumnMapping): string[] {
  const fields = new Set<string>();
  for (const row of plan.rows)
    for (const note of row.notes)
      if (note.note === 'not-set' && fieldNotInFile(note.field, mapping)) fields.add(note.field);
  return [...fields];
}

/** The row's notes as short phrases (empty when the row says everything itself). */
export function rowNoteTexts(
  t: TFunction,
  target: ImportTarget,
  notes: RowNote[],
  mapping: ColumnMapping,
  fieldName: FieldName,
): string[] {
  const texts: string[] = [];
  const notSet = notes
    .filter((n) => n.note === 'not-set' && !fieldNotInFile(n.field, mapping))
    .map((n) => fieldName(n.field));
  if (notSet.length > 0)
    texts.push(t('actionList.import.noteNotSet', { fields: notSet.join(', ') }));
  for (const note of notes) {
    if (note.note === 'helix-not-set')
      texts.push(
        t('actionList.import.noteHelix', {
          count: note.names.length,
          names: note.names.join(', '),
        }),
      );
    if (note.note === 'read-as')
      texts.push(
        t('actionList.import.noteReadAs', { from: note.from, to: valueLabel(t, target, note) }),
      );
  }
  return texts;
}
