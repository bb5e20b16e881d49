// UI state of the share layer that is not part of the scenario (and so not in a link):
// whether the classroom dialog is open, and the last status message for the live region.
import { create } from 'zustand';

export interface ShareUiState {
  classroomOpen: boolean;
  status: string;
  setClassroomOpen(open: boolean): void;
  say(status: string): void;
}

export const useShareUi = create<ShareUiState>()((set) => ({
  classroomOpen: false,
  status: '',
  setClassroomOpen: (classroomOpen) => set({ classroomOpen }),
  say: (status) => set({ status }),
}));
