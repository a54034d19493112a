"""`casualty-watch demo`: a bundled sample web (two outlets with feeds, an NGO report page with an HTML and a
PDF report, a syndicated copy, an irrelevant story) served on 127.0.0.1, watched by the real service."""
