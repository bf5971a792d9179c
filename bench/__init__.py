"""careerdiff's benchmarks: a generated comparison site, a local nginx, and the peers.

``python bench/run.py`` measures parse, reparse and crawl throughput beside bare
lexbor, a BeautifulSoup implementation of the same extraction and a Scrapy spider,
and writes ``bench/RESULTS.md``. See ``bench/README.md``.
"""
