export * from './hazard-case';
