import { arxivKey, catalogueIdentity, pwcId, titleKey, urlKey } from './keys';

describe('join keys', () => {
  it('normalises arXiv ids and URLs to the id without version', () => {
    expect(arxivKey('2208.01618v2')).toBe('2208.01618');
    expect(arxivKey('https://arxiv.org/abs/2208.01618v1')).toBe('2208.01618');
    expect(arxivKey('http://arxiv.org/pdf/1706.03762v5.pdf')).toBe('1706.03762');
    expect(arxivKey('cs/9301114')).toBe('cs/9301114');
    expect(arxivKey('arXiv:2208.01618')).toBe('2208.01618');
    expect(arxivKey(' ARXIV:2208.01618v3 ')).toBe('2208.01618');
    expect(arxivKey('https://arxiv.org/pdf/2208.01618')).toBe('2208.01618');
    expect(arxivKey('2208.01618 junk')).toBeNull();
    expect(arxivKey('https://arxiv.org/abs/cond-mat/9207017v1')).toBe('cond-mat/9207017');
    expect(arxivKey('http://nlp.stanford.edu/pubs/snli_paper.pdf')).toBeNull();
    expect(arxivKey(null)).toBeNull();
  });

  it('compares URLs loosely: scheme, www, trailing slash and .git ignored', () => {
    expect(urlKey('http://www.GitHub.com/rinongal/textual_inversion.git/')).toBe(
      'https://github.com/rinongal/textual_inversion',
    );
    expect(urlKey('not a url')).toBeNull();
    expect(urlKey('https://github.com/a/b///')).toBe('https://github.com/a/b');
    expect(urlKey('https://github.com/a/b/.git//')).toBe('https://github.com/a/b');
  });

  it('reads a long run of slashes in linear time', () => {
    const started = performance.now();
    expect(urlKey(`https://github.com/${'/'.repeat(200_000)}x`)).toMatch(/x$/);
    expect(urlKey(`https://github.com/a${'/'.repeat(200_000)}`)).toBe('https://github.com/a');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('compares titles ignoring case, accents and punctuation', () => {
    expect(titleKey('An Image is Worth One Word: Personalizing…')).toBe('an image is worth one word personalizing');
    expect(titleKey('  ')).toBeNull();
  });

  it('reads Papers With Code ids from their URLs', () => {
    expect(pwcId('https://paperswithcode.com/paper/attention-is-all-you-need', 'paper')).toBe(
      'attention-is-all-you-need',
    );
    expect(pwcId('https://paperswithcode.com/task/text-to-image-generation-1', 'task')).toBe(
      'text-to-image-generation-1',
    );
    expect(pwcId('https://arxiv.org/abs/1706.03762', 'paper')).toBeNull();
    expect(catalogueIdentity({ url: 'https://paperswithcode.com/dataset/coco', name: 'COCO' }, 'dataset')).toEqual({
      id: 'coco',
      name: 'COCO',
    });
    expect(catalogueIdentity({ url: '', name: 'COCO' }, 'dataset')).toBeNull();
  });
});
