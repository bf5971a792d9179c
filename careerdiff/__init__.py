"""careerdiff: career "X vs Y" comparison pages in, a normalized database out."""

__version__ = "0.1.0"

__all__ = ["__version__"]
