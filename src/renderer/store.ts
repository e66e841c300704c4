// The window's state (zustand), in slices (the slices pattern: LobeChat's store/, zustand's docs): catalog data,
// navigation, jobs, outputs and province — each with its state, actions and selectors in store/. They share one
// job queue (store/kit.ts) and talk only to the API client; they never know the transport. Components subscribe
// through selectors (`useStore((s) => s.works)`, or several at once with `useShallow`): a progress tick re-renders
// only what shows progress.
import { create } from 'zustand';
import type { Profile } from '../shared/rules/profile.js';
import { catalogSlice, type CatalogState } from './store/catalog.js';
import { jobsSlice, type JobsState } from './store/jobs.js';
import { makeKit } from './store/kit.js';
import { navigationSlice, type NavigationState } from './store/navigation.js';
import { outputsSlice, type OutputsState } from './store/outputs.js';
import { provinceSlice, type ProvinceState } from './store/province.js';

export type Screen =
  'catalog' | 'overview' | 'intake' | 'unit' | 'works' | 'edit' | 'check' | 'export' | 'print' | 'province';
/** The works list's state filter: '' all, 'ready' 可报送, 'errors' 有错误, 'confirm' 待确认. */
export type WorkStatus = '' | 'ready' | 'errors' | 'confirm';

export type State = CatalogState & NavigationState & JobsState & OutputsState & ProvinceState;

export const useStore = create<State>()((set, get) => {
  const kit = makeKit(set, get);
  return {
    ...jobsSlice(kit),
    ...navigationSlice(kit),
    ...catalogSlice(kit),
    ...outputsSlice(kit),
    ...provinceSlice(kit),
  };
});

/** The catalog's edition's profile; App renders the screens only once it is loaded. */
export function useProfile(): Profile {
  const profile = useStore((s) => s.profile);
  if (!profile) throw new Error('the profile is not loaded yet');
  return profile;
}
