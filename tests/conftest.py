from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lapkin_audit.batch.one import assess
from lapkin_audit.cli import cli
from lapkin_audit.load.sop import load_rulebook


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test starts with an empty result cache of its own, never the user's."""
    monkeypatch.setenv("LAPKIN_AUDIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    # and the caches' key of a user of its own (made on first use), never this user's
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(autouse=True)
def _fixtures_read_once(monkeypatch):
    """The runs a test makes in this process (the command line's included) share what the
    tests already read, the module API's memo: each fixture is read once per session, not
    once per run. A test that needs a fresh reading replaces ``read._memo``."""
    from lapkin_audit import api
    from lapkin_audit.evidence import read

    monkeypatch.setattr(api.Run, "facts_memo", property(lambda run: read._memo))


@pytest.fixture(scope="session")
def rulebook():
    """The bundled rules, and the trust of the fixtures' electronic signatures."""
    from tests.helpers import TTE_RULES

    return load_rulebook([TTE_RULES])


@pytest.fixture(scope="session")
def sops(rulebook):
    return rulebook.sops


@pytest.fixture
def audit(sops):
    """Assess one dossier folder and return its DossierResult."""

    def run(folder: Path, lang: str = "id", **options):
        from tests.helpers import session

        return assess(Path(folder) / "dossier.yaml", str(folder), session(sops, lang, **options))

    return run


@pytest.fixture
def run_cli():
    def run(*args: str):
        result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
        return result

    return run


@pytest.fixture
def run_json(run_cli):
    def run(*args: str):
        result = run_cli("check", "--format", "json", *args)
        return result.exit_code, json.loads(result.output)

    return run
