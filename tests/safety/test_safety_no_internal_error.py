"""The "internal error" inputs of the report: each is one line naming the file, or a warning.

A damaged cache is discarded with a warning and the build goes on; a bad photo is
skipped with a warning; everything else is exit 1 with one line that names the file.
"""

from __future__ import annotations

import marshal
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from photo_support import jpeg_bytes
from safety_support import one_error_line, small_site, snapshot
from shared_support import run_cli, write_files


def _no_crash(done) -> None:
    assert done.code in (0, 1), done.err
    assert "Traceback" not in done.err and "internal error" not in done.err, done.err


@pytest.mark.parametrize(
    "toml",
    [
        'title = ""\n',
        'title = "Bad\\u0007title"\n',
        f'output_dir = "{"x" * 300}"\n',
        'output_dir = "pub\\u0000lic"\n',
        'base_url = "http://example.org/\\nDisallow: /"\n',
        'base_url = "http://example.org:99999/"\n',
        'base_url = "http://example.org/?q=1"\n',
        'base_url = "http://example.org/#top"\n',
        'base_url = "ftp://example.org/"\n',
    ],
)
def test_a_bad_setting_is_one_line_naming_the_config(tmp_path, toml):
    root = small_site(tmp_path / "site", 1, config=toml)
    done = run_cli("build", "--site", str(root))
    assert done.code == 1, done.err
    assert "briefing.toml" in one_error_line(done.err)


def _built(tmp_path: Path) -> Path:
    root = small_site(tmp_path / "site", 3)
    assert run_cli("build", "--site", str(root)).code == 0
    return root


@pytest.mark.parametrize(
    "damage",
    [
        "wrong-type",
        "garbage",
        "cache-is-a-file",
        "staging-is-a-file",
        "lock-is-a-folder",
        "bucket-wrong-type",
    ],
)
def test_a_damaged_cache_is_discarded_with_a_warning_and_the_build_goes_on(tmp_path, damage):
    root = _built(tmp_path)
    cache = root / ".briefing-cache"
    good = snapshot(root / "public")
    (root / "content" / "entry-0001.md").write_text(
        (root / "content" / "entry-0001.md").read_text().replace("Entry 1", "Changed 1")
    )
    if damage == "wrong-type":
        (cache / "state.marshal").write_bytes(marshal.dumps([1, 2, 3]))
    elif damage == "garbage":
        (cache / "state.marshal").write_bytes(b"\x00garbage")
    elif damage == "cache-is-a-file":
        shutil.rmtree(cache)
        cache.write_text("not a folder")
    elif damage == "staging-is-a-file":
        (cache / "staging").write_text("not a folder")
    elif damage == "lock-is-a-folder":
        (cache / "lock").unlink()
        (cache / "lock").mkdir()
    elif damage == "bucket-wrong-type":
        for bucket in cache.glob("*-*.marshal"):
            bucket.write_bytes(marshal.dumps("a string"))
    for _ in range(2):  # and the next build is not broken by it either
        done = run_cli("build", "--site", str(root))
        _no_crash(done)
        if done.code == 1:
            assert ".briefing-cache" in one_error_line(done.err)
            assert snapshot(root / "public") == good
            return
    assert "Changed 1" in (root / "public" / "briefings" / "entry-0001" / "index.html").read_text()


