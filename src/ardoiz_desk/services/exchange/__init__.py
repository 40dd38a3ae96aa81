"""Exchange between sites: bundles out and in, the territory, conflicts.

:class:`BundleError` is the refusal every exchange use case raises (a French message a
person can act on); callers above services catch it from here.
"""

from ardoiz_desk.sync.errors import BundleError

__all__ = ["BundleError"]
