class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key, self.reason = key, reason
    def __str__(self):
        return f"bad config key {self.key!r}: {self.reason}"
def validate(cfg):
    for key, value in cfg.items():
        if value is None:
            raise ConfigError(key, "must not be None")
validate({"a": 1})
print("first ok")
validate({"a": 1, "b": None})
