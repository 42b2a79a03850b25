import { ConfigurationError, loadConfiguration } from './environment';

describe('loadConfiguration', () => {
  it('applies defaults to unset variables', () => {
    const config = loadConfiguration(['PORT', 'TEMPORAL_NAMESPACE', 'LOG_LEVEL'], {});

    expect(config).toEqual({ PORT: 3000, TEMPORAL_NAMESPACE: 'default', LOG_LEVEL: 'log' });
  });

  it('parses set variables', () => {
    const config = loadConfiguration(['PORT', 'DATABASE_URL', 'TEMPORAL_ADDRESS'], {
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/duban',
      TEMPORAL_ADDRESS: 'temporal:7233',
    });

    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/duban');
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('reports every missing and invalid variable at once', () => {
    let caught: unknown;
    try {
      loadConfiguration(['PORT', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'LOG_LEVEL'], {
        PORT: '80a',
        DATABASE_URL: 'mysql://db/duban',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ConfigurationError);
    const problems = (caught as ConfigurationError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('PORT="80a" is invalid: it must be a whole number from 1 to 65535');
    expect(problems[1]).toBe(
      'DATABASE_URL="mysql://db/duban" is invalid: it must start with postgres:// or postgresql://',
    );
    expect(problems[2]).toMatch(/^TEMPORAL_ADDRESS is missing: /);
    expect(problems[3]).toBe('LOG_LEVEL="loud" is invalid: it must be one of error, warn, log, debug, verbose');
  });

  it('rejects a database URL without a database name', () => {
    expect(() => loadConfiguration(['DATABASE_URL'], { DATABASE_URL: 'postgres://db:5432' })).toThrow(
      'DATABASE_URL="postgres://db:5432" is invalid: it must name a database, as in postgres://host:5432/duban',
    );
  });
});
