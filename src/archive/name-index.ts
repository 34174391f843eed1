import { titleKey } from '../model/keys';

/**
 * Finds the id of a node from a name the archive uses for it (its name, full name or a variant),
 * compared loosely. The first id registered for a name keeps it, so the choice is deterministic.
 */
export class NameIndex {
  private readonly ids = new Map<string, string>();

  constructor(entries: Iterable<{ id: string; names: (string | null)[] }> = []) {
    for (const entry of entries) this.add(entry.id, entry.names);
  }

  add(id: string, names: (string | null)[]): void {
    for (const name of names) {
      const key = titleKey(name);
      if (key && !this.ids.has(key)) this.ids.set(key, id);
    }
  }

  find(name: string | null): string | undefined {
    const key = titleKey(name);
    return key ? this.ids.get(key) : undefined;
  }

  /**
   * The id of the longest run of leading words of `name` that names a node: leaderboards name
   * splits and versions of a dataset ("COCO test-dev", "LibriSpeech test-clean", "CIFAR-10 (v2)").
   */
  findByLeadingWords(name: string): string | undefined {
    const words = name.trim().split(/\s+/);
    for (let count = words.length - 1; count > 0; count -= 1) {
      const id = this.find(words.slice(0, count).join(' '));
      if (id) return id;
    }
    return undefined;
  }
}
