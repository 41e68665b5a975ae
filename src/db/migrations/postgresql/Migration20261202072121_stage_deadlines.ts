import { Migration } from '@mikro-orm/migrations';

export class Migration20261202072121_stage_deadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "stage_deadline_setting" ("key" varchar(40) not null, "working_days" int not null, "updated_by" varchar(64) null, "updated_at" timestamptz not null, constraint "stage_deadline_setting_pkey" primary key ("key"));`,
    );

    this.addSql(`alter table "complaint" add column "triage_due_at" timestamptz null;`);

    this.addSql(`alter table "complaint_task" add column "due_at" timestamptz null;`);

    this.addSql(`alter table "decision" add column "due_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stage_deadline_setting" cascade;`);

    this.addSql(`alter table "complaint" drop column "triage_due_at";`);

    this.addSql(`alter table "complaint_task" drop column "due_at";`);

    this.addSql(`alter table "decision" drop column "due_at";`);
  }
}
