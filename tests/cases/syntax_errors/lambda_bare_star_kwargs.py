lambda *, **k: 0
