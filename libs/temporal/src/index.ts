export * from './binaries';
export * from './connection';
export * from './contracts';
export * from './workflow-source';
