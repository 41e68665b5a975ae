import { Migration } from '@mikro-orm/migrations';

export class Migration20261202101000_retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaint" add column "anonymised_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "complaint" drop column "anonymised_at";`);
  }
}
