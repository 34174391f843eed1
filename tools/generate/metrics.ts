import type { Random } from './random';
import type { Area } from './task-names';

export type MetricKind = 'percent' | 'fraction' | 'score' | 'count' | 'text' | 'flag';

export interface Metric {
  name: string;
  kind: MetricKind;
  lowerIsBetter: boolean;
  /** Plausible range of values, worst-to-best order does not matter. */
  low: number;
  high: number;
  decimals: number;
}

const metric = (
  name: string,
  kind: MetricKind,
  low: number,
  high: number,
  decimals: number,
  lowerIsBetter = false,
): Metric => ({
  name,
  kind,
  lowerIsBetter,
  low,
  high,
  decimals,
});

export const METRICS: Record<string, Metric> = Object.fromEntries(
  [
    metric('Top 1 Accuracy', 'percent', 55, 92, 1),
    metric('Top 5 Accuracy', 'percent', 80, 99, 1),
    metric('Accuracy', 'percent', 40, 98, 2),
    metric('Error', 'percent', 1, 30, 2, true),
    metric('box mAP', 'percent', 20, 66, 1),
    metric('AP50', 'percent', 40, 85, 1),
    metric('AP75', 'percent', 20, 70, 1),
    metric('APS', 'percent', 10, 40, 1),
    metric('APM', 'percent', 25, 60, 1),
    metric('APL', 'percent', 35, 75, 1),
    metric('mIoU', 'percent', 30, 86, 1),
    metric('Pixel Accuracy', 'percent', 70, 96, 1),
    metric('PSNR', 'score', 22, 38, 2),
    metric('SSIM', 'fraction', 0.6, 0.98, 3),
    metric('FID', 'score', 1.5, 120, 2, true),
    metric('Inception score', 'score', 4, 11, 2),
    metric('Precision', 'fraction', 0.5, 0.85, 4),
    metric('EM', 'percent', 40, 92, 3),
    metric('F1', 'percent', 50, 95, 3),
    metric('F1 score', 'percent', 50, 95, 2),
    metric('BLEU score', 'score', 10, 45, 1),
    metric('SacreBLEU', 'score', 10, 45, 1),
    metric('ROUGE-1', 'score', 30, 50, 2),
    metric('ROUGE-2', 'score', 10, 25, 2),
    metric('ROUGE-L', 'score', 25, 46, 2),
    metric('Perplexity', 'score', 10, 150, 1, true),
    metric('Params', 'count', 1e5, 2e9, 0, true),
    metric('GFLOPs', 'score', 0.5, 300, 1, true),
    metric('AUC', 'fraction', 0.6, 0.99, 4),
    metric('Dice Score', 'fraction', 0.6, 0.95, 3),
    metric('Word Error Rate (WER)', 'percent', 1.5, 30, 2, true),
    metric('EER', 'percent', 0.5, 15, 2, true),
    metric('MOS', 'score', 2.5, 4.6, 2),
    metric('MSE', 'score', 0.05, 1.2, 3, true),
    metric('MAE', 'score', 0.1, 1.0, 3, true),
    metric('RMSE', 'score', 0.3, 8, 3, true),
    metric('mAP', 'percent', 20, 60, 1),
    metric('MRR', 'fraction', 0.2, 0.6, 3),
    metric('Hits@1', 'fraction', 0.1, 0.5, 3),
    metric('Hits@10', 'fraction', 0.4, 0.8, 3),
    metric('Pass@1', 'percent', 5, 95, 1),
    metric('Pass@10', 'percent', 10, 98, 1),
    metric('Score', 'score', 100, 40000, 0),
    metric('Average Return', 'score', 500, 12000, 1),
    metric('Success Rate', 'percent', 10, 95, 1),
    metric('ADE', 'score', 0.2, 2.5, 2, true),
    metric('FDE', 'score', 0.4, 5, 2, true),
    metric('Robust Accuracy', 'percent', 20, 70, 2),
    metric('Attack Success Rate', 'percent', 30, 100, 1),
    metric('Backbone', 'text', 0, 0, 0),
    metric('Extra Training Data', 'flag', 0, 0, 0),
  ].map((entry) => [entry.name, entry]),
);

