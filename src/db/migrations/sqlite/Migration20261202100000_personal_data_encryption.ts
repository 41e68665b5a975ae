import { Migration } from '@mikro-orm/migrations';

/**
 * Encrypted personal data (src/db/personal-data-cipher.ts): SQLite's columns are text already; the
 * keyed lookup hashes of the complainant's NIK, phone and e-mail are added. Existing rows are
 * encrypted and hashed by the re-encryption step that runs after the migrations (src/db/reencrypt.ts).
 */
export class Migration20261202100000_personal_data_encryption extends Migration {
  override async up(): Promise<void> {
    for (const column of ['complainant_nik_hash', 'complainant_phone_hash', 'complainant_email_hash']) {
      this.addSql(`alter table \`complaint\` add column \`${column}\` text null;`);
      this.addSql(`create index \`complaint_${column}_index\` on \`complaint\` (\`${column}\`);`);
    }
  }
}
