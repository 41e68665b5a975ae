import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081821_privacy_notice extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "complaint" add column "privacy_notice_version" varchar(20) null, add column "privacy_acknowledged_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "complaint" drop column "privacy_notice_version", drop column "privacy_acknowledged_at";`,
    );
  }
}
