import { ServiceError } from '@temporalio/client';

/** PostgreSQL error codes that mean the server is down, restarting or unreachable. */
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const NETWORK_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

/**
 * True for errors that mean a dependency (PostgreSQL or Temporal) is unreachable for now, which the
 * API reports as 503 with Retry-After instead of 500.
 */
export function isUnavailableDependency(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof ServiceError) {
      const grpcCode = (current.cause as { code?: unknown } | undefined)?.code;
      if (grpcCode === GRPC_UNAVAILABLE || grpcCode === GRPC_DEADLINE_EXCEEDED) return true;
    }
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (POSTGRES_UNAVAILABLE.has(code) || NETWORK_UNAVAILABLE.has(code))) return true;
    const message = current instanceof Error ? current.message : '';
    if (
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
        message,
      )
    ) {
      return true;
    }
    current =
      (current as { cause?: unknown; driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
