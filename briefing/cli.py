"""The `briefing` command: argument parsing and error reporting only; the work is elsewhere."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from dataclasses import replace
from pathlib import Path

import briefing
from briefing.errors import BriefingError, ContentError
from briefing.publish import build_now

log = logging.getLogger("briefing")


def main(argv: list[str] | None = None) -> int:
    # A build makes millions of short-lived dicts and few cycles: the default threshold
    # ran the cycle collector often enough to cost a tenth of a cold build.
    gc.set_threshold(20_000, 20, 100)
    parser = _parser()
    args = parser.parse_args(argv)
    for name, default in (("site", None), ("debug", False), ("verbose", False), ("strict", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    warnings = _setup_logging(args.verbose)
    root = Path(args.site).resolve() if args.site else Path.cwd()
    if args.command != "new" and not root.is_dir():
        print(f"error: site folder {args.site} does not exist (check --site)", file=sys.stderr)
        return 1
    try:
        # Checked before any command runs: numpy, which ingest and the build import,
        # reads SOURCE_DATE_EPOCH as it loads and fails on a bad one with a traceback.
        build_now()
        status = args.run(args, root)
    except BriefingError as error:
        if args.debug:
            raise
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: still one line, with a way to see more
        if args.debug:
            raise
        print(
            f"error: internal error: {type(exc).__name__}: {exc} "
            "(run again with --debug for details and report it)",
            file=sys.stderr,
        )
        return 2
    if args.strict and warnings.count and status == 0:
        # MkDocs' and Pelican's convention: a warning is a failure where the site must be clean.
        plural = "warning" if warnings.count == 1 else "warnings"
        print(f"error: {warnings.count} {plural} with --strict (fix them, or drop --strict)", file=sys.stderr)
        return 1
    return status


def _common(default: object) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name (`briefing --site D build`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--site", metavar="DIR", default=default, help="the site's root folder (default: here)"
    )
    common.add_argument("--debug", action="store_true", default=default, help="show tracebacks of errors")
    common.add_argument("-v", "--verbose", action="store_true", default=default, help="say more")
    common.add_argument(
        "--strict", action="store_true", default=default, help="exit with status 1 if there was any warning"
    )
    return common


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        parents=[_common(argparse.SUPPRESS)],
        description="Turn raw news articles into a tagged, searchable briefing digest site.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {briefing.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest", parents=[_common(argparse.SUPPRESS)], help="turn seeds/*.txt into entries in content/"
    )
    ingest.set_defaults(run=_ingest)

    build = commands.add_parser(
        "build", parents=[_common(argparse.SUPPRESS)], help="render content/ into public/"
    )
    build.add_argument("--base-url", metavar="URL", help="override base_url for this build")
    build.add_argument("--drafts", action="store_true", help="include entries marked draft: true")
    build.add_argument(
        "--future",
        action="store_true",
        help="include entries dated after now (SOURCE_DATE_EPOCH or the clock)",
    )
    build.add_argument(
        "--executor",
        metavar="ADDRESS",
        help="run load, related and render on the Dask cluster at ADDRESS (tcp://HOST:PORT); "
        "needs pip install 'briefing[dask]'",
    )
    build.set_defaults(run=_build)

    serve = commands.add_parser(
        "serve", parents=[_common(argparse.SUPPRESS)], help="build, serve with live reload, rebuild on change"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--bind", default="127.0.0.1", help="address (default 127.0.0.1)")
    serve.add_argument("--future", action="store_true", help="also show entries dated after now")
    serve.set_defaults(run=_serve)

    new = commands.add_parser("new", parents=[_common(argparse.SUPPRESS)], help="create a new site in DIR")
    new.add_argument("directory", metavar="DIR", help="the folder to create")
    new.set_defaults(run=_new)

    entities = commands.add_parser(
        "entities",
        parents=[_common(argparse.SUPPRESS)],
        help="list the entities tagged across content/, and candidates",
    )
    entities.set_defaults(run=_entities)
    return parser


def _setup_logging(verbose: bool) -> _WarningCount:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LevelFormatter())
    warnings = _WarningCount()
    log.handlers[:] = [handler, warnings]  # main() may run twice in one process (build.py)
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False
    return warnings


class _WarningCount(logging.Handler):
    """Counts the warnings a command logs, for --strict (errors fail the command anyway)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:
            self.count += 1


class _LevelFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = " ".join(record.getMessage().split())
        if record.levelno >= logging.ERROR:
            return message if message.startswith("error:") else f"error: {message}"
        if record.levelno >= logging.WARNING:
            return f"warning: {message}"
        return message


def _config(args: argparse.Namespace, root: Path):
    from briefing.config import load_config

    config = load_config(root)
    if getattr(args, "base_url", None):
        config = config.with_base_url(args.base_url)
    if getattr(args, "drafts", False) or getattr(args, "future", False):
        config = replace(config, drafts=getattr(args, "drafts", False), future=getattr(args, "future", False))
    return config


def _ingest(args: argparse.Namespace, root: Path) -> int:
    from briefing.ingest import ingest_site

    report = ingest_site(_config(args, root))
    for error in report.failed:
        print(f"error: {error}", file=sys.stderr)
    print(report.summary_line())
    return 0 if report.ok else 1


def _build(args: argparse.Namespace, root: Path) -> int:
    from briefing.build import build_site

    config = _config(args, root)
    address = args.executor or config.executor
    if not address:
        result = build_site(config, progress=sys.stderr.isatty())
    else:
        from briefing.dask_executor import DaskExecutor

        executor = DaskExecutor(address)
        try:
            result = build_site(config, progress=sys.stderr.isatty(), executor=executor)
        finally:
            executor.close()
    if result.held:
        print(result.held)
    print(result.summary_line())
    from briefing.render.urls import is_local

    if not args.base_url and is_local(config.base_url):
        # After the build, so a failing build still says one thing; --base-url is deliberate.
        log.warning(
            "base_url is %s: canonical links, feeds and sitemaps point there; set base_url in "
            "briefing.toml (or pass --base-url) to the address you publish at",
            config.base_url,
        )
    return 0


def _serve(args: argparse.Namespace, root: Path) -> int:
    from briefing.serve import serve

    return serve(_config(args, root), port=args.port, bind=args.bind)


def _new(args: argparse.Namespace, root: Path) -> int:
    from briefing.scaffold import new_site

    target = (root / args.directory) if args.site else Path(args.directory)
    new_site(target.resolve())
    print(
        f"created a site in {args.directory}: add articles to its seeds/, then run\n"
        f"  cd {args.directory} && briefing ingest && briefing build"
    )
    return 0


def _entities(args: argparse.Namespace, root: Path) -> int:
    from briefing.entities import load_registry
    from briefing.entities.report import build_report, format_report
    from briefing.entries.read import list_entries, read_entry

    config = _config(args, root)
    docs = []
    for path in list_entries(config.content_dir):
        metadata, body, _line, _text = read_entry(path)
        tags, entities = metadata.get("tags") or [], metadata.get("entities") or {}
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list) or not isinstance(entities, dict):
            raise ContentError(
                "tags must be a list of names and entities a mapping of type to names",
                path,
                hint="write tags: [Russia, S-400]; `briefing build` names the line",
            )
        docs.append(
            (
                [str(tag) for tag in tags],
                {str(k): v if isinstance(v, list) else [] for k, v in entities.items()},
                f"{metadata.get('title', '')}\n\n{body}",
            )
        )
    print(format_report(build_report(docs, load_registry(config.root))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
