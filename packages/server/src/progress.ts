import cliProgress from 'cli-progress';

export interface ProgressBar {
  update(done: number, total?: number): void;
  stop(): void;
}

/** Where long work reports itself: a terminal bar in the CLI, silence in tests. */
export interface ProgressReporter {
  start(label: string, total: number): ProgressBar;
  log(message: string): void;
}

export const silentProgress: ProgressReporter = {
  start: () => ({ update: () => undefined, stop: () => undefined }),
  log: () => undefined,
};

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return {
    start(label, total) {
      const bar = new cliProgress.SingleBar(
        { format: `${label.padEnd(28)} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}`, stream, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      return {
        update: (done, newTotal) => {
          if (newTotal !== undefined) bar.setTotal(newTotal);
          bar.update(done);
        },
        stop: () => bar.stop(),
      };
    },
    log: (message) => stream.write(message + '\n'),
  };
}
