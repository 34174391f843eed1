import { readFileSync } from 'node:fs';

import { DirectionSource, MetricDirection } from '../model/metric';

export interface DirectionDecision {
  direction: MetricDirection;
  source: DirectionSource;
}

const HIGHER = MetricDirection.HIGHER_IS_BETTER;
const LOWER = MetricDirection.LOWER_IS_BETTER;
const DIRECTIONS: readonly string[] = Object.values(MetricDirection);

/** A list written as comma-separated names (the tables below read better as prose than one name a line). */
function names(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '');
}

/**
 * Well-known metric names, exactly (after `normalise`). They come first because no keyword rule
 * reads them right: "IS" (Inception Score), "MR" (mean rank or miss rate), "Rank-1", "Self-BLEU",
 * or names without a telling word at all.
 */
const CURATED_HIGHER = [
  // classification
  ...names(`
    accuracy, acc, top-1 accuracy, top 1 accuracy, top-5 accuracy, top 5 accuracy, top-1, top-5,
    balanced accuracy, precision, recall, f1, f1 score, f1-score, macro-f1, micro-f1, f-measure, mcc,
    kappa, auc, auroc, roc auc, aupr
  `),
  // question answering and NLP
  ...names(`
    em, exact match, bleu, bleu-4, sacrebleu, rouge-1, rouge-2, rouge-l, meteor, cider, spice, chrf,
    chrf++, bertscore, bleurt, mauve, pass@1, pass@10, dist-1, dist-2, 1-ned, pearson correlation,
    spearman correlation, kendall's tau
  `),
  // detection, segmentation, tracking, pose, depth
  ...names(`
    map, ap, ap50, ap75, aps, apm, apl, box ap, mask ap, ar, iou, miou, mean iou, dice, dsc, mota, idf1,
    hota, mt, nds, pck, pckh, δ1, delta < 1.25
  `),
  // retrieval and recommendation
  ...names(`
    recall@1, recall@5, recall@10, r@1, r@5, r@10, r1, hits@1, hits@3, hits@10, hr@10, ndcg, ndcg@10,
    mrr, mean reciprocal rank, rank-1, rank-5, rank1
  `),
  // generation, images, speech
  ...names(`
    psnr, ssim, ms-ssim, is, inception score, clip score, clip-i, clip-t, dino, mos, pesq, stoi, si-sdr,
    si-snr, si-sdri, si-snri, sdr
  `),
  // reinforcement learning, navigation, continual learning
  ...names(`
    score, return, average return, mean reward, human normalized score, success rate, sr, spl, bwt, fwt
  `),
  // efficiency
  ...names(`
    fps, throughput, speedup
  `),
  // DreamBooth personalization (concept preservation, prompt following and their product)
  ...names(`
    concept preservation (cp), prompt following (pf), overall (cp * pf)
  `),
  // CMRC 2019: question-level and passage-level accuracy
  ...names(`
    qac, pac
  `),
  // CheXpert: how many of the radiologists fall below the model's ROC curve
  ...names(`
    num rads below curve
  `),
  // In Papers With Code these bare names head score columns (CoQA F1, nocaps CIDEr, overall scores).
  ...names(`
    in-domain, out-of-domain, overall
  `),
];

const CURATED_LOWER = [
  // errors and losses
  ...names(`
    error, error rate, top-1 error, top-5 error, top 1 error, top 5 error, test error,
    classification error, percentage error, ece, brier score
  `),
  // speech and language
  ...names(`
    wer, word error rate, cer, character error rate, per, ter, der, eer, mindcf, perplexity, ppl, nll,
    negative log-likelihood, bits per dim, bits/dim, bpd, bpc, bits per character, bpb, self-bleu, mcd
  `),
  // generation and image quality
  ...names(`
    fid, fid-50k, kid, fvd, lpips, niqe, brisque
  `),
  // regression and forecasting
  ...names(`
    mae, mse, rmse, mape, smape, mase, crps, nd, owa, nrmse
  `),
  // depth, 3D, flow, pose, trajectories
  ...names(`
    abs rel, sq rel, rmse log, log10, chamfer distance, cd, emd, hausdorff distance, hd95, assd, epe,
    aepe, d1-all, fl-all, mpjpe, pa-mpjpe, mpvpe, ate, rpe, ade, fde, minade, minfde, miss rate, mr, ne
  `),
  // tracking
  ...names(`
    id switches, ids, idsw, frag, ml, fp, fn
  `),
  // retrieval
  ...names(`
    mean rank, median rank, medr
  `),
  // efficiency
  ...names(`
    params, parameters, number of params, #params, flops, gflops, macs, latency, inference time,
    runtime, time, training time, memory, model size
  `),
];

