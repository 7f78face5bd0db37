"""The newsletter: subscribers who confirmed their address (double opt-in), issues
composed by staff from the news and the events, one version per language, sent in the
background in batches, each subscriber at most once per issue."""
