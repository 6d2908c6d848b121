"""Demo content for the twinning site, built from public facts about Aix's partner cities.

The data modules hold what the loader writes: facts (cities, milestones, themes), texts
written for the demonstration (stories, events, calls for projects, actors, all flagged as
demo content) and their translations, keyed by the French source text, the demo accounts
and the stories' moderation workflow. ``loader.DemoLoader`` writes them; the ``load_demo``
management command runs it.
"""
