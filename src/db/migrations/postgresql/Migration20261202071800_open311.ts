import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071800_open311 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "open311_api_key" ("id" varchar(36) not null, "name" varchar(100) not null, "key_hash" varchar(64) not null, "key_prefix" varchar(16) not null, "created_by" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(64) null, "last_used_at" timestamptz null, constraint "open311_api_key_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "open311_api_key" add constraint "open311_api_key_key_hash_unique" unique ("key_hash");`,
    );

    this.addSql(
      `alter table "complaint" add column "source" varchar(16) null, add column "source_client" varchar(100) null, add column "requested_service" varchar(16) null, add column "latitude" double precision null, add column "longitude" double precision null, add column "location_address" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "open311_api_key" cascade;`);

    this.addSql(
      `alter table "complaint" drop column "source", drop column "source_client", drop column "requested_service", drop column "latitude", drop column "longitude", drop column "location_address";`,
    );
  }
}
