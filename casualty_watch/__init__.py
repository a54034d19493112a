"""casualty-watch: the command line and config, the front door to the rooms."""
__version__ = "0.1.0"
