/** Whether this facilitator's screen shows the groups side by side (local; the wall always does). */
import { create } from 'zustand';

interface RollUpUi {
  shown: boolean;
  setShown: (shown: boolean) => void;
}

export const useRollUpStore = create<RollUpUi>()((set) => ({
  shown: false,
  setShown: (shown) => set({ shown }),
}));
