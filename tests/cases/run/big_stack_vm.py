"""An assembler and stack machine: labels, jumps, calls with frames, a tiny standard library,
a disassembler, error handling for stack underflow and bad opcodes, and programs run on it."""
from dataclasses import dataclass
from enum import IntEnum


class Op(IntEnum):
    PUSH = 1
    POP = 2
    ADD = 3
    SUB = 4
    MUL = 5
    DIV = 6
    DUP = 7
    SWAP = 8
    JMP = 9
    JZ = 10
    CALL = 11
    RET = 12
    LOAD = 13
    STORE = 14
    PRINT = 15
    HALT = 16
    LT = 17
    EQ = 18


ARGS = {Op.PUSH, Op.JMP, Op.JZ, Op.CALL, Op.LOAD, Op.STORE}


class MachineError(Exception):
    pass


@dataclass
class Instr:
    op: Op
    arg: int | None = None

    def __str__(self):
        return self.op.name if self.arg is None else f"{self.op.name} {self.arg}"


def assemble(source):
    labels = {}
    pending = []
    for raw in source.splitlines():
        line = raw.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(pending)
            continue
        name, *rest = line.split()
        try:
            op = Op[name.upper()]
        except KeyError:
            raise MachineError(f"unknown instruction {name!r}") from None
        if (op in ARGS) != bool(rest):
            raise MachineError(f"{op.name} takes {'one argument' if op in ARGS else 'no argument'}")
        pending.append((op, rest[0] if rest else None))
    program = []
    for op, arg in pending:
        if arg is None:
            program.append(Instr(op))
        elif arg.lstrip("-").isdigit():
            program.append(Instr(op, int(arg)))
        elif arg in labels:
            program.append(Instr(op, labels[arg]))
        else:
            raise MachineError(f"undefined label {arg!r}")
    return program


def disassemble(program):
    return "\n".join(f"{i:03d} {ins}" for i, ins in enumerate(program))


class Machine:
    def __init__(self, program, max_steps=100_000):
        self.program = program
        self.stack = []
        self.frames = [{}]
        self.returns = []
        self.pc = 0
        self.output = []
        self.steps = 0
        self.max_steps = max_steps

    def pop(self):
        if not self.stack:
            raise MachineError(f"stack underflow at {self.pc - 1}")
        return self.stack.pop()

    def run(self):
        binary = {Op.ADD: lambda a, b: a + b, Op.SUB: lambda a, b: a - b,
                  Op.MUL: lambda a, b: a * b, Op.LT: lambda a, b: int(a < b),
                  Op.EQ: lambda a, b: int(a == b)}
        while True:
            if self.steps >= self.max_steps:
                raise MachineError("step limit exceeded")
            self.steps += 1
            ins = self.program[self.pc]
            self.pc += 1
            match ins.op:
                case Op.PUSH:
                    self.stack.append(ins.arg)
                case Op.POP:
                    self.pop()
                case Op.DUP:
                    v = self.pop()
                    self.stack += [v, v]
                case Op.SWAP:
                    b, a = self.pop(), self.pop()
                    self.stack += [b, a]
                case Op.DIV:
                    b, a = self.pop(), self.pop()
                    if b == 0:
                        raise MachineError(f"division by zero at {self.pc - 1}")
                    self.stack.append(a // b)
                case op if op in binary:
                    b, a = self.pop(), self.pop()
                    self.stack.append(binary[op](a, b))
                case Op.JMP:
                    self.pc = ins.arg
                case Op.JZ:
                    if self.pop() == 0:
                        self.pc = ins.arg
                case Op.CALL:
                    self.returns.append(self.pc)
                    self.frames.append({})
                    self.pc = ins.arg
                case Op.RET:
                    self.frames.pop()
                    self.pc = self.returns.pop()
                case Op.LOAD:
                    self.stack.append(self.frames[-1].get(ins.arg, 0))
                case Op.STORE:
                    self.frames[-1][ins.arg] = self.pop()
                case Op.PRINT:
                    self.output.append(self.pop())
                case Op.HALT:
                    return self.output


FACTORIAL = """
    push 10
    call fact
    print
    push 0
    call fact
    print
    halt
fact:               ; n -> n!
    store 0
    push 1
    store 1
loop:
    load 0
    jz done
    load 1
    load 0
    mul
    store 1
    load 0
    push 1
    sub
    store 0
    jmp loop
done:
    load 1
    ret
"""

PRIMES = """
    push 2
    store 0
next:
    load 0
    push 40
    lt
    jz end
    load 0
    call isprime
    jz skip
    load 0
    print
skip:
    load 0
    push 1
    add
    store 0
    jmp next
end:
    halt
isprime:
    store 0
    push 2
    store 1
try:
    load 1
    load 1
    mul
    load 0
    swap
    lt
    jz yes_check
    push 1
    ret
yes_check:
    load 0
    load 0
    load 1
    div
    load 1
    mul
    eq
    jz cont
    push 0
    ret
cont:
    load 1
    push 1
    add
    store 1
    jmp try
"""

prog = assemble(FACTORIAL)
print(disassemble(prog[:8]))
m = Machine(prog)
print(m.run(), m.steps)
m = Machine(assemble(PRIMES))
print(m.run(), m.steps)
for bad in ["pop\nhalt", "push 1\npush 0\ndiv\nhalt", "frob 3", "jmp nowhere", "add 3",
            "loop:\njmp loop"]:
    try:
        Machine(assemble(bad), max_steps=50).run()
    except MachineError as exc:
        print("MachineError:", exc)
print(Op.ADD, repr(Op.JZ), Op(5).name, Op.MUL + 1, sorted(ARGS)[:2])
