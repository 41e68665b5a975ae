import { Migration } from '@mikro-orm/migrations';

export class Migration20261202101000_retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint\` add column \`anonymised_at\` datetime null;`);
  }
}
