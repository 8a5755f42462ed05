"""The gather stage: the only stage that reads a dossier's files.

``gather.dossier.gather`` reads the manifest, inspects the attachments, reads their content
(through ``evidence/``, in child processes) and builds the timeline, and hands the checks a
frozen ``Context`` (``gather.context``). Nothing after this stage touches the dossier folder.
"""
