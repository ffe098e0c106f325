t'abc
