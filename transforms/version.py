"""The extractor's and the resolver's versions: a light module, so that publishing and the fast
commands can know them without importing the extractor."""

# Raise it whenever extraction output may change: the next run extracts every article again,
# and resolution and publishing use only this version's mentions.
EXTRACTOR_VERSION = "0.1.7"

# Raise it whenever resolution's output may change for the same mentions (its rules, its
# thresholds, the columns of an event): the next run resolves every block again, where
# otherwise a block keeps its events until it gets a new mention, and an event of a redone
# block keeps its rows while its mentions stay the same.
RESOLVER_VERSION = "1"
