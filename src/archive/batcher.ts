/** Collects items and hands them on in batches of `size`, each written by one call of `flush`. */
export class Batcher<T> {
  private items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly flush: (items: T[]) => Promise<void>,
  ) {}

  async add(...items: T[]): Promise<void> {
    this.items.push(...items);
    if (this.items.length >= this.size) await this.drain();
  }

  /** Writes what is left; call once at the end. */
  async drain(): Promise<void> {
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    await this.flush(batch);
  }
}
