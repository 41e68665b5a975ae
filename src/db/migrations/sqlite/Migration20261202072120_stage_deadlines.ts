import { Migration } from '@mikro-orm/migrations';

export class Migration20261202072120_stage_deadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`stage_deadline_setting\` (\`key\` text not null, \`working_days\` integer not null, \`updated_by\` text null, \`updated_at\` datetime not null, primary key (\`key\`));`,
    );

    this.addSql(`alter table \`complaint\` add column \`triage_due_at\` datetime null;`);

    this.addSql(`alter table \`complaint_task\` add column \`due_at\` datetime null;`);

    this.addSql(`alter table \`decision\` add column \`due_at\` datetime null;`);
  }
}
