import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MUNICIPALITY_CODE, loadConfig } from '../config.js';

/** The error loadConfig throws for these settings (fails the test when it throws none). */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('MUNICIPALITY_CODE', () => {
  it('defaults to Utrecht (GM0344); empty counts as not set', () => {
    expect(DEFAULT_MUNICIPALITY_CODE).toBe('GM0344');
    expect(loadConfig({}).municipalityCode).toBe('GM0344');
    expect(loadConfig({ MUNICIPALITY_CODE: '' }).municipalityCode).toBe('GM0344');
    expect(loadConfig({ MUNICIPALITY_CODE: '  ' }).municipalityCode).toBe('GM0344');
  });

  it('takes any CBS gemeentecode, in capitals, without surrounding spaces', () => {
    expect(loadConfig({ MUNICIPALITY_CODE: 'GM0363' }).municipalityCode).toBe('GM0363');
    expect(loadConfig({ MUNICIPALITY_CODE: ' gm0599 ' }).municipalityCode).toBe('GM0599');
  });

  it('takes a region: a list separated by commas or spaces, the first one first, without repeats', () => {
    expect(loadConfig({ MUNICIPALITY_CODE: 'gm0344, GM0356 GM0344' })).toMatchObject({ municipalityCode: 'GM0344', municipalityCodes: ['GM0344', 'GM0356'] });
    expect(loadConfig({}).municipalityCodes).toEqual(['GM0344']);
    expect(configError({ MUNICIPALITY_CODE: 'GM0344,GM35' }).message).toContain('"GM0344,GM35"');
  });

  it.each(['GM344', 'GM03440', '0344', 'BU03440832', 'WK034408', 'Utrecht', 'GM 0344', 'GM-0344', 'GMabcd', 'GM０３４４'])(
    'refuses %j, naming the variable, the value and an example',
    (value) => {
      const error = configError({ MUNICIPALITY_CODE: value });
      expect(error.variable).toBe('MUNICIPALITY_CODE');
      expect(error.message).toContain('MUNICIPALITY_CODE moet een CBS-gemeentecode zijn: GM gevolgd door 4 cijfers');
      expect(error.message).toContain('GM0344');
      expect(error.message).toContain(`"${value}"`);
    },
  );
});

describe('other settings', () => {
  it('numbers that are not positive whole numbers are a ConfigError naming the variable', () => {
    expect(configError({ SESSION_HOURS: '0' }).variable).toBe('SESSION_HOURS');
    expect(configError({ MAX_BODY_KB: 'veel' }).message).toBe('MAX_BODY_KB moet een positief geheel getal zijn, niet "veel"');
    expect(configError({ PORT: '70000' }).variable).toBe('PORT');
  });
});

describe('LOG_LEVEL and WORKERS', () => {
  it('default to info and one worker per core (at most 4); take any pino level and a number of workers or "auto"', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', workers: Math.min(4, Math.max(1, availableParallelism())) });
    expect(loadConfig({ LOG_LEVEL: ' DEBUG ', WORKERS: '0' })).toMatchObject({ logLevel: 'debug', workers: 0 });
    expect(loadConfig({ LOG_LEVEL: 'silent', WORKERS: '4' })).toMatchObject({ logLevel: 'silent', workers: 4 });
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['LOG_LEVEL', 'luid'],
    ['WORKERS', '-1'],
    ['WORKERS', '1.5'],
    ['WORKERS', 'veel'],
    ['WORKERS', '65'],
  ])('refuses %s=%j, naming the variable', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(`"${value}"`);
  });
});

describe('UNLIST_AFTER_MONTHS, SMTP_URL and the self-service settings (issue 14)', () => {
  it('default to two years beyond the review period, no mail, links of 14 days and 10 failed attempts per address', () => {
    expect(loadConfig({})).toMatchObject({ unlistAfterMonths: 36, smtpUrl: null, selfService: { linkDays: 14, maxFailures: 10 } });
    expect(loadConfig({ REVIEW_AFTER_MONTHS: '6' }).unlistAfterMonths).toBe(30);
    expect(loadConfig({ UNLIST_AFTER_MONTHS: '18', SMTP_URL: 'smtp://127.0.0.1:2525' })).toMatchObject({
      unlistAfterMonths: 18,
      smtpUrl: 'smtp://127.0.0.1:2525',
    });
  });

  it.each([
    ['UNLIST_AFTER_MONTHS', '12'],
    ['UNLIST_AFTER_MONTHS', 'nooit'],
    ['SELF_SERVICE_LINK_DAYS', '0'],
  ])('refuses %s=%j, naming the variable (unlisting must come after review)', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
  });
});
