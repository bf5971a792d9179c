"""What the numbers were measured on: the machine, its load, and the versions that matter."""

from __future__ import annotations

import importlib.metadata
import os
import platform
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

#: Packages whose versions RESULTS.md lists (distribution names).
PACKAGES = (
    "httpx",
    "httpcore",
    "sniffio",
    "selectolax",
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "prefect",
    "scrapy",
    "twisted",
    "beautifulsoup4",
    "lxml",
)


@dataclass(frozen=True)
class Machine:
    cores: int
    cpu_model: str
    memory_gb: float
    system: str
    python: str

    def describe(self) -> str:
        return (
            f"{self.cores} cores ({self.cpu_model}), {self.memory_gb:.1f} GB memory, "
            f"{self.system}, Python {self.python}"
        )


def machine() -> Machine:
    """This machine's cores, CPU model and memory (Linux /proc; best effort elsewhere)."""
    return Machine(
        cores=os.cpu_count() or 1,
        cpu_model=_cpu_model(),
        memory_gb=_memory_bytes() / 1024**3,
        system=f"{platform.system()} {platform.release()}",
        python=platform.python_version(),
    )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_bytes() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def versions() -> dict[str, str]:
    """Installed versions of ``PACKAGES`` ("missing" when not installed)."""
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "missing"
    return found


def load_average() -> tuple[float, float, float]:
    """The 1, 5 and 15 minute load averages (how busy the shared machine was)."""
    try:
        return os.getloadavg()
    except OSError:
        return (0.0, 0.0, 0.0)


def _cpu_ticks() -> dict[int, tuple[str, int]]:
    ticks = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        ticks[int(stat.parent.name)] = (name, int(fields[11]) + int(fields[12]))
    return ticks


def busy_processes(seconds: float = 1.0, limit: int = 4) -> list[tuple[str, float]]:
    """The processes using the most CPU right now, as (name, percent of one core) (Linux)."""
    before = _cpu_ticks()
    time.sleep(seconds)
    after = _cpu_ticks()
    hertz = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    used = [
        (name, (ticks - before[pid][1]) / hertz / seconds * 100)
        for pid, (name, ticks) in after.items()
        if pid in before and ticks > before[pid][1]
    ]
    return sorted(used, key=lambda row: row[1], reverse=True)[:limit]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
