import { Migration } from '@mikro-orm/migrations';

export class Migration20261128213000_licensing_service extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaint" add column "licensing_service" varchar(200) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "complaint" drop column "licensing_service";`);
  }
}
