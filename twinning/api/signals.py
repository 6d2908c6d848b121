"""Signals the partner API sends, for other apps to act on what partners see change."""

from django.dispatch import Signal

#: Sent once the transaction that wrote rows of the changes feed's log has committed, with
#: ``changes``: the list of ``twinning.api.models.Change`` rows written (with their ids).
#: twinning.partners turns them into webhook events.
changes_recorded = Signal()
