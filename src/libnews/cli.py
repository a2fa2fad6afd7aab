"""The ``libnews`` command line.

libnews parse FILE|- [--published YYYY-MM-DD] [--pretty]
libnews demo
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from libnews import __version__
from libnews.examples import EXAMPLE_PUBLISHED, example_text
from libnews.parse import parse_article

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _read(source: str) -> str:
    if source == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace")
    return Path(source).read_bytes().decode("utf-8", errors="replace")


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        text = _read(args.file)
    except OSError as exc:
        print(f"libnews parse: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    try:
        article = parse_article(text, published=args.published)
    except ValueError as exc:
        print(f"libnews parse: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(article.model_dump_json(indent=2 if args.pretty else None) + "\n")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    article = parse_article(example_text(), published=EXAMPLE_PUBLISHED)
    sys.stdout.write(article.model_dump_json(indent=2) + "\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``libnews`` command."""
    parser = argparse.ArgumentParser(
        prog="libnews",
        description="Turn Arabic news articles into structured, typed data.",
        epilog="examples:\n  libnews demo\n  libnews parse article.txt --published 2020-12-15 --pretty",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"libnews {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse one article and print it as JSON",
        epilog=(
            "examples:\n  libnews parse article.txt --published 2020-12-15 --pretty\n"
            "  cat article.txt | libnews parse -"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    parse.add_argument("--published", metavar="YYYY-MM-DD", help="publication day, to resolve relative dates")
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(handler=_cmd_parse)

    demo = commands.add_parser("demo", help="parse the bundled example article")
    demo.set_defaults(handler=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 some inputs failed, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
