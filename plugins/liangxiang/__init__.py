"""Liangxiang (亮相): party members' identities, promises, zones and stories, made public.

The data flows through four stages, one package each:
``load`` (files -> typed records that remember file and line), ``check`` (references and rules),
``site`` (pages through the theme's templates) and ``print`` (signboards, plates, QR codes).
``plugin`` glues them to MkDocs events; ``cli`` exposes them on the command line.
"""

__version__ = "0.1.0"
