import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071742_objection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint\` add column \`objected_at\` datetime null;`);
    this.addSql(`alter table \`complaint\` add column \`objection_reason\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`objected_by\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`previous_workflow_id\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`previous_outcome\` json null;`);
    this.addSql(`create index \`complaint_objected_at_index\` on \`complaint\` (\`objected_at\`);`);
  }
}
