import { COLLECTIONS, type Collection, HUB_METHODS, JUNK_METHOD, METHOD_AREAS } from './method-names';
import type { PaperIdentities } from './paper-identity';
import { randomFor, type Random, ZipfSampler } from './random';
import { UniqueSlugs } from './slugs';
import { acronym, markdownDescription } from './text';
import { ADJECTIVES, NOUNS } from './words';

export interface Method {
  record: Record<string, unknown>;
  /** The copy papers embed in their `methods` (no url), serialised once. */
  embeddedJson: string;
}

const METHOD_STREAM = 0x3e7;
const COLLECTION_DESCRIPTIONS = new Map(
  COLLECTIONS.map((c) => [c.name, `**${c.name}** group methods by what they do.`]),
);

/** Deliberate oddities, pinned to method indices (modulo the catalogue size); the junk method is the last. */
export const METHOD_QUIRKS = { placeholderYear: 7, duplicateName: 31 } as const;

/**
 * The methods file, held in memory (8,725 records at full size) because papers embed copies of
 * them; popular methods (Convolution, ReLU, Adam, ...) are embedded most.
 */
export class MethodCatalogue {
  readonly methods: Method[] = [];
  private readonly sampler: ZipfSampler;

  constructor(count: number, seed: number, papers: PaperIdentities, embeddingsPerPaper: number) {
    this.sampler = new ZipfSampler(count, 2, 1);
    const slugs = new UniqueSlugs();
    const names: string[] = [];
    const embeddings = papers.count * embeddingsPerPaper;
    for (let index = 0; index < count; index += 1) {
      const random = randomFor(seed, METHOD_STREAM, index);
      const junk = index === count - 1;
      const [hubName, hubFullName, collectionName] = index < HUB_METHODS.length ? HUB_METHODS[index] : invent(random);
      let [name, fullName] = [hubName, hubFullName];
      if (index === METHOD_QUIRKS.duplicateName % count || (index >= HUB_METHODS.length && random.chance(0.004))) {
        name = names[random.int(Math.max(1, names.length))] ?? name;
        fullName = `${random.pick(ADJECTIVES)} ${name}`;
      }
      if (junk) [name, fullName] = [JUNK_METHOD, JUNK_METHOD];
      names.push(name);
      const collection = COLLECTIONS.find((c) => c.name === collectionName) ?? random.pick(COLLECTIONS);
      const numPapers = junk
        ? 0
        : Math.max(1, Math.round(this.sampler.probability(index) * embeddings * (0.5 + random.next())));
      this.methods.push(
        junk
          ? junkMethod(slugs.take(name))
          : method(
              random,
              index,
              slugs.take(name),
              name,
              fullName,
              collection,
              numPapers,
              papers,
              index === METHOD_QUIRKS.placeholderYear % count,
            ),
      );
    }
  }

  /** A method index for one paper–method pair, by popularity. */
  sample(random: Random): number {
    return this.sampler.sample(random);
  }
}

function invent(random: Random): [string, string, string] {
  const name = acronym(random);
  const fullName = random.chance(0.6) ? `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}` : name;
  return [name, fullName, random.pick(COLLECTIONS).name];
}

function method(
  random: Random,
  index: number,
  slug: string,
  name: string,
  fullName: string,
  collection: Collection,
  numPapers: number,
  papers: PaperIdentities,
  placeholderYear: boolean,
): Method {
  const description = markdownDescription(random, fullName, random.between(3, 9));
  const source = index % 5 === 4 || random.chance(0.3) ? null : papers.get(random.int(papers.count));
  const paper = source?.title ? { title: source.title, url: source.paperUrl } : null;
  let year: number | null = source?.title && source.validDate ? source.year : 1985 + random.int(40);
  if (placeholderYear || random.chance(0.03)) year = 2000;
  else if (random.chance(0.05)) year = null;
  const snippet = random.next();
  const codeSnippetUrl =
    snippet < 0.5
      ? `https://github.com/${random.pick(['pytorch/pytorch', 'tensorflow/tensorflow', 'google/jax', 'huggingface/transformers'])}/blob/${(random.uint32() >>> 4).toString(16)}/${slug.replace(/-/g, '_')}.py#L${random.between(10, 900)}`
      : snippet < 0.9
        ? null
        : '';
  const areas = [collection, ...(random.chance(0.2) ? [random.pick(COLLECTIONS)] : [])];
  const record = {
    url: `https://paperswithcode.com/method/${slug}`,
    name,
    full_name: fullName,
    description,
    paper,
    introduced_year: year,
    source_url: source?.title ? source.record.url_abs : null,
    source_title: source?.title ?? null,
    code_snippet_url: codeSnippetUrl,
    num_papers: numPapers,
    collections: [...new Set(areas)].map((c) => ({ area: c.area, area_id: METHOD_AREAS[c.area], collection: c.name })),
  };
  const embedded = {
    name,
    full_name: fullName,
    description,
    introduced_year: year,
    source_url: record.source_url,
    source_title: record.source_title,
    code_snippet_url: codeSnippetUrl,
    main_collection: {
      name: collection.name,
      description: COLLECTION_DESCRIPTIONS.get(collection.name),
      parent: collection.parent,
      area: collection.area,
    },
  };
  return { record, embeddedJson: JSON.stringify(embedded) };
}

function junkMethod(slug: string): Method {
  const record = {
    url: `https://paperswithcode.com/method/${slug}`,
    name: JUNK_METHOD,
    full_name: JUNK_METHOD,
    description: '',
    paper: null,
    introduced_year: null,
    source_url: null,
    source_title: null,
    code_snippet_url: null,
    num_papers: 0,
    collections: [],
  };
  const embedded = {
    name: JUNK_METHOD,
    full_name: JUNK_METHOD,
    description: '',
    introduced_year: null,
    source_url: null,
    source_title: null,
    code_snippet_url: null,
    main_collection: null,
  };
  return { record, embeddedJson: JSON.stringify(embedded) };
}
