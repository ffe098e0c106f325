x = t'a{b}c{d!r:>{e}}' + T"{f=}" + rt'\{g}'
