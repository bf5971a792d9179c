"""Write a generated comparison site of N pages to a folder a static server can serve.

    python -m bench.sitegen --pages 1000 [--out bench/out] [--seed 2025]

The site (``<out>/site-<N>/www``) looks like the real one: comparison pages at
``/<a>-jobs/<a>-vs-<b>-differences`` (written as ``.../index.html``), drawn by the
fixture renderer in all three markup styles with its ~130 KB of site chrome; six
category listing pages; a home page; a robots.txt that allows everything; and a
sitemap index whose child sitemaps hold at most 50,000 URLs each. robots.txt and
the sitemaps name absolute URLs, so they are written for a base URL when the site
is served (:func:`write_discovery`). Pages are rendered on every core; a site whose
manifest matches is reused.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from bench.sitefacts import SitePlan  # noqa: E402
from fixtures.tools.compose import ComparisonRenderer, render_home, render_listing  # noqa: E402
from fixtures.tools.pages import CATEGORIES, ComparisonPage  # noqa: E402
from fixtures.tools.site import Route, urlset  # noqa: E402

#: Bump when the generated pages change, so sites written before are made again.
SITEGEN_VERSION = 1
DEFAULT_OUT = ROOT / "bench" / "out"
#: The sitemap protocol's limit of URLs per sitemap file.
SITEMAP_MAX_URLS = 50_000
#: URLs per child sitemap; smaller than the limit so big sites have several children.
DEFAULT_SITEMAP_URLS = 5_000
#: Comparison pages before and after a page that its "related comparisons" may list.
RELATED_WINDOW = 6
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Site:
    """A generated site on disk: ``www`` is the document root."""

    folder: Path
    pages: int
    seed: int
    comparison_paths: tuple[str, ...]

    @property
    def www(self) -> Path:
        return self.folder / "www"

    def comparison_urls(self, base_url: str) -> list[str]:
        return [base_url + path for path in self.comparison_paths]


def site_folder(pages: int, out: Path = DEFAULT_OUT) -> Path:
    return out / f"site-{pages}"


def ensure_site(
    pages: int,
    out: Path = DEFAULT_OUT,
    *,
    seed: int = 2025,
    sitemap_urls: int = DEFAULT_SITEMAP_URLS,
    workers: int | None = None,
) -> Site:
    """The site of ``pages`` pages under ``out``: reused when its manifest matches, else written."""
    folder = site_folder(pages, out)
    wanted = _manifest(pages, seed, sitemap_urls)
    found = _read_manifest(folder)
    if found is not None and all(found.get(k) == v for k, v in wanted.items()):
        paths = found.get("comparison_paths")
        if isinstance(paths, list):
            return Site(folder, pages, seed, tuple(str(path) for path in paths))
    return write_site(folder, pages, seed=seed, sitemap_urls=sitemap_urls, workers=workers)


def write_site(
    folder: Path,
    pages: int,
    *,
    seed: int = 2025,
    sitemap_urls: int = DEFAULT_SITEMAP_URLS,
    workers: int | None = None,
) -> Site:
    """Render every page of the site of ``pages`` pages into ``folder``; same input, same bytes."""
    if pages < 1:
        raise ValueError("a site needs at least one page")
    if not 1 <= sitemap_urls <= SITEMAP_MAX_URLS:
        raise ValueError(f"a child sitemap holds 1 to {SITEMAP_MAX_URLS:,} URLs")
    manifest_path = folder / MANIFEST
    manifest_path.unlink(missing_ok=True)  # an interrupted write is never reused
    shutil.rmtree(folder / "www", ignore_errors=True)  # no page of an older site stays
    plan = SitePlan(pages, seed)
    comparisons = plan.comparisons()
    www = folder / "www"
    chunks = [range(i, min(i + 500, pages)) for i in range(0, pages, 500)]
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(chunks) == 1:
        for chunk in chunks:
            _render_range(www, comparisons, chunk)
    else:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(plan,)) as pool:
            list(pool.map(_render_chunk, [(str(www), c.start, c.stop) for c in chunks]))
    for category in CATEGORIES:
        name = f"{category.slug}-jobs"
        _write(
            www / category.path.strip("/") / "index.html",
            render_listing(name, category, comparisons),
        )
    _write(www / "index.html", render_home(comparisons))
    paths = tuple(page.path for page in comparisons)
    manifest = {**_manifest(pages, seed, sitemap_urls), "comparison_paths": list(paths)}
    _write(manifest_path, json.dumps(manifest, indent=1) + "\n")
    return Site(folder, pages, seed, paths)


def _manifest(pages: int, seed: int, sitemap_urls: int) -> dict[str, object]:
    return {"version": SITEGEN_VERSION, "pages": pages, "seed": seed, "sitemap_urls": sitemap_urls}


def _read_manifest(folder: Path) -> dict[str, object] | None:
    try:
        found = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


_worker_pages: list[ComparisonPage] = []


def _init_worker(plan: SitePlan) -> None:
    _worker_pages[:] = plan.comparisons()


def _render_chunk(task: tuple[str, int, int]) -> int:
    www, start, stop = task
    _render_range(Path(www), _worker_pages, range(start, stop))
    return stop - start


def _render_range(www: Path, comparisons: Sequence[ComparisonPage], indices: range) -> None:
    for i in indices:
        page = comparisons[i]
        related = comparisons[max(0, i - RELATED_WINDOW) : i + RELATED_WINDOW + 1]
        html = ComparisonRenderer(page, related).render()
        _write(www / page.path.strip("/") / "index.html", html)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


# -- discovery files: robots.txt and sitemaps, for one base URL --------------------


def robots_txt(base_url: str) -> str:
    """Allow every agent everything; point at the sitemap index."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url}/sitemap.xml\n"


def sitemap_files(site: Site, base_url: str) -> dict[str, str]:
    """The sitemap index and its children, by path: listings and home first, then comparisons."""
    manifest = _read_manifest(site.folder) or {}
    per_file = int(str(manifest.get("sitemap_urls", DEFAULT_SITEMAP_URLS)))
    listed = [Route("/", "", "home", sitemap="plain")]
    listed += [Route(c.path, "", "listing", sitemap="plain") for c in CATEGORIES]
    files = {"/sitemaps/pages.xml": urlset(listed, "plain")}
    comparisons = [Route(p, "", "comparison", sitemap="plain") for p in site.comparison_paths]
    for number, start in enumerate(range(0, len(comparisons), per_file), start=1):
        chunk = comparisons[start : start + per_file]
        files[f"/sitemaps/comparisons-{number}.xml"] = urlset(chunk, "plain")
    index = "".join(f"  <sitemap>\n    <loc>{{base}}{path}</loc>\n  </sitemap>\n" for path in files)
    files["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{index}</sitemapindex>\n"
    )
    return {path: text.replace("{base}", base_url) for path, text in files.items()}


def write_discovery(site: Site, base_url: str) -> None:
    """Write robots.txt and the sitemaps for ``base_url`` (unchanged files are left alone)."""
    files = {"/robots.txt": robots_txt(base_url), **sitemap_files(site, base_url)}
    for path, text in files.items():
        target = site.www / path.lstrip("/")
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            _write(target, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated comparison site.")
    parser.add_argument("--pages", type=int, required=True, help="comparison pages")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="parent folder")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--sitemap-urls", type=int, default=DEFAULT_SITEMAP_URLS)
    args = parser.parse_args(argv)
    try:
        site = ensure_site(args.pages, args.out, seed=args.seed, sitemap_urls=args.sitemap_urls)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"{site.pages:,} comparison pages in {site.www}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
