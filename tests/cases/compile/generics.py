type Alias = list[int]
type Pair[T] = tuple[T, T]

def first[T: (int, str), *Ts, **P](x: T, *args: *Ts) -> T:
    return x

class Box[T = int](Base, metaclass=Meta):
    def get(self) -> T:
        return super().get()
