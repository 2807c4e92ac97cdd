import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../../../db/database.ts';
import { scanDuplicatesForBatch } from '../duplicates/scan.ts';
import { claimBatch, type BatchStatus } from './batch-queries.ts';
import { runBatch, type EngineOptions, type EngineProgress, type EngineResult } from './engine.ts';

export interface RunnerOptions {
  handle: DatabaseHandle;
  dataDir: string;
  jurisdiction: string;
  log?: Pick<FastifyBaseLogger, 'error' | 'info'>;
  /** Passed to every run (tests make chunks small or stop a run part-way). */
  engine?: Partial<Pick<EngineOptions, 'chunkRows' | 'beforeCommit' | 'today'>>;
}

interface Job {
  controller: AbortController;
  finished: Promise<EngineResult | 'error'>;
}

/**
 * Runs imports in the background of the server process, one job per batch, and reports progress as events
 * ('progress' with EngineProgress, 'imported' when the batch's rows are all recorded, 'finished' with {batchId, result}
 * once the follow-up work, the duplicate scan, is over too). Closing the server pauses running jobs.
 */
export class ImportRunner extends EventEmitter<{
  progress: [EngineProgress];
  imported: [{ batchId: string; result: EngineResult }];
  finished: [{ batchId: string; result: EngineResult | 'error' }];
}> {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: RunnerOptions) {
    super();
  }

  /** Claims the batch (status from one of `from` to running) and starts it; false when it is in another state. */
  async launch(batchId: string, from: BatchStatus[]): Promise<boolean> {
    if (this.jobs.has(batchId)) return false;
    if (!(await claimBatch(this.options.handle.db, batchId, from))) return false;
    const controller = new AbortController();
    const finished = runBatch({
      ...this.options.engine,
      handle: this.options.handle,
      batchId,
      dataDir: this.options.dataDir,
      jurisdiction: this.options.jurisdiction,
      signal: controller.signal,
      onProgress: (progress) => this.emit('progress', progress),
    })
      .then(async (result) => {
        this.emit('imported', { batchId, result });
        // Probable duplicates among the villages this batch touched go straight to the review queue.
        if (result === 'done') {
          await scanDuplicatesForBatch(this.options.handle.db, batchId).catch((error: unknown) => {
            this.options.log?.error({ err: error, batchId }, 'duplicate scan after import failed');
          });
        }
        return result;
      })
      .catch((error: unknown) => {
        this.options.log?.error({ err: error, batchId }, 'import failed');
        return 'error' as const;
      })
      .then((result) => {
        this.jobs.delete(batchId);
        this.emit('finished', { batchId, result });
        return result;
      });
    this.jobs.set(batchId, { controller, finished });
    return true;
  }

  isRunning(batchId: string): boolean {
    return this.jobs.has(batchId);
  }

  /** Resolves when the batch's job ends (immediately when none runs). */
  async wait(batchId: string): Promise<EngineResult | 'error' | null> {
    return (await this.jobs.get(batchId)?.finished) ?? null;
  }

  /** Asks the batch's job to stop after its chunk in flight and waits for it to end `paused`. */
  async pause(batchId: string): Promise<void> {
    const job = this.jobs.get(batchId);
    job?.controller.abort();
    await job?.finished;
  }

  /** Asks every job to stop after its chunk in flight and waits for them: they end `paused`, ready to resume. */
  async stopAll(): Promise<void> {
    const jobs = [...this.jobs.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.all(jobs.map((job) => job.finished));
  }
}
