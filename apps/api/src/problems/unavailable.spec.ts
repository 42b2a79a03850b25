import { ServiceError } from '@temporalio/client';
import { Client, DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

import { freePort } from '@duban/local-stack';

import { unavailableDependency } from './unavailable';

function postgresError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function grpcError(code: number): ServiceError {
  return new ServiceError('workflow service call failed', { cause: Object.assign(new Error('grpc'), { code }) });
}

describe('unavailableDependency', () => {
  it.each([
    ['57P01 admin_shutdown', postgresError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash_shutdown', postgresError('57P02', 'terminating connection because of crash of another server')],
    ['57P03 cannot_connect_now', postgresError('57P03', 'the database system is shutting down')],
    ['57014 statement timeout', postgresError('57014', 'canceling statement due to statement timeout')],
    ['08006 connection_failure', postgresError('08006', 'connection failure')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a client connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a query read timeout', new Error('Query read timeout')],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])('should name the database for %s', (_, error) => {
    expect(unavailableDependency(error)).toBe('database');
  });

  it('should name the database for the driver error TypeORM wraps', () => {
    const wrapped = new QueryFailedError('SELECT 1', [], postgresError('57P01', 'terminating connection'));

    expect(unavailableDependency(wrapped)).toBe('database');
  });

  it('should name the database for an error nested as a cause', () => {
    const nested = new Error('reading the case failed', { cause: new Error('Query read timeout') });

    expect(unavailableDependency(nested)).toBe('database');
  });

  it('should name the database for a refused connection to a real closed port', async () => {
    const client = new Client({ host: '127.0.0.1', port: await freePort(), user: 'nobody', database: 'none' });

    const error: unknown = await client.connect().then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(unavailableDependency(error)).toBe('database');
  });

  it('should name the database for a refusal reported as an AggregateError', () => {
    const connectionRefused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });

    expect(unavailableDependency(new AggregateError([connectionRefused], 'connect failed'))).toBe('database');
  });

  it.each([
    ['UNAVAILABLE', 14],
    ['DEADLINE_EXCEEDED', 4],
  ])('should name Temporal for gRPC %s', (_, code) => {
    expect(unavailableDependency(grpcError(code))).toBe('temporal');
  });

  it.each([
    ['a unique violation', postgresError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', postgresError('42601', 'syntax error at or near "SELEC"')],
    ['a wrapped check violation', new QueryFailedError('INSERT', [], postgresError('23514', 'check violation'))],
    ['gRPC NOT_FOUND', grpcError(5)],
    ['a plain error', new Error('something else failed')],
    ['a string', 'failed'],
    ['undefined', undefined],
  ])('should return undefined for %s', (_, error) => {
    expect(unavailableDependency(error)).toBeUndefined();
  });

  it('should stop following causes after five levels', () => {
    let error = new Error('Query read timeout');
    for (let depth = 0; depth < 5; depth++) error = new Error(`level ${depth}`, { cause: error });

    expect(unavailableDependency(error)).toBeUndefined();
  });
});
