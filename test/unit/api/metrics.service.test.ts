import { MetricsService } from '../../../src/api/metrics/metrics.service';
import {
  type ComplaintCountRow,
  MetricsRepository,
  type NotificationCountRow,
  type OpenTaskCountRow,
  type RatingCountRow,
} from '../../../src/db/repositories/metrics.repository';

/** The counts as the database would group them (strings, as PostgreSQL returns count(*)). */
class FakeMetricsRepository extends MetricsRepository {
  complaints: ComplaintCountRow[] = [];
  openOverdue = 0;
  notifications: NotificationCountRow[] = [];
  openTasks: OpenTaskCountRow[] = [];
  closed = { late: 0, all: 0 };
  ratings: RatingCountRow[] = [];

  constructor() {
    super({} as never);
  }

  override async countComplaintsByStatusAndCategory() {
    return this.complaints;
  }
  override async countOpenOverdue() {
    return this.openOverdue;
  }
  override async countNotificationsByStatusAndKind() {
    return this.notifications;
  }
  override async countOpenTasksByUnit() {
    return this.openTasks;
  }
  override async countClosed() {
    return this.closed;
  }
  override async countRatingsByScore() {
    return this.ratings;
  }
}

/** The samples of one metric as `labels value` lines (labels sorted as prom-client prints them). */
async function samples(service: MetricsService, name: string): Promise<string[]> {
  const text = await service.registry.getSingleMetricAsString(name);
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .map((line) => line.slice(name.length));
}

describe('MetricsService', () => {
  let counts: FakeMetricsRepository;
  let service: MetricsService;
  beforeEach(() => {
    counts = new FakeMetricsRepository();
    service = new MetricsService(counts);
  });
  afterEach(() => service.onModuleDestroy());

  it('counts complaints not yet triaged under BELUM_DITRIASE', async () => {
    counts.complaints = [
      { status: 'RECEIVED', category: null, n: '4' },
      { status: 'IN_PROGRESS', category: 'SEDANG', n: 7 },
    ];
    expect(await samples(service, 'pengaduan_complaints')).toEqual([
      '{status="RECEIVED",category="BELUM_DITRIASE"} 4',
      '{status="IN_PROGRESS",category="SEDANG"} 7',
    ]);
  });

  it("counts a delivered notification's last attempt as a success and every other attempt as a failure", async () => {
    counts.notifications = [
      { status: 'SENT', kind: 'RECEIVED', n: '10', attempts: '13' },
      { status: 'FAILED', kind: 'RECEIVED', n: '2', attempts: '10' },
      { status: 'PENDING', kind: 'TASK_ASSIGNED', n: '1', attempts: null },
    ];
    expect(await samples(service, 'pengaduan_notification_delivery_failures')).toEqual([
      '{kind="RECEIVED"} 13',
      '{kind="TASK_ASSIGNED"} 0',
    ]);
  });

  it('splits closed complaints into on time and late', async () => {
    counts.closed = { late: 3, all: 20 };
    expect(await samples(service, 'pengaduan_complaints_closed')).toEqual([
      '{on_time="true"} 17',
      '{on_time="false"} 3',
    ]);
  });

  it('reads the oldest open task as SQLite gives it (epoch milliseconds, as text) and as PostgreSQL does', async () => {
    const now = Date.now();
    counts.openTasks = [
      { unit: 'TIM_TEKNIS', n: 2, oldest: String(now - 3_600_000) },
      { unit: 'KECAMATAN', n: '1', oldest: new Date(now - 7_200_000) },
    ];
    const ages = (await samples(service, 'pengaduan_task_oldest_open_age_seconds')).map((line) => {
      const [labels, value] = line.split(' ');
      return [labels, Math.round(Number(value) / 60)];
    });
    expect(ages).toEqual([
      ['{unit="TIM_TEKNIS"}', 60],
      ['{unit="KECAMATAN"}', 120],
    ]);
  });

  it('reports every satisfaction score, zeros included', async () => {
    counts.ratings = [
      { score: '4', n: '5' },
      { score: 2, n: 1 },
    ];
    expect(await samples(service, 'pengaduan_satisfaction_ratings')).toEqual([
      '{score="1"} 0',
      '{score="2"} 1',
      '{score="3"} 0',
      '{score="4"} 5',
    ]);
  });
});
