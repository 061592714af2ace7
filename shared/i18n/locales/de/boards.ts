/** German strings of the board tabs and the workshop settings. */
import type { LocalePart } from '../types';

export const boards: LocalePart<'boards'> = {
  tabsLabel: 'Boards',
  names: {
    'capacity-map': 'Kapazitäten',
    'opportunity-board': 'Chancen',
    'activity-canvas': 'Aktivitäten',
    'action-list': 'Maßnahmen',
    notes: 'Notizen',
    questionnaires: 'Fragebögen',
  },
  loading: 'Board wird geladen …',
};
