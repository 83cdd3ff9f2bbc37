// A throwaway PostgreSQL cluster, for the receiver's and the dashboard's tests and benchmarks and
// for `npm run load`: initdb in a temporary folder, listening on a unix socket there only (no TCP
// port to collide with), removed on stop. initdb and postgres refuse to run as root, so as root
// (CI) they run as the `postgres` user that Debian's package creates.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of `initdb` and `pg_ctl`: `PG_BIN`, Debian's /usr/lib/postgresql/<n>/bin (the newest), or the PATH; null without one. */
export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(debian, version, 'bin/initdb'))) return join(debian, version, 'bin');
  try {
    return execFileSync('sh', ['-c', 'dirname "$(command -v initdb)"'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Starts a cluster, or returns null where no PostgreSQL programs are installed. `durable`: the
 * server's own defaults (fsync, synchronous commit), for load figures a deployment would see;
 * otherwise fsync is off (test data), which makes a test suite faster.
 * @example const cluster = startPostgres(); … createPostgresStore(cluster.url) … cluster?.stop();
 */
export function startPostgres({ durable = false } = {}) {
  const bin = postgresBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-pg-'));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  const run = (command, args) =>
    execFileSync(asRoot ? 'runuser' : join(bin, command), asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args, { stdio: 'pipe', cwd: dir });
  const data = join(dir, 'data');
  const settings = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  try {
    if (asRoot) {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })));
      chownSync(dir, uid, gid);
    }
    run('initdb', ['-D', data, '-U', user, '--auth=trust', '--locale=C', '-E', 'UTF8', ...(durable ? [] : ['--no-sync'])]);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-k ${dir} -c listen_addresses=${settings}`, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database) => `postgres://${user}@/${database}?host=${encodeURIComponent(dir)}`;
  let databases = 0;
  return {
    /** A connection string for the `postgres` database, over the socket. */
    url: url('postgres'),
    /** A new empty database's connection string: suites that must not see each other's rows. */
    async newDatabase() {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: url('postgres') });
      const name = `db_${process.pid}_${++databases}`;
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', durable ? 'fast' : 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
