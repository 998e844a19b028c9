"""The work the flows' tasks do, without Prefect: extraction and resolution over the lake in
worker processes."""

import storage  # noqa: F401  (first: it sets Arrow's allocator before pyarrow loads)
