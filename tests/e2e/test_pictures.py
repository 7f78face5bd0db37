"""Responsive pictures in a real browser: each picture's ``sizes`` says how wide the CSS
draws it, from a phone to a wide screen, and the browser picks a WebP rendition of about
that width (chamber.toolkit.renditions)."""

import re

import pytest
from django.core.management import call_command

from tests.support.public_pages import public_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = [360, 600, 900, 1150, 1400]
PAGES = ["home", "news list", "article", "agreement", "event", "publications", "publication"]

# For each <img> with ``sizes``: the width the first matching entry of ``sizes`` gives
# (measured on a probe element), the width the page draws the picture at, and the
# rendition the browser chose.
MEASURE = """
() => [...document.querySelectorAll("img[sizes]")].map((img) => {
  const entries = img.sizes.split(/,(?![^(]*\\))/).map((entry) => entry.trim());
  let length = null;
  for (const entry of entries) {
    const match = entry.match(/^(\\(.*?\\))\\s+(.*)$/);
    if (!match) { length = entry; break; }
    if (matchMedia(match[1]).matches) { length = match[2]; break; }
  }
  const probe = document.createElement("div");
  probe.style.position = "absolute";
  probe.style.width = length;
  document.body.append(probe);
  const said = probe.getBoundingClientRect().width;
  probe.remove();
  const widths = img.srcset.split(",").map((candidate) => parseInt(candidate.trim().split(" ")[1]));
  return {said, drawn: img.getBoundingClientRect().width, chosen: img.currentSrc, widths};
})
"""


def test_sizes_follow_the_layout_and_webp_is_chosen(browser, live_server):
    call_command("load_demo", verbosity=0)
    paths = public_pages("en")
    context = browser.new_context(device_scale_factor=1)
    page = context.new_page()
    try:
        measured = 0
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for name in PAGES:
                page.goto(live_server.url + paths[name])
                # Lazy pictures choose their rendition when they come near the screen.
                page.evaluate(
                    "() => document.querySelectorAll('img').forEach((i) => i.loading = 'eager')"
                )
                page.wait_for_function("() => [...document.images].every((i) => i.complete)")
                for found in page.evaluate(MEASURE):
                    # 100vw counts the scroll bar, which the layout does not have.
                    assert abs(found["said"] - found["drawn"]) <= 16, (name, width, found)
                    assert found["chosen"].endswith(".webp"), (name, width, found)
                    chosen = int(re.search(r"\.(\d+)x\d+_", found["chosen"]).group(1))
                    # A rendition at least as wide as the picture is drawn, else the widest.
                    assert chosen >= found["said"] or chosen == max(found["widths"]), (
                        name,
                        width,
                        found,
                    )
                    measured += 1
        assert measured >= len(WIDTHS) * len(PAGES)
    finally:
        context.close()
