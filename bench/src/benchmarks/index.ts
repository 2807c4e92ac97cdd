import type { Benchmark } from '../types.ts';
import { httpBenchmark } from './http.ts';
import { seedBenchmark } from './seed.ts';

/** Every benchmark `npm run bench` knows; later modules add theirs here. */
export const BENCHMARKS: Benchmark[] = [seedBenchmark, httpBenchmark];
