import { FIRST_NAMES, LAST_NAMES, SURNAME_ENDINGS, SURNAME_MIDDLES, SURNAME_ONSETS } from './names';
import { mix, randomFor, type Random, ZipfSampler } from './random';

export const ANONYMOUS = 'Anonymous';

const SYNTHETIC_SURNAMES = SURNAME_ONSETS.length * SURNAME_MIDDLES.length * SURNAME_ENDINGS.length;
const INITIALS = 'ABCDEFGHIJKLMNOPRSTVWY';
// A prime above every tier's capacity below, hence coprime with it: k ↦ k·STEP mod C is a bijection.
const STEP = 1_000_003;

/**
 * A space of distinct author names, indexed by popularity rank. `name(k)` is a pure, injective
 * function, so the generator never stores names and still knows how many distinct ones it used.
 * The busiest ranks get real first × last name pairs; the long tail synthetic surnames.
 */
export class AuthorNames {
  private readonly firsts: string[];
  private readonly realPairs: number;
  private readonly syntheticLayers: number;
  private readonly syntheticCapacity: number;
  private readonly offsets: [number, number];
  private readonly sampler: ZipfSampler;

  constructor(
    readonly size: number,
    head: number,
    private readonly seed: number,
  ) {
    const random = randomFor(seed, 0xa7);
    this.firsts = random.shuffle([...FIRST_NAMES]);
    this.realPairs = this.firsts.length * LAST_NAMES.length;
    const syntheticPairs = this.firsts.length * SYNTHETIC_SURNAMES;
    // Beyond first × last pairs a middle initial tells names apart (only far above full size).
    this.syntheticLayers = Math.max(1, Math.ceil((size - this.realPairs) / syntheticPairs));
    this.syntheticCapacity = syntheticPairs * this.syntheticLayers;
    this.offsets = [random.int(this.realPairs), random.int(this.syntheticCapacity)];
    this.sampler = new ZipfSampler(size, head, 1);
  }

  /** The popularity rank of an author for one authorship. */
  sample(random: Random): number {
    return this.sampler.sample(random);
  }

  name(rank: number): string {
    const real = rank < this.realPairs;
    let x = real
      ? (rank * STEP + this.offsets[0]) % this.realPairs
      : ((rank - this.realPairs) * STEP + this.offsets[1]) % this.syntheticCapacity;
    const first = this.firsts[x % this.firsts.length];
    x = Math.floor(x / this.firsts.length);
    if (real) return this.decorate(rank, first, LAST_NAMES[x]);
    const last = syntheticSurname(x % SYNTHETIC_SURNAMES);
    const layer = Math.floor(x / SYNTHETIC_SURNAMES);
    if (this.syntheticLayers === 1) return this.decorate(rank, first, last);
    return layer === 0 ? `${first} ${last}` : `${first} ${initials(layer - 1)}. ${last}`;
  }

  /** A middle initial on some names; (first, last) is already unique, so names stay distinct. */
  private decorate(rank: number, first: string, last: string): string {
    const decoration = mix(this.seed, rank) % 100;
    return decoration < 12 ? `${first} ${INITIALS[decoration % INITIALS.length]}. ${last}` : `${first} ${last}`;
  }
}

function syntheticSurname(index: number): string {
  let x = index;
  const onset = SURNAME_ONSETS[x % SURNAME_ONSETS.length];
  x = Math.floor(x / SURNAME_ONSETS.length);
  const middle = SURNAME_MIDDLES[x % SURNAME_MIDDLES.length];
  return onset + middle + SURNAME_ENDINGS[Math.floor(x / SURNAME_MIDDLES.length)];
}

function initials(n: number): string {
  let text = '';
  do {
    text = INITIALS[n % INITIALS.length] + text;
    n = Math.floor(n / INITIALS.length) - 1;
  } while (n >= 0);
  return text;
}
