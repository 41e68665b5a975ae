import { Migration } from '@mikro-orm/migrations';

export class Migration20261128174713_users_areas_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "area" ("code" varchar(16) not null, "level" varchar(12) not null, "name" varchar(120) not null, "parent_code" varchar(16) null, constraint "area_pkey" primary key ("code"));`,
    );
    this.addSql(`create index "area_parent_code_index" on "area" ("parent_code");`);

    this.addSql(
      `create table "attachment" ("id" varchar(36) not null, "complaint_id" varchar(36) not null, "file_name" varchar(255) not null, "mime_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "storage_path" varchar(255) not null, "uploaded_by" varchar(64) null, "created_at" timestamptz not null, constraint "attachment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "attachment_complaint_id_index" on "attachment" ("complaint_id");`);

    this.addSql(
      `create table "idempotency_record" ("key" varchar(200) not null, "request_hash" varchar(64) not null, "complaint_id" varchar(36) null, "response" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "register_counter" ("period" varchar(7) not null, "last" int not null default 0, constraint "register_counter_pkey" primary key ("period"));`,
    );

    this.addSql(
      `create table "app_user" ("id" varchar(36) not null, "username" varchar(64) not null, "full_name" varchar(200) not null, "password_hash" varchar(200) not null, "role" varchar(16) not null, "unit" varchar(24) null, "area" varchar(16) null, "eselon" varchar(8) null, "email" varchar(254) null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_unit_area_index" on "app_user" ("unit", "area");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "area" cascade;`);

    this.addSql(`drop table if exists "attachment" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "register_counter" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }
}
