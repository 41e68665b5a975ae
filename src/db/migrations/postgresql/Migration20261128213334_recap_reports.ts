import { Migration } from '@mikro-orm/migrations';

export class Migration20261128213334_recap_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "recap_report" ("id" varchar(32) not null, "kind" varchar(12) not null, "label" varchar(64) not null, "period_from" timestamptz not null, "period_to" timestamptz not null, "data" jsonb not null, "generated_at" timestamptz not null, "generated_by" varchar(64) not null, "sent_to_sekda_at" timestamptz null, constraint "recap_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "recap_report_kind_period_from_index" on "recap_report" ("kind", "period_from");`,
    );

    this.addSql(`create index "complaint_received_at_index" on "complaint" ("received_at");`);

    this.addSql(
      `create index "complaint_task_created_at_unit_index" on "complaint_task" ("created_at", "unit");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recap_report" cascade;`);

    this.addSql(`drop index "complaint_received_at_index";`);

    this.addSql(`drop index "complaint_task_created_at_unit_index";`);
  }
}
