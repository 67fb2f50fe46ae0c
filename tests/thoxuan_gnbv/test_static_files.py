"""Static files build for production: whitenoise's manifest storage fails on a missing referenced file."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_source_map_a_vendored_file_names_exists():
    missing = []
    for path in (ROOT / "static").rglob("*"):
        if path.suffix not in {".js", ".css"}:
            continue
        for name in re.findall(
            r"sourceMappingURL=([^\s*]+)", path.read_text(encoding="utf-8", errors="ignore")
        ):
            if not name.startswith("data:") and not (path.parent / name).exists():
                missing.append(f"{path.relative_to(ROOT)} → {name}")
    assert missing == []


def test_collectstatic_succeeds_with_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="kiem-thu-" + "s" * 50,
        ALLOWED_HOSTS="gnbv.example.vn",
        STATIC_ROOT=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/chartjs-4.6.1/chart.umd.min.js" in manifest
    assert "css/portal.css" in manifest
