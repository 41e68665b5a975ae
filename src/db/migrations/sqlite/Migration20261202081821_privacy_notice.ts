import { Migration } from '@mikro-orm/migrations';

export class Migration20261202081821_privacy_notice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint\` add column \`privacy_notice_version\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`privacy_acknowledged_at\` datetime null;`);
  }
}
