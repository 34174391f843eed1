import { toMetric } from '../leaderboard/metric.type';
import type { MetricValue, PreloadedResult, Result } from './result.type';

/** What a metric value is as read from the graph (see metricProjection). */
export type MetricValueRow = Omit<MetricValue, 'metric'> & { metric: Parameters<typeof toMetric>[0] };

/** Metric values read from the graph, with their metrics made Metric instances. */
export function toMetricValue(row: MetricValueRow): MetricValue {
  return { raw: row.raw, value: row.value, metric: toMetric(row.metric) };
}

/** A result as read with `resultDetails`: its preloaded values made MetricValues too. */
export function withPreloaded(result: Result): Result {
  const preloaded = result.preloaded as (Omit<PreloadedResult, 'values'> & { values: MetricValueRow[] }) | undefined;
  if (!preloaded) return result;
  return { ...result, preloaded: { ...preloaded, values: preloaded.values.map(toMetricValue) } };
}

/** A ranked row as read with its result's details: the result and the value made API objects. */
export function toRankedRow<T extends { result: Result; value: MetricValueRow }>(
  row: T,
): Omit<T, 'value'> & { value: MetricValue } {
  return { ...row, result: withPreloaded(row.result), value: toMetricValue(row.value) };
}
