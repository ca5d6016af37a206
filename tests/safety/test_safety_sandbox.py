"""Security: a theme's templates run in Jinja's sandbox, so a template cannot run commands."""

from __future__ import annotations

from safety_support import one_error_line, small_site
from shared_support import run_cli

ESCAPE = (
    "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}{{ ''.__class__.__mro__[1].__subclasses__() }}"
)


def test_a_theme_template_cannot_reach_python_internals(tmp_path):
    root = small_site(tmp_path / "site", 2, config='theme = "evil"\n')
    templates = root / "themes" / "evil" / "templates"
    templates.mkdir(parents=True)
    (templates / "base.html").write_text(ESCAPE)  # every page extends it
    done = run_cli("build", "--site", str(root), cwd=tmp_path)
    assert not (tmp_path / "PWNED").exists(), "the template ran a shell command"
    assert done.code == 1
    line = one_error_line(done.err)
    assert "base.html" in line and "unsafe" in line, line
