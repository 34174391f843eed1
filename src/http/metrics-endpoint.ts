import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import type { Metrics } from '../metrics';

function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics: Prometheus's text format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsEndpoint(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    const given = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (token !== undefined && !sameToken(given, token)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({
          errors: [
            {
              message: '/metrics needs `Authorization: Bearer <METRICS_TOKEN>`.',
              extensions: { code: ErrorCode.Unauthenticated },
            },
          ],
        });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
