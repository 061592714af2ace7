/** Schede delle lavagne e impostazioni del workshop. */
import type { LocalePart } from '../types';

export const boards: LocalePart<'boards'> = {
  tabsLabel: 'Lavagne',
  names: {
    'capacity-map': 'Capacità',
    'opportunity-board': 'Opportunità',
    'activity-canvas': 'Attività',
    'action-list': 'Azioni',
    notes: 'Note',
    questionnaires: 'Questionari',
  },
  loading: 'Caricamento della lavagna…',
};
