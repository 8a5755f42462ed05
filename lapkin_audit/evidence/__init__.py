"""Evidence: what the attachments themselves say, read into facts before the checks run.

Every attachment the file system found intact (``load.attachments``: status ``ok``) is
read once per distinct content (its SHA-256): its real format from its bytes, its page
count and its text, each piece remembering whether it came from a text layer or from OCR
(and OCR's confidence). Parsing happens in a child process under memory, CPU and
wall-clock limits (``evidence.read``), so a hostile file costs a finding, never the
batch. Facts are cached by content hash (``evidence.cache``).
"""
