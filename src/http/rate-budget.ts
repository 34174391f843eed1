import type { ApolloServerPlugin } from '@apollo/server';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { BudgetConfig } from '../config';
import { AppError, ErrorCode } from '../errors';
import type { BudgetState, Context } from '../graphql/context';
import type { Logger } from '../logger';

/** How long start-up waits for Redis before counting in memory meanwhile. */
const REDIS_CONNECT_MS = 2000;

/** The client spent its budget: HTTP 429 with Retry-After, and how much it may spend when. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    retryAfterSeconds: number,
    readonly state: BudgetState,
    details: Record<string, unknown>,
  ) {
    super(ErrorCode.RateLimited, message, {
      details: {
        ...details,
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * Each client's budget of query cost per window (rate-limiter-flexible): in this process's memory,
 * or in Redis so that every instance behind a load balancer charges the same budget. Should Redis
 * be unreachable, the process falls back to counting alone rather than refusing everyone.
 */
export class RateBudget {
  private constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly config: BudgetConfig,
    private readonly redis?: Redis,
  ) {}

  /** The budget of `config` (null when it is off); with Redis, once connected (or after REDIS_CONNECT_MS). */
  static async create(config: BudgetConfig, log: Logger): Promise<RateBudget | null> {
    if (config.points === 0) return null;
    const options = { points: config.points, duration: config.windowSeconds, keyPrefix: 'pwc2-budget' };
    if (!config.redisUrl) return new RateBudget(new RateLimiterMemory(options), config);
    const redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error: Error) => log.warn({ err: error }, 'rate-limit store (Redis) unreachable'));
    const connected = await Promise.race([
      new Promise<boolean>((resolve) => redis.once('ready', () => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), REDIS_CONNECT_MS).unref()),
    ]);
    if (!connected) log.warn('rate-limit store (Redis) not reachable yet: counting in memory until it is');
    const limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(options),
    });
    return new RateBudget(limiter, config, redis);
  }

  /** Charges `cost` to `client`; throws RateLimitedError when the budget does not cover it. */
  async charge(client: string, cost: number): Promise<BudgetState> {
    try {
      return this.state(await this.limiter.consume(client, cost));
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      const state = this.state(outcome);
      const retryAfter = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw new RateLimitedError(
        `This client has used its budget of ${this.config.points} cost points per ${this.config.windowSeconds} s; ` +
          `this query costs ${cost}. Retry in ${retryAfter} s, or ask for fewer items.`,
        retryAfter,
        state,
        { cost, limit: state.limit, remaining: state.remaining, resetAt: state.resetAt.toISOString() },
      );
    }
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }

  private state(outcome: RateLimiterRes): BudgetState {
    return {
      limit: this.config.points,
      remaining: Math.max(0, outcome.remainingPoints),
      resetAt: new Date(Date.now() + outcome.msBeforeNext),
    };
  }
}

/** The CostCharge of `budget`: the client's budget after the charge goes on the context, refused or not. */
export function budgetCharge(budget: RateBudget) {
  return async (ctx: Context): Promise<void> => {
    try {
      ctx.budget = await budget.charge(ctx.ticket.client, ctx.cost ?? 0);
    } catch (error) {
      if (error instanceof RateLimitedError) ctx.budget = error.state;
      throw error;
    }
  };
}

/**
 * Tells each client where it stands, as GitHub does: `x-ratelimit-limit`, `x-ratelimit-remaining`
 * and `x-ratelimit-reset` (Unix seconds) headers, and `extensions.cost` with the operation's cost.
 */
export function budgetHeadersPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const { cost, budget: state } = contextValue;
          if (state) {
            response.http.headers.set('x-ratelimit-limit', String(state.limit));
            response.http.headers.set('x-ratelimit-remaining', String(state.remaining));
            response.http.headers.set('x-ratelimit-reset', String(Math.ceil(state.resetAt.getTime() / 1000)));
          }
          if (cost === undefined || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: {
              requested: cost,
              ...(state && { limit: state.limit, remaining: state.remaining, resetAt: state.resetAt.toISOString() }),
            },
          };
        },
      };
    },
  };
}
