/** Vocabularies for people, code hosts and venues. Accented names are deliberate: ids must survive them. */
import vocabulary from './vocabulary/people-and-code.json';

export const {
  firstNames: FIRST_NAMES,
  lastNames: LAST_NAMES,
  // Synthetic surnames, onset × middle × ending, fill the name space beyond the real ones.
  surnameOnsets: SURNAME_ONSETS,
  surnameMiddles: SURNAME_MIDDLES,
  surnameEndings: SURNAME_ENDINGS,
  codeOwners: CODE_OWNERS,
  /** Repositories shared by many papers: one repository, many links. */
  sharedRepositories: SHARED_REPOSITORIES,
} = vocabulary;

export const FRAMEWORKS = ['pytorch', 'tf', 'none', 'jax', 'mxnet'] as const;
export const FRAMEWORK_WEIGHTS = [0.56, 0.14, 0.25, 0.035, 0.015];

export interface Venue {
  name: string;
  since: number;
  month: number;
  openreview: boolean;
  /** The venue's page for a paper; `token` is unique per paper. */
  page: (year: number, token: string) => string;
}

export const VENUES: Venue[] = [
  {
    name: 'NeurIPS',
    since: 1990,
    month: 12,
    openreview: false,
    page: (y, t) => `https://papers.nips.cc/paper/${y}/hash/${t}-Abstract.html`,
  },
  {
    name: 'ICML',
    since: 1990,
    month: 7,
    openreview: false,
    page: (y, t) => `https://proceedings.mlr.press/v${y - 1880}/${t}.html`,
  },
  { name: 'ICLR', since: 2013, month: 5, openreview: true, page: (_y, t) => `https://openreview.net/forum?id=${t}` },
  {
    name: 'CVPR',
    since: 1990,
    month: 6,
    openreview: false,
    page: (y, t) => `http://openaccess.thecvf.com/content_CVPR_${y}/html/${t}_CVPR_${y}_paper.html`,
  },
  {
    name: 'ICCV',
    since: 1990,
    month: 10,
    openreview: false,
    page: (y, t) => `http://openaccess.thecvf.com/content_ICCV_${y}/html/${t}_ICCV_${y}_paper.html`,
  },
  {
    name: 'ECCV',
    since: 1990,
    month: 9,
    openreview: false,
    page: (y, t) => `https://www.ecva.net/papers/eccv_${y}/papers_ECCV/html/${t}.php`,
  },
  {
    name: 'ACL',
    since: 1990,
    month: 7,
    openreview: false,
    page: (y, t) => `https://aclanthology.org/${y}.acl-long.${t}`,
  },
  {
    name: 'EMNLP',
    since: 1996,
    month: 11,
    openreview: false,
    page: (y, t) => `https://aclanthology.org/${y}.emnlp-main.${t}`,
  },
  {
    name: 'NAACL',
    since: 2000,
    month: 6,
    openreview: false,
    page: (y, t) => `https://aclanthology.org/${y}.naacl-main.${t}`,
  },
  {
    name: 'AAAI',
    since: 1990,
    month: 2,
    openreview: false,
    page: (_y, t) => `https://ojs.aaai.org/index.php/AAAI/article/view/${t}`,
  },
  {
    name: 'IJCAI',
    since: 1990,
    month: 8,
    openreview: false,
    page: (y, t) => `https://www.ijcai.org/proceedings/${y}/${t}`,
  },
  { name: 'KDD', since: 1995, month: 8, openreview: false, page: (y, t) => `https://dl.acm.org/doi/10.1145/${y}.${t}` },
  { name: 'TMLR', since: 2022, month: 1, openreview: true, page: (_y, t) => `https://openreview.net/forum?id=${t}` },
  {
    name: 'Interspeech',
    since: 2000,
    month: 9,
    openreview: false,
    page: (y, t) => `https://www.isca-speech.org/archive/interspeech_${y}/${t}.html`,
  },
];

/** Where papers without an arXiv id are found; `token` is unique per paper. Relative URLs occur. */
export const OTHER_HOSTS: ((token: string) => string)[] = [
  (t) => `https://www.semanticscholar.org/paper/${t}`,
  (t) => `https://link.springer.com/chapter/10.1007/978-3-030-${t}`,
  (t) => `https://ieeexplore.ieee.org/document/${t}`,
  (t) => `https://www.biorxiv.org/content/10.1101/${t}.full`,
  (t) => `https://www.sciencedirect.com/science/article/pii/${t}`,
];
