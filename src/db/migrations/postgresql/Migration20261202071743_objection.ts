import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071743_objection extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "complaint" add column "objected_at" timestamptz null, add column "objection_reason" text null, add column "objected_by" varchar(64) null, add column "previous_workflow_id" varchar(64) null, add column "previous_outcome" jsonb null;`,
    );
    this.addSql(`create index "complaint_objected_at_index" on "complaint" ("objected_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "complaint_objected_at_index";`);
    this.addSql(
      `alter table "complaint" drop column "objected_at", drop column "objection_reason", drop column "objected_by", drop column "previous_workflow_id", drop column "previous_outcome";`,
    );
  }
}
