/**
 * The emulator's clock for tests that spawn the connector (which uses the real clock): the
 * emulated usage stops growing at the moment the test starts, so reads taken seconds apart
 * and the ground truth see the same data. Both stay on the same UTC day unless a test runs
 * across midnight.
 */
export function frozenNow(): () => number {
  const at = Date.now();
  return () => at;
}
