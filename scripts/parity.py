"""Translation parity and freshness of the page pairs (see ``llmbook.parity``).

    python3 scripts/parity.py --align transformer     # record that a pair is aligned
    python3 scripts/parity.py --align-all             # every pair
    python3 scripts/parity.py                         # check every pair
"""
import os
import sys

from llmbook.parity import main

if __name__ == "__main__":
    docs = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs")
    sys.exit(main(["--docs", docs, *sys.argv[1:]]))
