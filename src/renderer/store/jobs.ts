// The jobs slice: what runs (its label, phase, progress and start, for the bar and the time left), the message it
// left (an error or a notice), and cancel.
import type { JobProgress } from '../../shared/api.js';
import type { JobKit } from './kit.js';

export interface JobsState {
  busy: string | null;
  progress: JobProgress | null;
  /** When the running job started (ms), for its time left. */
  started: number | null;
  /** Which job runs (its phases weigh the bar: shared/progress.ts), and when its current phase started. */
  job: string | null;
  phaseStarted: number | null;
  error: string | null;
  /** A plain message for the user (a guessed role, an opened folder). */
  notice: string | null;
  cancel(): void;
}

export function jobsSlice(kit: JobKit): JobsState {
  return {
    busy: null,
    progress: null,
    started: null,
    job: null,
    phaseStarted: null,
    error: null,
    notice: null,
    cancel: kit.cancel,
  };
}

/** The running job as the status bar shows it. */
export const selectJob = (s: JobsState) => ({
  busy: s.busy,
  progress: s.progress,
  job: s.job,
  phaseStarted: s.phaseStarted,
  cancel: s.cancel,
});
