"""What stops a whole command (exit status 2), in Indonesian (default) and English.

A problem is coded data (``errors.Problem``: a message id and its arguments), raised where it
is found and rendered here by the front end, in the language it was asked for: a rules file,
a configuration file, a baseline, a path or an option that cannot be used, a report that
cannot be written. An argument may itself be coded (a problem inside a problem, a finding
message about the YAML of a rules file): it is rendered in the same language. Codes, keys
and file names never change with the language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# id -> (Indonesian, English)
PROBLEMS: dict[str, tuple[str, str]] = {
    # the command line
    "usage.no_paths": (
        "PATHS tidak diberikan: sebutkan dossier atau folder yang diperiksa (lihat `lapkin-audit check --help`)",
        "no PATHS given: name dossiers or folders to audit (see `lapkin-audit check --help`)",
    ),
    "usage.unknown_selectors": (
        "kode atau awalan aturan tidak dikenal: {codes} (lihat `lapkin-audit rules`)",
        "unknown rule code or prefix: {codes} (see `lapkin-audit rules`)",
    ),
    "usage.unknown_code": (
        "kode aturan tidak dikenal: {code} (lihat `lapkin-audit rules list`)",
        "unknown rule code: {code} (see `lapkin-audit rules list`)",
    ),
    "usage.path_not_found": ("path tidak ada: {path}", "path does not exist: {path}"),
    "usage.no_dossier": ("tidak ada dossier.yaml di: {paths}", "no dossier.yaml found under: {paths}"),
    "usage.changes_unknown": ("--changed-since {ref}: {detail}", "--changed-since {ref}: {detail}"),
    "usage.rules": ("berkas aturan rusak: {problem}", "broken rules file: {problem}"),
    "usage.config": ("konfigurasi: {problem}", "configuration: {problem}"),
    "usage.baseline": ("--baseline: {problem}", "--baseline: {problem}"),
    "usage.ke_range": (
        "--ke {ke} tidak cocok dengan --jenis {jenis} (1 sampai {limit})",
        "--ke {ke} does not fit --jenis {jenis} (1 to {limit})",
    ),
    "usage.ke_tahunan": ("--ke tidak dipakai untuk --jenis tahunan", "--ke is not for --jenis tahunan"),
    "usage.unknown_sop": ("SOP tidak dikenal: {sop} (dikenal: {known})", "unknown SOP: {sop} (known: {known})"),
    "usage.no_dask": (
        "--scheduler memerlukan Dask: pasang dengan `pip install 'lapkin-audit[dask]'`",
        "--scheduler needs Dask: install it with `pip install 'lapkin-audit[dask]'`",
    ),
    "usage.scheduler": (
        "penjadwal Dask {address} tidak dapat dipakai: {error}",
        "cannot use the Dask scheduler {address}: {error}",
    ),
    "usage.cluster_versions": (
        "pekerja klaster menjalankan lapkin-audit {found}, perintah ini {version}: pasang versi yang sama di setiap mesin",
        "the cluster's workers run lapkin-audit {found}, this command {version}: install the same version on every machine",
    ),
    "usage.cluster_memory": (
        "pekerja klaster menyatakan memori kurang dari yang dipakai pembaca lampirannya: {workers}; jalankan dengan --memory-limit lebih besar atau tanpa batas",
        "the cluster's workers declare less memory than their attachment readers may use: {workers}; start them with a larger --memory-limit, or none",
    ),
    "usage.shard": (
        "--shard {shard}: tulis I/N, dengan 1 ≤ I ≤ N (misalnya 2/4)",
        "--shard {shard}: write I/N, with 1 ≤ I ≤ N (for example 2/4)",
    ),
    # notes on standard error, where a run goes on or ends without a problem
    "note.no_touched": ("tidak ada dossier di antara berkas yang diberikan.", "no dossier among the files given."),
    "note.no_dossier": (
        "peringatan: tidak ada dossier.yaml di: {paths}; tidak ada yang dinilai (--fail-on-empty: keluar dengan status 2)",
        "warning: no dossier.yaml found under: {paths}; nothing was audited (--fail-on-empty: exit status 2)",
    ),
    "note.inputs_changed": (
        "semua dossier dinilai: yang menilai setiap dossier berubah sejak {ref} ({files})",
        "every dossier is audited: what judges every dossier changed since {ref} ({files})",
    ),
    "note.no_ocr_here": (
        "OCR (Tesseract dengan model bahasa Indonesia) tidak terpasang di komputer ini: {count} pindaian tidak"
        " dibaca (B006) dan tidak menggagalkan commit; CI yang memiliki OCR tetap menilainya (lihat README: OCR)",
        "OCR (Tesseract with its Indonesian model) is not installed on this computer: {count} scans were not"
        " read (B006) and do not stop the commit; CI, which has OCR, still judges them (see the README: OCR)",
    ),
    "note.none_changed": ("tidak ada dossier yang berubah sejak {ref}.", "no dossier changed since {ref}."),
    "note.shard_empty": ("tidak ada dossier di bagian {shard}.", "no dossier in part {shard}."),
    "note.baseline_written": (
        "baseline berisi {count} temuan ditulis ke {file}",
        "baseline of {count} findings written to {file}",
    ),
    "output.baseline_not_merged": (
        "--write-baseline {file}: berkas yang sudah ada tidak digabung dan tidak ditimpa, karena {problem};"
        " hapus berkas itu atau pilih berkas lain",
        "--write-baseline {file}: the existing file is neither merged nor replaced, as {problem}; remove it or"
        " choose another file",
    ),
    "note.baseline_kept": (
        "{count} catatan baseline untuk dossier atau aturan di luar penilaian ini dipertahankan",
        "{count} baseline entries of dossiers or rules outside this run were kept",
    ),
    "note.no_cache": ("cache {where} tidak dipakai: {error}", "not using the cache {where}: {error}"),
    "note.terminated": ("dihentikan; tidak ada laporan yang ditulis.", "terminated; no report written."),
    "note.interrupted": ("diinterupsi; tidak ada laporan yang ditulis.", "interrupted; no report written."),
    # why a cache (or its key) is not trusted (note.no_cache says it)
    "private.not_folder": ("{where} bukan folder (sebuah tautan?)", "{where} is not a folder (a link?)"),
    "private.other_owner": ("{where} milik pengguna lain", "{where} belongs to another user"),
    "private.others_write": ("pengguna lain dapat menulis {where}", "others can write {where}"),
    "private.no_dir_fd": (
        "sistem ini tidak dapat membuka folder relatif terhadap pegangannya",
        "this system cannot open files relative to a folder's handle",
    ),
    "private.key_not_file": ("kunci cache {where} bukan berkas biasa", "the cache key {where} is not a regular file"),
    "private.key_readable": (
        "kunci cache {where} dapat dibaca pengguna lain (harus mode 0600)",
        "others can read the cache key {where} (it must be mode 0600)",
    ),
    "private.key_damaged": (
        "kunci cache {where} rusak; hapus agar dibuat lagi",
        "the cache key {where} is damaged; delete it to have it made again",
    ),
    "private.in_audited": (
        "{where} berada di dalam folder yang diperiksa; simpan cache di luarnya",
        "{where} lies inside an audited folder; keep the cache outside it",
    ),
    "private.in_repository": (
        "{where} berada di dalam repositori git, tempat cache dapat di-commit; simpan cache di luar repositori",
        "{where} lies inside a git repository, where a cache can be committed; keep the cache outside any repository",
    ),
    # writing a report, a baseline, a skeleton
    "output.internal": (
        "kesalahan internal saat menulis laporan {format}: {error}",
        "internal error while writing the {format} report: {error}",
    ),
    "output.inside_dossier": (
        "tidak akan menulis {output} di dalam dossier {folder}: lapkin-audit tidak pernah menulis di dalam dossier",
        "will not write {output} inside the dossier {folder}: lapkin-audit never writes in a dossier",
    ),
    "output.cannot_write": ("tidak dapat menulis {path}: {error}", "cannot write {path}: {error}"),
    "output.folder": ("tidak dapat menulis {path}: itu sebuah folder", "cannot write {path}: it is a folder"),
    "output.exists": (
        "{path} sudah ada (pakai --force untuk menimpanya)",
        "{path} already exists (use --force to overwrite)",
    ),
    "output.cannot_create": ("tidak dapat membuat {path}: {error}", "cannot create {path}: {error}"),
    # a baseline file (--baseline)
    "baseline.unreadable": ("tidak dapat membaca {path}: {error}", "cannot read {path}: {error}"),
    "baseline.not_baseline": ("{path} bukan berkas baseline: {detail}", "{path} is not a baseline: {detail}"),
    # a rules file (SOP, calendar, trust); the file's name comes first
    "rules.not_a_folder": ("bukan folder berkas aturan", "not a folder of rules"),
    "rules.no_sop_id": ("sop.id tidak ada", "sop.id is missing"),
    "rules.top_level": (
        "berkas aturan memuat tepat satu kunci teratas: `sop`, `kalender`, `tte`, `psre` atau `kerangka`",
        "a rules file holds exactly one top-level key: `sop`, `kalender`, `tte`, `psre` or `kerangka`",
    ),
    "rules.unknown_part_kind": (
        "isi.bagian menyebut jenis dokumen {kind!r}, yang tidak didefinisikan `jenis_dokumen`",
        "isi.bagian names document kind {kind!r}, which `jenis_dokumen` does not define",
    ),
    "rules.unknown_outline": (
        "isi.bagian.{kind} menyebut kerangka {outline!r} yang tidak dikenal (yang dikenal: {known})",
        "isi.bagian.{kind} names an unknown outline {outline!r} (known: {known})",
    ),
    "rules.formula_direction": (
        "isi.indikator {nama!r}: rumus {rumus} bukan untuk arah {arah}",
        "isi.indikator {nama!r}: rumus {rumus} is not for arah {arah}",
    ),
    "rules.defined_twice": ("{what} juga didefinisikan di {other}", "{what} is also defined in {other}"),
    "rules.yaml": ("{problem}", "{problem}"),
    "rules.yaml_at": ("baris {line}: {problem}", "line {line}: {problem}"),
    "rules.at_line": ("baris {line}: {problem}", "line {line}: {problem}"),
    "rules.just": ("{problem}", "{problem}"),
    "rules.invalid": ("tidak sesuai format berkas aturan: {detail}", "{detail}"),
    "rules.incomplete": (
        "belum lengkap: {count} celah di `celah` ({fields}) harus dilengkapi, lalu `celah` dihapus (lihat docs/importing-sops.md)",
        "incomplete: {count} gaps listed in `celah` ({fields}) must be completed, then `celah` removed (see docs/importing-sops.md)",
    ),
    "rules.incomplete_more": (
        "belum lengkap: {count} celah di `celah` ({fields} dan {more} lagi) harus dilengkapi, lalu `celah` dihapus (lihat docs/importing-sops.md)",
        "incomplete: {count} gaps listed in `celah` ({fields} and {more} more) must be completed, then `celah` removed (see docs/importing-sops.md)",
    ),
    "rules.unknown_calendar": (
        "sop.kalender menyebut kalender yang tidak dikenal {calendar!r} (dikenal: {known})",
        "sop.kalender names an unknown calendar {calendar!r} (known: {known})",
    ),
    "rules.total_time": (
        "jumlah_waktu {total!r} ({minutes} menit kerja) bukan jumlah waktu langkah-langkahnya ({listed} = {summed} menit kerja)",
        "jumlah_waktu {total!r} ({minutes} working minutes) is not the sum of the steps' waktu ({listed} = {summed} working minutes)",
    ),
    "rules.unknown_role": (
        "{where} menyebut peran {name!r}, yang tidak didefinisikan `peran`",
        "{where} names role {name!r}, which `peran` does not define",
    ),
    "rules.unknown_kind": (
        "{where} menyebut jenis dokumen {name!r}, yang tidak didefinisikan `jenis_dokumen`",
        "{where} names document kind {name!r}, which `jenis_dokumen` does not define",
    ),
    "rules.time_per_item": (
        "{where}.waktu: {waktu!r} adalah waktu per butir; tulis batas langkahnya sebagai `total`",
        "{where}.waktu: {waktu!r} is a time per item; give the step's limit as `total`",
    ),
    "rules.steps_repeat": ("nomor langkah berulang: {numbers}", "langkah numbers repeat: {numbers}"),
    "rules.steps_order": (
        "langkah harus diurutkan menurut nomor: {numbers}",
        "langkah must be listed in order of nomor: {numbers}",
    ),
    "rules.unknown_step": (
        "langkah {step}: keputusan {hasil!r} menuju langkah yang tidak ada {target}",
        "langkah {step}: keputusan {hasil!r} leads to unknown step {target}",
    ),
    "rules.waktu": ("{where}: {detail}", "{where}: {detail}"),
    # a calendar file
    "rules.calendar_shape": (
        "seharusnya peta dengan kunci 'kalender'",
        "expected a mapping with the key 'kalender'",
    ),
    "rules.interval_order": (
        "{where}: selang {start}-{end} harus dimulai sebelum berakhir",
        "{where}: interval {start}-{end} must start before it ends",
    ),
    "rules.intervals_overlap": (
        "{where}: selang {first} dan {second} bertumpang tindih",
        "{where}: intervals {first} and {second} overlap",
    ),
    "rules.periods_overlap": (
        "kalender.jam_kerja: masa {outer!r} (sejak {outer_start}, sampai {outer_end}) dan {inner!r} (sejak {inner_start}) bertumpang tindih; sebuah masa hanya boleh berada utuh di dalam masa lain",
        "kalender.jam_kerja: periods {outer!r} (from {outer_start}, until {outer_end}) and {inner!r} (from {inner_start}) overlap; a period may only lie wholly inside another",
    ),
    "rules.periods_overlap_open": (
        "kalender.jam_kerja: masa {outer!r} (sejak {outer_start}, tanpa akhir) dan {inner!r} (sejak {inner_start}) bertumpang tindih; sebuah masa hanya boleh berada utuh di dalam masa lain",
        "kalender.jam_kerja: periods {outer!r} (from {outer_start}, open-ended) and {inner!r} (from {inner_start}) overlap; a period may only lie wholly inside another",
    ),
    "rules.validity_order": (
        "{where}: berlaku_sampai {end} sebelum berlaku_mulai {start}",
        "{where}: berlaku_sampai {end} is before berlaku_mulai {start}",
    ),
    "rules.listed_twice": ("kalender.{key}: {date} tercantum dua kali", "kalender.{key}: {date} is listed twice"),
    "rules.added_and_removed": (
        "kalender: {date} ada di tambah_libur sekaligus hapus_libur",
        "kalender: {date} is in both tambah_libur and hapus_libur",
    ),
    "rules.not_a_holiday": (
        "kalender.hapus_libur: {date} bukan libur nasional atau cuti bersama; tidak ada yang dihapus",
        "kalender.hapus_libur: {date} is not a national holiday or cuti bersama; nothing to remove",
    ),
    "rules.addition_key": (
        "kalender.{key}: berkas kalender tanpa jam_kerja hanya menambah hari ke kalender lain ({keys}); kalender sendiri memerlukan jam_kerja",
        "kalender.{key}: a calendar file without jam_kerja only adds days to another calendar ({keys}); a calendar of its own needs jam_kerja",
    ),
    "rules.no_calendar_to_extend": (
        "kalender.id: tidak ada kalender {target!r} untuk ditambahi hari",
        "kalender.id: no calendar {target!r} to add days to",
    ),
    # a trust file (tte)
    # a file of certified providers (psre)
    "rules.psre_shape": (
        "psre: seharusnya daftar {{id, nama, sumber}}",
        "psre: expected a list of {{id, nama, sumber}}",
    ),
    "rules.psre_entry": ("{where}: seharusnya {{id, nama, sumber}}", "{where}: expected {{id, nama, sumber}}"),
    "rules.psre_id": (
        "{where}.id: seharusnya id huruf kecil, bukan {ident!r}",
        "{where}.id: expected a lowercase id, got {ident!r}",
    ),
    "rules.psre_twice": ("{where}.id: {ident} tercantum dua kali", "{where}.id: {ident} is listed twice"),
    "rules.psre_names": ("{where}.nama: seharusnya daftar nama", "{where}.nama: expected a list of names"),
    "rules.psre_short_name": (
        "{where}.nama: {name!r} kurang dari {letters} huruf",
        "{where}.nama: {name!r} has fewer than {letters} letters",
    ),
    "rules.psre_source": (
        "{where}.sumber: sebutkan dari mana nama itu berasal",
        "{where}.sumber: say where the name comes from",
    ),
    "rules.tte_shape": (
        "tte: seharusnya peta dengan akar_tepercaya, daftar_pencabutan, toleransi",
        "tte: expected a mapping with akar_tepercaya, daftar_pencabutan, toleransi",
    ),
    "rules.tte_unknown_key": (
        "kunci tte.{key} tidak dikenal (dikenal: {known})",
        "unknown key tte.{key} (known: {known})",
    ),
    "rules.tte_root_shape": ("{where}: seharusnya {{berkas, sha256}}", "{where}: expected {{berkas, sha256}}"),
    "rules.tte_pin_shape": (
        "{where}.sha256: seharusnya 64 digit heksadesimal (titik dua boleh), tertulis {pin!r}",
        "{where}.sha256: expected 64 hex digits (colons allowed), got {pin!r}",
    ),
    "rules.tte_pin": (
        "{where}: {name} ber-SHA-256 {found}, bukan {pin} yang ditetapkan; akar tepercaya hanya diganti bersama penetapannya",
        "{where}: {name} has SHA-256 {found}, not the pinned {pin}; a trust root is changed only together with its pin",
    ),
    "rules.tte_tolerance_shape": (
        "tte.toleransi: seharusnya {{menit, hari}}",
        "tte.toleransi: expected {{menit, hari}}",
    ),
    "rules.tte_tolerance": (
        "tte.toleransi.{name}: seharusnya bilangan bulat paling kecil 0, tertulis {value!r}",
        "tte.toleransi.{name}: expected a whole number of at least 0, got {value!r}",
    ),
    "rules.tte_list": ("tte.{key}: seharusnya daftar", "tte.{key}: expected a list"),
    "rules.tte_no_name": ("{where}.berkas: seharusnya nama berkas", "{where}.berkas: expected a file name"),
    "rules.tte_outside": (
        "{where}.berkas: {name} berada di luar folder aturan",
        "{where}.berkas: {name} is outside the rules folder",
    ),
    "rules.tte_unreadable": (
        "{where}.berkas: tidak dapat membaca {name}: {error}",
        "{where}.berkas: cannot read {name}: {error}",
    ),
    "rules.tte_too_large": (
        "{where}.berkas: {name} lebih besar dari {mib} MiB",
        "{where}.berkas: {name} is larger than {mib} MiB",
    ),
    "rules.tte_pem_kind": (
        "{where}.berkas: {name} berisi {found}, bukan {label}",
        "{where}.berkas: {name} holds a {found}, not a {label}",
    ),
    "rules.tte_unparsable": (
        "{where} bukan {label} yang dapat dibaca: {error}",
        "{where} is not a readable {label}: {error}",
    ),
    # a configuration file or rules folder that others could have planted or changed (load.owner)
    "trust.config_file": ("berkas konfigurasi", "configuration file"),
    "trust.rules_folder": ("folder aturan", "rules folder"),
    "trust.rules_file": ("berkas aturan", "rules file"),
    "trust.other_owner": (
        "{what} {where} milik pengguna lain ({owner}), bukan Anda atau root, sehingga tidak dipakai: siapa pun"
        " yang dapat menulis folder di atasnya dapat menaruhnya di sana. Jika Anda mempercayainya, sebutkan"
        " dengan --config atau --rules, atau ubah pemiliknya; --isolated tidak membaca konfigurasi",
        "the {what} {where} belongs to another user ({owner}), not you or root, so it is not used: anyone who"
        " can write a folder above it could have put it there. If you trust it, name it with --config or"
        " --rules, or change its owner; --isolated reads no configuration",
    ),
    "trust.others_write": (
        "{what} {where} dapat diubah oleh pengguna lain, sehingga tidak dipakai; cabut izin tulis mereka (chmod o-w)",
        "the {what} {where} can be changed by other users, so it is not used; take away their write access (chmod o-w)",
    ),
    "trust.group_write": (
        "{what} {where} dapat diubah oleh anggota grup lain, sehingga tidak dipakai; cabut izin tulis grup (chmod g-w)",
        "the {what} {where} can be changed by members of another group, so it is not used; take away the group's"
        " write access (chmod g-w)",
    ),
    "trust.folder_others_write": (
        "{what} {where} ada di folder yang dapat ditulis pengguna lain, sehingga tidak dipakai: mereka dapat"
        " menggantinya; pindahkan ke folder milik Anda",
        "the {what} {where} lies in a folder other users can write, so it is not used: they could replace it;"
        " move it to a folder of your own",
    ),
    "usage.configs_differ": (
        "PATHS diatur oleh berkas konfigurasi yang berbeda ({files}): periksa satu per satu, atau pilih satu dengan --config",
        "PATHS are governed by different configuration files ({files}): audit them one at a time, or choose one"
        " with --config",
    ),
    # the configuration file; its name comes first
    "config.unknown_key": ("kunci {name!r} tidak dikenal{hint}", "unknown key {name!r}{hint}"),
    "config.value": ("{name} {problem}", "{name} {problem}"),
    "config.unreadable": ("tidak dapat dibaca: {error}", "cannot read it: {error}"),
    "config.too_large": (
        "lebih besar dari {kib} KiB; benarkah ini berkas konfigurasi?",
        "larger than {kib} KiB; is it really a configuration file?",
    ),
    "config.not_utf8": ("bukan teks UTF-8; simpan sebagai UTF-8", "not UTF-8 text; save it as UTF-8"),
    "config.not_toml": ("bukan TOML yang sah: {detail}", "not valid TOML: {detail}"),
    "config.pyproject_table": ("[tool.lapkin-audit] harus berupa tabel", "[tool.lapkin-audit] must be a table"),
    "config.per_path_table": (
        'per-path-ignores harus berupa tabel pola, mis. "arsip/2019/*" = ["W"]',
        'per-path-ignores must be a table of patterns, e.g. "arsip/2019/*" = ["W"]',
    ),
    "config.per_path_pattern": (
        "per-path-ignores: {pattern!r} harus berupa pola relatif terhadap folder berkas ini",
        "per-path-ignores: {pattern!r} must be a pattern relative to the file's folder",
    ),
    "config.per_path_value": ("per-path-ignores {pattern!r} {problem}", "per-path-ignores {pattern!r} {problem}"),
    "hint.hyphens": (
        " (maksud Anda {suggestion!r}? kunci ditulis dengan tanda hubung)",
        " (did you mean {suggestion!r}? keys are written with hyphens)",
    ),
    "hint.close": (" (maksud Anda {suggestion!r}?)", " (did you mean {suggestion!r}?)"),
    "hint.known": (" (yang dikenal: {known})", " (known keys: {known})"),
    # a value of a setting, in the configuration file
    "value.boolean": ("harus true atau false, bukan {raw!r}", "must be true or false, not {raw!r}"),
    "value.choice": (
        "harus salah satu dari {allowed}, bukan {raw!r}{hint}",
        "must be one of {allowed}, not {raw!r}{hint}",
    ),
    "value.whole": (
        "harus bilangan bulat paling kecil {least}, bukan {raw!r}",
        "must be a whole number of at least {least}, not {raw!r}",
    ),
    "value.seconds": (
        "harus jumlah detik (0: tanpa batas), bukan {raw!r}",
        "must be a number of seconds (0: no limit), not {raw!r}",
    ),
    "value.seconds_least": (
        "harus jumlah detik paling kecil {least}, bukan {raw!r}",
        "must be a number of seconds of at least {least}, not {raw!r}",
    ),
    "value.path": ("harus berupa path, bukan {raw!r}", "must be a path, not {raw!r}"),
    "value.url": ("harus berupa alamat https://, bukan {raw!r}", "must be an https:// address, not {raw!r}"),
    "value.folders": ("harus berupa daftar folder, bukan {raw!r}", "must be a list of folders, not {raw!r}"),
    "value.not_a_folder": (
        "menyebut {item!r}, yang bukan folder (path relatif terhadap folder berkas ini)",
        "names {item!r}, which is not a folder (paths are relative to the file's folder)",
    ),
    "value.codes": (
        'harus berupa daftar kode atau awalan aturan seperti ["K", "T001"], bukan {raw!r}',
        'must be a list of rule codes or prefixes such as ["K", "T001"], not {raw!r}',
    ),
    "value.unknown_codes": (
        "menyebut kode atau awalan aturan yang tidak dikenal: {codes} (lihat `lapkin-audit rules`)",
        "names unknown rule codes or prefixes: {codes} (see `lapkin-audit rules`)",
    ),
}


def render(message_id: str, args: Mapping[str, Any], lang: str) -> str:
    """A problem's text in ``lang``; an argument that is itself coded (it has ``text(lang)``)
    is rendered in the same language."""
    template = PROBLEMS[message_id][1 if lang == "en" else 0]
    values = {key: value.text(lang) if callable(getattr(value, "text", None)) else value for key, value in args.items()}
    return template.format(**values)
