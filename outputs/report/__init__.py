"""A self-contained HTML report of the warehouse: inline SVG and CSS, no script, no network.

It shows a map of the events on the shipped Natural Earth basemap (countries shaded by killed,
one circle an event), killed per month in small multiples (a panel a country), the events whose
figures are implausible (listed apart, with their evidence), and the deadliest other events
with the sentences they were read from. It imports no Prefect.

gather (gather.py) reads the warehouse; render (page.py) writes the page from what it read.
"""

from outputs.report.gather import gather
from outputs.report.page import render

__all__ = ["gather", "render"]
