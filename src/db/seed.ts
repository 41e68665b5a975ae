import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import bcrypt from 'bcryptjs';
import { loadPrabumulihAreas } from '../domain/areas';
import type { Unit } from '../domain/units';
import { Area, User } from './entities';

/** Master data every installation needs: the city's kecamatan and kelurahan. Adds missing rows only. */
export async function seedAreas(em: EntityManager): Promise<number> {
  const known = new Set((await em.find(Area, {}, { fields: ['code'] })).map((a) => a.code));
  let added = 0;
  for (const kecamatan of loadPrabumulihAreas()) {
    if (!known.has(kecamatan.code)) {
      em.create(Area, { code: kecamatan.code, level: 'KECAMATAN', name: kecamatan.name, parentCode: null });
      added++;
    }
    for (const kelurahan of kecamatan.kelurahan) {
      if (known.has(kelurahan.code)) continue;
      em.create(Area, {
        code: kelurahan.code,
        level: 'KELURAHAN',
        name: kelurahan.name,
        parentCode: kecamatan.code,
      });
      added++;
    }
  }
  await em.flush();
  return added;
}

interface SeedUser {
  username: string;
  fullName: string;
  role: 'ADMIN' | 'STAFF' | 'KEPALA_DAERAH';
  unit?: Unit;
  area?: string;
  eselon?: string;
}

/** One user per unit, per kecamatan and per kelurahan, the Wali Kota and an admin (development only). */
export function developmentUsers(): SeedUser[] {
  const staff = (username: string, fullName: string, unit: Unit, eselon?: string): SeedUser => ({
    username,
    fullName,
    role: 'STAFF',
    unit,
    eselon,
  });
  const users: SeedUser[] = [
    staff('loket', 'Petugas Loket', 'LOKET'),
    staff('pengaduan', 'Kasi Pengaduan dan Informasi Layanan', 'SEKSI_PENGADUAN', 'IV'),
    staff('kebijakan', 'Kasi Kebijakan dan Advokasi Layanan', 'SEKSI_KEBIJAKAN', 'IV'),
    staff('pelaporan', 'Kasi Pelaporan dan Peningkatan Layanan', 'SEKSI_PELAPORAN', 'IV'),
    staff('kabid', 'Kabid Pengaduan, Kebijakan dan Pelaporan Layanan', 'KABID_PENGADUAN', 'III'),
    staff('kadis', 'Kepala DPM-PTSP', 'KEPALA_DINAS', 'II'),
    staff('perizinan', 'Kabid Pelayanan Perizinan dan Non Perizinan', 'BIDANG_PERIZINAN', 'III'),
    staff('teknis', 'Tim Teknis Perizinan', 'TIM_TEKNIS'),
    { username: 'walikota', fullName: 'Wali Kota Prabumulih', role: 'KEPALA_DAERAH' },
    { username: 'admin', fullName: 'Administrator', role: 'ADMIN' },
  ];
  for (const kecamatan of loadPrabumulihAreas()) {
    users.push({
      username: `kec-${kecamatan.code}`,
      fullName: `Aparatur Kecamatan ${kecamatan.name}`,
      role: 'STAFF',
      unit: 'KECAMATAN',
      area: kecamatan.code,
      eselon: 'III',
    });
    for (const kelurahan of kecamatan.kelurahan) {
      users.push({
        username: `kel-${kelurahan.code}`,
        fullName: `Aparatur Kelurahan/Desa ${kelurahan.name}`,
        role: 'STAFF',
        unit: 'KELURAHAN',
        area: kelurahan.code,
        eselon: 'IV',
      });
    }
  }
  return users;
}

/** Creates the development users that do not exist yet, all with `password`. Returns how many. */
export async function seedDevelopmentUsers(em: EntityManager, password: string): Promise<number> {
  const known = new Set((await em.find(User, {}, { fields: ['username'] })).map((u) => u.username));
  const missing = developmentUsers().filter((u) => !known.has(u.username));
  if (missing.length === 0) return 0;
  const passwordHash = await bcrypt.hash(password, 10);
  for (const u of missing) {
    em.create(User, {
      id: randomUUID(),
      username: u.username,
      fullName: u.fullName,
      passwordHash,
      role: u.role,
      unit: u.unit ?? null,
      area: u.area ?? null,
      eselon: u.eselon ?? null,
      // So that `npm start` shows every notification in the mail catcher (README, Notifications).
      email: `${u.username}@pengaduan.test`,
      active: true,
      createdAt: new Date(),
    });
  }
  await em.flush();
  return missing.length;
}
