import { Migration } from '@mikro-orm/migrations';

export class Migration20261202015700_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rate_limit" ("key" varchar(300) not null, "window_start" timestamptz not null, "hits" int not null default 0, constraint "rate_limit_pkey" primary key ("key"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit" cascade;`);
  }
}
