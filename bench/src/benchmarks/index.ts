import type { Benchmark } from '../types.ts';
import { httpBenchmark } from './http.ts';
import { seedBenchmark } from './seed.ts';
import { registryImportBenchmark } from '../registry/import-bench.ts';
import { registrySearchBenchmark } from '../registry/search-bench.ts';
import { targetingBenchmark } from '../targeting/targeting-bench.ts';

/** Every benchmark `npm run bench` knows; later modules add theirs here. */
export const BENCHMARKS: Benchmark[] = [seedBenchmark, httpBenchmark, registryImportBenchmark, registrySearchBenchmark, targetingBenchmark];
