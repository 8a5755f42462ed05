"""The desk in process (Starlette's TestClient): check a dossier, fill the daftar berkas,
print, the history; and every hostile request refused."""

from __future__ import annotations

import hashlib
import html as htmllib
import io
import re
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from lapkin_audit.desk import unzip
from lapkin_audit.desk.app import create_app
from lapkin_audit.desk.attach import safe_filename
from lapkin_audit.desk.state import Desk

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "dossiers"
W001 = "w001-langkah-2-terlambat"
BASE = "http://127.0.0.1:8765"
# A <script> element that is not a reference to the desk's own file.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=\"/static/desk\.js\")", re.I)


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "kerja"
    for name in (W001, "patuh"):
        shutil.copytree(FIXTURES / name, root / name)
    return root


@pytest.fixture
def desk(workspace, tmp_path):
    return Desk(workspace, "id", tmp_path / "data", no_cache=True)


@pytest.fixture
def client(desk):
    with TestClient(create_app(desk, hosts=("127.0.0.1", "localhost")), base_url=BASE) as c:
        yield c


def key_of(desk: Desk, name: str) -> str:
    (key,) = [k for k, folder in desk.dossiers.items() if folder.name == name]
    return key


def checked(client, desk: Desk, key: str) -> str:
    """Start a check, wait for its job (no clock), and return the result page."""
    started = client.post(f"/d/{key}/periksa", data={"csrf": desk.csrf}, follow_redirects=False)
    assert started.status_code == 303
    job = started.headers["location"].rsplit("/", 1)[1]
    desk.jobs[job].future.result()
    page = client.get(started.headers["location"])
    assert page.status_code == 200 and str(page.url).endswith(f"/d/{key}/hasil")
    return page.text


def test_home_lists_the_dossiers_and_every_page_is_locked_down(client, desk):
    page = client.get("/")
    assert page.status_code == 200
    assert W001 in page.text and "patuh" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and page.headers["x-content-type-options"] == "nosniff"
    assert not INLINE_SCRIPT.search(page.text)
    assert 'name="csrf"' in page.text


def test_a_dossier_made_while_the_desk_runs_appears_on_reload(client, desk, workspace):
    assert "w001-dikecualikan" not in client.get("/").text
    shutil.copytree(FIXTURES / "w001-dikecualikan", workspace / "w001-dikecualikan")
    assert "w001-dikecualikan" in client.get("/").text


def test_check_shows_the_report_in_the_auditors_words(client, desk):
    key = key_of(desk, W001)
    progress = client.post(f"/d/{key}/periksa", data={"csrf": desk.csrf}, follow_redirects=False)
    job = progress.headers["location"].rsplit("/", 1)[1]
    desk.jobs[job].future.result()
    status = client.get(f"/d/{key}/proses/{job}/status").json()
    assert status["done"] is True and status["next"].endswith(job)
    text = checked(client, desk, key)
    assert 'class="verdict-label">TIDAK PATUH' in text
    assert "W001" in text and "Rekomendasi:" in text and "Oleh:</span> Tim Akuntabilitas Kinerja" in text
    assert not INLINE_SCRIPT.search(text)


def test_fixing_a_date_in_the_form_clears_the_temuan_and_keeps_the_file(client, desk, workspace):
    key = key_of(desk, W001)
    checked(client, desk, key)
    form = client.get(f"/d/{key}/isian").text
    # the finding is beside its field, in the checker's words
    field = re.search(r'<label for="(f\d+)">selesai</label>\s*<input id="\1" name="langkah\[1\]\.selesai"[^>]*>', form)
    assert field is not None
    beside = form[field.end() : field.end() + 400]
    assert "W001: Langkah 2 (Menyusun draft laporan) memakan" in beside
    manifest = workspace / W001 / "dossier.yaml"
    before = manifest.read_text(encoding="utf-8")
    saved = client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, "langkah[1].selesai": "2024-07-02T08:00:00+07:00"})
    assert saved.status_code == 200 and "Tersimpan: 1 isian diubah" in saved.text
    after = manifest.read_text(encoding="utf-8")
    assert after == before.replace("selesai: 2024-07-02T09:00:00+07:00", "selesai: 2024-07-02T08:00:00+07:00")
    assert "W001:" not in saved.text
    text = checked(client, desk, key)
    assert 'class="verdict-label">PATUH<' in text and "W001" not in text
    history = client.get(f"/d/{key}/riwayat").text
    rows = re.findall(r"<tr><td>[^<]+</td><td>([A-Z ]+)</td><td class=\"num\">(\d+)</td>", history)
    assert rows[0] == ("PATUH", "0") and ("TIDAK PATUH", "1") in rows  # newest first: the temuan went down


