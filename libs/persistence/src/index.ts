export * from './audit-trail';
export * from './data-source';
export * from './entities';
export * from './repositories/case-projection.repository';
export * from './repositories/case-query.repository';
export * from './repositories/idempotency-key.repository';
export * from './persistence.module';
export * from './audit-verifier';
