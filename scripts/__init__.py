"""Project logic for the Child Online Safety Hub: plain, tested functions; the MkDocs hook is a thin layer on top."""
