"""Keep every language tree in step with the source tree: deletes, moves and unpublishing."""
