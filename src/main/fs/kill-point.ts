// Test hooks: a kill, or a full disk, at a named point of a run. Unset in normal use; the fault tests set them.

/** Test hook: lets the kill tests stop the process at a named point. Unset in normal use. */
export function killPoint(name: string): void {
  if (process.env.BAOSONG_TEST_KILL_AT === name) process.kill(process.pid, 'SIGKILL');
}

/**
 * Test hook: BAOSONG_TEST_ENOSPC_AT=N makes the export's Nth write (forms, copies, manifest, journal, in that
 * order) fail as a full disk does, so that the fault tests can hit every write. Unset in normal use.
 */
let writes = 0;
export function faultPoint(): void {
  const at = Number(process.env.BAOSONG_TEST_ENOSPC_AT);
  if (!at) return;
  writes += 1;
  if (writes === at)
    throw Object.assign(new Error('ENOSPC: no space left on device (test)'), { code: 'ENOSPC', errno: -28 });
}
