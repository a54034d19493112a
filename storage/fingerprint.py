"""Content fingerprints: an exact hash for identical text and MinHash bands for syndicated near-copies."""
from __future__ import annotations

import hashlib
import re
import struct
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs above ~0.5 Jaccard become candidates, then checked exactly
ROWS = NUM_PERM // BANDS
NEAR_DUPLICATE = 0.7  # estimated Jaccard of word 4-shingles above which two texts are one story
SHINGLE = 4
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def content_hash(text: str) -> str:
    """Identical wording, whatever the whitespace, case or punctuation, hashes alike."""
    return hashlib.sha256(" ".join(normalise(text)).encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash | None:
    """MinHash of word shingles; None for texts too short to compare fairly."""
    words = normalise(text)
    if len(words) < 30:
        return None
    from datasketch import MinHash  # imported here: it pulls in scipy, ~0.2 s every command would pay

    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    va, vb = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(va == vb)) / len(va)


def bands(mh: MinHash) -> list[int]:
    """One signed 64-bit hash per band, the keys of the LSH index table."""
    values = mh.hashvalues.astype("<u4")
    out = []
    for band in range(BANDS):
        chunk = struct.pack("<H", band) + values[band * ROWS:(band + 1) * ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return out
