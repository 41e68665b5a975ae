import { Migration } from '@mikro-orm/migrations';

export class Migration20261128174713_users_areas_attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`area\` (\`code\` text not null, \`level\` text not null, \`name\` text not null, \`parent_code\` text null, primary key (\`code\`));`,
    );
    this.addSql(`create index \`area_parent_code_index\` on \`area\` (\`parent_code\`);`);

    this.addSql(
      `create table \`attachment\` (\`id\` text not null, \`complaint_id\` text not null, \`file_name\` text not null, \`mime_type\` text not null, \`size\` integer not null, \`sha256\` text not null, \`storage_path\` text not null, \`uploaded_by\` text null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`attachment_complaint_id_index\` on \`attachment\` (\`complaint_id\`);`);

    this.addSql(
      `create table \`idempotency_record\` (\`key\` text not null, \`request_hash\` text not null, \`complaint_id\` text null, \`response\` json null, \`created_at\` datetime not null, primary key (\`key\`));`,
    );

    this.addSql(
      `create table \`register_counter\` (\`period\` text not null, \`last\` integer not null default 0, primary key (\`period\`));`,
    );

    this.addSql(
      `create table \`app_user\` (\`id\` text not null, \`username\` text not null, \`full_name\` text not null, \`password_hash\` text not null, \`role\` text not null, \`unit\` text null, \`area\` text null, \`eselon\` text null, \`email\` text null, \`active\` integer not null default true, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);
    this.addSql(`create index \`app_user_unit_area_index\` on \`app_user\` (\`unit\`, \`area\`);`);
  }
}
