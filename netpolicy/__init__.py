"""Rules for talking to other people's servers, shared by the crawler and the alerts rooms.

How long a server asks us to wait (`retry_after`), which addresses a fetch may reach (`addresses`), and what of
a URL may be shown or logged (`redact`), and the plain values every room reads the same way: dates, ISO
strings, one-line errors (`values`). Plain functions over plain values: no framework, no I/O.
"""
