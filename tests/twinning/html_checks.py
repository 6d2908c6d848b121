"""What every public page owes its readers, checked on the HTML they receive."""

import re

import bs4

ISO_DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?")


def soup_of(response) -> bs4.BeautifulSoup:
    return bs4.BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node) -> str:
    """Visible text with whitespace collapsed, as a reader (or screen reader) gets it."""
    return " ".join(node.get_text(" ").split())


def heading_levels(soup: bs4.BeautifulSoup) -> list[int]:
    return [int(tag.name[1]) for tag in soup.find_all(re.compile(r"^h[1-6]$"))]


def assert_accessible_page(soup: bs4.BeautifulSoup, language: str = "fr") -> None:
    """Landmarks, one h1, headings without skipped levels, alt on every image,
    machine-readable dates."""
    assert soup.html.get("lang") == language
    assert len(soup.find_all("main")) == 1
    body_children = soup.body.find_all(recursive=False)
    assert any(tag.name == "header" for tag in body_children), "site banner"
    assert any(tag.name == "footer" for tag in body_children), "site footer"
    assert soup.find("nav", attrs={"aria-label": True}), "a labelled navigation"

    levels = heading_levels(soup)
    assert levels.count(1) == 1, f"one h1, got outline {levels}"
    assert levels[0] == 1, f"the h1 comes first, got outline {levels}"
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading level skipped in outline {levels}"

    for img in soup.find_all("img"):
        assert img.has_attr("alt"), f"image without alt: {img}"

    for time in soup.find_all("time"):
        assert ISO_DATETIME.match(time.get("datetime", "")), f"unreadable date: {time}"
