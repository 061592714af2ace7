/**
 * The workshop templates and the title limit as plain constants, without the zod schemas of
 * workshop.ts: the start page reads them, and importing the schemas would put zod (~28 KB
 * compressed) into its first load.
 */

/** EDW = Entrepreneurial Discovery Workshop, ADW = Action Development Workshop; c = cross-regional. */
export const WORKSHOP_TEMPLATES = ['edw', 'cedw', 'adw', 'cadw', 'self-assessment'] as const;
export type WorkshopTemplate = (typeof WORKSHOP_TEMPLATES)[number];

export const WORKSHOP_TITLE_MAX = 200;
