"""Wrong output: a seed's date line that names no real day is an error naming that line."""

from __future__ import annotations

import pytest
from safety_support import one_error_line
from shared_support import run_cli, write_files


@pytest.mark.parametrize("line", ["2024-02-30", "Published: 31 April 2024", "February 30, 2024"])
def test_a_bad_date_line_is_an_error_naming_its_line(tmp_path, line):
    root = write_files(
        tmp_path / "site",
        {"seeds/a.txt": f"Radars for the north\n{line}\n\nThe ministry ordered radars for the bases.\n"},
    )
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 1
    error = one_error_line(done.err.replace("ingest:", ""))
    assert "a.txt:2" in error and "date" in error
    assert not list((root / "content").glob("*.md")) if (root / "content").exists() else True


def test_a_seed_without_a_date_line_gets_a_warning_naming_it(tmp_path):
    root = write_files(
        tmp_path / "site",
        {
            "seeds/undated.txt": "Radars for the north\n\nThe ministry ordered radars for the bases.\n",
            "seeds/dated.txt": "Ships for the south\n2024-03-01\n\nThe navy ordered ships for the ports.\n",
        },
    )
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 0, done.err
    warnings = [line for line in done.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "undated.txt" in warnings[0] and "date line" in warnings[0], done.err
    again = run_cli("ingest", "--site", str(root))  # once, when the date is written
    assert "undated.txt" not in again.err