/** Words that decide a direction wherever they stand; `#` stands for any number ("F1" reads as `f #`). */
const HIGHER_WORDS = [
  // classification, QA, agreement
  ...names(`
    accuracy, accuracies, acc, macc, bacc, oacc, oa, exact, exact match, em, correct, solved, precision,
    recall, f #, f score, f measure, fscore, fmeasure, auc, auroc, aupr, auprc, aupro, area under,
    sensitivity, specificity, tpr, tnr, ppv, npv, tar, true positive rate, correlation, pearson,
    spearman, kendall, tau, rho, ρ, τ, kappa, mcc, matthews, agreement, nmi, ari, ami, purity, silhouette
  `),
  // text generation and translation
  ...names(`
    bleu, sacrebleu, rouge, meteor, cider, spice, chrf, bertscore, bleurt, comet, mauve, distinct, dist #,
    diversity, coverage, fidelity, consistency, faithfulness, inform, pass @, pass rate, win, wins,
    win rate, elo, likelihood
  `),
  // detection, segmentation, tracking, pose, depth
  ...names(`
    map, ap, aps, apm, apl, ar, iou, miou, intersection over union, pq, pqth, pqst, sq, rq, j, f, dice,
    dsc, jaccard, pck, pckh, mota, amota, motsa, smotsa, idf1, hota, nds, eao, overlap, ao, δ #, delta #
  `),
  // retrieval and recommendation
  ...names(`
    r #, r @, p @, hit, hits, hr, ndcg, mrr, minp, reciprocal rank, rank #
  `),
  // images, audio, personalization
  ...names(`
    psnr, ssim, signal to noise, signal to distortion, signal to interference, signal to artifacts, sdr,
    sdri, snr, snri, sir, sar, pesq, stoi, estoi, mos, naturalness, quality, similarity, sim, clip,
    clipscore, clipsim, clap, dino, imagereward, hps, preference, preservation, following, alignment
  `),
  // agents, continual learning, robustness, efficiency gains
  ...names(`
    success, sr, spl, osr, ndtw, sdtw, progress, return, returns, reward, rewards, bwt, fwt, robustness,
    gain, improvement, speedup, throughput, fps, frame rate, frames per second, per second
  `),
];

const LOWER_WORDS = [
  // errors, losses, distances
  ...names(`
    error, errors, err, loss, losses, distance, divergence, kl, wasserstein, gap, regret, ece, brier,
    mce, degradation, forgetting, failure, failures, violation, violations, collision, collisions,
    off road, toxicity, hallucination, hallucinations, bias, rank, medr, mr
  `),
  // language and speech
  ...names(`
    perplexity, ppl, nll, negative log likelihood, bits, bpd, bpc, bpb, bpp, wer, cer, ter, der, eer,
    mindcf, dcf, ned, mcd, distortion, rtf, fad, bd rate
  `),
  // generation and image quality
  ...names(`
    fid, fd, fvd, kid, kvd, lpips, perceptual image patch similarity, perceptual path length, niqe, brisque
  `),
  // regression and forecasting
  ...names(`
    mae, mse, rmse, msle, rmsle, mape, smape, mase, crps, wape, nrmse, owa
  `),
  // depth, 3D, flow, pose, trajectories, driving
  ...names(`
    rel, absrel, sqrel, rmselog, l #, chamfer, cd, emd, hausdorff, hd, assd, asd, epe, aepe, mpjpe,
    mpvpe, pve, ate, rpe, ade, fde, minade, minfde, miss rate, miss, misses, mate, maoe, mave, maae
  `),
  // detection, tracking, verification
  ...names(`
    fpr, fnr, far, frr, hter, acer, apcer, bpcer, false positive rate, false positives, false negatives,
    false alarm, fp, fn, idsw, id switches, frag
  `),
  // cost
  ...names(`
    params, param, parameters, parameter, flops, gflops, tflops, mflops, macs, gmacs, madds, mult adds,
    multiply adds, operations, ops, gops, latency, runtime, time, duration, delay, memory, model size,
    storage, energy, emissions, co #, cost, burden, hours, days
  `),
];

