/** Runs async work one at a time per key (e.g. per instance); different keys run side by side. */
export class OneAtATime {
  private readonly busy = new Map<string, Promise<unknown>>();

  /** Runs `work` once every earlier `run` of `key` has ended, however it ended. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const mine = (this.busy.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.busy.set(key, mine);
    try {
      return await mine;
    } finally {
      if (this.busy.get(key) === mine) this.busy.delete(key);
    }
  }
}
