import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071822_satisfaction_rating extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`satisfaction_rating\` (\`complaint_id\` text not null, \`score\` integer not null, \`comment\` text null, \`rated_at\` datetime not null, primary key (\`complaint_id\`));`,
    );
    this.addSql(
      `create index \`satisfaction_rating_rated_at_index\` on \`satisfaction_rating\` (\`rated_at\`);`,
    );
  }
}
