declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite data-directory dump with schema and regions, made once per test run. */
    templateDump: string;
    /** PostgreSQL database with schema and regions, cloned per test file. */
    templateDb: string;
  }
}
export {};
