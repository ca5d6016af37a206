"""Finding 3: ingest never overwrites a photo an editor replaced or a hand-written entry uses."""

from __future__ import annotations

from pathlib import Path

from photo_support import jpeg_bytes
from shared_support import run_cli, write_files

SEED = "Radars for the north\n\nThe ministry ordered radars for the northern bases.\n"


def _ingested(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = write_files(tmp_path / "site", {"seeds/radar.txt": SEED, "seeds/radar.jpg": jpeg_bytes("red")})
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 0, done.err
    [entry] = (root / "content").glob("*.md")
    [photo] = (root / "content" / "images").iterdir()
    return root, entry, photo


def test_a_photo_and_caption_the_editor_replaced_survive_reingest(tmp_path):
    root, entry, photo = _ingested(tmp_path)
    mine = jpeg_bytes("blue", (50, 50))
    photo.write_bytes(mine)
    entry.write_text(entry.read_text().replace("image:\n", "image:\n  caption: My own caption\n", 1))
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 0, done.err
    assert photo.read_bytes() == mine
    assert "My own caption" in entry.read_text()


def test_a_replaced_photo_survives_an_update_from_a_changed_seed(tmp_path):
    root, entry, photo = _ingested(tmp_path)
    mine = jpeg_bytes("green", (60, 20))
    photo.write_bytes(mine)
    (root / "seeds" / "radar.txt").write_text(SEED + "\nA second paragraph about costs.\n")
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 0, done.err
    assert "costs" in entry.read_text()  # the entry itself was still updated
    assert photo.read_bytes() == mine
    assert photo.name in done.err and "kept" in done.err  # and the user is told


def test_a_new_seed_never_overwrites_a_hand_written_entrys_photo(tmp_path):
    theirs = jpeg_bytes("yellow", (33, 33))
    root = write_files(
        tmp_path / "site",
        {
            "content/hand.md": (
                '---\ntitle: "By hand"\nslug: by-hand\ndate: 2024-01-02\n'
                "image:\n  file: images/radars-for-the-north.jpg\n  alt: A radar\n---\n\nWritten by hand.\n"
            ),
            "content/images/radars-for-the-north.jpg": theirs,
            "seeds/radar.txt": SEED,
            "seeds/radar.jpg": jpeg_bytes("red"),
        },
    )
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 0, done.err
    assert (root / "content" / "images" / "radars-for-the-north.jpg").read_bytes() == theirs
    new = next(p for p in (root / "content").glob("*.md") if p.name != "hand.md")
    stored = next(line.split(":", 1)[1].strip() for line in new.read_text().splitlines() if "file:" in line)
    assert stored != "images/radars-for-the-north.jpg"
    assert (root / "content" / stored).read_bytes() == (root / "seeds" / "radar.jpg").read_bytes()
    assert run_cli("build", "--site", str(root)).code == 0
