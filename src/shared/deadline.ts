// Today against the edition's upload deadline and the freeze after it (the notice: from the deadline until the
// freeze ends, nothing on the cloud drive may be changed or replaced). Dates are China's (UTC+8), whole days.
const DAY = 86_400_000;

export function deadlineState(
  deadline: string,
  freezeUntil: string,
  now: Date,
): { kind: 'before' | 'freeze' | 'after'; days: number } {
  const end = Date.parse(`${deadline}T23:59:59+08:00`);
  const thaw = Date.parse(`${freezeUntil}T23:59:59+08:00`);
  const t = now.getTime();
  if (t <= end) return { kind: 'before', days: Math.ceil((end - t) / DAY) };
  if (t <= thaw) return { kind: 'freeze', days: Math.ceil((thaw - t) / DAY) };
  return { kind: 'after', days: 0 };
}
