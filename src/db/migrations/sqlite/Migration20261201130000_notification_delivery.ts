import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130000_notification_delivery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`notification\` add column \`channel\` text null;`);
    this.addSql(`alter table \`notification\` add column \`address\` text null;`);
    this.addSql(`alter table \`notification\` add column \`delivered_to\` text null;`);
    this.addSql(`alter table \`notification\` add column \`last_error\` text null;`);
    this.addSql(`alter table \`notification\` add column \`next_attempt_at\` datetime null;`);
    this.addSql(`alter table \`notification\` add column \`lease_until\` datetime null;`);
    this.addSql(`alter table \`notification\` add column \`claim_token\` text null;`);
    this.addSql(`create index \`notification_claim_token_index\` on \`notification\` (\`claim_token\`);`);
    this.addSql(`alter table \`complaint\` add column \`notify_by\` text null;`);
  }
}
