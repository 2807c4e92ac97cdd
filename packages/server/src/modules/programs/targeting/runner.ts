import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.ts';
import { executeRun } from './execute.ts';

/**
 * Runs large targeting runs in the background of the server process, one job per run; the run row carries status
 * and progress for polling. A statement in flight cannot be interrupted, so closing the server waits for it.
 */
export class TargetingRunner {
  private readonly jobs = new Map<string, Promise<void>>();

  constructor(private readonly db: Kysely<DB>, private readonly log?: Pick<FastifyBaseLogger, 'error'>) {}

  launch(runId: string): void {
    if (this.jobs.has(runId)) return;
    const job = executeRun(this.db, runId)
      .catch((error: unknown) => this.log?.error({ err: error, runId }, 'targeting run failed'))
      .finally(() => this.jobs.delete(runId));
    this.jobs.set(runId, job);
  }

  /** Resolves when the run's job ends (at once when none runs). */
  async wait(runId: string): Promise<void> {
    await this.jobs.get(runId);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.jobs.values());
  }
}
