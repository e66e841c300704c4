// system.* and the rest of the desk: opening a folder, the folder browser of browser mode, the sample batch.
import { z } from 'zod';
import { method } from './define.js';

export interface DirListing {
  dir: string;
  parent: string | null;
  roots: string[];
  entries: { name: string; dir: boolean; size: number | null }[];
}

const path = z.string().min(1);

export const systemApi = {
  /** Opens a folder or a file the app wrote (an export, a print PDF) with the system's own program. */
  'system.openPath': method<{ path: string }>()('read', z.strictObject({ path })),
  /** The folder browser of browser mode (a browser cannot give file paths). */
  'fs.list': method<DirListing>()('read', z.strictObject({ dir: z.string().optional() })),
  /** The sample batch file written into dir, ready for batch.import. */
  'demo.create': method<{ batch: string; works: number; files: number }>()('folder', z.strictObject({ dir: path })),
};
