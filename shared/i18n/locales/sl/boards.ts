/** Slovenian strings of the board tabs and the workshop settings. */
import type { LocalePart } from '../types';

export const boards: LocalePart<'boards'> = {
  tabsLabel: 'Table',
  names: {
    'capacity-map': 'Zmogljivosti',
    'opportunity-board': 'Priložnosti',
    'activity-canvas': 'Dejavnosti',
    'action-list': 'Ukrepi',
    notes: 'Zapiski',
    questionnaires: 'Vprašalniki',
  },
  loading: 'Nalaganje table …',
};
