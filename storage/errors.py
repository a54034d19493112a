"""Archive errors the front door shows as one line."""


class ArchiveError(Exception):
    """The archive cannot be opened or used (bad URL, server unreachable, schema newer than this code)."""


class ArchiveMissing(ArchiveError):
    """A command that only reads (or corrects) was pointed at a SQLite file that does not exist: creating an
    empty archive there would hide the mistake (a typo in a path, the wrong folder)."""


class ArchiveReadOnly(ArchiveError):
    """The archive's file or folder cannot be written, and this command needs to write."""
