/**
 * The privacy notice (pemberitahuan pelindungan data pribadi) a complainant is given before a complaint
 * is taken, as UU 27/2022 (Pelindungan Data Pribadi) asks of a public body: what is collected, why, on
 * what legal basis, who sees it, how long it is kept, the data subject's rights and whom to ask.
 *
 * The notice is versioned: every intake carries the version the complainant acknowledged, and only the
 * current one is accepted (an older one is refused so that nobody consents to a text they did not see).
 * A change of the text gets a new version (the date it takes effect); the old text is kept in git.
 *
 * Pure and deterministic: the contact details come from configuration (PRIVACY_CONTACT_EMAIL,
 * PRIVACY_CONTACT_ADDRESS) and are passed in.
 */
import type { IntakeViolation } from './channels';
import { IDENTITY_MODE_EXPLANATIONS } from './identity-mode';
import { DEFAULT_RETENTION_YEARS } from './retention';

/** The version of the current notice: the date it took effect (YYYY-MM-DD). */
export const PRIVACY_NOTICE_VERSION = '2026-12-02';

/**
 * The years personal data of a closed complaint is kept before it is anonymised, unless the
 * notice is given another period (PERSONAL_DATA_RETENTION_YEARS: the same setting the retention
 * schedule applies, so the notice never promises another period than the one kept; a changed
 * period is a changed notice and needs a new PRIVACY_NOTICE_VERSION).
 */
export const PRIVACY_RETENTION_YEARS = DEFAULT_RETENTION_YEARS;

/** The intake's field that carries the acknowledged version. */
export const PRIVACY_NOTICE_FIELD = 'privacyNoticeVersion';

/** The office's data protection contact, from configuration. */
export interface PrivacyContact {
  email: string;
  address: string;
}

export const DEFAULT_PRIVACY_CONTACT_ADDRESS =
  'Kantor Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPM-PTSP) Kota Prabumulih, Kota Prabumulih, Sumatera Selatan';

/** One part of the notice: a heading and its points, in Bahasa Indonesia. */
export interface PrivacyNoticeSection {
  id: PrivacyNoticeSectionId;
  title: string;
  items: string[];
}

export const PRIVACY_NOTICE_SECTIONS = [
  'COLLECTED',
  'PURPOSE',
  'LEGAL_BASIS',
  'RECIPIENTS',
  'RETENTION',
  'RIGHTS',
  'CONTROL',
] as const;
export type PrivacyNoticeSectionId = (typeof PRIVACY_NOTICE_SECTIONS)[number];

export interface PrivacyNotice {
  version: string;
  title: string;
  /** A few lines a form shows above the full text. */
  summary: string;
  sections: PrivacyNoticeSection[];
  contact: PrivacyContact;
  /** The sentence the complainant acknowledges (the checkbox's label). */
  acknowledgment: string;
  /** The sentence the front-desk officer confirms for a complaint taken by them. */
  officerAcknowledgment: string;
}

