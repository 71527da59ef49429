"""The editors' commands, each a thin main() over the checks package: `python -m commands.<name>`."""