def test_a_wrong_value_is_named_beside_its_field(client, desk):
    key = key_of(desk, W001)
    saved = client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, "periode.tahun": "dua ribu"}).text
    field = saved.index('name="periode.tahun"')
    assert 'value="dua ribu"' in saved[field : field + 200]
    assert "E003" in saved[field : field + 600]


def test_plt_is_chosen_not_typed(client, desk, workspace):
    key = key_of(desk, W001)
    form = client.get(f"/d/{key}/isian").text
    assert '<option value="plt">Plt. (jabatan kosong)</option>' in form
    client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, "pejabat.camat.status": "plt"})
    assert '"19700312 199003 1 004", status: plt}' in (workspace / W001 / "dossier.yaml").read_text(encoding="utf-8")
    client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, "pejabat.sekretaris.status": "bupati"})
    assert "bupati" not in (workspace / W001 / "dossier.yaml").read_text(encoding="utf-8")


def _select(form: str, name: str) -> str:
    found = re.search(rf'<select id="f\d+" name="{re.escape(name)}"[^>]*>(.*?)</select>', form, re.S)
    assert found is not None, name
    return found.group(1)


def test_closed_sets_roles_and_document_kinds_are_chosen_by_their_names(client, desk, workspace):
    key = key_of(desk, W001)
    manifest = workspace / W001 / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "pelaksana: [{peran: tim, " in text  # step 2's, the first "peran: tim" of the file
    form = client.get(f"/d/{key}/isian").text
    roles = _select(form, "langkah[1].pelaksana[0].peran")
    assert '<option value="tim" selected>Tim Akuntabilitas Kinerja</option>' in roles
    assert '<option value="sub_umum">Sub Bagian Umum</option>' in roles
    kinds = _select(form, "dokumen[0].jenis")
    assert '<option value="sk_tim_akuntabilitas" selected>SK Tim Akuntabilitas Kinerja</option>' in kinds
    assert '<option value="triwulan" selected>triwulan</option>' in _select(form, "periode.jenis")  # not a kind
    assert '<option value="Asia/Jakarta" selected>WIB (Asia/Jakarta)</option>' in _select(form, "instansi.zona_waktu")
    assert '<option value="pelaporan-kinerja" selected>Pelaporan Kinerja</option>' in _select(form, "sop")
    client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, "langkah[1].pelaksana[0].peran": "sub_umum"})
    saved = manifest.read_text(encoding="utf-8")
    assert saved == text.replace("peran: tim", 'peran: "sub_umum"', 1)  # only that value changed


def test_a_role_the_sop_does_not_know_stays_as_it_is(client, desk, workspace):
    key = key_of(desk, W001)
    manifest = workspace / W001 / "dossier.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("peran: tim", "peran: bendahara", 1), "utf-8")
    form = client.get(f"/d/{key}/isian").text
    assert '<option value="bendahara" selected>bendahara (tidak dikenal)</option>' in form


def test_an_uploaded_attachment_lands_in_lampiran_with_its_sha256(client, desk, workspace):
    key = key_of(desk, "patuh")
    index = 5  # {jenis: data_kinerja_musrenbangcam}: no file yet
    body = b"%PDF-1.4\n% data musrenbangcam\n"
    page = client.post(
        f"/d/{key}/lampiran/{index}",
        data={"csrf": desk.csrf},
        files={"berkas": ("Data Musrenbangcam 2024.pdf", body, "application/pdf")},
    )
    assert "Lampiran lampiran/Data Musrenbangcam 2024.pdf tersimpan" in page.text
    folder = workspace / "patuh"
    assert (folder / "lampiran" / "Data Musrenbangcam 2024.pdf").read_bytes() == body
    # As readable as the dossier's other files (not a temporary file's 0600), nothing half-written left.
    assert (folder / "lampiran" / "Data Musrenbangcam 2024.pdf").stat().st_mode & 0o777 == 0o644
    assert not [p.name for p in folder.rglob("*.tmp")]
    text = (folder / "dossier.yaml").read_text(encoding="utf-8")
    digest = hashlib.sha256(body).hexdigest()
    entry = f'{{jenis: data_kinerja_musrenbangcam, berkas: "lampiran/Data Musrenbangcam 2024.pdf", sha256: {digest}}}'
    assert entry in text


