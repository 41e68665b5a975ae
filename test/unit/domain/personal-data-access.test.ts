import { identityAccess, identityAsSeen } from '../../../src/domain/identity-mode';
import type { Viewer } from '../../../src/domain/personal-data';
import {
  PERSONAL_DATA_FIELD_LABELS,
  PERSONAL_DATA_FIELDS,
  personalDataFieldLabels,
  unmaskedIdentityFields,
} from '../../../src/domain/personal-data-access';

const FULL_IDENTITY = {
  name: 'Budi Santoso',
  nik: '1674011203850001',
  address: 'Jl. Jenderal Sudirman No. 12, Prabumulih',
  phone: '081234567890',
  email: 'budi@example.com',
};

const admin: Viewer = { role: 'ADMIN', unit: null, area: null };
const pengaduan: Viewer = { role: 'STAFF', unit: 'SEKSI_PENGADUAN', area: null };
const kebijakan: Viewer = { role: 'STAFF', unit: 'SEKSI_KEBIJAKAN', area: null };

describe('unmaskedIdentityFields: which fields a response shows unmasked (the access log)', () => {
  it('a detail in FULL shows every field the complaint holds', () => {
    expect(unmaskedIdentityFields('FULL', FULL_IDENTITY, true)).toEqual([
      'NAMA',
      'NIK',
      'ALAMAT',
      'TELEPON',
      'EMAIL',
    ]);
  });

  it('leaves out the fields the complaint does not hold (nothing shown, nothing logged)', () => {
    expect(
      unmaskedIdentityFields(
        'FULL',
        { name: 'Siti', nik: null, address: '  ', phone: '0811', email: null },
        true,
      ),
    ).toEqual(['NAMA', 'TELEPON']);
  });

  it('a list in FULL shows the name only: its NIK is masked and it has no address or contact', () => {
    expect(unmaskedIdentityFields('FULL', FULL_IDENTITY, false)).toEqual(['NAMA']);
    // The same as what the list view actually carries.
    const seen = identityAsSeen('FULL', FULL_IDENTITY, false);
    expect(seen.name).toBe(FULL_IDENTITY.name);
    expect(seen.nik).not.toBe(FULL_IDENTITY.nik);
  });

  it.each(['MASKED', 'CONFIDENTIAL', 'ANONYMOUS'] as const)('%s shows nothing unmasked', (access) => {
    expect(unmaskedIdentityFields(access, FULL_IDENTITY, true)).toEqual([]);
    expect(unmaskedIdentityFields(access, FULL_IDENTITY, false)).toEqual([]);
  });

  it('follows the masking rules: a unit without a task sees BIASA masked, RAHASIA "Dirahasiakan"', () => {
    const fields = (mode: string, viewer: Viewer, visible: boolean) =>
      unmaskedIdentityFields(identityAccess(mode, viewer, visible), FULL_IDENTITY, true);
    expect(fields('BIASA', kebijakan, false)).toEqual([]);
    expect(fields('BIASA', kebijakan, true)).toHaveLength(5);
    // A unit with a task on a RAHASIA complaint still sees "Dirahasiakan".
    expect(fields('RAHASIA', kebijakan, true)).toEqual([]);
    expect(fields('RAHASIA', pengaduan, true)).toHaveLength(5);
    expect(fields('RAHASIA', admin, true)).toHaveLength(5);
    expect(fields('ANONIM', admin, true)).toEqual([]);
  });
});

describe('the fields in Bahasa Indonesia', () => {
  it('labels every field, LAMPIRAN as the evidence files', () => {
    for (const field of PERSONAL_DATA_FIELDS) expect(PERSONAL_DATA_FIELD_LABELS[field]).toBeTruthy();
    expect(personalDataFieldLabels(['NAMA', 'TELEPON', 'LAMPIRAN'])).toEqual([
      'Nama',
      'Nomor telepon',
      'Lampiran (berkas bukti)',
    ]);
  });
});
