// The navigation slice: the screen shown, the work edited and the field to focus, the works list's filter, and the
// catalog being opened (its screens wait for it).
import type { JobKit } from './kit.js';
import type { Screen, WorkStatus } from '../store.js';

export interface NavigationState {
  screen: Screen;
  editing: number | null;
  /** The field of the work being edited to scroll to and focus (from a finding). */
  focus: string | null;
  /** The works list's state filter, as 报送总览 sets it when it sends the user there. */
  listStatus: WorkStatus;
  /** A catalog being opened: the screens wait for it (their nav buttons are off). */
  opening: string | null;
  go(screen: Screen): void;
  edit(id: number, focus?: string): void;
  clearFocus(): void;
  showWorks(status: WorkStatus): void;
}

export function navigationSlice({ set, get }: JobKit): NavigationState {
  return {
    screen: 'catalog',
    editing: null,
    focus: null,
    listStatus: '',
    opening: null,
    // Messages belong to the screen that raised them.
    go: (screen) => set({ screen, notice: null, error: null, listStatus: '' }),
    edit: (id, focus) => {
      if (get().editing !== id) set({ details: {} });
      set({ editing: id, screen: 'edit', focus: focus ?? null });
    },
    clearFocus: () => set({ focus: null }),
    showWorks: (status) => set({ listStatus: status, screen: 'works', notice: null, error: null }),
  };
}
