import { Client, Connection } from '@temporalio/client';

export interface TemporalClientOptions {
  readonly address: string;
  readonly namespace: string;
}

/**
 * Creates a client whose connection opens on first use, so a process starts while Temporal is still
 * coming up and reports it through its health check instead of exiting.
 */
export function createTemporalClient(options: TemporalClientOptions): Client {
  const connection = Connection.lazy({ address: options.address });
  return new Client({ connection, namespace: options.namespace });
}
