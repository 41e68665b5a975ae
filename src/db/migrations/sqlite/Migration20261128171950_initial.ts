import { Migration } from '@mikro-orm/migrations';

export class Migration20261128171950_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`audit_event\` (\`id\` text not null, \`complaint_id\` text not null, \`type\` text not null, \`actor\` text null, \`at\` datetime not null, \`details\` json null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`audit_event_complaint_id_at_index\` on \`audit_event\` (\`complaint_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`complaint\` (\`id\` text not null, \`register_number\` text not null, \`tracking_code\` text not null, \`workflow_id\` text not null, \`channel\` text not null, \`complainant_name\` text not null, \`complainant_nik\` text null, \`complainant_address\` text null, \`complainant_phone\` text null, \`complainant_email\` text null, \`description\` text not null, \`evidence\` json not null, \`kecamatan\` text null, \`kelurahan\` text null, \`received_at\` datetime not null, \`received_by\` text null, \`category\` text null, \`status\` text not null default 'RECEIVED', \`due_at\` datetime null, \`overdue\` integer not null default false, \`response\` text null, \`responded_by\` text null, \`rejection_reason\` text null, \`closed_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create unique index \`complaint_register_number_unique\` on \`complaint\` (\`register_number\`);`,
    );
    this.addSql(
      `create unique index \`complaint_tracking_code_unique\` on \`complaint\` (\`tracking_code\`);`,
    );
    this.addSql(`create unique index \`complaint_workflow_id_unique\` on \`complaint\` (\`workflow_id\`);`);
    this.addSql(
      `create index \`complaint_overdue_status_index\` on \`complaint\` (\`overdue\`, \`status\`);`,
    );
    this.addSql(
      `create index \`complaint_category_received_at_index\` on \`complaint\` (\`category\`, \`received_at\`);`,
    );
    this.addSql(
      `create index \`complaint_status_received_at_index\` on \`complaint\` (\`status\`, \`received_at\`);`,
    );

    this.addSql(
      `create table \`complaint_task\` (\`id\` text not null, \`complaint_id\` text not null, \`round\` integer not null, \`unit\` text not null, \`area\` text null, \`status\` text not null default 'OPEN', \`outcome\` text null, \`notes\` text null, \`completed_by\` text null, \`completed_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      `create index \`complaint_task_complaint_id_index\` on \`complaint_task\` (\`complaint_id\`);`,
    );
    this.addSql(
      `create index \`complaint_task_unit_area_status_index\` on \`complaint_task\` (\`unit\`, \`area\`, \`status\`);`,
    );
    this.addSql(
      `create unique index \`complaint_task_complaint_id_round_unit_unique\` on \`complaint_task\` (\`complaint_id\`, \`round\`, \`unit\`);`,
    );

    this.addSql(
      `create table \`decision\` (\`id\` text not null, \`complaint_id\` text not null, \`round\` integer not null, \`escalated_at\` datetime not null, \`decision\` text null, \`notes\` text null, \`units\` json null, \`decided_by\` text null, \`decided_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`decision_complaint_id_index\` on \`decision\` (\`complaint_id\`);`);
    this.addSql(
      `create unique index \`decision_complaint_id_round_unique\` on \`decision\` (\`complaint_id\`, \`round\`);`,
    );

    this.addSql(
      `create table \`holiday\` (\`date\` text not null, \`name\` text not null, \`kind\` text not null, \`source\` text not null, \`year\` integer not null, \`updated_at\` datetime not null, primary key (\`date\`));`,
    );
    this.addSql(`create index \`holiday_year_index\` on \`holiday\` (\`year\`);`);

    this.addSql(
      `create table \`notification\` (\`id\` text not null, \`complaint_id\` text null, \`recipient\` text not null, \`recipient_area\` text null, \`kind\` text not null, \`subject\` text not null, \`body\` text not null, \`status\` text not null default 'PENDING', \`attempts\` integer not null default 0, \`created_at\` datetime not null, \`sent_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`notification_complaint_id_index\` on \`notification\` (\`complaint_id\`);`);
    this.addSql(
      `create index \`notification_status_created_at_index\` on \`notification\` (\`status\`, \`created_at\`);`,
    );
  }
}
