import type { GraphReader } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { SubmissionRepository } from '../submission/submission.repository';
import type { Submission } from '../submission/submission.type';
import { ContributorRepository } from './contributor.repository';
import type { Contributor } from './contributor.type';

export function createContributorLoaders(db: GraphReader) {
  const contributors = new ContributorRepository(db);
  const submissions = new SubmissionRepository(db);
  return {
    contributorById: batchLoader<Contributor | null>((ids) => contributors.byIds(ids), null),
    submissionById: batchLoader<Submission | null>((ids) => submissions.byIds(ids), null),
  };
}
