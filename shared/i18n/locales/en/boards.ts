/** English strings of the board tabs and the workshop settings. */
export const boards = {
  tabsLabel: 'Boards',
  names: {
    'capacity-map': 'Capacities',
    'opportunity-board': 'Opportunities',
    'activity-canvas': 'Activities',
    'action-list': 'Actions',
    notes: 'Notes',
    questionnaires: 'Questionnaires',
  },
  loading: 'Loading the board…',
};
