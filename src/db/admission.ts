import { AppError, DeadlineExceededError, ErrorCode } from '../errors';

/**
 * Who a transaction works for and until when: one per request (shared by all its statements), or
 * SYSTEM_TICKET for the importer and start-up work. `heavy` is set once the request's cost is known.
 */
export interface Ticket {
  /** The client's identity (its token's contributor, or its IP address). */
  readonly client: string;
  /** When the request must be answered by, in `Date.now()` milliseconds (Infinity: no deadline). */
  readonly deadline: number;
  /** The time the request was given (REQUEST_DEADLINE_MS), for the message when it runs out. */
  readonly limitMs: number;
  /** Whether the request's estimated cost is over the heavy threshold (see Admission). */
  heavy: boolean;
}

export const SYSTEM_TICKET: Ticket = Object.freeze({
  client: 'system',
  deadline: Infinity,
  limitMs: Infinity,
  heavy: false,
});

export interface AdmissionLimits {
  /** Transactions run at once. */
  maxRunning: number;
  /** Of those, how many may work for heavy requests: the others stay free for cheap ones. */
  maxHeavyRunning: number;
  /**
   * Of those, how many only light clients may take: those whose recent database time (decayed)
   * is under LIGHT_CLIENT_MS. A person at the explorer then finds a slot at once, even while
   * clients that use the database all the time hold every other one.
   */
  reservedForLight: number;
  /** Transactions waiting at most; more are refused at once (the queue sheds load, it does not grow). */
  maxQueued: number;
  /** How long the queue must stay over half full before the process reports itself saturated. */
  saturationMs: number;
}

/** The process is at capacity: more transactions wait than it accepts. */
export class ServerBusyError extends AppError {
  constructor() {
    super(ErrorCode.ServiceUnavailable, 'The server is at capacity; retry in a few seconds.', {
      details: { http: { status: 503, headers: new Map([['retry-after', '2']]) } },
    });
  }
}

/** How fast a client's past database time stops counting against it: half of it every 10 s. */
export const USAGE_HALF_LIFE_MS = 10_000;
/**
 * A client is light while its decayed database time is under this: for a steady use, about 200 ms
 * of transactions a second (the decayed sum of r ms/s settles at r × 10 s / ln 2).
 */
export const LIGHT_CLIENT_MS = 3000;
/** Clients remembered at most; the idle ones are forgotten first. */
const MAX_CLIENTS = 10_000;

interface Usage {
  running: number;
  /** Milliseconds of transactions, decayed to `at`. */
  spentMs: number;
  at: number;
}

function decayed(usage: Usage, now: number): number {
  return usage.spentMs * 0.5 ** ((now - usage.at) / USAGE_HALF_LIFE_MS);
}

