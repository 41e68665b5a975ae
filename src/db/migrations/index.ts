import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128171950_initial as PgInitial } from './postgresql/Migration20261128171950_initial';
import { Migration20261128174713_users_areas_attachments as PgUsers } from './postgresql/Migration20261128174713_users_areas_attachments';
import { Migration20261128213000_licensing_service as PgLicensingService } from './postgresql/Migration20261128213000_licensing_service';
import { Migration20261128213334_recap_reports as PgRecapReports } from './postgresql/Migration20261128213334_recap_reports';
import { Migration20261201034459_accounts_sessions as PgAccountsSessions } from './postgresql/Migration20261201034459_accounts_sessions';
import { Migration20261201130000_notification_delivery as PgNotificationDelivery } from './postgresql/Migration20261201130000_notification_delivery';
import { Migration20261201140000_notification_reads as PgNotificationReads } from './postgresql/Migration20261201140000_notification_reads';
import { Migration20261202015700_rate_limit as PgRateLimit } from './postgresql/Migration20261202015700_rate_limit';
import { Migration20261202043356_receiving_official as PgReceivingOfficial } from './postgresql/Migration20261202043356_receiving_official';
import { Migration20261202071743_objection as PgObjection } from './postgresql/Migration20261202071743_objection';
import { Migration20261202071800_open311 as PgOpen311 } from './postgresql/Migration20261202071800_open311';
import { Migration20261202071822_satisfaction_rating as PgSatisfactionRating } from './postgresql/Migration20261202071822_satisfaction_rating';
import { Migration20261202071836_identity_mode as PgIdentityMode } from './postgresql/Migration20261202071836_identity_mode';
import { Migration20261202072121_stage_deadlines as PgStageDeadlines } from './postgresql/Migration20261202072121_stage_deadlines';
import { Migration20261202081821_privacy_notice as PgPrivacyNotice } from './postgresql/Migration20261202081821_privacy_notice';
import { Migration20261202081823_personal_data_access as PgPersonalDataAccess } from './postgresql/Migration20261202081823_personal_data_access';
import { Migration20261202100000_personal_data_encryption as PgPersonalDataEncryption } from './postgresql/Migration20261202100000_personal_data_encryption';
import { Migration20261202101000_retention as PgRetention } from './postgresql/Migration20261202101000_retention';
import { Migration20261202102000_data_subject_request as PgDataSubjectRequest } from './postgresql/Migration20261202102000_data_subject_request';
import { Migration20261202160000_personal_data_key_state as PgPersonalDataKeyState } from './postgresql/Migration20261202160000_personal_data_key_state';
import { Migration20261203130000_record_position as PgRecordPosition } from './postgresql/Migration20261203130000_record_position';
import { Migration20261128171950_initial as SqliteInitial } from './sqlite/Migration20261128171950_initial';
import { Migration20261128174713_users_areas_attachments as SqliteUsers } from './sqlite/Migration20261128174713_users_areas_attachments';
import { Migration20261128213000_licensing_service as SqliteLicensingService } from './sqlite/Migration20261128213000_licensing_service';
import { Migration20261128213334_recap_reports as SqliteRecapReports } from './sqlite/Migration20261128213334_recap_reports';
import { Migration20261201034458_accounts_sessions as SqliteAccountsSessions } from './sqlite/Migration20261201034458_accounts_sessions';
import { Migration20261201130000_notification_delivery as SqliteNotificationDelivery } from './sqlite/Migration20261201130000_notification_delivery';
import { Migration20261201140000_notification_reads as SqliteNotificationReads } from './sqlite/Migration20261201140000_notification_reads';
import { Migration20261202015659_rate_limit as SqliteRateLimit } from './sqlite/Migration20261202015659_rate_limit';
import { Migration20261202043356_receiving_official as SqliteReceivingOfficial } from './sqlite/Migration20261202043356_receiving_official';
import { Migration20261202071742_objection as SqliteObjection } from './sqlite/Migration20261202071742_objection';
import { Migration20261202071759_open311 as SqliteOpen311 } from './sqlite/Migration20261202071759_open311';
import { Migration20261202071822_satisfaction_rating as SqliteSatisfactionRating } from './sqlite/Migration20261202071822_satisfaction_rating';
import { Migration20261202071836_identity_mode as SqliteIdentityMode } from './sqlite/Migration20261202071836_identity_mode';
import { Migration20261202072120_stage_deadlines as SqliteStageDeadlines } from './sqlite/Migration20261202072120_stage_deadlines';
import { Migration20261202081821_privacy_notice as SqlitePrivacyNotice } from './sqlite/Migration20261202081821_privacy_notice';
import { Migration20261202081823_personal_data_access as SqlitePersonalDataAccess } from './sqlite/Migration20261202081823_personal_data_access';
import { Migration20261202100000_personal_data_encryption as SqlitePersonalDataEncryption } from './sqlite/Migration20261202100000_personal_data_encryption';
import { Migration20261202101000_retention as SqliteRetention } from './sqlite/Migration20261202101000_retention';
import { Migration20261202102000_data_subject_request as SqliteDataSubjectRequest } from './sqlite/Migration20261202102000_data_subject_request';
import { Migration20261202160000_personal_data_key_state as SqlitePersonalDataKeyState } from './sqlite/Migration20261202160000_personal_data_key_state';
import { Migration20261203130000_record_position as SqliteRecordPosition } from './sqlite/Migration20261203130000_record_position';