def test_printing_carries_the_reviewer_never_invented(client, desk):
    key = key_of(desk, "patuh")
    checked(client, desk, key)
    page = client.get(f"/d/{key}/cetak", params={"nama": "Drs. Hadi <b>", "nip": "19700101 199001 1 001"}).text
    assert '<strong class="reviewer-name">Drs. Hadi &lt;b&gt;</strong>' in page
    assert "19700101 199001 1 001" in page and "reviewer-date" not in page  # no date entered: none printed
    assert "counter(page)" in page  # page numbers when printed


# --------------------------------------------------------------------------- hostile


def test_a_post_without_the_csrf_token_is_refused(client, desk, workspace):
    key = key_of(desk, W001)
    before = (workspace / W001 / "dossier.yaml").read_bytes()
    refused = client.post(f"/d/{key}/isian", data={"periode.tahun": "1999"})
    assert refused.status_code == 403 and "token formulir" in refused.text
    assert client.post(f"/d/{key}/periksa", data={"csrf": "x"}).status_code == 403
    assert (workspace / W001 / "dossier.yaml").read_bytes() == before


def test_unknown_hosts_keys_and_paths_are_refused(client, desk, tmp_path):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400  # DNS rebinding
    assert client.get("/d/0000000000000000/isian").status_code == 404
    assert client.get("/d/..%2f..%2fetc/isian").status_code == 404
    assert client.get("/static/../app.py").status_code == 404
    outside = tmp_path / "bukan-dossier"
    outside.mkdir()
    assert client.post("/buka", data={"csrf": desk.csrf, "folder": str(outside)}).status_code == 400
    assert client.post("/buka", data={"csrf": desk.csrf, "folder": str(tmp_path / "tidak-ada")}).status_code == 400


def test_another_host_needs_the_token(desk):
    app = create_app(desk, hosts=(), token="rahasia")
    with TestClient(app, base_url="http://192.0.2.10:8765") as c:
        assert c.get("/").status_code == 403
        assert c.get("/?token=salah").status_code == 403
        assert c.get("/?token=rahasia").status_code == 200


def test_uploads_are_size_limited(client, desk, monkeypatch):
    import lapkin_audit.desk.app as app_module

    key = key_of(desk, "patuh")
    desk_app = create_app(desk, hosts=("127.0.0.1",))
    desk_app.limit = 1000
    with TestClient(desk_app, base_url=BASE) as small:
        big = small.post(f"/d/{key}/lampiran/5", data={"csrf": desk.csrf}, files={"berkas": ("a.pdf", b"x" * 5000)})
    assert big.status_code == 413
    assert app_module.UPLOAD_LIMIT >= 50 * 1024 * 1024


@pytest.mark.parametrize(
    "name", ["", ".htaccess", "a\u202egpj.pdf", "con.pdf", "a<b>.pdf", "x\x00.pdf", "nama.", "a" * 200 + ".pdf"]
)
def test_hostile_attachment_names_are_refused(name):
    assert safe_filename(name) is None


def test_an_attachment_name_keeps_only_its_last_part():
    assert safe_filename("..\\..\\windows\\system32\\lra.pdf") == "lra.pdf"
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("SK Tim 2024.pdf") == "SK Tim 2024.pdf"


def test_an_attachment_is_never_written_through_a_link(client, desk, workspace, tmp_path):
    key = key_of(desk, "patuh")
    target = tmp_path / "di-luar.pdf"
    target.write_bytes(b"asli")
    (workspace / "patuh" / "lampiran" / "tautan.pdf").symlink_to(target)
    page = client.post(
        f"/d/{key}/lampiran/5", data={"csrf": desk.csrf}, files={"berkas": ("tautan.pdf", b"%PDF-1.4 lain")}
    )
    assert "Lampiran ditolak" in page.text and target.read_bytes() == b"asli"


