/** English strings of the activity-canvas board (merged into en.ts under `activityCanvas`). */
export const activityCanvas = {
  title: 'Transformative activities',
};
