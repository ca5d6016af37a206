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
