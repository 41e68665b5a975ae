import { Migration } from '@mikro-orm/migrations';

export class Migration20261202160000_personal_data_key_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`personal_data_key_state\` (\`name\` text not null, \`fingerprint\` text not null, \`completed_at\` datetime not null, primary key (\`name\`));`,
    );
  }
}
