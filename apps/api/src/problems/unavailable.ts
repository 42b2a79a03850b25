import { ServiceError } from '@temporalio/client';

/**
 * PostgreSQL error codes that mean the server is down, restarting, unreachable or too slow: class 08
 * (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now and
 * 57014 query_canceled, which is what statement_timeout raises.
 */
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '57014', '08000', '08001', '08003', '08004', '08006']);
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
/** Socket errors; the API opens raw sockets only to PostgreSQL, so they are counted as the database's. */
const NETWORK_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);
/** Messages of node-postgres and pg-pool for a dropped connection, a connect timeout and query_timeout. */
const POSTGRES_UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout|Client was closed and is not queryable/;
const MAX_CAUSE_DEPTH = 5;

/** The dependency whose outage caused an error. */
export type UnavailableDependency = 'database' | 'temporal';

/**
 * Returns which dependency (PostgreSQL or Temporal) an error shows to be unreachable for now, or
 * undefined for any other error. It follows TypeORM's `driverError` and the `cause` chain.
 */
export function unavailableDependency(error: unknown): UnavailableDependency | undefined {
  let current: unknown = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < MAX_CAUSE_DEPTH; depth++) {
    if (current instanceof ServiceError) {
      const grpcCode = (current.cause as { code?: unknown } | undefined)?.code;
      if (grpcCode === GRPC_UNAVAILABLE || grpcCode === GRPC_DEADLINE_EXCEEDED) return 'temporal';
    }
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (POSTGRES_UNAVAILABLE.has(code) || NETWORK_UNAVAILABLE.has(code))) {
      return 'database';
    }
    const message = current instanceof Error ? current.message : '';
    if (POSTGRES_UNAVAILABLE_MESSAGE.test(message)) return 'database';
    current = nextCause(current);
  }
  return undefined;
}

function nextCause(error: object): unknown {
  const { driverError, cause } = error as { driverError?: unknown; cause?: unknown };
  if (driverError ?? cause) return driverError ?? cause;
  // Node reports a failed connection to a name with several addresses (127.0.0.1 and ::1) as an AggregateError.
  return error instanceof AggregateError ? (error.errors[0] as unknown) : undefined;
}
