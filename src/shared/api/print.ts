// print.* and mail.run: print-ready PDFs to sign and stamp, their preview, and the e-mail package.
import { z } from 'zod';
import { method } from './define.js';

const path = z.string().min(1);

export const printApi = {
  'print.run': method<{ dir: string; files: string[] }>()(
    'record',
    z.strictObject({ out: path, work: path.optional() }),
  ),
  /** A generated print PDF's bytes, for the preview. */
  'print.read': method<{ path: string; base64: string }>()('read', z.strictObject({ path })),
  'mail.run': method<{ dir: string; files: string[]; subject: string; to: string }>()(
    'record',
    z.strictObject({ out: path }),
  ),
};
