import { DefaultLogger, Runtime } from '@temporalio/worker';

// Temporal's runtime logs every worker state change at INFO; tests print only warnings and errors.
Runtime.install({ logger: new DefaultLogger('WARN') });