def _zip(entries: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def test_a_dropped_zip_opens_as_a_dossier(client, desk):
    manifest = (FIXTURES / "patuh" / "dossier.yaml").read_bytes()
    page = client.post("/zip", data={"csrf": desk.csrf}, files={"zip": ("d.zip", _zip({"lkj/dossier.yaml": manifest}))})
    assert page.status_code == 200 and "lkj" in page.text
    assert any(folder.name == "lkj" and desk.data in folder.parents for folder in desk.dossiers.values())


@pytest.mark.parametrize(
    ("entries", "links", "reason"),
    [
        ({"dossier.yaml": b"x", "../../luar.txt": b"x"}, (), "zip_unsafe"),
        ({"dossier.yaml": b"x", "/etc/cron.d/x": b"x"}, (), "zip_unsafe"),
        ({"dossier.yaml": b"x", "C:/Windows/x": b"x"}, (), "zip_unsafe"),
        ({"dossier.yaml": b"x", "a\\..\\..\\x": b"x"}, (), "zip_unsafe"),
        ({"dossier.yaml": b"x"}, ("lampiran/tautan",), "zip_unsafe"),
        ({"dossier.yaml": b"x", "lampiran/lra.pdf:aliran": b"x"}, (), "zip_unsafe"),  # an NTFS stream
        ({"dossier.yaml": b"x", "lampiran/CON.pdf": b"x"}, (), "zip_unsafe"),  # the console, on Windows
        ({"dossier.yaml": b"x", "lampiran/lra.pdf.": b"x"}, (), "zip_unsafe"),  # Windows drops the dot
        ({"dossier.yaml": b"x", "lampiran/./lra.pdf": b"x"}, (), "zip_unsafe"),
        ({"dossier.yaml": b"x", "lampiran/bom.pdf": b"\0" * (8 * 1024 * 1024)}, (), "zip_bomb"),
        ({"bukan.txt": b"x"}, (), "zip_no_dossier"),
    ],
)
def test_hostile_zips_are_refused_before_anything_is_written(tmp_path, entries, links, reason):
    archive = tmp_path / "a.zip"
    archive.write_bytes(_zip(entries, links))
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(unzip.Refused) as refused:
        unzip.extract(archive, target)
    assert refused.value.reason == reason
    assert list(target.iterdir()) == []


def test_a_zip_made_by_windows_tools_opens(client, desk):
    """Older Windows tools (PowerShell's Compress-Archive) wrote backslashes between folders."""
    manifest = (FIXTURES / "patuh" / "dossier.yaml").read_bytes()
    entries = {"Laporan Q2\\dossier.yaml": manifest, "Laporan Q2\\lampiran\\catatan.txt": b"isi"}
    page = client.post("/zip", data={"csrf": desk.csrf}, files={"zip": ("d.zip", _zip(entries))})
    assert page.status_code == 200
    (folder,) = [f for f in desk.dossiers.values() if desk.data in f.parents]
    assert folder.name == "Laporan Q2" and (folder / "lampiran" / "catatan.txt").read_bytes() == b"isi"


def test_a_folder_is_opened_by_its_manifests_path_with_spaces_and_quotes(client, desk, tmp_path):
    """What Explorer's "Copy as path" gives: the file's path, in quotes, spaces inside."""
    folder = tmp_path / "Dokumen Kantor" / "LKj Triwulan II"
    shutil.copytree(FIXTURES / "patuh", folder)
    page = client.post("/buka", data={"csrf": desk.csrf, "folder": f'"{folder / "dossier.yaml"}"'})
    assert page.status_code == 200 and "LKj Triwulan II" in page.text
    assert folder.resolve() in desk.dossiers.values()


def test_a_save_the_system_refuses_is_said_in_words(client, desk, workspace, monkeypatch):
    """On Windows another program holding dossier.yaml open makes the replace fail."""
    import os

    key = key_of(desk, W001)
    manifest = workspace / W001 / "dossier.yaml"
    before = manifest.read_bytes()

    def held(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", held)
    page = client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, "langkah[1].selesai": "2024-07-02T08:00:00+07:00"})
    assert page.status_code == 200 and "Tidak disimpan: berkas tidak dapat ditulis (Permission denied)" in page.text
    assert manifest.read_bytes() == before and not list(manifest.parent.glob(".dossier.*"))
    uploaded = client.post(
        f"/d/{key}/lampiran/5", data={"csrf": desk.csrf}, files={"berkas": ("baru.pdf", b"%PDF-1.4 baru")}
    )
    assert uploaded.status_code == 200 and "Tidak disimpan: berkas tidak dapat ditulis" in uploaded.text
    assert not (workspace / W001 / "lampiran" / "baru.pdf").exists()


