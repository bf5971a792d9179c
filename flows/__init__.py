"""careerdiff's Prefect flows, thin layers over the crawler that work in batches.

    flows.crawl        flow ``crawl-comparisons``: crawl in slices of pages, one task each
    flows.reparse      flow ``reparse-archive``: re-extract archived pages, one task a slice
    flows.summary      RunSummary: the value each flow returns and its table artifact
    flows.retry        which failed tasks Prefect retries (transient infrastructure faults)
    flows.progress     crawl progress as lines of the run logger
    flows.deployments  the deployments ``careerdiff serve`` runs (same as prefect.yaml)

Import the modules themselves: this package imports nothing, so a deployment that
loads ``flows/crawl.py`` as a script does not import the flows a second time.
"""
