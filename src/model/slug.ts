import { trimCharacter } from './values';

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
  þ: 'th',
  Þ: 'TH',
};

/**
 * The id Papers With Code would give a name: lower case, accents dropped, every run of characters
 * other than letters and digits turned into one hyphen ("Text-to-Image Generation" →
 * "text-to-image-generation"). Letters of every script are kept, so CJK names keep an id.
 */
export function slugify(name: string): string {
  const hyphenated = name
    .replace(/[łŁøØđĐßæÆœŒıþÞ]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter])
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-');
  return trimCharacter(hyphenated, '-');
}
