"""``python manage.py load_demo``: the demo site, in French and translated, written once."""

from django.core.management.base import BaseCommand, CommandError

from home.demo.loader import DemoDataError, DemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo content: Aix's partner cities from the seed, exchange stories, events, "
        "calls for projects and actors written for the demo, their translations, the demo "
        "accounts and the stories' moderation workflow. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-if-loaded",
            action="store_true",
            help="Exit at once if the demo is already there (one query).",
        )

    def handle(self, *args, skip_if_loaded: bool = False, verbosity: int = 1, **options):
        if skip_if_loaded and DemoLoader.is_loaded():
            if verbosity >= 1:
                self.stdout.write("Demo content already loaded.")
            return

        def log(message: str, level: int = 1) -> None:
            if verbosity >= level:
                self.stdout.write(message)

        loader = DemoLoader(log=log)
        try:
            created = loader.load()
        except DemoDataError as error:
            raise CommandError(
                "The demo data is invalid; nothing was written:\n- " + "\n- ".join(error.problems)
            ) from error

        if verbosity >= 1:
            self._print_summary(created, loader)

    def _print_summary(self, created, loader: DemoLoader) -> None:
        if created:
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Created: {made}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already complete: nothing written."))
        rows = loader.summary()
        languages = sorted({code for _label, counts in rows for code in counts})
        width = max(len(label) for label, _counts in rows)
        self.stdout.write(" " * width + "".join(f"{code:>6}" for code in languages))
        for label, counts in rows:
            cells = "".join(f"{counts.get(code, 0):>6}" for code in languages)
            self.stdout.write(f"{label:<{width}}{cells}")
