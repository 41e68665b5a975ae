import { useState } from 'preact/hooks';
import { signIn } from '../api/client';
import { Alert, FieldError, fieldOf, PageHeading } from '../ui';

/** The sign-in form. Shown at whatever /staf address the person opened; after sign-in they stay there. */
export function SignIn(props: { notice?: string | null; onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});

  async function submit(event: Event) {
    event.preventDefault();
    const missing: typeof errors = {};
    if (!username.trim()) missing.username = 'Nama pengguna wajib diisi.';
    if (!password) missing.password = 'Kata sandi wajib diisi.';
    setErrors(missing);
    if (missing.username || missing.password) return;
    setBusy(true);
    const message = await signIn(username.trim(), password).catch(
      () => 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.',
    );
    setBusy(false);
    if (!message) return props.onSignedIn();
    // "Nama pengguna atau kata sandi salah." names both fields: it goes to the password (checked first).
    const field = fieldOf(message, {
      password: ['password', 'sandi'],
      username: ['username', 'nama pengguna'],
    });
    setErrors(field === 'username' ? { username: message } : { password: message });
  }

  return (
    <main id="konten" class="signin">
      <PageHeading title="Masuk">Konsol Petugas Pengaduan</PageHeading>
      <p class="muted">DPM-PTSP Kota Prabumulih</p>
      <Alert kind="info" message={props.notice} />
      <form onSubmit={submit} noValidate class="card">
        <div class="field">
          <label for="username">Nama pengguna</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            value={username}
            aria-invalid={errors.username ? 'true' : undefined}
            aria-describedby={errors.username ? 'username-galat' : undefined}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <FieldError id="username-galat" message={errors.username} />
        </div>
        <div class="field">
          <label for="password">Kata sandi</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={errors.password ? 'true' : undefined}
            aria-describedby={errors.password ? 'password-galat' : undefined}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <FieldError id="password-galat" message={errors.password} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Memproses…' : 'Masuk'}
        </button>
      </form>
    </main>
  );
}
