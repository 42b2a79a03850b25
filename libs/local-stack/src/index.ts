export * from './embedded-postgres';
export * from './free-port';
export * from './temporal-dev-server';
export * from './local-secret';
