export * from './decision';
export * from './editions';
export { compareClauses, proposeDetermination } from './engine';
export * from './place-categories';
export * from './proposal';
export * from './types';
