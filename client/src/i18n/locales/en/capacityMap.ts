/** English strings of the capacity-map board (merged into en.ts under `capacityMap`). */
export const capacityMap = {
  title: 'Capacity map',
};
