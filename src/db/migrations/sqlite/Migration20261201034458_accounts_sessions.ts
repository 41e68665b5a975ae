import { Migration } from '@mikro-orm/migrations';

export class Migration20261201034458_accounts_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`login_throttle\` (\`key\` text not null, \`failures\` integer not null default 0, \`last_failure_at\` datetime not null, \`locked_until\` datetime null, primary key (\`key\`));`,
    );

    this.addSql(
      `create table \`refresh_token\` (\`id\` text not null, \`user_id\` text not null, \`token_hash\` text not null, \`token_version\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`refresh_token_token_hash_unique\` on \`refresh_token\` (\`token_hash\`);`,
    );
    this.addSql(`create index \`refresh_token_user_id_index\` on \`refresh_token\` (\`user_id\`);`);

    this.addSql(
      `create table \`security_event\` (\`id\` text not null, \`at\` datetime not null, \`type\` text not null, \`actor_id\` text null, \`actor_username\` text null, \`target_user_id\` text null, \`target_username\` text null, \`ip\` text null, \`details\` json null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`security_event_target_user_id_at_index\` on \`security_event\` (\`target_user_id\`, \`at\`);`,
    );
    this.addSql(`create index \`security_event_at_index\` on \`security_event\` (\`at\`);`);

    this.addSql(`alter table \`app_user\` add column \`phone\` text null;`);
    this.addSql(`alter table \`app_user\` add column \`token_version\` integer not null default 0;`);
    this.addSql(`alter table \`app_user\` add column \`password_changed_at\` datetime null;`);
    this.addSql(`alter table \`app_user\` add column \`updated_at\` datetime null;`);
  }
}
