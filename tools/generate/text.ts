import type { Random } from './random';
import { pad2 } from './calendar';
import { ADJECTIVES, DESCRIPTION_SENTENCES, NOUNS, SENTENCES, SYMBOLS, TOPICS, UNICODE_SNIPPETS, VERBS } from './words';
import { CODE_OWNERS } from './names';

const STEMS = [
  'Proto',
  'Diffu',
  'Seg',
  'Graph',
  'Vis',
  'Lang',
  'Mix',
  'Flow',
  'Hyper',
  'Meta',
  'Neuro',
  'Omni',
  'Pano',
  'Quant',
  'Trans',
  'Uni',
  'Vid',
  'Dyna',
  'Sparse',
  'Point',
  'Mask',
  'Text',
  'Code',
  'Spec',
  'Aud',
  'Geo',
  'Mol',
  'Robo',
  'Deep',
  'Fast',
  'Cross',
  'Multi',
  'Self',
  'Contra',
  'Recur',
  'Latent',
  'Token',
  'Patch',
  'Mem',
  'Chain',
];
const SUFFIXES = [
  'Net',
  'Former',
  'GAN',
  'Diff',
  'BERT',
  'Seg',
  'Det',
  'Flow',
  'Mixer',
  'LM',
  'GPT',
  'Fusion',
  'Match',
  'Track',
  'Gen',
  'Nav',
  'Rec',
  'Pose',
  'Depth',
  'Align',
  'Prompt',
  'Distill',
  'Adapter',
  'VAE',
  'NeRF',
  'Agent',
];
const LETTERS = 'ABCDEFGHIKLMNOPRSTUVWXZ';
const SENTENCE_ORDER = SENTENCES.map((_, index) => index);
const DESCRIPTION_ORDER = DESCRIPTION_SENTENCES.map((_, index) => index);
const QUALITIES = [
  'generality',
  'scalability',
  'robustness',
  'efficiency',
  'accuracy',
  'applicability',
  'expressivity',
  'stability',
  'convergence',
  'sample complexity',
  'calibration',
  'fairness',
  'privacy',
  'transferability',
  'identifiability',
  'optimality',
  'limits',
  'role',
  'benefits',
  'pitfalls',
  'inductive bias',
  'implicit bias',
  'geometry',
  'dynamics',
];

/** A model or method name: "ProtoFormer", "SALT", "Graph-GAN++". */
export function acronym(random: Random): string {
  const style = random.next();
  if (style < 0.55) {
    const name = random.pick(STEMS) + random.pick(SUFFIXES);
    return random.chance(0.15) ? `${name}${random.pick(['++', '-v2', '-L', '-XL', '2'])}` : name;
  }
  if (style < 0.9) {
    let letters = '';
    for (let n = random.between(3, 5); n > 0; n -= 1) letters += random.pick(LETTERS.split(''));
    return letters;
  }
  return `${random.pick(STEMS)}-${random.pick(SUFFIXES)}`;
}

/** A model name as leaderboards show it, from a base name. */
export function modelVariant(random: Random, base: string): string {
  const roll = random.next();
  if (roll < 0.45) return base;
  if (roll < 0.6)
    return `${base} (${random.pick(['single model', 'ensemble', 'fine-tuned', 'zero-shot', 'w/o pre-training'])})`;
  if (roll < 0.8) return `${base}-${random.pick(['Base', 'Large', 'S', 'B/16', 'L/14', 'XL', 'Tiny', '7B', '70B'])}`;
  return `${base} + ${random.pick(['TTA', 'extra data', 'CRF', 'Mixup', 'distillation', 'self-training'])}`;
}

export interface Title {
  title: string;
  /** The model the paper names in its title, if any. */
  model: string | null;
}

export function paperTitle(random: Random, task: string): Title {
  const adj = random.pick(ADJECTIVES);
  const noun = random.pick(NOUNS);
  const adj2 = random.pick(ADJECTIVES);
  const noun2 = random.pick(NOUNS);
  const roll = random.next();
  if (roll < 0.55) {
    const model = acronym(random);
    const rest = random.chance(0.5)
      ? `${adj} ${noun} for ${task}`
      : `${random.pick(VERBS)} ${task} with ${adj} ${noun}`;
    return { title: `${model}: ${rest}`, model };
  }
  switch (random.int(7)) {
    case 0:
      return { title: `${random.pick(VERBS)} ${adj} ${noun} with ${adj2} ${noun2} for ${task}`, model: null };
    case 1:
      return { title: `${adj} ${noun} and ${adj2} ${noun2} for ${random.pick(TOPICS)}`, model: null };
    case 2:
      return random.chance(0.3)
        ? { title: `On the ${random.pick(QUALITIES)} of ${adj} ${noun} under ${adj2} ${noun2}`, model: null }
        : { title: `${adj} ${noun} under ${adj2} ${noun2}: on their ${random.pick(QUALITIES)}`, model: null };
    case 3:
      return { title: `When ${adj} ${noun} Meet ${adj2} ${noun2}: ${task}`, model: null };
    case 4:
      return { title: `Do ${adj} ${noun} Need ${adj2} ${noun2}? Evidence from ${task}`, model: null };
    case 5:
      return { title: `${adj2} ${task} via ${adj} ${noun} and ${noun2}`, model: null };
    default:
      return {
        title: `${adj}, ${adj2} and ${random.pick(ADJECTIVES)} ${noun} for ${random.pick(TOPICS)}`,
        model: null,
      };
  }
}

