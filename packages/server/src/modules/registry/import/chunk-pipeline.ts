/**
 * Overlaps the work on the next chunk (reading and normalising rows, in this process) with the writing of the one
 * before (mostly the database's work). One chunk is written at a time and in order, so the resume point never runs
 * ahead of what is committed.
 */
export class ChunkPipeline<T> {
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly write: (chunk: T) => Promise<void>,
    private readonly stopRequested: () => boolean,
  ) {}

  /** Waits for the chunk being written, then starts writing this one; false, with nothing started, when asked to stop. */
  async submit(chunk: T): Promise<boolean> {
    await this.drain();
    if (this.stopRequested()) return false;
    const writing = this.write(chunk);
    // A failure is raised by the next submit or drain; until then it must not count as unhandled.
    writing.catch(() => undefined);
    this.inFlight = writing;
    return true;
  }

  /** Waits for the chunk being written; throws what writing it threw. */
  async drain(): Promise<void> {
    const writing = this.inFlight;
    this.inFlight = null;
    await writing;
  }
}
