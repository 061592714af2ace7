/** Onglets des tableaux et paramètres de l’atelier. */
import type { LocalePart } from '../types';

export const boards: LocalePart<'boards'> = {
  tabsLabel: 'Tableaux',
  names: {
    'capacity-map': 'Capacités',
    'opportunity-board': 'Opportunités',
    'activity-canvas': 'Activités',
    'action-list': 'Actions',
    notes: 'Notes',
    questionnaires: 'Questionnaires',
  },
  loading: 'Chargement du tableau…',
};