/** Generic words that decide only when nothing more telling is in the name ("FID score" is an FID). */
const WEAK_HIGHER_WORDS = names('score, top, speed, performance, average, avg, mean, overall');

/** Units, read only inside parentheses or brackets ("Speed (ms)", "Speed (FPS)"). */
const LOWER_UNITS = names(`
  ms, s, sec, secs, second, seconds, min, mins, minute, minutes, h, hr, hrs, hour, hours, day, days,
  kb, mb, gb, tb, kib, mib, gib, w, kwh, j
`);
const HIGHER_UNITS = names('fps, img s, imgs s, images s, it s, samples s, tokens s, frames s');

/**
 * Words that turn the direction of the metric they go with ("Error Rate Reduction" and "Reduction
 * in FLOPs" are better higher, "Accuracy Drop" lower); "increase" keeps it ("Increase in error").
 */
const TURNING_WORDS = new Set(['reduction', 'reductions', 'decrease', 'drop', 'decline']);

/** Words after which the head of the name is over ("Number of params", "AUC on 14 labels", "Time to accuracy"). */
const PREPOSITIONS = new Set(
  names('of, in, on, for, at, to, with, under, over, from, by, per, against, vs, versus, within, after, across, using'),
);

const LOWER_MARKER = /↓|\blower(?: is)? better\b|\(lower\)|\bsmaller is better\b|\bless is better\b/;
const HIGHER_MARKER = /↑|\bhigher(?: is)? better\b|\(higher\)|\blarger is better\b|\bmore is better\b/;

interface Rule {
  words: string[];
  direction: MetricDirection;
  weak: boolean;
}

const rules = (direction: MetricDirection, phrases: string[], weak = false): Rule[] =>
  phrases.map((phrase) => ({ words: phrase.split(' '), direction, weak }));
const longestFirst = (list: Rule[]): Rule[] => list.sort((a, b) => b.words.length - a.words.length);

const WORD_RULES = longestFirst([
  ...rules(HIGHER, HIGHER_WORDS),
  ...rules(LOWER, LOWER_WORDS),
  ...rules(HIGHER, WEAK_HIGHER_WORDS, true),
]);
// Units come first so that "(hr)" reads as hours, not as the hit ratio HR.
const PARENTHESISED_RULES = longestFirst([...rules(LOWER, LOWER_UNITS), ...rules(HIGHER, HIGHER_UNITS), ...WORD_RULES]);

const CURATED = new Map<string, MetricDirection>([
  ...CURATED_HIGHER.map((name) => [normalise(name), HIGHER] as const),
  ...CURATED_LOWER.map((name) => [normalise(name), LOWER] as const),
]);

/**
 * Whether a metric is better higher or lower, and where that decision comes from: the overrides
 * (matched case-insensitively), then the curated names, then keyword rules on the words of the name.
 */
export function metricDirection(name: string, overrides?: ReadonlyMap<string, MetricDirection>): DirectionDecision {
  const key = normalise(name);
  for (const [overridden, direction] of overrides ?? []) {
    if (normalise(overridden) === key) return { direction, source: DirectionSource.OVERRIDE };
  }
  const curated = CURATED.get(key);
  if (curated) return { direction: curated, source: DirectionSource.CURATED };
  const inferred = key ? inferredDirection(key) : null;
  return inferred
    ? { direction: inferred, source: DirectionSource.INFERRED }
    : { direction: MetricDirection.UNKNOWN, source: DirectionSource.UNKNOWN };
}

