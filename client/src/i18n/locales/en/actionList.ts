/** English strings of the action-list board (merged into en.ts under `actionList`). */
export const actionList = {
  title: 'Action list',
};
