// Numbered migrations: each runs once, in order, in one transaction, and records user_version.
import * as m001 from './001-initial.js';
import * as m002 from './002-probe-cache.js';
import * as m003 from './003-export-records.js';
import * as m004 from './004-output-files.js';
import * as m005 from './005-checklist-confirmations.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  { version: 1, name: 'initial', sql: m001.sql },
  { version: 2, name: 'probe-cache', sql: m002.sql },
  { version: 3, name: 'export-records', sql: m003.sql },
  { version: 4, name: 'output-files', sql: m004.sql },
  { version: 5, name: 'checklist-confirmations', sql: m005.sql },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