/** The current notice, with the office's contact and the retention period in force. */
export function privacyNotice(
  contact: PrivacyContact,
  retentionYears: number = PRIVACY_RETENTION_YEARS,
): PrivacyNotice {
  return {
    version: PRIVACY_NOTICE_VERSION,
    title: 'Pemberitahuan Pelindungan Data Pribadi',
    summary:
      'DPM-PTSP Kota Prabumulih mencatat identitas dan kontak Anda (nama, NIK, alamat, telepon, email), ' +
      'uraian pengaduan dan bukti yang Anda kirim, hanya untuk menangani pengaduan Anda sesuai SOP ' +
      'dan untuk statistik tanpa identitas. Data dilihat petugas yang menangani pengaduan, disimpan di ' +
      `sistem milik kantor, dan disimpan ${retentionYears} tahun setelah pengaduan selesai, ` +
      `lalu dianonimkan. Pertanyaan dan permintaan atas data Anda: ${contact.email}.`,
    sections: [
      {
        id: 'COLLECTED',
        title: 'Data yang dikumpulkan',
        items: [
          'Identitas: nama dan NIK (Nomor Induk Kependudukan) sesuai KTP.',
          'Alamat tempat tinggal.',
          'Kontak: nomor telepon dan alamat email, untuk pemberitahuan perkembangan pengaduan.',
          'Uraian pengaduan, layanan perizinan dan lokasi yang diadukan.',
          'Bukti awal dan berkas lampiran yang Anda kirim (dapat memuat data pribadi Anda atau orang lain).',
          'Tanggapan, hasil penanganan dan penilaian kepuasan yang tercatat selama pengaduan ditangani.',
        ],
      },
      {
        id: 'PURPOSE',
        title: 'Tujuan pemrosesan',
        items: [
          'Menerima, memverifikasi, menelaah dan menindaklanjuti pengaduan Anda sesuai SOP Pengelolaan Pengaduan DPM-PTSP Kota Prabumulih, termasuk meneruskannya kepada instansi yang berwenang bila pengaduan bukan kewenangan kami.',
          'Menghubungi Anda untuk keterangan tambahan dan memberi tahu perkembangan serta tanggapan pengaduan.',
          'Menyusun statistik dan rekap laporan pengaduan tanpa identitas pengadu.',
          'Data Anda tidak dipakai untuk tujuan lain dan tidak diperjualbelikan.',
        ],
      },
      {
        id: 'LEGAL_BASIS',
        title: 'Dasar pemrosesan',
        items: [
          'Pelaksanaan tugas pelayanan publik dan kewenangan instansi pemerintah (UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 20 ayat (2) huruf e).',
          'UU 25/2009 tentang Pelayanan Publik, yang mewajibkan penyelenggara mengelola pengaduan masyarakat.',
          'Perpres 76/2013 tentang Pengelolaan Pengaduan Pelayanan Publik.',
          'Persetujuan Anda atas pemberitahuan ini saat menyampaikan pengaduan.',
        ],
      },
      {
        id: 'RECIPIENTS',
        title: 'Siapa yang melihat data Anda',
        items: [
          'Petugas DPM-PTSP Kota Prabumulih yang menangani pengaduan: Seksi Pengaduan, Kepala Bidang Pengaduan, dan bidang teknis yang ditugasi; admin sistem.',
          'Bila pengaduan diteruskan atau ditindaklanjuti bersama: aparatur wilayah (camat, lurah/kepala desa) atau instansi yang berwenang, sebatas yang diperlukan.',
          `Pengaduan rahasia: ${IDENTITY_MODE_EXPLANATIONS.RAHASIA}`,
          `Pengaduan anonim: ${IDENTITY_MODE_EXPLANATIONS.ANONIM}`,
          'Petugas tanpa kewenangan hanya melihat NIK dan nama yang disamarkan; laporan dan statistik tidak memuat identitas.',
        ],
      },
      {
        id: 'RETENTION',
        title: 'Lama penyimpanan',
        items: [
          `Data pribadi disimpan selama pengaduan ditangani dan ${retentionYears} tahun setelah pengaduan selesai (ditutup), lalu dianonimkan: identitas dan kontak dihapus dan berkas bukti dimusnahkan, sedangkan angka statistik tetap.`,
        ],
      },
      {
        id: 'RIGHTS',
        title: 'Hak Anda dan kepada siapa bertanya',
        items: [
          'Anda berhak mendapat informasi tentang pemrosesan data Anda, mengakses dan memperoleh salinannya, memperbaiki data yang keliru, serta meminta penghapusan bila tidak ada lagi kewajiban penyimpanan (UU 27/2022 Pasal 5-11).',
          `Sampaikan pertanyaan dan permintaan kepada petugas pelindungan data DPM-PTSP Kota Prabumulih melalui email ${contact.email} atau datang/kirim surat ke ${contact.address}. Sebutkan nomor register atau kode pelacakan pengaduan Anda.`,
        ],
      },
      {
        id: 'CONTROL',
        title: 'Tempat penyimpanan',
        items: [
          'Data disimpan di basis data dan sistem alur kerja (Temporal) yang dikelola DPM-PTSP Kota Prabumulih di lingkungan Pemerintah Kota Prabumulih, dan hanya dapat diakses petugas yang masuk dengan akunnya.',
        ],
      },
    ],
    contact,
    acknowledgment:
      'Saya telah membaca Pemberitahuan Pelindungan Data Pribadi dan menyetujui pemrosesan data saya untuk penanganan pengaduan ini.',
    officerAcknowledgment:
      'Pengadu telah diberi dan membaca Pemberitahuan Pelindungan Data Pribadi (untuk surat dan faksimile: pemberitahuan dikirim bersama tanda terima).',
  };
}

/** The notice as plain text (receipts, letters), its sections numbered. */
export function privacyNoticeText(notice: PrivacyNotice): string {
  const lines = [`${notice.title} (versi ${notice.version})`, '', notice.summary];
  notice.sections.forEach((s, i) => {
    lines.push('', `${i + 1}. ${s.title}`, ...s.items.map((item) => `   - ${item}`));
  });
  return lines.join('\n');
}

/**
 * The version check at intake: an empty array when the complainant acknowledged the current notice. A
 * missing version is malformed input and is refused by the request's validation (400) before this.
 */
export function checkPrivacyNoticeVersion(version: string | null | undefined): IntakeViolation[] {
  if (version === PRIVACY_NOTICE_VERSION) return [];
  return [
    {
      field: PRIVACY_NOTICE_FIELD,
      rule: 'PRIVACY_NOTICE_STALE',
      message: `Pemberitahuan Pelindungan Data Pribadi telah diperbarui (versi ${PRIVACY_NOTICE_VERSION}); muat ulang halaman, baca pemberitahuan yang baru, lalu setujui kembali sebelum mengirim pengaduan.`,
    },
  ];
}

/** A contact address for the notice from the sender of the office's e-mails: pengaduan@<its domain>. */
export function defaultPrivacyContactEmail(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@')[1]?.trim();
  return `pengaduan@${domain || 'localhost'}`;
}
