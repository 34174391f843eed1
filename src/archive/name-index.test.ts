import { NameIndex } from './name-index';

describe('NameIndex', () => {
  const index = new NameIndex([
    { id: 'coco', names: ['COCO', 'Microsoft Common Objects in Context', 'MS COCO'] },
    { id: 'librispeech', names: ['LibriSpeech', null] },
    { id: 'cifar-10', names: ['CIFAR-10'] },
  ]);

  it('finds a node by any of its names, ignoring case, accents and punctuation', () => {
    expect(index.find('ms coco')).toBe('coco');
    expect(index.find('Microsoft  Common Objects in Context')).toBe('coco');
    expect(index.find('cifar 10')).toBe('cifar-10');
    expect(index.find('ImageNet')).toBeUndefined();
  });

  it('finds the dataset of a split or version by the longest leading words that name one', () => {
    expect(index.findByLeadingWords('COCO test-dev')).toBe('coco');
    expect(index.findByLeadingWords('LibriSpeech test-clean')).toBe('librispeech');
    expect(index.findByLeadingWords('CIFAR-10 (v2)')).toBe('cifar-10');
    expect(index.findByLeadingWords('Penn Treebank')).toBeUndefined();
  });

  it('keeps the first id registered for a name', () => {
    const clash = new NameIndex([
      { id: 'a', names: ['Same'] },
      { id: 'b', names: ['Same'] },
    ]);
    expect(clash.find('Same')).toBe('a');
  });
});
