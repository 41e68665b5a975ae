import { Migration } from '@mikro-orm/migrations';

export class Migration20261202043356_receiving_official extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`complaint\` add column \`receiving_official\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`receiving_official_name\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`receiving_official_eselon\` text null;`);
  }
}
