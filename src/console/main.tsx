/** The staff console (served by the API at /staf): sign-in, layout by role, and the screens. */
import './styles.css';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, isSignedIn, onSessionExpired, type Schemas, signOut } from './api/client';
import { ROLE_LABELS, UNIT_LABELS } from './format';
import { BASE, navigate, useLocation } from './router';
import { AdminAreas } from './screens/AdminAreas';
import { AdminDataSubject } from './screens/AdminDataSubject';
import { AdminHolidays } from './screens/AdminHolidays';
import { AdminOpen311Keys } from './screens/AdminOpen311Keys';
import { AdminPersonalDataAccess } from './screens/AdminPersonalDataAccess';
import { AdminRetention } from './screens/AdminRetention';
import { AdminStageDeadlines } from './screens/AdminStageDeadlines';
import { AdminUsers } from './screens/AdminUsers';
import { CasePage } from './screens/CasePage';
import { Decisions } from './screens/Decisions';
import { Find } from './screens/Find';
import { Inbox } from './screens/Inbox';
import { NotificationBell, Notifications } from './screens/Notifications';
import { Oversight } from './screens/Oversight';
import { Register } from './screens/Register';
import { Reports } from './screens/Reports';
import { SignIn } from './screens/SignIn';
import { TriageQueue } from './screens/TriageQueue';
import { Alert, Link, PageHeading } from './ui';

type Me = Schemas['UserDto'];

interface NavItem {
  href: string;
  label: string;
}

/** The front desk registers complaints: Petugas Loket and Seksi Pengaduan. */
function isFrontDesk(me: Me): boolean {
  return me.role === 'STAFF' && (me.unit === 'LOKET' || me.unit === 'SEKSI_PENGADUAN');
}

function isSeksiPengaduan(me: Me): boolean {
  return me.role === 'STAFF' && me.unit === 'SEKSI_PENGADUAN';
}

/** Kabid Pengaduan and the Kepala Dinas: recategorising, and the overview of overdue and stuck cases. */
function isManager(me: Me): boolean {
  return me.role === 'STAFF' && (me.unit === 'KABID_PENGADUAN' || me.unit === 'KEPALA_DINAS');
}

function isKepalaDaerah(me: Me): boolean {
  return me.role === 'KEPALA_DAERAH';
}

/** Who reads the recap reports (the API's rule on /api/reports). */
function readsReports(me: Me): boolean {
  return me.role === 'ADMIN' || me.role === 'KEPALA_DAERAH' || isManager(me) || me.unit === 'SEKSI_PELAPORAN';
}

function isAdmin(me: Me): boolean {
  return me.role === 'ADMIN';
}

/** The screens each role has so far. */
function navFor(me: Me): NavItem[] {
  const items: NavItem[] = [];
  if (me.role === 'STAFF') items.push({ href: `${BASE}/kotak-masuk`, label: 'Kotak masuk' });
  if (isSeksiPengaduan(me)) items.push({ href: `${BASE}/triase`, label: 'Antrean triase' });
  if (isFrontDesk(me)) items.push({ href: `${BASE}/daftar`, label: 'Daftarkan pengaduan' });
  if (isKepalaDaerah(me)) items.push({ href: `${BASE}/keputusan`, label: 'Menunggu keputusan Anda' });
  if (isManager(me) || isAdmin(me)) items.push({ href: `${BASE}/pengawasan`, label: 'Pengawasan' });
  if (readsReports(me)) items.push({ href: `${BASE}/laporan`, label: 'Laporan' });
  if (isAdmin(me)) {
    items.push({ href: `${BASE}/admin/libur`, label: 'Hari libur' });
    items.push({ href: `${BASE}/admin/wilayah`, label: 'Wilayah' });
    items.push({ href: `${BASE}/admin/pengguna`, label: 'Pengguna' });
    items.push({ href: `${BASE}/admin/open311`, label: 'Kunci API Open311' });
    items.push({ href: `${BASE}/admin/batas-tahap`, label: 'Batas waktu tahap' });
    items.push({ href: `${BASE}/admin/akses-data-pribadi`, label: 'Log akses data pribadi' });
    items.push({ href: `${BASE}/admin/subjek-data`, label: 'Permintaan subjek data' });
    items.push({ href: `${BASE}/admin/retensi-data`, label: 'Retensi data pribadi' });
  }
  items.push({ href: `${BASE}/cari`, label: 'Cari pengaduan' });
  return items;
}

function homeFor(me: Me): string {
  if (me.role === 'STAFF') return `${BASE}/kotak-masuk`;
  if (isKepalaDaerah(me)) return `${BASE}/keputusan`;
  return `${BASE}/cari`;
}

