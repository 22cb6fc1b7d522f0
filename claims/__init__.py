"""Pure text -> claims: entity matching, claim patterns, dates, places, numbers.

No I/O here besides reading this package's own vocabulary files once at start.
"""

EXTRACTOR_VERSION = "1"  # bump when extraction changes: stored with every claim
