"""The LLM textbook's build package: MkDocs plugins (``llmbook.plugins``) and the
MkDocs-free cores they call (checks, renderers, data loaders), one job per module.

Installed from the repository root with ``python3 -m pip install --no-deps -e .``;
``pyproject.toml`` registers the plugins as ``mkdocs.plugins`` entry points.
"""
