// No nested scroll areas in the window: only the main column scrolls (and the folder browser's list inside its
// dialog, which is the dialog's own). A box that scrolls inside a scrolling page is where a contact person loses
// a list; the print preview's pages and list flow with the page.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(fileURLToPath(new URL('../../src/renderer/styles.css', import.meta.url)), 'utf8');

describe('the window’s styles', () => {
  it('let only the main column (and the folder browser’s list) scroll', () => {
    const scrolling = [...CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)]
      .filter(([, , body]) => /overflow(-[xy])?\s*:\s*(auto|scroll)/.test(body!))
      .map(([, selector]) => selector!.trim());
    expect(scrolling).toEqual(['main', 'ul.browser']);
  });
});
