/** English strings of the opportunity-board board (merged into en.ts under `opportunityBoard`). */
export const opportunityBoard = {
  title: 'Opportunity board',
};