/**
 * An explicit marker ("↓", "(lower is better)") decides. Otherwise the name is read like an English
 * noun phrase: the telling word nearest the end of its head (the words before a preposition) wins,
 * so "Top-1 Error Rate" is an error and "Number of params" a parameter count; then the words after
 * the preposition, then what stands in parentheses, which may be a unit; generic words such as
 * "score" count only when nothing else does. A turning word ("reduction", "drop") turns the result.
 */
function inferredDirection(name: string): MetricDirection | null {
  const lower = LOWER_MARKER.test(name);
  const higher = HIGHER_MARKER.test(name);
  if (lower !== higher) return lower ? LOWER : HIGHER;

  const parenthesised = /\(([^()]*)\)|\[([^[\]]*)\]/g;
  const outside = words(name.replace(parenthesised, ' '));
  const inside = [...name.matchAll(parenthesised)].flatMap((match) => words(match[1] ?? match[2]));
  const [head, rest] = hitsBeforeAndAfterPreposition(outside, WORD_RULES);
  const groups = [head, rest, hitsBeforeAndAfterPreposition(inside, PARENTHESISED_RULES).flat()];

  for (const weak of [false, true]) {
    for (const group of groups) {
      const decisive = group.filter((rule) => rule.weak === weak).at(-1);
      if (decisive) return turns([...outside, ...inside]) ? opposite(decisive.direction) : decisive.direction;
    }
  }
  return null;
}

/** Lower case words and numbers, split apart ("F1" → f 1); what follows an "@" is a condition and dropped. */
function words(text: string): string[] {
  const all: string[] = text.match(/\p{L}+|\p{N}+|@/gu) ?? [];
  const at = all.indexOf('@');
  return at < 0 ? all : all.slice(0, at + 1);
}

function hitsBeforeAndAfterPreposition(tokens: readonly string[], ruleList: readonly Rule[]): [Rule[], Rule[]] {
  const before: Rule[] = [];
  const after: Rule[] = [];
  let current = before;
  for (let i = 0; i < tokens.length;) {
    const rule = ruleList.find(({ words: phrase }) => phrase.every((word, j) => matches(word, tokens[i + j])));
    if (rule) {
      current.push(rule);
      i += rule.words.length;
      continue;
    }
    if (PREPOSITIONS.has(tokens[i])) current = after;
    i += 1;
  }
  return [before, after];
}

function matches(word: string, token: string | undefined): boolean {
  return word === '#' ? token !== undefined && /^\p{N}+$/u.test(token) : word === token;
}

function turns(tokens: readonly string[]): boolean {
  return tokens.filter((token) => TURNING_WORDS.has(token)).length % 2 === 1;
}

function opposite(direction: MetricDirection): MetricDirection {
  return direction === HIGHER ? LOWER : direction === LOWER ? HIGHER : direction;
}

function normalise(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Reads a file of direction overrides: `{ "overrides": { "<metric name>": "<direction>" } }`.
 * Keys starting with "_" (at either level) are comments and ignored.
 */
export function readDirectionOverrides(file: string): Map<string, MetricDirection> {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the metric direction overrides: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!isObject(document)) throw new Error(`${file}: expected an object with an "overrides" object`);
  for (const key of Object.keys(document)) {
    if (key !== 'overrides' && !key.startsWith('_')) throw new Error(`${file}: unexpected key "${key}"`);
  }
  if (!isObject(document.overrides)) throw new Error(`${file}: "overrides" must be an object of metric names`);

  const overrides = new Map<string, MetricDirection>();
  const seen = new Map<string, string>();
  for (const [rawName, value] of Object.entries(document.overrides)) {
    if (rawName.startsWith('_')) continue;
    const name = rawName.trim();
    if (!name) throw new Error(`${file}: overrides has an empty metric name`);
    if (typeof value !== 'string' || !DIRECTIONS.includes(value)) {
      throw new Error(
        `${file}: overrides["${rawName}"] is ${JSON.stringify(value)}, expected one of ${DIRECTIONS.join(', ')}`,
      );
    }
    const twin = seen.get(normalise(name));
    if (twin !== undefined) throw new Error(`${file}: overrides["${rawName}"] repeats overrides["${twin}"]`);
    seen.set(normalise(name), rawName);
    overrides.set(name, value as MetricDirection);
  }
  return overrides;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
