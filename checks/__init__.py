"""Reads and checks the built site: the library the tests and the editors' commands share.

One module per concern (parity, seo, security, search, fidelity, first_load...); every check
returns the problems it finds as sentences naming the language, the page and what differs, and
never asserts: the tests assert, the commands print. The product (docs/, overrides/, mkdocs.yml)
never imports this package, and this package never imports the tests.
"""
