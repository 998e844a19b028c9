"""Pure text -> record transforms. No I/O, no Prefect, nothing from flows/."""
