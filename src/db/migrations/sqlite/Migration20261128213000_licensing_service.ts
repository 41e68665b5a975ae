import { Migration } from '@mikro-orm/migrations';

export class Migration20261128213000_licensing_service extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint\` add column \`licensing_service\` text null;`);
  }
}
