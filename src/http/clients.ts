import type { Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors';

/**
 * Who a request is from, for its budget and its turn in the admission queue: its IP address (the
 * one `X-Forwarded-For` gives when TRUST_PROXY trusts the proxy in front; the socket's otherwise).
 */
export function clientOf(req: Request): string {
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/** The client a request was identified as (set by `identifyClient`). */
export function requestClient(res: Response): string {
  return (res.locals as { client?: string }).client ?? 'unknown';
}

/**
 * Identifies each request's client and lets one client have at most `max` requests in flight in
 * this process (GitHub's "secondary limit"): more get HTTP 429 RATE_LIMITED at once.
 */
export function identifyClient(max: number): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req, res, next) => {
    const client = clientOf(req);
    (res.locals as { client?: string }).client = client;
    const count = inFlight.get(client) ?? 0;
    if (count >= max) {
      res
        .status(429)
        .set('retry-after', '1')
        .json({
          errors: [
            {
              message: `This client already has ${count} requests in flight; the limit is ${max} at once. Wait for an answer before sending more.`,
              extensions: { code: ErrorCode.RateLimited, limit: max, retryAfterSeconds: 1 },
            },
          ],
        });
      return;
    }
    inFlight.set(client, count + 1);
    res.once('close', () => {
      const left = (inFlight.get(client) ?? 1) - 1;
      if (left > 0) inFlight.set(client, left);
      else inFlight.delete(client);
    });
    next();
  };
}
