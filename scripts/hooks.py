"""MkDocs entry point for the site's build hooks (see mkdocs.yml `hooks:`)."""
