// Who confirmed a 待确认 item, and when (the window's bulk confirm, an editor's tick, an import): kept with the tick.
export const sql = `
ALTER TABLE checklist ADD COLUMN confirmed_by TEXT;
ALTER TABLE checklist ADD COLUMN confirmed_at TEXT;
`;
