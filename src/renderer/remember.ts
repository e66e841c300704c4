// What the window remembers between sessions on this computer (localStorage): the folders used per catalog, and
// the catalogs opened lately. Never the catalog's content: that is the catalog's.
import { useEffect, useState } from 'react';

const read = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or full: remembering is a convenience.
  }
};

/** A folder field's value, remembered per catalog (its path; '' for none) under `name`. */
export function useRememberedPath(catalog: string, name: string): [string, (value: string) => void] {
  const key = `baosong:${catalog}:${name}`;
  const [value, setValue] = useState(() => read(key) ?? '');
  useEffect(() => setValue(read(key) ?? ''), [key]);
  return [
    value,
    (v: string) => {
      setValue(v);
      if (catalog) write(key, v);
    },
  ];
}

const RECENT = 'baosong:recent-catalogs';

export function recentCatalogs(): string[] {
  try {
    const list = JSON.parse(read(RECENT) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, 8) : [];
  } catch {
    return [];
  }
}

export function rememberCatalog(path: string): void {
  write(RECENT, JSON.stringify([path, ...recentCatalogs().filter((p) => p !== path)].slice(0, 8)));
}
