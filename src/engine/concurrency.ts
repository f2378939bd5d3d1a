/**
 * Runs `work` over `items` with at most `limit` in flight and yields the results in the
 * items' order, so output stays deterministic while requests overlap. Every request
 * still goes through the shared pacer, so concurrency never exceeds the rate budget.
 */
export async function* mapOrdered<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  let next = 0;
  const launch = (): void => {
    const item = items[next++];
    if (item !== undefined) {
      const promise = work(item);
      // Rejections are observed when the promise is awaited below; avoid unhandled warnings meanwhile.
      promise.catch(() => undefined);
      inFlight.push(promise);
    }
  };
  while (next < items.length && inFlight.length < limit) launch();
  while (inFlight.length > 0) {
    const result = await (inFlight.shift() as Promise<R>);
    if (next < items.length) launch();
    yield result;
  }
}
