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
