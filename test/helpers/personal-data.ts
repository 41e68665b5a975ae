/**
 * The personal-data keys of the test databases and of the app and worker processes tests start on
 * them (fixed, so an ORM the test opens and the app under test read each other's rows).
 */
import { loadConfig } from '../../src/config/config';

export const TEST_PERSONAL_DATA_ENV = {
  PERSONAL_DATA_KEYS: 'test1:dGVzdC1wZXJzb25hbC1kYXRhLWtleS0wMDAwMDAwMDA=',
  PERSONAL_DATA_HASH_KEY: 'dGVzdC1wZXJzb25hbC1kYXRhLWhhc2gta2V5LTAwMDAwMDA=',
};

/** AppConfig.personalData of TEST_PERSONAL_DATA_ENV. */
export function testPersonalData() {
  return loadConfig(TEST_PERSONAL_DATA_ENV).personalData;
}
