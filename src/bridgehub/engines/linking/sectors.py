"""Sectors of the taxonomy a news item is about, by the matching engine's cue words.

Pure Python (no Django). A news item is short and names its subject in plain terms ("wafer fab",
"晶圓廠", "ウェーハ"); the matching lexicon's cues, normalised as the matching engine normalises, read
that directly. A sector counts when its cues found in the item weigh at least `MIN_WEIGHT` (one
specific cue, or two general ones), so "equipment" alone makes no semiconductor story.
"""

from __future__ import annotations

from bridgehub.engines.matching.facets import found
from bridgehub.engines.matching.lexicon import SECTOR_CUES
from bridgehub.engines.matching.text import normalise

MIN_WEIGHT = 3.0
MAX_SECTORS = 3


def read_sectors(text: str) -> list[str]:
    """Sector codes of `text`, strongest first (at most `MAX_SECTORS`)."""
    normalised = normalise(text)
    weights: dict[str, float] = {}
    for sector, cues in SECTOR_CUES.items():
        hits = found(normalised, cues)
        if hits:
            weights[sector] = float(sum(cues[cue] for cue in hits))
    strong = sorted((sector for sector, weight in weights.items() if weight >= MIN_WEIGHT),
                    key=lambda sector: (-weights[sector], sector))
    return strong[:MAX_SECTORS]
