import { InvalidArgumentError } from 'commander';

/** A command-line option that must be a whole number of 1 or more (commander's argument parser). */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return parsed;
}
