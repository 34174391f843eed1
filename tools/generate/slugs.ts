import { slugify } from '../../src/model/slug';

/** A title's slug cut at a word boundary, as Papers With Code made paper ids (about 42 characters). */
export function titleSlug(title: string, limit = 42): string {
  const slug = slugify(title);
  if (slug.length <= limit) return slug || 'paper';
  const cut = slug.lastIndexOf('-', limit);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, limit);
}

/** Ids for names that may repeat: the second "GAN" gets `gan-1`, the third `gan-2`. */
export class UniqueSlugs {
  private readonly taken = new Set<string>();

  take(name: string): string {
    const base = slugify(name) || 'item';
    let slug = base;
    for (let suffix = 1; this.taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    this.taken.add(slug);
    return slug;
  }
}