def test_not_a_zip_is_refused(client, desk):
    page = client.post("/zip", data={"csrf": desk.csrf}, files={"zip": ("d.zip", b"PK\x03\x04 rusak")})
    assert page.status_code == 400 and "bukan berkas zip yang sah" in page.text


def test_a_dossiers_text_is_shown_never_run(client, desk, workspace):
    manifest = workspace / W001 / "dossier.yaml"
    text = manifest.read_text(encoding="utf-8")
    hostile = "<script>alert(1)</script>\u202eSOS"
    manifest.write_text(text.replace('"Siti Aminah, S.Sos"', f'"{hostile}"', 1), encoding="utf-8")
    key = key_of(desk, W001)
    for page in (client.get(f"/d/{key}/isian").text, checked(client, desk, key)):
        assert "<script>alert" not in page and "\u202e" not in page
        assert not INLINE_SCRIPT.search(page)
    form = client.get(f"/d/{key}/isian").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;\\u202eSOS" in form
    # sent back as shown, the escaped value is no change: the manifest keeps the real text
    values = dict(re.findall(r'name="([^"]+)" type="text" value="([^"]*)"', form))
    client.post(f"/d/{key}/isian", data={"csrf": desk.csrf, **{k: htmllib.unescape(v) for k, v in values.items()}})
    assert hostile in manifest.read_text(encoding="utf-8")


def test_the_command_starts_the_desk_on_this_computer_only(tmp_path):
    """`lapkin-audit desk --no-browser --port 0`: it names the port the system gave once it
    listens, answers there, refuses another Host, and Ctrl+C closes it (status 0, in words)."""
    import os
    import signal
    import subprocess
    import sys
    import urllib.error
    import urllib.request

    env = {**os.environ, "LAPKIN_AUDIT_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "lapkin_audit", "desk", "--no-browser", "--port", "0", str(FIXTURES / "patuh")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True)
    try:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert url is not None, line + (process.stderr.read() if process.poll() is not None else "")
        with urllib.request.urlopen(url.group()) as response:
            assert response.status == 200 and "patuh" in response.read().decode()
        forged = urllib.request.Request(url.group(), headers={"Host": "evil.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(forged)
        assert refused.value.code == 400
        refused.value.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err
        assert out.strip() == "Meja Sekretaris berhenti." and err == ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=60)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_a_port_in_use_is_said_in_words(tmp_path):
    import os
    import socket
    import subprocess
    import sys

    env = {**os.environ, "LAPKIN_AUDIT_DATA_DIR": str(tmp_path / "data")}
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        command = [sys.executable, "-m", "lapkin_audit", "desk", "--no-browser", "--port", port, str(FIXTURES)]
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"lapkin-audit: alamat 127.0.0.1:{port} tidak dapat dipakai (")
    assert "--port 8766" in done.stderr and "Traceback" not in done.stderr


def test_the_desk_judges_with_the_rules_folders_it_was_given(tmp_path):
    """`desk --rules`: a signed dossier is judged with the office's trust, as `check --rules` does."""
    folder = FIXTURES / "patuh-tte"
    plain = next(iter(Desk(tmp_path, "id", tmp_path / "a", no_cache=True).audit(folder).results))
    trusted = Desk(tmp_path, "id", tmp_path / "b", no_cache=True, rules=(str(ROOT / "fixtures/tte/aturan-uji"),))
    result = next(iter(trusted.audit(folder).results))
    assert "S008" in {f.rule for f in plain.findings}
    assert result.verdict.name == "PATUH" and result.findings == ()
