import { Migration } from '@mikro-orm/migrations';

export class Migration20261202102000_data_subject_request extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_subject_request" ("id" varchar(36) not null, "at" timestamptz not null, "action" varchar(12) not null, "user_id" varchar(36) not null, "username" varchar(64) not null, "keys" jsonb not null, "complaint_ids" jsonb not null, "outcome" varchar(16) not null, "details" jsonb null, "reason" text null, constraint "data_subject_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "data_subject_request_at_index" on "data_subject_request" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_subject_request" cascade;`);
  }
}
