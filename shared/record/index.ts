/**
 * Workshop records: the schema (schema.ts), doc → record (extract.ts), record → doc (toDoc.ts),
 * questionnaires (questionnaireSchema.ts, questionnaireExtract.ts), rich text (richText.ts) and the records API contract (api.ts). See docs/record.md.
 */
export * from './schema';
export * from './questionnaireSchema';
export * from './questionnaireExtract';
export * from './richText';
export * from './extract';
export * from './toDoc';
export * from './api';
