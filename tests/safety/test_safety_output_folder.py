"""Findings 1 and 2: an output or preview folder that is, holds or sits in an input is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from safety_support import one_error_line, small_site, snapshot
from shared_support import run_cli


def _inputs(root: Path) -> dict[str, bytes]:
    return {
        name: data
        for name, data in snapshot(root).items()
        if not name.startswith((".briefing-cache/", "public/", "out/"))
    }


@pytest.mark.parametrize(
    "output_dir",
    [
        "content",
        "content/",
        "./content",
        "content/sub",
        "seeds/",
        "themes/",
        "briefing.toml",
        "entities.yml",
        ".git/",
        "./",
        ".",
        "public/../content",
        ".briefing-cache",
        "/tmp",
        "../elsewhere",
    ],
)
def test_an_output_folder_that_is_or_holds_an_input_is_refused(tmp_path, output_dir):
    root = small_site(tmp_path / "site", config=f'output_dir = "{output_dir}"\n')
    for name, data in {
        "seeds/a.txt": "A title\n\nA body.\n",
        "themes/mine/templates/x.html": "x",
        "entities.yml": "block: [Chad]\n",
        ".git/HEAD": "ref: refs/heads/main\n",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(data)
    before = _inputs(root)
    for _ in range(2):  # the second time with a warm cache, as in the report
        done = run_cli("build", "--site", str(root))
        assert done.code == 1, done.out + done.err
        line = one_error_line(done.err)
        assert "output_dir" in line
    assert _inputs(root) == before


def test_an_output_folder_that_is_a_symlink_into_content_is_refused(tmp_path):
    root = small_site(tmp_path / "site", config='output_dir = "out"\n')
    (root / "out").symlink_to(root / "content")
    before = snapshot(root / "content")
    done = run_cli("build", "--site", str(root))
    assert done.code == 1
    assert "output_dir" in one_error_line(done.err)
    assert snapshot(root / "content") == before


def test_an_output_folder_outside_the_site_needs_the_explicit_option(tmp_path):
    outside = tmp_path / "deploy"
    root = small_site(tmp_path / "site", config=f'output_dir = "{outside}"\n')
    refused = run_cli("build", "--site", str(root))
    assert refused.code == 1 and "output_outside_site" in one_error_line(refused.err)
    assert not outside.exists()
    (root / "briefing.toml").write_text(f'output_dir = "{outside}"\noutput_outside_site = true\n')
    done = run_cli("build", "--site", str(root))
    assert done.code == 0, done.err
    assert (outside / "index.html").is_file()


def test_the_option_never_allows_a_folder_holding_the_site(tmp_path):
    root = small_site(tmp_path / "site", config=f'output_dir = "{tmp_path}"\noutput_outside_site = true\n')
    before = snapshot(root / "content")
    done = run_cli("build", "--site", str(root))
    assert done.code == 1
    one_error_line(done.err)
    assert snapshot(root / "content") == before


@pytest.mark.parametrize(
    "base_url",
    [
        "http://localhost:8000/../../content/",
        "http://localhost:8000/a/../../content/",
        "http://localhost:8000/%2e%2e/%2e%2e/content/",
    ],
)
def test_a_base_url_that_climbs_out_is_refused_before_serve_builds(tmp_path, base_url):
    root = small_site(tmp_path / "site", config=f'base_url = "{base_url}"\n')
    before = snapshot(root / "content")
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--site", str(root), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    assert proc.returncode == 1, out + err
    assert "base_url" in one_error_line(err)
    assert snapshot(root / "content") == before


def test_the_preview_folder_is_checked_like_the_output_folder(tmp_path):
    from briefing.config import load_config
    from briefing.errors import ConfigError
    from briefing.output_guard import check_output

    root = small_site(tmp_path / "site")
    from dataclasses import replace

    config = replace(load_config(root), output_dir=".briefing-cache/serve-1/../../content")
    with pytest.raises(ConfigError):
        check_output(config)
