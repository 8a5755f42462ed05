"""What a report says, read from its tables and text, and compared with its sources (content.md).

``model``: tables as the readers extract them, and the figures read from them;
``tables``: tables -> indicator rows and budget figures; ``parts``: the report's parts;
``compare``: the C001-C008 comparison, as pure functions of those.
"""