interface Waiter {
  ticket: Ticket;
  start: () => void;
  fail: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Admits transactions to Neo4j fairly. At most `maxRunning` run at once; the rest wait in one
 * queue per client. A free slot goes to the client with the fewest transactions running, and among
 * those to the one that has used the least database time of late (a decaying sum, as a CPU
 * scheduler counts): a client that asks for little is served at the next free slot, however long
 * the queues of busier clients are; `reservedForLight` slots are kept for light clients. Heavy requests use at most `maxHeavyRunning`
 * slots, keeping the rest for cheap requests. A waiting transaction whose request's deadline
 * passes is dropped with QUERY_TIMEOUT; when `maxQueued` already wait, a new one is refused with
 * SERVICE_UNAVAILABLE. Its state is this process's own: every instance admits its own work.
 */
export class Admission {
  private running = 0;
  private heavyRunning = 0;
  private queued = 0;
  /** Waiting transactions per client. */
  private readonly queues = new Map<string, Waiter[]>();
  /** Per client: its transactions running, and its recent database time (decaying, see USAGE_HALF_LIFE_MS). */
  private readonly usage = new Map<string, Usage>();
  private overHalfSince: number | null = null;
  private underQuarterSince: number | null = null;
  private saturatedState = false;

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** How many transactions run and wait now. */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queued };
  }

  /**
   * Whether the queue has stayed over half full for `saturationMs` (and not yet under a quarter
   * full for as long): a load balancer should send new requests elsewhere meanwhile. The delays
   * on both edges keep a short burst from taking every instance out at once.
   */
  saturated(now = this.clock()): boolean {
    this.track(now);
    if (!this.saturatedState && this.overHalfSince !== null && now - this.overHalfSince >= this.limits.saturationMs) {
      this.saturatedState = true;
    }
    if (
      this.saturatedState &&
      this.underQuarterSince !== null &&
      now - this.underQuarterSince >= this.limits.saturationMs
    ) {
      this.saturatedState = false;
    }
    return this.saturatedState;
  }

  /** Runs `work` once admitted, telling it how long it may take (up to the deadline). */
  async run<T>(ticket: Ticket, work: (remainingMs: number) => Promise<T>): Promise<T> {
    if (!this.canStart(ticket)) await this.wait(ticket);
    else this.take(ticket);
    const started = this.clock();
    try {
      const remaining = ticket.deadline - started;
      if (remaining <= 0) throw new DeadlineExceededError(ticket.limitMs);
      return await work(remaining);
    } finally {
      this.release(ticket, this.clock() - started);
    }
  }

  private canStart(ticket: Ticket, now = this.clock()): boolean {
    if (this.running >= this.limits.maxRunning) return false;
    if (ticket.heavy && this.heavyRunning >= this.limits.maxHeavyRunning) return false;
    if (this.running < this.limits.maxRunning - this.limits.reservedForLight) return true;
    const usage = this.usage.get(ticket.client);
    return !usage || decayed(usage, now) < LIGHT_CLIENT_MS;
  }

  private take(ticket: Ticket): void {
    this.running += 1;
    if (ticket.heavy) this.heavyRunning += 1;
    this.usageOf(ticket.client).running += 1;
  }

  private release(ticket: Ticket, spentMs: number): void {
    this.running -= 1;
    if (ticket.heavy) this.heavyRunning -= 1;
    const usage = this.usageOf(ticket.client);
    const now = this.clock();
    usage.spentMs = decayed(usage, now) + spentMs;
    usage.at = now;
    usage.running -= 1;
    this.startNext();
  }

  private usageOf(client: string): Usage {
    let usage = this.usage.get(client);
    if (!usage) {
      if (this.usage.size >= MAX_CLIENTS) this.forgetIdle();
      usage = { running: 0, spentMs: 0, at: this.clock() };
      this.usage.set(client, usage);
    }
    return usage;
  }

  /** Forgets the clients with nothing running or waiting whose past time has mostly decayed. */
  private forgetIdle(): void {
    const now = this.clock();
    for (const [client, usage] of this.usage) {
      if (usage.running === 0 && !this.queues.has(client) && decayed(usage, now) < 1) this.usage.delete(client);
    }
  }

  private wait(ticket: Ticket): Promise<void> {
    if (this.queued >= this.limits.maxQueued) return Promise.reject(new ServerBusyError());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { ticket, start: resolve, fail: reject };
      if (Number.isFinite(ticket.deadline)) {
        waiter.timer = setTimeout(
          () => {
            this.remove(waiter);
            reject(new DeadlineExceededError(ticket.limitMs));
          },
          Math.max(0, ticket.deadline - this.clock()),
        );
      }
      const queue = this.queues.get(ticket.client);
      if (queue) queue.push(waiter);
      else this.queues.set(ticket.client, [waiter]);
      this.queued += 1;
      this.track(this.clock());
    });
  }

  private remove(waiter: Waiter): void {
    const queue = this.queues.get(waiter.ticket.client);
    const index = queue?.indexOf(waiter) ?? -1;
    if (!queue || index === -1) return;
    queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(waiter.ticket.client);
    this.queued -= 1;
    this.track(this.clock());
  }

  /**
   * Starts waiting transactions while slots are free: the first eligible one of the client with the
   * fewest transactions running and, among those, the least database time of late.
   */
  private startNext(): void {
    const now = this.clock();
    while (this.running < this.limits.maxRunning && this.queued > 0) {
      let next: Waiter | undefined;
      let best = { running: Infinity, spent: Infinity };
      for (const [client, queue] of this.queues) {
        const usage = this.usage.get(client);
        const candidate = { running: usage?.running ?? 0, spent: usage ? decayed(usage, now) : 0 };
        if (candidate.running > best.running || (candidate.running === best.running && candidate.spent >= best.spent)) {
          continue;
        }
        const eligible = queue.find((waiter) => this.canStart(waiter.ticket, now));
        if (eligible) [next, best] = [eligible, candidate];
      }
      if (!next) return;
      this.remove(next);
      clearTimeout(next.timer);
      this.take(next.ticket);
      next.start();
    }
  }

  private track(now: number): void {
    const half = this.queued > this.limits.maxQueued / 2;
    const quarter = this.queued < this.limits.maxQueued / 4;
    this.overHalfSince = half ? (this.overHalfSince ?? now) : null;
    this.underQuarterSince = quarter ? (this.underQuarterSince ?? now) : null;
  }
}
