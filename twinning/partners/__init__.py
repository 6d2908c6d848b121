"""Partner exchange (opt-in): partner accounts and their tokens, signed webhooks, PO files
sent back by partner cities for review, and the embeddable widget."""
