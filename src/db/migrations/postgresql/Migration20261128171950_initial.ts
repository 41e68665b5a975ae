import { Migration } from '@mikro-orm/migrations';

export class Migration20261128171950_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" varchar(128) not null, "complaint_id" varchar(36) not null, "type" varchar(40) not null, "actor" varchar(64) null, "at" timestamptz not null, "details" jsonb null, constraint "audit_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_event_complaint_id_at_index" on "audit_event" ("complaint_id", "at");`);

    this.addSql(
      `create table "complaint" ("id" varchar(36) not null, "register_number" varchar(32) not null, "tracking_code" varchar(16) not null, "workflow_id" varchar(64) not null, "channel" varchar(16) not null, "complainant_name" varchar(200) not null, "complainant_nik" varchar(16) null, "complainant_address" text null, "complainant_phone" varchar(32) null, "complainant_email" varchar(254) null, "description" text not null, "evidence" jsonb not null, "kecamatan" varchar(16) null, "kelurahan" varchar(16) null, "received_at" timestamptz not null, "received_by" varchar(64) null, "category" varchar(8) null, "status" varchar(24) not null default 'RECEIVED', "due_at" timestamptz null, "overdue" boolean not null default false, "response" text null, "responded_by" varchar(64) null, "rejection_reason" text null, "closed_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "complaint_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_register_number_unique" unique ("register_number");`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_tracking_code_unique" unique ("tracking_code");`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_workflow_id_unique" unique ("workflow_id");`,
    );
    this.addSql(`create index "complaint_overdue_status_index" on "complaint" ("overdue", "status");`);
    this.addSql(
      `create index "complaint_category_received_at_index" on "complaint" ("category", "received_at");`,
    );
    this.addSql(
      `create index "complaint_status_received_at_index" on "complaint" ("status", "received_at");`,
    );

    this.addSql(
      `create table "complaint_task" ("id" varchar(64) not null, "complaint_id" varchar(36) not null, "round" int not null, "unit" varchar(24) not null, "area" varchar(16) null, "status" varchar(8) not null default 'OPEN', "outcome" text null, "notes" text null, "completed_by" varchar(64) null, "completed_at" timestamptz null, "created_at" timestamptz not null, constraint "complaint_task_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "complaint_task_complaint_id_index" on "complaint_task" ("complaint_id");`);
    this.addSql(
      `create index "complaint_task_unit_area_status_index" on "complaint_task" ("unit", "area", "status");`,
    );
    this.addSql(
      `alter table "complaint_task" add constraint "complaint_task_complaint_id_round_unit_unique" unique ("complaint_id", "round", "unit");`,
    );

    this.addSql(
      `create table "decision" ("id" varchar(64) not null, "complaint_id" varchar(36) not null, "round" int not null, "escalated_at" timestamptz not null, "decision" varchar(16) null, "notes" text null, "units" jsonb null, "decided_by" varchar(64) null, "decided_at" timestamptz null, constraint "decision_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "decision_complaint_id_index" on "decision" ("complaint_id");`);
    this.addSql(
      `alter table "decision" add constraint "decision_complaint_id_round_unique" unique ("complaint_id", "round");`,
    );

    this.addSql(
      `create table "holiday" ("date" varchar(10) not null, "name" varchar(200) not null, "kind" varchar(16) not null, "source" varchar(8) not null, "year" int not null, "updated_at" timestamptz not null, constraint "holiday_pkey" primary key ("date"));`,
    );
    this.addSql(`create index "holiday_year_index" on "holiday" ("year");`);

    this.addSql(
      `create table "notification" ("id" varchar(160) not null, "complaint_id" varchar(36) null, "recipient" varchar(24) not null, "recipient_area" varchar(16) null, "kind" varchar(40) not null, "subject" varchar(200) not null, "body" text not null, "status" varchar(8) not null default 'PENDING', "attempts" int not null default 0, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notification_complaint_id_index" on "notification" ("complaint_id");`);
    this.addSql(
      `create index "notification_status_created_at_index" on "notification" ("status", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "complaint" cascade;`);

    this.addSql(`drop table if exists "complaint_task" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "holiday" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);
  }
}
