"""Reading casualty estimates out of English and Arabic news text (pure rules, no I/O).

    >>> [e.to_dict()["low"] for e in extract("At least 40 civilians were killed in Mosul, police said.")]
    [40]

Modules, one job each: text (scripts), sentences, numbers, figures (bounds, ranges, non-counts),
heads (what is counted), outcomes (outcome words), linking (figure -> outcome rules), attribution
(claimant), places, reader (extract), identity (same-estimate key). Word lists: lexicon, lexicon_ar.
"""
from .identity import identity_key, victims_group
from .model import Estimate
from .reader import extract

__all__ = ["Estimate", "extract", "identity_key", "victims_group"]
