"""Publishing a library: every guide in every format, kits with manifests, the index, verify and import.

No Qt here: exporters that paint start Qt themselves inside the worker processes.
"""

from __future__ import annotations

from trainer.publish.build import Failure, PublishError, Summary, publish
from trainer.publish.manifest import KitError, Verification, verify

__all__ = ["Failure", "KitError", "PublishError", "Summary", "Verification", "publish", "verify"]
