import argparse

def build_parser():
    parser = argparse.ArgumentParser(description="Inventory tool")
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--name", default="widget")
    parser.add_argument("items", nargs="*")
    return parser

args = build_parser().parse_args([])
print(args.count, args.name, args.items)
args = build_parser().parse_args(["--count", "5", "a", "b"])
print(vars(args))
build_parser().parse_args(["--count", "many"])
