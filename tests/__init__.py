"""The workbook engine's own tests."""
