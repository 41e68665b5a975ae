import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081823_personal_data_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "personal_data_access" ("id" varchar(36) not null, "at" timestamptz not null, "user_id" varchar(36) not null, "username" varchar(64) not null, "role" varchar(20) not null, "unit" varchar(40) null, "area" varchar(20) null, "complaint_id" varchar(36) not null, "register_number" varchar(20) null, "fields" jsonb not null, "endpoint" varchar(200) not null, "ip" varchar(64) null, constraint "personal_data_access_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "personal_data_access_user_id_at_index" on "personal_data_access" ("user_id", "at");`,
    );
    this.addSql(`create index "personal_data_access_at_index" on "personal_data_access" ("at");`);
    this.addSql(
      `create index "personal_data_access_complaint_id_at_index" on "personal_data_access" ("complaint_id", "at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "personal_data_access" cascade;`);
  }
}
