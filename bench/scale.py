"""How big a dataset is: partners, stories and locales, and the page count they make."""

from dataclasses import asdict, dataclass

#: Pages every locale has besides cities and stories: home, cities index, stories index.
SCAFFOLD_PAGES = 3
GROWTH_BASELINE_PAGES = 1_000


@dataclass(frozen=True)
class Scale:
    partners: int
    stories: int
    locales: int

    def __post_init__(self) -> None:
        if self.partners < 1 or self.stories < 1 or self.locales < 1:
            raise ValueError("partners, stories and locales must each be at least 1")

    @property
    def pages(self) -> int:
        """Published pages, all locales together (the two unpublished templates aside)."""
        return (self.partners + self.stories + SCAFFOLD_PAGES) * self.locales

    def baseline(self) -> "Scale":
        """The same site at about 1,000 pages: the reference point for growth."""
        partners = min(self.partners, 10)
        per_locale = max(GROWTH_BASELINE_PAGES // self.locales, partners + SCAFFOLD_PAGES + 1)
        return Scale(partners, per_locale - partners - SCAFFOLD_PAGES, self.locales)

    def as_dict(self) -> dict:
        return {**asdict(self), "pages": self.pages}


DEFAULT = Scale(partners=50, stories=10_000, locales=9)
QUICK = Scale(partners=10, stories=200, locales=9)
