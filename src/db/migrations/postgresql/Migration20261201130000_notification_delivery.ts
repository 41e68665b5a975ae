import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130000_notification_delivery extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "notification" add column "channel" varchar(12) null, add column "address" varchar(254) null, add column "delivered_to" text null, add column "last_error" text null, add column "next_attempt_at" timestamptz null, add column "lease_until" timestamptz null, add column "claim_token" varchar(36) null;`,
    );
    this.addSql(`create index "notification_claim_token_index" on "notification" ("claim_token");`);
    this.addSql(`alter table "complaint" add column "notify_by" varchar(12) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notification_claim_token_index";`);
    this.addSql(
      `alter table "notification" drop column "channel", drop column "address", drop column "delivered_to", drop column "last_error", drop column "next_attempt_at", drop column "lease_until", drop column "claim_token";`,
    );
    this.addSql(`alter table "complaint" drop column "notify_by";`);
  }
}
