import { Migration } from '@mikro-orm/migrations';

export class Migration20261202015659_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`rate_limit\` (\`key\` text not null, \`window_start\` datetime not null, \`hits\` integer not null default 0, primary key (\`key\`));`,
    );
  }
}
