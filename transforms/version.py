"""The extractor's version: a light module, so that publishing and the fast commands can know
it without importing the extractor."""

# Raise it whenever extraction output may change: the next run extracts every article again,
# and resolution and publishing use only this version's mentions.
EXTRACTOR_VERSION = "0.1.7"
