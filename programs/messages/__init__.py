"""Vietnamese messages raised by the program side's services and models, one module per sub-domain
(``plans``, ``delivery``, ``budget``); tests import them. Every constant is also importable from the
package, for code that raises messages of more than one sub-domain."""

# Star imports so a constant added to a sub-domain module is at once importable from the package too.
from programs.messages.budget import *  # noqa: F403
from programs.messages.corrections import *  # noqa: F403
from programs.messages.delivery import *  # noqa: F403
from programs.messages.plans import *  # noqa: F403