function App() {
  const [signedIn, setSignedIn] = useState(isSignedIn());
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(
    () =>
      onSessionExpired(() => {
        setMe(null);
        setSignedIn(false);
        setNotice('Sesi Anda telah berakhir. Silakan masuk lagi; Anda akan kembali ke halaman ini.');
      }),
    [],
  );

  const loadMe = useCallback(async () => {
    setLoadError(null);
    const { data, error, response } = await api.GET('/api/users/me');
    if (data) setMe(data);
    else if (response.status !== 401) setLoadError(errorMessage(error, response));
  }, []);

  useEffect(() => {
    if (signedIn && !me) void loadMe();
  }, [signedIn, me, loadMe]);

  if (!signedIn) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={() => {
          setNotice(null);
          setSignedIn(true);
        }}
      />
    );
  }
  if (!me) {
    return (
      <main id="konten" class="signin">
        {loadError ? (
          <>
            <Alert message={loadError} />
            <button type="button" onClick={loadMe}>
              Coba lagi
            </button>
          </>
        ) : (
          <p role="status">Memuat…</p>
        )}
      </main>
    );
  }
  return (
    <Layout
      me={me}
      onSignOut={async () => {
        await signOut();
        setMe(null);
        setSignedIn(false);
        setNotice('Anda telah keluar.');
        navigate(`${BASE}/`, true);
      }}
    />
  );
}

function Layout(props: { me: Me; onSignOut: () => void }) {
  const { me } = props;
  const { path, search } = useLocation();
  const nav = navFor(me);

  useEffect(() => {
    if (path === BASE || path === '/') navigate(homeFor(me), true);
  }, [path, me]);

  return (
    <>
      <a class="skip-link" href="#konten">
        Lewati ke konten utama
      </a>
      <header class="topbar">
        <span class="brand">Pengaduan DPM-PTSP</span>
        <nav aria-label="Menu utama">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} class={path.startsWith(item.href) ? 'active' : undefined}>
                  <span aria-current={path.startsWith(item.href) ? 'page' : undefined}>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <NotificationBell me={me} active={path === `${BASE}/notifikasi`} />
          <span>
            {me.fullName}
            <span class="muted">
              {' · '}
              {me.unit ? UNIT_LABELS[me.unit] : ROLE_LABELS[me.role]}
              {me.area ? ` ${me.area}` : ''}
            </span>
          </span>
          <button type="button" class="secondary" onClick={props.onSignOut}>
            Keluar
          </button>
        </div>
      </header>
      <main id="konten" tabIndex={-1}>
        <Route path={path} search={search} me={me} />
      </main>
    </>
  );
}

function Route(props: { path: string; search: URLSearchParams; me: Me }) {
  const { path, me } = props;
  if (path === `${BASE}/kotak-masuk` && me.role === 'STAFF') return <Inbox me={me} />;
  if (path === `${BASE}/cari`) return <Find />;
  if (path === `${BASE}/daftar` && isFrontDesk(me)) return <Register me={me} />;
  if (path === `${BASE}/triase` && isSeksiPengaduan(me)) return <TriageQueue />;
  if (path === `${BASE}/keputusan` && isKepalaDaerah(me)) return <Decisions me={me} />;
  if (path === `${BASE}/pengawasan` && (isManager(me) || isAdmin(me))) return <Oversight me={me} />;
  if (path === `${BASE}/laporan` && readsReports(me)) return <Reports me={me} />;
  if (path === `${BASE}/admin/libur` && isAdmin(me)) return <AdminHolidays />;
  if (path === `${BASE}/admin/wilayah` && isAdmin(me)) return <AdminAreas />;
  if (path === `${BASE}/admin/pengguna` && isAdmin(me)) return <AdminUsers me={me} />;
  if (path === `${BASE}/admin/open311` && isAdmin(me)) return <AdminOpen311Keys />;
  if (path === `${BASE}/admin/batas-tahap` && isAdmin(me)) return <AdminStageDeadlines />;
  if (path === `${BASE}/admin/akses-data-pribadi` && isAdmin(me)) return <AdminPersonalDataAccess />;
  if (path === `${BASE}/admin/subjek-data` && isAdmin(me)) return <AdminDataSubject />;
  if (path === `${BASE}/admin/retensi-data` && isAdmin(me)) return <AdminRetention />;
  if (path === `${BASE}/notifikasi`) return <Notifications me={me} />;
  const match = /^\/staf\/pengaduan\/([^/]+)$/.exec(path);
  if (match) return <CasePage id={decodeURIComponent(match[1])} me={me} />;
  if (path === BASE || path === '/') return <p role="status">Memuat…</p>;
  return (
    <>
      <PageHeading title="Halaman tidak ditemukan">Halaman tidak ditemukan</PageHeading>
      <p>
        Alamat ini tidak ada di konsol. <Link href={homeFor(me)}>Kembali ke beranda</Link>.
      </p>
    </>
  );
}

render(<App />, document.getElementById('app')!);
