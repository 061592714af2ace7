/**
 * Questionnaires (issue 12): versioned questionnaire data and answers (schema.ts), the shipped
 * templates (shipped.ts, data in templates/), adapting a template per workshop (adapt.ts), results
 * (aggregate.ts) and word counts (wordCount.ts). Where answers live in the workshop doc:
 * shared/doc/questionnaires.ts; the whole design: docs/questionnaires.md.
 */
export * from './schema';
export * from './shipped';
export * from './adapt';
export * from './aggregate';
export * from './wordCount';
export * from './views';
