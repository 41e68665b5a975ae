import { Migration } from '@mikro-orm/migrations';

export class Migration20261201140000_notification_reads extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification_read" ("notification_id" varchar(160) not null, "user_id" varchar(36) not null, "read_at" timestamptz not null, constraint "notification_read_pkey" primary key ("notification_id", "user_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_read" cascade;`);
  }
}
