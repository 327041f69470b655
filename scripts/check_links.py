"""Links of the built site (see ``llmbook.check_links``).

    python3 scripts/check_links.py SITE_DIR              # internal links + external form
    python3 scripts/check_links.py SITE_DIR --write      # also rewrite external-links.tsv
    python3 scripts/check_links.py SITE_DIR --online     # request every external URL
"""
import os
import sys

from llmbook.check_links import main

if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main(sys.argv[1:], list_file=os.path.join(root, "external-links.tsv")))
