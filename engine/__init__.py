"""The work the flows' tasks do, without Prefect: extraction and resolution over the lake in
worker processes."""
