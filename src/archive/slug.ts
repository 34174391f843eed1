/**
 * The id Papers With Code would give a name: lower case, accents dropped, every run of characters
 * other than letters and digits turned into one hyphen ("Text-to-Image Generation" →
 * "text-to-image-generation"). Letters of every script are kept, so CJK names keep an id.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
