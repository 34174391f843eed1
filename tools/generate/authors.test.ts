import { AuthorNames } from './authors';
import { randomFor } from './random';

describe('AuthorNames', () => {
  it.each([60, 5_000, 100_000])('gives %i distinct names, the same ones for the same seed', (size) => {
    const names = new AuthorNames(size, 20, 1);
    const all = Array.from({ length: size }, (_, rank) => names.name(rank));
    expect(new Set(all).size).toBe(size);
    expect(new AuthorNames(size, 20, 1).name(size - 1)).toBe(all[size - 1]);
    expect(new AuthorNames(size, 20, 2).name(0)).not.toBe(all[0]);
  });

  it('samples ranks in its space', () => {
    const names = new AuthorNames(500, 20, 1);
    const random = randomFor(3);
    const ranks = Array.from({ length: 1000 }, () => names.sample(random));
    expect(Math.min(...ranks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ranks)).toBeLessThan(500);
  });
});
