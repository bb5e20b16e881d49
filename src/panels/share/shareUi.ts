// UI state of the share layer that is not part of the scenario (and so not in a link):
// which dialog or view is open, and the last status message for the live region.
import { create } from 'zustand';

export interface ShareUiState {
  compareOpen: boolean;
  classroomOpen: boolean;
  status: string;
  setCompareOpen(open: boolean): void;
  setClassroomOpen(open: boolean): void;
  say(status: string): void;
}

export const useShareUi = create<ShareUiState>()((set) => ({
  compareOpen: false,
  classroomOpen: false,
  status: '',
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  setClassroomOpen: (classroomOpen) => set({ classroomOpen }),
  say: (status) => set({ status }),
}));
