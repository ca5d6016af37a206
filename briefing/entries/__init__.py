"""Entries in content/: reading one file (read), the rules an entry meets (validate),
and the build's load stage over all of them, cached and on every core (load)."""
