/**
 * One request budget for the whole sync (admin-api.md §18.9: ~100 requests/min per
 * organization, shared with every other admin tool). A GCRA token bucket: requests are
 * spaced 60s/rpm apart on average, with a small burst allowance; a 429's retry-after or
 * an exhausted `anthropic-ratelimit-requests-remaining` pauses every caller.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class RequestPacer {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private theoreticalArrival = 0;
  private pausedUntil = 0;

  constructor(
    requestsPerMinute: number,
    private readonly clock: Clock,
    burst = Math.max(1, Math.min(10, Math.floor(requestsPerMinute / 6))),
  ) {
    this.intervalMs = 60_000 / requestsPerMinute;
    this.toleranceMs = this.intervalMs * (burst - 1);
  }

  /** Resolves when the caller may send its request; slots are handed out in call order. */
  async acquire(): Promise<void> {
    const now = this.clock.now();
    const earliest = Math.max(now, this.pausedUntil);
    this.theoreticalArrival = Math.max(this.theoreticalArrival, earliest);
    const sendAt = Math.max(earliest, this.theoreticalArrival - this.toleranceMs);
    this.theoreticalArrival += this.intervalMs;
    if (sendAt > now) await this.clock.sleep(sendAt - now);
  }

  /** Nobody sends before `untilMs` (a 429's retry-after, or a rate-limit reset). */
  pause(untilMs: number): void {
    if (untilMs > this.pausedUntil) this.pausedUntil = untilMs;
  }

  /** Reads the rate-limit headers the API may send; pauses when the budget is used up. */
  observe(header: (name: string) => string | null): void {
    const remaining = header('anthropic-ratelimit-requests-remaining');
    const reset = header('anthropic-ratelimit-requests-reset');
    if (remaining !== null && Number(remaining) <= 0 && reset !== null) {
      const resetMs = Date.parse(reset);
      if (!Number.isNaN(resetMs)) this.pause(Math.min(resetMs, this.clock.now() + 60_000));
    }
  }
}
