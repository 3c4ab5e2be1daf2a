"""Stage 5: read field values out of classified blocks, one module per field."""
