"""A first dossier, as the guide starts one: ``lapkin-audit init`` writes the skeleton (its
nulls, its anchors merged with ``<<: *camat``), then the desk's form fills it in."""

from __future__ import annotations

from click.testing import CliRunner
from starlette.testclient import TestClient

from lapkin_audit.authoring import formedit
from lapkin_audit.cli import cli
from lapkin_audit.desk.app import create_app
from lapkin_audit.desk.state import Desk


def _skeleton(tmp_path):
    folder = tmp_path / "Laporan Kinerja" / "2025 TW1"
    done = CliRunner().invoke(cli, ["init", str(folder), "--tahun", "2025", "--ke", "1"])
    assert done.exit_code == 0, done.output
    return folder


def test_the_skeletons_nulls_are_fields_and_its_merged_keys_are_not(tmp_path):
    form = formedit.read(_skeleton(tmp_path) / "dossier.yaml")
    assert form.problem is None
    fields = form.by_path()
    assert fields["langkah[0].mulai"].value == "" and fields["langkah[0].mulai"].kind == formedit.DATETIME
    assert fields["dokumen[0].berlaku_mulai"].kind == formedit.DATE
    # {peran: camat, <<: *camat, tanggal: null}: nama and nip are the anchor's, filled under pejabat
    assert "dokumen[0].tanda_tangan[0].tanggal" in fields
    assert "dokumen[0].tanda_tangan[0].nama" not in fields and "pejabat.camat.nama" in fields


def test_filling_the_skeleton_in_the_form_writes_only_those_values(tmp_path):
    folder = _skeleton(tmp_path)
    manifest = folder / "dossier.yaml"
    before = manifest.read_text(encoding="utf-8")
    desk = Desk(folder.parent, "id", tmp_path / "data", no_cache=True)
    with TestClient(create_app(desk, hosts=("testserver",))) as client:
        (key,) = desk.dossiers
        form = client.get(f"/d/{key}/isian")
        assert form.status_code == 200 and 'name="langkah[0].mulai"' in form.text
        values = {
            "csrf": desk.csrf,
            "pejabat.camat.nama": "Drs. Bambang Sutrisno, M.Si",
            "langkah[0].mulai": "2025-04-01T08:00:00+07:00",
            "dokumen[0].tanda_tangan[0].tanggal": "2025-01-06",
        }
        saved = client.post(f"/d/{key}/isian", data=values)
    assert saved.status_code == 200 and "Tersimpan: 3 isian diubah" in saved.text
    expected = (
        before.replace('camat: &camat {nama: ""', 'camat: &camat {nama: "Drs. Bambang Sutrisno, M.Si"', 1)
        .replace("    mulai: null  # mis.", "    mulai: 2025-04-01T08:00:00+07:00  # mis.", 1)
        .replace("{peran: camat, <<: *camat, tanggal: null}", "{peran: camat, <<: *camat, tanggal: 2025-01-06}", 1)
    )
    assert expected != before
    assert manifest.read_text(encoding="utf-8") == expected
