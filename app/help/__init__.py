"""The Easy Read guide inside the app: one page per task, in English and Welsh."""
