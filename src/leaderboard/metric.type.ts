import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DirectionSource, MetricDirection } from '../model/metric';

registerEnumType(MetricDirection, {
  name: 'MetricDirection',
  description: 'Which way a metric improves.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'Larger values are better (accuracy, BLEU, F1, …).' },
    LOWER_IS_BETTER: { description: 'Smaller values are better (error rates, perplexity, FID, …).' },
    UNKNOWN: { description: 'Not known; rankings then treat larger values as better.' },
  },
});

registerEnumType(DirectionSource, {
  name: 'DirectionSource',
  description: "Where a metric's direction came from.",
  valuesConfig: {
    CURATED: { description: "The server's table of well-known metrics." },
    INFERRED: { description: 'Keywords of the metric name (e.g. "error", "accuracy").' },
    OVERRIDE: { description: "The operator's schema/metric-directions.json." },
    UNKNOWN: { description: 'No rule applied.' },
    SUBMISSION: {
      description: "A contributor's proposal, accepted by a moderator: it wins over the overrides and the rules.",
    },
  },
});

@ObjectType({ description: 'A metric that leaderboards measure, such as "Top 1 Accuracy".' })
export class Metric {
  @Field(() => String, { description: 'The metric name as the leaderboards give it.' })
  name!: string;

  @Field(() => MetricDirection, { description: 'Which way the metric improves.' })
  direction!: MetricDirection;

  @Field(() => DirectionSource, { description: 'Where `direction` came from.' })
  directionSource!: DirectionSource;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when higher is better, false when lower is; null when unknown.',
  })
  get higherIsBetter(): boolean | null {
    return this.direction === MetricDirection.UNKNOWN ? null : this.direction === MetricDirection.HIGHER_IS_BETTER;
  }
}

/** A metric row as read from the graph, made into a Metric instance (for its computed fields). */
export function toMetric(row: { name: string; direction: string | null; directionSource: string | null }): Metric {
  return Object.assign(new Metric(), {
    name: row.name,
    direction: (row.direction as MetricDirection | null) ?? MetricDirection.UNKNOWN,
    directionSource: (row.directionSource as DirectionSource | null) ?? DirectionSource.UNKNOWN,
  });
}