export interface AbstractContext {
  task: string;
  model: string;
  datasets: readonly string[];
  metric: string;
}

/** An abstract of 6–11 sentences; some with arXiv's hard line breaks, a few with CRLF. */
export function paperAbstract(random: Random, context: AbstractContext, crlf = false): string {
  // The first sentence states the problem (one of the first three templates); no template twice.
  const order = SENTENCE_ORDER.slice();
  const first = random.int(3);
  [order[0], order[first]] = [order[first], order[0]];
  const count = random.between(6, 11);
  const sentences: string[] = [fill(random, SENTENCES[order[0]], context)];
  for (let i = 1; i < count; i += 1) {
    const j = i + random.int(order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
    sentences.push(fill(random, SENTENCES[order[i]], context));
  }
  const text = sentences.join(' ');
  if (crlf) return wrap(text, random.between(70, 90), '\r\n');
  return random.chance(0.35) ? wrap(text, random.between(70, 90), '\n') : text;
}

/** Markdown with LaTeX, for method, dataset and task descriptions; no sentence twice. */
export function markdownDescription(random: Random, subject: string, sentences: number): string {
  const context = { task: subject, model: subject, datasets: [], metric: 'accuracy' };
  const parts = [
    `**${subject}** is a ${random.pick(ADJECTIVES).toLowerCase()} approach to ${random.pick(TOPICS).toLowerCase()}.`,
  ];
  const order = DESCRIPTION_ORDER.slice();
  for (let i = 0; i < Math.min(sentences - 1, order.length); i += 1) {
    const j = i + random.int(order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
    parts.push(fill(random, DESCRIPTION_SENTENCES[order[i]], context));
  }
  if (random.chance(0.3)) {
    const id = `${random.between(15, 24)}${pad2(random.between(1, 12))}.${random.between(10000, 29999)}`;
    parts.push(`\r\n\r\n(Image Source: [here](https://arxiv.org/abs/${id}))`);
  }
  return parts.join(random.chance(0.5) ? ' ' : '\r\n');
}

function fill(random: Random, template: string, context: AbstractContext): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'task':
        return context.task;
      case 'model':
        return context.model;
      case 'dataset':
      case 'dataset2':
        return context.datasets.length > 0 ? random.pick(context.datasets) : 'several benchmarks';
      case 'dataset3':
        return `${random.pick(STEMS)}${random.pick(['Bench', 'Set', 'QA', '-1K', '-10K'])}`;
      case 'metric':
        return context.metric;
      case 'adj':
        return random.pick(ADJECTIVES).toLowerCase();
      case 'noun':
      case 'noun2':
        return random.pick(NOUNS).toLowerCase();
      case 'topic':
      case 'topic2':
        return random.pick(TOPICS).toLowerCase();
      case 'quality':
        return random.pick(QUALITIES);
      case 'symbol':
        return random.pick(SYMBOLS);
      case 'number':
        return (random.next() * 20).toFixed(1);
      case 'speed':
        return String(random.between(2, 12));
      case 'times':
        return random.chance(0.7) ? '×' : 'x';
      case 'plusminus':
        return random.chance(0.8) ? '±' : '+/-';
      case 'digit':
        return String(random.int(10));
      case 'thousands':
        return String(random.between(2, 500));
      case 'owner':
        return random.pick(CODE_OWNERS);
      case 'repo':
        return context.model.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      default:
        return random.pick(UNICODE_SNIPPETS);
    }
  });
}

/** Breaks a paragraph into lines of about `width` characters, as arXiv abstracts are. */
export function wrap(text: string, width: number, newline: string): string {
  let out = '';
  let start = 0;
  while (text.length - start > width) {
    let cut = text.lastIndexOf(' ', start + width);
    if (cut <= start) cut = text.indexOf(' ', start + width);
    if (cut < 0) break;
    out += text.slice(start, cut) + newline;
    start = cut + 1;
  }
  return out + text.slice(start);
}
