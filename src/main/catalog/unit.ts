// The organizing unit: one row (id = 1) per catalog.
import type { Group, Unit, UnitKind } from '../../shared/model.js';
import type { Db } from './db.js';
import { listFiles } from './files.js';

interface UnitRow {
  edition: string;
  name: string;
  kind: string;
  city: string;
  grp: string;
  department: string;
  contact: string;
  title: string;
  mobile: string;
  phone: string;
  qq: string;
  email: string;
  postcode: string;
  address: string;
  cloud_link: string;
  cloud_code: string;
}

export type UnitValues = Omit<Unit, 'files'>;

function rowToUnit(db: Db, row: UnitRow): Unit {
  return {
    edition: row.edition,
    name: row.name,
    kind: row.kind as UnitKind,
    city: row.city,
    group: row.grp as Group,
    department: row.department,
    contact: row.contact,
    title: row.title,
    mobile: row.mobile,
    phone: row.phone,
    qq: row.qq,
    email: row.email,
    postcode: row.postcode,
    address: row.address,
    cloudLink: row.cloud_link,
    cloudCode: row.cloud_code,
    files: listFiles(db, null),
  };
}

function unitToRow(u: UnitValues): UnitRow {
  return {
    edition: u.edition,
    name: u.name,
    kind: u.kind,
    city: u.city,
    grp: u.group,
    department: u.department,
    contact: u.contact,
    title: u.title,
    mobile: u.mobile,
    phone: u.phone,
    qq: u.qq,
    email: u.email,
    postcode: u.postcode,
    address: u.address,
    cloud_link: u.cloudLink,
    cloud_code: u.cloudCode,
  };
}

export function getUnit(db: Db): Unit | null {
  const row = db.prepare('SELECT * FROM unit WHERE id = 1').get() as UnitRow | undefined;
  return row ? rowToUnit(db, row) : null;
}

/** Inserts or replaces the unit's values (its files are kept). */
export function putUnit(db: Db, unit: UnitValues): void {
  const row = unitToRow(unit);
  const cols = Object.keys(row);
  db.prepare(
    `INSERT INTO unit (id, ${cols.join(', ')}) VALUES (1, ${cols.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`,
  ).run(row);
}
