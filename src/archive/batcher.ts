/**
 * Collects items and hands them on in batches of `size`, each written by one call of `flush`.
 * Up to `concurrency` batches are written at once while the next is being read, so parsing (Node)
 * and writing (Neo4j) overlap. With a concurrency of 1, batches are written one at a time and in
 * order. A failed write is thrown by the next `add` or by `drain`.
 */
export class Batcher<T> {
  private items: T[] = [];
  private readonly writing = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly size: number,
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly concurrency = 1,
  ) {}

  async add(...items: T[]): Promise<void> {
    this.items.push(...items);
    if (this.items.length >= this.size) await this.startWrite();
  }

  /** Writes what is left and waits for every write; call once at the end. */
  async drain(): Promise<void> {
    if (this.items.length > 0) await this.startWrite();
    await Promise.all(this.writing);
    this.throwFailure();
  }

  /** After a failure elsewhere: waits for the writes under way, and drops what was not written. */
  async abandon(): Promise<void> {
    this.items = [];
    await Promise.all(this.writing);
  }

  private async startWrite(): Promise<void> {
    while (this.writing.size >= this.concurrency) await Promise.race(this.writing);
    this.throwFailure();
    const batch = this.items;
    this.items = [];
    const write: Promise<void> = this.flush(batch)
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.writing.delete(write));
    this.writing.add(write);
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}
