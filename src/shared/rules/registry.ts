// The one registry of editions' profiles. A catalog names its edition (unit.edition); everything else asks here for
// its profile, and no other module imports a particular edition. Next year's notice: a new profile file, one line here.
import { BaosongError } from '../errors.js';
import { liaoning29 } from './liaoning-29.js';
import type { Profile } from './profile.js';

const registry = new Map<string, Profile>([[liaoning29.edition, liaoning29]]);

/** The edition a new catalog gets. */
export const CURRENT_EDITION: string = liaoning29.edition;

export function editions(): string[] {
  return [...registry.keys()];
}

export function profileFor(edition: string): Profile | undefined {
  return registry.get(edition);
}

/** The profile of an edition a catalog names; an edition this version does not know is said plainly. */
export function requireProfile(edition: string | null | undefined): Profile {
  const profile = registry.get(edition ?? CURRENT_EDITION);
  if (!profile) {
    throw new BaosongError(
      'catalog',
      `不认识的届次 ${edition}：这个版本的报送助手认识 ${editions().join('、')}，请更新报送助手`,
    );
  }
  return profile;
}

/** Adds an edition (a test's own, or one loaded at run time). The edition id must be new. */
export function registerProfile(profile: Profile): void {
  if (registry.has(profile.edition)) throw new Error(`edition ${profile.edition} is already registered`);
  registry.set(profile.edition, profile);
}
