import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071822_satisfaction_rating extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "satisfaction_rating" ("complaint_id" varchar(36) not null, "score" smallint not null, "comment" text null, "rated_at" timestamptz not null, constraint "satisfaction_rating_pkey" primary key ("complaint_id"));`,
    );
    this.addSql(`create index "satisfaction_rating_rated_at_index" on "satisfaction_rating" ("rated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "satisfaction_rating" cascade;`);
  }
}
