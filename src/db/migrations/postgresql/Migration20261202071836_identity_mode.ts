import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071836_identity_mode extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaint" add column "identity_mode" varchar(8) not null default 'BIASA';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "complaint" drop column "identity_mode";`);
  }
}
