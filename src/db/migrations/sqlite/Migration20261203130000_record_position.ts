import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130000_record_position extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint\` add column \`record_workflow_id\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`record_seq\` integer null;`);
  }
}
