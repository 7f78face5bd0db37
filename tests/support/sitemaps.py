"""Reading the sitemap index and its sitemaps as a search engine does."""

import xml.etree.ElementTree as ET

from django.urls import reverse

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client) -> dict[str, dict[str, str]]:
    """Each ``<loc>`` of every sitemap of the index -> its alternates (hreflang -> href)."""
    index = client.get(reverse("sitemap-index"))
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    entries = {}
    for location in ET.fromstring(index.content).iter(f"{{{NS['sm']}}}loc"):
        response = client.get(location.text.removeprefix("http://testserver"))
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("sm:url", NS):
            loc = url.find("sm:loc", NS).text
            entries[loc] = {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            }
    return entries
