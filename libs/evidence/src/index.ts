export * from './evidence-settings';
export * from './evidence-store';
export * from './evidence.repository';
export * from './local-evidence-store';
export * from './media-type';
export * from './photo-metadata';
export * from './s3-evidence-store';
export * from './upload-inspector';
