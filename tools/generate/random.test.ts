import { hashString, mix, type Random, randomFor, ZipfSampler } from './random';

describe('Random', () => {
  it('gives the same sequence for the same keys and another for other keys', () => {
    const draw = (random: Random) => Array.from({ length: 5 }, () => random.uint32());
    expect(draw(randomFor(1, 2, 3))).toEqual(draw(randomFor(1, 2, 3)));
    expect(draw(randomFor(1, 2, 3))).not.toEqual(draw(randomFor(1, 2, 4)));
    expect(draw(randomFor(1, 2, 3))).not.toEqual(draw(randomFor(2, 2, 3)));
  });

  it('draws in range', () => {
    const random = randomFor(42);
    const outside: number[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const value = random.next();
      const int = random.between(3, 5);
      const count = random.logNormalInt(1.75, 0.9, 1, 50);
      if (value < 0 || value >= 1 || int < 3 || int > 5 || count < 1 || count > 50) outside.push(i);
    }
    expect(outside).toEqual([]);
  });

  it('hashes keys beyond 32 bits and strings', () => {
    expect(mix(2 ** 40)).not.toBe(mix(0));
    expect(mix(1, 2)).not.toBe(mix(2, 1));
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
  });
});

describe('ZipfSampler', () => {
  it('stays in range and favours low ranks', () => {
    for (const exponent of [1, 1.05, 0.9]) {
      const sampler = new ZipfSampler(1000, 2, exponent);
      const random = randomFor(7, exponent * 100);
      const counts = new Array<number>(1000).fill(0);
      for (let i = 0; i < 50_000; i += 1) counts[sampler.sample(random)] += 1;
      expect(counts[0]).toBeGreaterThan(counts[10]);
      expect(counts[10]).toBeGreaterThan(counts[500]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(50_000);
      expect(Math.abs(counts[0] / 50_000 - sampler.probability(0))).toBeLessThan(0.01);
    }
  });
});
