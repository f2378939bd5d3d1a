/**
 * Fault injection: queued faults (by flag or by the test API) and a random rate of
 * transient faults, drawn from a seeded generator so a run can be repeated.
 */
import type { Random } from './random.js';

export type FaultKind = 'status' | 'reset' | 'truncate' | 'slow' | 'has_more_no_cursor' | 'repeat_cursor';

export interface Fault {
  kind: FaultKind;
  /** For kind "status": 429, 500, 502, 503, 529, … */
  status?: number;
  /** Seconds in retry-after (429); null sends none. */
  retryAfter?: number | null;
  /** For kind "slow": added delay. */
  delayMs?: number;
  /** Only requests whose path contains this text. */
  path?: string;
  /** How many requests it hits (default 1); Infinity for a permanent fault. */
  times?: number;
}

/** The transient faults a client must absorb without changing its output. */
export const TRANSIENT_FAULTS: readonly Fault[] = [
  { kind: 'status', status: 429, retryAfter: 1 },
  { kind: 'status', status: 429, retryAfter: null },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 529 },
  { kind: 'reset' },
  { kind: 'truncate' },
];

export class FaultPlan {
  private queue: (Fault & { times: number })[] = [];

  constructor(
    private readonly random: Random,
    public rate = 0,
  ) {}

  add(fault: Fault): void {
    this.queue.push({ ...fault, times: fault.times ?? 1 });
  }

  clear(): void {
    this.queue = [];
    this.rate = 0;
  }

  /** The fault for this request, if any. */
  next(path: string): Fault | undefined {
    const index = this.queue.findIndex((fault) => fault.path === undefined || path.includes(fault.path));
    if (index >= 0) {
      const fault = this.queue[index] as Fault & { times: number };
      fault.times -= 1;
      if (fault.times <= 0) this.queue.splice(index, 1);
      return fault;
    }
    if (this.rate > 0 && this.random() < this.rate) return TRANSIENT_FAULTS[Math.floor(this.random() * TRANSIENT_FAULTS.length)];
    return undefined;
  }
}
