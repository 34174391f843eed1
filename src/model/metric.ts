/**
 * The domain's terms for metrics, shared by the importer (which decides them) and the API (which
 * shows them): one definition each. src/leaderboard/metric.type.ts registers them as GraphQL enums.
 */

/** Which way a metric improves. */
export enum MetricDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  UNKNOWN = 'UNKNOWN',
}

/** Where a metric's direction came from (stored on the metric in lower case). */
export enum DirectionSource {
  CURATED = 'curated',
  INFERRED = 'inferred',
  OVERRIDE = 'override',
  UNKNOWN = 'unknown',
  SUBMISSION = 'submission',
}
