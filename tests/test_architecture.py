"""Dependencies run one way (README, "Architecture"):

    toolkit  <-  chamber (organisations, agreements)  <-  news, events  <-  site, root URLs

The toolkit imports none of the others; the chamber's records import only the toolkit;
news and events import only the toolkit and the chamber's models; only the site-wide
layer and the project's root modules import news and events.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("chamber", "news", "events")
# The project's own modules: settings, root URLs, WSGI/ASGI. They may import anything.
PROJECT_MODULES = {"chamber", "chamber.settings", "chamber.urls", "chamber.wsgi", "chamber.asgi"}

# Layer -> the layers (or exact modules) it may import.
ALLOWED = {
    "toolkit": {"toolkit"},
    "chamber": {"toolkit", "chamber"},
    "news": {"toolkit", "chamber.models", "news"},
    "events": {"toolkit", "chamber.models", "events"},
    # The newsletter composes articles and events: it stands beside the site-wide layer.
    "newsletter": {"toolkit", "chamber", "news", "events", "newsletter"},
    # The partners (which may name an organisation) and the publications.
    "partners": {"toolkit", "chamber.models", "partners"},
    "publications": {"toolkit", "publications"},
    # The chamber's pages and menus: they link to the other apps' sections by URL name.
    "pages": {"toolkit", "pages"},
    "site": {
        "toolkit",
        "chamber",
        "news",
        "events",
        "newsletter",
        "partners",
        "publications",
        "pages",
        "site",
    },
    "project": {
        "toolkit",
        "chamber",
        "news",
        "events",
        "newsletter",
        "partners",
        "publications",
        "pages",
        "site",
        "project",
    },
}


def layer(module: str) -> str:
    if module in PROJECT_MODULES:
        return "project"
    for prefix, name in (
        ("chamber.toolkit", "toolkit"),
        ("chamber.site", "site"),
        ("chamber.newsletter", "newsletter"),
        ("chamber.partners", "partners"),
        ("chamber.publications", "publications"),
        ("chamber.pages", "pages"),
    ):
        if module == prefix or module.startswith(prefix + "."):
            return name
    return module.split(".")[0]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imported_modules(source: str, module: str) -> set[str]:
    """The project modules that ``source`` (the text of ``module``) imports, at the top
    or inside a function."""
    found = set()
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if is_module(candidate) else base)
    return {name for name in found if name.split(".")[0] in PACKAGES}


def allowed(importer: str, imported: str) -> bool:
    rules = ALLOWED[layer(importer)]
    return layer(imported) in rules or imported in rules


def violations(sources: dict[str, str]) -> list[str]:
    """``importer -> imported`` for each import against the direction of the layers."""
    return sorted(
        f"{module} -> {imported}"
        for module, source in sources.items()
        for imported in imported_modules(source, module)
        if not allowed(module, imported)
    )


def project_sources() -> dict[str, str]:
    return {
        module_name(path): path.read_text(encoding="utf-8")
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def test_every_import_follows_the_direction_of_the_layers():
    sources = project_sources()
    assert len(sources) > 50  # the whole project was read
    assert violations(sources) == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        # The shapes of import the check must see, each against the rule.
        ("chamber.views", "from news.models import Article"),
        ("chamber.views", "def f():\n    from events import services"),
        ("chamber.toolkit.i18n", "import chamber.models"),
        ("news.views", "from chamber.admin import OrganisationAdmin"),
        ("news.views", "from chamber.site import search"),
        ("events.services", "from news.models import Article"),
        ("chamber.models", "from chamber.site.views import HomeView"),
        ("news.models", "from chamber.newsletter.models import Subscriber"),
        ("chamber.views", "from chamber.newsletter import services"),
        ("chamber.newsletter.views", "from chamber.site import search"),
        ("chamber.views", "from chamber.partners.models import Partner"),
        ("chamber.publications.views", "from chamber.models import Organisation"),
        ("news.views", "from chamber.publications.models import Publication"),
        ("chamber.pages.views", "from news.models import Article"),
        ("chamber.pages.models", "from chamber.models import Organisation"),
        ("chamber.views", "from chamber.pages.navigation import page_tree"),
    ],
)
def test_an_import_against_the_direction_is_found(module, source):
    assert violations({module: source}) != []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("news.models", "from chamber.models import Agreement"),
        ("events.views", "from chamber.toolkit.i18n import find_by_translated_slug"),
        ("chamber.site.views", "from news.models import Article"),
        ("chamber.urls", "from chamber.site import views"),
        ("chamber.admin", "from chamber.toolkit.admin import image_preview"),
        ("chamber.newsletter.services", "from events.models import Event"),
        ("chamber.urls", "from chamber.newsletter import views"),
        ("chamber.partners.models", "from chamber.models import Organisation"),
        ("chamber.site.views", "from chamber.publications.models import Publication"),
        ("chamber.site.sitemaps", "from chamber.pages import sitemaps"),
        ("chamber.pages.views", "from chamber.toolkit.views import not_translated"),
    ],
)
def test_an_import_in_the_direction_is_allowed(module, source):
    assert violations({module: source}) == []
