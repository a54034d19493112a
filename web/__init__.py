"""The HTTP API and the page at `/`: a read-only window on the archive (`web.app.create_app`).

A room: it is handed plain values (database URL, token, version) and never imports the front door.
"""