export const METRIC_SETS: Record<Area, string[][]> = {
  'Computer Vision': [
    ['Top 1 Accuracy', 'Top 5 Accuracy', 'Params', 'GFLOPs'],
    ['Accuracy'],
    ['Error'],
    ['box mAP', 'AP50', 'AP75', 'APS', 'APM', 'APL'],
    ['mIoU', 'Pixel Accuracy'],
    ['PSNR', 'SSIM'],
    ['FID', 'Inception score', 'Precision'],
  ],
  'Natural Language Processing': [
    ['Accuracy'],
    ['EM', 'F1'],
    ['BLEU score', 'SacreBLEU'],
    ['ROUGE-1', 'ROUGE-2', 'ROUGE-L'],
    ['F1'],
    ['Perplexity', 'Params'],
  ],
  Methodology: [['Accuracy'], ['AUC'], ['F1 score'], ['Accuracy', 'Params']],
  Medical: [['Dice Score', 'AUC'], ['AUC'], ['Accuracy']],
  Miscellaneous: [['Accuracy'], ['AUC'], ['F1 score']],
  Speech: [['Word Error Rate (WER)'], ['EER'], ['MOS']],
  'Time Series': [
    ['MSE', 'MAE'],
    ['RMSE', 'MAE'],
  ],
  Audio: [['mAP'], ['Accuracy']],
  Graphs: [['Accuracy'], ['MRR', 'Hits@1', 'Hits@10'], ['AUC']],
  Reasoning: [['Accuracy'], ['EM']],
  'Computer Code': [['Pass@1', 'Pass@10'], ['BLEU score']],
  'Playing Games': [['Score'], ['Average Return']],
  Robotics: [['Success Rate'], ['ADE', 'FDE']],
  'Knowledge Base': [['MRR', 'Hits@10'], ['F1']],
  Adversarial: [['Robust Accuracy', 'Accuracy'], ['Attack Success Rate']],
  Music: [['Accuracy'], ['F1']],
};

export const BACKBONES = [
  'ResNet-50',
  'ResNet-101',
  'ViT-B/16',
  'ViT-L/14',
  'Swin-L',
  'ConvNeXt-T',
  'EfficientNet-B7',
  'Hourglass-104',
];

/** How a leaderboard writes its numbers: some add "%", some a standard deviation. */
export interface ValueStyle {
  percentSign: boolean;
  deviation: boolean;
}

/** The value strings leaderboards hold besides plain numbers; each appears at a low rate. */
export const ODD_VALUES = ['-', '', 'N/A'] as const;
export const BOM = '\uFEFF';

/** A metric value as the archive writes it: a string, rarely odd. */
export function formatValue(random: Random, spec: Metric, value: number, style: ValueStyle): string | boolean {
  if (spec.kind === 'flag') return random.chance(0.3);
  if (spec.kind === 'text') return random.chance(0.05) ? '-' : random.pick(BACKBONES);
  const roll = random.next();
  if (roll < 0.002) return '-';
  if (roll < 0.004) return '';
  if (roll < 0.005) return 'N/A';
  if (spec.kind === 'count') return formatCount(random, value);
  let text = value.toFixed(spec.decimals);
  if (roll < 0.0055) return BOM + text;
  if (roll < 0.006) return `(${text} ${(value * (0.97 + random.next() * 0.02)).toFixed(spec.decimals)})`;
  if (roll < 0.007) return text.replace('.', ',');
  if (style.deviation || roll < 0.01)
    text += ` ± ${(Math.abs(value) * (0.002 + random.next() * 0.01)).toFixed(spec.decimals + 1)}`;
  if (spec.kind === 'percent' && (style.percentSign || roll > 0.997)) text += '%';
  return text;
}

/** Parameter counts as leaderboards write them: "220k", "3.0m", "22m", "1.3B". */
export function formatCount(random: Random, value: number): string {
  if (value < 1e6) return `${Math.round(value / 1e3)}k`;
  if (value < 1e9) {
    const millions = value / 1e6;
    return millions < 10 && random.chance(0.7)
      ? `${millions.toFixed(1)}m`
      : `${Math.round(millions)}${random.chance(0.8) ? 'm' : 'M'}`;
  }
  return `${(value / 1e9).toFixed(1)}B`;
}
