"""What users take away from the warehouse: queries, the HTML report, exports (no Prefect)."""

import storage  # noqa: F401  (first: it sets Arrow's allocator before pyarrow loads)
