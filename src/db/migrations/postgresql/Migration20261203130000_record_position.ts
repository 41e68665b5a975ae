import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130000_record_position extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "complaint" add column "record_workflow_id" varchar(64) null, add column "record_seq" int null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "complaint" drop column "record_workflow_id", drop column "record_seq";`);
  }
}
