import type { Principal } from '../../../src/api/auth/principal';
import { NotificationInboxService } from '../../../src/api/notifications/notification-inbox.service';
import { apiErrorOf, complaintRecord, staff } from './fakes';
import {
  InMemoryNotificationInboxRepository,
  NotificationStore,
  notificationRecord,
} from './fakes-notifications';

const CAMBAI = '16.74.02';
const PRABUMULIH_BARAT = '16.74.01';

function setup() {
  const store = new NotificationStore();
  const inbox = new InMemoryNotificationInboxRepository(store);
  const service = new NotificationInboxService(inbox);
  service.now = () => new Date('2026-05-10T05:00:00Z');
  return { store, inbox, service };
}

const person = (role: Principal['role'], sub: string): Principal => ({
  sub,
  username: sub,
  role,
  unit: null,
  area: null,
  eselon: null,
});

/** One notification for each kind of addressee. */
function everyAddressee(store: NotificationStore): void {
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 4, 4, 3, minute++));
  store.add(
    notificationRecord({ id: 'kecamatan-all', recipient: 'KECAMATAN', recipientArea: null, createdAt: at() }),
    notificationRecord({
      id: 'kecamatan-cambai',
      recipient: 'KECAMATAN',
      recipientArea: CAMBAI,
      createdAt: at(),
    }),
    notificationRecord({
      id: 'kecamatan-barat',
      recipient: 'KECAMATAN',
      recipientArea: PRABUMULIH_BARAT,
      createdAt: at(),
    }),
    notificationRecord({ id: 'loket', recipient: 'LOKET', createdAt: at() }),
    notificationRecord({
      id: 'desk',
      recipient: 'COMPLAINANT',
      channel: 'DESK',
      status: 'SKIPPED',
      createdAt: at(),
    }),
    notificationRecord({
      id: 'complainant-email',
      recipient: 'COMPLAINANT',
      channel: 'EMAIL',
      createdAt: at(),
    }),
    notificationRecord({ id: 'admin', recipient: 'ADMIN', createdAt: at() }),
    notificationRecord({ id: 'kepala', recipient: 'KEPALA_DAERAH', createdAt: at() }),
  );
}

describe('NotificationInboxService: whose notifications a user sees', () => {
  it.each([
    [
      'a kecamatan officer: their unit without an area and their own area',
      staff('KECAMATAN', 'camat', CAMBAI),
      ['kecamatan-cambai', 'kecamatan-all'],
    ],
    [
      'a kecamatan officer without an area: only those without one',
      staff('KECAMATAN', 'camat'),
      ['kecamatan-all'],
    ],
    [
      "the front desk: its own and the complainants' the desk passes on",
      staff('LOKET', 'loket'),
      ['desk', 'loket'],
    ],
    ['the admin', person('ADMIN', 'admin'), ['admin']],
    ['the Kepala Daerah', person('KEPALA_DAERAH', 'bupati'), ['kepala']],
  ])('%s', async (_, user, expected) => {
    const { store, service } = setup();
    everyAddressee(store);

    const page = await service.list({}, user);

    expect(page.items.map((i) => i.id)).toEqual(expected);
    expect(page).toMatchObject({
      total: expected.length,
      unreadCount: expected.length,
      page: 1,
      pageSize: 20,
    });
    // Reading one elsewhere is refused as if it did not exist.
    expect(await apiErrorOf(service.markRead('kecamatan-barat', user))).toEqual({
      status: 404,
      message: 'Pemberitahuan tidak ditemukan.',
    });
  });

  it('gives a staff member without a unit nothing, without asking the database', async () => {
    const { store, inbox, service } = setup();
    everyAddressee(store);
    const nobody = person('STAFF', 'tanpa-unit');

    expect(await service.list({ page: 2, pageSize: 5 }, nobody)).toEqual({
      items: [],
      total: 0,
      page: 2,
      pageSize: 5,
      unreadCount: 0,
    });
    expect(await service.markAllRead(nobody)).toEqual({ unreadCount: 0 });
    expect(await service.unreadCount(nobody)).toBe(0);
    expect(await apiErrorOf(service.markRead('loket', nobody))).toMatchObject({ status: 404 });
    expect(inbox.audiences).toEqual([]);
    expect(inbox.reads).toEqual([]);
  });
});

describe('NotificationInboxService.list', () => {
  it("shows each notification's complaint register number and the caller's own read state, newest first, by page", async () => {
    const { store, inbox, service } = setup();
    const c = complaintRecord({ registerNumber: '2026/05/0042' });
    store.complaints.push(c);
    store.add(
      notificationRecord({ id: 'old', complaintId: c.id, createdAt: new Date('2026-05-04T03:00:00Z') }),
      notificationRecord({ id: 'new', createdAt: new Date('2026-05-05T03:00:00Z') }),
      notificationRecord({ id: 'newest', createdAt: new Date('2026-05-06T03:00:00Z') }),
    );
    inbox.reads.push(
      { notificationId: 'old', userId: 'perizinan', readAt: new Date('2026-05-04T04:00:00Z') },
      // Another officer of the unit read this one: still unread for the caller.
      { notificationId: 'new', userId: 'perizinan-2', readAt: new Date('2026-05-05T04:00:00Z') },
    );
    const perizinan = staff('BIDANG_PERIZINAN', 'perizinan');

    const second = await service.list({ page: 2, pageSize: 2 }, perizinan);

    expect(second).toEqual({
      items: [
        {
          id: 'old',
          complaintId: c.id,
          registerNumber: '2026/05/0042',
          kind: 'TASK_OPENED',
          recipient: 'BIDANG_PERIZINAN',
          recipientArea: null,
          subject: 'Tugas baru',
          createdAt: '2026-05-04T03:00:00.000Z',
          read: true,
          readAt: '2026-05-04T04:00:00.000Z',
        },
      ],
      total: 3,
      page: 2,
      pageSize: 2,
      unreadCount: 2,
    });
    const unread = await service.list({ unread: 'true' }, perizinan);
    expect(unread.items.map((i) => [i.id, i.read, i.registerNumber])).toEqual([
      ['newest', false, null],
      ['new', false, null],
    ]);
    expect(unread.total).toBe(2);
  });
});

describe('NotificationInboxService.markRead and markAllRead', () => {
  it("marks one read at the service's clock, keeps the first mark when marked again, and answers the unread count", async () => {
    const { store, inbox, service } = setup();
    everyAddressee(store);
    const camat = staff('KECAMATAN', 'camat', CAMBAI);

    expect(await service.markRead('kecamatan-cambai', camat)).toEqual({ unreadCount: 1 });
    service.now = () => new Date('2026-05-11T05:00:00Z');
    expect(await service.markRead('kecamatan-cambai', camat)).toEqual({ unreadCount: 1 });

    expect(inbox.reads).toEqual([
      { notificationId: 'kecamatan-cambai', userId: 'camat', readAt: new Date('2026-05-10T05:00:00Z') },
    ]);
  });

  it("marks all of the caller's notifications read, and nobody else's", async () => {
    const { store, inbox, service } = setup();
    everyAddressee(store);
    const loket = staff('LOKET', 'loket');
    const camat = staff('KECAMATAN', 'camat', CAMBAI);

    expect(await service.markAllRead(loket)).toEqual({ unreadCount: 0 });

    expect(inbox.reads.map((r) => [r.notificationId, r.userId]).sort()).toEqual([
      ['desk', 'loket'],
      ['loket', 'loket'],
    ]);
    expect(await service.unreadCount(camat)).toBe(2);
    expect(await service.unreadCount(staff('LOKET', 'loket-2'))).toBe(2);
  });
});
