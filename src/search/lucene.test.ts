import { escapeLucene, hasSearchableText } from './lucene';

describe('escapeLucene', () => {
  it('escapes every special character and lower-cases operator words', () => {
    expect(escapeLucene('title:(foo AND bar)')).toBe('title\\:\\(foo and bar\\)');
    expect(escapeLucene('a+b-c && d || !e')).toBe('a\\+b\\-c \\&\\& d \\|\\| \\!e');
    expect(escapeLucene('"x"~2^3 {a TO b] * ? / \\')).toBe('\\"x\\"\\~2\\^3 \\{a to b\\] \\* \\? \\/ \\\\');
  });

  it('leaves plain words as they are', () => {
    expect(escapeLucene('Textual Inversion android')).toBe('Textual Inversion android');
  });
});

describe('hasSearchableText', () => {
  it('needs a letter or a digit', () => {
    expect(hasSearchableText('((')).toBe(false);
    expect(hasSearchableText('  ')).toBe(false);
    expect(hasSearchableText('É')).toBe(true);
    expect(hasSearchableText('3d')).toBe(true);
  });
});
