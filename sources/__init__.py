"""Reading inputs: files on disk and pages and feeds over HTTP."""
