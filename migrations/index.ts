import { CreateCaseTables1764835200000 } from './1764835200000-CreateCaseTables';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [CreateCaseTables1764835200000];
