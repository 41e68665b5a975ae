import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071759_open311 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`open311_api_key\` (\`id\` text not null, \`name\` text not null, \`key_hash\` text not null, \`key_prefix\` text not null, \`created_by\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_by\` text null, \`last_used_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`open311_api_key_key_hash_unique\` on \`open311_api_key\` (\`key_hash\`);`,
    );

    this.addSql(`alter table \`complaint\` add column \`source\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`source_client\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`requested_service\` text null;`);
    this.addSql(`alter table \`complaint\` add column \`latitude\` double null;`);
    this.addSql(`alter table \`complaint\` add column \`longitude\` double null;`);
    this.addSql(`alter table \`complaint\` add column \`location_address\` text null;`);
  }
}
