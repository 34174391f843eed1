/**
 * Collects items and hands them on in batches of `size`, each written by one call of `flush`.
 * One batch is written while the next is being read: `add` only waits for the previous write when
 * the next batch is full, so parsing (Node) and writing (Neo4j) overlap on two cores. Batches are
 * written one at a time and in order; a failed write is thrown by the next `add` or by `drain`.
 */
export class Batcher<T> {
  private items: T[] = [];
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly size: number,
    private readonly flush: (items: T[]) => Promise<void>,
  ) {}

  async add(...items: T[]): Promise<void> {
    this.items.push(...items);
    if (this.items.length >= this.size) await this.startWrite();
  }

  /** Writes what is left and waits for every write; call once at the end. */
  async drain(): Promise<void> {
    if (this.items.length > 0) await this.startWrite();
    await this.settle();
  }

  private async startWrite(): Promise<void> {
    await this.settle();
    const batch = this.items;
    this.items = [];
    this.writing = this.flush(batch).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  private async settle(): Promise<void> {
    await this.writing;
    if (this.failure) throw this.failure.error;
  }
}
