import bcrypt from 'bcryptjs';
import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  passwordProblems,
} from '../../../src/domain/password-policy';

const owner = { username: 'siti.aminah', fullName: 'Siti Aminah' };

describe('password policy', () => {
  it('accepts passphrases people can remember', () => {
    for (const password of [
      'Sempurna-Kopi-Pagi-42',
      'kuda laut makan nasi goreng',
      'uji-coba-rahasia',
      'Tiga ekor bebek 2026!',
    ]) {
      expect(passwordProblems(password, owner)).toEqual([]);
    }
  });

  it('needs at least 10 characters, counted as people see them', () => {
    expect(passwordProblem('Xk9#pQ2!z', owner)).toBe('Kata sandi minimal 10 karakter.');
    // Five emoji are five characters, not ten UTF-16 units.
    expect(passwordProblem('🔑🐘🌋🎻🧭', owner)).toBe('Kata sandi minimal 10 karakter.');
    expect(passwordProblem('', owner)).toBe('Kata sandi wajib diisi.');
  });

  it('allows at most 128 characters', () => {
    const long = 'gajah-biru-'.repeat(12).slice(0, PASSWORD_MAX_LENGTH);
    expect(passwordProblem(long, owner)).toBeNull();
    expect(passwordProblem(`${long}x`, owner)).toBe('Kata sandi paling banyak 128 karakter.');
  });

  it('refuses the username, whatever its case', () => {
    expect(passwordProblem('Siti.Aminah', owner)).toBe('Kata sandi tidak boleh sama dengan nama pengguna.');
    expect(passwordProblem('kel-16.74.01.1007', { username: 'kel-16.74.01.1007' })).toBe(
      'Kata sandi tidak boleh sama dengan nama pengguna.',
    );
  });

  it('refuses common passwords, also with letters swapped for digits', () => {
    for (const password of ['password123', 'qwertyuiop', '1234567890', 'iloveyou123']) {
      expect(passwordProblem(password, owner)).toMatch(/umum dipakai|mudah ditebak/);
    }
    expect(passwordProblem('password123', owner)).toBe(
      'Kata sandi ini termasuk kata sandi yang umum dipakai. Pilih kata sandi lain.',
    );
  });

  it('refuses guessable passwords with advice in Bahasa Indonesia', () => {
    const problem = passwordProblem('prabumulih2026', owner);
    expect(problem).toMatch(/^Kata sandi terlalu mudah ditebak\./);
    expect(problem).toContain('Mengandung data personal.');
    // The user's own name counts as known to an attacker.
    expect(passwordProblem('sitiaminah1985', owner)).toMatch(/^Kata sandi terlalu mudah ditebak\./);
    expect(passwordProblem('aaaaaaaaaaaa', owner)).toMatch(/^Kata sandi terlalu mudah ditebak\./);
  });

  it('judges a long password by the 72 bytes bcrypt keeps', () => {
    // Strong-looking as a whole, but bcrypt stores only the repeated letters.
    const padded = `${'a'.repeat(72)}Xq7!vR2#pL9@`;
    expect(passwordProblem(padded, owner)).toMatch(/^Kata sandi terlalu mudah ditebak\./);
  });

  it('hashes with bcrypt', async () => {
    const hash = await hashPassword('Sempurna-Kopi-Pagi-42');
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    expect(await bcrypt.compare('Sempurna-Kopi-Pagi-42', hash)).toBe(true);
    expect(await bcrypt.compare('Sempurna-Kopi-Pagi-43', hash)).toBe(false);
  });
});
