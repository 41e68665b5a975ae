import { Migration } from '@mikro-orm/migrations';

export class Migration20261201140000_notification_reads extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`notification_read\` (\`notification_id\` text not null, \`user_id\` text not null, \`read_at\` datetime not null, primary key (\`notification_id\`, \`user_id\`));`,
    );
  }
}
