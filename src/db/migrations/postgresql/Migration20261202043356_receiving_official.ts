import { Migration } from '@mikro-orm/migrations';

export class Migration20261202043356_receiving_official extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "complaint" add column "receiving_official" varchar(64) null, add column "receiving_official_name" varchar(200) null, add column "receiving_official_eselon" varchar(8) null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "complaint" drop column "receiving_official", drop column "receiving_official_name", drop column "receiving_official_eselon";`,
    );
  }
}
