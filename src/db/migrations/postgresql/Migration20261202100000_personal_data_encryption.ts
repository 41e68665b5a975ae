import { Migration } from '@mikro-orm/migrations';

/**
 * Encrypted personal data (src/db/personal-data-cipher.ts): the encrypted columns become text (a
 * sealed value is longer than the plaintext), and the keyed lookup hashes of the complainant's NIK,
 * phone and e-mail are added. Existing rows are encrypted and hashed by the re-encryption step that
 * runs after the migrations (src/db/reencrypt.ts).
 */
export class Migration20261202100000_personal_data_encryption extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "complaint" alter column "complainant_nik" type text using ("complainant_nik"::text), alter column "complainant_phone" type text using ("complainant_phone"::text), alter column "complainant_email" type text using ("complainant_email"::text);`,
    );
    this.addSql(
      `alter table "complaint" add column "complainant_nik_hash" varchar(64) null, add column "complainant_phone_hash" varchar(64) null, add column "complainant_email_hash" varchar(64) null;`,
    );
    for (const column of ['complainant_nik_hash', 'complainant_phone_hash', 'complainant_email_hash'])
      this.addSql(`create index "complaint_${column}_index" on "complaint" ("${column}");`);
    this.addSql(`alter table "notification" alter column "address" type text using ("address"::text);`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "complaint" drop column "complainant_nik_hash", drop column "complainant_phone_hash", drop column "complainant_email_hash";`,
    );
  }
}
