import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as domain from '../../../src/domain';

// Workflow code imports these files, so they must stay deterministic and free of I/O.
const WORKFLOW_SAFE = [
  'agencies',
  'calendar',
  'categories',
  'channels',
  'complaint-rules',
  'holidays',
  'ktp-address',
  'holiday-warning',
  'location',
  'nik',
  'units',
  'identity-mode',
  'personal-data',
  'months',
  'retention',
];
const source = (name: string) => readFileSync(join(__dirname, '../../../src/domain', `${name}.ts`), 'utf8');

describe('domain index', () => {
  it('exposes the workflow-safe API', () => {
    for (const name of [
      'computeDueAt',
      'WorkingDayCalendar',
      'officialHolidays',
      'checkIntakeRules',
      'kelurahanBelongsTo',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('leaves out the modules that read files or pull in date-holidays', () => {
    for (const name of ['loadPrabumulihAreas', 'fallbackHolidays', 'holidaysForYear']) {
      expect(name in domain).toBe(false);
    }
    const modules = [...source('index').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(modules).not.toContain('./areas');
    expect(modules).not.toContain('./holiday-fallback');
  });
});

describe.each(WORKFLOW_SAFE)('%s.ts is workflow-safe', (name) => {
  const text = source(name);

  it('uses no clock and no randomness', () => {
    expect(text).not.toMatch(/Date\.now\(/);
    expect(text).not.toMatch(/new Date\(\s*\)/);
    expect(text).not.toMatch(/Math\.random/);
  });

  it('imports only sibling modules, their JSON data and luxon', () => {
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec).toMatch(/^(\.\/[\w-]+(\.json)?|luxon)$/);
    expect(text).not.toMatch(/require\(/);
  });
});
