// Where each entity's fields are stored (Actual's schema guard): a field added to an entity (src/shared/entities.ts)
// must name its column here — the maps are typed by the schemas, so a missing entry does not compile — and the column
// must be made by a numbered migration (migrations/): test/db/migrations.test.ts opens a catalog made by the
// migrations alone and fails on any field whose column is not there. The unit's text values are stored by their
// derived column name (unitColumn), so only that test stands between a new unit field and a catalog without it.
import {
  type authorSchema,
  type fileRefSchema,
  UNIT_KEYS,
  unitColumn,
  type workSchema,
} from '../../shared/entities.js';
import type { ReadDb } from './db.js';

type Place = `${string}.${string}`;

/** A work's fields: its own columns, or the table holding the list. */
const WORK: Record<keyof typeof workSchema.shape, Place> = {
  id: 'works.id',
  key: 'works.batch_key',
  position: 'works.position',
  category: 'works.category',
  stage: 'works.stage',
  variant: 'works.variant',
  title: 'works.title',
  subject: 'works.subject',
  grade: 'works.grade',
  share: 'works.share',
  comment: 'works.comment',
  space: 'works.space',
  fields: 'form_fields.value',
  scenes: 'work_scenes.label',
  checklist: 'checklist.checked',
  confirmed: 'checklist.confirmed_by',
  authors: 'work_authors.person_id',
  files: 'files.work_id',
};

const AUTHOR: Record<keyof typeof authorSchema.shape, Place> = {
  personId: 'work_authors.person_id',
  name: 'people.name',
  unit: 'people.unit',
  mobile: 'work_authors.mobile',
  email: 'work_authors.email',
  phone: 'work_authors.phone',
};

const FILE: Record<keyof typeof fileRefSchema.shape, Place> = {
  id: 'files.id',
  role: 'files.role',
  path: 'files.path',
  absPath: 'files.abs_path',
  size: 'files.size',
  mtimeMs: 'files.mtime_ms',
  origin: 'files.origin',
};

/** Every entity field with the column that stores it. */
export function storage(): { field: string; place: Place }[] {
  return [
    ...Object.entries(WORK).map(([k, place]) => ({ field: `work.${k}`, place })),
    ...Object.entries(AUTHOR).map(([k, place]) => ({ field: `author.${k}`, place })),
    ...Object.entries(FILE).map(([k, place]) => ({ field: `file.${k}`, place })),
    { field: 'unit.edition', place: `unit.${unitColumn('edition')}` },
    { field: 'unit.files', place: 'files.work_id' },
    ...UNIT_KEYS.map((k) => ({ field: `unit.${k}`, place: `unit.${unitColumn(k)}` as Place })),
  ];
}

/** The entity fields whose column this catalog lacks ("unit.fax → unit.fax"): none, for a catalog the code can use. */
export function schemaGaps(db: ReadDb): string[] {
  const columns = new Map<string, Set<string>>();
  const has = (place: Place) => {
    const [table, column] = place.split('.') as [string, string];
    if (!columns.has(table))
      columns.set(
        table,
        new Set((db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name)),
      );
    return columns.get(table)!.has(column);
  };
  return storage()
    .filter((s) => !has(s.place))
    .map((s) => `${s.field} → ${s.place}`);
}
