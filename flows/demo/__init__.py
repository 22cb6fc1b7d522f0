"""The local news site (a real HTTP server on 127.0.0.1) for tests and `sahelwatch demo`."""
