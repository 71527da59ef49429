"""Benchmarks that print a report: `python -m benchmarks.<name>`. Not tests: they measure."""
