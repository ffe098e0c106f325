"""A text adventure driven by a scripted list of commands: rooms, items, a state machine."""
import enum
from dataclasses import dataclass, field


class State(enum.Enum):
    EXPLORING = enum.auto()
    FIGHTING = enum.auto()
    WON = enum.auto()
    DEAD = enum.auto()


class Direction(enum.StrEnum):
    NORTH = "north"
    SOUTH = "south"
    EAST = "east"
    WEST = "west"

    @property
    def opposite(self):
        return {"north": Direction.SOUTH, "south": Direction.NORTH,
                "east": Direction.WEST, "west": Direction.EAST}[self.value]


@dataclass
class Item:
    name: str
    weight: int
    power: int = 0


@dataclass
class Room:
    name: str
    description: str
    items: list = field(default_factory=list)
    exits: dict = field(default_factory=dict)
    monster: "Monster | None" = None
    locked: bool = False

    def connect(self, direction, other):
        self.exits[direction] = other
        other.exits[direction.opposite] = self


@dataclass
class Monster:
    name: str
    health: int
    attack: int

    @property
    def alive(self):
        return self.health > 0


class GameOver(Exception):
    pass


class Player:
    MAX_WEIGHT = 10

    def __init__(self, start):
        self.room = start
        self.inventory = []
        self.health = 20
        self.moves = 0

    @property
    def carried(self):
        return sum(i.weight for i in self.inventory)

    @property
    def power(self):
        return 1 + max((i.power for i in self.inventory), default=0)


class Game:
    def __init__(self):
        hall = Room("Hall", "a dusty hall")
        armory = Room("Armory", "racks of old weapons", [Item("sword", 4, 5), Item("anvil", 9)])
        cellar = Room("Cellar", "damp and dark", [Item("key", 1)])
        lair = Room("Lair", "bones everywhere", monster=Monster("troll", 12, 4))
        vault = Room("Vault", "gold glitters", [Item("crown", 2)], locked=True)
        hall.connect(Direction.EAST, armory)
        hall.connect(Direction.SOUTH, cellar)
        armory.connect(Direction.NORTH, lair)
        lair.connect(Direction.EAST, vault)
        self.player = Player(hall)
        self.state = State.EXPLORING
        self.transcript = []

    def say(self, text):
        self.transcript.append(text)
        print(text)

    def handle(self, line):
        verb, _, arg = line.partition(" ")
        handler = getattr(self, f"do_{verb}", None)
        if handler is None:
            self.say(f"I don't know how to {verb!r}.")
            return
        if self.state is State.FIGHTING and verb not in ("attack", "flee", "look"):
            self.say("You can't do that while fighting!")
            return
        handler(arg)
        self.player.moves += 1

    def do_look(self, _):
        room = self.player.room
        exits = ", ".join(sorted(room.exits))
        items = ", ".join(i.name for i in room.items) or "nothing"
        self.say(f"{room.name}: {room.description}. Exits: {exits}. You see {items}.")
        if room.monster and room.monster.alive:
            self.say(f"A {room.monster.name} ({room.monster.health} hp) blocks the way!")

    def do_go(self, arg):
        try:
            direction = Direction(arg)
        except ValueError as exc:
            self.say(f"Bad direction: {exc}")
            return
        target = self.player.room.exits.get(direction)
        if target is None:
            self.say("You bump into a wall.")
        elif target.locked:
            if any(i.name == "key" for i in self.player.inventory):
                target.locked = False
                self.say(f"You unlock the {target.name}.")
                self._enter(target)
            else:
                self.say("It's locked.")
        else:
            self._enter(target)

    def _enter(self, room):
        self.player.room = room
        self.say(f"You enter the {room.name}.")
        if room.monster and room.monster.alive:
            self.state = State.FIGHTING
            self.say(f"The {room.monster.name} attacks!")

    def do_take(self, arg):
        room = self.player.room
        for item in room.items:
            if item.name == arg:
                if self.player.carried + item.weight > Player.MAX_WEIGHT:
                    self.say(f"The {arg} is too heavy (carrying {self.player.carried}).")
                    return
                room.items.remove(item)
                self.player.inventory.append(item)
                self.say(f"Taken: {arg}.")
                if arg == "crown":
                    self.state = State.WON
                return
        self.say(f"No {arg} here.")

    def do_attack(self, _):
        monster = self.player.room.monster
        if not monster or not monster.alive:
            self.say("Nothing to attack.")
            return
        monster.health -= self.player.power
        self.say(f"You hit the {monster.name} for {self.player.power}.")
        if not monster.alive:
            self.say(f"The {monster.name} dies.")
            self.state = State.EXPLORING
            return
        self.player.health -= monster.attack
        self.say(f"It hits back: you have {self.player.health} hp.")
        if self.player.health <= 0:
            self.state = State.DEAD
            raise GameOver("you died")

    def do_flee(self, _):
        self.state = State.EXPLORING
        back = next(iter(self.player.room.exits.values()))
        self.say("You flee!")
        self.player.room = back

    def do_inventory(self, _):
        names = [f"{i.name}({i.weight})" for i in self.player.inventory]
        self.say(f"Carrying {self.player.carried}/{Player.MAX_WEIGHT}: {names}")


SCRIPT = """look
go up
go west
go east
take anvil
take sword
inventory
go north
take nothing
attack
attack
attack
look
go east
go south
go south
go west
take key
go north
go east
go north
go east
take crown
dance""".splitlines()

game = Game()
for command in SCRIPT:
    if game.state in (State.WON, State.DEAD):
        break
    print(">", command)
    try:
        game.handle(command)
    except GameOver as exc:
        print("GAME OVER:", exc)
print(game.state, game.state.name, game.player.moves, len(game.transcript))
print([d.value for d in Direction], Direction.NORTH == "north", Direction("east").opposite)
