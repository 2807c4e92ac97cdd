import { z } from 'zod';

/** Stable error codes of the API with their human messages; clients may rely on the code, never on the text. */
export const ERROR_MESSAGES = {
  validation_failed: { id: 'Data yang dikirim tidak valid.', en: 'The submitted data is not valid.' },
  unauthenticated: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  out_of_scope: { id: 'Data ini berada di luar wilayah tugas Anda.', en: 'This record is outside your assigned region.' },
  outside_jurisdiction: {
    id: 'Kode wilayah berada di luar wilayah instalasi ini ({jurisdiction}).',
    en: 'The region code is outside this installation’s jurisdiction ({jurisdiction}).',
  },
  unknown_region: { id: 'Kode wilayah tidak dikenal: {code}.', en: 'Unknown region code: {code}.' },
  dashboard_area_too_deep: {
    id: 'Ringkasan dibuat per provinsi, kabupaten/kota atau kecamatan; {code} adalah desa/kelurahan.',
    en: 'Summaries are made for a province, regency/city or kecamatan; {code} is a village.',
  },
  unknown_agency: { id: 'Dinas (OPD) tidak dikenal.', en: 'Unknown agency.' },
  not_found: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  conflict: { id: 'Data sudah diubah orang lain. Muat ulang lalu coba lagi.', en: 'Someone else changed this record. Reload and try again.' },
  duplicate: { id: 'Data yang sama sudah ada.', en: 'The same record already exists.' },
  invalid_credentials: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  account_locked: {
    id: 'Terlalu banyak percobaan gagal. Akun dikunci sampai {until}.',
    en: 'Too many failed attempts. The account is locked until {until}.',
  },
  account_disabled: { id: 'Akun ini dinonaktifkan. Hubungi admin.', en: 'This account is disabled. Contact the administrator.' },
  too_many_requests: { id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.', en: 'Too many requests. Try again shortly.' },
  csrf_failed: { id: 'Sesi formulir tidak valid. Muat ulang halaman.', en: 'Invalid form session. Reload the page.' },
  weak_password: {
    id: 'Kata sandi minimal {min} karakter dan tidak boleh sama dengan nama pengguna.',
    en: 'The password needs at least {min} characters and must differ from the username.',
  },
  password_change_required: {
    id: 'Ganti kata sandi sementara Anda terlebih dahulu.',
    en: 'Change your temporary password first.',
  },
  wrong_password: { id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  same_password: { id: 'Kata sandi baru harus berbeda dari kata sandi lama.', en: 'The new password must differ from the current one.' },
  cannot_modify_self: {
    id: 'Anda tidak dapat menonaktifkan akun sendiri atau mengubah peran sendiri.',
    en: 'You cannot disable your own account or change your own role.',
  },
  file_not_found: { id: 'Berkas tidak ditemukan: {path}.', en: 'File not found: {path}.' },
  backup_tool_missing: {
    id: 'Program {tool} tidak ditemukan. Pasang klien PostgreSQL (Debian: apt-get install postgresql-client).',
    en: 'The {tool} program was not found. Install the PostgreSQL client (Debian: apt-get install postgresql-client).',
  },
  backup_failed: { id: 'Pencadangan gagal: {reason}', en: 'Backup failed: {reason}' },
  backup_not_sinergi: { id: 'Berkas ini bukan cadangan Sinergi.', en: 'This file is not a Sinergi backup.' },
  backup_truncated: {
    id: 'Berkas cadangan terpotong atau rusak; basis data tidak diubah.',
    en: 'The backup file is truncated or damaged; the database was not changed.',
  },
  backup_too_new: {
    id: 'Cadangan ini dibuat oleh versi Sinergi yang lebih baru ({migration}). Perbarui Sinergi dahulu.',
    en: 'This backup was made by a newer Sinergi version ({migration}). Update Sinergi first.',
  },
  restore_failed: {
    id: 'Pemulihan gagal, basis data tidak diubah: {reason}',
    en: 'Restore failed, the database was not changed: {reason}',
  },
  restore_needs_confirmation: {
    id: 'Basis data ini sudah berisi data. Pemulihan akan MENGGANTI SELURUH isinya; ulangi dengan --yes untuk melanjutkan.',
    en: 'This database already holds data. Restoring REPLACES ALL of it; run again with --yes to go ahead.',
  },
  database_in_use: {
    id: 'Basis data tertanam sedang dipakai proses lain (server berjalan?). Hentikan dahulu. Jika tidak ada yang berjalan, hapus {path}.',
    en: 'The embedded database is in use by another process (is the server running?). Stop it first. If nothing is running, delete {path}.',
  },
  payload_too_large: { id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  import_unsupported_file: {
    id: 'Berkas "{file}" bukan CSV atau XLSX. Simpan data sebagai .xlsx atau .csv lalu unggah lagi.',
    en: 'The file "{file}" is not CSV or XLSX. Save the data as .xlsx or .csv and upload again.',
  },
  import_xls_unsupported: {
    id: 'Berkas "{file}" berformat Excel lama (.xls). Buka di Excel, simpan sebagai .xlsx, lalu unggah lagi.',
    en: 'The file "{file}" is in the old Excel format (.xls). Open it in Excel, save it as .xlsx and upload again.',
  },
  import_empty_file: { id: 'Berkas "{file}" kosong.', en: 'The file "{file}" is empty.' },
  import_unreadable_file: {
    id: 'Berkas "{file}" tidak dapat dibaca: {reason}',
    en: 'The file "{file}" cannot be read: {reason}',
  },
  import_no_file: { id: 'Pilih berkas CSV atau XLSX untuk diunggah.', en: 'Choose a CSV or XLSX file to upload.' },
  import_wrong_status: {
    id: 'Impor ini berstatus "{status}"; tindakan ini tidak dapat dilakukan sekarang.',
    en: 'This import is "{status}"; this action is not possible now.',
  },
  import_mapping_incomplete: {
    id: 'Pemetaan kolom belum lengkap: {missing}.',
    en: 'The column mapping is incomplete: {missing}.',
  },
  import_file_missing: {
    id: 'Berkas impor tidak ditemukan lagi di server; unggah ulang berkasnya.',
    en: 'The import file is no longer on the server; upload it again.',
  },
  nik_digits: { id: 'NIK hanya boleh berisi angka.', en: 'A NIK may contain digits only.' },
  nik_length: { id: 'NIK harus 16 digit.', en: 'A NIK must have 16 digits.' },
  nik_region: { id: 'Enam digit pertama NIK bukan kode kecamatan yang sah.', en: 'The first six digits of the NIK are not a valid kecamatan code.' },
  nik_month: { id: 'Bulan lahir pada NIK (digit 9–10) harus 01–12.', en: 'The birth month in the NIK (digits 9–10) must be 01–12.' },
  nik_date: {
    id: 'Tanggal lahir pada NIK tidak sah (digit 7–8: 01–31, perempuan 41–71).',
    en: 'The birth date in the NIK is not a real date (digits 7–8: 01–31, women 41–71).',
  },
  nik_serial: { id: 'Nomor urut NIK (4 digit terakhir) tidak boleh 0000.', en: 'The NIK serial (last 4 digits) cannot be 0000.' },
  kk_digits: { id: 'Nomor KK hanya boleh berisi angka.', en: 'A family card number (No KK) may contain digits only.' },
  kk_length: { id: 'Nomor KK harus 16 digit.', en: 'A family card number (No KK) must have 16 digits.' },
  kk_region: { id: 'Enam digit pertama Nomor KK bukan kode kecamatan yang sah.', en: 'The first six digits of the No KK are not a valid kecamatan code.' },
  kk_serial: { id: 'Nomor urut KK (4 digit terakhir) tidak boleh 0000.', en: 'The No KK serial (last 4 digits) cannot be 0000.' },
  seed_registry_not_empty: {
    id: 'Registri sudah berisi {families} keluarga. Data contoh hanya dibuat di registri kosong, kecuali diminta menambah (--append).',
    en: 'The registry already holds {families} families. Demo data is only generated into an empty registry unless asked to append (--append).',
  },
  invalid_rule: {
    id: 'Aturan belum dapat disimpan: {count} masalah perlu diperbaiki.',
    en: 'The rule cannot be saved yet: {count} problems need fixing.',
  },
  program_other_agency: {
    id: 'Program ini milik {agency}; hanya petugas dinas tersebut yang dapat mengubahnya.',
    en: 'This program belongs to {agency}; only that agency’s staff may change it.',
  },
  program_closed: { id: 'Program ini sudah ditutup dan tidak dapat diubah lagi.', en: 'This program is closed and can no longer be changed.' },
  program_not_active: {
    id: 'Program ini belum aktif (status "{status}"). Aktifkan program terlebih dahulu.',
    en: 'This program is not active (status "{status}"). Activate the program first.',
  },
  program_status_invalid: {
    id: 'Status program tidak dapat diubah dari "{from}" menjadi "{to}".',
    en: 'The program status cannot change from "{from}" to "{to}".',
  },
  program_legal_basis_required: {
    id: 'Isi dasar hukum pemrosesan data pribadi (UU PDP) sebelum program diaktifkan.',
    en: 'Enter the legal basis for processing personal data (UU PDP) before activating the program.',
  },
  program_rule_required: {
    id: 'Program ini belum memiliki aturan kelayakan dan urutan prioritas.',
    en: 'This program has no eligibility rule and priority order yet.',
  },
  program_run_in_progress: {
    id: 'Penentuan sasaran program ini sedang berjalan. Tunggu sampai selesai.',
    en: 'Targeting for this program is already running. Wait until it finishes.',
  },
  program_no_run: {
    id: 'Program ini belum memiliki hasil penentuan sasaran yang dipakai.',
    en: 'This program has no adopted targeting result yet.',
  },
  enrolment_transition_invalid: {
    id: 'Status penerima tidak dapat diubah dari "{from}" menjadi "{to}".',
    en: 'The beneficiary status cannot change from "{from}" to "{to}".',
  },
  enrolment_in_decree: {
    id: 'Penerima ini sudah ditetapkan dalam SK {number}. Perubahan setelah SK hanya melalui perubahan pasca-SK dengan alasan.',
    en: 'This beneficiary is fixed by decree {number}. After the decree, changes go only through a post-decree change with a reason.',
  },
  enrolment_not_in_decree: {
    id: 'Penerima ini belum ditetapkan dalam SK; gunakan verifikasi biasa.',
    en: 'This beneficiary is not fixed by a decree yet; use the ordinary verification.',
  },
  enrolment_not_replaceable: {
    id: 'Hanya penerima yang ditolak atau dibatalkan yang dapat diganti.',
    en: 'Only a rejected or cancelled beneficiary can be replaced.',
  },
  enrolment_already_replaced: {
    id: 'Penerima ini sudah diganti oleh keluarga lain.',
    en: 'This beneficiary has already been replaced by another family.',
  },
  waiting_list_empty: {
    id: 'Daftar tunggu sudah habis; tidak ada keluarga pengganti.',
    en: 'The waiting list is exhausted; there is no family to draw as a replacement.',
  },
  decree_nothing_to_fix: {
    id: 'Belum ada penerima terverifikasi yang belum masuk SK.',
    en: 'There is no verified beneficiary that is not yet in a decree.',
  },
  decree_file_type: {
    id: 'Berkas SK harus berupa PDF, JPG atau PNG.',
    en: 'The decree file must be a PDF, JPG or PNG.',
  },
  duplicate_already_decided: {
    id: 'Pasangan ini sudah diputuskan ({status}); keputusan tidak dapat diubah.',
    en: 'This pair has already been decided ({status}); the decision cannot be changed.',
  },
  duplicate_member_missing: {
    id: 'Salah satu data pasangan ini sudah tidak ada di registri. Jalankan pemindaian ulang.',
    en: 'One record of this pair no longer exists in the registry. Run the scan again.',
  },
  duplicate_merge_blocked: {
    id: 'Penggabungan dibatalkan: data terkait di "{table}" bentrok dengan data yang dipertahankan. Tidak ada yang diubah.',
    en: 'The merge was cancelled: linked records in "{table}" clash with the kept record. Nothing was changed.',
  },
  correction_invalid_transition: {
    id: 'Permohonan perbaikan berstatus "{from}" tidak dapat diubah menjadi "{to}".',
    en: 'A correction request that is "{from}" cannot become "{to}".',
  },
  export_too_large: {
    id: 'Daftar ini berisi {total} baris; ekspor dibatasi {limit} baris. Persempit filter (misalnya per kecamatan) lalu ekspor lagi.',
    en: 'This list holds {total} rows; exports are limited to {limit} rows. Narrow the filters (for example by kecamatan) and export again.',
  },
  member_not_active: {
    id: 'Anggota ini sudah tidak tercatat di keluarganya (meninggal atau keluar). Pindahkan ke sebuah KK untuk mengaktifkannya lagi.',
    en: 'This member no longer belongs to their family (deceased or left). Move them to a family card to make them current again.',
  },
  member_already_in_family: { id: 'Anggota ini sudah tercatat di keluarga tersebut.', en: 'This member already belongs to that family.' },
  specific_data_masked: {
    id: 'Data pribadi spesifik (kesulitan fungsional, penyakit kronis, status khusus, PPKS) hanya dapat diubah setelah data ditampilkan lengkap. Tampilkan data lalu ubah lagi.',
    en: 'Specific personal data (functional difficulties, chronic illness, special status, PPKS) can only be changed after the data is shown in full. Show the data, then edit again.',
  },
  handover_exists: {
    id: 'Penyerahan {stage} untuk keluarga ini sudah dicatat pada {date}. Untuk mengubahnya, buat koreksi dengan alasan.',
    en: 'The hand-over of {stage} to this family was already recorded on {date}. To change it, record a correction with a reason.',
  },
  handover_key_reused: {
    id: 'Kunci pengiriman ini sudah dipakai untuk penyerahan lain. Muat ulang formulir lalu coba lagi.',
    en: 'This submission key was already used for another hand-over. Reload the form and try again.',
  },
  handover_not_decreed: {
    id: 'Keluarga ini berstatus "{status}"; penyaluran hanya untuk keluarga yang ditetapkan dalam SK.',
    en: 'This family is "{status}"; only families fixed by a decree can receive a hand-over.',
  },
  handover_revision_stale: {
    id: 'Penyerahan ini sudah dikoreksi orang lain (revisi {revision}). Muat ulang lalu coba lagi.',
    en: 'Someone else already corrected this hand-over (revision {revision}). Reload and try again.',
  },
  stage_has_handovers: {
    id: 'Tahap ini sudah memiliki {count} penyerahan; nilai dan jenisnya tidak dapat diubah lagi.',
    en: 'This stage already has {count} hand-overs; its value and kind can no longer be changed.',
  },
  proof_photo_type: {
    id: 'Foto bukti harus berupa gambar JPG atau PNG.',
    en: 'The proof photo must be a JPG or PNG image.',
  },
  proof_photo_too_large: {
    id: 'Foto bukti terlalu besar; batasnya {limit} MB. Ambil foto dengan resolusi lebih kecil lalu unggah lagi.',
    en: 'The proof photo is too large; the limit is {limit} MB. Take a smaller photo and upload again.',
  },
  proof_exists: {
    id: 'Bukti jenis ini sudah ada. Untuk menggantinya, sertakan alasan penggantian.',
    en: 'A proof of this kind already exists. To replace it, give the reason for the replacement.',
  },
  referral_transition_invalid: {
    id: 'Rujukan berstatus "{from}" tidak dapat diproses dengan tindakan "{action}".',
    en: 'A referral that is "{from}" cannot be given the action "{action}".',
  },
  referral_not_receiver: {
    id: 'Hanya dinas penerima rujukan ({agency}) yang dapat menerima, menolak atau menutup rujukan ini.',
    en: 'Only the receiving agency ({agency}) may accept, decline or close this referral.',
  },
  referral_not_sender: {
    id: 'Hanya dinas pengirim ({agency}) yang dapat menarik rujukan ini.',
    en: 'Only the sending agency ({agency}) may withdraw this referral.',
  },
  referral_same_agency: { id: 'Rujukan harus ditujukan ke dinas lain.', en: 'A referral must go to another agency.' },
  referral_member_not_in_family: {
    id: 'Anggota yang dipilih bukan anggota aktif keluarga ini.',
    en: 'The chosen member is not a current member of this family.',
  },
  referral_enrolment_mismatch: {
    id: 'Kepesertaan program yang dipilih bukan milik keluarga ini.',
    en: 'The chosen program enrolment does not belong to this family.',
  },
  referral_date_invalid: {
    id: 'Tanggal tidak masuk akal: {field} ({date}).',
    en: 'The date does not make sense: {field} ({date}).',
  },
  pathway_same_stage: { id: 'Keluarga ini sudah berada di tahap tersebut.', en: 'The family is already at that stage.' },
  pathway_note_required: {
    id: 'Kembali ke tahap sebelumnya memerlukan catatan alasan.',
    en: 'Moving back to an earlier stage needs a note with the reason.',
  },
  pathway_graduation_required: {
    id: 'Keluarga hanya dapat dinyatakan mandiri dengan penilaian graduasi yang lulus, atau dengan alasan pengecualian.',
    en: 'A family can be declared self-reliant only with a passed graduation assessment, or with a reason for an exception.',
  },
  pathway_assessment_invalid: {
    id: 'Penilaian graduasi ini bukan milik keluarga ini atau tidak lulus.',
    en: 'This graduation assessment does not belong to this family or did not pass.',
  },
  pathway_evidence_unknown: {
    id: 'Bukti "{label}" tidak ditemukan pada keluarga ini.',
    en: 'The evidence "{label}" was not found for this family.',
  },
  pathway_date_invalid: {
    id: 'Tanggal tahap tidak boleh setelah hari ini atau sebelum tahap sebelumnya ({date}).',
    en: 'The stage date may not be after today or before the previous step ({date}).',
  },
  training_other_agency: {
    id: 'Pelatihan ini milik {agency}; hanya operator dinas tersebut yang dapat mengubahnya.',
    en: 'This training belongs to {agency}; only that agency’s operators may change it.',
  },
  training_cohort_full: {
    id: 'Kuota kursi angkatan ini sudah penuh ({seats} peserta). Tambah kursi atau keluarkan peserta yang mengundurkan diri.',
    en: 'This cohort is full ({seats} participants). Add seats or remove a participant who withdrew.',
  },
  training_participant_duplicate: { id: 'Orang ini sudah menjadi peserta angkatan ini.', en: 'This person is already a participant of this cohort.' },
  training_cohort_completed: {
    id: 'Angkatan ini sudah dinyatakan selesai; peserta dan kehadiran tidak dapat diubah lagi.',
    en: 'This cohort has been completed; its participants and attendance can no longer be changed.',
  },
  training_cohort_not_completed: {
    id: 'Angkatan ini belum dinyatakan selesai. Tetapkan kelulusan dahulu.',
    en: 'This cohort has not been completed yet. Decide the completions first.',
  },
  training_not_completed: {
    id: 'Peserta ini tidak lulus pelatihan; sertifikat hanya untuk peserta yang lulus.',
    en: 'This participant did not complete the training; certificates are only for those who completed it.',
  },
  training_session_outside_cohort: {
    id: 'Tanggal sesi {date} di luar masa angkatan ({from} s.d. {to}).',
    en: 'The session date {date} is outside the cohort’s period ({from} to {to}).',
  },
  training_seats_below_participants: {
    id: 'Angkatan ini sudah memiliki {participants} peserta; kursi tidak dapat dikurangi menjadi {seats}.',
    en: 'This cohort already has {participants} participants; seats cannot be reduced to {seats}.',
  },
  training_partner_type: { id: 'Mitra {name} bukan {type}.', en: 'The partner {name} is not a {type}.' },
  training_follow_up_incomplete: {
    id: 'Status "{status}" memerlukan {field}.',
    en: 'The status "{status}" needs {field}.',
  },
  training_follow_up_early: {
    id: 'Tindak lanjut {months} bulan baru dapat dicatat mulai {date}.',
    en: 'The {months}-month follow-up can be recorded from {date}.',
  },
  renovation_agency_only: {
    id: 'Bedah rumah dikelola oleh operator Dinas PUPR/Perkim atau Dinas Sosial.',
    en: 'House renovations are managed by operators of the PUPR/Perkim agency or Dinas Sosial.',
  },
  renovation_other_agency: {
    id: 'Rumah ini dikelola oleh {agency}; hanya petugas dinas tersebut yang dapat mengubahnya.',
    en: 'This house is managed by {agency}; only that agency’s staff may change it.',
  },
  renovation_transition_invalid: {
    id: 'Tahap bedah rumah tidak dapat diubah: tindakan "{action}" tidak berlaku untuk rumah berstatus "{stage}".',
    en: 'The renovation stage cannot change: the action "{action}" does not apply to a house that is "{stage}".',
  },
  renovation_already_open: {
    id: 'Keluarga ini sudah memiliki usulan bedah rumah yang sedang berjalan.',
    en: 'This family already has a house renovation in the pipeline.',
  },
  renovation_not_rtlh: {
    id: 'Skor RTLH rumah ini {score}, di bawah batas {threshold}; rumah tidak dapat diverifikasi untuk bedah rumah.',
    en: 'This house scores {score} on the RTLH criteria, below the threshold of {threshold}; it cannot be verified for renovation.',
  },
  renovation_photos_required: {
    id: 'Unggah foto sebelum dan sesudah renovasi sebelum menyatakan selesai.',
    en: 'Upload photos from before and after the renovation before marking it completed.',
  },
  renovation_funding_closed: {
    id: 'Pendanaan dicatat setelah rumah terverifikasi (status sekarang "{stage}").',
    en: 'Funding is recorded once the house is verified (it is "{stage}" now).',
  },
  renovation_progress_backwards: {
    id: 'Progres tidak boleh turun: terakhir tercatat {last}%.',
    en: 'Progress cannot go down: the last report was {last}%.',
  },
  photo_file_type: {
    id: 'Foto harus berupa JPG, PNG atau WebP.',
    en: 'A photo must be a JPG, PNG or WebP image.',
  },
  internal_error: { id: 'Terjadi kesalahan pada server. Coba lagi.', en: 'Something went wrong on the server. Try again.' },
} as const satisfies Record<string, { id: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const Language = z.enum(['id', 'en']);
export type Language = z.infer<typeof Language>;

export function errorMessage(code: ErrorCode, language: Language, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[code][language].replace(/\{(\w+)\}/g, (whole, key: string) => String(params[key] ?? whole));
}
