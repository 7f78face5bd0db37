"""The site-wide layer: the pages that gather every app (home, search, privacy notice),
the sitemap, robots.txt, the admin's titles, the staff groups and the demo content.

It is the only part of the project, with the root URLs, that imports news and events.
"""
