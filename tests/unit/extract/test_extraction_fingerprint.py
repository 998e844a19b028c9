"""The extractor's output over the samples and 3,000 generated texts equals the stored fingerprint.

A refactor or speed change must keep it. A change meant to alter extraction stores the new value
(`python -m tests.fingerprint --update`) in the same commit, and says why in the message.
"""

import json

from tests.fingerprint import STORED, fingerprint


def test_extraction_output_matches_the_stored_fingerprint():
    assert fingerprint() == json.loads(STORED.read_text())
