import { Migration } from '@mikro-orm/migrations';

export class Migration20261202160000_personal_data_key_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "personal_data_key_state" ("name" varchar(32) not null, "fingerprint" varchar(64) not null, "completed_at" timestamptz not null, constraint "personal_data_key_state_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_key_state" cascade;`);
  }
}
