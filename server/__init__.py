"""Bytelens's protocol edge: the language server and the debug adapter (they land with their issues).

Only this package converts the pipeline's plain results into LSP/DAP types.
"""
