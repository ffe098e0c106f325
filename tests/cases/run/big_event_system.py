"""An event system with a registry metaclass, decorator-registered handlers, typed descriptors,
__set_name__, __init_subclass__ and zero-argument super()."""
import functools
from collections import defaultdict


class Field:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.slot = f"_{name}"
        owner._fields = getattr(owner, "_fields", ()) + (name,)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{type(obj).__name__}.{self.name} must be {self.kind.__name__}, "
                            f"not {type(value).__name__}")
        setattr(obj, self.slot, value)


class EventMeta(type):
    registry = {}

    def __new__(mcls, name, bases, ns, *, topic=None):
        cls = super().__new__(mcls, name, bases, ns)
        if topic is not None:
            mcls.registry[topic] = cls
            cls.topic = topic
        return cls

    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        obj.seq = EventMeta.counter = getattr(EventMeta, "counter", 0) + 1
        return obj

    def __repr__(cls):
        return f"<event type {cls.__name__}>"


class Event(metaclass=EventMeta):
    _fields = ()

    def __init__(self, **values):
        for name in self._fields:
            if name in values:
                setattr(self, name, values.pop(name))
        if values:
            raise TypeError(f"unknown fields: {sorted(values)}")

    def __repr__(self):
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}#{self.seq}({inner})"


class UserEvent(Event, topic="user"):
    user = Field(str, "anonymous")


class Login(UserEvent, topic="login"):
    ip = Field(str, "0.0.0.0")


class Purchase(UserEvent, topic="purchase"):
    amount = Field(int, 0)
    item = Field(str)


class Bus:
    def __init__(self):
        self.handlers = defaultdict(list)
        self.history = []

    def on(self, event_type, *, priority=0):
        def register(func):
            self.handlers[event_type].append((priority, func))
            self.handlers[event_type].sort(key=lambda pair: -pair[0])
            return func
        return register

    def emit(self, event):
        self.history.append(event)
        results = []
        for cls in type(event).__mro__:
            for _, handler in self.handlers.get(cls, ()):
                try:
                    results.append(handler(event))
                except StopPropagation as stop:
                    results.append(f"stopped by {handler.__name__}: {stop}")
                    return results
        return results


class StopPropagation(Exception):
    pass


def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


class Plugin:
    plugins = []

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls)

    def describe(self):
        return f"plugin {self.plugin_name}"


class Auditor(Plugin, name="audit"):
    def describe(self):
        return super().describe() + " (records everything)"


class Fraud(Plugin):
    def describe(self):
        base = super().describe()
        return f"{base} / limit 500"


bus = Bus()


@bus.on(Event, priority=-10)
@counted
def audit(event):
    return f"audit {event!r}"


@bus.on(Login)
def welcome(event):
    return f"welcome {event.user} from {event.ip}"


@bus.on(Purchase, priority=5)
def fraud_check(event):
    if event.amount > 500:
        raise StopPropagation(f"{event.amount} too large")
    return "fraud ok"


@bus.on(UserEvent)
def per_user(event):
    return f"user event for {event.user}"


print(EventMeta.registry)
print(Login._fields, Purchase._fields, UserEvent._fields)
for ev in [Login(user="ann", ip="10.0.0.1"), Purchase(user="bo", amount=30, item="pen"),
           Purchase(user="cy", amount=900, item="car"), UserEvent()]:
    for line in bus.emit(ev):
        print("  ", line)
print("audit calls:", audit.calls, audit.__name__, audit.__wrapped__.__name__)

for bad in [lambda: Purchase(amount="lots"), lambda: Login(colour="red"), lambda: setattr(Login(), "ip", 7)]:
    try:
        bad()
    except TypeError as exc:
        print("TypeError:", exc)

print(Login.ip, Login.ip.name, Login.ip.slot, type(Login), Login.topic, UserEvent.topic)
print([p.plugin_name for p in Plugin.plugins], [p().describe() for p in Plugin.plugins])
print(EventMeta.counter, len(bus.history), isinstance(Login(), Event), Login.__mro__[1:3])
