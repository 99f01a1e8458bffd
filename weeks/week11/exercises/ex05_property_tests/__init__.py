"""Property-based tests for TaskHub's public task URLs and page arithmetic."""
