import { Migration } from '@mikro-orm/migrations';

export class Migration20261202102000_data_subject_request extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`data_subject_request\` (\`id\` text not null, \`at\` datetime not null, \`action\` text not null, \`user_id\` text not null, \`username\` text not null, \`keys\` json not null, \`complaint_ids\` json not null, \`outcome\` text not null, \`details\` json null, \`reason\` text null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`data_subject_request_at_index\` on \`data_subject_request\` (\`at\`);`);
  }
}
