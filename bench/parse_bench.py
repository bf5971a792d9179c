"""Pages per second of ``extract_page`` beside a bare lexbor parse of the same pages.

Run by hand (``.venv/bin/python bench/parse_bench.py``). Pages are the fixture
pages (non-comparison and truncated edge pages included), each padded to about
``--size`` KB with realistic boilerplate (menus, footer link lists, inline
scripts and styles) when smaller. Prints a small table: pages/s and ms/page of a
bare ``LexborHTMLParser(html)``, of ``extract_page``, and their ratio; the bar is
>= 1,000 pages/s and a ratio within 2.5x.

``--profile`` runs the extraction under pyinstrument and prints where time goes.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from extractors import extract_page  # noqa: E402

PAGES_DIR = ROOT / "fixtures" / "pages"
SEED_RENDERER_DIR = ROOT / "tests" / "extractors"


def load_pages(size_kb: int, which: str = "all") -> list[str]:
    """The fixture pages (or the seed page in several markups), padded to ``size_kb``.

    ``which``: "generated" (the pages the fixture tools render, in the site's
    markups), "hand-made" (the red-team pages, each in an unusual markup) or "all".
    """
    from fixtures.tools import HAND_MADE

    paths = sorted(PAGES_DIR.glob("*.html"))
    if which != "all":
        paths = [path for path in paths if (path.stem in HAND_MADE) == (which == "hand-made")]
    pages = [path.read_text(encoding="utf-8") for path in paths]
    if not pages:
        sys.path.insert(0, str(SEED_RENDERER_DIR))
        import seed_page  # the seed page in many markups, from the extractor tests

        pages = [
            seed_page.render(style=style, headings=headings)
            for style in ("table", "th", "grid", "dl", "cards", "columns", "wrappers")
            for headings in ("h", "role", "bold")
        ]
    return [pad(page, size_kb * 1024, seed) for seed, page in enumerate(pages)]


def pad(page: str, size: int, seed: int) -> str:
    """The page with menus, a footer, scripts and styles added until it is ``size`` bytes."""
    missing = size - len(page.encode("utf-8"))
    if missing <= 0:
        return page
    rng = random.Random(seed)
    chunks: list[str] = []
    while missing > 0:
        chunk = _boilerplate(rng)
        chunks.append(chunk)
        missing -= len(chunk)
    filler = "".join(chunks)
    head_end = page.find("</head>")
    script = f"<script>window.__state={{'t':{rng.random()!r}}};</script>"
    if head_end >= 0:
        page = page[:head_end] + script + page[head_end:]
    body_end = page.rfind("</body>")
    if body_end < 0:
        return page + filler
    return page[:body_end] + filler + page[body_end:]


def _boilerplate(rng: random.Random) -> str:
    kind = rng.choice(("menu", "footer", "script", "style"))
    if kind == "menu":
        items = "".join(
            f'<li class="m-{rng.randrange(1 << 20):x}">'
            f'<a href="/jobs/{i}">Salary guide {i}</a></li>'
            for i in range(40)
        )
        return f'<nav class="n-{rng.randrange(1 << 20):x}"><ul>{items}</ul></nav>'
    if kind == "footer":
        cols = "".join(
            f"<div><h4>Careers {c}</h4><ul>"
            + "".join(f'<li><a href="/c/{c}/{i}">Skills for job {i}</a></li>' for i in range(15))
            + "</ul></div>"
            for c in range(4)
        )
        return f"<footer>{cols}</footer>"
    if kind == "script":
        data = ",".join(f'"k{i}":{rng.random():.6f}' for i in range(200))
        return f'<script>window.__data={{"Yearly salary":1,{data}}};</script>'
    rules = "".join(f".c-{rng.randrange(1 << 24):x}{{margin:{i}px}}" for i in range(150))
    return f"<style>{rules}</style>"


def measure(
    works: dict[str, Callable[[str], object]], pages: list[str], rounds: int
) -> dict[str, float]:
    """Best-of-``rounds`` CPU seconds per page of each work over ``pages``.

    The works take turns within each round, so a busy machine slows them alike.
    """
    best = dict.fromkeys(works, float("inf"))
    for _ in range(rounds):
        for name, work in works.items():
            gc.collect()
            start = time.process_time()
            for page in pages:
                work(page)
            best[name] = min(best[name], (time.process_time() - start) / len(pages))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=150, help="pad pages to this many KB")
    parser.add_argument("--rounds", type=int, default=15, help="best of this many runs")
    parser.add_argument("--repeat", type=int, default=1, help="pages are run this many times")
    parser.add_argument("--profile", action="store_true", help="profile with pyinstrument")
    args = parser.parse_args(argv)

    pages = load_pages(args.size) * args.repeat
    size_kb = sum(len(p.encode("utf-8")) for p in pages) / len(pages) / 1024
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0001)
        with profiler:
            for page in pages:
                extract_page(page)
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return 0

    def bare(page: str) -> object:
        return LexborHTMLParser(page)

    timings = measure({"bare": bare, "extract": extract_page}, pages, args.rounds)
    bare_s, extract_s = timings["bare"], timings["extract"]
    print(f"{len(pages) // args.repeat} pages x {args.repeat}, {size_kb:.0f} KB each on average")
    print(f"{'':28} {'pages/s':>9} {'ms/page':>9}")
    print(f"{'bare LexborHTMLParser(html)':28} {1 / bare_s:9,.0f} {bare_s * 1e3:9.3f}")
    print(f"{'extract_page(html)':28} {1 / extract_s:9,.0f} {extract_s * 1e3:9.3f}")
    print(f"{'extraction after the parse':28} {'':>9} {(extract_s - bare_s) * 1e3:9.3f}")
    print(f"ratio extract/bare: {extract_s / bare_s:.2f}x (bar: <= 2.5x and >= 1,000 pages/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
