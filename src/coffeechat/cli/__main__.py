"""`python -m coffeechat.cli` runs the console script."""

from coffeechat.cli import main

raise SystemExit(main())
