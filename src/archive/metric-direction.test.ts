import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { forEachSampleTable } from '../../test/support/samples';
import { PROJECT_ROOT } from '../config';
import { MetricDirection } from '../model/metric';
import { metricDirection, readDirectionOverrides } from './metric-direction';

const OVERRIDES_FILE = path.join(PROJECT_ROOT, 'schema', 'metric-directions.json');

/** The distinct metric names of the sample evaluation tables (tasks, subtasks, datasets, subdatasets). */
function sampleMetricNames(): Set<string> {
  const names = new Set<string>();
  forEachSampleTable((sota) => {
    for (const name of sota.metrics ?? []) names.add(name);
    for (const row of sota.rows ?? []) for (const name of Object.keys(row.metrics ?? {})) names.add(name);
  });
  return names;
}

const HIGHER = MetricDirection.HIGHER_IS_BETTER;
const LOWER = MetricDirection.LOWER_IS_BETTER;

describe('metricDirection', () => {
  it.each([
    ['Accuracy', HIGHER],
    ['Top-1 Accuracy', HIGHER],
    ['Top 1 Accuracy', HIGHER],
    ['F1', HIGHER],
    ['EM', HIGHER],
    ['Exact Match', HIGHER],
    ['BLEU', HIGHER],
    ['ROUGE-L', HIGHER],
    ['mAP', HIGHER],
    ['mIoU', HIGHER],
    ['AUC', HIGHER],
    ['PSNR', HIGHER],
    ['SSIM', HIGHER],
    ['IS', HIGHER],
    ['Inception Score', HIGHER],
    ['Recall@10', HIGHER],
    ['R@1', HIGHER],
    ['NDCG', HIGHER],
    ['MRR', HIGHER],
    ['Mean Reciprocal Rank', HIGHER],
    ['Rank-1', HIGHER],
    ['Score', HIGHER],
    ['Return', HIGHER],
    ['Success Rate', HIGHER],
    ['MOS', HIGHER],
    ['SI-SDR', HIGHER],
    ['Concept Preservation (CP)', HIGHER],
    ['Prompt Following (PF)', HIGHER],
    ['Overall (CP * PF)', HIGHER],
    ['FID', LOWER],
    ['KID', LOWER],
    ['Perplexity', LOWER],
    ['WER', LOWER],
    ['CER', LOWER],
    ['MAE', LOWER],
    ['MSE', LOWER],
    ['RMSE', LOWER],
    ['NLL', LOWER],
    ['EER', LOWER],
    ['LPIPS', LOWER],
    ['Params', LOWER],
    ['FLOPs', LOWER],
    ['Latency', LOWER],
    ['Error Rate', LOWER],
    ['Top-1 Error', LOWER],
    ['Bits per dim', LOWER],
    ['BPC', LOWER],
    ['Chamfer Distance', LOWER],
    ['ADE', LOWER],
    ['FDE', LOWER],
    ['MASE', LOWER],
    ['sMAPE', LOWER],
    ['MR', LOWER],
    ['Mean Rank', LOWER],
    ['Self-BLEU', LOWER],
    ['Dist-1', HIGHER],
    ['FID-50k', LOWER],
    ['CLIP score', HIGHER],
    ['AP50', HIGHER],
    ['Hits@10', HIGHER],
    ['HR@10', HIGHER],
    ['NDCG@10', HIGHER],
    ['Pass@1', HIGHER],
    ['F1-score', HIGHER],
    ['BLEU-4', HIGHER],
    ['CIDEr', HIGHER],
    ['METEOR', HIGHER],
    ['SPICE', HIGHER],
    ['Pearson Correlation', HIGHER],
    ['GFLOPs', LOWER],
    ['Miss Rate', LOWER],
    ['Average Return', HIGHER],
    ['Human Normalized Score', HIGHER],
    ['Mean Reward', HIGHER],
    ['HD95', LOWER],
    ['PA-MPJPE', LOWER],
    ['Abs Rel', LOWER],
    ['MOTA', HIGHER],
    ['ID Switches', LOWER],
  ])('knows the curated metric %j is %s', (name, direction) => {
    expect(metricDirection(name)).toEqual({ direction, source: 'curated' });
  });

  it('matches curated names whatever their case and spacing', () => {
    expect(metricDirection('  top-1   ACCURACY ')).toEqual({ direction: HIGHER, source: 'curated' });
    expect(metricDirection('Fid')).toEqual({ direction: LOWER, source: 'curated' });
  });

  it.each([
    ['Top-1 Error Rate', LOWER],
    ['Top 5 Error (%)', LOWER],
    ['Accuracy (%)', HIGHER],
    ['% Test Accuracy', HIGHER],
    ['Params (M)', LOWER],
    ['Number of Parameters', LOWER],
    ['Inference Time (ms)', LOWER],
    ['FID score', LOWER],
    ['Mean Absolute Error', LOWER],
    ['Word Error Rate (WER)', LOWER],
    ['Average Precision', HIGHER],
    ['box mAP', HIGHER],
    ['mAP@0.5:0.95', HIGHER],
    ['Acc@1', HIGHER],
    ['TAR @ FAR=0.001', HIGHER],
    ['FPR95', LOWER],
    ['Macro F1', HIGHER],
    ["Spearman's Rho", HIGHER],
    ["Cohen's Kappa", HIGHER],
    ['Log-likelihood', HIGHER],
    ['Negative Log Likelihood', LOWER],
    ['Test perplexity', LOWER],
    ['Memory (GB)', LOWER],
    ['Training Time (hours)', LOWER],
    ['Model Size (MB)', LOWER],
    ['Hardware Burden', LOWER],
    ['Speed (FPS)', HIGHER],
    ['Speed (ms)', LOWER],
    ['Speed', HIGHER],
    ['Throughput (img/s)', HIGHER],
    ['Images per second', HIGHER],
    ['Success rate (%)', HIGHER],
    ['Hausdorff Distance (mm)', LOWER],
    ['Dice Score', HIGHER],
    ['minADE (K=6)', LOWER],
    ['δ1 < 1.25', HIGHER],
    ['Expected Calibration Error', LOWER],
    ['CO2 emissions (kg)', LOWER],
    ['R²', HIGHER],
    ['AVERAGE AUC ON 14 LABEL', HIGHER],
    ['CHALLENGE-EM', HIGHER],
    ['TEST-F1', HIGHER],
    ['JOINT-F1', HIGHER],
    ['Intersection over Union', HIGHER],
    ['Area Under the Curve', HIGHER],
    ['Peak Signal-to-Noise Ratio', HIGHER],
    ['Fréchet Inception Distance', LOWER],
    ['Inception Score (IS)', HIGHER],
    ['Learned Perceptual Image Patch Similarity', LOWER],
    ['Mean Per Joint Position Error', LOWER],
    ['Percentage of Correct Keypoints', HIGHER],
    ['Operations per network pass', LOWER],
    ['Avg. L2', LOWER],
    ['Distinct-2', HIGHER],
    ['Speed (s/img)', LOWER],
    ['Speed (img/s)', HIGHER],
    ["Kendall's τ", HIGHER],
    ['OA', HIGHER],
    ['J&F', HIGHER],
    ['mINP', HIGHER],
    ['Average', HIGHER],
    ['Average Rank', LOWER],
    ['Validation loss', LOWER],
  ])('infers that %j is %s', (name, direction) => {
    expect(metricDirection(name)).toEqual({ direction, source: 'inferred' });
  });

  it.each([
    // The head of the name decides: the last telling word before any preposition.
    ['Number of params', LOWER],
    ['Time to 90% accuracy', LOWER],
    ['Accuracy per class', HIGHER],
    ['AUC at 10% FPR', HIGHER],
    ['FPR at 95% TPR', LOWER],
    ['Accuracy vs parameters', HIGHER],
    ['Accuracy loss', LOWER],
    // Reductions and drops turn the direction of what they reduce; an increase keeps it.
    ['Error Rate Reduction', HIGHER],
    ['Relative Error Reduction (%)', HIGHER],
    ['Reduction in FLOPs', HIGHER],
    ['Accuracy Drop', LOWER],
    ['Performance drop', LOWER],
    ['Decrease in error', HIGHER],
    ['Increase in error', LOWER],
    ['Improvement over baseline', HIGHER],
    ['Accuracy degradation', LOWER],
  ])('reads %j like a noun phrase: %s', (name, direction) => {
    expect(metricDirection(name).direction).toBe(direction);
  });

  it.each([
    ['Error ↑', HIGHER],
    ['Accuracy ↓', LOWER],
    ['Score (lower is better)', LOWER],
    ['Distance (higher is better)', HIGHER],
    ['Custom metric (lower)', LOWER],
  ])('follows an explicit marker in %j', (name, direction) => {
    expect(metricDirection(name)).toEqual({ direction, source: 'inferred' });
  });

  it.each(['Backbone', 'Extra Training Data', 'Model', 'Method', '', '   ', 'Drop', 'Pre-train'])(
    'does not guess for %j',
    (name) => {
      expect(metricDirection(name)).toEqual({ direction: 'UNKNOWN', source: 'unknown' });
    },
  );

  it('puts overrides first, matched case-insensitively after trimming', () => {
    const overrides = new Map<string, MetricDirection>([
      ['Backbone', MetricDirection.UNKNOWN],
      [' fid ', HIGHER],
      ['Hardware Burden', LOWER],
    ]);
    expect(metricDirection('backbone', overrides)).toEqual({ direction: 'UNKNOWN', source: 'override' });
    expect(metricDirection('FID', overrides)).toEqual({ direction: HIGHER, source: 'override' });
    expect(metricDirection(' HARDWARE BURDEN', overrides)).toEqual({ direction: LOWER, source: 'override' });
    expect(metricDirection('FID-50k', overrides)).toEqual({ direction: LOWER, source: 'curated' });
    expect(metricDirection('Accuracy', new Map())).toEqual({ direction: HIGHER, source: 'curated' });
  });

  it('gives a direction to at least 90% of the metric names of the sample evaluation tables', () => {
    const names = [...sampleMetricNames()];
    expect(names.length).toBeGreaterThan(10);
    const unknown = names.filter((name) => metricDirection(name).direction === MetricDirection.UNKNOWN);
    // On failure the unknown names are printed, to show which rules are missing.
    expect(unknown.length <= names.length * 0.1 ? 'at least 90% known' : unknown).toBe('at least 90% known');
  });
});

