"""The Python Backend Workbook grading engine."""

__version__ = "0.1.0"
