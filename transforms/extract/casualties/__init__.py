"""Casualty figures: numbers of people killed, injured, missing, kidnapped or arrested.

How a sentence is read:
1. Candidate victim phrases: an amount with the words that name who it counts ("at least 6
   people", "another 75", "two Shia clerics", "dozens of others") and singular phrases ("a police
   officer", "the bomber", "herself"). Amounts that count things or time ("a pair of missiles",
   "5-year-old", "2022", "20 km") are dropped.
2. Coordinated phrases form one list ("6 soldiers, 6 civilians and a police officer").
3. A list takes its category from a verb before it ("killing 11 people", "the toll rose to 9")
   or after it ("six people were killed", "3 dead", "84 deaths"); each phrase may carry its own.
4. Lists after "including" / "among the dead" and phrases like "two of them" are subsets.

Counting (docs/data-model.md): qualifiers map to low/best/high, subsets are kept but never added,
disjoint groups of one list add up, figures marked as additional ("also", "another", "others",
perpetrators) add to the toll, other restatements take the largest lower bound, and a party's
claim sets the total only when nobody else gives one. Negations give 0 with qualifier `none`.
"""

from __future__ import annotations

from transforms.extract.casualties.lexicon import lowercase
from transforms.extract.casualties.sentence import figures_in_sentence, find_figures
from transforms.extract.casualties.sources import is_party_claim
from transforms.extract.casualties.summary import continues_toll, is_toll_update, summarize

__all__ = [
    "continues_toll",
    "figures_in_sentence",
    "find_figures",
    "is_party_claim",
    "is_toll_update",
    "lowercase",
    "summarize",
]
