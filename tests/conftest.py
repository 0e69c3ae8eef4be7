"""Shared fixtures: the repository's paths and a build of the bundled archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.site import BuildOptions, build_site

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TXT = SHARED / "seed" / "000_22c5eba558120c68.txt"
SEED_EXPECTED = SHARED / "seed" / "000_22c5eba558120c68.expected.json"
SEED_SLUG = "dang-uy-khoi-cac-co-quan-trung-uong-tap-huan-nghiep-vu-cong-tac-dan-van"
SEED_URL = f"2024/06/21/{SEED_SLUG}/"


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled archive (``content/``) built once, under a sub-path base URL."""
    out = tmp_path_factory.mktemp("site") / "public"
    build_site(
        BuildOptions(content=ROOT / "content", output=out, base_url="https://example.org/archive/")
    )
    return out


def requires_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/ not present")


@pytest.fixture
def editor_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh site folder made by ``newsarchive init``, as the current folder."""
    from newsarchive.cli import main

    site = tmp_path / "site"
    assert main(["init", str(site), "--title", "Lưu trữ thử"]) == 0
    monkeypatch.chdir(site)
    return site


def write_record(site: Path, name: str, front: str, body: str = "Nội dung.") -> Path:
    """Write ``content/<name>`` with the given front-matter lines."""
    path = site / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path
