import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081823_personal_data_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`personal_data_access\` (\`id\` text not null, \`at\` datetime not null, \`user_id\` text not null, \`username\` text not null, \`role\` text not null, \`unit\` text null, \`area\` text null, \`complaint_id\` text not null, \`register_number\` text null, \`fields\` json not null, \`endpoint\` text not null, \`ip\` text null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`personal_data_access_user_id_at_index\` on \`personal_data_access\` (\`user_id\`, \`at\`);`,
    );
    this.addSql(`create index \`personal_data_access_at_index\` on \`personal_data_access\` (\`at\`);`);
    this.addSql(
      `create index \`personal_data_access_complaint_id_at_index\` on \`personal_data_access\` (\`complaint_id\`, \`at\`);`,
    );
  }
}
