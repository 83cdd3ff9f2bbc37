// Types of throwaway-postgres.mjs.
export interface Cluster {
  /** A connection string for the `postgres` database, over the socket. */
  url: string;
  /** A new empty database's connection string: suites that must not see each other's rows. */
  newDatabase(): Promise<string>;
  stop(): void;
}
export declare function postgresBin(): string | null;
export declare function startPostgres(options?: { durable?: boolean }): Cluster | null;
