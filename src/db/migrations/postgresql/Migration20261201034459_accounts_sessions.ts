import { Migration } from '@mikro-orm/migrations';

export class Migration20261201034459_accounts_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "login_throttle" ("key" varchar(200) not null, "failures" int not null default 0, "last_failure_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`,
    );

    this.addSql(
      `create table "refresh_token" ("id" varchar(36) not null, "user_id" varchar(36) not null, "token_hash" varchar(64) not null, "token_version" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);

    this.addSql(
      `create table "security_event" ("id" varchar(36) not null, "at" timestamptz not null, "type" varchar(40) not null, "actor_id" varchar(36) null, "actor_username" varchar(64) null, "target_user_id" varchar(36) null, "target_username" varchar(64) null, "ip" varchar(64) null, "details" jsonb null, constraint "security_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "security_event_target_user_id_at_index" on "security_event" ("target_user_id", "at");`,
    );
    this.addSql(`create index "security_event_at_index" on "security_event" ("at");`);

    this.addSql(
      `alter table "app_user" add column "phone" varchar(32) null, add column "token_version" int not null default 0, add column "password_changed_at" timestamptz null, add column "updated_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "security_event" cascade;`);

    this.addSql(
      `alter table "app_user" drop column "phone", drop column "token_version", drop column "password_changed_at", drop column "updated_at";`,
    );
  }
}