describe('readDirectionOverrides', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'metric-directions-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const overridesFile = (content: string): string => {
    const file = path.join(folder, `overrides-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, content);
    return file;
  };

  it("reads the project's file, which every override of it decides", () => {
    const overrides = readDirectionOverrides(OVERRIDES_FILE);
    expect(overrides.get('Backbone')).toBe('UNKNOWN');
    expect(overrides.get('Hardware Burden')).toBe(LOWER);
    expect(overrides.get('Number of params')).toBe(LOWER);
    for (const [name, direction] of overrides) {
      expect(metricDirection(name, overrides)).toEqual({ direction, source: 'override' });
    }
  });

  it('ignores keys starting with "_" and trims names', () => {
    const file = overridesFile(
      JSON.stringify({
        _comment: 'why',
        overrides: { _note: 'x', ' Backbone ': 'UNKNOWN', Speedup: 'HIGHER_IS_BETTER' },
      }),
    );
    expect(readDirectionOverrides(file)).toEqual(
      new Map([
        ['Backbone', MetricDirection.UNKNOWN],
        ['Speedup', HIGHER],
      ]),
    );
  });

  it.each([
    ['not JSON', '{ "overrides": ', /not|unexpected|end/i],
    ['an array', '[]', /expected an object with an "overrides" object/],
    ['no overrides', '{}', /"overrides" must be an object/],
    ['overrides as a list', '{ "overrides": ["Backbone"] }', /"overrides" must be an object/],
    ['an unknown key', '{ "override": {} }', /unexpected key "override"/],
    [
      'a bad direction',
      '{ "overrides": { "Backbone": "higher" } }',
      /overrides\["Backbone"\] is "higher", expected one of/,
    ],
    ['a direction that is no string', '{ "overrides": { "FID": null } }', /overrides\["FID"\] is null/],
    ['an empty name', '{ "overrides": { " ": "UNKNOWN" } }', /empty metric name/],
    [
      'a name twice',
      '{ "overrides": { "FID": "LOWER_IS_BETTER", "fid": "HIGHER_IS_BETTER" } }',
      /overrides\["fid"\] repeats overrides\["FID"\]/,
    ],
  ])('throws an error naming the file and the entry for %s', (_case, content, message) => {
    const file = overridesFile(content);
    expect(() => readDirectionOverrides(file)).toThrow(message);
    expect(() => readDirectionOverrides(file)).toThrow(file);
  });

  it('throws an error naming a missing file', () => {
    const file = path.join(folder, 'missing.json');
    expect(() => readDirectionOverrides(file)).toThrow(file);
  });
});