@pytest.mark.parametrize(
    "what", ["entities.yml", "themes/mine/templates/base.html", "themes/mine/static/style.css"]
)
def test_an_unreadable_input_file_is_one_line_naming_it(tmp_path, what, monkeypatch, capsys):
    from briefing.cli import main

    root = small_site(tmp_path / "site", 2, config='theme = "mine"\n')
    (root / "themes/mine/templates").mkdir(parents=True)
    (root / what).parent.mkdir(parents=True, exist_ok=True)
    (root / what).write_text("block: [Chad]\n" if what.endswith(".yml") else "body { }\n")
    unreadable = str(root / what)
    real_bytes, real_text = Path.read_bytes, Path.read_text

    def refuse(self, *args, **kwargs):  # root reads any file: EACCES as a user would get it
        if str(self) == unreadable:
            raise PermissionError(13, "Permission denied", str(self))
        return (real_text if kwargs or args else real_bytes)(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", lambda self: refuse(self))
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: refuse(self, *a, **k))
    code = main(["build", "--site", str(root)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert Path(what).name in one_error_line(err)


def test_a_static_file_linking_outside_the_site_is_not_published(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n")
    root = small_site(tmp_path / "site", 2, config='theme = "mine"\n')
    (root / "themes/mine/static").mkdir(parents=True)
    (root / "themes/mine/static/passwd").symlink_to(secret)
    done = run_cli("build", "--site", str(root))
    assert done.code == 1
    assert "passwd" in one_error_line(done.err)
    assert not (root / "public" / "passwd").exists()


def test_entities_on_tags_that_are_not_a_list_is_one_line(tmp_path):
    root = small_site(tmp_path / "site", 1)
    (root / "content" / "odd.md").write_text('---\ntitle: "Odd"\ndate: 2024-01-01\ntags: 42\n---\n\nBody.\n')
    done = run_cli("entities", "--site", str(root))
    _no_crash(done)
    assert done.code == 1 and "odd.md" in one_error_line(done.err)


def test_a_truncated_photo_beside_a_seed_is_skipped_with_a_warning(tmp_path):
    photo = jpeg_bytes("red", (300, 200))
    root = write_files(
        tmp_path / "site",
        {
            "seeds/radar.txt": "Radars for the north\n\nThe ministry ordered radars.\n",
            "seeds/radar.jpg": photo[: len(photo) // 2],
            "content/hand.md": '---\ntitle: "Hand"\ndate: 2024-01-01\nimage:\n  file: images/cut.jpg\n---\n\nBody.\n',
            "content/images/cut.jpg": photo[: len(photo) // 2],
        },
    )
    ingest = run_cli("ingest", "--site", str(root))
    _no_crash(ingest)
    assert "radar.jpg" in ingest.err and "warning" in ingest.err
    for _ in range(2):
        done = run_cli("build", "--site", str(root))
        assert done.code == 0, done.err
        assert "cut.jpg" in done.err or _ == 1


def test_serve_port_out_of_range_is_one_line(tmp_path):
    root = small_site(tmp_path / "site", 1)
    for port in ("70000", "-1"):
        done = run_cli("serve", "--site", str(root), "--port", port, timeout=60)
        assert done.code in (1, 2) and "port" in done.err and "Traceback" not in done.err
        assert "internal error" not in done.err


def test_serve_needs_an_address_to_bind(tmp_path):
    root = small_site(tmp_path / "site", 1)
    done = run_cli("serve", "--site", str(root), "--bind", "", timeout=60)
    assert done.code in (1, 2) and "bind" in done.err and "Traceback" not in done.err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_answers_a_nul_in_the_path_without_a_traceback(tmp_path):
    root = small_site(tmp_path / "site", 1)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--site", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.time() < deadline and server.poll() is None, "serve did not start"
                time.sleep(0.3)
        for path in ("/%00", "/a%00b.html", "/%00/"):
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
            assert answer.value.code in (400, 404)
            assert b"Traceback" not in answer.value.read()
    finally:
        server.terminate()
        _out, err = server.communicate(timeout=30)
    assert "Traceback" not in err


@pytest.mark.parametrize("what", ["state.marshal", "lock", ""])
def test_an_unreadable_cache_is_a_warning_or_one_line_naming_it(tmp_path, what):
    from permissions import run_bound_by_modes

    root = _built(tmp_path)
    good = snapshot(root / "public")
    damaged = root / ".briefing-cache" / what
    damaged.chmod(0o000)
    try:
        done = run_bound_by_modes("build", "--site", str(root))  # as root too: modes bind it
    finally:
        damaged.chmod(0o755 if damaged.is_dir() else 0o644)
    _no_crash(done)
    if done.code == 1:
        assert ".briefing-cache" in one_error_line(done.err)
        assert snapshot(root / "public") == good
    assert run_cli("build", "--site", str(root)).code == 0
