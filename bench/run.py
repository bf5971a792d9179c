"""``python bench/run.py``: every benchmark, one table, and ``bench/RESULTS.md``.

    python bench/run.py                         # sizes 1,000, 5,000 and 20,000
    python bench/run.py --quick                 # 1,000 pages, fewer rounds: a smoke run
    python bench/run.py --sizes 2000 --repeats 3 --only crawl

Parse: careerdiff's extraction, bare lexbor, the BeautifulSoup peer and bare
BeautifulSoup on a sample of generated pages (one core, interleaved, median of the
rounds). Crawl: ``careerdiff crawl`` and the Scrapy peer over loopback against
nginx for each size, an unchanged recrawl, and a reparse of the archive. See
bench/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from bench import machine, report  # noqa: E402
from bench.crawling import Run, run_crawls  # noqa: E402
from bench.parsing import ParseResult, run_parse  # noqa: E402
from bench.sitegen import DEFAULT_OUT, ensure_site  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
DEFAULT_SIZES = "1000,5000,20000"


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of page counts: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("page counts must be at least 1")
    return sorted(set(sizes))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0].strip("`: "))
    p.add_argument(
        "--sizes", type=_sizes, default=None, help=f"site sizes (default {DEFAULT_SIZES})"
    )
    p.add_argument("--quick", action="store_true", help="1,000 pages, 30 parse pages, 1 round")
    p.add_argument("--only", choices=("parse", "crawl"), help="run one part only")
    p.add_argument("--repeats", type=int, default=1, help="crawls per tool and size (median)")
    p.add_argument("--rounds", type=int, default=3, help="parse rounds (median)")
    p.add_argument("--parse-pages", type=int, default=100, help="pages in the parse sample")
    p.add_argument("--concurrency", type=int, default=16, help="requests in flight")
    p.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy peer")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="sites, databases, logs")
    p.add_argument("--results", type=Path, default=RESULTS, help="the Markdown file to write")
    p.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    sizes = args.sizes or _sizes("1000" if args.quick else DEFAULT_SIZES)
    if args.quick:
        args.parse_pages, args.rounds = min(args.parse_pages, 30), 1
    if args.repeats < 1 or args.rounds < 1 or args.parse_pages < 1 or args.concurrency < 1:
        print("error: --repeats, --rounds, --parse-pages and --concurrency must be >= 1")
        return 2
    context = report.Context(
        date=machine.now(),
        machine=machine.machine(),
        versions=machine.versions(),
        load_before=machine.load_average(),
        busy_before=machine.busy_processes(),
        command="python bench/run.py " + shlex.join(argv if argv is not None else sys.argv[1:]),
    )
    print(f"{context.machine.describe()}; load {context.load_before[0]:.2f}")
    parse: ParseResult | None = None
    if args.only in (None, "parse"):
        site = ensure_site(min(sizes), args.out)
        print(
            f"parse: {args.parse_pages} pages of the {site.pages:,}-page site, {args.rounds} rounds"
        )
        parse = run_parse(site, pages=args.parse_pages, rounds=args.rounds)
    runs: list[Run] = []
    if args.only in (None, "crawl"):
        for run in run_crawls(
            sizes,
            out=args.out,
            repeats=args.repeats,
            concurrency=args.concurrency,
            scrapy=not args.no_scrapy,
            say=print,
        ):
            runs.append(run)
            context.server = _server_of(run, context.server)
    context.load_after = machine.load_average()
    print()
    print("\n".join(report.table(parse, runs)))
    print()
    print("\n".join(report.verdict_lines(parse, runs, sizes)))
    if not args.no_write:
        notes = report.kept_notes(args.results)
        args.results.write_text(
            report.markdown(context, parse, runs, sizes, notes), encoding="utf-8"
        )
        print(f"\nwrote {args.results}")
    return 0


def _server_of(run: Run, known: str) -> str:
    return known or run.server


if __name__ == "__main__":
    sys.exit(main())
