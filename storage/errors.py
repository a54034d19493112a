"""Archive errors the front door shows as one line."""


class ArchiveError(Exception):
    """The archive cannot be opened or used (bad URL, server unreachable, schema newer than this code)."""
