"""The toolkit every app shares: translated slugs and URLs, sanitising, upload checks,
the publication rule and staff preview, row locks, admin helpers, template tags, where
uploads live (storage).

It imports nothing from the chamber's records, news, events or the site-wide layer:
every other part of the project may build on it.
"""
