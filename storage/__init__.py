"""The archive room: every query lives here, behind `Archive`."""
from .archive import Archive
from .corrections import CorrectionError
from .errors import ArchiveError
from .filters import EstimateFilter
from .records import AlertOut, ItemIn, SeenInfo, SeenMark, SourceState, StoredItem
from .urls import canonical_url

__all__ = ["Archive", "ArchiveError", "EstimateFilter", "CorrectionError", "AlertOut", "ItemIn", "SeenInfo", "SeenMark", "SourceState", "StoredItem", "canonical_url"]
