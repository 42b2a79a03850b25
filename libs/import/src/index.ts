export * from './cases';
export * from './columns';
export * from './dates';
export * from './former-divisions';
export * from './regions';
export * from './rows';
export * from './source-table';
export * from './vocabulary';