/**
 * Migrations per database, in order. `node dist/src/db/create-migration.js <name>` writes a new
 * one for both; add it at the end of both lists.
 */
const lists: Record<'sqlite' | 'postgresql', MigrationObject[]> = {
  sqlite: [
    { name: 'Migration20261128171950_initial', class: SqliteInitial },
    { name: 'Migration20261128174713_users_areas_attachments', class: SqliteUsers },
    { name: 'Migration20261128213000_licensing_service', class: SqliteLicensingService },
    { name: 'Migration20261128213334_recap_reports', class: SqliteRecapReports },
    { name: 'Migration20261201034458_accounts_sessions', class: SqliteAccountsSessions },
    { name: 'Migration20261201130000_notification_delivery', class: SqliteNotificationDelivery },
    { name: 'Migration20261201140000_notification_reads', class: SqliteNotificationReads },
    { name: 'Migration20261202015659_rate_limit', class: SqliteRateLimit },
    { name: 'Migration20261202043356_receiving_official', class: SqliteReceivingOfficial },
    { name: 'Migration20261202071822_satisfaction_rating', class: SqliteSatisfactionRating },
    { name: 'Migration20261202071836_identity_mode', class: SqliteIdentityMode },
    { name: 'Migration20261202071759_open311', class: SqliteOpen311 },
    { name: 'Migration20261202071742_objection', class: SqliteObjection },
    { name: 'Migration20261202072120_stage_deadlines', class: SqliteStageDeadlines },
    { name: 'Migration20261202081821_privacy_notice', class: SqlitePrivacyNotice },
    { name: 'Migration20261202081823_personal_data_access', class: SqlitePersonalDataAccess },
    { name: 'Migration20261202100000_personal_data_encryption', class: SqlitePersonalDataEncryption },
    { name: 'Migration20261202101000_retention', class: SqliteRetention },
    { name: 'Migration20261202102000_data_subject_request', class: SqliteDataSubjectRequest },
    { name: 'Migration20261202160000_personal_data_key_state', class: SqlitePersonalDataKeyState },
    { name: 'Migration20261203130000_record_position', class: SqliteRecordPosition },
  ],
  postgresql: [
    { name: 'Migration20261128171950_initial', class: PgInitial },
    { name: 'Migration20261128174713_users_areas_attachments', class: PgUsers },
    { name: 'Migration20261128213000_licensing_service', class: PgLicensingService },
    { name: 'Migration20261128213334_recap_reports', class: PgRecapReports },
    { name: 'Migration20261201034459_accounts_sessions', class: PgAccountsSessions },
    { name: 'Migration20261201130000_notification_delivery', class: PgNotificationDelivery },
    { name: 'Migration20261201140000_notification_reads', class: PgNotificationReads },
    { name: 'Migration20261202015700_rate_limit', class: PgRateLimit },
    { name: 'Migration20261202043356_receiving_official', class: PgReceivingOfficial },
    { name: 'Migration20261202071822_satisfaction_rating', class: PgSatisfactionRating },
    { name: 'Migration20261202071836_identity_mode', class: PgIdentityMode },
    { name: 'Migration20261202071800_open311', class: PgOpen311 },
    { name: 'Migration20261202071743_objection', class: PgObjection },
    { name: 'Migration20261202072121_stage_deadlines', class: PgStageDeadlines },
    { name: 'Migration20261202081821_privacy_notice', class: PgPrivacyNotice },
    { name: 'Migration20261202081823_personal_data_access', class: PgPersonalDataAccess },
    { name: 'Migration20261202100000_personal_data_encryption', class: PgPersonalDataEncryption },
    { name: 'Migration20261202101000_retention', class: PgRetention },
    { name: 'Migration20261202102000_data_subject_request', class: PgDataSubjectRequest },
    { name: 'Migration20261202160000_personal_data_key_state', class: PgPersonalDataKeyState },
    { name: 'Migration20261203130000_record_position', class: PgRecordPosition },
  ],
};

export function migrationsFor(kind: 'sqlite' | 'postgresql'): MigrationObject[] {
  return lists[kind];
}
