import { Migration } from '@mikro-orm/migrations';

export class Migration20261128213334_recap_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`recap_report\` (\`id\` text not null, \`kind\` text not null, \`label\` text not null, \`period_from\` datetime not null, \`period_to\` datetime not null, \`data\` json not null, \`generated_at\` datetime not null, \`generated_by\` text not null, \`sent_to_sekda_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`recap_report_kind_period_from_index\` on \`recap_report\` (\`kind\`, \`period_from\`);`,
    );

    this.addSql(`create index \`complaint_received_at_index\` on \`complaint\` (\`received_at\`);`);

    this.addSql(
      `create index \`complaint_task_created_at_unit_index\` on \`complaint_task\` (\`created_at\`, \`unit\`);`,
    );
  }
}
