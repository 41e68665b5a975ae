/**
 * Request body examples of the complaint and task actions, as Swagger UI's "Try it out" fills them
 * in. Each is accepted as it stands by the validation and the SOP's rules (when the complaint is in
 * the state the action needs): the e2e test `request-examples.e2e.test.ts` posts every one of them
 * from the served document. Without them Swagger UI builds one from the properties' examples, which
 * for triage meant a category and a rejection at once (refused).
 */
import type { ExampleObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PRIVACY_NOTICE_VERSION } from '../../domain/privacy-notice';

type Examples = Record<string, ExampleObject>;

const complainant = {
  name: 'Siti Aminah',
  nik: '1674014506880002',
  address:
    'Jl. Jend. Sudirman No. 10, RT 002/RW 003, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
  phone: '081234567890',
  email: 'siti@example.com',
};
/** The same address part by part, as a phone complaint may give it (ktpAddress instead of address). */
const ktpAddress = {
  street: 'Jl. Jend. Sudirman No. 10',
  rt: '002',
  rw: '003',
  kelurahan: 'Patih Galung',
  kecamatan: 'Prabumulih Barat',
  city: 'Kota Prabumulih',
};
const location = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const complaint = {
  complainant,
  licensingService: 'Izin Usaha Mikro Kecil (IUMK)',
  description: 'Limbah cair pabrik tahu di belakang rumah mengalir ke sungai sejak izin usahanya terbit.',
  location,
  evidence: ['Foto saluran limbah', 'Salinan izin usaha'],
  // The privacy notice the complainant read and accepted (GET /api/privacy-notice).
  privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
};

/** POST /complaints (staff). No `receivedAt`: it defaults to now, and a fixed date soon gets too old. */
export const CREATE_COMPLAINT_EXAMPLES: Examples = {
  email: { summary: 'Pengaduan lewat email', value: { channel: 'EMAIL', ...complaint } },
  telepon: {
    summary: 'Pengaduan lewat telepon (alamat lengkap sesuai KTP wajib, di sini per bagian)',
    value: {
      channel: 'TELEPON',
      ...complaint,
      complainant: { ...complainant, address: undefined, ktpAddress },
      evidence: ['Keterangan saksi melalui telepon'],
    },
  },
};

/** POST /public/complaints (the website form). */
export const PUBLIC_COMPLAINT_EXAMPLES: Examples = {
  website: { summary: 'Pengaduan lewat formulir website', value: complaint },
  rahasia: {
    summary:
      'Pengaduan rahasia tentang pungutan liar, tanpa NIK (identitas hanya untuk Seksi Pengaduan dan Kabid)',
    value: {
      ...complaint,
      identityMode: 'RAHASIA',
      complainant: { name: complainant.name, phone: complainant.phone },
      description: 'Petugas meminta uang di luar tarif resmi agar izin usaha cepat terbit.',
      location: undefined,
      evidence: ['Kuitansi tanpa kop dinas'],
    },
  },
  anonim: {
    summary: 'Pengaduan anonim (tanpa identitas dan tanpa pemberitahuan; lacak dengan kode pelacakan)',
    value: { ...complaint, identityMode: 'ANONIM', complainant: undefined },
  },
};

/** POST /complaints/{id}/triage: accept with a category (and location), or reject as out of scope. */
export const TRIAGE_EXAMPLES: Examples = {
  sedang: {
    summary: 'Terima sebagai SEDANG (dengan lokasi)',
    value: {
      category: 'SEDANG',
      location,
      notes: 'Dampak lingkungan dari kegiatan usaha; perlu peninjauan lapangan.',
    },
  },
  ringan: {
    summary: 'Terima sebagai RINGAN',
    value: { category: 'RINGAN', notes: 'Menyangkut kejelasan waktu dan biaya layanan.' },
  },
  tolak: {
    summary: 'Tolak: di luar lingkup SOP',
    value: { reject: { reason: 'Bukan pengaduan perizinan: menyangkut sengketa tanah antarwarga.' } },
  },
};

/** POST /complaints/{id}/recategorise (upward only). */
export const RECATEGORISE_EXAMPLES: Examples = {
  berat: {
    summary: 'Naikkan ke BERAT',
    value: { category: 'BERAT', reason: 'Hasil peninjauan menunjukkan pencemaran meluas ke permukiman.' },
  },
};

/** POST /complaints/{id}/response. */
export const RESPONSE_EXAMPLES: Examples = {
  tanggapan: {
    summary: 'Tanggapan akhir',
    value: { response: 'Usaha telah memperbaiki saluran limbahnya; izin lingkungannya dievaluasi ulang.' },
  },
};

/** POST /complaints/{id}/escalation-decision. */
export const DECISION_EXAMPLES: Examples = {
  setujui: {
    summary: 'Setujui (APPROVE)',
    value: { decision: 'APPROVE', notes: 'Disetujui; izin usaha dibekukan sampai perbaikan selesai.' },
  },
  kajianLanjut: {
    summary: 'Kajian lebih lanjut oleh unit tertentu (FURTHER_STUDY)',
    value: {
      decision: 'FURTHER_STUDY',
      units: ['TIM_TEKNIS', 'BIDANG_PERIZINAN'],
      notes: 'Perlu uji laboratorium air sungai sebelum diputuskan.',
    },
  },
  tolak: {
    summary: 'Tolak (REJECT)',
    value: { decision: 'REJECT', notes: 'Tidak terbukti ada pelanggaran izin.' },
  },
};

/** POST /tasks/{id}/complete. */
export const COMPLETE_TASK_EXAMPLES: Examples = {
  selesai: {
    summary: 'Hasil penanganan dengan catatan',
    value: {
      outcome: 'Peninjauan lapangan dilakukan; usaha diminta memperbaiki saluran limbah dalam 7 hari.',
      notes: 'Foto peninjauan disimpan di arsip seksi.',
    },
  },
};
